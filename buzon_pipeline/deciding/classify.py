"""Text classification for routing: the spaCy adapter's scores reduced to a verdict."""

from __future__ import annotations

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import RouteThresholds, TextVerdict
from buzon_pipeline.core.vocab import MARK_TO_TIPOS
from buzon_pipeline.deciding.special_model import SpecialExplanation
from buzon_pipeline.deciding.special_rules import CATEGORY_LABELS, describe, find_special
from buzon_pipeline.deciding.textclass import TextClassifier, TextScores, normalize_text

MODEL_ONLY_PREFIX = "sin categoría reconocida por las reglas"
MODEL_ONLY_REASON = (
    MODEL_ONLY_PREFIX + ": el clasificador de texto lo considera caso especial "
    "(probabilidad {p:.0%}) sin palabras clave; confírmelo"
)
MODEL_ONLY_EXPLAINED = (
    MODEL_ONLY_PREFIX + ": el modelo de casos especiales lo considera caso especial "
    "(probabilidad {p:.0%}); parece {category}, por {words}; confírmelo"
)


def thresholds_for(classifier: TextClassifier, settings: Settings) -> RouteThresholds:
    """The model's own thresholds (chosen on the dev split), unless the config overrides them.

    A configured `caso_especial` replaces both caso thresholds (rules and model alone)."""
    model = classifier.thresholds
    caso = settings.caso_especial
    return RouteThresholds(
        es_peticion_descartar=_pick(settings.es_peticion_descartar, model.es_peticion_descartar),
        es_peticion_aceptar=settings.es_peticion_aceptar,
        tipo_min=_pick(settings.tipo_min, model.tipo_min),
        caso_especial=_pick(caso, model.caso_especial),
        min_text_confidence=settings.min_text_confidence,
        min_discard_words=settings.min_discard_words,
        caso_reglas=_pick(caso, model.caso_reglas),
        caso_solo_modelo=_pick(caso, model.caso_solo_modelo),
        tipo_contra_marca=settings.tipo_contra_marca,
    )


def _pick(override: float | None, default: float) -> float:
    return default if override is None else override


def special_case(
    probability: float,
    text: str,
    t: RouteThresholds,
    explanation: SpecialExplanation | None = None,
) -> str | None:
    """Why a text is a caso especial (5.28) — «categoría («palabras»)» — or None.

    The rules name the category and the words; the model confirms them (a rule hit counts
    from `caso_reglas`) and, alone, flags from `caso_solo_modelo`, saying that no rule
    recognised it and, with the dedicated model's `explanation`, the category the text
    resembles and the words that weighed most. Thresholds chosen on dev
    (`training/eval_special.py`).
    """
    matches = find_special(normalize_text(text))
    if matches and probability >= t.caso_reglas:
        return describe(matches)
    if probability >= t.caso_solo_modelo:
        return model_only_reason(probability, explanation)
    return None


def model_only_reason(probability: float, explanation: SpecialExplanation | None) -> str:
    if explanation is None or not explanation.words:
        return MODEL_ONLY_REASON.format(p=probability)
    category = (
        f"«{CATEGORY_LABELS[explanation.category]}»" if explanation.category else "un caso especial"
    )
    words = ", ".join(f"«{w}»" for w in explanation.words)
    return MODEL_ONLY_EXPLAINED.format(p=probability, category=category, words=words)


def verdict(
    scores: TextScores,
    text_confidence: float,
    marks: dict[str, bool] | None = None,
    mark_prior: float = 1.0,
    text: str = "",
    thresholds: RouteThresholds | None = None,
) -> TextVerdict:
    """Reduce scores for routing; the volante's checkboxes act as a prior on the type.

    What the person marked is evidence about the type (Queja → either queja), weaker than the
    text: compatible types are weighted by `mark_prior` before renormalising. The type the text
    alone gives is kept too, so the router can tell a confident text from a mark it overrules.
    """
    text_tipo, text_p = scores.tipo_top
    probs = dict(scores.tipo)
    marked = [mark for mark, on in (marks or {}).items() if on]
    if marked and mark_prior != 1.0:
        compatible = set().union(*(MARK_TO_TIPOS[m] for m in marked))
        probs = {t: p * (mark_prior if t in compatible else 1.0) for t, p in probs.items()}
        total = sum(probs.values()) or 1.0
        probs = {t: p / total for t, p in probs.items()}
    tipo = max(probs, key=probs.get)
    motivo = (
        special_case(scores.caso_especial, text, thresholds, scores.caso_explicacion)
        if thresholds is not None
        else None
    )
    return TextVerdict(
        scores.es_peticion,
        tipo,
        probs[tipo],
        scores.caso_especial,
        text_confidence,
        caso_especial_motivo=motivo,
        text_tipo=text_tipo,
        text_tipo_confidence=text_p,
        known_nonpetition=scores.no_peticion.label if scores.no_peticion else None,
        known_printed=bool(scores.no_peticion and scores.no_peticion.printed),
    )
