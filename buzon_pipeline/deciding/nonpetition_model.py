"""What kind of non-petition a page is (issue 13, item 6), in numpy.

Two things kept these pages from being discarded: the petition classifier was not sure enough
(a score between the discard and accept cuts), and the discard guard (`discard_guard`) holds
back any "not a petition" whose text carries an NSS, a phone or contact data: right for a note
that may be a letter, wrong for an IMSS prescription that prints the patient's NSS or a shop's
flyer with its phone. This model recognises the kinds of pages that fall into the buzón
(prescriptions, appointment slips, tickets, notices, commercial flyers, forms of other
institutions, IMSS posters, shopping lists, notes, drawings) against petitions. A confident
recognised kind (`known_kind`, cut chosen on dev) lets a page under the accept cut be
discarded, and, for a printed kind only, lifts the guard's number/contact reason; never where a
greeting, a signature block or words of a request appear (`discard_guard`).

Trained with scikit-learn by ``python -m buzon_pipeline.training.train_nonpetition`` on OCR
readings of generated pages (train seeds) and the petition corpus; exported to
``models/clasificador/no_peticion.npz``. Features as `special_model`: word 1-2-grams and
character 3-5-grams of the normalised text, tf-idf, one multinomial logistic regression.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from buzon_pipeline.deciding.special_model import _Block, char_ngrams, word_ngrams

NONPETITION_MODEL_FILE = "no_peticion.npz"
PETITION = "peticion"
# Page kinds the model recognises, with their Spanish name for the discard's reason.
KIND_LABELS = {
    "prescription": "una receta médica",
    "appointment": "un carnet de cita médica",
    "receipt": "un ticket de compra",
    "boleto": "un boleto",
    "aviso": "un aviso de la unidad",
    "volante_comercial": "un anuncio comercial",
    "formulario_otra": "un formulario de otra institución",
    "flyer": "un cartel informativo",
    "lista_compras": "una lista de compras",
    "notes": "una nota personal",
    "drawing": "un dibujo",
}
# Printed kinds: their layout and wording are fixed, and the numbers and contact data they
# carry are the document's own (a patient's NSS, a shop's phone). Only these lift the guard's
# number/contact reason; a hand-written note with a phone may be a letter and keeps it.
PRINTED_KINDS = frozenset(
    ("prescription", "appointment", "receipt", "boleto", "aviso", "volante_comercial",
     "formulario_otra", "flyer")
)


@dataclass(frozen=True)
class KindGuess:
    kind: str
    probability: float

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def printed(self) -> bool:
        return self.kind in PRINTED_KINDS


class NonPetitionModel:
    """Most probable kind of a normalised text, among petitions and non-petition kinds."""

    def __init__(self, data: dict[str, np.ndarray]) -> None:
        self.words = _Block(data["word_vocab"], data["word_idf"], data["word_coef"])
        self.chars = _Block(data["char_vocab"], data["char_idf"], data["char_coef"])
        self.bias = data["bias"].astype(np.float64)
        self.classes = [str(c) for c in data["classes"].tolist()]
        self.cut = float(data["cut"])

    @classmethod
    def load(cls, path: Path) -> NonPetitionModel:
        with np.load(path, allow_pickle=False) as npz:
            return cls({key: npz[key] for key in npz.files})

    def probabilities(self, normalized: str) -> np.ndarray:
        w_idx, w_val = self.words.vector(word_ngrams(normalized))
        c_idx, c_val = self.chars.vector(char_ngrams(normalized))
        z = self.bias + w_val @ self.words.weights[w_idx] + c_val @ self.chars.weights[c_idx]
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()

    def guess(self, normalized: str) -> KindGuess:
        p = self.probabilities(normalized)
        k = int(np.argmax(p))
        return KindGuess(self.classes[k], float(p[k]))

    def known_kind(self, normalized: str) -> KindGuess | None:
        """The kind, when it is one of KIND_LABELS and the model is confident (>= cut)."""
        guess = self.guess(normalized)
        if guess.kind in KIND_LABELS and guess.probability >= self.cut:
            return guess
        return None
