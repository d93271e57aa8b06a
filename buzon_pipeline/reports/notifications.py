"""Folio notifications for the person (act 51; 4.15/5.12): e-mail draft, SMS text, letter.

For every document registered with a folio, `notificaciones/` receives three files the TAOD can
send or print: `<folio>.eml` (a draft that mail clients open for editing), `<folio>.sms.txt`
(one SMS, at most 160 plain characters) and `<folio>.pdf` (a one-page letter). Nothing is sent
from here: the program runs offline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from buzon_pipeline.core.model import BatchInfo, DocumentResult, Outcome
from buzon_pipeline.core.private_files import private_dir, write_private_bytes, write_private_text
from buzon_pipeline.core.vocab import CONSULTA_URL, TIPO_LABELS
from buzon_pipeline.reports.turn_copies import file_stem, render

SMS_LIMIT = 160
MODULE_NAME = "Módulo de Atención y Orientación al Derechohabiente"
MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
# Deliberately loose: the validator already judged the address; this only keeps junk out of To.
_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


def write_notifications(
    folder: Path, info: BatchInfo, docs: Sequence[DocumentResult]
) -> list[Path]:
    """Write the .eml, .sms.txt and .pdf of every folio document; return the paths written."""
    targets = [d for d in docs if d.outcome is Outcome.FOLIO and d.folio]
    if not targets:
        return []
    # private_dir chmods only the leaf: a parent it creates would keep the umask mode.
    out_dir = private_dir(private_dir(folder) / "notificaciones")
    written: list[Path] = []
    for doc in targets:
        stem = file_stem(doc.folio or "")
        written.append(write_private_bytes(out_dir / f"{stem}.eml", email_draft(info, doc)))
        written.append(write_private_text(out_dir / f"{stem}.sms.txt", sms_text(info, doc)))
        written.append(write_private_bytes(out_dir / f"{stem}.pdf", letter_pdf(info, doc)))
    return written


def spanish_date(moment: datetime) -> str:
    return f"{moment.day} de {MONTHS[moment.month - 1]} de {moment.year}"


def _value(doc: DocumentResult, name: str) -> str:
    field = doc.fields.get(name)
    return " ".join(field.value.split()) if field is not None and field.value else ""


def _tipo_phrase(doc: DocumentResult) -> str:
    label = TIPO_LABELS.get(doc.tipo or "")
    return f" como {label}" if label else ""


def _greeting(doc: DocumentResult) -> str:
    name = _value(doc, "nombre")
    return f"Apreciable {name}:" if name else "Apreciable persona usuaria:"


def _paragraph(info: BatchInfo, doc: DocumentResult) -> str:
    return (
        f"Le informamos que la petición que depositó en el buzón de {info.unidad}, recibida "
        f"el {spanish_date(info.received_at)}, quedó registrada{_tipo_phrase(doc)} "
        f"con el folio {doc.folio}."
    )


def email_draft(info: BatchInfo, doc: DocumentResult) -> bytes:
    """The notification as an RFC 5322 draft (X-Unsent: 1 makes Outlook open it for editing)."""
    msg = EmailMessage(policy=policy.SMTP)
    correo = _value(doc, "correo")
    if _EMAIL.match(correo):
        try:
            msg["To"] = Address(display_name=_value(doc, "nombre"), addr_spec=correo)
        except (ValueError, IndexError, HeaderParseError):
            msg["To"] = correo  # a name the header grammar rejects must not cost the address
    msg["Subject"] = f"Folio de su petición {doc.folio} — IMSS"
    moment = info.received_at
    msg["Date"] = format_datetime(moment if moment.tzinfo else moment.astimezone())
    msg["X-Unsent"] = "1"
    msg.set_content(
        f"{_greeting(doc)}\n\n"
        f"{_paragraph(info, doc)}\n\n"
        f"Folio: {doc.folio}\n\n"
        f"Puede consultar el seguimiento de su petición con este folio en:\n{CONSULTA_URL}\n\n"
        "Atentamente,\n"
        f"{MODULE_NAME}\n"
        f"{info.unidad}\n"
    )
    return msg.as_bytes()


def _ascii(text: str) -> str:
    # Plain GSM-safe characters: an accent switches an SMS to UCS-2 and its limit to 70.
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def sms_text(info: BatchInfo, doc: DocumentResult) -> str:
    """One SMS (≤ 160 plain characters) with the folio and the consulta URL."""
    folio = _ascii(doc.folio or "")
    unidad = _ascii(" ".join(info.unidad.split()))
    candidates = (
        f"IMSS {unidad}: su peticion quedo registrada con el folio {folio}. "
        f"Consulte su seguimiento en {CONSULTA_URL}",
        f"IMSS: su peticion quedo registrada con el folio {folio}. "
        f"Consulte su seguimiento en {CONSULTA_URL}",
        f"IMSS: su peticion tiene el folio {folio}. Seguimiento: {CONSULTA_URL}",
    )
    for text in candidates:
        if len(text) <= SMS_LIMIT:
            return text
    return f"IMSS folio {folio} {CONSULTA_URL}"


def letter_pdf(info: BatchInfo, doc: DocumentResult) -> bytes:
    """A one-page printable letter with the folio in large type."""
    return render(lambda pdf: _letter(pdf, info, doc))


def _letter(pdf: FPDF, info: BatchInfo, doc: DocumentResult) -> None:
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    line = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}
    pdf.set_font(style="B", size=13)
    pdf.multi_cell(0, 7, "Instituto Mexicano del Seguro Social", **line)
    pdf.set_font(style="", size=11)
    pdf.multi_cell(0, 6, MODULE_NAME, **line)
    pdf.multi_cell(0, 6, info.unidad, **line)
    pdf.ln(4)
    pdf.multi_cell(0, 6, f"Fecha: {spanish_date(info.received_at)}", align="R", **line)
    pdf.ln(8)
    pdf.multi_cell(0, 6, _greeting(doc), **line)
    pdf.ln(3)
    pdf.multi_cell(0, 6, _paragraph(info, doc), **line)
    pdf.ln(8)
    pdf.set_font(style="", size=11)
    pdf.cell(0, 7, "Su folio es:", align="C", **line)
    pdf.set_font(style="B", size=28)
    pdf.multi_cell(0, 16, doc.folio or "", border=1, align="C", **line)
    pdf.ln(4)
    pdf.set_font(style="", size=11)
    tipo = TIPO_LABELS.get(doc.tipo or "")
    if tipo:
        pdf.cell(0, 7, f"Tipo de petición: {tipo}", align="C", **line)
    pdf.ln(8)
    pdf.multi_cell(0, 6, "Puede consultar el seguimiento de su petición con este folio en:", **line)
    pdf.set_font(style="B", size=12)
    pdf.multi_cell(0, 7, CONSULTA_URL, align="C", **line)
    pdf.set_font(style="", size=11)
    pdf.ln(6)
    pdf.multi_cell(
        0,
        6,
        "Conserve este documento: el folio le permite dar seguimiento a su petición y "
        "recibir la respuesta que corresponda.",
        **line,
    )
    pdf.ln(10)
    pdf.multi_cell(0, 6, "Atentamente,", **line)
    pdf.multi_cell(0, 6, MODULE_NAME, **line)
