"""Corpus loading, metrics and dev-split threshold selection shared by training and evaluation.

Pure Python on purpose: training must not need scikit-learn (only the evaluation baseline does).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from buzon_pipeline.core.vocab import TIPOS
from buzon_pipeline.deciding.textclass import TextScores, Thresholds

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO_ROOT / "corpus" / "clasificador"

# Criteria for the thresholds, applied to dev-split scores only.
TIPO_TARGET_ACCURACY = 0.95  # accuracy required among tipos accepted without review
# Discard only below half the lowest dev petition score: a margin for unseen text.
DISCARD_MARGIN = 0.5
CASO_MARGIN = 0.8  # same idea for the lowest-scored dev caso especial
CASO_MAX = 0.5
CASO_RECALL = 0.96  # dev recall the caso especial cut must keep (issue target: ≥ 0.95)


@dataclass(frozen=True)
class Example:
    text: str
    es_peticion: bool
    tipo: str | None
    servicio: str | None
    caso_especial: bool


def load_split(name: str, corpus_dir: Path = CORPUS_DIR) -> list[Example]:
    path = corpus_dir / f"{name}.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [Example(**json.loads(line)) for line in handle if line.strip()]


def precision_recall(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    n_pred = sum(pred)
    n_gold = sum(gold)
    return (tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def average_precision(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the precision-recall curve (threshold-free ranking quality)."""
    ranked = sorted(zip(scores, gold, strict=True), key=lambda pair: -pair[0])
    n_gold = sum(gold)
    hits = 0
    total = 0.0
    for rank, (_, is_gold) in enumerate(ranked, start=1):
        if is_gold:
            hits += 1
            total += hits / rank
    return total / n_gold if n_gold else 0.0


def per_class_f1(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]
) -> dict[str, float]:
    out = {}
    for label in labels:
        p, r = precision_recall([g == label for g in gold], [q == label for q in pred])
        out[label] = f1(p, r)
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float:
    scores = per_class_f1(gold, pred, labels)
    return sum(scores.values()) / len(scores)


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def compute_metrics(
    examples: Sequence[Example], scores: Sequence[TextScores], thresholds: Thresholds | None
) -> dict:
    """All figures the evaluation prints; tipo and servicio are measured on gold petitions."""
    gold_pet = [e.es_peticion for e in examples]
    pet_p, pet_r = precision_recall(gold_pet, [s.es_peticion >= 0.5 for s in scores])
    caso_threshold = thresholds.caso_especial if thresholds else 0.5
    caso_p, caso_r = precision_recall(
        [e.caso_especial for e in examples], [s.caso_especial >= caso_threshold for s in scores]
    )
    petitions = [(e, s) for e, s in zip(examples, scores, strict=True) if e.es_peticion]
    gold_tipo = [e.tipo or "" for e, _ in petitions]
    pred_tipo = [s.tipo_top[0] for _, s in petitions]
    metrics = {
        "n": len(examples),
        "n_peticiones": len(petitions),
        "peticion_precision": pet_p,
        "peticion_recall": pet_r,
        "tipo_macro_f1": macro_f1(gold_tipo, pred_tipo, TIPOS),
        "tipo_f1": per_class_f1(gold_tipo, pred_tipo, TIPOS),
        "tipo_confusion": confusion(gold_tipo, pred_tipo, TIPOS),
        "servicio_accuracy": accuracy(
            [e.servicio or "" for e, _ in petitions], [s.servicio_top[0] for _, s in petitions]
        ),
        "caso_ap": average_precision(
            [e.caso_especial for e in examples], [s.caso_especial for s in scores]
        ),
        "caso_umbral": caso_threshold,
        "caso_precision": caso_p,
        "caso_recall": caso_r,
    }
    if thresholds:
        metrics.update(_threshold_metrics(examples, scores, thresholds))
    return metrics


def _threshold_metrics(
    examples: Sequence[Example], scores: Sequence[TextScores], thresholds: Thresholds
) -> dict:
    discarded = [s.es_peticion < thresholds.es_peticion_descartar for s in scores]
    n_pet = sum(e.es_peticion for e in examples)
    n_neg = len(examples) - n_pet
    false_discards = sum(e.es_peticion and d for e, d in zip(examples, discarded, strict=True))
    true_discards = sum(not e.es_peticion and d for e, d in zip(examples, discarded, strict=True))
    accepted = [
        (e, s)
        for e, s in zip(examples, scores, strict=True)
        if e.es_peticion and s.tipo_top[1] >= thresholds.tipo_min
    ]
    return {
        "descartes_falsos": false_discards,
        "recall_no_descartadas": 1 - false_discards / n_pet if n_pet else 0.0,
        "no_peticiones_descartadas_auto": true_discards / n_neg if n_neg else 0.0,
        "tipo_aceptados_sin_revision": len(accepted) / n_pet if n_pet else 0.0,
        "tipo_accuracy_aceptados": accuracy(
            [e.tipo or "" for e, _ in accepted], [s.tipo_top[0] for _, s in accepted]
        ),
    }


def choose_thresholds(examples: Sequence[Example], scores: Sequence[TextScores]) -> Thresholds:
    """Pick the routing thresholds from dev-split scores (never from the test split)."""
    pairs = list(zip(examples, scores, strict=True))
    pet_scores = [s.es_peticion for e, s in pairs if e.es_peticion]
    discard = min(0.5, min(pet_scores) * DISCARD_MARGIN)
    caso = _caso_threshold(
        [s.caso_especial for e, s in pairs if e.caso_especial],
        [s.caso_especial for e, s in pairs if not e.caso_especial],
    )
    tops = [(s.tipo_top, e.tipo) for e, s in pairs if e.es_peticion]
    return Thresholds(
        es_peticion_descartar=_floor(discard),
        tipo_min=_tipo_min(tops),
        caso_especial=_floor(caso),
    )


def _caso_threshold(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Highest cut keeping dev recall at CASO_RECALL, so escalation stays rare enough to act on.

    Recall 1.0 on dev put the cut at the single lowest-scored case and flagged about half of
    all petitions; an escalation list that long would be ignored.
    """
    if not positives:
        return CASO_MAX
    ranked = sorted(positives)
    allowed_misses = int(len(ranked) * (1 - CASO_RECALL))
    cut = ranked[allowed_misses] * CASO_MARGIN
    return min(CASO_MAX, cut)


def _tipo_min(tops: Sequence[tuple[tuple[str, float], str | None]]) -> float:
    """Lowest top-probability cut whose accepted dev tipos reach the target accuracy."""
    for step in range(20, 100):
        cut = step / 100
        accepted = [label == gold for (label, prob), gold in tops if prob >= cut]
        if accepted and sum(accepted) / len(accepted) >= TIPO_TARGET_ACCURACY:
            return cut
    return 0.99


def _floor(value: float, digits: int = 4) -> float:
    scale = 10**digits
    return int(value * scale) / scale
