"""The classifier corpus parses, its labels are valid and the test split is really held out."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from buzon_pipeline.core.vocab import SERVICIOS, TIPOS
from buzon_pipeline.deciding.textclass import normalize_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "clasificador"
SPLITS = ("train", "dev", "test")
KEYS = {"text", "es_peticion", "tipo", "servicio", "caso_especial"}


def load(split: str) -> list[dict]:
    with (CORPUS / f"{split}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    return {split: load(split) for split in SPLITS}


@pytest.mark.parametrize("split", SPLITS)
def test_records_are_well_formed(corpus: dict[str, list[dict]], split: str) -> None:
    assert corpus[split], f"{split} is empty"
    for record in corpus[split]:
        assert set(record) == KEYS
        assert isinstance(record["text"], str) and record["text"].strip()
        assert isinstance(record["es_peticion"], bool)
        assert isinstance(record["caso_especial"], bool)
        if record["es_peticion"]:
            assert record["tipo"] in TIPOS
            assert record["servicio"] in SERVICIOS
        else:
            assert record["tipo"] is None
            assert record["servicio"] is None
            assert record["caso_especial"] is False


def test_training_minimum_counts(corpus: dict[str, list[dict]]) -> None:
    train = corpus["train"]
    tipos = Counter(r["tipo"] for r in train if r["es_peticion"])
    for tipo in TIPOS:
        assert tipos[tipo] >= 150, f"only {tipos[tipo]} training examples of {tipo}"
    assert sum(not r["es_peticion"] for r in train) >= 300
    assert sum(r["caso_especial"] for r in train) >= 100


@pytest.mark.parametrize("split", ("dev", "test"))
def test_evaluation_splits_cover_every_label(corpus: dict[str, list[dict]], split: str) -> None:
    records = corpus[split]
    assert {r["tipo"] for r in records if r["es_peticion"]} == set(TIPOS)
    assert {r["servicio"] for r in records if r["es_peticion"]} == set(SERVICIOS)
    assert sum(r["caso_especial"] for r in records) >= 20
    assert sum(not r["es_peticion"] for r in records) >= 50


def test_no_test_text_in_train_or_dev(corpus: dict[str, list[dict]]) -> None:
    seen = {normalize_text(r["text"]) for split in ("train", "dev") for r in corpus[split]}
    leaked = [r["text"] for r in corpus["test"] if normalize_text(r["text"]) in seen]
    assert not leaked, f"{len(leaked)} test texts also appear in train/dev: {leaked[:3]}"


def test_no_duplicates_within_splits(corpus: dict[str, list[dict]]) -> None:
    for split, records in corpus.items():
        texts = [r["text"] for r in records]
        assert len(texts) == len(set(texts)), f"duplicated texts in {split}"


def test_test_sentences_are_written_apart() -> None:
    """No hand-written core sentence of the test split is reused from the training fragments."""
    from buzon_pipeline.training import corpus_gen, fragments_test, fragments_train

    def cores(pool: object) -> set[str]:
        return {normalize_text(c.text) for c in corpus_gen.parse_cores(pool)}

    def negatives(pool: object) -> set[str]:
        return {normalize_text(d) for d in corpus_gen.parse_negatives(pool)}

    assert not cores(fragments_train) & cores(fragments_test)
    assert not negatives(fragments_train) & negatives(fragments_test)


def test_committed_corpus_matches_generator(corpus: dict[str, list[dict]]) -> None:
    from dataclasses import asdict

    from buzon_pipeline.training.corpus_gen import build_corpus

    generated = build_corpus()
    for split in SPLITS:
        assert [asdict(r) for r in generated[split]] == corpus[split], (
            f"{split}.jsonl is stale: run python -m buzon_pipeline.training.corpus_gen"
        )
