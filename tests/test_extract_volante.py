from __future__ import annotations

import numpy as np
import pytest

from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.volante import MIN_INK_SHARE, _ink_share, checked_confidence
from buzon_pipeline.reading.volante_text import _name_words


def test_check_digit_raises_confidence_in_a_passing_nss():
    assert checked_confidence(1.0) == 1.0
    assert checked_confidence(0.9) == pytest.approx(0.9 / 0.91)
    assert checked_confidence(0.5) > 0.9
    assert checked_confidence(0.0) == 0.0


@pytest.mark.parametrize(
    ("read", "name"),
    [
        ("Juan Cortes o", "Juan Cortes"),
        ("| MARÍA DÍAZ . |", "MARÍA DÍAZ"),
        ("Ana Ruiz L.", "Ana Ruiz L."),
        ("José Pérez Ñ", "José Pérez Ñ"),
        ("— .", ""),
    ],
)
def test_border_leftovers_are_trimmed_from_a_name(read, name):
    words = tuple(ocr.Word(w, 0.9, (0, 0, 1, 1), (1, 1, 1)) for w in read.split())
    assert " ".join(w.text for w in _name_words(words)) == name


def test_light_strokes_count_as_ink_and_paper_noise_does_not():
    rng = np.random.default_rng(0)
    paper = np.clip(rng.normal(235, 4, (60, 400)), 0, 255).astype(np.uint8)
    assert _ink_share(paper) < MIN_INK_SHARE
    pencil = paper.copy()
    pencil[25:35, 40:360:3] = 150  # a light pen stroke, lighter than the old fixed cut of 128
    assert _ink_share(pencil) >= MIN_INK_SHARE
