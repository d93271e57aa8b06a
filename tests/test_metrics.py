from __future__ import annotations

import pytest

from buzon_pipeline.evaluation.metrics import Pair, evaluate, markdown


def truth(outcome="folio", tipo="queja_servicio", es_peticion=True, font="typed", **fields):
    base = {
        "nombre": "Ana Ruiz Paz",
        "nss": "12345678903",
        "telefono": "5512345678",
        "correo": None,
    }
    base.update(fields)
    return {
        "outcome": outcome,
        "tipo": tipo,
        "es_peticion": es_peticion,
        "font_kind": font,
        "fields": base,
        "pages": [1],
    }


def pred(outcome="folio", tipo="queja_servicio", **fields):
    base = {
        "nombre": "ANA RUIZ PAZ",
        "nss": "12345678903",
        "telefono": "5512345678",
        "correo": None,
    }
    base.update(fields)
    return {
        "outcome": outcome,
        "tipo": tipo,
        "fields": {k: {"value": v, "confidence": 0.9} for k, v in base.items()},
    }


def test_perfect_predictions_score_one():
    pairs = [Pair(truth(), pred()), Pair(truth(tipo="sugerencia"), pred(tipo="sugerencia"))]
    report = evaluate(pairs)
    assert report.routing_accuracy == 1.0 and report.false_discards == 0
    assert report.fields_all["nombre"]["precision"] == 1.0  # case and accents ignored
    assert report.tipo_macro_f1 == 1.0 and report.straight_through == 1.0


def test_false_discard_and_wrong_field_are_counted():
    pairs = [
        Pair(truth(), pred(outcome="descartado", tipo=None)),
        Pair(truth(), pred(nss="12345678904")),
        Pair(
            truth(outcome="descartado", tipo=None, es_peticion=False, nss=None, telefono=None),
            pred(outcome="descartado", tipo=None, nss=None, telefono=None),
        ),
        Pair(truth(), None),
    ]
    report = evaluate(pairs)
    assert report.false_discards == 1
    assert report.routing_accuracy == pytest.approx(2 / 4)
    nss = report.fields_all["nss"]
    # predicted values: pair1 right, pair2 wrong -> precision 1/2; actual 3 -> recall 1/3
    assert nss["precision"] == pytest.approx(1 / 2) and nss["recall"] == pytest.approx(1 / 3)
    assert report.confusion["folio"] == {"descartado": 1, "folio": 1, "ninguno": 1}
    assert report.petition["recall"] == pytest.approx(1 / 3)


def test_review_items_are_excluded_from_straight_through():
    pairs = [Pair(truth(), pred(outcome="revision", nss="99999999999")), Pair(truth(), pred())]
    report = evaluate(pairs)
    assert report.straight_through == 0.5
    assert report.fields_no_review["nss"]["precision"] == 1.0
    assert report.fields_all["nss"]["precision"] == 0.5


def test_nss_split_by_font_and_markdown_lists_targets():
    pairs = [Pair(truth(font="typed"), pred()), Pair(truth(font="handwriting"), pred(nss=None))]
    report = evaluate(pairs)
    assert report.nss_by_font["typed"]["recall"] == 1.0
    assert report.nss_by_font["handwriting"]["recall"] == 0.0
    text = markdown(report, "prueba")
    assert "NSS recall manuscrito ≥ 80 % | NO" in text


def _hand(t: dict, split: str | None, control: bool = False) -> dict:
    """Mark a truth as written by a family of ``split`` (None: typed)."""
    family = {"train": "dkg", "test": "kalam", "dev": "gaegu"}.get(split or "", "dejavu_sans")
    t["font_kind"] = "handwriting" if split else "typed"
    t["mano"] = {"familia": family, "particion": split or "mecanografiado", "campos": {}}
    if control:
        t["control_vistos"] = True
    return t


def test_seen_unseen_and_typed_are_reported_apart():
    pairs = [
        Pair(_hand(truth(), "test"), pred(nss=None, telefono=None)),  # unseen: misread
        Pair(_hand(truth(), "test"), pred()),
        Pair(_hand(truth(), "train", control=True), pred()),  # the same seeds, seen hands
        Pair(_hand(truth(), "train", control=True), pred()),
        Pair(_hand(truth(), None), pred()),
    ]
    report = evaluate(pairs, hands="ambos")
    # The control copies never enter the overall figures.
    assert report.n == 3
    assert report.fields_all["nss"]["actual"] == 3
    unseen, seen, typed = (report.by_hand[g] for g in ("no_visto", "visto", "mecanografiado"))
    assert unseen["n"] == 2 and unseen["fields"]["nss"]["recall"] == 0.5
    assert unseen["families"] == ["kalam"]
    assert seen["n"] == 2 and seen["fields"]["nss"]["recall"] == 1.0
    assert typed["n"] == 1 and typed["fields"]["telefono"]["recall"] == 1.0
    text = markdown(report, "prueba")
    assert "### Por tipo de letra" in text
    for label in ("manuscrito no visto", "manuscrito visto", "mecanografiado"):
        assert label in text
    assert "Nota: en letra no vista (kalam)" in text and "En letra vista" in text
    assert report.as_dict()["by_hand"]["no_visto"]["fields"]["nss"]["tp"] == 1


def test_the_old_mode_is_labelled_as_measuring_training_fonts():
    pairs = [Pair(_hand(truth(), "train"), pred())]
    text = markdown(evaluate(pairs, hands="anterior"), "prueba")
    assert "modo anterior" in text and "no miden la lectura de letra nueva" in text
    assert "manuscrito visto" in text and "manuscrito no visto" not in text
