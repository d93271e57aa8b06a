from __future__ import annotations

import os
import stat
from datetime import datetime

from sqlalchemy import func, select

from buzon_pipeline.core.model import DocumentResult, Field, Kind, Outcome, SourceFile
from buzon_pipeline.core.rules import luhn_check_digit
from buzon_pipeline.registry.folios import unit_code
from buzon_pipeline.registry.schema import FolioRow
from buzon_pipeline.registry.store import Registry

NOW = datetime(2026, 11, 25, 18, 30)
NSS = "1234567890" + str(luhn_check_digit("1234567890"))


def result(pages, outcome=Outcome.FOLIO, nss=NSS, name="Ana Ruiz Paz"):
    fields = {"nombre": Field(name, 0.9, present=True), "nss": Field(nss, 0.9, present=True)}
    return DocumentResult(
        "lote.pdf",
        pages,
        Kind.ESCRITO_LIBRE,
        outcome,
        None,
        "queja_servicio",
        False,
        fields,
        ["motivo"],
    )


def setup(db_url, sha="a" * 64):
    registry = Registry(db_url)
    batch = registry.start_batch("TAOD", "UMF 20", NOW)
    source = registry.upsert_source(SourceFile("lote.pdf", sha, 10), 3, batch)
    return registry, batch, source


def count_folios(registry):
    with registry.session() as s:
        return s.scalar(select(func.count()).select_from(FolioRow))


def test_database_file_is_owner_only(db_url, tmp_path):
    Registry(db_url)
    mode = stat.S_IMODE(os.stat(tmp_path / "buzon.db").st_mode)
    assert mode == 0o600


def test_folios_are_sequential_per_unit_and_year(db_url):
    registry, batch, source = setup(db_url)
    first = registry.register(result([1]), source, batch, "UMF 20", "texto uno", 0.9, NOW)
    second = registry.register(
        result([2], nss="98765432109"), source, batch, "UMF 20", "otra cosa muy distinta", 0.9, NOW
    )
    assert first.folio == "UMF20-2026-00001"
    assert second.folio == "UMF20-2026-00002"
    assert unit_code("Hospital General de Zona Núm. 1") == "HOSPITALGENERALD"


def test_reregistering_the_same_pages_keeps_the_folio(db_url):
    registry, batch, source = setup(db_url)
    first = registry.register(result([1]), source, batch, "UMF 20", "texto", 0.9, NOW)
    again = registry.register(result([1]), source, batch, "UMF 20", "texto", 0.9, NOW)
    assert again.folio == first.folio and again.already_registered
    assert count_folios(registry) == 1


def test_same_petition_from_another_file_is_a_duplicate(db_url):
    registry, batch, source = setup(db_url)
    text = "Me negaron la incapacidad del mes pasado y necesito que la revisen por favor"
    first = registry.register(result([1]), source, batch, "UMF 20", text, 0.9, NOW)
    other = registry.upsert_source(SourceFile("otro.pdf", "b" * 64, 10), 1, batch)
    dup = registry.register(result([1]), other, batch, "UMF 20", text + ".", 0.9, NOW)
    assert dup.outcome is Outcome.DUPLICADO and dup.folio == first.folio
    assert count_folios(registry) == 1


def test_other_outcomes_get_no_folio(db_url):
    registry, batch, source = setup(db_url)
    for page, outcome in enumerate([Outcome.PENDIENTE_CONTACTO, Outcome.REVISION], start=1):
        assert (
            registry.register(result([page], outcome), source, batch, "UMF 20", "t", 0.9, NOW).folio
            is None
        )
    assert count_folios(registry) == 0
