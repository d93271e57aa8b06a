"""The importable API under the CLI.

`process_batch()` runs a whole end-of-shift batch; `open_desk()` gives the next morning's work
on the registry (contact follow-up, human review, reports). The CLI calls only this module
(and `evaluation` for `buzon evaluar`); so can any other program.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import BatchInfo, DocumentResult, Outcome, ResultSet, SourceFile
from buzon_pipeline.core.names import display_name
from buzon_pipeline.core.private_files import check_writable_dir
from buzon_pipeline.core.resources import TEXT_MODEL, models_dir
from buzon_pipeline.core.run import private_temp_dir
from buzon_pipeline.deciding.textclass import TextClassifier
from buzon_pipeline.desk import review_server
from buzon_pipeline.desk.contacts import (
    ClosedContact,
    ContactResult,
    PendingContact,
    close_expired,
    close_without_response,
    notification_hint,
    parse_obtained,
    pending_contacts,
    record_contact,
)
from buzon_pipeline.desk.review import (
    ReviewDecision,
    ReviewItem,
    check_codes,
    parse_corrections,
    parse_resultado,
    resolve,
    review_queue,
)
from buzon_pipeline.desk.review_page import write_review_page
from buzon_pipeline.errors import MissingDependencyError, NoInputError, UsageError
from buzon_pipeline.pipeline import build_context, inspect_all, run_sources
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.analyze import PageAnalyzer
from buzon_pipeline.reading.ingest import expand_inputs
from buzon_pipeline.registry.results import stored_results
from buzon_pipeline.registry.store import Registry
from buzon_pipeline.reports.summary import refresh_reports, write_reports


@dataclass
class BatchSummary(ResultSet):
    """What one `procesar` run did, for the console and --json (the reports come from the
    registry, so they also show later decisions)."""

    info: BatchInfo = field(kw_only=True)
    files: int = field(kw_only=True)
    pages_total: int = field(kw_only=True)
    pages_read: int = 0
    ignored_files: list[str] = field(default_factory=list)
    report_dir: Path | None = None
    report_files: list[Path] = field(default_factory=list)
    # Every file and page given ended as an error: exit 3 (no readable scans), not 6.
    nothing_readable: bool = False
    # Files with a passing failure (I/O, memory, engine crash): read again on the next run.
    held_files: int = 0
    # False when every file had been processed before: no lote was created (`info` is then
    # the lote of the first file).
    new_batch: bool = True
    # Files given again that an earlier lote already processed: (file, that lote).
    already_processed: list[tuple[str, int]] = field(default_factory=list)


REPORTS_DIR_KEY = "reports_dir"


def with_reports_dir(registry: Registry, settings: Settings, store: bool = False) -> Settings:
    """Settings whose `reports_dir` is the registry's one report folder, absolute.

    A folder given for this command (--reportes, config or environment) wins; otherwise the one
    stored in the registry at its first batch; otherwise ./reportes. `store` (the batch) saves
    the folder used the first time, so every later command, from any folder, writes there."""
    stored = registry.get_setting(REPORTS_DIR_KEY)
    chosen = settings.reports_dir or stored or "reportes"
    absolute = str(Path(chosen).expanduser().resolve())
    if store and stored is None:
        registry.set_setting_once(REPORTS_DIR_KEY, absolute)
    return replace(settings, reports_dir=absolute)


def process_batch(
    inputs: list[str],
    taod: str,
    unidad: str,
    settings: Settings,
    on_total: Callable[[int], None] | None = None,
    on_page: Callable[[int], None] | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
    classifier: TextClassifier | None = None,
    retry: bool = False,
) -> BatchSummary:
    """Run one end-of-shift batch; `classifier` is injectable for tests (default: the model).
    `retry` also reads again the registered files that have unreadable pages or never finished
    (from their archived originals).

    Everything that can stop a batch is checked before the first page is read: the options,
    the inputs, the output folders, Tesseract and the models, the database."""
    if not taod.strip() or not unidad.strip():
        raise UsageError("Indique el nombre del TAOD (--taod) y la unidad (--unidad).")
    if not inputs and not retry:
        raise UsageError("Indique los escaneos a procesar (o --reintentar).")
    listing = expand_inputs(inputs)
    if listing.missing:
        raise NoInputError(f"No existe: {', '.join(map(display_name, listing.missing))}")
    if not listing.files and not retry:
        raise NoInputError(
            "No se encontraron escaneos (PDF, TIFF, JPEG, PNG, WEBP, BMP o HEIC) en lo indicado."
        )
    if settings.reports_dir:  # given for this run; the registry's own folder is checked below
        check_writable_dir(Path(settings.reports_dir), "reportes")
    check_writable_dir(Path(settings.archive_dir), "archivo")
    ocr.check_available()
    check_page_models(settings)
    if classifier is None:  # a missing model is a MissingDependencyError: exit 4
        classifier = TextClassifier.load(models_dir(settings.models_dir) / TEXT_MODEL, lazy=True)
    registry = Registry(settings.db_url)
    settings = with_reports_dir(registry, settings, store=True)
    check_writable_dir(Path(settings.reports_dir), "reportes")
    files = list(listing.files)
    if retry:
        files += [path for path in registry.reopen_for_retry() if path not in files]
        if not files:
            raise NoInputError(
                "No hay archivos que reintentar: todo lo registrado tiene resultado."
            )
    with private_temp_dir():
        sources = inspect_all(files, settings)
        already = _already_processed(registry, sources)
        if on_total:
            on_total(sum(max(1, count) for _, count in sources))
        if len(already) == len(sources):
            return _replay_only(registry, settings, sources, already, on_page, on_result)
        received_at = datetime.now()
        batch_id = registry.start_batch(taod, unidad, received_at)
        ctx = build_context(settings, registry, classifier, batch_id, unidad, on_page)
        summary = BatchSummary(
            [],
            info=BatchInfo(batch_id, taod, unidad, received_at),
            files=len(sources),
            pages_total=sum(c for _, c in sources),
            ignored_files=listing.ignored,
            already_processed=[(path, lote) for path, (_, lote) in already.items()],
        )
        for outcome in run_sources(ctx, sources):
            summary.pages_read += outcome.pages_read
            summary.held_files += outcome.held
            summary.results.extend(outcome.results)
            if on_result:
                for result in outcome.results:
                    on_result(result)
        registry.finish_batch(batch_id, datetime.now())
        summary.report_dir, summary.report_files = write_reports(registry, batch_id, settings)
    if (
        summary.results
        and not summary.held_files
        and all(r.outcome is Outcome.ERROR for r in summary.results)
    ):
        summary.nothing_readable = True
    return summary


def check_page_models(settings: Settings) -> None:
    """The form layout and the digit model load (a missing model is exit 4, not a page error)."""
    try:
        PageAnalyzer.load(None, models_dir(settings.models_dir))
    except (OSError, ValueError, KeyError) as exc:
        raise MissingDependencyError(
            f"Falta o está dañado un modelo del programa ({type(exc).__name__}): reinstale el "
            "paquete o vuelva a entrenar los modelos (ver README, «Modelos»)."
        ) from exc


def _already_processed(
    registry: Registry, sources: list[tuple[SourceFile, int]]
) -> dict[str, tuple[int, int]]:
    """Files an earlier run finished (same sha256): path → (source id, the lote that did)."""
    found: dict[str, tuple[int, int]] = {}
    for source, _ in sources:
        if not source.sha256:
            continue
        known = registry.source(source.sha256)
        if known is not None and (known.complete or (source.error and known.error)):
            found[source.path] = (known.id, known.batch_id)
    return found


def _replay_only(
    registry: Registry,
    settings: Settings,
    sources: list[tuple[SourceFile, int]],
    already: dict[str, tuple[int, int]],
    on_page: Callable[[int], None] | None,
    on_result: Callable[[DocumentResult], None] | None,
) -> BatchSummary:
    """Every file was processed before: no new lote; the stored results are shown again and
    the reports of the lotes that processed them are rewritten (they may have been deleted)."""
    results: list[DocumentResult] = []
    for source, count in sources:
        source_id, _ = already[source.path]
        replayed = stored_results(registry, source_id, source.path)
        results.extend(replayed)
        if on_page:
            on_page(max(1, count))
        if on_result:
            for result in replayed:
                on_result(result)
    lotes = sorted({lote for _, lote in already.values()})
    first = registry.batch(lotes[0])
    folder, files = write_reports(registry, lotes[0], settings)
    for lote in lotes[1:]:
        write_reports(registry, lote, settings)
    return BatchSummary(
        results,
        info=BatchInfo(first.id, first.taod, first.unidad, first.received_at),
        files=len(sources),
        pages_total=sum(c for _, c in sources),
        pages_read=sum(c for _, c in sources),
        report_dir=folder,
        report_files=files,
        new_batch=False,
        already_processed=[(path, lote) for path, (_, lote) in already.items()],
    )


# The public names; the parsers validate what the TAOD types (UsageError in Spanish).
__all__ = [
    "BatchSummary",
    "ClosedContact",
    "ContactResult",
    "Desk",
    "PendingContact",
    "ReviewDecision",
    "ReviewItem",
    "check_codes",
    "notification_hint",
    "open_desk",
    "parse_corrections",
    "parse_obtained",
    "parse_resultado",
    "process_batch",
]


@dataclass
class Desk:
    """The next morning's work on one registry: contact follow-up (acts 47–49 and 48), the
    human-review queue and the batch reports. Every change rewrites the reports it affects."""

    settings: Settings
    registry: Registry

    # -- contact follow-up ---------------------------------------------------------------
    def pending_contacts(self, today: date) -> list[PendingContact]:
        return pending_contacts(self.registry, today)

    def record_contact(
        self, document_id: int, obtained: dict[str, str], now: datetime
    ) -> tuple[ContactResult, list[Path]]:
        result = record_contact(self.registry, document_id, obtained, now)
        return result, self.refresh_reports([document_id])

    def close_without_response(
        self, document_id: int, now: datetime
    ) -> tuple[ContactResult, list[Path]]:
        result = close_without_response(self.registry, document_id, now)
        return result, self.refresh_reports([document_id])

    def close_expired(
        self, days: int | None, now: datetime
    ) -> tuple[list[ClosedContact], list[Path]]:
        """Close what is open more than `days` días hábiles (None: the configured deadline)."""
        deadline = self.settings.contact_deadline_days if days is None else days
        closed = close_expired(self.registry, deadline, now)
        return closed, self.refresh_reports([item.document_id for item in closed])

    # -- review --------------------------------------------------------------------------
    def review_queue(self) -> list[ReviewItem]:
        return review_queue(self.registry)

    def write_review_page(self) -> Path:
        return write_review_page(self.registry, self.settings)

    def resolve_review(
        self,
        document_id: int,
        *,
        corrections: dict[str, str],
        resultado: Outcome,
        tipo: str | None,
        servicio: str | None,
        now: datetime,
    ) -> tuple[ReviewDecision, list[Path]]:
        decision = resolve(
            self.registry,
            document_id,
            corrections=corrections,
            resultado=resultado,
            tipo=tipo,
            servicio=servicio,
            now=now,
        )
        return decision, self.refresh_reports([document_id])

    def serve_review(self, port: int, on_ready: Callable[[str], None]) -> None:
        """The review page on 127.0.0.1 until Ctrl-C (KeyboardInterrupt)."""
        review_server.serve(self.registry, self.settings, port, on_ready=on_ready)

    # -- reports -------------------------------------------------------------------------
    def refresh_reports(self, document_ids: list[int]) -> list[Path]:
        """Rewrite the reports of the batches these documents came in; returns the folders."""
        return refresh_reports(self.registry, self.settings, document_ids)

    def write_batch_reports(self, batch_id: int) -> tuple[Path, list[Path]]:
        if not self.registry.batch_exists(batch_id):
            raise UsageError(f"No existe el lote {batch_id}.")
        return write_reports(self.registry, batch_id, self.settings)


def open_desk(settings: Settings) -> Desk:
    """The desk on an existing registry: it never creates a database (exit 5 instead)."""
    registry = Registry(settings.db_url, create=False)
    return Desk(with_reports_dir(registry, settings), registry)
