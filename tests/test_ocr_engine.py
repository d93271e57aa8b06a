"""The Tesseract adapter: the in-process engine (tesserocr) and its pytesseract fallback agree."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from buzon_pipeline.reading import ocr

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINE = "Solicito una cita con el especialista"


def _line_image(text: str = LINE) -> np.ndarray:
    image = Image.new("L", (1400, 120), 255)
    ImageDraw.Draw(image).text((30, 30), text, fill=0, font=ImageFont.truetype(FONT, 48))
    return np.array(image)


def test_the_engine_is_loaded_once_per_language() -> None:
    assert ocr.tessdata_dir() is not None  # scripts/instalar.sh installs tesseract-ocr-spa
    # instalar.sh builds tesserocr against the command's libtesseract, so it is used
    assert ocr._engine("spa") is not None and ocr._engine("spa") is ocr._engine("spa")


def test_a_different_tesseract_inside_tesserocr_is_not_used() -> None:
    assert not ocr._same_tesseract("tesseract 5.5.4\n leptonica-1.87.0")
    command = str(ocr.pytesseract.get_tesseract_version())
    assert ocr._same_tesseract(f"tesseract {command}\n leptonica-1.82.0")


def test_in_process_engine_and_fallback_read_the_same_line(monkeypatch) -> None:
    engine = ocr.read(_line_image(), psm=7)
    monkeypatch.setattr(ocr, "_engine", lambda lang: None)
    fallback = ocr.read(_line_image(), psm=7)
    assert engine.text == fallback.text == LINE
    boxes = np.array([w.box for w in engine.words]) - np.array([w.box for w in fallback.words])
    assert np.abs(boxes).max() <= 3
    assert engine.confidence > 0.8 and fallback.confidence > 0.8


def test_whitelist_does_not_leak_into_the_next_call() -> None:
    digits = ocr.read(_line_image("5512345678"), psm=7, whitelist="0123456789")
    assert digits.text == "5512345678"
    assert ocr.read(_line_image(), psm=7).text == LINE  # letters again after a digits-only call


def test_tsv_rows_become_words_with_lines() -> None:
    tsv = "\n".join(
        [
            "1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t",
            "5\t1\t1\t1\t1\t1\t10\t5\t30\t20\t91.5\tHola",
            "5\t1\t1\t1\t1\t2\t45\t5\t40\t20\t80\tmundo",
            "5\t1\t1\t1\t2\t1\t10\t30\t30\t20\t70\tadiós",
        ]
    )
    result = ocr._assemble(ocr._parse_tsv(tsv))
    assert result.text == "Hola mundo\nadiós"
    assert result.words[0].box == (10, 5, 40, 25)
    # confidences truncated to whole percents, as the `tesseract` command writes them
    assert [w.confidence for w in result.words] == [0.91, 0.80, 0.70]


def test_orientation_of_a_turned_page() -> None:
    page = np.full((1400, 1000), 255, np.uint8)
    image = Image.fromarray(page)
    draw = ImageDraw.Draw(image)
    for row in range(14):
        draw.text((60, 60 + row * 90), LINE, fill=0, font=ImageFont.truetype(FONT, 40))
    upright = np.array(image)
    found = ocr.osd_rotation(np.rot90(upright).copy())  # turned 90° counter-clockwise
    assert found is not None and found[0] == 90


def test_an_engine_failure_is_a_passing_error(monkeypatch) -> None:
    class Crashing:
        def __getattr__(self, name: str):
            if name == "GetTSVText":
                def fail(page: int) -> str:
                    raise RuntimeError("engine crashed")
                return fail
            return lambda *args: None

    monkeypatch.setattr(ocr, "_engine", lambda lang: Crashing())
    with pytest.raises(ocr.OcrEngineError):
        ocr.read(_line_image(), psm=7)
