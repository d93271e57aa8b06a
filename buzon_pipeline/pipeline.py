"""The batch, stage by stage as docs/design.md §3 draws it:

    ingest → preprocess → page type → extract → validate → classify text → route → register → report

Pages are analysed in worker processes (one single-threaded Tesseract each); documents are
validated, classified, routed and registered in this process, one transaction each.
"""

from __future__ import annotations

import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool as BrokenExecutor
from dataclasses import dataclass, field, replace
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
from buzon_pipeline.core.names import display_name
from buzon_pipeline.core.private_files import append_private_text, private_dir
from buzon_pipeline.core.resources import models_dir
from buzon_pipeline.core.run import die_with_parent
from buzon_pipeline.deciding.classify import thresholds_for, verdict
from buzon_pipeline.deciding.route import decide, document_kind, review_grouping
from buzon_pipeline.deciding.textclass import TextClassifier
from buzon_pipeline.deciding.validate import validate
from buzon_pipeline.errors import MissingDependencyError, UsageError
from buzon_pipeline.reading.analyze import PageAnalyzer
from buzon_pipeline.reading.grouping import group_documents
from buzon_pipeline.reading.ingest import inspect_source, iter_pages
from buzon_pipeline.reading.letter import extract_letter
from buzon_pipeline.reading.ocr import OcrEngineError
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
    held: bool = False  # a passing failure: the next run reads the file again


# -- page analysis in worker processes ------------------------------------------------------
_worker_analyzer: PageAnalyzer | None = None  # one per worker process, set by its initializer

# Errors that may pass: a re-run reads the page again (the file is not marked complete).
PASSING_ERRORS = (OSError, MemoryError, TimeoutError, OcrEngineError, BrokenExecutor)


def _init_worker(keep_view: PageViews | None, models: Path | None, parent_pid: int) -> None:
    global _worker_analyzer
    die_with_parent(parent_pid)
    _worker_analyzer = PageAnalyzer.load(keep_view, models)


def _analyze_in_worker(page: Page) -> PageAnalysis:
    assert _worker_analyzer is not None
    return _safe_analyze(_worker_analyzer, page)


def _analyze_on_cluster(
    page: Page, keep_view: PageViews | None, models: Path | None
) -> PageAnalysis:
    """A Dask worker's task: the analyser is loaded by the first page the worker gets and kept
    for the next ones (Dask has no per-worker initializer for a plain executor)."""
    global _worker_analyzer
    if _worker_analyzer is None:
        _worker_analyzer = PageAnalyzer.load(keep_view, models)
    return _safe_analyze(_worker_analyzer, page)


def _safe_analyze(analyzer: PageAnalyzer, page: Page) -> PageAnalysis:
    try:
        return analyzer.analyze(page)
    except Exception as exc:  # one bad page never stops the batch; no page content in the message
        return _failed_page(page.source, page.source_sha256, page.number, exc)


def _failed_page(source: str, sha: str, number: int, exc: BaseException) -> PageAnalysis:
    passing = isinstance(exc, PASSING_ERRORS)
    message = (
        f"Falla pasajera al leer la página ({type(exc).__name__}); se vuelve a leer en la "
        "próxima corrida."
        if passing
        else f"Error al analizar la página ({type(exc).__name__})."
    )
    analysis = _error_page(source, sha, number, message)
    detail = "".join(traceback.format_exception(exc))
    return replace(analysis, retry=passing, detail=detail)


def _error_page(source: str, sha: str, number: int, message: str) -> PageAnalysis:
    return PageAnalysis(source=source, source_sha256=sha, number=number, blank=False, error=message)


class PageRunner:
    """Analyse pages in order, in a process pool, holding only a few pages in memory. A worker
    that dies (killed, out of memory) costs its page a passing error, not the batch."""

    def __init__(
        self,
        workers: int,
        archive_dir: Path | None = None,
        models_dir: Path | None = None,
        cluster: Executor | None = None,
    ) -> None:
        self.workers = workers
        self.keep_view = PageViews(archive_dir) if archive_dir is not None else None
        self.models_dir = models_dir
        # A Dask client's executor (`--dask`): pages go to the cluster's workers instead of a
        # local pool; the caller owns it, and `workers` is then the cluster's thread count.
        self.cluster = cluster
        self._pool: ProcessPoolExecutor | None = None
        self._local: PageAnalyzer | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            initializer=_init_worker,
            initargs=(self.keep_view, self.models_dir, os.getpid()),
        )

    def __enter__(self) -> PageRunner:
        if self.cluster is not None:
            return self
        if self.workers > 1:
            self._pool = self._new_pool()
        else:
            self._local = PageAnalyzer.load(self.keep_view, self.models_dir)
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self._pool is None:
            return
        if exc_type is not None:  # interrupted: stop the workers now, do not finish their pages
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def run(self, items: Iterable[Page | PageAnalysis]) -> Iterator[PageAnalysis]:
        if self._pool is None and self.cluster is None:
            assert self._local is not None
            for item in items:
                yield item if isinstance(item, PageAnalysis) else _safe_analyze(self._local, item)
            return
        window: deque[tuple[Page | PageAnalysis, Future | None]] = deque()
        for item in items:
            window.append((item, None if isinstance(item, PageAnalysis) else self._submit(item)))
            while len(window) > 2 * self.workers:
                yield self._resolve(window)
        while window:
            yield self._resolve(window)

    def _submit(self, page: Page) -> Future:
        if self.cluster is not None:
            return self.cluster.submit(_analyze_on_cluster, page, self.keep_view, self.models_dir)
        assert self._pool is not None
        try:
            return self._pool.submit(_analyze_in_worker, page)
        except BrokenExecutor:
            self._restart()
            return self._pool.submit(_analyze_in_worker, page)

    def _resolve(self, window: deque[tuple[Page | PageAnalysis, Future | None]]) -> PageAnalysis:
        item, future = window.popleft()
        if future is None:
            assert isinstance(item, PageAnalysis)
            return item
        assert isinstance(item, Page)
        try:
            return future.result()
        except BrokenExecutor as exc:
            # This page's worker died; the pages queued behind it go to a fresh pool.
            self._restart()
            for index, (pending, old) in enumerate(window):
                if old is not None and (not old.done() or old.exception() is not None):
                    assert isinstance(pending, Page)
                    window[index] = (pending, self._submit(pending))
            return _failed_page(item.source, item.source_sha256, item.number, exc)

    def _restart(self) -> None:
        assert self._pool is not None
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()


# -- per source file -------------------------------------------------------------------------
def process_source(
    ctx: BatchContext, runner: PageRunner, source: SourceFile, page_count: int
) -> SourceOutcome:
    outcome = SourceOutcome(source, page_count)
    name = display_name(source.path)  # what the registry and the console show
    if source.error:
        ctx.registry.upsert_source(source, 0, ctx.batch_id)
        outcome.results.append(error_result(name, [], source.error))
        ctx.on_page(max(1, page_count))
        return outcome
    known = ctx.registry.source(source.sha256)
    if known is not None and known.complete:
        # Already processed by an earlier lote: shown again, but it stays that lote's (its
        # folios are not exported twice).
        outcome.results = stored_results(ctx.registry, known.id, name)
        outcome.pages_read = page_count
        ctx.on_page(page_count)
        return outcome
    source_id = ctx.registry.upsert_source(source, page_count, ctx.batch_id)
    try:
        original = archive_original(
            Path(ctx.settings.archive_dir).resolve(), source.sha256, source.path
        )
    except OSError as exc:  # a full disk passes: the file stays incomplete and is read again
        _log_error(ctx.settings, name, 0, "".join(traceback.format_exception(exc)))
        message = (
            f"No se pudo archivar el original ({exc.strerror or type(exc).__name__}); "
            "se vuelve a leer en la próxima corrida."
        )
        outcome.results.append(error_result(name, [], message))
        outcome.held = True
        ctx.on_page(max(1, page_count))
        return outcome
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
        if analysis.detail:
            _log_error(ctx.settings, name, analysis.number, analysis.detail)
        ctx.on_page(1)
    outcome.pages_read = sum(1 for a in analyses if a.error is None)
    outcome.page_errors = sum(1 for a in analyses if a.error is not None)
    for analysis in analyses:
        if analysis.error:
            outcome.results.append(error_result(name, [analysis.number], analysis.error))
        elif analysis.blank:
            outcome.results.append(blank_result(name, analysis.number))
    passing = [a.number for a in analyses if a.retry]
    outcome.held = bool(passing)
    if passing:
        # A document may span the failed page: register none of this file now; the next run
        # reads it whole again (documents registered before keep their folio: same hash).
        held = [a.number for a in analyses if a.error is None and not a.blank]
        if held:
            outcome.results.append(
                error_result(
                    name,
                    held,
                    "En espera: el archivo se vuelve a leer completo en la próxima corrida "
                    f"(falla pasajera en la página {', '.join(map(str, passing))}).",
                )
            )
    else:
        for document in group_documents(analyses):
            outcome.results.append(
                _route_and_register(ctx, source_id, source, document.pages, document.doubt)
            )
        ctx.registry.complete_source(source_id)
    outcome.results.sort(key=lambda r: r.pages[0] if r.pages else 0)
    return outcome


ERROR_LOG = "errores.log"


def _log_error(settings: Settings, source: str, page: int, detail: str) -> None:
    """Append a page's traceback to the owner-only error log (it may quote page content)."""
    try:
        folder = private_dir(Path(settings.reports_dir))
        stamp = datetime.now().isoformat(timespec="seconds")
        append_private_text(folder / ERROR_LOG, f"== {stamp} {source} página {page}\n{detail}\n")
    except OSError:
        pass  # the log is a help; its failure must not cost the page's outcome


def _pages_or_errors(
    source: SourceFile, page_count: int, settings: Settings
) -> Iterator[Page | PageAnalysis]:
    for item in iter_pages(source, page_count, settings):
        if isinstance(item, Page):
            yield item
        else:
            number, message = item
            yield _error_page(source.path, source.sha256, number, message)


def comb_limits(first: PageAnalysis, settings: Settings) -> dict[str, float] | None:
    """The thresholds of the values a volante's comb-cell model read (its confidence has its
    own scale); a number on a plain line of another printing is read by the letters' readers
    and judged as in a letter (Settings.min_field_confidence)."""
    if first.kind is not Kind.VOLANTE:
        return None
    scale = {"nss": settings.min_nss_confidence, "telefono": settings.min_digit_confidence}
    return {key: scale[key] for key in first.comb_fields if key in scale}


def _route_and_register(
    ctx: BatchContext,
    source_id: int,
    source: SourceFile,
    pages: list[PageAnalysis],
    grouping_doubt: str | None = None,
) -> DocumentResult:
    first = pages[0]
    text = "\n\n".join(p.text for p in pages if p.text)
    fields: dict[str, Field] = (
        dict(first.fields) if first.kind is Kind.VOLANTE else extract_letter(pages)
    )
    limits = comb_limits(first, ctx.settings)
    validation = validate(fields, ctx.settings.min_field_confidence, limits)
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
    if grouping_doubt:
        # Where the document ends is unclear: its pages go to review together, never a folio
        # or a discard for a page that may be the end of the letter before it.
        decision = review_grouping(decision, grouping_doubt)
    notes = [n for p in pages for n in p.notes]
    is_petition = decision.outcome is not Outcome.DESCARTADO
    servicio = scores.servicio_top[0] if is_petition else None
    result = DocumentResult(
        source=display_name(source.path),
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
    archive = Path(ctx.settings.archive_dir).resolve()
    models = models_dir(ctx.settings.models_dir)
    if ctx.settings.dask_scheduler:
        yield from _run_on_cluster(ctx, sources, archive, models)
        return
    with PageRunner(ctx.settings.workers, archive, models) as runner:
        for source, count in sources:
            yield process_source(ctx, runner, source, count)


def _run_on_cluster(
    ctx: BatchContext, sources: list[tuple[SourceFile, int]], archive: Path, models: Path
) -> Iterator[SourceOutcome]:
    """Page analysis on a Dask cluster (docs/design.md §3): the scheduler's workers read pages,
    this process routes and registers them, as in a local run. The workers need this package,
    and the archive and models folders at the same paths (a shared folder)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise MissingDependencyError(
            "Para --dask instale Dask: pip install 'buzon-pipeline[dask]'."
        ) from exc
    try:
        client = Client(ctx.settings.dask_scheduler, timeout=30)
    except OSError as exc:
        raise UsageError(
            f"No se pudo conectar con el planificador de Dask ({type(exc).__name__})."
        ) from exc
    with client:
        threads = max(1, sum(client.nthreads().values()))
        executor = client.get_executor(pure=False)
        with PageRunner(threads, archive, models, cluster=executor) as runner:
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
