"""The non-petition kind model (issue 13, item 6): numpy scoring equals scikit-learn's."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("sklearn")

from buzon_pipeline.deciding.nonpetition_model import PETITION, NonPetitionModel
from buzon_pipeline.deciding.textclass import normalize_text
from buzon_pipeline.training.train_nonpetition import export, fit

TEXTS = {
    "prescription": [
        "receta individual paciente nss consultorio metformina tomar una tableta cada 8 horas",
        "instituto mexicano del seguro social receta individual losartan una tableta diario",
        "receta paciente consultorio 12 omeprazol una capsula en ayunas",
    ],
    "receipt": [
        "farmacia la providencia total efectivo gracias por su compra",
        "farmacias del ahorro suc centro total 120.00 efectivo",
        "botica el rosario fecha total cambio gracias por su compra",
    ],
    PETITION: [
        "quiero poner una queja porque no me surtieron la receta en la farmacia",
        "solicito que me den cita con el especialista ya tengo el pase",
        "la doctora me trato muy mal en consulta externa exijo respuesta",
        "felicito a la enfermera del turno de noche por su atencion",
    ],
}


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    texts = [normalize_text(t) for ts in TEXTS.values() for t in ts]
    labels = [k for k, ts in TEXTS.items() for _ in ts]
    fitted = fit(texts * 2, labels * 2)
    path = tmp_path_factory.mktemp("np") / "no_peticion.npz"
    export(fitted, path, cut=0.5)
    return fitted, NonPetitionModel.load(path)


def test_numpy_scores_equal_scikit_learn(trained):
    from scipy.sparse import hstack

    (words, chars, model), runtime = trained
    probe = [
        "receta individual nss 0000 paracetamol",
        "ticket farmacia total",
        "no hay medicina en la farmacia, pido que la surtan",
    ]
    x = hstack([words.transform(probe), chars.transform(probe)]).tocsr()
    expected = model.predict_proba(x)
    order = [list(model.classes_).index(c) for c in runtime.classes]
    for row, text in enumerate(probe):
        got = runtime.probabilities(text)
        np.testing.assert_allclose(got, expected[row][order], atol=1e-5)


def test_known_kind_is_never_a_petition_and_respects_the_cut(trained):
    _, runtime = trained
    assert runtime.known_kind("quiero poner una queja porque no me surtieron la receta") is None
    guess = runtime.known_kind("receta individual paciente nss consultorio metformina")
    assert guess is not None and guess.kind == "prescription" and guess.printed
    assert "receta" in guess.label
    runtime.cut = 1.01
    assert runtime.known_kind("receta individual paciente nss consultorio metformina") is None
