"""End-of-shift reports in Spanish, built from the registry so that a later decision (contact
obtained, review resolved) shows when they are written again (`buzon reportes`).

The batch folder `reportes/<fecha>/lote-<n>/` holds: resumen.html (counts, bar charts, casos
especiales on top, contact and review lists), the SIADE export (siade.csv, siade.xlsx),
casos_especiales.html, notificaciones/ per folio and copias_turno/ per servicio. Everything is
owner-only (5.14): these files carry the personal data the TAOD needs to act on.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import BatchInfo, DocumentResult, Outcome, ResultSet
from buzon_pipeline.core.private_files import private_dir, write_private_text
from buzon_pipeline.core.vocab import (
    CONSULTA_URL,
    KIND_LABELS,
    OUTCOME_LABELS,
    SERVICIO_LABELS,
    TIPO_LABELS,
)
from buzon_pipeline.registry.results import error_result, stored_results
from buzon_pipeline.registry.store import Registry
from buzon_pipeline.reports.notifications import write_notifications
from buzon_pipeline.reports.siade import batch_exportable, write_siade
from buzon_pipeline.reports.special_cases import write_special_cases
from buzon_pipeline.reports.turn_copies import write_turn_copies


@dataclass
class BatchReport(ResultSet):
    """A batch as the registry holds it now: every file it was given and what became of it."""

    info: BatchInfo = field(kw_only=True)
    files: int = field(kw_only=True)
    pages_total: int = field(kw_only=True)
    pages_read: int = field(kw_only=True)
    images: dict[int, list[Path]] = field(default_factory=dict)


def load_batch_report(registry: Registry, batch_id: int) -> BatchReport:
    batch = registry.batch(batch_id)
    results: list[DocumentResult] = []
    pages_total = pages_read = 0
    sources = registry.sources_of_batch(batch_id)
    for source in sources:
        if source.error:
            results.append(error_result(source.path, [], source.error))
            continue
        results.extend(stored_results(registry, source.id, source.path, replayed=False))
        pages_total += source.page_count
        pages_read += sum(1 for p in registry.pages_of(source.id) if not p.error)
    images = {
        r.document_id: registry.page_images(r.document_id)
        for r in results
        if r.document_id is not None
    }
    return BatchReport(
        results,
        info=BatchInfo(batch.id, batch.taod, batch.unidad, batch.received_at),
        files=len(sources),
        pages_total=pages_total,
        pages_read=pages_read,
        images=images,
    )


PENDING_CAPTURES = "capturas-pendientes"


def reports_root(settings: Settings) -> Path:
    """The registry's one report folder, absolute (the api resolves it before any report)."""
    return Path(settings.reports_dir or "reportes").resolve()


def report_dir_for(info: BatchInfo, settings: Settings) -> Path:
    day = info.received_at.strftime("%Y-%m-%d")
    return private_dir(reports_root(settings) / day / f"lote-{info.batch_id}")


def write_reports(registry: Registry, batch_id: int, settings: Settings) -> tuple[Path, list[Path]]:
    """Write (or rewrite) every report of a batch; returns the folder and the files."""
    report = load_batch_report(registry, batch_id)
    folder = report_dir_for(report.info, settings)
    # Only what this lote registered: a file replayed from an earlier lote is that lote's.
    docs = [r for r in report.documents if r.batch_id in (None, batch_id)]
    files = [write_private_text(folder / "resumen.html", summary_html(report))]
    exportable = [d for d in docs if batch_exportable(d, batch_id)]
    files += _export_siade(registry, folder, report.info, exportable)
    special = write_special_cases(folder, report.info, docs)
    if special is not None:
        files.append(special)
    files += write_notifications(folder, report.info, docs)
    files += write_turn_copies(folder, report.info, docs, report.images)
    return folder, files


def write_pending_captures(registry: Registry, settings: Settings, day: date) -> Path | None:
    """`<reportes>/<día>/capturas-pendientes/siade.csv|xlsx`: the folios `contacto` and `revisar`
    issued that day (not in any lote's export), each with its own lote's header."""
    ids = registry.folios_issued_later(day)
    if not ids:
        return None
    docs = [registry.result_of(i, registry_source_path(registry, i)) for i in ids]
    infos: dict[int, BatchInfo] = {}

    def info_of(doc: DocumentResult) -> BatchInfo:
        batch_id = doc.batch_id or 0
        if batch_id not in infos:
            batch = registry.batch(batch_id)
            infos[batch_id] = BatchInfo(batch.id, batch.taod, batch.unidad, batch.received_at)
        return infos[batch_id]

    folder = private_dir(reports_root(settings) / day.isoformat() / PENDING_CAPTURES)
    _export_siade(registry, folder, info_of, docs)
    return folder


def _export_siade(
    registry: Registry,
    folder: Path,
    info: BatchInfo | Callable[[DocumentResult], BatchInfo],
    docs: list[DocumentResult],
) -> list[Path]:
    """Write a SIADE export marking the folios an earlier export already held (the TAOD may
    have captured them from it), then record this export's folios as exported."""
    folios = [d.folio for d in docs if d.outcome is Outcome.FOLIO and d.folio]
    now = datetime.now()
    files = write_siade(folder, info, docs, registry.first_exports(folios), now)
    registry.record_export(folios, now)
    return files


def registry_source_path(registry: Registry, document_id: int) -> str:
    return registry.source_path_of_document(document_id)


def refresh_reports(registry: Registry, settings: Settings, document_ids: list[int]) -> list[Path]:
    """Rewrite the reports of the lotes that registered these documents (the ones the TAOD
    printed), so the summary, notifications and turn copies show a decision made after the
    batch; a folio issued now goes in today's «capturas pendientes». Returns the folders."""
    batches = sorted({registry.batch_of_document(doc) for doc in document_ids})
    folders = [write_reports(registry, batch, settings)[0] for batch in batches]
    if document_ids:
        pending = write_pending_captures(registry, settings, date.today())
        if pending is not None:
            folders.append(pending)
    return folders


def _value(result: DocumentResult, name: str) -> str:
    found = result.fields.get(name)
    return found.value if found is not None and found.value else ""


def _table(headers: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "<p><em>Ninguno.</em></p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _doc(r: DocumentResult) -> str:
    """The DOC number `contacto` and `revisar` ask for (empty for blank pages and errors)."""
    return str(r.document_id) if r.document_id is not None else ""


def _links(report: BatchReport) -> str:
    """Links to the lote's other files, relative to resumen.html (the folder moves as a whole)."""
    links = [("siade.xlsx", "Exportación SIADE (XLSX)"), ("siade.csv", "Exportación SIADE (CSV)")]
    if any(r.caso_especial for r in report.results):
        links.insert(0, ("casos_especiales.html", "Casos especiales"))
    links += [("notificaciones/", "Notificaciones por folio"), ("copias_turno/", "Copias de turno")]
    items = "".join(
        f"<li><a href='{html.escape(href)}'>{html.escape(text)}</a></li>" for href, text in links
    )
    return f"<nav><h2>Archivos del lote</h2><ul>{items}</ul></nav>"


def _where(r: DocumentResult) -> str:
    return f"{Path(r.source).name} p. {', '.join(map(str, r.pages)) or '—'}"


def _bar_chart(counts: Counter, labels: dict[str, str]) -> str:
    if not counts:
        return "<p><em>Ninguno.</em></p>"
    total = max(counts.values())
    bars = []
    for key, count in counts.most_common():
        width = round(300 * count / total)
        label = html.escape(labels.get(key, key))
        bars.append(
            f'<div class="bar"><span class="lbl">{label}</span>'
            f'<span class="fill" style="width:{width}px"></span> {count}</div>'
        )
    return "".join(bars)


def summary_html(report: BatchReport) -> str:
    info, results = report.info, report.results
    tipos = Counter(r.tipo for r in report.documents if r.tipo)
    servicios = Counter(
        r.servicio
        for r in report.documents
        if r.servicio and r.outcome in (Outcome.FOLIO, Outcome.PUBLICO_GENERAL)
    )
    special = [r for r in results if r.caso_especial]
    contacts = [r for r in results if r.outcome is Outcome.PENDIENTE_CONTACTO]
    review = [r for r in results if r.outcome is Outcome.REVISION]
    errors = [r for r in results if r.outcome is Outcome.ERROR]
    parts = [
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>",
        f"<title>Resumen del lote {info.batch_id}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:4px 8px;text-align:left}"
        ".bar{margin:2px 0}.lbl{display:inline-block;width:260px}"
        ".fill{display:inline-block;height:12px;background:#2a6}"
        ".alerta{background:#fdd;border:2px solid #c00;padding:1em}</style></head><body>",
        f"<h1>Resumen de fin de turno — lote {info.batch_id}</h1>",
        f"<p>Unidad: {html.escape(info.unidad)}<br>TAOD: {html.escape(info.taod)}<br>"
        f"Fecha y hora de recepción: {info.received_at:%d/%m/%Y %H:%M}</p>",
    ]
    parts.append(_links(report))
    if special:
        parts.append("<div class='alerta'><h2>Casos especiales: escalar de inmediato (5.28)</h2>")
        parts.append(
            _table(
                [
                    "DOC",
                    "Documento",
                    "Resultado",
                    "Folio",
                    "Tipo",
                    "Por qué (categoría y palabras)",
                ],
                [
                    [
                        _doc(r),
                        _where(r),
                        OUTCOME_LABELS[str(r.outcome)],
                        r.folio or "",
                        TIPO_LABELS.get(r.tipo or "", ""),
                        r.caso_especial_motivo or "",
                    ]
                    for r in special
                ],
            )
        )
        parts.append(
            "<p>Detalle: <a href='casos_especiales.html'>casos_especiales.html</a></p></div>"
        )
    parts += [
        "<h2>Totales</h2>",
        f"<p>Archivos: {report.files} · páginas leídas: {report.pages_read} de "
        f"{report.pages_total} · páginas en blanco: {report.blank_pages} · "
        f"documentos: {len(report.documents)} · folios emitidos: "
        f"{report.folios_issued} · para revisión: {report.review} · "
        f"errores: {report.errors}</p>",
        "<h3>Por resultado</h3>",
        _bar_chart(report.outcome_counts, OUTCOME_LABELS),
        "<h3>Por tipo de petición</h3>",
        _bar_chart(tipos, TIPO_LABELS),
        "<h3>Copias de turno por servicio</h3>",
        _bar_chart(servicios, SERVICIO_LABELS),
        "<h2>Documentos</h2>",
        _table(
            ["DOC", "Documento", "Clase", "Resultado", "Folio", "Tipo", "Motivos"],
            [
                [
                    _doc(r),
                    _where(r),
                    KIND_LABELS.get(str(r.kind), str(r.kind)),
                    OUTCOME_LABELS[str(r.outcome)],
                    r.folio or "",
                    TIPO_LABELS.get(r.tipo or "", ""),
                    " ".join(r.reasons),
                ]
                for r in results
            ],
        ),
        "<h2>Personas por contactar (actividad 47)</h2>",
        _table(
            ["DOC", "Documento", "Nombre", "Teléfono", "Correo", "Motivo"],
            [
                [
                    _doc(r),
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
        _table(
            ["DOC", "Documento", "Motivos"],
            [[_doc(r), _where(r), " ".join(r.reasons)] for r in review],
        ),
        "<h2>Errores de lectura</h2>",
        _table(["Documento", "Motivo"], [[_where(r), " ".join(r.reasons)] for r in errors]),
        f"<p>Consulta de peticiones: {CONSULTA_URL}</p></body></html>",
    ]
    return "\n".join(parts)
