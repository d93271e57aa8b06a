"""Putting ink on a page: a writer's style, lines of text, strokes and scribbles.

Everything is drawn first into a small coverage mask, distorted there (slant, tilt, pressure),
then pasted onto the page in the writer's ink colour; the page itself is never resampled.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

from buzon_pipeline.synth import fonts

Ink = tuple[int, int, int]
BLUE_PEN: Ink = (25, 45, 140)
BLACK_PEN: Ink = (30, 30, 38)
TONER: Ink = (20, 20, 20)


@dataclass(frozen=True)
class Writer:
    """How one person writes: the same writer fills every field of a document."""

    kind: str  # "handwriting" | "typed"
    family: fonts.FontFamily
    variant: int
    size_scale: float
    slant: float  # horizontal shear; positive leans right
    ink: Ink
    pressure: float  # 0..1 peak ink opacity
    jitter: float  # relative size/baseline wobble per character
    spacing: float  # letter spacing factor
    capitals: bool  # writes form fields in block capitals


def random_writer(
    rng: random.Random, kind: str, legible: bool = False, hands: str = "anterior"
) -> Writer:
    """A random hand (or typewriter). ``legible``: dark pen, firm stroke, no thin variants.

    ``hands``: the pool a hand is drawn from (`fonts.HAND_POOLS`): "anterior" (the old five
    families, the default of direct calls) or a split's families ("train", "dev", "test").
    """
    if kind == "typed" or hands == "anterior":
        fam = rng.choice(fonts.families(kind))
    else:
        pool = fonts.hand_pool(hands)
        # One draw whatever the pool's size: the same seed in another pool changes the hand,
        # not the rest of the document (the evaluation's seen-hands control relies on it).
        fam = pool[min(len(pool) - 1, int(rng.random() * len(pool)))]
    if kind == "typed":
        return Writer(kind, fam, 0, rng.uniform(0.95, 1.05), 0.0, TONER, 1.0, 0.0, 1.0, False)
    pens = [BLUE_PEN, BLACK_PEN] if legible else [BLUE_PEN, BLUE_PEN, BLACK_PEN, (60, 60, 70),
                                                  (20, 60, 170)]
    variants = min(len(fam.paths), 2) if legible else len(fam.paths)
    if hands == "anterior":
        variant = rng.randrange(variants)
    else:
        # As for the family: one draw whatever the number of styles.
        variant = min(variants - 1, int(rng.random() * variants))
    return Writer(
        kind=kind,
        family=fam,
        variant=variant,
        size_scale=rng.uniform(0.95 if legible else 0.85, 1.15),
        slant=rng.uniform(-0.08, 0.3),
        ink=rng.choice(pens),
        pressure=rng.uniform(0.92 if legible else 0.8, 1.0),
        jitter=rng.uniform(0.02, 0.07),
        spacing=rng.uniform(0.95, 1.12),
        capitals=rng.random() < 0.45,
    )


def text_width(text: str, writer: Writer, size: float) -> float:
    """Advance width in pixels without jitter (good enough for line wrapping)."""
    total = 0.0
    for ch in text:
        path, scale = fonts.font_for_char(writer.family, writer.variant, ch)
        total += fonts.load(path, round(size * scale * writer.size_scale)).getlength(ch)
    return total * writer.spacing


def render_line(
    text: str, writer: Writer, size: float, rng: random.Random
) -> tuple[Image.Image, int, int]:
    """Coverage mask of one line, the y of its baseline and the x where the line starts."""
    size = size * writer.size_scale
    pad = round(size * 0.6)
    width = round(text_width(text, writer, size / writer.size_scale) * 1.1 + 2 * pad + size)
    height = round(size * 2.0 + 2 * pad)
    baseline = pad + round(size * 1.1)
    mask = Image.new("L", (max(width, 1), max(height, 1)), 0)
    draw = ImageDraw.Draw(mask)
    x = float(pad)
    for ch in text:
        path, scale = fonts.font_for_char(writer.family, writer.variant, ch)
        wobble = 1.0 + rng.gauss(0, writer.jitter)
        font = fonts.load(path, round(size * scale * wobble))
        dy = rng.gauss(0, writer.jitter * size * 0.5)
        if not ch.isspace():
            draw.text((x, baseline + dy), ch, fill=255, font=font, anchor="ls")
        x += font.getlength(ch) * writer.spacing + rng.gauss(0, writer.jitter * size * 0.3)
    origin = pad
    if writer.slant:
        s = writer.slant
        # Shear about the baseline; a left lean needs room on the left for the ascenders.
        off = math.ceil(max(0.0, -s) * baseline)
        grow = math.ceil(abs(s) * height)
        mask = mask.transform(
            (mask.width + grow, mask.height),
            Image.Transform.AFFINE,
            (1, s, -s * baseline - off, 0, 1, 0),
            resample=Image.Resampling.BILINEAR,
        )
        origin += off
    if writer.kind == "handwriting" and writer.pressure < 1.0:
        mask = mask.point(lambda v: round(v * writer.pressure))
    return mask, baseline, origin


def paste_ink(page: Image.Image, mask: Image.Image, at: tuple[float, float], ink: Ink) -> None:
    colour: int | Ink = ink if page.mode == "RGB" else round(sum(ink) / 3)
    x, y = round(at[0]), round(at[1])
    page.paste(colour, (x, y, x + mask.width, y + mask.height), mask)


def tilt_line(
    mask: Image.Image, baseline: int, origin: int, tilt_deg: float
) -> tuple[Image.Image, int]:
    """A rendered line turned about its start on the baseline, with room so nothing is cut."""
    if not tilt_deg:
        return mask, baseline
    extra = math.ceil(mask.width * math.sin(math.radians(abs(tilt_deg)))) + 2
    taller = Image.new("L", (mask.width, mask.height + 2 * extra), 0)
    taller.paste(mask, (0, extra))
    baseline += extra
    turned = taller.rotate(tilt_deg, resample=Image.Resampling.BILINEAR, expand=False,
                           center=(origin, baseline))
    return turned, baseline


def write(
    page: Image.Image,
    text: str,
    baseline_at: tuple[float, float],
    writer: Writer,
    size: float,
    rng: random.Random,
    tilt_deg: float = 0.0,
) -> tuple[int, int, int, int]:
    """Write one line with its baseline starting at ``baseline_at``; return the ink bbox."""
    mask, baseline, origin = render_line(text, writer, size, rng)
    mask, baseline = tilt_line(mask, baseline, origin, tilt_deg)
    x, y = baseline_at[0] - origin, baseline_at[1] - baseline
    paste_ink(page, mask, (x, y), writer.ink)
    box = mask.getbbox() or (0, 0, 0, 0)
    return (round(x + box[0]), round(y + box[1]), round(x + box[2]), round(y + box[3]))


def stroke(
    page: Image.Image,
    points: list[tuple[float, float]],
    ink: Ink,
    width: int,
    pressure: float = 1.0,
) -> None:
    """A free-hand polyline, drawn in a local mask so it can be soft-edged."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    pad = width * 2 + 2
    x0, y0 = min(xs) - pad, min(ys) - pad
    size = (round(max(xs) - x0 + pad) + 1, round(max(ys) - y0 + pad) + 1)
    mask = Image.new("L", size, 0)
    local = [(px - x0, py - y0) for px, py in points]
    ImageDraw.Draw(mask).line(local, fill=round(255 * pressure), width=width, joint="curve")
    mask = mask.filter(ImageFilter.GaussianBlur(0.6))
    paste_ink(page, mask, (x0, y0), ink)


def wobbly_segment(
    a: tuple[float, float], b: tuple[float, float], rng: random.Random, wobble: float, n: int = 8
) -> list[tuple[float, float]]:
    bend = rng.gauss(0, wobble)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    pts = []
    for i in range(n + 1):
        t = i / n
        off = bend * math.sin(math.pi * t) + rng.gauss(0, wobble * 0.15)
        pts.append((a[0] + dx * t + nx * off, a[1] + dy * t + ny * off))
    return pts


def x_mark(page: Image.Image, box: tuple[int, int, int, int], writer: Writer,
           rng: random.Random) -> None:
    """An X (sometimes a check mark or an overshooting X) over a checkbox."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    over = rng.uniform(-0.1, 0.45)
    width = max(3, round(w * rng.uniform(0.07, 0.12)))
    if rng.random() < 0.15:
        pts = [(x0 + w * 0.1, y0 + h * 0.55), (x0 + w * 0.4, y1 + h * over * 0.3),
               (x1 + w * over, y0 - h * over)]
        stroke(page, pts, writer.ink, width, writer.pressure)
        return
    for a, b in (((x0 - w * over, y0 - h * over), (x1 + w * over, y1 + h * over)),
                 ((x1 + w * over, y0 - h * over), (x0 - w * over, y1 + h * over))):
        jit = (rng.gauss(0, w * 0.06), rng.gauss(0, h * 0.06))
        a = (a[0] + jit[0], a[1] + jit[1])
        stroke(page, wobbly_segment(a, b, rng, w * 0.05), writer.ink, width, writer.pressure)


def _catmull_rom(points: list[tuple[float, float]], steps: int = 12) -> list[tuple[float, float]]:
    out = []
    pts = [points[0], *points, points[-1]]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(
                0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t
                       + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                       + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3)
                for k in (0, 1)
            ))
    out.append(points[-1])
    return out


def scribble(page: Image.Image, box: tuple[int, int, int, int], ink: Ink, rng: random.Random,
             loops: int | None = None, width: int = 4) -> None:
    """A rúbrica: a fast looping stroke that drifts right, backtracks, and ends in a flourish."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    loops = loops or rng.randint(3, 7)
    ctrl = []
    x = x0 + w * rng.uniform(0.0, 0.15)
    for i in range(loops * 2 + 1):
        up = i % 2 == 0
        y = y0 + h * (rng.uniform(0.0, 0.35) if up else rng.uniform(0.6, 1.0))
        ctrl.append((x, y))
        if up and rng.random() < 0.35:
            # A small backward curl, as in most rúbricas.
            ctrl.append((x - w * 0.05, y + h * 0.2))
            ctrl.append((x + w * 0.02, y + h * 0.3))
        x += w / (loops * 2) * rng.uniform(0.6, 1.6) * (-0.4 if rng.random() < 0.2 else 1.0)
        x = min(max(x, x0), x1)
    if rng.random() < 0.7:
        # The closing flourish sweeps back left under the loops.
        ctrl.append((x1 - w * 0.05, y0 + h * rng.uniform(0.55, 0.8)))
        ctrl.append((x0 + w * rng.uniform(0.05, 0.3), y0 + h * rng.uniform(0.7, 0.95)))
    stroke(page, _catmull_rom(ctrl), ink, width)
    if rng.random() < 0.4:
        yy = y0 + h * rng.uniform(0.8, 1.0)
        stroke(page, wobbly_segment((x0 + w * 0.1, yy), (x1, yy - h * 0.1), rng, h * 0.05), ink,
               width)


def cross_out(page: Image.Image, box: tuple[int, int, int, int], ink: Ink, rng: random.Random,
              width: int = 4) -> None:
    """Strike through something the writer corrected."""
    x0, y0, x1, y1 = box
    for _ in range(rng.randint(1, 3)):
        a = (x0 - 3, rng.uniform(y0 + (y1 - y0) * 0.2, y1))
        b = (x1 + 3, rng.uniform(y0, y1 - (y1 - y0) * 0.2))
        stroke(page, wobbly_segment(a, b, rng, 2), ink, width)


def wrap(text: str, writer: Writer, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width; an over-long word gets a line of its own."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, writer, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines
