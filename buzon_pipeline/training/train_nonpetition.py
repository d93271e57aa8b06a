"""Train the "no petición" kind model and export it for `deciding.nonpetition_model`.

    python -m buzon_pipeline.training.train_nonpetition

Classes: ``peticion`` (the petition texts of ``corpus/clasificador/train.jsonl`` and
``registro_train.jsonl``), ``otro`` (that corpus's non-petitions, kind unknown) and each page
kind of ``synth.nonpetitions`` (OCR readings of train seeds, ``corpus/no_peticiones/train.jsonl``,
from ``training/nonpetition_texts.py``). Logistic regression (scikit-learn, balanced class
weights, fixed seed) on tf-idf word 1-2-grams and character 3-5-grams of the normalised text.

The confidence cut is chosen on dev only (the dev petitions and ``registro_dev.jsonl``, and the
readings of dev seeds): above the highest probability any dev petition gets for a recognised
kind, plus a margin, and never under CUT_FLOOR. Test seeds and the second-writer texts are
never read here.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from buzon_pipeline.deciding.nonpetition_model import (
    KIND_LABELS,
    NONPETITION_MODEL_FILE,
    PETITION,
    NonPetitionModel,
)
from buzon_pipeline.deciding.special_model import char_ngrams, word_ngrams
from buzon_pipeline.deciding.textclass import default_model_dir, normalize_text
from buzon_pipeline.training import classifier_metrics
from buzon_pipeline.training.corpus_gen import read_jsonl
from buzon_pipeline.training.nonpetition_texts import OUT_DIR as PAGES_DIR

SEED = 20261201
C = 10.0
MIN_DF = 2
OTHER = "otro"
# The cut: a margin over the most a dev petition scores for a recognised kind, and a floor.
CUT_MARGIN = 0.15
CUT_FLOOR = 0.6


def load(split: str, corpus: Path, pages: Path) -> tuple[list[str], list[str]]:
    """(normalised texts, class labels) of one split ("train" or "dev")."""
    texts: list[str] = []
    labels: list[str] = []
    examples = classifier_metrics.load_split(split, corpus)
    examples += classifier_metrics.load_split(f"registro_{split}", corpus)
    for example in examples:
        texts.append(example.text)
        labels.append(PETITION if example.es_peticion else OTHER)
    page_file = pages / f"{split}.jsonl"
    for row in read_jsonl(page_file) if page_file.is_file() else ():
        if row["text"].strip():
            texts.append(row["text"])
            labels.append(row["kind"])
    return [normalize_text(t) for t in texts], labels


def fit(texts: list[str], labels: list[str]):
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    words = TfidfVectorizer(analyzer=word_ngrams, sublinear_tf=True, min_df=MIN_DF)
    chars = TfidfVectorizer(analyzer=char_ngrams, sublinear_tf=True, min_df=MIN_DF)
    x = hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=SEED)
    model.fit(x, labels)
    return words, chars, model


def export(fitted, path: Path, cut: float) -> None:
    words, chars, model = fitted
    n_words = len(words.vocabulary_)
    coef = model.coef_.T  # (features, classes)
    np.savez_compressed(
        path,
        word_vocab=np.array(sorted(words.vocabulary_, key=words.vocabulary_.get)),
        word_idf=words.idf_,
        word_coef=coef[:n_words].astype(np.float32),
        char_vocab=np.array(sorted(chars.vocabulary_, key=chars.vocabulary_.get)),
        char_idf=chars.idf_,
        char_coef=coef[n_words:].astype(np.float32),
        bias=model.intercept_,
        classes=np.array(model.classes_),
        cut=np.array(cut),
    )


def choose_cut(model: NonPetitionModel, texts: list[str], labels: list[str]) -> dict:
    """The cut from the dev petitions, and what it keeps of the dev pages."""
    pet_top = [
        g.probability
        for g, y in ((model.guess(t), y) for t, y in zip(texts, labels, strict=True))
        if y == PETITION and g.kind in KIND_LABELS
    ]
    worst = max(pet_top, default=0.0)
    cut = round(min(0.99, max(CUT_FLOOR, worst + CUT_MARGIN)), 3)
    model.cut = cut
    recognised: Counter = Counter()
    total: Counter = Counter()
    for text, label in zip(texts, labels, strict=True):
        if label in KIND_LABELS:
            total[label] += 1
            guess = model.known_kind(text)
            recognised[label] += bool(guess and guess.kind == label)
    return {
        "cut": cut,
        "dev_petitions_over_cut": sum(p >= cut for p in pet_top),
        "dev_petition_max": round(worst, 4),
        "dev_recognised": {k: f"{recognised[k]}/{total[k]}" for k in sorted(total)},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=classifier_metrics.CORPUS_DIR)
    parser.add_argument("--paginas", type=Path, default=PAGES_DIR)
    parser.add_argument("--out", type=Path, default=default_model_dir() / NONPETITION_MODEL_FILE)
    args = parser.parse_args(argv)
    started = time.monotonic()
    texts, labels = load("train", args.corpus, args.paginas)
    print(f"entrenamiento: {len(texts)} textos, {dict(sorted(Counter(labels).items()))}")
    fitted = fit(texts, labels)
    export(fitted, args.out, cut=1.0)
    model = NonPetitionModel.load(args.out)
    dev_texts, dev_labels = load("dev", args.corpus, args.paginas)
    chosen = choose_cut(model, dev_texts, dev_labels)
    export(fitted, args.out, cut=chosen["cut"])
    print("dev: " + json.dumps(chosen, ensure_ascii=False))
    size = args.out.stat().st_size // 1024
    print(f"modelo → {args.out} ({size} KiB, {time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
