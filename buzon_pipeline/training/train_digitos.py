"""Train the comb-cell digit recognizer (`models/digitos.npz`) on synthetic cells.

    python -m buzon_pipeline.training.train_digitos [--all-fonts] [--jobs 2]

Each training cell is rendered from its own seed, so a run is reproducible and the evaluation
seeds never overlap the training ones. A cell is a digit from a font (handwriting-like or typed,
as drawn or re-inked along its centre line with a uniform ballpoint-like pen), from a small set
of hand-made pen-stroke digits (plain "1", crossed "7", open "4"...), or from scikit-learn's
bundled 8x8 handwritten digits; it is warped, slanted and drawn inside printed comb rules with
neighbour digits, then degraded the way scanners and photocopiers do. Fonts listed in
HELDOUT_FONTS never reach training unless --all-fonts is given; they measure how the model
copes with a handwriting it has not seen. The features come from `buzon_pipeline.digits`, the
same code that runs in production.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from buzon_pipeline.digits import (
    DIGITS,
    EMPTY_CLASS,
    FEATURE_VERSION,
    MODEL_PATH,
    DigitModel,
    cell_features,
)

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
# Breip is the most pen-like of the handwriting fonts: keeping it out is the honest test.
# (femkeklaver is an outlined display face whose hollow digits look like no handwriting.)
HELDOUT_FONTS = {
    "Breip.ttf": "hand",
    "LiberationMono-Regular.ttf": "typed",
    "DejaVuSans-ExtraLight.ttf": "typed",
}
SKLEARN = "sklearn-digits"
STROKES = "pen-strokes|pen"

TRAIN_SEEDS = 0  # training cells use seeds [0, n)
VAL_SEEDS = 10_000_000  # disjoint ranges for validation and per-font evaluation
EVAL_SEEDS = 20_000_000
MIX = {"hand": 0.35, "pen": 0.15, "typed": 0.2, SKLEARN: 0.30}
EMPTY_RATE = 0.12
PEN_RATE = 0.5  # share of digits redrawn along the font's centre line with a uniform pen
NO_RULES_RATE = 0.07  # older or local printings without a comb
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
RECOMMENDED_THRESHOLD = 0.9

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


@lru_cache(maxsize=64)
def font_source(name: str, kind: str) -> Source | None:
    path = _font_index().get(name)
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


def training_sources(all_fonts: bool) -> list[Source]:
    names = [(n, "hand") for n in HAND_FONTS] + [(n, "typed") for n in TYPED_FONTS]
    if all_fonts:
        names += list(HELDOUT_FONTS.items())
    sources = [s for n, k in names if (s := font_source(n, k)) is not None]
    return [*sources, stroke_source(), sklearn_source(heldout=False)]


def heldout_sources() -> list[Source]:
    sources = [s for n, k in HELDOUT_FONTS.items() if (s := font_source(n, k)) is not None]
    return [*sources, sklearn_source(heldout=True)]


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


# --- datasets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    seeds: range
    sources: tuple[str, ...]  # source keys, see _resolve
    empty_rate: float


def _resolve(key: str) -> Source:
    if key == STROKES:
        return stroke_source()
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


def run_job(job: Job) -> tuple[list[np.ndarray | None], np.ndarray, list[str]]:
    feats: list[np.ndarray | None] = []
    labels, names = [], []
    for seed in job.seeds:
        rng = np.random.default_rng(seed)
        key = _pick_source(job.sources, rng)
        label = EMPTY_CLASS if rng.random() < job.empty_rate else int(rng.integers(10))
        source = _resolve(key)
        feats.append(cell_features(render_cell(source, label, rng)))
        labels.append(label)
        names.append(source.name)
    return feats, np.array(labels), names


def build_set(
    sources: Sequence[str], seeds: range, jobs: int, empty_rate: float = EMPTY_RATE
) -> tuple[list[np.ndarray | None], np.ndarray, list[str]]:
    step = max(1, len(seeds) // (jobs * 8))
    chunks = [
        Job(range(s, min(s + step, seeds.stop)), tuple(sources), empty_rate)
        for s in range(seeds.start, seeds.stop, step)
    ]
    if jobs > 1:
        with get_context("fork").Pool(jobs, initializer=cv2.setNumThreads, initargs=(1,)) as pool:
            results = pool.map(run_job, chunks)
    else:
        results = [run_job(c) for c in chunks]
    feats = [f for r in results for f in r[0]]
    labels = np.concatenate([r[1] for r in results])
    names = [n for r in results for n in r[2]]
    return feats, labels, names


def source_keys(sources: Sequence[Source], heldout_sklearn: bool = False) -> list[str]:
    keys = []
    for source in sources:
        if source.kind == SKLEARN:
            keys.append(SKLEARN + (":heldout" if heldout_sklearn else ""))
        else:
            keys.append(f"{source.name}|{source.kind}")
    return keys


# --- training and evaluation ------------------------------------------------------------


def train_mlp(features: np.ndarray, labels: np.ndarray, seed: int = 0) -> DigitModel:
    from sklearn.neural_network import MLPClassifier

    mean = features.mean(axis=0)
    scale = np.maximum(features.std(axis=0), 0.1)
    clf = MLPClassifier(
        hidden_layer_sizes=(256, 128),
        alpha=1e-2,
        batch_size=256,
        learning_rate_init=1e-3,
        max_iter=30,
        n_iter_no_change=5,
        tol=1e-4,
        random_state=seed,
        verbose=False,
    )
    clf.fit((features - mean) / scale, labels)
    assert list(clf.classes_) == list(range(EMPTY_CLASS + 1)), "every class must be present"
    weights = [w.astype(np.float32) for w in clf.coefs_]
    biases = [b.astype(np.float32) for b in clf.intercepts_]
    return DigitModel(weights, biases, mean.astype(np.float32), scale.astype(np.float32))


def predict(model: DigitModel, feats: list[np.ndarray | None]) -> tuple[np.ndarray, np.ndarray]:
    """Predicted class and its probability; cells without ink are empty with certainty."""
    pred = np.full(len(feats), EMPTY_CLASS)
    conf = np.ones(len(feats))
    inked = [i for i, f in enumerate(feats) if f is not None]
    if inked:
        probs = model.predict_proba(np.stack([feats[i] for i in inked]))
        pred[inked] = probs.argmax(axis=1)
        conf[inked] = probs.max(axis=1)
    return pred, conf


def fit_temperature(model: DigitModel, feats: list[np.ndarray | None], labels: np.ndarray) -> float:
    """Temperature that makes the validation probabilities honest (lowest log-loss)."""
    inked = [i for i, f in enumerate(feats) if f is not None]
    rows, truth = np.stack([feats[i] for i in inked]), labels[inked]
    best_t, best_loss = 1.0, np.inf
    for temp in np.arange(0.5, 6.01, 0.05):
        model.temperature = float(temp)
        probs = model.predict_proba(rows)
        loss = -np.mean(np.log(probs[np.arange(len(truth)), truth] + 1e-9))
        if loss < best_loss:
            best_t, best_loss = float(temp), loss
    model.temperature = best_t
    return best_t


def report(title: str, labels: np.ndarray, pred: np.ndarray, conf: np.ndarray) -> None:
    acc = float(np.mean(pred == labels)) if len(labels) else float("nan")
    keep = conf >= RECOMMENDED_THRESHOLD
    kept_acc = float(np.mean(pred[keep] == labels[keep])) if keep.any() else float("nan")
    print(
        f"{title:<34} n={len(labels):5d} acc={acc:6.3f}  "
        f"@{RECOMMENDED_THRESHOLD:.2f}: acc={kept_acc:6.3f} coverage={keep.mean():6.3f}"
    )


def threshold_table(labels: np.ndarray, pred: np.ndarray, conf: np.ndarray) -> None:
    for thr in THRESHOLDS:
        keep = conf >= thr
        kept_acc = float(np.mean(pred[keep] == labels[keep])) if keep.any() else float("nan")
        print(f"    conf>={thr:.2f}: accuracy {kept_acc:6.3f}  coverage {keep.mean():6.3f}")


def evaluate_by_source(
    model: DigitModel, keys: Sequence[str], per_source: int, seed0: int, jobs: int
) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    results = {}
    for i, key in enumerate(keys):
        seeds = range(seed0 + i * per_source, seed0 + (i + 1) * per_source)
        feats, labels, _ = build_set([key], seeds, jobs, empty_rate=0.0)
        pred, conf = predict(model, feats)
        results[key] = (labels, pred, conf)
    return results


def summarise(title: str, results: dict, select: Callable[[str], bool]) -> None:
    chosen = [v for k, v in results.items() if select(k)]
    if not chosen:
        return
    print(f"\n{title}:")
    labels, pred, conf = (np.concatenate([c[i] for c in chosen]) for i in range(3))
    report(title, labels, pred, conf)
    threshold_table(labels, pred, conf)


def export(model: DigitModel, path: Path, meta: dict[str, str]) -> None:
    arrays = {f"W{i}": w.astype(np.float16) for i, w in enumerate(model.weights)}
    arrays |= {f"b{i}": b.astype(np.float32) for i, b in enumerate(model.biases)}
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        n_layers=np.array(len(model.weights)),
        mean=model.mean,
        scale=model.scale,
        temperature=np.array(model.temperature),
        feature_version=np.array(FEATURE_VERSION),
        **arrays,
        **{f"meta_{k}": np.array(v) for k, v in meta.items()},
    )


def _stack(feats: list[np.ndarray | None], labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keep = [i for i, f in enumerate(feats) if f is not None]
    return np.stack([feats[i] for i in keep]), labels[keep]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-cells", type=int, default=64_000)
    parser.add_argument("--eval-cells", type=int, default=400, help="per font / source")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--all-fonts", action="store_true", help="train on held-out fonts too")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    started = time.perf_counter()

    train_keys = source_keys(training_sources(args.all_fonts))
    feats, labels, _ = build_set(train_keys, range(TRAIN_SEEDS, args.train_cells), args.jobs)
    x_train, y_train = _stack(feats, labels)
    rendered = time.perf_counter()
    print(
        f"rendered {len(labels)} training cells ({len(y_train)} with ink) "
        f"in {rendered - started:.0f} s"
    )
    model = train_mlp(x_train, y_train)
    trained = time.perf_counter()
    print(
        f"trained MLP in {trained - rendered:.0f} s; train acc "
        f"{np.mean(predict(model, list(x_train))[0] == y_train):.3f}"
    )

    val_feats, val_labels, _ = build_set(train_keys, range(VAL_SEEDS, VAL_SEEDS + 6000), args.jobs)
    print(f"temperature {fit_temperature(model, val_feats, val_labels):.2f}")
    pred, conf = predict(model, val_feats)
    report("validation (training fonts, new seeds)", val_labels, pred, conf)

    heldout_keys = [] if args.all_fonts else source_keys(heldout_sources(), heldout_sklearn=True)
    results = evaluate_by_source(
        model, train_keys + heldout_keys, args.eval_cells, EVAL_SEEDS, args.jobs
    )
    print("\nper font / source (digits only, unseen seeds):")
    for key, (lab, prd, cnf) in results.items():
        tag = "HELD-OUT " if key in heldout_keys else ""
        report(f"{tag}{key}", lab, prd, cnf)
    for kind in ("typed", "hand", "pen", SKLEARN):
        seen = f"{kind}, training sources"
        summarise(seen, results, lambda k, kd=kind: _kind_of(k) == kd and k not in heldout_keys)
        unseen = f"{kind}, HELD-OUT"
        summarise(unseen, results, lambda k, kd=kind: _kind_of(k) == kd and k in heldout_keys)
    empty_feats, empty_labels, _ = build_set(
        train_keys, range(EVAL_SEEDS - 2000, EVAL_SEEDS), args.jobs, empty_rate=1.0
    )
    pred, conf = predict(model, empty_feats)
    report("\nempty cells", empty_labels, pred, conf)

    export(model, args.output, {"trained_on": "all fonts" if args.all_fonts else "held-out split"})
    size_kb = args.output.stat().st_size / 1024
    print(
        f"\nwrote {args.output} ({size_kb:.0f} KB) in {time.perf_counter() - started:.0f} s total"
    )


if __name__ == "__main__":
    main()
