"""Deterministic labelled documents by seed, and the train/dev/test seed splits."""

from __future__ import annotations

import random
from collections.abc import Iterator

from buzon_pipeline.synth.documents import (
    SynthDocument,
    make_blank,
    make_letter,
    make_other,
    make_volante,
)

SPLITS: dict[str, range] = {
    "train": range(0, 100_000),
    "dev": range(100_000, 200_000),
    "test": range(200_000, 300_000),
}
MIX = (("volante", 55), ("escrito_libre", 30), ("otro", 10), ("blank", 5))
_BUILDERS = {"volante": make_volante, "escrito_libre": make_letter, "otro": make_other,
             "blank": make_blank}


def split_of(seed: int) -> str:
    for name, seeds in SPLITS.items():
        if seed in seeds:
            return name
    raise ValueError(f"seed {seed} is in no split")


def generate_document(seed: int, hands: str | None = None) -> SynthDocument:
    """The same seed always gives the same pages (pixel for pixel) and the same truth.

    Handwriting comes from the families of the seed's own split (issue 12: a test document is
    never written in a hand used for training); ``hands`` overrides the pool: "anterior" for
    the old five families of every split, "train" for the seen-hands control of an evaluation.
    """
    hands = hands or split_of(seed)
    rng = random.Random(f"buzon-synth:{seed}")
    kind = rng.choices([k for k, _ in MIX], [w for _, w in MIX])[0]
    doc = _BUILDERS[kind](rng, hands=hands, split=split_of(seed))
    doc.truth["seed"] = seed
    return doc


def iter_split(
    name: str, n: int | None = None, hands: str | None = None
) -> Iterator[SynthDocument]:
    """The first ``n`` documents of a split (all 100 000 when n is None)."""
    seeds = SPLITS[name]
    for seed in seeds if n is None else seeds[:n]:
        yield generate_document(seed, hands) if hands else generate_document(seed)
