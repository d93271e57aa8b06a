"""Marks on the paper itself: bleed-through from the other side, reception stamps, rúbricas."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from buzon_pipeline.synth import fonts, ink


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img)


def _img(arr: np.ndarray, like: Image.Image) -> Image.Image:
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode=like.mode)


def bleed_through(img: Image.Image, strength: float, seed: int,
                  back: Image.Image | None = None) -> Image.Image:
    """Faint mirrored content of the other side of the sheet (``back``, or text-like bars)."""
    rng = np.random.default_rng(seed)
    w, h = img.size
    if back is None:
        back = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(back)
        y = int(rng.integers(150, 400))
        while y < h - 200:
            x = int(rng.integers(200, 350))
            end = int(rng.integers(w // 2, w - 200))
            while x < end:
                word = int(rng.integers(40, 220))
                draw.rectangle((x, y, min(x + word, end), y + 28), fill=0)
                x += word + 25
            y += int(rng.integers(70, 110))
    ghost = back.convert("L").resize((w, h)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ghost = np.asarray(ghost.filter(ImageFilter.GaussianBlur(4)), dtype=np.float32) / 255.0
    darken = 1.0 - strength * (1.0 - ghost)
    a = _arr(img).astype(np.float32)
    if a.ndim == 3:
        darken = darken[..., None]
    return _img(a * darken, img)


def stamp(img: Image.Image, x: float, y: float, angle: float, text: str,
          colour: tuple[int, int, int] = (110, 50, 150), seed: int = 0) -> Image.Image:
    """A round reception stamp (IMSS + unit + date) pressed over the page at (x, y)."""
    rng = random.Random(seed)
    size = 420
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    draw.ellipse((10, 10, size - 10, size - 10), outline=200, width=10)
    draw.ellipse((45, 45, size - 45, size - 45), outline=200, width=5)
    font = fonts.load(str(fonts.TRUETYPE / "dejavu" / "DejaVuSans-Bold.ttf"), 44)
    draw.text((size / 2, size / 2 - 60), "IMSS", font=font, fill=200, anchor="mm")
    small = fonts.load(str(fonts.TRUETYPE / "dejavu" / "DejaVuSans.ttf"), 30)
    for i, part in enumerate(text.split("|")):
        draw.text((size / 2, size / 2 + i * 42), part, font=small, fill=200, anchor="mm")
    # Uneven inking: some of the stamp's pixels print at half strength.
    grain = np.random.default_rng(seed).random((size, size)) < 0.25
    pixels = np.asarray(mask)
    mask = Image.fromarray(np.where(grain, pixels // 2, pixels).astype(np.uint8))
    strength = rng.uniform(0.7, 1.0)
    mask = mask.rotate(angle, resample=Image.Resampling.BILINEAR).point(
        lambda v: round(v * strength))
    out = img.copy()
    ink.paste_ink(out, mask, (x - size / 2, y - size / 2), colour)
    return out


def rubrica(img: Image.Image, x: float, y: float, width: float, seed: int) -> Image.Image:
    """Somebody's signature scribbled over the text."""
    out = img.copy()
    rng = random.Random(seed)
    ink.scribble(out, (round(x), round(y), round(x + width), round(y + width * 0.35)),
                 rng.choice((ink.BLUE_PEN, ink.BLACK_PEN)), rng, width=5)
    return out
