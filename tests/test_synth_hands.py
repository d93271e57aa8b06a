"""Writer-disjoint generation (issue 12): a test document is never written in a hand that
training or tuning saw, and the truth says which family wrote every field."""

from __future__ import annotations

import random
import string

import pytest
from PIL import ImageFont

from buzon_pipeline.errors import MissingDependencyError
from buzon_pipeline.synth import SPLITS, corpus, fonts, hands, ink
from buzon_pipeline.training import digit_sources

needs_fonts = pytest.mark.skipif(
    not all(fonts.hands_available(s) for s in hands.SPLIT_NAMES),
    reason=f"handwriting families not in the cache: {hands.fetch_command()}",
)
# Every character the generator writes: names with accents, e-mails, NSS/phones, texts.
ALPHABET = (
    string.ascii_letters + string.digits + "ÁÉÍÓÚÜÑáéíóúüñ¿¡@._-+#/:,;()'\"!?%$&*"
)


def _paths(split: str) -> set[str]:
    return {p for fam in fonts.hand_pool(split) for p in fam.paths}


@needs_fonts
def test_the_generator_and_the_training_scripts_share_one_split() -> None:
    assert digit_sources.split_families is hands.split_families
    assert digit_sources.FONTSOURCE_TEST is hands.FONTSOURCE_TEST
    names = {s: {f.name for f in fonts.hand_pool(s)} for s in hands.SPLIT_NAMES}
    paths = {s: _paths(s) for s in hands.SPLIT_NAMES}
    for a, b in (("train", "dev"), ("train", "test"), ("dev", "test")):
        assert not names[a] & names[b], (a, b)
        assert not paths[a] & paths[b], (a, b)
    reserved = {"kalam", "caveat", "patrick-hand", "indie-flower", "architects-daughter",
                "gochi-hand", "handlee", "shadows-into-light"}
    assert reserved <= names["test"]
    # The old five fonts are training hands, and the generator's train pool holds them.
    assert {f.name for f in fonts.hand_pool("anterior")} <= names["train"]
    for fam in hands.split_families("train"):
        assert not {str(p) for p in fam.paths} & (paths["dev"] | paths["test"])


@needs_fonts
@pytest.mark.parametrize("split", ["dev", "test"])
def test_no_seed_of_a_split_draws_a_hand_or_glyph_from_another_split(split: str) -> None:
    """Property over many seeds: the writer's family, and whoever draws a character it lacks,
    belong to the seed's split (or are the typed last resort, never another split's hand)."""
    own = _paths(split)
    forbidden = set().union(*(_paths(s) for s in hands.SPLIT_NAMES if s != split))
    forbidden |= _paths("anterior")
    seeds = random.Random(f"hands:{split}").sample(SPLITS[split], 3000)
    for seed in seeds:
        assert corpus.split_of(seed) == split
        rng = random.Random(seed)
        writer = ink.random_writer(rng, "handwriting", legible=rng.random() < 0.3, hands=split)
        assert writer.family.split == split
        assert set(writer.family.paths) <= own
    for fam in fonts.hand_pool(split):
        for variant in range(len(fam.paths)):
            for char in ALPHABET:
                path, _ = fonts.font_for_char(fam, variant, char)
                assert path not in forbidden, (fam.name, char, path)
                assert path in own or path == fonts.TYPED_FALLBACK, (fam.name, char, path)


@needs_fonts
def test_test_documents_open_no_training_font_and_record_their_writers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whole documents of the test split (volantes, letters, notes, the TAOD's hand): every
    font file opened to draw them is a test family's or a typed face."""
    train_or_dev = _paths("train") | _paths("dev") | _paths("anterior")
    opened: set[str] = set()
    real_load = fonts.load

    def recording(path: str, size: int) -> ImageFont.FreeTypeFont:
        opened.add(path)
        return real_load(path, size)

    monkeypatch.setattr(fonts, "load", recording)
    fonts.has_glyph.cache_clear()
    fonts.has_real_glyph.cache_clear()
    fonts._notdef.cache_clear()
    fonts._font_for_char.cache_clear()
    kinds = set()
    # Test seeds: handwritten volantes and letters, a prescription, a typed volante (whose
    # TAOD stamp is handwritten).
    for seed in (200001, 200003, 200004, 200005, 200006, 200007, 200010, 200013):
        doc = corpus.generate_document(seed)
        truth = doc.truth
        kinds.add((truth["kind"], truth["font_kind"]))
        mano = truth.get("mano")
        if truth["font_kind"] == "handwriting":
            assert mano["particion"] == "test" and mano["manuscritos"] == "test"
        for name, value in truth["fields"].items():
            if value is None:
                continue
            record = mano["campos"][name]
            assert record["familia"] == mano["familia"]
            for _, split in record["fuentes"]:
                assert split in ("test", "mecanografiado"), (seed, name, record)
    assert {("volante", "handwriting"), ("escrito_libre", "handwriting"), ("otro", "handwriting"),
            ("volante", "typed")} <= kinds
    assert not opened & train_or_dev, sorted(opened & train_or_dev)
    assert opened & _paths("test")


@needs_fonts
@pytest.mark.parametrize("seed", [200001, 200003, 200004, 200007, 200013, 200014])
def test_the_seen_control_changes_the_hand_not_the_document(seed: int) -> None:
    """The same seed in training hands: same person, petition and degradation (volantes,
    letters, a prescription, a typed volante): seen and unseen compare the same documents."""
    unseen = corpus.generate_document(seed)
    seen = corpus.generate_document(seed, "train")
    if unseen.truth["font_kind"] == "handwriting":
        assert unseen.truth["mano"]["particion"] == "test"
        assert seen.truth["mano"]["particion"] == "train"
    for key in ("kind", "fields", "tipo", "outcome", "font_kind", "marcas", "degradation"):
        assert seen.truth[key] == unseen.truth[key], key


def test_missing_families_are_refused_not_replaced(monkeypatch, tmp_path) -> None:
    """Without the cache a test document is an error that says what to run, never a document
    quietly written in training fonts; the old mode still works and says it is the old one."""
    monkeypatch.setattr(hands, "NPM_DIR", tmp_path / "vacio")
    fonts.hand_pool.cache_clear()
    hands.families.cache_clear()
    try:
        assert not fonts.hands_available("test")
        with pytest.raises(MissingDependencyError, match="digit_sources fetch"):
            corpus.generate_document(200001)
        old = corpus.generate_document(200001, "anterior")
        assert old.truth["mano"]["manuscritos"] == "anterior"
        assert old.truth["mano"]["particion"] == "train"
    finally:
        fonts.hand_pool.cache_clear()
        hands.families.cache_clear()
