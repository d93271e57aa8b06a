"""Adapter around the project's spaCy petition classifier (the only module that imports spaCy).

The model lives in ``models/clasificador/`` and is trained by
``python -m buzon_pipeline.training.train_classifier`` from ``spacy.blank("es")``. It predicts:

- ``es_peticion``: whether the text is a petition to IMSS at all.
- ``tipo`` (GC10-003-001, Anexo 3): ``orientacion``, ``gestion``, ``queja_servicio``,
  ``queja_administrativa``, ``sugerencia``, ``reconocimiento``.
- ``servicio`` involucrado: ``consulta_externa``, ``urgencias``, ``hospitalizacion``,
  ``farmacia``, ``laboratorio_rayos_x``, ``afiliacion_vigencia``,
  ``incapacidades_prestaciones``, ``pensiones``, ``guarderias``, ``citas``,
  ``trato_personal_otro`` (staff conduct, facilities and anything not covered above).
- ``caso_especial`` (5.28): the text reports a death, serious harm, violence, threats,
  abuse/harassment linked to the unit or its staff, or signals press/political relevance.
  A routine procedure after a death (pensión de viudez, gastos de funeral) is not one.

``tipo`` and ``servicio`` are only meaningful when ``es_peticion`` is high; the router decides
with the thresholds shipped next to the model (``umbrales.json``, chosen on the dev split).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from buzon_pipeline.core.resources import TEXT_MODEL, default_models_dir
from buzon_pipeline.core.vocab import SERVICIOS, TIPOS
from buzon_pipeline.deciding.nonpetition_model import (
    NONPETITION_MODEL_FILE,
    KindGuess,
    NonPetitionModel,
)
from buzon_pipeline.deciding.special_model import (
    SPECIAL_MODEL_FILE,
    SpecialExplanation,
    SpecialModel,
)
from buzon_pipeline.errors import MissingDependencyError

ARCHITECTURE = "buzon.TextCatCharBOW.v1"
LABEL_PETICION = "es_peticion"
LABEL_CASO = "caso_especial"
THRESHOLDS_FILE = "umbrales.json"
SPECIAL_THRESHOLDS_FILE = "casos_especiales.json"

# OCR reads these digits where a letter was written; only repaired inside words with letters,
# so numbers (NSS, phones, dates) are left alone.
_DIGIT_AS_LETTER = str.maketrans({"0": "o", "1": "l", "5": "s", "|": "l"})
_MIXED_WORD = re.compile(r"(?<![\w|])(?=[\w|]*[a-z])(?=[\w|]*[0-9|])[\w|]+(?![\w|])")
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\r?\n[ \t]*(\w)")
_JUNK = re.compile(r"[_~^`=*#<>\[\]{}\\/]+")
_LONG_NUMBER = re.compile(r"\d{4,}")
_SPACES = re.compile(r"\s+")


class ModelNotFoundError(MissingDependencyError):
    """Raised when the classifier model directory is missing or incomplete (exit 4, also when
    a lazily loaded model turns out damaged in the middle of a batch)."""


def normalize_text(text: str) -> str:
    """Normalise OCR/handwriting text the same way at training and at prediction time.

    Lowercase and accent-free because people and OCR drop accents at random; line-break
    hyphens rejoined; digit/letter confusions repaired inside words; long numbers collapsed
    so that NSS and phone numbers do not become features.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = _MIXED_WORD.sub(_repair_mixed_word, text)
    text = _JUNK.sub(" ", text)
    text = _LONG_NUMBER.sub("0000", text)
    return _SPACES.sub(" ", text).strip()


def _repair_mixed_word(match: re.Match[str]) -> str:
    word = match.group(0)
    letters = sum(ch.isalpha() for ch in word)
    # "c0nsulta" is a word with a misread letter; "12a" or "3er" are numbers with a suffix.
    if letters >= 2 and letters > len(word) - letters:
        return word.translate(_DIGIT_AS_LETTER)
    return word


@dataclass(frozen=True)
class TextScores:
    es_peticion: float
    tipo: dict[str, float]
    servicio: dict[str, float]
    caso_especial: float
    # The dedicated caso especial model's reading (`special_model`), when it is shipped:
    # then `caso_especial` is the mean of its probability and the spaCy component's.
    caso_explicacion: SpecialExplanation | None = None
    # A non-petition kind recognised with confidence (`nonpetition_model`), when shipped.
    no_peticion: KindGuess | None = None

    @property
    def tipo_top(self) -> tuple[str, float]:
        return _top(self.tipo)

    @property
    def servicio_top(self) -> tuple[str, float]:
        return _top(self.servicio)


@dataclass(frozen=True)
class Thresholds:
    es_peticion_descartar: float
    tipo_min: float
    caso_especial: float
    # Caso especial with the rules (`special_rules`): a rule hit counts from `caso_reglas`;
    # the model alone, with no rule hit, only from `caso_solo_modelo` (casos_especiales.json,
    # chosen on dev by `training/eval_special.py`; without it, the model's single threshold).
    caso_reglas: float = 0.0
    caso_solo_modelo: float = 1.01


def _top(scores: dict[str, float]) -> tuple[str, float]:
    label = max(scores, key=lambda key: scores[key])
    return label, scores[label]


def default_model_dir() -> Path:
    return default_models_dir() / TEXT_MODEL


def load_thresholds(path: Path) -> Thresholds:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    special_path = path.parent / SPECIAL_THRESHOLDS_FILE
    special: dict[str, Any] = (
        json.loads(special_path.read_text(encoding="utf-8")) if special_path.is_file() else {}
    )
    caso = float(data["caso_especial"])
    return Thresholds(
        es_peticion_descartar=float(data["es_peticion_descartar"]),
        tipo_min=float(data["tipo_min"]),
        caso_especial=caso,
        caso_reglas=float(special.get("caso_reglas", caso)),
        caso_solo_modelo=float(special.get("caso_solo_modelo", caso)),
    )


class TextClassifier:
    """Petition classifier backed by the spaCy pipeline in ``models/clasificador``."""

    def __init__(
        self,
        nlp: Any,
        thresholds: Thresholds,
        special: SpecialModel | None = None,
        nonpetition: NonPetitionModel | None = None,
        loader: Callable[[], Any] | None = None,
    ) -> None:
        self._nlp = nlp
        self._loader = loader  # loads `nlp` at first use when it was not given
        self.thresholds = thresholds
        self.special = special
        self.nonpetition = nonpetition

    @classmethod
    def load(cls, path: Path, lazy: bool = False) -> TextClassifier:
        """The classifier in `path`. `lazy` (the batch) only checks that every part of the
        model is there and loads spaCy at the first prediction: importing it takes about a
        second, which then overlaps the workers reading the first pages instead of delaying
        them (docs/design.md §4)."""
        path = Path(path)
        thresholds_path = path / THRESHOLDS_FILE
        if not (path / "config.cfg").is_file() or not thresholds_path.is_file():
            raise ModelNotFoundError(
                f"No se encontró el modelo del clasificador de texto en {path}. "
                "Entrénelo con: python -m buzon_pipeline.training.train_classifier"
            )
        special_path = path / SPECIAL_MODEL_FILE
        special = SpecialModel.load(special_path) if special_path.is_file() else None
        kinds_path = path / NONPETITION_MODEL_FILE
        kinds = NonPetitionModel.load(kinds_path) if kinds_path.is_file() else None
        thresholds = load_thresholds(thresholds_path)
        if lazy:
            _check_parts(path)
            return cls(None, thresholds, special, kinds, loader=lambda: _load_pipeline(path))
        return cls(_load_pipeline(path), thresholds, special, kinds)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            assert self._loader is not None
            self._nlp = self._loader()
        return self._nlp

    def predict(self, text: str) -> TextScores:
        return self.predict_many([text])[0]

    def predict_many(self, texts: list[str]) -> list[TextScores]:
        normalized = [normalize_text(text) for text in texts]
        out = []
        for doc, clean in zip(self.nlp.pipe(normalized), normalized, strict=True):
            if not len(doc):
                out.append(NO_EVIDENCE)
                continue
            scores = scores_from_cats(doc.cats)
            if self.special is not None:
                # Caso especial: the dedicated TF-IDF model and the spaCy component, averaged.
                # Dev average precision: mean 0.94, TF-IDF 0.88, spaCy 0.95 (but spaCy's
                # epochs were chosen on dev, and on other writers TF-IDF ranked better); the
                # two err on different texts. Thresholds on this mean: casos_especiales.json.
                why = self.special.explain(clean)
                scores = replace(
                    scores,
                    caso_especial=(scores.caso_especial + why.probability) / 2,
                    caso_explicacion=why,
                )
            if self.nonpetition is not None:
                scores = replace(scores, no_peticion=self.nonpetition.known_kind(clean))
            out.append(scores)
        return out


def _load_pipeline(path: Path) -> Any:
    import spacy  # deferred: importing spaCy is slow and most CLI commands never need it

    register_architecture()
    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise _damaged(path, str(exc)) from exc


def _check_parts(path: Path) -> None:
    """What spaCy would read, checked without loading it: the meta, the vocabulary, the
    tokenizer and one folder per component of the pipeline."""
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        parts = ["vocab", "tokenizer", *meta["pipeline"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _damaged(path, str(exc)) from exc
    missing = [part for part in parts if not (path / part).exists()]
    if missing:
        raise _damaged(path, f"falta {', '.join(missing)}")


def _damaged(path: Path, why: str) -> ModelNotFoundError:
    return ModelNotFoundError(
        f"El modelo del clasificador de texto en {path} está incompleto o dañado: {why}"
    )


# A text with nothing readable is no evidence either way: maximal doubt about being a petition
# (never a confident discard) and uniform tipo/servicio, so it can only end in human review.
NO_EVIDENCE = TextScores(
    es_peticion=0.5,
    tipo={label: 1 / len(TIPOS) for label in TIPOS},
    servicio={label: 1 / len(SERVICIOS) for label in SERVICIOS},
    caso_especial=0.0,
)


def scores_from_cats(cats: dict[str, float]) -> TextScores:
    """Split the merged ``doc.cats`` of the three text classifiers into a ``TextScores``."""
    return TextScores(
        es_peticion=float(cats.get(LABEL_PETICION, 0.0)),
        tipo={label: float(cats.get(label, 0.0)) for label in TIPOS},
        servicio={label: float(cats.get(label, 0.0)) for label in SERVICIOS},
        caso_especial=float(cats.get(LABEL_CASO, 0.0)),
    )


# --- spaCy architecture --------------------------------------------------------------------------
# A hashed bag of word uni/bigrams *and* character n-grams feeding one sparse linear layer (the
# fastText / TF-IDF + linear model recipe inside a spaCy component). Word features alone break on
# OCR damage ("atencion" read as "atcnsion", merged or split words); character n-grams of the
# damaged word still overlap with the clean one. Each block (words, characters) is weighted
# (1 + log tf) x idf and scaled to unit norm, so a long letter does not outvote a short volante and
# the greeting/signature n-grams every letter shares weigh little. The idf table is a small hashed
# array stored with the model (not trained by backprop; set once by ``fit_idf``). Registered here
# so the model loads wherever this adapter is imported.

EXTRACT_LAYER = "extract_char_word_ngrams"

# The 5.28 casos especiales by family, as stems over normalised text. Used only as extra features
# of the binary component (one per family present): the model learns how much each family
# counts, and a family word missing from the training sentences ("derrame", "noticiero") still
# lights a feature the model has a weight for.
_CASO_FAMILIES = {
    "muerte": r"muri|muert|fallec|defuncion|perdi\w* la vida|se nos fue|sin vida|morgue"
    r"|nacio muert|perdi\w* (a nuestro |al |a mi )?bebe",
    "dano_grave": r"grave|terapia intensiva|coma\b|paraliz|paralisis|amput|fractur|hemorragia"
    r"|infarto|derrame|convuls|paro (cardiaco|respiratorio)?|secuela|quem|ahog|intoxic"
    r"|negligencia|vegetativo|casi se (nos )?muer|lesion|herid",
    "violencia": r"golpe|golpi|pego\b|pegar|empuj|jalone|zarande|cachetada|manotazo|agredi"
    r"|agresion|pelea|asalt|pistola|cuchillo|arma\b|violen",
    "amenaza": r"amenaz|represalia|intimid|boletin|me (iba|van) a ir mal|partir la cara",
    "acoso_abuso": r"acos|hostig|abus|tocamiento|me toco|sexual|desnud|insinuacion|violacion",
    "prensa_politica": r"periodic|periodista|reporter|prensa|noticiero|noticia|television|tele\b"
    r"|medios de comunicacion|redes sociales|facebook|viral|diputad|senador|regidor"
    r"|presidente municipal|gobernador|derechos humanos|cndh|fiscalia|ministerio publico"
    r"|denuncia penal",
}
_CASO_PATTERNS = {
    family: re.compile(rf"\b(?:{pattern})") for family, pattern in _CASO_FAMILIES.items()
}


def register_architecture() -> None:
    """Register ``buzon.TextCatCharBOW.v1`` in spaCy's registry (idempotent)."""
    from spacy.util import registry

    if ARCHITECTURE not in registry.architectures.get_all():
        registry.architectures.register(ARCHITECTURE, func=build_char_bow_classifier)


def build_char_bow_classifier(
    exclusive_classes: bool,
    char_ngrams: list[int],
    word_ngrams: int,
    length: int,
    idf_buckets: int,
    caso_lexicon: bool = False,
    nO: int | None = None,  # spaCy's name for the output width, filled in at initialisation
) -> Any:
    from thinc.api import Logistic, Model, SparseLinear_v2, chain, softmax_activation

    extract = Model(
        EXTRACT_LAYER,
        _extract_forward,
        init=_init_extract,
        params={"idf": None},
        dims={"idf_buckets": idf_buckets},
        attrs={
            "char_ngrams": tuple(char_ngrams),
            "word_ngrams": word_ngrams,
            "caso_lexicon": caso_lexicon,
            "dropout_rate": 0.0,  # set by spaCy from the update's drop; used only in training
        },
    )
    output = softmax_activation() if exclusive_classes else Logistic()
    model = chain(extract, SparseLinear_v2(nO=nO, length=length), output)
    model.attrs["multi_label"] = not exclusive_classes
    if nO is not None:
        model.set_dim("nO", nO)
    return model


def _init_extract(model: Any, X: Any = None, Y: Any = None) -> None:
    if not model.has_param("idf") or model.get_param("idf") is None:
        model.set_param("idf", model.ops.alloc1f(model.get_dim("idf_buckets")) + 1.0)


def fit_idf(model: Any, docs: list[Any]) -> None:
    """Set the idf table of a ``buzon.TextCatCharBOW.v1`` model from its training docs."""
    import numpy

    extract = next(node for node in model.walk() if node.name == EXTRACT_LAYER)
    buckets = extract.get_dim("idf_buckets")
    doc_freq: dict[int, int] = {}
    for doc in docs:
        for keys, _ in _doc_blocks(doc, extract):
            for key in keys.tolist():
                doc_freq[key] = doc_freq.get(key, 0) + 1
    n_docs = len(docs)
    idf = numpy.full(buckets, math.log(1 + n_docs) + 1.0, dtype="f")
    for key, freq in doc_freq.items():
        value = math.log((1 + n_docs) / (1 + freq)) + 1.0
        slot = key % buckets
        idf[slot] = min(idf[slot], value)  # on a hash collision keep the commoner feature's idf
    extract.set_param("idf", idf)


def _doc_blocks(doc: Any, extract: Any) -> list[tuple[Any, Any]]:
    """(unique keys, counts) for the word, character and (optional) 5.28-family blocks."""
    import numpy

    words = numpy.asarray([token.orth for token in doc], dtype="uint64")
    word_parts = [words]
    for n in range(2, extract.attrs["word_ngrams"] + 1):
        if len(words) >= n:
            word_parts.append(extract.ops.ngrams(n, words))
    sizes = tuple(extract.attrs["char_ngrams"])  # a list after deserialisation
    char_parts = [_char_keys(token.text, sizes) for token in doc if not token.is_space]
    blocks = []
    for parts in (word_parts, char_parts):
        joined = numpy.concatenate(parts).astype("uint64") if parts else numpy.zeros(0, "uint64")
        blocks.append(numpy.unique(joined, return_counts=True))
    if extract.attrs.get("caso_lexicon"):
        families = _caso_family_keys(doc.text)
        blocks.append((families, numpy.ones(len(families), dtype="int64")))
    return blocks


def _caso_family_keys(text: str) -> Any:
    import numpy
    from spacy.strings import hash_string

    found = [f"lex:{family}" for family, pattern in _CASO_PATTERNS.items() if pattern.search(text)]
    return numpy.asarray(sorted(hash_string(key) for key in found), dtype="uint64")


def _extract_forward(model: Any, docs: list[Any], is_train: bool) -> tuple[Any, Any]:
    import numpy

    idf = model.get_param("idf")
    drop = float(model.attrs["dropout_rate"] or 0.0) if is_train else 0.0
    all_keys, all_values, lengths = [], [], []
    for doc in docs:
        doc_keys, doc_values = [], []
        for keys, counts in _doc_blocks(doc, model):
            if drop > 0:
                # Feature dropout: a linear model over thousands of n-grams memorises each
                # training sentence at once; hiding a random share of them forces redundancy.
                kept = numpy.random.random(len(keys)) >= drop
                keys, counts = keys[kept], counts[kept]
            weights = (1.0 + numpy.log(counts)) * idf[keys % len(idf)]
            norm = float(numpy.sqrt((weights**2).sum())) or 1.0
            doc_keys.append(keys)
            doc_values.append((weights / norm).astype("f"))
        all_keys.append(numpy.concatenate(doc_keys))
        all_values.append(numpy.concatenate(doc_values))
        lengths.append(len(all_keys[-1]))
    batch = (
        numpy.concatenate(all_keys) if all_keys else numpy.zeros(0, dtype="uint64"),
        numpy.concatenate(all_values) if all_values else numpy.zeros(0, dtype="f"),
        numpy.asarray(lengths, dtype="int32"),
    )

    def backprop(d_output: Any) -> list[Any]:
        return []

    return batch, backprop


@lru_cache(maxsize=200_000)
def _char_keys(word: str, sizes: tuple[int, ...]) -> Any:
    import numpy
    from spacy.strings import hash_string

    padded = f"<{word}>"
    grams = {padded[i : i + n] for n in sizes for i in range(len(padded) - n + 1)}
    return numpy.asarray(sorted(hash_string("#" + gram) for gram in grams), dtype="uint64")
