"""Tests of the labelled synthetic document generator and the sample writer."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from PIL import Image

from buzon_pipeline.core import rules
from buzon_pipeline.deciding.route import table_outcome
from buzon_pipeline.synth import (
    SPLITS,
    corpus,
    degrade,
    documents,
    generate_document,
    iter_split,
    people,
    samples,
)

SEEDS = (0, 1, 6, 12, 14)  # receipt, volante, letter, two-page letter, blank: all quick


@pytest.fixture(scope="module")
def docs() -> dict[int, documents.SynthDocument]:
    return {seed: generate_document(seed) for seed in SEEDS}


def test_same_seed_same_truth_and_pixels(docs: dict) -> None:
    for seed in SEEDS[:2]:
        again = generate_document(seed)
        assert again.truth == docs[seed].truth
        assert len(again.pages) == len(docs[seed].pages)
        for a, b in zip(again.pages, docs[seed].pages, strict=True):
            assert a.mode == b.mode and a.size == b.size
            assert a.tobytes() == b.tobytes()


def test_degradation_is_deterministic() -> None:
    page = Image.new("RGB", (400, 520), (255, 255, 255))
    page.paste((0, 0, 0), (50, 50, 350, 90))
    for level in degrade.LEVELS:
        a, rec_a = degrade.degrade(page, random.Random(9), level)
        b, rec_b = degrade.degrade(page, random.Random(9), level)
        assert rec_a == rec_b and a.tobytes() == b.tobytes()
        assert degrade.apply(page, rec_a["steps"], rec_a["mode"]).tobytes() == a.tobytes()


def test_different_seeds_differ(docs: dict) -> None:
    texts = {json.dumps(d.truth, sort_keys=True) for d in docs.values()}
    assert len(texts) == len(docs)


def test_generated_nss_pass_or_fail_the_programs_check_digit() -> None:
    assert rules.luhn_check_digit("7992739871") == 3
    rng = random.Random(1)
    for _ in range(50):
        assert rules.nss_is_valid(people.make_nss(rng, valid=True))
        assert not rules.nss_is_valid(people.make_nss(rng, valid=False))


def test_truth_is_consistent(docs: dict) -> None:
    for doc in docs.values():
        t = doc.truth
        f = t["fields"]
        assert t["kind"] in ("volante", "escrito_libre", "otro")
        contact = t["telefono_valido"] or t["correo_valido"]
        assert t["datos_minimos"] == (f["nombre"] is not None and t["nss_valido"] and contact)
        if t["es_peticion"] and contact and f["nss"] is not None and not t["nss_valido"]:
            assert t["outcome"] == "revision"
        else:
            assert t["outcome"] == str(table_outcome(t["es_peticion"], contact, t["datos_minimos"]))
        assert t["page_count"] == len(doc.pages) == len(t["degradation"])
        assert t["nss_valido"] == bool(f["nss"] and rules.nss_is_valid(f["nss"]))
        if f["nss"] is not None:
            assert len(f["nss"]) == 11 and f["nss"].isdigit()
        if f["telefono"] is not None:
            assert f["telefono"].isdigit() and len(f["telefono"]) <= 10
            assert t["telefono_valido"] == (len(f["telefono"]) == 10)
        if f["correo"] is not None:
            assert f["correo"] == f["correo"].lower()
        if f["nombre"] is not None:
            assert f["nombre"] == " ".join(f["nombre"].split()).upper()
        if not t["es_peticion"]:
            assert t["tipo"] is None and t["outcome"] == "descartado"
        json.dumps(t)  # the truth must serialise as is


@pytest.mark.parametrize(
    ("opts", "outcome"),
    [
        ({"nombre": True, "nss": True, "nss_valid": True, "telefono": True,
          "phone_valid": True}, "folio"),
        ({"nombre": True, "nss": False, "telefono": True, "phone_valid": True,
          "correo": False}, "pendiente_contacto"),
        ({"nss": True, "nss_valid": False, "telefono": True, "phone_valid": True}, "revision"),
        # A failing NSS without contact data decides nothing: público en general, no review.
        ({"nss": True, "nss_valid": False, "telefono": False, "correo": False},
         "publico_general"),
        ({"nss": False, "telefono": False, "correo": False}, "publico_general"),
    ],
)
def test_forced_options_give_the_expected_route(opts: dict, outcome: str) -> None:
    doc = documents.make_volante(random.Random(3), level="clean", empty=False, **opts)
    assert doc.truth["outcome"] == outcome


def test_splits_are_disjoint_and_iterable(monkeypatch: pytest.MonkeyPatch) -> None:
    names = list(SPLITS)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not set(SPLITS[a]) & set(SPLITS[b])
    assert sum(len(r) for r in SPLITS.values()) == 300_000
    monkeypatch.setattr(corpus, "generate_document", lambda seed: seed)
    assert list(iter_split("dev", 3)) == [100_000, 100_001, 100_002]
    assert list(iter_split("test", 2)) == [200_000, 200_001]


@pytest.mark.parametrize("mode", ["L", "RGB"])
def test_every_degradation_returns_a_sane_image(mode: str) -> None:
    page = Image.new(mode, (600, 800), 255 if mode == "L" else (255, 255, 255))
    page.paste(0 if mode == "L" else (0, 0, 0), (100, 100, 500, 140))
    params = {
        "skew": {"angle": 3.0}, "rotate": {"degrees": 90}, "rescale": {"factor": 0.93},
        "blur": {"sigma": 1.0}, "gaussian_noise": {"sigma": 5, "seed": 1},
        "salt_pepper": {"amount": 0.01, "seed": 1}, "speckle": {"density": 50, "seed": 1},
        "jpeg": {"quality": 50}, "low_dpi": {"dpi": 150},
        "uneven_lighting": {"strength": 0.3, "seed": 1},
        "bleed_through": {"strength": 0.1, "seed": 1},
        "stamp": {"x": 300, "y": 300, "angle": 10, "text": "UMF 1|RECIBIDO", "seed": 1},
        "rubrica": {"x": 100, "y": 400, "width": 300, "seed": 1},
        "perspective": {"strength": 0.03, "seed": 1},
        "photograph": {"background": "madera", "framing": "mano", "fraction": 0.7,
                       "page_dpi": 200, "angle": 5.0, "tilt": 0.03, "light": 0.3, "seed": 1},
    }
    assert set(params) == set(degrade.FUNCTIONS)
    for name, fn in degrade.FUNCTIONS.items():
        out = fn(page, **params[name])
        assert isinstance(out, Image.Image), name
        assert out.mode in ("L", "RGB"), name
        w, h = out.size
        assert 250 <= min(w, h) and max(w, h) <= 1200, (name, out.size)
        if name not in ("rotate", "low_dpi", "perspective", "photograph"):
            assert out.size == page.size, name
        assert np.asarray(out).std() > 0, name
    for level in degrade.LEVELS:
        out, record = degrade.degrade(page, random.Random(4), level)
        assert out.mode == record["mode"] and record["level"] == level
        json.dumps(record)


def test_samples_script_writes_files_and_truth(tmp_path) -> None:
    names = ["lote_escaner.tif", "hoja_en_blanco.png"]
    assert samples.main([str(tmp_path), *names]) == 0
    first = {n: (tmp_path / n).read_bytes() for n in names}
    tif = json.loads((tmp_path / "lote_escaner.tif.verdad.json").read_text(encoding="utf-8"))
    assert tif["source"] == "lote_escaner.tif"
    assert [d["outcome"] for d in tif["documents"]] == ["revision", "folio", "descartado"]
    assert [d["pages"] for d in tif["documents"]] == [[1], [2], [3]]
    with Image.open(tmp_path / "lote_escaner.tif") as im:
        assert im.n_frames == 3
    blank = json.loads((tmp_path / "hoja_en_blanco.png.verdad.json").read_text(encoding="utf-8"))
    assert blank == {"source": "hoja_en_blanco.png", "documents": [], "blank_pages": [1]}
    # Re-running gives byte-identical files.
    assert samples.main([str(tmp_path), *names]) == 0
    assert all((tmp_path / n).read_bytes() == data for n, data in first.items())


def test_sample_catalogue_covers_the_promised_cases() -> None:
    outcomes = [p.expect for s in samples.SAMPLES for p in s.parts]
    for needed in ("folio", "pendiente_contacto", "publico_general", "revision", "descartado"):
        assert needed in outcomes
    suffixes = {s.name.rsplit(".", 1)[1] for s in samples.SAMPLES}
    assert suffixes == {"pdf", "tif", "jpg", "png"}
    assert len(samples.SAMPLES) >= 12
