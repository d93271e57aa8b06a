"""Per-cell handwritten digit recognizer for the NSS and phone comb boxes.

Tesseract reads handwriting badly, but a comb box holds one digit per cell, which makes it a
small classification problem. A cell crop goes through a fixed preprocessing (printed border
removal, ink bounding box, MNIST-like normalisation) and a small CNN whose weights live in
`models/digitos_cnn.npz` for the combs and `models/digitos.npz` for the digits inside letters
(both trained by `buzon_pipeline.training.train_digits` with PyTorch, applied here with
numpy). The eleventh class is "no digit": an empty or struck-out cell, and for the letters'
model also a letter, a "+", a "(", a scribble. Only numpy and OpenCV are needed at run time.

The preprocessing here is also what the training script applies to its synthetic cells, so the
two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from buzon_pipeline.core.resources import DIGIT_MODEL, default_models_dir

MODEL_PATH = default_models_dir() / DIGIT_MODEL  # the shipped model; `load(path)` takes another
DIGITS = "0123456789"
EMPTY_CLASS = 10  # index of the "no digit" class after the ten digits
FEATURE_VERSION = 2  # bump when the preprocessing changes; the model file records it

# Every cell is rescaled to this height so that pixel-sized rules hold at 150 and 300 dpi.
CANON_H = 64
NORM_SIZE = 28  # MNIST-like canvas
FIT_SIZE = 20  # the digit's longer side inside that canvas
MIN_CONTRAST = 35  # grey levels below the paper that count as ink
INK_CONTRAST_FRAC = 0.25  # ... or this share of the paper-to-darkest range, if larger
RULE_CONTRAST = 18  # printed rules may be light grey; being long, they survive a low threshold
VLINE_FRAC = 0.94  # a vertical separator runs from the top rule to the bottom rule
HLINE_FRAC = 0.96  # top and bottom rules cross the whole cell width
VLINE_ZONE = 0.24  # separators sit in the outer 24 % (alignment error is ~1 mm of 7 mm)
HLINE_ZONE = 0.2
MAX_RULE_PX = 8  # printed rules (<= 0.35 mm) come out <= ~7 canonical px after blur at 150 dpi
SPECK_AREA = 8  # canonical px; smaller blobs are scanner dust
DOT_AREA = 30  # canonical px; a blob this small away from the strokes is dust, not a stroke
DOT_GAP = 3  # ... "away" meaning farther than this from every larger blob
GROUP_OVERLAP = 0.5  # share of the narrower group's width that makes two groups one
SECOND_LOOK_BELOW = 0.9  # a cell read with less confidence has its ink groups read apart
# Paper-shade window, canonical px: wider and taller than a pen stroke (<= ~7 px), lower than
# a bleed-through bar from the back (~16 px), so the bar stays paper and strokes do not.
BG_KERNEL = (21, 9)
MIN_INK_AREA = 14
MIN_INK_HEIGHT = 0.16  # of the cell height; a dot or a dash is not a digit
MAX_SKEW = 0.7
HOG_GRID = 4
HOG_BINS = 8

FloatArray = np.ndarray


@dataclass(frozen=True)
class DigitReading:
    digit: str | None  # "0".."9", or None when the cell is empty
    confidence: float  # 0..1, probability of the chosen answer
    alternatives: tuple[tuple[str, float], ...]  # top-3 (digit, prob) for repair suggestions


class DigitModel:
    """A small MLP, or a small CNN (`convs`), applied with numpy; load it once and reuse it.

    With `convs`, the 28x28 canvas at the head of the feature row goes through 3x3
    convolutions (ReLU, 2x2 max-pool each) and the flattened maps replace it before the
    dense layers (see `_conv_maps`).
    """

    def __init__(
        self,
        weights: list[FloatArray],
        biases: list[FloatArray],
        mean: FloatArray,
        scale: FloatArray,
        temperature: float = 1.0,
        convs: list[tuple[FloatArray, FloatArray]] | None = None,
    ) -> None:
        self.weights = weights
        self.biases = biases
        self.mean = mean
        self.scale = scale
        self.temperature = temperature
        self.convs = convs or []

    @classmethod
    def load(cls, path: Path | None = None) -> DigitModel:
        path = Path(path) if path is not None else MODEL_PATH
        with np.load(path, allow_pickle=False) as data:
            version = int(data["feature_version"])
            if version != FEATURE_VERSION:
                raise ValueError(
                    f"{path} was trained with features v{version}, code expects v{FEATURE_VERSION}"
                )
            layers = int(data["n_layers"])
            weights = [data[f"W{i}"].astype(np.float32) for i in range(layers)]
            biases = [data[f"b{i}"].astype(np.float32) for i in range(layers)]
            n_conv = int(data["n_conv"]) if "n_conv" in data.files else 0
            convs = [
                (data[f"C{i}"].astype(np.float32), data[f"cb{i}"].astype(np.float32))
                for i in range(n_conv)
            ]
            return cls(
                weights,
                biases,
                data["mean"].astype(np.float32),
                data["scale"].astype(np.float32),
                float(data["temperature"]),
                convs,
            )

    def predict_proba(self, features: FloatArray) -> FloatArray:
        """Class probabilities (10 digits + empty) for a batch of feature rows."""
        return self.proba_from_logits(self.logits(features))

    def logits(self, features: FloatArray) -> FloatArray:
        """Class scores before the temperature and the softmax."""
        act = (np.atleast_2d(features).astype(np.float32) - self.mean) / self.scale
        if self.convs:
            canvas = NORM_SIZE * NORM_SIZE
            act = np.concatenate([_conv_maps(act[:, :canvas], self.convs), act[:, canvas:]], 1)
        for i, (weight, bias) in enumerate(zip(self.weights, self.biases, strict=True)):
            act = act @ weight + bias
            if i < len(self.weights) - 1:
                act = np.maximum(act, 0.0)
        return act

    def proba_from_logits(self, act: FloatArray) -> FloatArray:
        logits = act / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def read_cells(self, cells: list[np.ndarray]) -> list[DigitReading]:
        """One reading per cell crop (grey or BGR, dark ink on light paper), in order."""
        inks = [cell_ink(cell) for cell in cells]
        inked = [i for i, ink in enumerate(inks) if ink is not None]
        # no digit-sized ink is a certain "empty"; a degenerate crop is an unsure one
        readings = [DigitReading(None, 1.0 if _usable(cell) else 0.0, ()) for cell in cells]
        if inked:
            probs = self.predict_proba(np.stack([ink_features(inks[i]) for i in inked]))
            for row, index in zip(probs, inked, strict=True):
                readings[index] = _reading_from_probs(row)
        for index in inked:
            if readings[index].confidence < SECOND_LOOK_BELOW:
                readings[index] = self._read_groups(inks[index]) or readings[index]
        return readings

    def _read_groups(self, ink: np.ndarray) -> DigitReading | None:
        """Read side-by-side ink groups apart: a crossed-out digit next to its correction.

        A cell holds digit d when one group reads d and every other group reads as no digit
        (the model learns that a struck-out digit is none); the product is that probability.
        """
        groups = ink_groups(ink)
        if len(groups) < 2:
            return None
        probs = self.predict_proba(np.stack([ink_features(g) for g in groups]))
        empty = probs[:, EMPTY_CLASS]
        best: tuple[float, FloatArray] | None = None
        for j, row in enumerate(probs):
            others = float(np.prod(np.delete(empty, j)))
            scaled = row[:EMPTY_CLASS] * others
            if best is None or scaled.max() > best[0]:
                best = (float(scaled.max()), scaled)
        assert best is not None
        score, scaled = best
        digit = int(np.argmax(scaled))
        order = np.argsort(-scaled)[:3]
        alternatives = tuple((DIGITS[i], round(float(scaled[i]), 4)) for i in order)
        return DigitReading(DIGITS[digit], score, alternatives)


def _conv_maps(rows: FloatArray, convs: list[tuple[FloatArray, FloatArray]]) -> FloatArray:
    """3x3 convolutions (padding 1) + ReLU + 2x2 max-pool, flattened as PyTorch does (C, H, W).

    Kernels are stored as PyTorch keeps them: (out, in, 3, 3), cross-correlation.
    """
    maps = rows.reshape(-1, NORM_SIZE, NORM_SIZE, 1)  # N, H, W, C
    for kernel, bias in convs:
        n, h, w, c = maps.shape
        padded = np.pad(maps, ((0, 0), (1, 1), (1, 1), (0, 0)))
        patches = np.stack(
            [padded[:, dy : dy + h, dx : dx + w, :] for dy in range(3) for dx in range(3)], axis=3
        )
        flat = kernel.transpose(2, 3, 1, 0).reshape(9 * c, -1)  # (ky, kx, in) -> out
        maps = np.maximum(patches.reshape(n, h, w, 9 * c) @ flat + bias, 0.0)
        maps = maps.reshape(n, h // 2, 2, w // 2, 2, -1).max(axis=(2, 4))
    return maps.transpose(0, 3, 1, 2).reshape(len(maps), -1)


def _usable(cell: np.ndarray) -> bool:
    return cell.ndim in (2, 3) and cell.shape[0] >= 6 and cell.shape[1] >= 4


def _reading_from_probs(probs: FloatArray) -> DigitReading:
    digit_order = np.argsort(-probs[:EMPTY_CLASS])[:3]
    alternatives = tuple((DIGITS[i], round(float(probs[i]), 4)) for i in digit_order)
    best = int(np.argmax(probs))
    if best == EMPTY_CLASS:
        return DigitReading(None, float(probs[best]), alternatives)
    return DigitReading(DIGITS[best], float(probs[best]), alternatives)


# --- preprocessing -----------------------------------------------------------------------


def cell_features(cell: np.ndarray) -> FloatArray | None:
    """Feature vector of one cell crop, or None when it holds no digit-sized ink."""
    ink = cell_ink(cell)
    return None if ink is None else ink_features(ink)


def cell_ink(cell: np.ndarray) -> np.ndarray | None:
    """The cell's handwriting as a 0/1 mask (rules, neighbours and dust removed), or None."""
    if not _usable(cell):
        return None
    gray = _flatten(_canonical(cell))
    ink, faint = _ink_masks(gray)
    ink = _remove_borders(ink, faint)
    ink = _drop_specks(ink)
    return ink if _has_digit_ink(ink) else None


def ink_features(ink: np.ndarray) -> FloatArray:
    return _normalise(ink)


def ink_groups(ink: np.ndarray) -> list[np.ndarray]:
    """Side-by-side groups of strokes (left to right), or [] when the ink is one group.

    Strokes that share most of their width belong together (a "4" in two strokes, a crossed
    "7"); a struck-out digit and the correction written beside it barely overlap.
    """
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 3:
        return []
    spans = [
        [
            int(stats[i, cv2.CC_STAT_LEFT]),
            int(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH]),
            [i],
        ]
        for i in range(1, count)
    ]
    merged = True
    while merged:
        merged = False
        spans.sort(key=lambda span: span[0])
        for a in range(len(spans) - 1):
            lo, hi, members = spans[a]
            nlo, nhi, nmembers = spans[a + 1]
            overlap = min(hi, nhi) - max(lo, nlo)
            if overlap >= GROUP_OVERLAP * min(hi - lo, nhi - nlo):
                spans[a] = [min(lo, nlo), max(hi, nhi), members + nmembers]
                del spans[a + 1]
                merged = True
                break
    groups = [np.isin(labels, members).astype(np.uint8) for _, _, members in spans]
    groups = [g for g in groups if _has_digit_ink(g)]
    return groups if len(groups) >= 2 else []


def _as_gray(image: np.ndarray) -> np.ndarray:
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if gray.dtype != np.uint8:
        gray = np.clip(gray, 0, 255).astype(np.uint8)
    return gray


def _canonical(cell: np.ndarray) -> np.ndarray:
    gray = _as_gray(cell)
    height, width = gray.shape
    scale = CANON_H / height
    size = (max(8, round(width * scale)), CANON_H)
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    return cv2.resize(gray, size, interpolation=interp)


def _flatten(gray: np.ndarray) -> np.ndarray:
    """Divide out the paper's shade (bleed-through from the back, shadows, a stamp's halo).

    Those are wider than a pen stroke, so a grey closing wider than any stroke keeps them and
    drops the ink; without this a dark band across the cell turns into "ink" or hides a rule.
    """
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, BG_KERNEL)
    background = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, kernel).astype(np.float32)
    flat = gray.astype(np.float32) * (255.0 / np.maximum(background, 1.0))
    return np.clip(flat, 0, 255).astype(np.uint8)


def _ink_masks(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pen ink, and a more sensitive mask in which faint printed rules stay unbroken."""
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    paper = float(np.percentile(smooth, 90))
    darkest = float(np.percentile(smooth, 1))
    # Relative to the paper, not Otsu: Otsu splits black rules from a grey pen stroke and
    # loses the digit, or splits pure noise in an empty cell.
    contrast = max(MIN_CONTRAST, INK_CONTRAST_FRAC * (paper - darkest))
    ink = (smooth < paper - contrast).astype(np.uint8)
    faint = (smooth < paper - RULE_CONTRAST).astype(np.uint8)
    return ink, faint


def _line_mask(ink: np.ndarray, vertical: bool) -> np.ndarray:
    height, width = ink.shape
    if vertical:
        # widen across the line first so a slightly rotated rule still survives the opening
        across, along = (1, 3), (max(3, int(VLINE_FRAC * height)), 1)
    else:
        across, along = (3, 1), (1, max(3, int(HLINE_FRAC * width)))
    widened = cv2.dilate(ink, np.ones(across, np.uint8))
    lines = cv2.morphologyEx(widened, cv2.MORPH_OPEN, np.ones(along, np.uint8))
    return lines & ink


def _remove_borders(ink: np.ndarray, faint: np.ndarray) -> np.ndarray:
    """Erase the printed cell rules and the ink that belongs to the neighbour cells."""
    horiz = _line_mask(faint, vertical=False)
    y0, y1, hrules = _rules(horiz, axis=1, zone=HLINE_ZONE)
    if y1 - y0 < 3:
        return np.zeros_like(ink)
    # A separator runs from rule to rule; a tall "1" almost never fills that whole span.
    vert = np.zeros_like(ink)
    vert[y0:y1] = _line_mask(faint[y0:y1] & (1 - hrules[y0:y1]), vertical=True)
    x0, x1, vrules = _rules(vert, axis=0, zone=VLINE_ZONE)
    rules = hrules | vrules
    clean = _bridge(ink & (1 - rules), rules)
    return _keep_inside(clean, (y0, y1, x0, x1))


def _reach(ink: np.ndarray, distance: int, axis: int, forward: bool) -> np.ndarray:
    """Whether there is ink within `distance` px before (or after) each pixel along an axis."""
    flipped = np.flip(ink, axis) if forward else ink
    padded = np.concatenate(
        [np.zeros_like(np.take(flipped, [0], axis)).repeat(distance + 1, axis), flipped], axis
    )
    sums = np.cumsum(padded, axis=axis, dtype=np.int32)
    size = ink.shape[axis]
    upper = np.take(sums, np.arange(distance, distance + size), axis)
    lower = np.take(sums, np.arange(0, size), axis)
    found = (upper - lower) > 0
    return np.flip(found, axis) if forward else found


def _bridge(clean: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """Put back rule pixels that a stroke crosses, so a digit written over a rule stays whole."""
    gap = MAX_RULE_PX + 1
    across_v = _reach(clean, gap, 1, False) & _reach(clean, gap, 1, True)
    across_h = _reach(clean, gap, 0, False) & _reach(clean, gap, 0, True)
    return clean | (rules.astype(bool) & (across_v | across_h)).astype(np.uint8)


def _keep_inside(ink: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """Keep the strokes of this cell; drop what belongs to the neighbour cells.

    A stroke is ours when most of it lies between the separators (people overshoot the box,
    and the neighbours only lie left and right) and it reaches between the top and bottom rules.
    """
    y0, y1, x0, x1 = box
    count, labels = cv2.connectedComponents(ink, connectivity=8)
    total = np.bincount(labels.ravel(), minlength=count)
    between_separators = np.bincount(labels[:, x0:x1].ravel(), minlength=count)
    inside_box = np.bincount(labels[y0:y1, x0:x1].ravel(), minlength=count)
    keep = ((2 * between_separators >= total) & (inside_box > 0)).astype(np.uint8)
    keep[0] = 0
    return keep[labels]


def _rules(lines: np.ndarray, axis: int, zone: float) -> tuple[int, int, np.ndarray]:
    """Span between the printed rules at both ends, and those rules' pixels.

    axis=0 looks for vertical rules (columns), axis=1 for horizontal ones (rows). Only thin
    runs in the outer zones count (a bold stroke can be as long, never as thin), and on each
    side only the outermost: a comb has one rule there, so a second long run further in is a
    digit's bar touching both sides.
    """
    profile = lines.any(axis=axis)
    size = profile.size
    thin = [(lo, hi) for lo, hi in _runs(profile) if hi - lo <= MAX_RULE_PX]
    first = [run for run in thin if sum(run) / 2 <= zone * size]
    last = [run for run in thin if sum(run) / 2 >= (1 - zone) * size]
    accepted = np.zeros(size, bool)
    start, stop = 0, size
    if first:
        lo, start = first[0]
        accepted[lo:start] = True
    if last:
        stop, hi = last[-1]
        accepted[stop:hi] = True
    keep = accepted[None, :] if axis == 0 else accepted[:, None]
    return int(start), int(stop), lines * keep.astype(np.uint8)


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) of every run of True values."""
    edges = np.diff(np.concatenate([[0], flags.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True))


def _drop_specks(ink: np.ndarray) -> np.ndarray:
    """Drop dust: tiny blobs anywhere, small ones that keep apart from the strokes."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    area = stats[:, cv2.CC_STAT_AREA]
    keep = area >= SPECK_AREA
    keep[0] = False
    big = keep & (area >= DOT_AREA)
    if big.any():
        side = 2 * DOT_GAP + 1
        near = cv2.dilate(big.astype(np.uint8)[labels], np.ones((side, side), np.uint8))
        touches = np.bincount(labels.ravel(), weights=near.ravel(), minlength=count) > 0
        keep &= big | touches
    return keep.astype(np.uint8)[labels]


def _has_digit_ink(ink: np.ndarray) -> bool:
    if int(ink.sum()) < MIN_INK_AREA:
        return False
    rows = np.flatnonzero(ink.any(axis=1))
    return (rows[-1] - rows[0] + 1) >= MIN_INK_HEIGHT * ink.shape[0]


def _bbox(ink: np.ndarray) -> tuple[int, int, int, int]:
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def _deskew(digit: np.ndarray) -> np.ndarray:
    """Shear the digit upright (MNIST-style moment deskew); slant varies a lot by writer."""
    moments = cv2.moments(digit, binaryImage=True)
    if moments["mu02"] < 1e-3:
        return digit
    skew = float(np.clip(moments["mu11"] / moments["mu02"], -MAX_SKEW, MAX_SKEW))
    height, width = digit.shape
    pad = int(np.ceil(abs(skew) * height / 2)) + 1
    padded = cv2.copyMakeBorder(digit, 0, 0, pad, pad, cv2.BORDER_CONSTANT, value=0)
    center_y = moments["m01"] / moments["m00"]
    shear = np.float32([[1, skew, -skew * center_y], [0, 1, 0]])
    flags = cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP
    out = cv2.warpAffine(padded, shear, (width + 2 * pad, height), flags=flags)
    if not out.any():
        return digit
    y0, y1, x0, x1 = _bbox(out)
    return out[y0:y1, x0:x1]


def _normalise(ink: np.ndarray) -> FloatArray:
    height, width = ink.shape
    y0, y1, x0, x1 = _bbox(ink)
    digit = _deskew(ink[y0:y1, x0:x1])
    box_h, box_w = digit.shape
    scale = FIT_SIZE / max(box_h, box_w)
    size = (max(1, round(box_w * scale)), max(1, round(box_h * scale)))
    small = cv2.resize(digit.astype(np.float32), size, interpolation=cv2.INTER_AREA)
    canvas = np.zeros((NORM_SIZE, NORM_SIZE), np.float32)
    moments = cv2.moments(small)
    mass_x = moments["m10"] / moments["m00"] if moments["m00"] else size[0] / 2
    mass_y = moments["m01"] / moments["m00"] if moments["m00"] else size[1] / 2
    left = int(np.clip(round(NORM_SIZE / 2 - mass_x), 0, NORM_SIZE - size[0]))
    top = int(np.clip(round(NORM_SIZE / 2 - mass_y), 0, NORM_SIZE - size[1]))
    canvas[top : top + size[1], left : left + size[0]] = small
    # size and shape cues that the normalised picture throws away (a "1" vs a fat "7")
    geometry = np.array(
        [
            (y1 - y0) / height,
            (x1 - x0) / height,
            box_w / max(box_h, 1),
            float(ink[y0:y1, x0:x1].mean()),
            # a leftover rule hugs an edge, a "1" stands in the middle
            (x0 + x1) / (2 * width),
            (y0 + y1) / (2 * height),
        ],
        np.float32,
    )
    return np.concatenate([canvas.ravel(), _orientation_histograms(canvas), geometry])


def _orientation_histograms(canvas: FloatArray) -> FloatArray:
    """HOG-like stroke-direction histograms on a 4x4 grid: tolerant of small shape shifts."""
    gx = cv2.Sobel(canvas, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(canvas, cv2.CV_32F, 0, 1, ksize=3)
    magnitude = np.hypot(gx, gy)
    position = (np.arctan2(gy, gx) % np.pi) / np.pi * HOG_BINS
    low = np.floor(position).astype(np.int32) % HOG_BINS
    weight_high = position - np.floor(position)
    cell = np.arange(NORM_SIZE) * HOG_GRID // NORM_SIZE
    rows, cols = np.meshgrid(cell, cell, indexing="ij")
    hist = np.zeros((HOG_GRID, HOG_GRID, HOG_BINS), np.float32)
    np.add.at(hist, (rows, cols, low), magnitude * (1 - weight_high))
    np.add.at(hist, (rows, cols, (low + 1) % HOG_BINS), magnitude * weight_high)
    flat = hist.ravel()
    return flat / (float(np.linalg.norm(flat)) + 1e-6)


# --- comb splitting ----------------------------------------------------------------------


def split_comb(comb: np.ndarray, cells: int) -> list[np.ndarray]:
    """Cut a comb-box crop (box plus a small margin) into one grey crop per cell.

    The printed separators are located with a projection profile and a regular-grid fit, so a
    millimetre of misalignment does not matter; without visible separators the box (or the
    whole crop) is divided evenly.
    """
    gray = _as_gray(comb)
    _, ink = _ink_masks(gray)
    top, bottom, left, right = _box_rows_and_extent(ink)
    profile = _separator_profile(ink[top:bottom])
    edges = _fit_grid(profile, cells, left, right)
    return [gray[top:bottom, edges[i] : edges[i + 1] + 1].copy() for i in range(cells)]


def _box_rows_and_extent(ink: np.ndarray) -> tuple[int, int, int, int]:
    """Rows of the top and bottom rules and the columns they span (fallback: whole crop)."""
    height, width = ink.shape
    # short kernel pieces and a tall widening keep a rule found despite a slight rotation
    kernel = np.ones((1, max(3, width // 4)), np.uint8)
    widened = cv2.dilate(ink, np.ones((5, 1), np.uint8))
    horiz = cv2.morphologyEx(widened, cv2.MORPH_OPEN, kernel) & ink
    rows = np.flatnonzero(horiz.sum(axis=1) >= width // 4)
    if rows.size < 2 or rows[-1] - rows[0] < 0.3 * height:
        return 0, height, 0, width
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    cols = np.flatnonzero(horiz[top:bottom].any(axis=0))
    return top, bottom, int(cols[0]), int(cols[-1])


def _separator_profile(ink: np.ndarray) -> FloatArray:
    """Per column, the fraction of the box height covered by a long vertical run."""
    height = ink.shape[0]
    kernel = np.ones((max(3, int(0.6 * height)), 1), np.uint8)
    widened = cv2.dilate(ink, np.ones((1, 3), np.uint8))
    vert = cv2.morphologyEx(widened, cv2.MORPH_OPEN, kernel) & ink
    profile = vert.sum(axis=0).astype(np.float32) / max(height, 1)
    # tolerate a pixel of drift between the grid model and the real rule
    return cv2.dilate(profile.reshape(1, -1), np.ones((1, 3), np.uint8)).ravel()


def _fit_grid(profile: FloatArray, cells: int, left: int, right: int) -> list[int]:
    """Separator columns: best regular grid over the profile, snapped to the local peaks."""
    width = len(profile)
    best_score, best = 0.0, None
    for pitch in np.arange(width / (cells + 1.5), width / cells + 0.25, 0.25):
        offsets = np.arange(0, width - cells * pitch, 1.0)
        if offsets.size == 0:
            continue
        cols = np.rint(offsets[:, None] + pitch * np.arange(cells + 1)[None, :]).astype(int)
        cols = np.clip(cols, 0, width - 1)
        scores = profile[cols].mean(axis=1)
        index = int(np.argmax(scores))
        if scores[index] > best_score:
            best_score, best = float(scores[index]), (float(offsets[index]), float(pitch))
    if best is None or best_score < 0.5:
        span = max(right - left, cells)
        return [round(left + span * i / cells) for i in range(cells + 1)]
    offset, pitch = best
    return [_snap(profile, round(offset + pitch * i), int(pitch / 6)) for i in range(cells + 1)]


def _snap(profile: FloatArray, col: int, reach: int) -> int:
    lo, hi = max(0, col - reach), min(len(profile), col + reach + 1)
    window = profile[lo:hi]
    if window.size == 0 or window.max() < 0.5:
        return int(np.clip(col, 0, len(profile) - 1))
    peaks = np.flatnonzero(window >= window.max() - 1e-6) + lo
    return int(peaks[np.argmin(np.abs(peaks - col))])
