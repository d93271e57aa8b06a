"""The committed petition classifier loads offline and behaves on clear cases."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from buzon_pipeline.core.vocab import SERVICIOS, TIPOS
from buzon_pipeline.deciding.textclass import (
    ModelNotFoundError,
    TextClassifier,
    TextScores,
    Thresholds,
    default_model_dir,
    load_thresholds,
    normalize_text,
)


@pytest.fixture(scope="module")
def classifier() -> TextClassifier:
    """Load the model with networking disabled, so a hidden download would fail the test."""
    original = socket.socket.connect

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted while loading the classifier")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    try:
        return TextClassifier.load(default_model_dir())
    finally:
        socket.socket.connect = original  # type: ignore[method-assign]


def test_default_model_dir_is_repo_models() -> None:
    repo_root = Path(__file__).resolve().parent.parent
    assert default_model_dir().resolve() == repo_root / "models" / "clasificador"


def test_missing_model_raises_spanish_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="No se encontró el modelo"):
        TextClassifier.load(tmp_path / "no_existe")


def test_thresholds_are_sane(classifier: TextClassifier) -> None:
    thresholds = classifier.thresholds
    assert 0.0 < thresholds.es_peticion_descartar <= 0.5
    assert 0.0 < thresholds.tipo_min < 1.0
    assert 0.0 < thresholds.caso_especial <= 0.5
    # what the classifier uses is what the model folder's umbrales.json says
    raw = json.loads((default_model_dir() / "umbrales.json").read_text(encoding="utf-8"))
    assert thresholds.es_peticion_descartar == raw["es_peticion_descartar"]
    assert thresholds.tipo_min == raw["tipo_min"]
    assert thresholds.caso_especial == raw["caso_especial"]


def test_thresholds_come_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "umbrales.json"
    path.write_text(
        json.dumps({"es_peticion_descartar": 0.2, "tipo_min": 0.7, "caso_especial": 0.3}),
        encoding="utf-8",
    )
    # Without casos_especiales.json both caso cuts fall back to the model's single one.
    assert load_thresholds(path) == Thresholds(0.2, 0.7, 0.3, 0.3, 0.3)


def test_scores_shape(classifier: TextClassifier) -> None:
    scores = classifier.predict("Solicito que me reprogramen la cita con el cardiólogo.")
    assert isinstance(scores, TextScores)
    assert set(scores.tipo) == set(TIPOS)
    assert set(scores.servicio) == set(SERVICIOS)
    assert sum(scores.tipo.values()) == pytest.approx(1.0, abs=1e-3)
    assert sum(scores.servicio.values()) == pytest.approx(1.0, abs=1e-3)
    assert 0.0 <= scores.es_peticion <= 1.0
    assert 0.0 <= scores.caso_especial <= 1.0


def test_predict_many_matches_predict(classifier: TextClassifier) -> None:
    texts = ["Gracias a la doctora por su atención.", "lista: tortillas, leche, huevo"]
    many = classifier.predict_many(texts)
    assert len(many) == 2
    for text, scores in zip(texts, many, strict=True):
        assert scores.es_peticion == pytest.approx(classifier.predict(text).es_peticion, abs=1e-6)
    assert classifier.predict_many([]) == []


def test_obvious_reconocimiento(classifier: TextClassifier) -> None:
    scores = classifier.predict(
        "Quiero felicitar a la enfermera Carmen del turno de la mañana, siempre atiende con "
        "una sonrisa y mucha paciencia. Muchas gracias."
    )
    assert scores.es_peticion >= 0.5
    label, prob = scores.tipo_top
    assert label == "reconocimiento"
    assert prob >= classifier.thresholds.tipo_min
    assert scores.caso_especial < classifier.thresholds.caso_especial


def test_waiting_time_is_queja_servicio(classifier: TextClassifier) -> None:
    scores = classifier.predict(
        "Es una vergüenza, esperamos desde las 7 de la mañana y a las 11 todavía no nos "
        "atendían en consulta."
    )
    assert scores.es_peticion >= 0.5
    assert scores.tipo_top[0] == "queja_servicio"


def test_flyer_is_not_a_petition(classifier: TextClassifier) -> None:
    scores = classifier.predict(
        "CAMPAÑA DE VACUNACIÓN CONTRA EL SARAMPIÓN\nAcude a tu Unidad de Medicina Familiar\n"
        "Del 1 al 30 de abril\nIMSS"
    )
    assert scores.es_peticion < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Mi papá murió en urgencias porque nadie lo atendió en toda la noche, exijo que se "
        "investigue.",
        "El vigilante de la entrada me amenazó con golpearme si volvía a quejarme.",
    ],
)
def test_death_or_threat_flags_caso_especial(classifier: TextClassifier, text: str) -> None:
    scores = classifier.predict(text)
    assert scores.es_peticion >= 0.5
    assert scores.caso_especial >= classifier.thresholds.caso_especial


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_is_no_evidence(classifier: TextClassifier, text: str) -> None:
    scores = classifier.predict(text)
    assert scores.es_peticion > classifier.thresholds.es_peticion_descartar
    assert sum(scores.tipo.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("mi mama fallecio en el piso", "muerte"),
        ("le dio un derrame cerebral", "dano_grave"),
        ("el guardia me empujo", "violencia"),
        ("me amenazaron con represalias", "amenaza"),
        ("me hostiga con comentarios", "acoso_abuso"),
        ("ya salio en el noticiero", "prensa_politica"),
    ],
)
def test_caso_family_stems(text: str, family: str) -> None:
    from buzon_pipeline.deciding.textclass import _CASO_PATTERNS

    assert _CASO_PATTERNS[family].search(normalize_text(text))
    assert not any(p.search("la comida llega fria") for p in _CASO_PATTERNS.values())


def test_normalize_text_repairs_ocr() -> None:
    text = "La c0nsulta en la CLÍNICA fue pési-\nma  NSS 12345678901"
    assert normalize_text(text) == "la consulta en la clinica fue pesima nss 0000"
