"""Handwritten text-line recogniser for the volante's nombre and correo boxes (issue 12 item 4).

Tesseract does not read handwriting. This is a small fully convolutional network read with
CTC: the line, cut to its ink and scaled to LINE_HEIGHT pixels, goes through 3x3 convolutions
that fold the height away; each remaining column (4 input pixels wide) gets a softmax over
CHARSET plus the CTC blank, and the best path is collapsed into text. Trained with PyTorch by
`buzon_pipeline.training.train_lines` on synthetic lines in training hands only; applied here
with numpy (`models/renglones.npz`), so no deep-learning framework is needed at run time.

The recogniser is case- and accent-blind (names are compared that way, and e-mail addresses are
lower-cased): it reads upper-case letters, Ñ, digits and `` .,-_@'``. `line_image` is also
what the training script feeds the network, so the two cannot drift apart.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from buzon_pipeline.core.resources import LINE_MODEL, default_models_dir

MODEL_PATH = default_models_dir() / LINE_MODEL
CHARSET = " ABCDEFGHIJKLMNÑOPQRSTUVWXYZ0123456789.,-_@'"
BLANK = 0  # class 0 is the CTC blank; CHARSET[i] is class i + 1
LINE_HEIGHT = 32
MAX_WIDTH = 1200  # a longer line is squeezed: 300 columns hold any name or address
MIN_WIDTH = 16
STRIDE = 4  # input pixels per output column
INK_CUT = 0.35  # share of the paper-to-ink range that counts as a stroke when cutting the line
MIN_INK_RANGE = 40.0  # grey levels: a fainter crop holds no writing to read
BLAS_SINGLE_THREAD = 600_000  # multiply-adds per product below which OpenBLAS uses one thread


def label_text(text: str) -> str:
    """The text as the recogniser spells it: upper case, no accents except Ñ, one space."""
    out = []
    for ch in " ".join(text.split()).upper():
        if ch == "Ñ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base)
    return "".join(out)


def encodable(text: str) -> bool:
    return all(ch in CHARSET for ch in text)


def line_image(crop: np.ndarray) -> np.ndarray | None:
    """A greyscale crop of one written line as the network reads it: ink 1, paper 0, cut to
    the strokes and scaled to LINE_HEIGHT rows (float32), or None when it holds no ink."""
    gray = crop if crop.ndim == 2 else cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    if gray.size == 0:
        return None
    gray = gray.astype(np.float32)
    paper = float(np.percentile(gray, 90))
    dark = float(np.percentile(gray, 1))
    if paper - dark < MIN_INK_RANGE:
        return None
    ink = np.clip((paper - gray) / (paper - dark), 0.0, 1.0)
    strokes = ink > INK_CUT
    rows, cols = np.flatnonzero(strokes.any(1)), np.flatnonzero(strokes.any(0))
    if rows.size == 0:
        return None
    y0, y1, x0, x1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    # A little paper around the strokes, as in training: the first and last columns matter.
    pad = max(2, round(0.12 * (y1 - y0)))
    ink = np.pad(ink[y0:y1, x0:x1], pad)
    h, w = ink.shape
    inner = LINE_HEIGHT
    width = int(min(MAX_WIDTH, max(MIN_WIDTH, round(w * inner / h))))
    return cv2.resize(ink, (width, inner), interpolation=cv2.INTER_AREA).astype(np.float32)


@dataclass(frozen=True)
class LineReading:
    text: str  # in label_text's spelling
    confidence: float  # probability of the best path, per character (geometric mean)
    weakest: float  # lowest probability of any emitted character


EMPTY_READING = LineReading("", 0.0, 0.0)


class LineModel:
    """The convolutional CTC recogniser (load once, reuse)."""

    def __init__(self, layers: list[dict[str, np.ndarray]]) -> None:
        self.layers = layers

    @classmethod
    def load(cls, path: Path | None = None) -> LineModel:
        with np.load(path or MODEL_PATH, allow_pickle=False) as data:
            if str(data["charset"]) != CHARSET:
                raise ValueError("line model was trained with another charset")
            layers = []
            for i in range(int(data["n_layers"])):
                layers.append({
                    "kernel": data[f"k{i}"].astype(np.float32),
                    "bias": data[f"b{i}"].astype(np.float32),
                    "pad": data[f"pad{i}"].astype(int),
                    "pool": data[f"pool{i}"].astype(int),
                })
        return cls(layers)

    def column_probs(self, image: np.ndarray) -> np.ndarray:
        """Softmax over blank + CHARSET for each output column (columns x classes)."""
        maps = image[None].astype(np.float32)  # channels, height, width
        last = len(self.layers) - 1
        for i, layer in enumerate(self.layers):
            maps = _conv(maps, layer["kernel"], layer["bias"], tuple(layer["pad"]))
            if i < last:
                np.maximum(maps, 0.0, out=maps)
            ph, pw = layer["pool"]
            if ph > 1 or pw > 1:
                maps = _max_pool(maps, ph, pw)
        logits = maps[:, 0, :].T  # height is 1 here
        logits = logits - logits.max(1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(1, keepdims=True)

    def read(self, crop: np.ndarray) -> LineReading:
        image = line_image(crop)
        if image is None:
            return EMPTY_READING
        return decode(self.column_probs(image))


def decode(probs: np.ndarray) -> LineReading:
    """Greedy CTC decoding and its confidence."""
    best = probs.argmax(1)
    top = probs[np.arange(len(best)), best]
    chars: list[str] = []
    char_probs: list[float] = []
    previous = BLANK
    for cls, p in zip(best.tolist(), top.tolist(), strict=True):
        if cls != BLANK and cls != previous:
            chars.append(CHARSET[cls - 1])
            char_probs.append(p)
        elif cls != BLANK and cls == previous:
            char_probs[-1] = max(char_probs[-1], p)
        previous = cls
    text = "".join(chars).strip()
    if not text:
        return EMPTY_READING
    # Every column votes (blank columns between letters too): a column torn between a letter
    # and nothing is as telling as a doubtful letter. Per character, so long names are not
    # penalised for their length.
    log_path = float(np.log(np.maximum(top, 1e-9)).sum())
    confidence = math.exp(log_path / max(1, len(chars)))
    return LineReading(" ".join(text.split()), confidence, float(min(char_probs)))


def _conv(maps: np.ndarray, kernel: np.ndarray, bias: np.ndarray,
          pad: tuple[int, int]) -> np.ndarray:
    """Cross-correlation as PyTorch's Conv2d (stride 1): one small matrix product per kernel
    tap on a contiguous shifted copy (about 20x faster than one product over a strided patch
    view, which numpy copies element by element)."""
    c = maps.shape[0]
    out_c, _, kh, kw = kernel.shape
    ph, pw = pad
    padded = np.pad(maps, ((0, 0), (ph, ph), (pw, pw))) if ph or pw else maps
    oh, ow = padded.shape[1] - kh + 1, padded.shape[2] - kw + 1
    out = np.empty((out_c, oh * ow), np.float32)
    out[:] = bias[:, None]
    # Products kept under OpenBLAS's threading size: its threads spin against the other
    # processes of a batch (one 48x48 layer took 1 ms alone, 15-40 ms threaded on a busy host).
    step = max(32, BLAS_SINGLE_THREAD // (out_c * c))
    for dy in range(kh):
        for dx in range(kw):
            piece = np.ascontiguousarray(padded[:, dy : dy + oh, dx : dx + ow]).reshape(c, -1)
            tap = np.ascontiguousarray(kernel[:, :, dy, dx])
            for start in range(0, piece.shape[1], step):
                out[:, start : start + step] += tap @ piece[:, start : start + step]
    return out.reshape(out_c, oh, ow)


def _max_pool(maps: np.ndarray, ph: int, pw: int) -> np.ndarray:
    c, h, w = maps.shape
    h2, w2 = h // ph, w // pw
    cut = maps[:, : h2 * ph, : w2 * pw]
    return cut.reshape(c, h2, ph, w2, pw).max(axis=(2, 4))


@lru_cache(maxsize=1)
def shipped_model() -> LineModel | None:
    """The model under models/, or None when it is not there (reading falls back to OCR)."""
    return LineModel.load() if MODEL_PATH.exists() else None
