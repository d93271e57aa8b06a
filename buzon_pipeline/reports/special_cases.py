"""Casos especiales (5.28): one self-contained HTML page to escalate at once.

Death, serious harm, violence, threats or press/political relevance are escalated whatever the
document's route, so the page lists every flagged document, including discarded or unread ones.
No file is written when the batch has none, so its presence alone is the alarm.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from buzon_pipeline.core.model import BatchInfo, DocumentResult
from buzon_pipeline.core.private_files import private_dir, write_private_text
from buzon_pipeline.core.vocab import OUTCOME_LABELS, SERVICIO_LABELS, TIPO_LABELS

FILE_NAME = "casos_especiales.html"
HEADERS = [
    "DOC",
    "Documento",
    "Por qué (categoría y palabras)",
    "Resultado",
    "Folio",
    "Tipo",
    "Servicio",
    "Motivos",
    "Resumen",
]
STYLE = """
body { font-family: sans-serif; margin: 1.5em; color: #222; }
.banner { background: #b00020; color: #fff; padding: 0.8em 1em; font-size: 1.6em;
          font-weight: bold; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; }
th, td { border: 1px solid #999; padding: 0.35em 0.5em; vertical-align: top; text-align: left; }
th { background: #f2d7da; }
"""


def _row(doc: DocumentResult) -> list[str]:
    pages = ", ".join(map(str, doc.pages)) or "—"
    servicio = SERVICIO_LABELS.get(doc.servicio or "", doc.servicio or "no determinado")
    return [
        str(doc.document_id) if doc.document_id is not None else "—",
        f"{Path(doc.source).name} (p. {pages})",
        doc.caso_especial_motivo or "—",
        OUTCOME_LABELS.get(str(doc.outcome), str(doc.outcome)),
        doc.folio or "—",
        TIPO_LABELS.get(doc.tipo or "", doc.tipo or "sin clasificar"),
        servicio,
        "; ".join(doc.reasons) or "—",
        " ".join(doc.summary.split()) or "—",
    ]


def special_cases_html(info: BatchInfo, docs: Sequence[DocumentResult]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in HEADERS)
    body = "".join(
        "<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in _row(doc)) + "</tr>" for doc in docs
    )
    return (
        '<!DOCTYPE html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Casos especiales — lote {e(str(info.batch_id))}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        '<div class="banner">Escalar de inmediato</div>\n'
        f"<p>{len(docs)} caso(s) especial(es) en el lote {e(str(info.batch_id))}: muerte, "
        "daño grave, violencia, amenazas o relevancia pública. Escálelos hoy mismo, sea cual "
        "sea su resultado (5.28).</p>\n"
        f"<p>Unidad: {e(info.unidad)} · Fecha de recepción: "
        f"{info.received_at:%d/%m/%Y %H:%M} · TAOD: {e(info.taod)}</p>\n"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n"
        "<p><small>Contiene datos personales confidenciales.</small></p>\n"
        "</body>\n</html>\n"
    )


def write_special_cases(
    folder: Path, info: BatchInfo, docs: Sequence[DocumentResult]
) -> Path | None:
    """Write `casos_especiales.html` when any document is a caso especial; else write nothing."""
    special = [doc for doc in docs if doc.caso_especial]
    if not special:
        return None
    return write_private_text(private_dir(folder) / FILE_NAME, special_cases_html(info, special))
