"""End-of-shift reports in Spanish: HTML summary and the CSV for SIADE capture.

Files are created owner-only (5.14): they carry personal data the TAOD needs to act on.
"""

from __future__ import annotations

import csv
import html
import io
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .datatypes import DocumentResult, Outcome
from .labels import CONSULTA_URL, OUTCOME_LABELS, TIPO_LABELS

if TYPE_CHECKING:
    from .api import BatchSummary

SIADE_COLUMNS = [
    "folio_local",
    "folio_siade",
    "tipo",
    "servicio",
    "unidad",
    "fecha_recepcion",
    "nombre",
    "nss",
    "telefono",
    "correo",
    "caso_especial",
    "archivo",
    "paginas",
]


def write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.chmod(path, 0o600)


def report_dir_for(summary: BatchSummary, settings: Settings) -> Path:
    day = summary.received_at.strftime("%Y-%m-%d")
    path = Path(settings.reports_dir) / day / f"lote-{summary.batch_id}"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    for part in (path, path.parent, path.parent.parent):
        os.chmod(part, 0o700)
    return path


def write_reports(summary: BatchSummary, settings: Settings) -> tuple[Path, list[Path]]:
    folder = report_dir_for(summary, settings)
    files = [folder / "resumen.html", folder / "siade.csv"]
    write_private(files[0], summary_html(summary))
    write_private(files[1], siade_csv(summary))
    return folder, files


def _value(result: DocumentResult, name: str) -> str:
    field = result.fields.get(name)
    return field.value if field is not None and field.value else ""


def siade_csv(summary: BatchSummary) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SIADE_COLUMNS)
    for r in summary.results:
        if r.outcome is not Outcome.FOLIO or not r.folio:
            continue
        writer.writerow(
            [
                r.folio,
                "",
                r.tipo or "",
                r.servicio or "",
                summary.unidad,
                summary.received_at.strftime("%Y-%m-%d %H:%M"),
                _value(r, "nombre"),
                _value(r, "nss"),
                _value(r, "telefono"),
                _value(r, "correo"),
                "sí" if r.caso_especial else "no",
                Path(r.source).name,
                " ".join(map(str, r.pages)),
            ]
        )
    return out.getvalue()


def _table(headers: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "<p><em>Ninguno.</em></p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _where(r: DocumentResult) -> str:
    return f"{Path(r.source).name} p. {', '.join(map(str, r.pages)) or '—'}"


def _bar_chart(counts: Counter) -> str:
    total = max(counts.values(), default=1)
    bars = []
    for key, count in counts.most_common():
        width = round(300 * count / total)
        label = html.escape(OUTCOME_LABELS.get(key, TIPO_LABELS.get(key, key)))
        bars.append(
            f'<div class="bar"><span class="lbl">{label}</span>'
            f'<span class="fill" style="width:{width}px"></span> {count}</div>'
        )
    return "".join(bars)


def summary_html(summary: BatchSummary) -> str:
    results = summary.results
    counts = summary.outcome_counts
    tipos = Counter(r.tipo for r in results if r.tipo)
    special = [r for r in results if r.caso_especial]
    contacts = [r for r in results if r.outcome is Outcome.PENDIENTE_CONTACTO]
    review = [r for r in results if r.outcome is Outcome.REVISION]
    errors = [r for r in results if r.outcome is Outcome.ERROR]
    parts = [
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>",
        f"<title>Resumen del lote {summary.batch_id}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:4px 8px;text-align:left}"
        ".bar{margin:2px 0}.lbl{display:inline-block;width:260px}"
        ".fill{display:inline-block;height:12px;background:#2a6}"
        ".alerta{background:#fdd;border:2px solid #c00;padding:1em}</style></head><body>",
        f"<h1>Resumen de fin de turno — lote {summary.batch_id}</h1>",
        f"<p>Unidad: {html.escape(summary.unidad)}<br>TAOD: {html.escape(summary.taod)}<br>"
        f"Fecha y hora de recepción: {summary.received_at:%d/%m/%Y %H:%M}</p>",
    ]
    if special:
        parts.append("<div class='alerta'><h2>Casos especiales: escalar de inmediato (5.28)</h2>")
        parts.append(
            _table(
                ["Documento", "Resultado", "Folio", "Tipo"],
                [
                    [_where(r), OUTCOME_LABELS[str(r.outcome)], r.folio or "", r.tipo or ""]
                    for r in special
                ],
            )
        )
        parts.append("</div>")
    parts += [
        "<h2>Totales</h2>",
        f"<p>Archivos: {summary.files} · páginas leídas: {summary.pages_read} de "
        f"{summary.pages_total} · páginas en blanco: {summary.blank_pages} · "
        f"documentos: {len(summary.documents)} · folios emitidos: "
        f"{summary.folios_issued} · para revisión: {summary.review} · "
        f"errores: {summary.errors}</p>",
        "<h3>Por resultado</h3>",
        _bar_chart(counts),
        "<h3>Por tipo de petición</h3>",
        _bar_chart(tipos),
        "<h2>Documentos</h2>",
        _table(
            ["Documento", "Clase", "Resultado", "Folio", "Tipo", "Motivos"],
            [
                [
                    _where(r),
                    str(r.kind),
                    OUTCOME_LABELS[str(r.outcome)],
                    r.folio or "",
                    r.tipo or "",
                    " ".join(r.reasons),
                ]
                for r in results
            ],
        ),
        "<h2>Personas por contactar (actividad 47)</h2>",
        _table(
            ["Documento", "Nombre", "Teléfono", "Correo", "Motivo"],
            [
                [
                    _where(r),
                    _value(r, "nombre"),
                    _value(r, "telefono"),
                    _value(r, "correo"),
                    " ".join(r.reasons),
                ]
                for r in contacts
            ],
        ),
        "<h2>Para revisión</h2>",
        _table(["Documento", "Motivos"], [[_where(r), " ".join(r.reasons)] for r in review]),
        "<h2>Errores de lectura</h2>",
        _table(["Documento", "Motivo"], [[_where(r), " ".join(r.reasons)] for r in errors]),
        f"<p>Consulta de peticiones: {CONSULTA_URL}</p></body></html>",
    ]
    return "\n".join(parts)
