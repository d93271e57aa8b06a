"""Casos especiales (5.28): the rules name the category and the words; combined with the
model they keep precision on the project's test texts (issue 15)."""

from __future__ import annotations

import pytest

from buzon_pipeline.core.model import RouteThresholds
from buzon_pipeline.deciding.classify import special_case
from buzon_pipeline.deciding.special_rules import find_special
from buzon_pipeline.deciding.textclass import normalize_text

T = RouteThresholds(0.1, 0.5, 0.4, 0.2, caso_reglas=0.2, caso_solo_modelo=0.8)


def _categories(text: str) -> dict[str, tuple[str, ...]]:
    return {m.category: m.words for m in find_special(normalize_text(text))}


@pytest.mark.parametrize(
    "text, category, word",
    [
        ("Mi esposo murió en urgencias y nadie nos da razón.", "muerte", "murio"),
        ("Mi madre munio en el hospital por una infección.", "muerte", "munio"),  # OCR r→n
        ("El guardia le dio una sachetada a mi hijo.", "violencia", "sachetada"),
        ("El vigilante me amenazó con que me iba a ir mal.", "amenazas", "amenazo"),
        ("Ya hablé con la prensa, mañana sale la nota.", "relevancia_publica", "prensa"),
        ("Terminó en tera pia intensiva por la dosis.", "dano_grave", "tera pia intensiva"),
        ("El médico me asosó con comentarios sobre mi cuerpo.", "violencia", "asoso"),  # seseo
    ],
)
def test_rules_find_the_category_and_quote_the_words(text, category, word):
    found = _categories(text)
    assert category in found and word in found[category], found


@pytest.mark.parametrize(
    "text",
    [
        "Pongan más sillas y un bebedero en la sala de espera.",
        "Solicito el pago del finiquito de la pensión de mi padre que falleció en enero.",
        "Trabajo en una maquiladora y sólo puedo venir en mi día de descanso.",
        # Figures of speech: the words of 5.28 used for an ordinary complaint.
        "Me estoy muriendo de hambre esperando desde las seis.",
        "Nos matan de aburrimiento en la sala de espera.",
        "Casi me da un infarto cuando vi que otra vez no hay medicina.",
        "El sistema de citas está muerto desde el lunes.",
        "Es grave que no haya un solo bebedero en la clínica.",
        # A death told next to a routine procedure, with its cause, even when OCR merged words.
        "Mi esposofalleció de un infarto en la casa, ¿qué necesito para la pensión de viudez?",
        # Denied: nothing happened.
        "No me golpearon, pero me gritaron en la ventanilla.",
        "Salí sin lesiones, sólo quiero que arreglen el escalón.",
    ],
)
def test_routine_texts_raise_no_category(text):
    assert _categories(text) == {}


@pytest.mark.parametrize(
    "text, category",
    [
        # The same words, meant literally, still count.
        ("Mi papá se murió esperando en urgencias.", "muerte"),
        ("Mi mamá quedó muy grave después de la cirugía.", "dano_grave"),
        ("Me golpearon y no me atendieron.", "violencia"),  # a denial after the trigger
        (
            "Mi esposo murió de un infarto en urgencias y nadie lo atendió; pido la pensión.",
            "muerte",
        ),
    ],
)
def test_literal_reports_still_count(text, category):
    assert category in _categories(text)


def test_the_motive_says_category_and_words_and_the_model_alone_says_so():
    motive = special_case(0.5, "El camillero empujó a mi papá y se cayó de la camilla.", T)
    assert motive is not None
    assert "violencia o abuso («empujo»)" in motive and "daño grave" in motive
    # No rule hit: only a very sure model flags, and it says no trigger word was found.
    assert special_case(0.6, "Pongan más sillas.", T) is None
    alone = special_case(0.9, "Pongan más sillas.", T)
    assert alone is not None and alone.startswith("sin categoría reconocida")
    # A rule hit below the model's cut is not an alarm either.
    assert special_case(0.1, "Mi esposo murió.", T) is None


@pytest.mark.slow
def test_precision_on_the_test_split_with_the_shipped_thresholds():
    """The figures quoted in the README (test split, thresholds chosen on dev): precision 0.62,
    recall 0.94. The issue's target (0.70 at 0.95) is NOT reached on test: this guards the
    measured level, not the target."""
    from pathlib import Path

    from buzon_pipeline.deciding.textclass import TextClassifier, default_model_dir
    from buzon_pipeline.training.eval_special import _flags, _texts_and_truth, figures

    classifier = TextClassifier.load(default_model_dir())
    texts, truth = _texts_and_truth(Path(__file__).parents[1] / "corpus/clasificador/test.jsonl")
    probs = [s.caso_especial for s in classifier.predict_many(texts)]
    t = classifier.thresholds
    got = figures(_flags(probs, texts, t.caso_reglas, t.caso_solo_modelo), truth)
    assert got["precision"] >= 0.62 and got["recall"] >= 0.93, got


# --- the dedicated caso especial model (deciding.special_model, training.train_special) -------


def test_runtime_scorer_equals_scikit_learn():
    """The numpy scorer gives scikit-learn's predict_proba (to 1e-6) on texts it never saw."""
    pytest.importorskip("sklearn")
    import json
    from pathlib import Path

    import numpy as np

    from buzon_pipeline.deciding.special_model import SpecialModel
    from buzon_pipeline.training.train_special import export, fit, predict

    corpus = Path(__file__).parents[1] / "corpus/clasificador"

    def rows(name: str) -> list[dict]:
        with (corpus / name).open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    train = rows("train.jsonl")[:600]
    texts = [normalize_text(r["text"]) for r in train]
    labels = np.array([bool(r["caso_especial"]) for r in train])
    fitted = fit(texts, labels, 10.0)
    out = Path(__import__("tempfile").mkdtemp()) / "casos.npz"
    export(fitted, texts, labels, out)
    model = SpecialModel.load(out)
    sample = [normalize_text(r["text"]) for r in rows("dev.jsonl")[:120]] + ["", "zzz qqq"]
    expected = predict(fitted, sample)
    got = np.array([model.probability(t) for t in sample])
    assert np.max(np.abs(got - expected)) < 1e-6


def test_the_shipped_model_explains_a_flag_no_rule_explains():
    from buzon_pipeline.deciding.special_model import SPECIAL_MODEL_FILE, SpecialModel
    from buzon_pipeline.deciding.textclass import default_model_dir

    model = SpecialModel.load(default_model_dir() / SPECIAL_MODEL_FILE)
    text = normalize_text("El doctor de la guardería le dejó moretones a mi niña en las piernas")
    why = model.explain(text)
    assert why.probability > 0.5 and why.category is not None
    assert why.words and all(w not in ("mi", "le", "la") for w in why.words)
    assert model.probability(normalize_text("Pongan más sillas y un bebedero.")) < 0.1
    motive = special_case(0.9, "Pongan más sillas.", T, why)
    assert motive is not None and motive.startswith("sin categoría reconocida")
    assert "parece «" in motive and f"«{why.words[0]}»" in motive


def test_the_classifier_averages_the_dedicated_model_and_spacy():
    pytest.importorskip("spacy")
    from buzon_pipeline.deciding.textclass import TextClassifier, default_model_dir

    classifier = TextClassifier.load(default_model_dir())
    assert classifier.special is not None
    text = "Un enfermero golpeó a mi papá en urgencias."
    score = classifier.predict(text)
    why = score.caso_explicacion
    assert why is not None
    spacy_only = TextClassifier(classifier.nlp, classifier.thresholds).predict(text)
    assert abs(score.caso_especial - (spacy_only.caso_especial + why.probability) / 2) < 1e-9
