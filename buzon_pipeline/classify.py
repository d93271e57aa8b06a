"""Text classification for routing: the spaCy adapter's scores reduced to a verdict."""

from __future__ import annotations

from .config import Settings
from .route import RouteThresholds, TextVerdict
from .textclass import TextClassifier, TextScores


def thresholds_for(classifier: TextClassifier, settings: Settings) -> RouteThresholds:
    """The model's own thresholds (chosen on the dev split), unless the config overrides them."""
    model = classifier.thresholds
    return RouteThresholds(
        es_peticion_descartar=_pick(settings.es_peticion_descartar, model.es_peticion_descartar),
        es_peticion_aceptar=settings.es_peticion_aceptar,
        tipo_min=_pick(settings.tipo_min, model.tipo_min),
        caso_especial=_pick(settings.caso_especial, model.caso_especial),
    )


def _pick(override: float | None, default: float) -> float:
    return default if override is None else override


def verdict(scores: TextScores) -> TextVerdict:
    tipo, tipo_conf = scores.tipo_top
    return TextVerdict(scores.es_peticion, tipo, tipo_conf, scores.caso_especial)
