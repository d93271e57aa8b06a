"""Export for capture in SIADE (4.15/5.12): `siade.csv` and `siade.xlsx`, one row per folio.

Folios here are local; the official one comes from SIADE, so the export carries both and the
TAOD fills `folio_siade` after capturing each petition.

=================  ===============================================================
column             content
=================  ===============================================================
folio_local        folio this program assigned (unique, alphanumeric)
folio_siade        empty: the TAOD writes the SIADE folio after capture
ya_exportado       «sí» when the folio was already in an earlier export (an earlier version
                   of this file, rewritten after `contacto`, `revisar` or `buzon reportes`):
                   the TAOD may have captured it already; «no» when this export is its first
primera_exportacion  date and time the folio was first exported, dd/mm/yyyy HH:MM
tipo               type of petition, Spanish label (Anexo 3)
servicio           servicio involucrado, Spanish label; empty when not determined
unidad             unit where the buzón was emptied (batch header)
fecha_recepcion    date and time of reception by the TAOD, dd/mm/yyyy HH:MM
nombre             name of the person
nss                Número de Seguridad Social (11 digits, kept as text)
telefono           phone (kept as text)
correo             e-mail
resumen            one or two sentences of the petition (extractive): the form's header,
                   greetings, signature and contact lines left out; at most 300 characters
caso_especial      «sí» when flagged for immediate escalation (5.28), else «no»
archivo            scan file name the document came from
paginas            page numbers of the document within that file
=================  ===============================================================

The CSV is UTF-8 with a BOM so Excel shows accents; Excel still turns an NSS into a number when
it opens a CSV, so the XLSX (every cell stored as text) is the one to open by hand.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from buzon_pipeline.core.model import BatchInfo, DocumentResult, Outcome
from buzon_pipeline.core.private_files import private_dir, write_private_bytes
from buzon_pipeline.core.vocab import SERVICIO_LABELS, TIPO_LABELS

SIADE_COLUMNS = [
    "folio_local",
    "folio_siade",
    "ya_exportado",
    "primera_exportacion",
    "tipo",
    "servicio",
    "unidad",
    "fecha_recepcion",
    "nombre",
    "nss",
    "telefono",
    "correo",
    "resumen",
    "caso_especial",
    "archivo",
    "paginas",
]
SUMMARY_LIMIT = 300
COLUMN_WIDTHS = {
    "resumen": 80,
    "nombre": 32,
    "correo": 30,
    "unidad": 28,
    "servicio": 26,
    "primera_exportacion": 20,
}
DEFAULT_WIDTH = 16
# Leading characters that make a spreadsheet read a cell as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _value(doc: DocumentResult, name: str) -> str:
    field = doc.fields.get(name)
    return " ".join(field.value.split()) if field is not None and field.value else ""


# Lines that are the form, a greeting, a signature or contact data — never the petition.
_NOT_CONTENT = re.compile(
    r"^(anexo|volante|queja\s*\(|nombre|nomb|n\.?\s*s\.?\s*s|num|no\.?\s*de|tel|cel|correo|"
    r"e-?mail|descrip\w*\s*:?\s*$|atentamente|saludos|gracias|quedo|sin m[aá]s|respetuosamente|"
    r"su servidor|sres\.?|a quien corresponda|presente|estimad|se[nñ]or|c\.\s|lic\.|buen[oa]s|hola|"
    r"al personal|atenci[oó]n:)",
    re.IGNORECASE,
)
_FORM_PREFIX = re.compile(r"^(descrip\w*|motivo|comentarios?)\s*:\s*", re.IGNORECASE)
# Sentences that carry the request itself weigh more than the context around them.
_REQUEST = re.compile(
    r"\b(solicit|pido|pedimos|quiero|queremos|exij|sugier|sugiero|agradezc|gracias a|"
    r"reconoc|queja|denunci|investig|no me|me negaron|porque)|¿",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def petition_summary(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """One or two sentences of the petition, taken from its text (extractive): the form's
    printed header, greetings, signature and contact lines are skipped; the sentences that
    carry the request come first. At most `limit` characters, one line."""
    lines = []
    for raw in text.splitlines():
        line = _FORM_PREFIX.sub("", " ".join(raw.split()))
        if line and not _NOT_CONTENT.match(line) and "@" not in line and not _mostly_digits(line):
            lines.append(line)
    sentences = [s.strip() for s in _SENTENCE.split(" ".join(lines)) if len(s.strip()) > 3]
    if not sentences:
        return _cut(" ".join(text.split()), limit)
    ranked = sorted(range(len(sentences)), key=lambda i: (not _REQUEST.search(sentences[i]), i))
    chosen = sorted(ranked[:2])
    return _cut(" ".join(sentences[i] for i in chosen), limit)


def _mostly_digits(line: str) -> bool:
    digits = sum(ch.isdigit() for ch in line)
    return digits >= 7 and digits >= len(line.replace(" ", "")) / 2


def _cut(line: str, limit: int) -> str:
    if len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + "…"


def batch_exportable(doc: DocumentResult, batch_id: int) -> bool:
    """A folio goes in the SIADE export of the lote that registered it and issued it in the
    batch itself; a re-run lists no folio again, and a folio issued later by `contacto` or
    `revisar` goes in the «capturas pendientes» export of its day instead."""
    return (
        doc.outcome is Outcome.FOLIO
        and bool(doc.folio)
        and doc.batch_id == batch_id
        and doc.folio_from_batch
    )


def siade_rows(
    info: BatchInfo | Callable[[DocumentResult], BatchInfo],
    docs: Sequence[DocumentResult],
    exported_before: Mapping[str, datetime] | None = None,
    now: datetime | None = None,
) -> list[list[str]]:
    """One row of `SIADE_COLUMNS` per given document registered with a folio; `info` is the
    batch header, or a function giving each document's own batch header. `exported_before`
    maps the folios already written to an earlier export to their first export's date; the
    others are exported for the first time `now`."""
    earlier = exported_before or {}
    now = now or datetime.now()
    rows = []
    for doc in docs:
        if doc.outcome is not Outcome.FOLIO or not doc.folio:
            continue
        info_of = info(doc) if callable(info) else info
        rows.append(
            [
                doc.folio,
                "",
                "sí" if doc.folio in earlier else "no",
                f"{earlier.get(doc.folio, now):%d/%m/%Y %H:%M}",
                TIPO_LABELS.get(doc.tipo or "", doc.tipo or ""),
                SERVICIO_LABELS.get(doc.servicio or "", doc.servicio or ""),
                info_of.unidad,
                f"{info_of.received_at:%d/%m/%Y %H:%M}",
                _value(doc, "nombre"),
                _value(doc, "nss"),
                _value(doc, "telefono"),
                _value(doc, "correo"),
                petition_summary(doc.text or doc.summary),
                "sí" if doc.caso_especial else "no",
                Path(doc.source).name,
                ", ".join(map(str, doc.pages)),
            ]
        )
    return rows


def _csv_safe(cell: str) -> str:
    # Free text read by OCR must not run as a formula when the CSV is opened in a spreadsheet.
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def siade_csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SIADE_COLUMNS)
    writer.writerows([_csv_safe(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def siade_xlsx_bytes(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "SIADE"
    sheet.append(SIADE_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, text in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            # Control characters from OCR make openpyxl refuse the whole workbook.
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
            # Strings only: openpyxl would otherwise store "=…" as a formula.
            cell.data_type = "s"
            cell.number_format = "@"
            if SIADE_COLUMNS[c - 1] == "resumen":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for c, name in enumerate(SIADE_COLUMNS, start=1):
        letter = sheet.cell(row=1, column=c).column_letter
        sheet.column_dimensions[letter].width = COLUMN_WIDTHS.get(name, DEFAULT_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_siade(
    folder: Path,
    info: BatchInfo | Callable[[DocumentResult], BatchInfo],
    docs: Sequence[DocumentResult],
    exported_before: Mapping[str, datetime] | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Write `siade.csv` and `siade.xlsx` (header only when no document got a folio); see
    `siade_rows` for `exported_before` and `now`."""
    rows = siade_rows(info, docs, exported_before, now)
    out_dir = private_dir(folder)
    return [
        write_private_bytes(out_dir / "siade.csv", siade_csv_bytes(rows)),
        write_private_bytes(out_dir / "siade.xlsx", siade_xlsx_bytes(rows)),
    ]
