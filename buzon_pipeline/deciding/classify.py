"""Text classification for routing: the spaCy adapter's scores reduced to a verdict."""

from __future__ import annotations

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import RouteThresholds, TextVerdict
from buzon_pipeline.core.vocab import MARK_TO_TIPOS
from buzon_pipeline.deciding.textclass import TextClassifier, TextScores


def thresholds_for(classifier: TextClassifier, settings: Settings) -> RouteThresholds:
    """The model's own thresholds (chosen on the dev split), unless the config overrides them."""
    model = classifier.thresholds
    return RouteThresholds(
        es_peticion_descartar=_pick(settings.es_peticion_descartar, model.es_peticion_descartar),
        es_peticion_aceptar=settings.es_peticion_aceptar,
        tipo_min=_pick(settings.tipo_min, model.tipo_min),
        caso_especial=_pick(settings.caso_especial, model.caso_especial),
        min_text_confidence=settings.min_text_confidence,
    )


def _pick(override: float | None, default: float) -> float:
    return default if override is None else override


def verdict(
    scores: TextScores,
    text_confidence: float,
    marks: dict[str, bool] | None = None,
    mark_prior: float = 1.0,
) -> TextVerdict:
    """Reduce scores for routing; the volante's checkboxes act as a prior on the type.

    What the person marked is evidence about the type (Queja → either queja), weaker than the
    text: compatible types are weighted by `mark_prior` before renormalising.
    """
    probs = dict(scores.tipo)
    marked = [mark for mark, on in (marks or {}).items() if on]
    if marked and mark_prior != 1.0:
        compatible = set().union(*(MARK_TO_TIPOS[m] for m in marked))
        probs = {t: p * (mark_prior if t in compatible else 1.0) for t, p in probs.items()}
        total = sum(probs.values()) or 1.0
        probs = {t: p / total for t, p in probs.items()}
    tipo = max(probs, key=probs.get)
    return TextVerdict(scores.es_peticion, tipo, probs[tipo], scores.caso_especial, text_confidence)
