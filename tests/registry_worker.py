"""A worker process for the folio concurrency test (imported by spawned processes: keep light).

Each worker opens the registry on the same database at the same moment as its twin and
registers, interleaved: its own petitions, the pages of a file both workers process (must stay
idempotent), and finally one petition that both workers received from different files (5.9: one
folio, one duplicado).
"""

from __future__ import annotations

from datetime import datetime
from multiprocessing.synchronize import Barrier

from buzon_pipeline.core.model import DocumentResult, Field, Kind, Outcome, SourceFile
from buzon_pipeline.core.rules import luhn_check_digit
from buzon_pipeline.registry.store import Registry

NOW = datetime(2026, 11, 25, 18, 30)
UNIDAD = "UMF 20"


def nss_for(n: int) -> str:
    first_ten = f"{n:010d}"
    return first_ten + str(luhn_check_digit(first_ten))


def petition(page: int, nss: str, name: str) -> DocumentResult:
    fields = {"nombre": Field(name, 0.9, present=True), "nss": Field(nss, 0.9, present=True)}
    return DocumentResult(
        "lote.pdf",
        [page],
        Kind.ESCRITO_LIBRE,
        Outcome.FOLIO,
        None,
        "queja_servicio",
        False,
        fields,
        ["motivo"],
    )


def register_many(url: str, worker: int, count: int, barrier: Barrier) -> None:
    barrier.wait(timeout=60)
    registry = Registry(url)  # both processes migrate a fresh database at once
    batch = registry.start_batch(f"TAOD {worker}", UNIDAD, NOW)
    own = registry.upsert_source(
        SourceFile(f"propio{worker}.pdf", f"{worker}" * 64, 1), count, batch
    )
    shared = registry.upsert_source(SourceFile("compartido.pdf", "c" * 64, 1), count, batch)
    barrier.wait(timeout=60)
    for page in range(1, count + 1):
        own_nss = nss_for(100_000 * worker + page)
        registry.register(
            petition(page, own_nss, f"Persona {worker} Num {page}"),
            own,
            batch,
            UNIDAD,
            f"peticion propia {worker}-{page}",
            0.9,
            NOW,
        )
        shared_nss = nss_for(900_000 + page)
        registry.register(
            petition(page, shared_nss, f"Persona Compartida {page}"),
            shared,
            batch,
            UNIDAD,
            f"peticion compartida {page}",
            0.9,
            NOW,
        )
    repeated = "Me negaron la incapacidad del mes pasado y necesito que la revisen por favor"
    registry.register(
        petition(count + 1, nss_for(999_999), "Ana Ruiz Paz"),
        own,
        batch,
        UNIDAD,
        repeated,
        0.9,
        NOW,
    )
