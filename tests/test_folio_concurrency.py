"""Two OS processes register at the same time against one database (SQLite file and
PostgreSQL): every folio is unique, the sequence has neither repeats nor gaps, a file both
process stays idempotent and a petition both received is registered once (5.9)."""

from __future__ import annotations

import multiprocessing
import time

from sqlalchemy import func, select

from buzon_pipeline.registry.schema import DocumentRow, FolioCounter, FolioRow
from buzon_pipeline.registry.store import Registry
from tests.registry_worker import UNIDAD, register_many

PER_WORKER = 25


def test_two_processes_never_share_a_folio(any_db_url):
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    workers = [
        ctx.Process(target=register_many, args=(any_db_url, n, PER_WORKER, barrier)) for n in (1, 2)
    ]
    for worker in workers:
        worker.start()
    _wait_all_or_first_failure(workers, timeout=120)
    assert [w.exitcode for w in workers] == [0, 0], "a worker failed (see its stderr above)"

    registry = Registry(any_db_url)
    with registry.session() as s:
        folios = s.scalars(select(FolioRow.folio)).all()
        by_outcome = select(DocumentRow.outcome, func.count()).group_by(DocumentRow.outcome)
        outcomes = {outcome: n for outcome, n in s.execute(by_outcome)}
        last_seq = s.scalar(select(FolioCounter.last_seq))
        documents = s.scalar(select(func.count()).select_from(DocumentRow))
    expected = 2 * PER_WORKER + PER_WORKER + 1  # own petitions + shared file + repeated one
    assert len(folios) == len(set(folios)) == expected
    prefix = "UMF20-2026-"
    assert all(f.startswith(prefix) for f in folios) and UNIDAD == "UMF 20"
    assert sorted(int(f.removeprefix(prefix)) for f in folios) == list(range(1, expected + 1))
    assert last_seq == expected
    assert documents == expected + 1  # the shared file's pages exist once each
    assert outcomes == {"folio": expected, "duplicado": 1}


def _wait_all_or_first_failure(workers: list, timeout: float) -> None:
    """Join the workers; once one fails the other would wait on the barrier: stop it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(w.is_alive() for w in workers):
        if any(w.exitcode not in (None, 0) for w in workers):
            break
        time.sleep(0.05)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
            worker.join(5)
