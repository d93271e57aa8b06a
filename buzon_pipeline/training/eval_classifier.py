"""Evaluate the committed petition classifier on the held-out test split, against a baseline.

    python -m buzon_pipeline.training.eval_classifier [--json cifras.json]
    python -m buzon_pipeline.training.eval_classifier --archivo otros_escritores.jsonl

The baseline is TF-IDF (word 1-2-grams + character 2-5-grams) + LogisticRegression from
scikit-learn, trained on the same train split, with the same text normalisation, and with its
thresholds chosen on the dev split by the same rule as the spaCy model's (``classifier_metrics``).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from buzon_pipeline.core.vocab import SERVICIOS, TIPOS
from buzon_pipeline.deciding.textclass import (
    TextClassifier,
    TextScores,
    default_model_dir,
    normalize_text,
)
from buzon_pipeline.training import classifier_metrics
from buzon_pipeline.training.classifier_metrics import Example

TARGETS = {"tipo_macro_f1": 0.85, "peticion_recall": 0.99, "caso_recall": 0.95}
# (key, label, higher is better) for the side-by-side table and the winner count.
COMPARED = [
    ("peticion_precision", "petición: precisión (P>=0.5)"),
    ("peticion_recall", "petición: recall (P>=0.5)"),
    ("recall_no_descartadas", "petición: recall tras descarte automático"),
    ("tipo_macro_f1", "tipo: macro-F1"),
    ("servicio_accuracy", "servicio: exactitud"),
    ("caso_recall", "caso especial: recall"),
    ("caso_precision", "caso especial: precisión"),
    ("caso_ap", "caso especial: precisión media (sin umbral)"),
]
PRIMARY = "tipo_macro_f1"


class Baseline:
    """TF-IDF + LogisticRegression per task, exposing the same ``TextScores`` as the model."""

    def __init__(self, train: Sequence[Example]) -> None:
        texts = [normalize_text(e.text) for e in train]
        petitions = [(t, e) for t, e in zip(texts, train, strict=True) if e.es_peticion]
        pet_texts = [t for t, _ in petitions]
        self.peticion = _fit(texts, [e.es_peticion for e in train])
        self.caso = _fit(texts, [e.caso_especial for e in train])
        self.tipo = _fit(pet_texts, [e.tipo for _, e in petitions])
        self.servicio = _fit(pet_texts, [e.servicio for _, e in petitions])

    def predict_many(self, texts: Sequence[str]) -> list[TextScores]:
        norm = [normalize_text(t) for t in texts]
        pet = _positive_proba(self.peticion, norm)
        caso = _positive_proba(self.caso, norm)
        tipo = _label_proba(self.tipo, norm, TIPOS)
        servicio = _label_proba(self.servicio, norm, SERVICIOS)
        rows = zip(pet, tipo, servicio, caso, strict=True)
        return [TextScores(p, t, s, c) for p, t, s, c in rows]


def _fit(texts: Sequence[str], labels: Sequence[Any]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
    )
    classifier = LogisticRegression(C=10, max_iter=3000, class_weight="balanced")
    return make_pipeline(features, classifier).fit(list(texts), list(labels))


def _positive_proba(model: Any, texts: Sequence[str]) -> list[float]:
    column = list(model.classes_).index(True)
    return [float(row[column]) for row in model.predict_proba(texts)]


def _label_proba(model: Any, texts: Sequence[str], labels: Sequence[str]) -> list[dict[str, float]]:
    classes = list(model.classes_)
    rows = model.predict_proba(texts)
    return [
        {label: float(row[classes.index(label)]) if label in classes else 0.0 for label in labels}
        for row in rows
    ]


def evaluate(model_dir: Path, corpus_dir: Path, test_file: Path | None = None) -> dict[str, Any]:
    """Both models on the test split, or on `test_file` (texts by other writers, issue 13)."""
    train = classifier_metrics.load_split("train", corpus_dir)
    dev = classifier_metrics.load_split("dev", corpus_dir)
    if test_file is None:
        test = classifier_metrics.load_split("test", corpus_dir)
    else:
        test = classifier_metrics.load_split(test_file.stem, test_file.parent)
    texts = [e.text for e in test]

    classifier = TextClassifier.load(model_dir)
    started = time.monotonic()
    spacy_scores = classifier.predict_many(texts)
    spacy_seconds = time.monotonic() - started
    spacy_metrics = classifier_metrics.compute_metrics(test, spacy_scores, classifier.thresholds)

    started = time.monotonic()
    baseline = Baseline(train)
    fit_seconds = time.monotonic() - started
    dev_scores = baseline.predict_many([e.text for e in dev])
    baseline_thresholds = classifier_metrics.choose_thresholds(dev, dev_scores)
    baseline_metrics = classifier_metrics.compute_metrics(
        test, baseline.predict_many(texts), baseline_thresholds
    )
    return {
        "test": {"n": len(test), "peticiones": sum(e.es_peticion for e in test)},
        "spacy": {
            **spacy_metrics,
            "umbrales": classifier.thresholds.__dict__,
            "segundos_prediccion": spacy_seconds,
        },
        "baseline": {
            **baseline_metrics,
            "umbrales": baseline_thresholds.__dict__,
            "segundos_entrenamiento": fit_seconds,
        },
    }


def _print_model(name: str, metrics: dict[str, Any]) -> None:
    print(f"\n== {name} ==")
    print(f"umbrales: {metrics['umbrales']}")
    print(
        f"es petición: precisión {metrics['peticion_precision']:.3f}  "
        f"recall {metrics['peticion_recall']:.3f}  (umbral 0.5)"
    )
    print(
        f"descarte automático: {metrics['descartes_falsos']} peticiones descartadas por error, "
        f"recall tras descarte {metrics['recall_no_descartadas']:.3f}, "
        f"no-peticiones descartadas sin revisión {metrics['no_peticiones_descartadas_auto']:.1%}"
    )
    print(f"tipo: macro-F1 {metrics['tipo_macro_f1']:.3f}")
    for label, value in metrics["tipo_f1"].items():
        print(f"  F1 {label:<22} {value:.3f}")
    print("matriz de confusión (filas = real, columnas = predicho):")
    print("  " + " ".join(f"{label[:8]:>8}" for label in TIPOS))
    for label, row in zip(TIPOS, metrics["tipo_confusion"], strict=True):
        print(f"  {' '.join(f'{n:>8}' for n in row)}   {label}")
    print(
        f"tipo aceptado sin revisión (>= tipo_min): {metrics['tipo_aceptados_sin_revision']:.1%}, "
        f"exactitud de esos {metrics['tipo_accuracy_aceptados']:.3f}"
    )
    print(f"servicio: exactitud {metrics['servicio_accuracy']:.3f}")
    print(
        f"caso especial (umbral {metrics['caso_umbral']}): recall {metrics['caso_recall']:.3f}  "
        f"precisión {metrics['caso_precision']:.3f}  (precisión media {metrics['caso_ap']:.3f})"
    )


def _print_comparison(results: dict[str, Any], where: str = "test") -> str:
    spacy_m, base_m = results["spacy"], results["baseline"]
    print(f"\n== comparación en {where} ==")
    wins = {"spaCy": 0, "baseline": 0}
    for key, label in COMPARED:
        a, b = spacy_m[key], base_m[key]
        winner = "spaCy" if a > b else "baseline" if b > a else "empate"
        if winner in wins:
            wins[winner] += 1
        print(f"  {label:<44} spaCy {a:.3f}  baseline {b:.3f}  -> {winner}")
    primary = "spaCy" if spacy_m[PRIMARY] >= base_m[PRIMARY] else "baseline"
    print(
        f"gana {primary} en la métrica principal (tipo macro-F1); "
        f"métricas ganadas: spaCy {wins['spaCy']}, baseline {wins['baseline']}"
    )
    print("\nobjetivos (modelo spaCy):")
    for key, target in TARGETS.items():
        status = "CUMPLE" if spacy_m[key] >= target else "NO CUMPLE"
        print(f"  {key} >= {target}: {spacy_m[key]:.3f} {status}")
    return primary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Evalúa el clasificador de peticiones en el split de prueba."
    )
    parser.add_argument("--model", type=Path, default=default_model_dir())
    parser.add_argument("--corpus", type=Path, default=classifier_metrics.CORPUS_DIR)
    parser.add_argument("--json", type=Path, help="escribe las cifras en este archivo JSON")
    parser.add_argument(
        "--archivo",
        type=Path,
        help="otro JSONL del mismo formato en lugar del split de prueba "
        "(p. ej. corpus/clasificador/otros_escritores.jsonl)",
    )
    args = parser.parse_args(argv)

    results = evaluate(args.model, args.corpus, args.archivo)
    test = results["test"]
    where = args.archivo or "split de prueba"
    print(f"{where}: {test['n']} textos, {test['peticiones']} peticiones")
    _print_model("spaCy (models/clasificador)", results["spacy"])
    _print_model("baseline TF-IDF + LogisticRegression", results["baseline"])
    results["ganador_metrica_principal"] = _print_comparison(results, str(where))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"\ncifras escritas en {args.json}")


if __name__ == "__main__":
    main()
