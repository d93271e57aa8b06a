"""The one adapter to Tesseract; maps its errors to ours.

The engine is Tesseract's C API through tesserocr, kept loaded: one instance per language per
process, so the language data is read once instead of once per call (pytesseract starts a
`tesseract` process per call: a name zone cost 0.111 s that way against 0.017 s,
docs/design.md §4), and no page crop or OCR text goes through a temporary file. It is used only
when it is the same Tesseract as the `tesseract` command (scripts/instalar.sh builds tesserocr
against Debian's libtesseract): PyPI's tesserocr wheel bundles another version, which reads
some fields differently from the one the thresholds were chosen on. Otherwise, and where
tesserocr is missing, pytesseract runs the command. Either way every call is single-threaded
(OpenMP threads fight over 2 cores) and the pipeline parallelises across pages instead.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pytesseract
from PIL import Image

from buzon_pipeline.errors import MissingDependencyError

# Set before any tesseract subprocess is spawned; pytesseract passes os.environ through.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

LANG = "spa"
# Where Debian's tesseract-ocr-spa puts the language data (TESSDATA_PREFIX wins).
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
)
# pytesseract hands Tesseract a PNG without a resolution, which Tesseract takes as 70 dpi; the
# in-process engine is told the same, so both read a crop alike.
UNSET_DPI = 70
TSV_COLUMNS = (
    "level", "page_num", "block_num", "par_num", "line_num", "word_num",
    "left", "top", "width", "height", "conf", "text",
)


class OcrEngineError(RuntimeError):
    """Tesseract failed on a page (crashed, killed, could not write its files): an error that
    may pass, so the page is read again on the next run instead of being taken as empty."""


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float  # 0..1
    box: tuple[int, int, int, int]  # x0, y0, x1, y1
    line: tuple[int, int, int]  # block, paragraph, line ids


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float  # mean word confidence 0..1 (0 when nothing was read)
    words: tuple[Word, ...]
    spans: tuple[tuple[int, int, float], ...] = ()  # (start, end, confidence) of each word in text


EMPTY = OcrResult("", 0.0, ())


def check_available() -> None:
    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise MissingDependencyError(
            "No se encontró Tesseract. Instálelo con: "
            "apt-get install tesseract-ocr tesseract-ocr-spa"
        ) from exc
    if LANG not in langs:
        raise MissingDependencyError(
            "Falta el idioma español de Tesseract. Instálelo con: apt-get install tesseract-ocr-spa"
        )


def read(
    gray: np.ndarray,
    psm: int = 3,
    whitelist: str | None = None,
    lang: str = LANG,
) -> OcrResult:
    """OCR an image region; returns words with confidences and the text in reading order."""
    if gray.size == 0 or min(gray.shape[:2]) < 8:
        return EMPTY
    engine = _engine(lang)
    if engine is not None:
        engine.SetPageSegMode(psm)
        engine.SetVariable("tessedit_char_whitelist", whitelist or "")
        engine.SetImage(Image.fromarray(gray))
        engine.SetSourceResolution(UNSET_DPI)
        try:
            return _assemble(_parse_tsv(engine.GetTSVText(0)))
        except RuntimeError as exc:  # tesserocr's way of saying the engine failed
            raise OcrEngineError(f"Tesseract falló ({exc.__class__.__name__})") from None
        finally:
            engine.Clear()
    config = f"--psm {psm}"
    if whitelist:
        config += f" -c tessedit_char_whitelist={whitelist}"
    try:
        data = pytesseract.image_to_data(
            Image.fromarray(gray), lang=lang, config=config, output_type=pytesseract.Output.DICT
        )
    except pytesseract.TesseractError as exc:
        raise OcrEngineError(f"Tesseract terminó con el código {exc.status}") from None
    except (subprocess.CalledProcessError, pytesseract.TesseractNotFoundError) as exc:
        raise OcrEngineError(f"Tesseract no respondió ({type(exc).__name__})") from None
    return _assemble(data)


def tessdata_dir() -> str | None:
    candidates = [os.environ.get("TESSDATA_PREFIX"), *TESSDATA_DIRS]
    for folder in filter(None, candidates):
        if (Path(folder) / f"{LANG}.traineddata").is_file():
            return str(folder)
    return None


@cache  # one loaded engine per language in each process: loading it is the expensive part
def _engine(lang: str):  # -> tesserocr.PyTessBaseAPI | None
    try:
        import tesserocr
    except ImportError:
        return None
    path = tessdata_dir()
    if path is None or not _same_tesseract(tesserocr.tesseract_version()):
        return None
    psm = tesserocr.PSM.OSD_ONLY if lang == "osd" else tesserocr.PSM.AUTO
    try:
        return tesserocr.PyTessBaseAPI(path=path, lang=lang, psm=psm)
    except RuntimeError:
        return None


def _same_tesseract(library_version: str) -> bool:
    """Whether tesserocr's libtesseract is the `tesseract` command's version (first lines of
    both say e.g. «tesseract 5.3.0»)."""
    command = _command_version()
    first = library_version.splitlines()[0].split()[-1] if library_version else ""
    return command is not None and first == command


@cache  # one `tesseract --version` per process, not one per language engine
def _command_version() -> str | None:
    try:
        return str(pytesseract.get_tesseract_version()).split()[0]
    except (pytesseract.TesseractNotFoundError, OSError):
        return None


def _parse_tsv(tsv: str) -> dict[str, list]:
    """Tesseract's TSV renderer output as pytesseract's image_to_data dictionary (values as
    text; `_assemble` converts what it uses)."""
    data: dict[str, list] = {name: [] for name in TSV_COLUMNS}
    for row in tsv.splitlines():
        cells = row.split("\t")
        cells += [""] * (len(TSV_COLUMNS) - len(cells))  # a word-less row has no text column
        for name, cell in zip(TSV_COLUMNS, cells, strict=False):
            data[name].append(cell)
        # The command's TSV has whole-number confidences (truncated), the API's decimals:
        # truncated here too, so the thresholds see the same numbers from both.
        conf = data["conf"][-1]
        if conf and float(conf) >= 0:
            data["conf"][-1] = str(int(float(conf)))
    return data


def _assemble(data: dict) -> OcrResult:
    words: list[Word] = []
    for i, raw in enumerate(data["text"]):
        text = raw.strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = (int(data[k][i]) for k in ("left", "top", "width", "height"))
        line = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        words.append(Word(text, conf / 100.0, (x, y, x + w, y + h), line))
    if not words:
        return EMPTY
    parts: list[str] = []
    spans: list[tuple[int, int, float]] = []
    length = 0
    current: tuple[int, int, int] | None = None
    for word in words:
        if current is not None:
            # A new paragraph gets a blank line, a new line a newline, a word a space.
            sep = " " if word.line == current else "\n\n" if word.line[:2] != current[:2] else "\n"
            parts.append(sep)
            length += len(sep)
        spans.append((length, length + len(word.text), word.confidence))
        parts.append(word.text)
        length += len(word.text)
        current = word.line
    confidence = float(np.mean([w.confidence for w in words]))
    return OcrResult("".join(parts), confidence, tuple(words), tuple(spans))


def osd_rotation(gray: np.ndarray) -> tuple[int, float] | None:
    """Clockwise rotation that makes the page upright, with OSD's confidence; None if unsure."""
    engine = _engine("osd")
    if engine is not None:
        engine.SetImage(Image.fromarray(gray))
        engine.SetSourceResolution(UNSET_DPI)
        try:
            found = engine.DetectOrientationScript()
        except RuntimeError:
            found = None
        finally:
            engine.Clear()
        if not found:
            return None
        return (360 - int(found["orient_deg"])) % 360, float(found["orient_conf"])
    try:
        info = pytesseract.image_to_osd(
            Image.fromarray(gray), config="--psm 0", output_type=pytesseract.Output.DICT
        )
    except pytesseract.TesseractError:
        return None
    return int(info.get("rotate", 0)) % 360, float(info.get("orientation_conf", 0.0))
