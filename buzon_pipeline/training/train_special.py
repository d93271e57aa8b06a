"""Train the dedicated caso especial model (5.28) and export it for `deciding.special_model`.

    python -m buzon_pipeline.training.train_special          # train on train.jsonl, export
    python -m buzon_pipeline.training.train_special --cv     # grouped 5-fold CV of C on train

Logistic regression (scikit-learn, class weights balanced) on TF-IDF word 1-2-grams and
character 3-5-grams of the normalised text, trained on ``corpus/clasificador/train.jsonl`` plus
the texts of `fragments_casos` rendered with the generator's handwriting/OCR damage. Fixed seed:
the same files give the same model. Exported to ``models/clasificador/casos_especiales.npz``;
the thresholds are chosen on dev afterwards (``eval_special --elegir``). Dev, test and the
second-writer texts are never used here.

``--cv`` groups train by core sentence (replaying the deterministic generator), so a fold never
holds renders of a sentence seen in training.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

from buzon_pipeline.deciding.special_model import (
    SPECIAL_MODEL_FILE,
    SpecialModel,
    char_ngrams,
    word_ngrams,
)
from buzon_pipeline.deciding.special_rules import CATEGORY_LABELS, find_special
from buzon_pipeline.deciding.textclass import default_model_dir, normalize_text
from buzon_pipeline.training import corpus_gen, fragments_casos

SEED = 20241201
C = 10.0
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
CV_TOLERANCE = 0.01  # grouped 5-fold CV on train (--cv): AP 0.815 0.829 0.837 0.837 0.843
RENDERS = 3  # damaged renders of each extra text
MIN_DF = 2


def extra_examples(seed: int = SEED) -> list[tuple[str, bool, str]]:
    """(text, caso, group) for the extra texts, each rendered RENDERS times (the first clean)."""
    rng = random.Random(seed)
    out = []
    for texts, caso in ((fragments_casos.CASOS, True), (fragments_casos.NO_CASOS, False)):
        for text in texts:
            out.append((text, caso, text))
            for _ in range(RENDERS - 1):
                damaged = corpus_gen.damage(text, rng, handwritten=rng.random() < 0.7)
                out.append((damaged, caso, text))
    return out


def train_examples(corpus: Path) -> list[tuple[str, bool, str]]:
    """(text, caso, group) of train.jsonl and the extra texts; the group is the core sentence."""
    rows = list(corpus_gen.read_jsonl(corpus / "train.jsonl"))
    groups = _core_groups(rows)
    base = [(r["text"], bool(r["caso_especial"]), g) for r, g in zip(rows, groups, strict=True)]
    return base + extra_examples()


def _core_groups(rows: list[dict]) -> list[str]:
    """The core sentence each train text was rendered from (non-petitions: their own text)."""
    mapping: dict[str, str] = {}
    original = corpus_gen.Renderer.petition

    def petition(self: corpus_gen.Renderer, core: corpus_gen.Core) -> tuple[str, bool]:
        text, caso = original(self, core)
        mapping.setdefault(text, core.text)
        return text, caso

    corpus_gen.Renderer.petition = petition  # type: ignore[method-assign]
    try:
        corpus_gen.build_corpus()
    finally:
        corpus_gen.Renderer.petition = original  # type: ignore[method-assign]
    return [mapping.get(r["text"], "no-peticion:" + r["text"][:40]) for r in rows]


def vectorizers():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return (
        TfidfVectorizer(analyzer=word_ngrams, sublinear_tf=True, min_df=MIN_DF),
        TfidfVectorizer(analyzer=char_ngrams, sublinear_tf=True, min_df=MIN_DF),
    )


def fit(texts: list[str], labels: np.ndarray, c: float):
    """Fitted (word vectorizer, char vectorizer, logistic regression) on normalised texts."""
    from scipy.sparse import hstack
    from sklearn.linear_model import LogisticRegression

    words, chars = vectorizers()
    x = hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)
    model.fit(x, labels)
    return words, chars, model


def predict(fitted, texts: list[str]) -> np.ndarray:
    from scipy.sparse import hstack

    words, chars, model = fitted
    x = hstack([words.transform(texts), chars.transform(texts)]).tocsr()
    return model.predict_proba(x)[:, 1]


def cross_validate(texts: list[str], labels: np.ndarray, groups: list[str]) -> dict[float, float]:
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import GroupKFold

    scores = {}
    for c in C_GRID:
        oof = np.zeros(len(labels))
        for tr, te in GroupKFold(5).split(texts, labels, groups):
            fitted = fit([texts[i] for i in tr], labels[tr], c)
            oof[te] = predict(fitted, [texts[i] for i in te])
        scores[c] = float(average_precision_score(labels, oof))
        print(f"  C={c}: precisión promedio fuera de pliegue {scores[c]:.3f}", flush=True)
    return scores


def export(fitted, texts: list[str], labels: np.ndarray, path: Path) -> None:
    """Write the model; category centroids from the training casos the rules can name."""
    words, chars, model = fitted
    n_words = len(words.vocabulary_)
    coef = model.coef_[0]
    word_vocab = np.array(sorted(words.vocabulary_, key=words.vocabulary_.get))
    char_vocab = np.array(sorted(chars.vocabulary_, key=chars.vocabulary_.get))
    categories = list(CATEGORY_LABELS)
    centroids = np.zeros((len(categories), n_words))
    counts = np.zeros(len(categories))
    casos = [t for t, y in zip(texts, labels, strict=True) if y]
    x_words = words.transform(casos)
    for row, text in enumerate(casos):
        for match in find_special(text):
            k = categories.index(match.category)
            centroids[k] += x_words[row].toarray()[0]
            counts[k] += 1
    centroids /= np.maximum(counts, 1)[:, None]
    np.savez_compressed(
        path,
        word_vocab=word_vocab,
        word_idf=words.idf_,
        word_coef=coef[:n_words],
        char_vocab=char_vocab,
        char_idf=chars.idf_,
        char_coef=coef[n_words:],
        bias=np.array(model.intercept_[0]),
        categories=np.array(categories),
        centroids=centroids.astype(np.float32),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=corpus_gen.DEFAULT_OUT)
    parser.add_argument("--cv", action="store_true", help="validación cruzada de C en train")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--out", type=Path, default=default_model_dir() / SPECIAL_MODEL_FILE)
    args = parser.parse_args(argv)
    examples = train_examples(args.corpus)
    texts = [normalize_text(t) for t, _, _ in examples]
    labels = np.array([y for _, y, _ in examples])
    print(f"train: {len(texts)} textos, {int(labels.sum())} casos especiales")
    if args.cv:
        scores = cross_validate(texts, labels, [g for _, _, g in examples])
        best = max(scores.values())
        # The most regularised C within CV_TOLERANCE of the best: the texts to come are
        # written by others, so the simpler model is preferred when CV cannot tell them apart.
        chosen = min(c for c, ap in scores.items() if ap >= best - CV_TOLERANCE)
        print(f"C elegido: {chosen} (mejor {max(scores, key=scores.get)})")
        return
    fitted = fit(texts, labels, args.c)
    export(fitted, texts, labels, args.out)
    runtime = SpecialModel.load(args.out)
    sample = texts[:: max(1, len(texts) // 200)]
    expected = predict(fitted, sample)
    gap = max(abs(runtime.probability(t) - p) for t, p in zip(sample, expected, strict=True))
    print(f"modelo → {args.out} ({args.out.stat().st_size // 1024} KiB); diferencia máx. {gap:.1e}")
    print(json.dumps({"C": args.c, "min_df": MIN_DF, "seed": SEED}))


if __name__ == "__main__":
    main()
