"""The importable API under the CLI: `process_batch()` runs a whole end-of-shift batch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import ocr
from .config import Settings
from .datatypes import DocumentResult, Outcome
from .errors import MissingDependencyError, NoInputError, UsageError
from .ingest import expand_inputs
from .pipeline import build_context, inspect_all, run_sources
from .registry import Registry
from .report import write_reports
from .textclass import ModelNotFoundError, TextClassifier, default_model_dir


@dataclass
class BatchSummary:
    batch_id: int
    taod: str
    unidad: str
    received_at: datetime
    files: int
    pages_total: int
    pages_read: int
    results: list[DocumentResult]
    ignored_files: list[str]
    report_dir: Path | None = None
    report_files: list[Path] = field(default_factory=list)

    @property
    def documents(self) -> list[DocumentResult]:
        """Results that are documents (not blank pages nor file/page errors)."""
        return [r for r in self.results if r.document_id is not None]

    @property
    def blank_pages(self) -> int:
        return sum(
            1 for r in self.results if r.document_id is None and r.outcome is Outcome.DESCARTADO
        )

    @property
    def outcome_counts(self) -> Counter:
        """Outcomes of documents and of unreadable files/pages (blank pages counted apart)."""
        return Counter(
            str(r.outcome)
            for r in self.results
            if r.document_id is not None or r.outcome is Outcome.ERROR
        )

    @property
    def folios_issued(self) -> int:
        return sum(1 for r in self.documents if r.outcome is Outcome.FOLIO and r.folio)

    @property
    def errors(self) -> int:
        return sum(1 for r in self.results if r.outcome is Outcome.ERROR)

    @property
    def review(self) -> int:
        return sum(1 for r in self.results if r.outcome is Outcome.REVISION)


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
        batch_id,
        taod,
        unidad,
        received_at,
        len(sources),
        sum(c for _, c in sources),
        0,
        [],
        listing.ignored,
    )
    for outcome in run_sources(ctx, sources):
        summary.pages_read += outcome.pages_read
        summary.results.extend(outcome.results)
        if on_result:
            for result in outcome.results:
                on_result(result)
    registry.finish_batch(batch_id, datetime.now())
    summary.report_dir, summary.report_files = write_reports(summary, settings)
    return summary
