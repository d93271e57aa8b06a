"""The register generator of training texts (issue 13, item 5)."""

from __future__ import annotations

import random

from buzon_pipeline.training import fragments_train
from buzon_pipeline.training.corpus_gen import Core
from buzon_pipeline.training.register import (
    REGISTERS,
    RegisterRenderer,
    register_split,
    shorten,
    split_cores,
)

CORES = [
    Core("Solicito que me reprogramen la cita de cardiología que me cancelaron.", "gestion",
         "citas", False),
    Core("¿Cómo saco cita por la aplicación? Ya la bajé pero no me deja entrar.", "orientacion",
         "citas", False),
    Core("Pido que me den cita con el traumatólogo, ya me hicieron el pase.", "gestion", "citas",
         False),
    Core("Sugiero que pongan más sillas en la sala de espera.", "sugerencia",
         "trato_personal_otro", False),
]


def test_same_seed_same_texts_and_another_seed_other_texts():
    first = register_split(fragments_train, CORES, seed=5, per_core=4)
    again = register_split(fragments_train, CORES, seed=5, per_core=4)
    other = register_split(fragments_train, CORES, seed=6, per_core=4)
    assert first == again
    assert [r.text for r in first] != [r.text for r in other]


def test_labels_are_the_cores_and_every_register_is_drawn():
    renderer = RegisterRenderer(fragments_train, random.Random(1), CORES)
    seen = set()
    for _ in range(60):
        for core in CORES:
            text, register = renderer.render(core)
            assert text.strip()
            seen.add(register)
    assert seen == set(REGISTERS)
    by_text = {c.tipo for c in CORES}
    assert {r.tipo for r in register_split(fragments_train, CORES, 3, 2)} <= by_text


def test_a_short_text_keeps_the_request_clause():
    text = (
        "Me dieron cita para dentro de seis meses para el neurólogo, "
        "solicito que me la adelanten"
    )
    for seed in range(10):
        short = shorten(text, random.Random(seed))
        assert len(short.split()) <= 14
        assert "solicito" in short or "cita" in short


def test_train_and_dev_cores_do_not_share_sentences():
    train, dev = split_cores()
    assert train and dev
    assert not {c.text for c in train} & {c.text for c in dev}
