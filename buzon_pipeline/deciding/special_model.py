"""The dedicated caso especial (5.28) model: TF-IDF n-grams and a logistic regression, in numpy.

Trained with scikit-learn by ``python -m buzon_pipeline.training.train_special`` and exported to
``models/clasificador/casos_especiales.npz`` (vocabularies, idf, weights, bias); scored here
without scikit-learn (a development dependency only). Two blocks of features over the
normalised text (`textclass.normalize_text`: lowercase, no accents): word 1-2-grams and
character 3-5-grams inside word boundaries (OCR-damaged words still share most of them). Each
block is weighted (1 + log tf) x idf and scaled to unit length, as scikit-learn's
``TfidfVectorizer(sublinear_tf=True)`` does; the analyzers below are the ones the training
script hands to scikit-learn, so both see the same n-grams.

It also says why: the words of the text that pushed the score up most, and the 5.28 category
whose training casos the text resembles most (cosine to each category's centroid of word
features), for a flag that no rule explains.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

SPECIAL_MODEL_FILE = "casos_especiales.npz"

_WORD = re.compile(r"\b\w\w+\b")
CHAR_SIZES = (3, 5)

# Words that weigh in the score but tell the TAOD nothing ("mi papá", "nadie le"): not quoted.
_FUNCTION_WORDS = frozenset(
    "al con de del el en es esta esto fue ha hace la las le les lo los me mas mi mis muy nada "
    "nadie no nos para pero por que se si sin su sus te tu un una uno unos ya yo el ella ellos "
    "como cuando donde porque todo toda todos hoy ayer dia dio hizo estaba estan eso".split()
)


def word_ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams (tokens of two or more word characters)."""
    tokens = _WORD.findall(text)
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def char_ngrams(text: str) -> list[str]:
    """Character 3-5-grams of each word padded with one space (scikit-learn's ``char_wb``)."""
    low, high = CHAR_SIZES
    out: list[str] = []
    for word in text.split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) < n:
                break
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


@dataclass(frozen=True)
class SpecialExplanation:
    probability: float
    category: str | None  # a key of special_rules.CATEGORY_LABELS
    words: tuple[str, ...]


class _Block:
    def __init__(self, vocabulary: np.ndarray, idf: np.ndarray, weights: np.ndarray) -> None:
        self.index = {str(term): i for i, term in enumerate(vocabulary.tolist())}
        self.terms = vocabulary
        self.idf = idf.astype(np.float64)
        self.weights = weights.astype(np.float64)

    def vector(self, grams: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(indices, unit-length tf-idf values) of the grams in the vocabulary."""
        counts = Counter(self.index[g] for g in grams if g in self.index)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[idx]
        norm = math.sqrt(float(values @ values))
        return idx, values / norm if norm else values


class SpecialModel:
    """Probability that a normalised text is a caso especial, and why."""

    def __init__(self, data: dict[str, np.ndarray]) -> None:
        self.words = _Block(data["word_vocab"], data["word_idf"], data["word_coef"])
        self.chars = _Block(data["char_vocab"], data["char_idf"], data["char_coef"])
        self.bias = float(data["bias"])
        self.categories = [str(c) for c in data["categories"].tolist()]
        centroids = data["centroids"].astype(np.float64)
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        self.centroids = centroids / np.where(norms > 0, norms, 1.0)

    @classmethod
    def load(cls, path: Path) -> SpecialModel:
        with np.load(path, allow_pickle=False) as npz:
            return cls({key: npz[key] for key in npz.files})

    def _parts(self, text: str) -> tuple[float, tuple[np.ndarray, np.ndarray]]:
        w_idx, w_val = self.words.vector(word_ngrams(text))
        c_idx, c_val = self.chars.vector(char_ngrams(text))
        z = self.bias + float(self.words.weights[w_idx] @ w_val)
        z += float(self.chars.weights[c_idx] @ c_val)
        return 1.0 / (1.0 + math.exp(-z)), (w_idx, w_val)

    def probability(self, normalized: str) -> float:
        return self._parts(normalized)[0]

    def explain(self, normalized: str, top: int = 3) -> SpecialExplanation:
        p, (w_idx, w_val) = self._parts(normalized)
        contribution = self.words.weights[w_idx] * w_val
        words: list[str] = []
        for i in np.argsort(-contribution, kind="stable"):
            if contribution[i] <= 0 or len(words) == top:
                break
            term = str(self.words.terms[w_idx[i]])
            content = [t for t in term.split() if t not in _FUNCTION_WORDS and len(t) > 3]
            if content and not any(term in w or w in term for w in words):
                words.append(term)
        category = None
        if len(w_idx):
            similarity = self.centroids[:, w_idx] @ w_val
            if float(similarity.max()) > 0:
                category = self.categories[int(np.argmax(similarity))]
        return SpecialExplanation(p, category, tuple(words))
