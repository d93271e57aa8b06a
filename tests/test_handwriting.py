"""The handwritten line recogniser (reading.handwriting) and its use on nombre / correo boxes."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image

from buzon_pipeline.reading import handwriting, ocr, volante_text
from buzon_pipeline.reading.handwriting import (
    BLANK,
    CHARSET,
    EMPTY_READING,
    LineModel,
    LineReading,
    _conv,
    decode,
    label_text,
    line_image,
)
from buzon_pipeline.synth import fonts, ink

BOX = (0, 0, 10, 10)


def test_labels_are_upper_case_without_accents_but_keep_enye():
    assert label_text("José  Peña Núñez") == "JOSE PEÑA NUÑEZ"
    assert label_text("ana.ruiz@gmail.com") == "ANA.RUIZ@GMAIL.COM"


def _probs(path: list[int], sure: float = 0.99) -> np.ndarray:
    out = np.full((len(path), len(CHARSET) + 1), (1 - sure) / len(CHARSET), np.float32)
    out[np.arange(len(path)), path] = sure
    return out


def test_ctc_decoding_collapses_repeats_and_blanks():
    a, n = CHARSET.index("A") + 1, CHARSET.index("N") + 1
    # "A A blank N blank N A" -> "ANNA": a blank between two N keeps both
    reading = decode(_probs([a, a, BLANK, n, BLANK, n, a, BLANK]))
    assert reading.text == "ANNA"
    assert reading.confidence == pytest.approx(0.99 ** (8 / 4), rel=1e-4)
    assert decode(_probs([BLANK] * 5)) == EMPTY_READING


def test_numpy_convolution_matches_the_definition():
    rng = np.random.default_rng(0)
    maps = rng.standard_normal((3, 5, 7)).astype(np.float32)
    kernel = rng.standard_normal((4, 3, 2, 3)).astype(np.float32)
    bias = rng.standard_normal(4).astype(np.float32)
    got = _conv(maps, kernel, bias, (0, 1))
    padded = np.pad(maps, ((0, 0), (0, 0), (1, 1)))
    want = np.zeros((4, 4, 7), np.float32)
    for o in range(4):
        for y in range(4):
            for x in range(7):
                want[o, y, x] = (padded[:, y : y + 2, x : x + 3] * kernel[o]).sum() + bias[o]
    assert np.allclose(got, want, atol=1e-4)


def test_a_blank_crop_has_nothing_to_read():
    assert line_image(np.full((60, 400), 235, np.uint8)) is None


needs_model = pytest.mark.skipif(
    not handwriting.MODEL_PATH.exists(), reason="models/renglones.npz not built"
)


def _written(text: str, family: str, seed: int) -> np.ndarray:
    """One line in a training hand, as a clean scan of the box would show it."""
    rng = random.Random(seed)
    pool = {f.name: f for f in fonts.hand_pool("train")}
    writer = ink.Writer("handwriting", pool[family], 0, 1.0, 0.1, ink.BLUE_PEN, 1.0, 0.03, 1.0,
                        False)
    page = Image.new("RGB", (1500, 140), "white")
    ink.write(page, text, (30, 95), writer, 68, rng)
    return np.asarray(page.convert("L"))


@needs_model
@pytest.mark.parametrize(
    ("text", "family"),
    [("María Guadalupe Soto", "comic"), ("ruben.ortiz@gmail.com", "permanent-marker")],
)
def test_reads_lines_written_in_a_training_hand(text, family):
    model = LineModel.load()
    reading = model.read(_written(text, family, 1))
    assert reading.text == label_text(text)
    assert reading.confidence > 0.5


@needs_model
def test_a_scribble_is_not_read_with_confidence():
    page = Image.new("RGB", (1500, 140), "white")
    ink.scribble(page, (40, 20, 700, 120), ink.BLUE_PEN, random.Random(3), loops=6)
    reading = LineModel.load().read(np.asarray(page.convert("L")))
    # lines read right on dev come out at 0.6-0.85; a rúbrica far below, and never as a name
    assert reading.confidence < 0.4
    assert not volante_text._hand_name_shape(reading.text)


class _Fake:
    def __init__(self, reading: LineReading) -> None:
        self.reading = reading

    def read(self, crop: np.ndarray) -> LineReading:
        return self.reading


@pytest.fixture
def no_ocr(monkeypatch):
    """Tesseract finds nothing in the box, as with most handwriting."""
    monkeypatch.setattr(ocr, "read", lambda *a, **k: ocr.EMPTY)


def _with_model(monkeypatch, reading: LineReading) -> None:
    monkeypatch.setattr(volante_text, "shipped_model", lambda: _Fake(reading))


def _ocr_reads(monkeypatch, spa: str, eng: str, confidence: float = 0.5) -> None:
    """Tesseract reads these words, unsure (the Spanish and English models per language)."""

    def read(image, psm=7, lang=ocr.LANG):
        text = spa if lang == ocr.LANG else eng
        words = tuple(
            ocr.Word(w, confidence, (40 * i, 0, 40 * i + 30, 20), (1, 1, 1))
            for i, w in enumerate(text.split())
        )
        return ocr.OcrResult(text, confidence if words else 0.0, words)

    monkeypatch.setattr(ocr, "read", read)


def test_alone_the_recogniser_offers_nothing_while_no_dev_cut_reached_the_target(
    monkeypatch, no_ocr
):
    assert volante_text.HAND_NAME_CUT is None and volante_text.HAND_EMAIL_CUT is None
    _with_model(monkeypatch, LineReading("ROCIO NAVA LARA", 0.99, 0.97))
    field = volante_text.read_name_zone(np.full((50, 300), 255, np.uint8), BOX)
    assert field.value is None or field.confidence < volante_text.REVIEW_CUT
    _with_model(monkeypatch, LineReading("LUZ.SOTO@GMAIL.COM", 0.99, 0.97))
    field = volante_text.read_email_zone(np.full((50, 300), 255, np.uint8), BOX)
    assert field.value is None or field.confidence < volante_text.REVIEW_CUT


def test_an_unsure_ocr_name_the_recogniser_reads_alike_is_taken(monkeypatch):
    # the two Tesseract models disagree (ñ read "fi"... and a slip), so OCR alone is unsure
    _ocr_reads(monkeypatch, "Rocío Nava Lara", "Rocio Nava Lora")
    crop = np.full((50, 300), 255, np.uint8)
    # the recogniser's spaces are not trusted (it splits wide writing), its letters are
    _with_model(monkeypatch, LineReading("ROCIO NA VALARA", 0.7, 0.5))
    field = volante_text.read_name_zone(crop, BOX)
    assert field.value == "Rocío Nava Lara"  # OCR's spelling, with its accent and spaces
    assert field.confidence >= volante_text.REVIEW_CUT
    _with_model(monkeypatch, LineReading("ROCIO NAVA LAURA", 0.7, 0.5))
    field = volante_text.read_name_zone(crop, BOX)
    assert field.confidence < volante_text.REVIEW_CUT  # another name: left for review
    _with_model(monkeypatch, LineReading("ROCIO NAVA LORA", 0.7, 0.5))
    field = volante_text.read_name_zone(crop, BOX)
    assert field.value == "Rocio Nava Lora"  # the English model's reading is the one confirmed
    assert field.confidence >= volante_text.REVIEW_CUT


def test_an_agreed_address_must_still_pass_the_email_rules(monkeypatch):
    crop = np.full((50, 300), 255, np.uint8)
    _ocr_reads(monkeypatch, "", "luz.soto@gmail.com")
    _with_model(monkeypatch, LineReading("LUZ.SOTO@GMAIL.COM", 0.7, 0.5))
    field = volante_text.read_email_zone(crop, BOX)
    assert field.value == "luz.soto@gmail.com"
    assert field.confidence >= volante_text.REVIEW_CUT
    _ocr_reads(monkeypatch, "", "luz.soto@gmail")
    _with_model(monkeypatch, LineReading("LUZ.SOTO@GMAIL", 0.99, 0.99))
    field = volante_text.read_email_zone(crop, BOX)
    assert field.value is None


def test_an_address_is_not_offered_as_a_name(monkeypatch, no_ocr):
    _with_model(monkeypatch, LineReading("LUZ.SOTO@GMAIL.COM", 0.999, 0.99))
    field = volante_text.read_name_zone(np.full((50, 300), 255, np.uint8), BOX)
    assert field.value is None
