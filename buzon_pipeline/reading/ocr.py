"""The one adapter to Tesseract (through pytesseract); maps its errors to ours.

Tesseract's OpenMP threads fight over a 2-core machine (docs/design.md §4), so every engine call
runs single-threaded and the pipeline parallelises across pages instead.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

import numpy as np
import pytesseract
from PIL import Image

from buzon_pipeline.errors import MissingDependencyError

# Set before any tesseract subprocess is spawned; pytesseract passes os.environ through.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

LANG = "spa"


class OcrEngineError(RuntimeError):
    """Tesseract failed on a page (crashed, killed, could not write its files): an error that
    may pass, so the page is read again on the next run instead of being taken as empty."""


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float  # 0..1
    box: tuple[int, int, int, int]  # x0, y0, x1, y1
    line: tuple[int, int, int]  # block, paragraph, line ids


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float  # mean word confidence 0..1 (0 when nothing was read)
    words: tuple[Word, ...]
    spans: tuple[tuple[int, int, float], ...] = ()  # (start, end, confidence) of each word in text


EMPTY = OcrResult("", 0.0, ())


def check_available() -> None:
    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise MissingDependencyError(
            "No se encontró Tesseract. Instálelo con: "
            "apt-get install tesseract-ocr tesseract-ocr-spa"
        ) from exc
    if LANG not in langs:
        raise MissingDependencyError(
            "Falta el idioma español de Tesseract. Instálelo con: apt-get install tesseract-ocr-spa"
        )


def read(
    gray: np.ndarray,
    psm: int = 3,
    whitelist: str | None = None,
    lang: str = LANG,
) -> OcrResult:
    """OCR an image region; returns words with confidences and the text in reading order."""
    if gray.size == 0 or min(gray.shape[:2]) < 8:
        return EMPTY
    config = f"--psm {psm}"
    if whitelist:
        config += f" -c tessedit_char_whitelist={whitelist}"
    try:
        data = pytesseract.image_to_data(
            Image.fromarray(gray), lang=lang, config=config, output_type=pytesseract.Output.DICT
        )
    except pytesseract.TesseractError as exc:
        raise OcrEngineError(f"Tesseract terminó con el código {exc.status}") from None
    except (subprocess.CalledProcessError, pytesseract.TesseractNotFoundError) as exc:
        raise OcrEngineError(f"Tesseract no respondió ({type(exc).__name__})") from None
    return _assemble(data)


def _assemble(data: dict) -> OcrResult:
    words: list[Word] = []
    for i, raw in enumerate(data["text"]):
        text = raw.strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = (int(data[k][i]) for k in ("left", "top", "width", "height"))
        line = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        words.append(Word(text, conf / 100.0, (x, y, x + w, y + h), line))
    if not words:
        return EMPTY
    parts: list[str] = []
    spans: list[tuple[int, int, float]] = []
    length = 0
    current: tuple[int, int, int] | None = None
    for word in words:
        if current is not None:
            # A new paragraph gets a blank line, a new line a newline, a word a space.
            sep = " " if word.line == current else "\n\n" if word.line[:2] != current[:2] else "\n"
            parts.append(sep)
            length += len(sep)
        spans.append((length, length + len(word.text), word.confidence))
        parts.append(word.text)
        length += len(word.text)
        current = word.line
    confidence = float(np.mean([w.confidence for w in words]))
    return OcrResult("".join(parts), confidence, tuple(words), tuple(spans))


def osd_rotation(gray: np.ndarray) -> tuple[int, float] | None:
    """Clockwise rotation that makes the page upright, with OSD's confidence; None if unsure."""
    try:
        info = pytesseract.image_to_osd(
            Image.fromarray(gray), config="--psm 0", output_type=pytesseract.Output.DICT
        )
    except pytesseract.TesseractError:
        return None
    return int(info.get("rotate", 0)) % 360, float(info.get("orientation_conf", 0.0))
