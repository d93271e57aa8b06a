"""Turn-copy packets (acts 46 and 52): one PDF per servicio with a cover and the page images.

The cover lists only what the servicio needs to act (folio, tipo, pages, caso especial): the
copy of the petition itself is the page images, so names, NSS, phones and e-mails stay off the
cover (5.14). A document whose images cannot be read gets a cover row saying so; one bad image
never stops the packet.

`new_pdf` and `file_stem` are also used by `notifications` for the printable letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.errors import FPDFUnicodeEncodingException
from PIL import Image

from buzon_pipeline.core.model import BatchInfo, DocumentResult, Outcome
from buzon_pipeline.core.private_files import private_dir, write_private_bytes
from buzon_pipeline.core.vocab import SERVICIO_LABELS, TIPO_LABELS
from buzon_pipeline.errors import MissingDependencyError

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FAMILY = "DejaVu"
CORE_FAMILY = "helvetica"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}

PAGE_FORMAT = "Letter"  # the Volante (Anexo 12) and IMSS paperwork are carta
MARGIN_MM = 12.0
CAPTION_MM = 8.0

NO_SERVICIO = "sin_servicio"
NO_SERVICIO_LABEL = "Servicio no determinado"
PACKET_OUTCOMES = (Outcome.FOLIO, Outcome.PUBLICO_GENERAL)


def new_pdf(unicode: bool = False) -> FPDF:
    """An empty PDF in core Helvetica, or with DejaVu Sans registered when `unicode`.

    Helvetica needs no font file: parsing and subsetting DejaVu cost about 0.3 s a PDF, a
    second per folio letter, while Spanish text (accents, ñ, ¿ ¡) is all Latin-1, Helvetica's
    range. A text outside it (a name read as «Łukasz») raises, and `render` draws that PDF
    again with DejaVu (docs/design.md §4)."""
    pdf = FPDF(format=PAGE_FORMAT)
    family = CORE_FAMILY
    if unicode:
        for style, name in FONT_FILES.items():
            path = FONT_DIR / name
            if not path.is_file():
                raise MissingDependencyError(
                    f"Falta la fuente {path} para generar los PDF; "
                    "instale el paquete fonts-dejavu-core."
                )
            pdf.add_font(FONT_FAMILY, style, str(path))
        family = FONT_FAMILY
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_font(family, size=11)
    return pdf


def render(draw: Callable[[FPDF], None]) -> bytes:
    """The PDF `draw` makes on a `new_pdf`: in Helvetica, or in DejaVu when a text needs it.
    `draw` sets sizes and styles only (`set_font(style=…, size=…)`), never a family."""
    try:
        pdf = new_pdf()
        draw(pdf)
    except FPDFUnicodeEncodingException:
        pdf = new_pdf(unicode=True)
        draw(pdf)
    return bytes(pdf.output())


def file_stem(text: str) -> str:
    """A file-name-safe version of a code that came from the registry or the classifier."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._")
    return stem or "sin_nombre"


def write_turn_copies(
    folder: Path,
    info: BatchInfo,
    docs: Sequence[DocumentResult],
    images: Mapping[int, Sequence[Path]],
) -> list[Path]:
    """Write `folder/copias_turno/<servicio>.pdf` for the folio and público-general documents."""
    groups: dict[str, list[DocumentResult]] = {}
    for doc in docs:
        if doc.outcome in PACKET_OUTCOMES:
            groups.setdefault(doc.servicio or NO_SERVICIO, []).append(doc)
    if not groups:
        return []
    # private_dir chmods only the leaf: a parent it creates would keep the umask mode.
    out_dir = private_dir(private_dir(folder) / "copias_turno")
    written: list[Path] = []
    used: set[str] = set()
    for servicio in sorted(groups, key=lambda s: (s == NO_SERVICIO, s)):
        stem = _unique(file_stem(servicio), used)
        entries = [_entry(doc, images) for doc in groups[servicio]]
        content = render(lambda pdf, e=entries, s=servicio: _packet(pdf, info, s, e))
        written.append(write_private_bytes(out_dir / f"{stem}.pdf", content))
    return written


@dataclass(frozen=True)
class _Entry:
    doc: DocumentResult
    usable: list[tuple[Path, int, int]]  # path, width px, height px
    missing: int


def _unique(stem: str, used: set[str]) -> str:
    # Two codes that sanitise alike must not overwrite each other's packet.
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}_{n}"
    used.add(candidate)
    return candidate


def _probe(path: Path) -> tuple[int, int] | None:
    # Decode fully now: a truncated scan must be caught before the cover promises its pages.
    # Pillow's decoders raise many exception types on malformed files; any of them means
    # "not usable", and one bad scan must not stop the packet.
    try:
        with Image.open(path) as img:
            img.load()
            return img.size
    except Exception:
        return None


def _entry(doc: DocumentResult, images: Mapping[int, Sequence[Path]]) -> _Entry:
    paths = images.get(doc.document_id, ()) if doc.document_id is not None else ()
    usable = []
    for path in paths:
        size = _probe(Path(path))
        if size is not None:
            usable.append((Path(path), size[0], size[1]))
    missing = len(paths) - len(usable) if paths else max(len(doc.pages), 1)
    return _Entry(doc, usable, missing)


def _folio_text(doc: DocumentResult) -> str:
    return doc.folio if doc.outcome is Outcome.FOLIO and doc.folio else "Público en general"


def _note(entry: _Entry) -> str:
    if not entry.usable:
        return "imagen no disponible"
    if entry.missing:
        return f"imagen no disponible ({entry.missing} de {entry.missing + len(entry.usable)})"
    return ""


def _packet(pdf: FPDF, info: BatchInfo, servicio: str, entries: list[_Entry]) -> None:
    _cover(pdf, info, servicio, entries)
    for number, entry in enumerate(entries, start=1):
        for page_no, (path, width, height) in enumerate(entry.usable, start=1):
            caption = (
                f"Petición {number} · {_folio_text(entry.doc)} · "
                f"página {page_no} de {len(entry.usable)}"
            )
            _image_page(pdf, path, width, height, caption)


def _cover(pdf: FPDF, info: BatchInfo, servicio: str, entries: list[_Entry]) -> None:
    label = (
        NO_SERVICIO_LABEL if servicio == NO_SERVICIO else SERVICIO_LABELS.get(servicio, servicio)
    )
    pdf.add_page()
    pdf.set_font(style="B", size=16)
    pdf.cell(
        0, 10, "Copia de peticiones para turno al servicio", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_font(style="B", size=13)
    pdf.multi_cell(0, 8, f"Servicio: {label}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(style="", size=11)
    for line in (
        f"Unidad: {info.unidad}",
        f"Fecha de recepción: {info.received_at:%d/%m/%Y %H:%M}",
        f"TAOD: {info.taod}",
        f"Lote: {info.batch_id}",
        f"Peticiones: {len(entries)}",
    ):
        pdf.multi_cell(0, 6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font(style="", size=10)
    with pdf.table(col_widths=(10, 32, 38, 18, 34, 60), text_align="LEFT") as table:
        table.row(["N.º", "Folio", "Tipo", "Páginas", "Caso especial", "Observaciones"])
        for number, entry in enumerate(entries, start=1):
            doc = entry.doc
            table.row(
                [
                    str(number),
                    _folio_text(doc),
                    TIPO_LABELS.get(doc.tipo or "", doc.tipo or "sin clasificar"),
                    str(len(doc.pages)),
                    "CASO ESPECIAL" if doc.caso_especial else "",
                    _note(entry),
                ]
            )
    pdf.ln(4)
    pdf.set_font(style="", size=9)
    pdf.multi_cell(
        0,
        5,
        "Documento con datos personales confidenciales: úselo solo para atender estas "
        "peticiones y no lo comparta fuera del servicio.",
    )


def _image_page(pdf: FPDF, path: Path, width: int, height: int, caption: str) -> None:
    pdf.add_page(orientation="L" if width > height else "P")
    pdf.set_font(style="", size=9)
    pdf.cell(0, CAPTION_MM - 2, caption, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    box_w = pdf.w - 2 * MARGIN_MM
    box_h = pdf.h - 2 * MARGIN_MM - CAPTION_MM
    scale = min(box_w / width, box_h / height)
    w, h = width * scale, height * scale
    x = MARGIN_MM + (box_w - w) / 2
    y = MARGIN_MM + CAPTION_MM + (box_h - h) / 2
    try:
        pdf.image(str(path), x=x, y=y, w=w, h=h)
    except Exception:
        # The file changed or fpdf2 rejects its format after the probe: say so on the page.
        pdf.set_xy(MARGIN_MM, y)
        pdf.cell(0, 10, "Imagen no disponible", align="C")
