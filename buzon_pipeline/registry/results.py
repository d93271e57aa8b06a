"""A file's results as the registry holds them: its documents, blank pages and unreadable
pages as `DocumentResult`s (what a re-run replays and what the reports are written from)."""

from __future__ import annotations

from buzon_pipeline.core.model import DocumentResult, Kind, Outcome
from buzon_pipeline.registry.store import Registry


def stored_results(
    registry: Registry, source_id: int, path: str, replayed: bool = True
) -> list[DocumentResult]:
    """The registry's results for a file: its documents as they stand now, its blank pages and
    unreadable pages (a re-run replays these instead of registering anything again; `replayed`
    adds that to each document's reasons)."""
    results = registry.results_for_source(source_id, path, replayed)
    for page in registry.pages_of(source_id):
        if page.error:
            results.append(error_result(path, [page.number], page.error))
        elif page.blank:
            results.append(blank_result(path, page.number))
    results.sort(key=lambda r: r.pages[0] if r.pages else 0)
    return results


def error_result(path: str, pages: list[int], message: str) -> DocumentResult:
    return DocumentResult(path, pages, Kind.OTRO, Outcome.ERROR, None, None, False, {}, [message])


def blank_result(path: str, number: int) -> DocumentResult:
    reason = "Página en blanco: se registra y no se procesa."
    return DocumentResult(
        path, [number], Kind.OTRO, Outcome.DESCARTADO, None, None, False, {}, [reason]
    )
