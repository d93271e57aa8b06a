"""The batch, stage by stage as DESIGN.md draws it:

    ingest → preprocess → page type → extract → validate → classify text → route → register → report

Pages are analysed in worker processes (one single-threaded Tesseract each); documents are
validated, classified, routed and registered in this process, one transaction each.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import (
    DocumentResult,
    Field,
    Kind,
    Outcome,
    Page,
    PageAnalysis,
    RouteThresholds,
    SourceFile,
)
from buzon_pipeline.deciding.classify import thresholds_for, verdict
from buzon_pipeline.deciding.route import decide, document_kind
from buzon_pipeline.deciding.textclass import TextClassifier
from buzon_pipeline.deciding.validate import validate
from buzon_pipeline.reading.analyze import PageAnalyzer
from buzon_pipeline.reading.grouping import group_pages
from buzon_pipeline.reading.ingest import inspect_source, iter_pages
from buzon_pipeline.reading.letter import extract_letter
from buzon_pipeline.registry.archive import PageViews, archive_original
from buzon_pipeline.registry.results import blank_result, error_result, stored_results
from buzon_pipeline.registry.store import Registry

ProgressCallback = Callable[[int], None]


@dataclass
class BatchContext:
    settings: Settings
    registry: Registry
    classifier: TextClassifier
    thresholds: RouteThresholds
    batch_id: int
    unidad: str
    on_page: ProgressCallback = lambda n: None


@dataclass
class SourceOutcome:
    source: SourceFile
    page_count: int
    results: list[DocumentResult] = field(default_factory=list)
    pages_read: int = 0
    page_errors: int = 0


# -- page analysis in worker processes ------------------------------------------------------
_worker_analyzer: PageAnalyzer | None = None  # one per worker process, set by its initializer


def _init_worker(keep_view: PageViews | None) -> None:
    global _worker_analyzer
    _worker_analyzer = PageAnalyzer.load(keep_view)


def _analyze_in_worker(page: Page) -> PageAnalysis:
    assert _worker_analyzer is not None
    return _safe_analyze(_worker_analyzer, page)


def _safe_analyze(analyzer: PageAnalyzer, page: Page) -> PageAnalysis:
    try:
        return analyzer.analyze(page)
    except Exception as exc:  # one bad page never stops the batch; no page content in the message
        return _error_page(
            page.source,
            page.source_sha256,
            page.number,
            f"Error al analizar la página ({type(exc).__name__}).",
        )


def _error_page(source: str, sha: str, number: int, message: str) -> PageAnalysis:
    return PageAnalysis(source=source, source_sha256=sha, number=number, blank=False, error=message)


class PageRunner:
    """Analyse pages in order, in a process pool, holding only a few pages in memory."""

    def __init__(self, workers: int, archive_dir: Path | None = None) -> None:
        self.workers = workers
        self.keep_view = PageViews(archive_dir) if archive_dir is not None else None
        self._pool: ProcessPoolExecutor | None = None
        self._local: PageAnalyzer | None = None

    def __enter__(self) -> PageRunner:
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(
                self.workers, initializer=_init_worker, initargs=(self.keep_view,)
            )
        else:
            self._local = PageAnalyzer.load(self.keep_view)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def run(self, items: Iterable[Page | PageAnalysis]) -> Iterator[PageAnalysis]:
        if self._pool is None:
            assert self._local is not None
            for item in items:
                yield item if isinstance(item, PageAnalysis) else _safe_analyze(self._local, item)
            return
        window: deque[Future | PageAnalysis] = deque()
        for item in items:
            if isinstance(item, PageAnalysis):
                window.append(item)
            else:
                window.append(self._pool.submit(_analyze_in_worker, item))
            while len(window) > 2 * self.workers:
                yield _resolve(window.popleft())
        while window:
            yield _resolve(window.popleft())


def _resolve(item: Future | PageAnalysis) -> PageAnalysis:
    return item if isinstance(item, PageAnalysis) else item.result()


# -- per source file -------------------------------------------------------------------------
def process_source(
    ctx: BatchContext, runner: PageRunner, source: SourceFile, page_count: int
) -> SourceOutcome:
    outcome = SourceOutcome(source, page_count)
    if source.error:
        ctx.registry.upsert_source(source, 0, ctx.batch_id)
        outcome.results.append(error_result(source.path, [], source.error))
        ctx.on_page(max(1, page_count))
        return outcome
    known = ctx.registry.source(source.sha256)
    if known is not None and known.complete:
        # Already processed by an earlier lote: shown again, but it stays that lote's (its
        # folios are not exported twice).
        outcome.results = stored_results(ctx.registry, known.id, source.path)
        outcome.pages_read = page_count
        ctx.on_page(page_count)
        return outcome
    source_id = ctx.registry.upsert_source(source, page_count, ctx.batch_id)
    original = archive_original(
        Path(ctx.settings.archive_dir).resolve(), source.sha256, source.path
    )
    ctx.registry.set_original(source_id, str(original))
    analyses: list[PageAnalysis] = []
    for analysis in runner.run(_pages_or_errors(source, page_count, ctx.settings)):
        analyses.append(analysis)
        ctx.registry.record_page(
            source_id,
            analysis.number,
            blank=analysis.blank,
            kind=str(analysis.kind) if analysis.kind else None,
            rotation=analysis.rotation,
            skew=analysis.skew,
            error=analysis.error,
            image=analysis.image,
        )
        ctx.on_page(1)
    outcome.pages_read = sum(1 for a in analyses if a.error is None)
    outcome.page_errors = sum(1 for a in analyses if a.error is not None)
    for analysis in analyses:
        if analysis.error:
            outcome.results.append(error_result(source.path, [analysis.number], analysis.error))
        elif analysis.blank:
            outcome.results.append(blank_result(source.path, analysis.number))
    for pages in group_pages(analyses):
        outcome.results.append(_route_and_register(ctx, source_id, source, pages))
    outcome.results.sort(key=lambda r: r.pages[0] if r.pages else 0)
    ctx.registry.complete_source(source_id)
    return outcome


def _pages_or_errors(
    source: SourceFile, page_count: int, settings: Settings
) -> Iterator[Page | PageAnalysis]:
    for item in iter_pages(source, page_count, settings):
        if isinstance(item, Page):
            yield item
        else:
            number, message = item
            yield _error_page(source.path, source.sha256, number, message)


def _route_and_register(
    ctx: BatchContext, source_id: int, source: SourceFile, pages: list[PageAnalysis]
) -> DocumentResult:
    first = pages[0]
    text = "\n\n".join(p.text for p in pages if p.text)
    fields: dict[str, Field] = (
        dict(first.fields) if first.kind is Kind.VOLANTE else extract_letter(pages)
    )
    comb_limits = (
        {"nss": ctx.settings.min_nss_confidence, "telefono": ctx.settings.min_digit_confidence}
        if first.kind is Kind.VOLANTE
        else None
    )
    validation = validate(fields, ctx.settings.min_field_confidence, comb_limits)
    scores = ctx.classifier.predict(text)
    read = [p.text_confidence for p in pages if p.text]
    text_verdict = verdict(
        scores,
        sum(read) / len(read) if read else 0.0,
        first.marks,
        ctx.settings.mark_prior,
        text=text,
        thresholds=ctx.thresholds,
    )
    kind = document_kind(first.kind, text_verdict, ctx.thresholds)
    decision = decide(kind, text, text_verdict, validation, ctx.thresholds, first.marks or None)
    notes = [n for p in pages for n in p.notes]
    is_petition = decision.outcome is not Outcome.DESCARTADO
    servicio = scores.servicio_top[0] if is_petition else None
    result = DocumentResult(
        source=source.path,
        pages=[p.number for p in pages],
        kind=kind,
        outcome=decision.outcome,
        folio=None,
        tipo=text_verdict.tipo if is_petition else None,
        caso_especial=text_verdict.special,
        caso_especial_motivo=text_verdict.caso_especial_motivo,
        # 5.14: a discarded page is not a petition; none of its personal data is kept.
        fields=validation.fields if is_petition else {},
        reasons=[*decision.reasons, *notes],
        servicio=servicio,
    )
    return ctx.registry.register(
        result, source_id, ctx.batch_id, ctx.unidad, text, scores.es_peticion, datetime.now()
    )


def run_sources(
    ctx: BatchContext, sources: list[tuple[SourceFile, int]]
) -> Iterator[SourceOutcome]:
    # Absolute: the registry's image paths must work from wherever the next command runs.
    with PageRunner(ctx.settings.workers, Path(ctx.settings.archive_dir).resolve()) as runner:
        for source, count in sources:
            yield process_source(ctx, runner, source, count)


def inspect_all(paths: list[str], settings: Settings) -> list[tuple[SourceFile, int]]:
    return [inspect_source(path, settings) for path in paths]


def build_context(
    settings: Settings,
    registry: Registry,
    classifier: TextClassifier,
    batch_id: int,
    unidad: str,
    on_page: ProgressCallback | None = None,
) -> BatchContext:
    return BatchContext(
        settings=settings,
        registry=registry,
        classifier=classifier,
        thresholds=thresholds_for(classifier, settings),
        batch_id=batch_id,
        unidad=unidad,
        on_page=on_page or (lambda n: None),
    )
