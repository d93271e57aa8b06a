"""Ingest: expand inputs into files, hash them, and turn every file into grayscale pages.

Bad input (empty, corrupt, encrypted, too large, unsupported) becomes a `SourceFile` with an
`error` in Spanish; the batch records it and goes on.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import Page, SourceFile

PDF_SUFFIXES = {".pdf"}
# Phones save photos as WEBP, BMP or HEIC too; Pillow reads WEBP and BMP, and HEIC through
# pillow-heif (a dependency; without it a HEIC file is reported as unsupported, never skipped).
HEIC_SUFFIXES = {".heic", ".heif"}
IMAGE_SUFFIXES = {".tif", ".tiff", ".jpg", ".jpeg", ".png", ".webp", ".bmp"} | HEIC_SUFFIXES
SUPPORTED_SUFFIXES = PDF_SUFFIXES | IMAGE_SUFFIXES
LETTER_WIDTH_IN = 8.5


@dataclass(frozen=True)
class InputListing:
    files: list[str]  # paths as the user would recognise them
    ignored: list[str]  # non-scan files found inside folders (README, JSON…)
    missing: list[str]  # arguments that do not exist


def expand_inputs(arguments: list[str]) -> InputListing:
    files: list[str] = []
    ignored: list[str] = []
    missing: list[str] = []
    for arg in arguments:
        path = Path(arg)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                target = files if child.suffix.lower() in SUPPORTED_SUFFIXES else ignored
                target.append(str(child))
        elif path.is_file():
            files.append(arg)
        else:
            missing.append(arg)
    return InputListing(files, ignored, missing)


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def inspect_source(path: str, settings: Settings) -> tuple[SourceFile, int]:
    """Hash the file and count its pages; errors are returned, not raised."""
    try:
        size = Path(path).stat().st_size
        sha = sha256_of(path)
    except OSError as exc:
        return SourceFile(path, "", 0, f"No se pudo leer el archivo: {exc.strerror}"), 0
    if size == 0:
        return SourceFile(path, sha, 0, "El archivo está vacío (0 bytes)."), 0
    suffix = Path(path).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return SourceFile(
            path, sha, size, f"Formato no soportado ({suffix or 'sin extensión'})."
        ), 0
    try:
        count = (
            _pdf_page_count(path) if suffix in PDF_SUFFIXES else _image_page_count(path, settings)
        )
    except _InputProblem as exc:
        return SourceFile(path, sha, size, str(exc)), 0
    if count > settings.max_pdf_pages:
        msg = (
            f"El archivo tiene {count} páginas; el máximo por archivo es {settings.max_pdf_pages}."
        )
        return SourceFile(path, sha, size, msg), 0
    return SourceFile(path, sha, size), count


def iter_pages(
    source: SourceFile, page_count: int, settings: Settings
) -> Iterator[Page | tuple[int, str]]:
    """Yield each page as a `Page`, or `(page_number, message)` when that page is unreadable."""
    suffix = Path(source.path).suffix.lower()
    if suffix in PDF_SUFFIXES:
        yield from _pdf_pages(source, page_count, settings)
    else:
        yield from _image_pages(source, settings)


class _InputProblem(Exception):
    pass


def _pdf_page_count(path: str) -> int:
    from pdf2image import pdfinfo_from_path
    from pdf2image.exceptions import PDFInfoNotInstalledError, PDFPageCountError, PDFSyntaxError

    try:
        info = pdfinfo_from_path(path)
    except PDFInfoNotInstalledError as exc:
        raise _InputProblem("Falta poppler-utils (pdfinfo) para leer archivos PDF.") from exc
    except (PDFPageCountError, PDFSyntaxError) as exc:
        text = str(exc).lower()
        if "incorrect password" in text or "encrypt" in text:
            raise _InputProblem("El PDF está protegido con contraseña; no se puede leer.") from exc
        raise _InputProblem("El PDF está dañado o no es un PDF válido.") from exc
    if str(info.get("Encrypted", "no")).lower().startswith("yes"):
        raise _InputProblem("El PDF está cifrado; guárdelo sin contraseña y vuelva a procesarlo.")
    return int(info.get("Pages", 0))


def _pdf_pages(
    source: SourceFile, count: int, settings: Settings
) -> Iterator[Page | tuple[int, str]]:
    from pdf2image import convert_from_path

    for number in range(1, count + 1):
        too_big = _pdf_page_too_big(source.path, number, settings)
        if too_big:
            yield number, too_big
            continue
        try:
            images = convert_from_path(
                source.path, dpi=settings.dpi, first_page=number, last_page=number, grayscale=True
            )
        except Exception:  # poppler reports per-page damage in many ways
            yield number, f"No se pudo rasterizar la página {number} del PDF."
            continue
        if not images:
            yield number, f"La página {number} del PDF no produjo imagen."
            continue
        yield Page(
            source.path, source.sha256, number, np.asarray(images[0].convert("L")), settings.dpi
        )


def _pdf_page_too_big(path: str, number: int, settings: Settings) -> str | None:
    """The pixel limit applies before rasterizing: a 100-inch page at 300 dpi is 900 Mpx."""
    from pdf2image import pdfinfo_from_path

    try:
        info = pdfinfo_from_path(path, first_page=number, last_page=number)
    except Exception:  # the rasterizer will name the damage
        return None
    size = next((v for k, v in info.items() if k.startswith("Page") and k.endswith("size")), "")
    match = re.match(r"\s*([\d.]+) x ([\d.]+) pts", str(size))
    if not match:
        return None
    width_in, height_in = (float(v) / 72.0 for v in match.groups())
    pixels = width_in * settings.dpi * height_in * settings.dpi
    if pixels <= settings.max_image_pixels:
        return None
    return (
        f"La página {number} del PDF es demasiado grande ({width_in:.0f} × {height_in:.0f} "
        f"pulgadas; {pixels / 1e6:.0f} millones de píxeles a {settings.dpi} ppp, máximo "
        f"{settings.max_image_pixels / 1e6:.0f})."
    )


@contextmanager
def _decoder_messages() -> Iterator[list[str]]:
    """Collect what the C decoders (libtiff, libjpeg) print on stderr while decoding: their
    English warnings never reach the console, and they are evidence of damaged image data."""
    messages: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as capture:  # in the run's private temporary folder
        os.dup2(capture.fileno(), 2)
        try:
            yield messages
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            text = capture.read().decode("utf-8", "replace")
            # Directory (tag) warnings are about metadata, not pixels: a scanner's private tag.
            messages.extend(
                line
                for line in text.splitlines()
                if line.strip() and not line.startswith("TIFFReadDirectory")
            )


DAMAGED_DATA = "La imagen está dañada: parte de sus datos no se pudo decodificar."
def _heic_available() -> bool:
    """Register pillow-heif's opener with Pillow once; False when it is not installed."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def _open_image(path: str, settings: Settings) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = settings.max_image_pixels
    if Path(path).suffix.lower() in HEIC_SUFFIXES and not _heic_available():
        raise _InputProblem(
            "Formato HEIC no soportado en este equipo: instale pillow-heif "
            "(scripts/instalar.sh) o guarde la foto como JPEG."
        )
    try:
        with warnings.catch_warnings(), _decoder_messages() as messages:
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _InputProblem(
            "La imagen es demasiado grande (posible bomba de descompresión)."
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise _InputProblem("La imagen está dañada o su formato no se reconoce.") from exc
    if messages:
        raise _InputProblem(DAMAGED_DATA)
    return image


def _image_page_count(path: str, settings: Settings) -> int:
    image = _open_image(path, settings)
    return getattr(image, "n_frames", 1)


def _image_pages(source: SourceFile, settings: Settings) -> Iterator[Page | tuple[int, str]]:
    try:
        image = _open_image(source.path, settings)
    except _InputProblem as exc:
        yield 1, str(exc)
        return
    for index, frame in enumerate(ImageSequence.Iterator(image), start=1):
        try:
            with _decoder_messages() as messages:
                gray, dpi = _normalise_frame(frame, settings)
        except (OSError, ValueError):
            yield index, f"No se pudo leer la página {index} de la imagen."
            continue
        if messages:
            yield index, f"Página {index}: {DAMAGED_DATA}"
            continue
        yield Page(source.path, source.sha256, index, gray, dpi)


def _normalise_frame(frame: Image.Image, settings: Settings) -> tuple[np.ndarray, int]:
    """Grayscale, EXIF-upright, resampled to the working DPI."""
    frame = ImageOps.exif_transpose(frame.copy()) or frame
    gray = frame.convert("L")
    dpi = _frame_dpi(frame) or round(gray.width / LETTER_WIDTH_IN)
    if abs(dpi - settings.dpi) > 5:
        factor = settings.dpi / dpi
        gray = gray.resize((round(gray.width * factor), round(gray.height * factor)), Image.LANCZOS)
    return np.asarray(gray), settings.dpi


def _frame_dpi(frame: Image.Image) -> int | None:
    dpi = frame.info.get("dpi")
    if not dpi:
        return None
    value = float(dpi[0])
    # Pillow reports 72 or 1 for "unknown" in some writers; neither is a plausible scan.
    return round(value) if 100 <= value <= 1200 else None
