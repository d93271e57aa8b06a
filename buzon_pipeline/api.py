"""The importable API under the CLI: `process_batch()` runs a whole end-of-shift batch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import BatchInfo, DocumentResult, ResultSet
from buzon_pipeline.deciding.textclass import ModelNotFoundError, TextClassifier, default_model_dir
from buzon_pipeline.errors import MissingDependencyError, NoInputError, UsageError
from buzon_pipeline.pipeline import build_context, inspect_all, run_sources
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.ingest import expand_inputs
from buzon_pipeline.registry.store import Registry
from buzon_pipeline.reports.summary import write_reports


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


def process_batch(
    inputs: list[str],
    taod: str,
    unidad: str,
    settings: Settings,
    on_total: Callable[[int], None] | None = None,
    on_page: Callable[[int], None] | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
    classifier: TextClassifier | None = None,
) -> BatchSummary:
    """Run one end-of-shift batch; `classifier` is injectable for tests (default: the model)."""
    if not taod.strip() or not unidad.strip():
        raise UsageError("Indique el nombre del TAOD (--taod) y la unidad (--unidad).")
    listing = expand_inputs(inputs)
    if listing.missing:
        raise NoInputError(f"No existe: {', '.join(listing.missing)}")
    if not listing.files:
        raise NoInputError("No se encontraron escaneos (PDF, TIFF, JPEG o PNG) en lo indicado.")
    ocr.check_available()
    if classifier is None:
        try:
            classifier = TextClassifier.load(default_model_dir())
        except ModelNotFoundError as exc:
            raise MissingDependencyError(str(exc)) from exc
    registry = Registry(settings.db_url)
    received_at = datetime.now()
    batch_id = registry.start_batch(taod, unidad, received_at)
    sources = inspect_all(listing.files, settings)
    if on_total:
        on_total(sum(max(1, count) for _, count in sources))
    ctx = build_context(settings, registry, classifier, batch_id, unidad, on_page)
    summary = BatchSummary(
        [],
        info=BatchInfo(batch_id, taod, unidad, received_at),
        files=len(sources),
        pages_total=sum(c for _, c in sources),
        ignored_files=listing.ignored,
    )
    for outcome in run_sources(ctx, sources):
        summary.pages_read += outcome.pages_read
        summary.results.extend(outcome.results)
        if on_result:
            for result in outcome.results:
                on_result(result)
    registry.finish_batch(batch_id, datetime.now())
    summary.report_dir, summary.report_files = write_reports(registry, batch_id, settings)
    return summary
