"""Scanner and phone-camera degradations.

Every degradation is a plain function of an image and explicit parameters (noise takes a
``seed``), so a recorded list of steps can be replayed exactly with ``apply``.
"""

from __future__ import annotations

import io
import math
import random
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageFilter

from buzon_pipeline.synth.marks import bleed_through, rubrica, stamp
from buzon_pipeline.synth.photo import PHONE_DPI, photograph, plan_photo

Step = dict[str, Any]  # {"name": str, "params": {...}}
LEVELS = ("clean", "scanner", "phone")


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img)


def _img(arr: np.ndarray, like: Image.Image) -> Image.Image:
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode=like.mode)
    if "dpi" in like.info:
        out.info["dpi"] = like.info["dpi"]
    return out


def _paper_value(img: Image.Image) -> tuple[int, ...] | int:
    return (255, 255, 255) if img.mode == "RGB" else 255


def skew(img: Image.Image, angle: float) -> Image.Image:
    """Rotate by a small angle (degrees, counter-clockwise) keeping the page size."""
    a = _arr(img)
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=_paper_value(img))
    return _img(out, img)


def rotate(img: Image.Image, degrees: int) -> Image.Image:
    """Page fed sideways or upside down: 90, 180 or 270 degrees counter-clockwise."""
    ops = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
           270: Image.Transpose.ROTATE_270}
    return img.transpose(ops[degrees]) if degrees in ops else img.copy()


def rescale(img: Image.Image, factor: float) -> Image.Image:
    """Photocopy at ``factor`` (0.9–1.05): content scaled about the page centre, same size."""
    a = _arr(img)
    h, w = a.shape[:2]
    m = np.float32([[factor, 0, (1 - factor) * w / 2], [0, factor, (1 - factor) * h / 2]])
    out = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_AREA, borderValue=_paper_value(img))
    return _img(out, img)


def blur(img: Image.Image, sigma: float) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(sigma))


def gaussian_noise(img: Image.Image, sigma: float, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    a = _arr(img).astype(np.int16)
    noise = (rng.standard_normal(a.shape[:2], dtype=np.float32) * sigma).astype(np.int16)
    if a.ndim == 3:
        noise = noise[..., None]
    return _img(a + noise, img)


def salt_pepper(img: Image.Image, amount: float, seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    a = _arr(img).copy()
    h, w = a.shape[:2]
    n = int(amount * h * w)
    ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
    a[ys[: n // 2], xs[: n // 2]] = 0
    a[ys[n // 2:], xs[n // 2:]] = 255
    return _img(a, img)


def speckle(img: Image.Image, density: float, seed: int) -> Image.Image:
    """Dust and toner specks: small dark blobs, density per megapixel."""
    rng = np.random.default_rng(seed)
    a = _arr(img).copy()
    h, w = a.shape[:2]
    for _ in range(int(density * h * w / 1e6)):
        r = int(rng.integers(1, 4))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        shade = int(rng.integers(20, 140))
        colour = (shade,) * 3 if a.ndim == 3 else shade
        cv2.circle(a, (x, y), r, colour, -1)
    return _img(a, img)


def jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    out = Image.open(buf)
    out.load()
    return out.convert(img.mode)


def low_dpi(img: Image.Image, dpi: int = 150, from_dpi: int = 300) -> Image.Image:
    w, h = img.size
    out = img.resize((round(w * dpi / from_dpi), round(h * dpi / from_dpi)),
                     Image.Resampling.BILINEAR)
    out.info["dpi"] = (dpi, dpi)
    return out


def uneven_lighting(img: Image.Image, strength: float, seed: int) -> Image.Image:
    """Multiply by a smooth gradient plus a soft shadow blob (desk lamp, hand shadow)."""
    rng = np.random.default_rng(seed)
    w, h = img.size
    # The field is smooth, so compute it coarse and upsample: much cheaper at 300 dpi.
    gw, gh = max(2, w // 16), max(2, h // 16)
    yy, xx = np.mgrid[0:gh, 0:gw].astype(np.float32)
    ang = rng.uniform(0, math.tau)
    ramp = np.cos(ang) * xx / gw + np.sin(ang) * yy / gh
    ramp = (ramp - ramp.min()) / (np.ptp(ramp) + 1e-6)
    cx, cy = rng.uniform(0, gw), rng.uniform(0, gh)
    blob = np.exp(-(((xx - cx) / (0.5 * gw)) ** 2 + ((yy - cy) / (0.5 * gh)) ** 2))
    field = cv2.resize(1.0 - strength * (0.6 * ramp + 0.4 * blob), (w, h),
                       interpolation=cv2.INTER_LINEAR)
    a = _arr(img).astype(np.float32)
    if a.ndim == 3:
        field = field[..., None]
    return _img(a * field, img)


def perspective(img: Image.Image, strength: float, seed: int, background: int = 70) -> Image.Image:
    """Phone photo: the page, tilted in 3-D, lying on a darker surface (always RGB)."""
    rng = np.random.default_rng(seed)
    src = np.asarray(img.convert("RGB"))
    h, w = src.shape[:2]
    margin = 0.08
    W, H = int(w * (1 + 2 * margin)), int(h * (1 + 2 * margin))
    jit = strength * min(w, h)
    dst = np.float32([[margin * w, margin * h], [margin * w + w, margin * h],
                      [margin * w + w, margin * h + h], [margin * w, margin * h + h]])
    dst += rng.uniform(-jit, jit, dst.shape).astype(np.float32)
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), dst)
    tone = np.clip(rng.integers(-25, 25, 3) + background, 0, 255)
    # A textured surface: coarse noise upsampled, so the table is not a flat colour.
    texture = rng.normal(0, 6, (H // 8 + 1, W // 8 + 1)).astype(np.float32)
    texture = cv2.resize(texture, (W, H), interpolation=cv2.INTER_LINEAR)
    bg = np.clip(texture[..., None] + tone.astype(np.float32), 0, 255).astype(np.uint8)
    cv2.warpPerspective(src, m, (W, H), dst=bg, flags=cv2.INTER_LINEAR,
                        borderMode=cv2.BORDER_TRANSPARENT)
    return Image.fromarray(bg, "RGB")


FUNCTIONS = {
    "skew": skew, "rotate": rotate, "rescale": rescale, "blur": blur,
    "gaussian_noise": gaussian_noise, "salt_pepper": salt_pepper, "speckle": speckle,
    "jpeg": jpeg, "low_dpi": low_dpi, "uneven_lighting": uneven_lighting,
    "bleed_through": bleed_through, "stamp": stamp, "rubrica": rubrica,
    "perspective": perspective, "photograph": photograph,
}


def apply(img: Image.Image, steps: list[Step], mode: str | None = None) -> Image.Image:
    """Replay recorded steps; ``mode`` is the colour mode the device delivers ("L"/"RGB")."""
    for step in steps:
        img = FUNCTIONS[step["name"]](img, **step["params"])
    if mode and img.mode != mode:
        img = img.convert(mode)
    return img


def _seed(rng: random.Random) -> int:
    return rng.randrange(2**31)


def plan(rng: random.Random, level: str, size: tuple[int, int], mild: bool = False,
         marks: bool = True, split: str | None = None) -> tuple[list[Step], str]:
    """A realistic combination of steps for a device and the colour mode it delivers.

    ``mild`` keeps to what a newcomer's first run should handle: skew ≤ 2°, light noise,
    300 dpi, no sideways pages. ``marks`` False: no stamp or rúbrica (a blank must stay blank).
    ``split`` picks the photo surfaces and framings of that split (synth.photo).
    """
    w, h = size
    steps: list[Step] = []

    def add(name: str, **params: Any) -> None:
        steps.append({"name": name, "params": params})

    if level == "clean":
        if rng.random() < 0.5:
            add("skew", angle=round(rng.uniform(-0.6, 0.6), 2))
        return steps, rng.choice(("L", "L", "RGB"))
    if level == "phone" and not mild:
        # Hand-held: the page on a surface or in a hand, with its light (issue 13).
        add("photograph", **plan_photo(rng, split))
    elif level == "phone":
        add("perspective", strength=round(rng.uniform(0.01, 0.025), 3),
            seed=_seed(rng), background=rng.randint(40, 110))
        add("uneven_lighting", strength=round(rng.uniform(0.05, 0.15), 2), seed=_seed(rng))
    if level == "phone":
        add("blur", sigma=round(rng.uniform(0.4, 0.8 if mild else 1.6), 2))
        add("gaussian_noise", sigma=round(rng.uniform(2, 4 if mild else 8), 1), seed=_seed(rng))
        if not mild and rng.random() < 0.15:
            add("rotate", degrees=rng.choice((90, 270)))
        add("jpeg", quality=rng.randint(75, 90) if mild else rng.randint(50, 90))
        return steps, "RGB"
    if level != "scanner":
        raise ValueError(f"unknown degradation level: {level}")
    if not mild and rng.random() < 0.12:
        add("bleed_through", strength=round(rng.uniform(0.05, 0.18), 2), seed=_seed(rng))
    if marks and not mild and rng.random() < 0.08:
        add("stamp", x=rng.uniform(0.2, 0.8) * w, y=rng.uniform(0.2, 0.8) * h,
            angle=round(rng.uniform(-30, 30), 1), text=f"UMF {rng.randint(1, 99)}|RECIBIDO",
            seed=_seed(rng))
    if marks and not mild and rng.random() < 0.04:
        add("rubrica", x=rng.uniform(0.2, 0.6) * w, y=rng.uniform(0.3, 0.8) * h,
            width=rng.uniform(0.15, 0.3) * w, seed=_seed(rng))
    if not mild and rng.random() < 0.25:
        add("rescale", factor=round(rng.uniform(0.9, 1.05), 3))
    limit = 2.0 if mild else (5.0 if rng.random() < 0.2 else 2.5)
    add("skew", angle=round(rng.uniform(-limit, limit), 2))
    if rng.random() < 0.5:
        add("blur", sigma=round(rng.uniform(0.3, 0.6 if mild else 1.1), 2))
    if rng.random() < 0.5:
        add("gaussian_noise", sigma=round(rng.uniform(1.5, 3 if mild else 9), 1), seed=_seed(rng))
    if rng.random() < 0.5:
        add("speckle", density=round(rng.uniform(2, 8 if mild else 40), 1), seed=_seed(rng))
    if not mild and rng.random() < 0.15:
        add("salt_pepper", amount=round(rng.uniform(0.0005, 0.004), 4), seed=_seed(rng))
    if not mild and rng.random() < 0.08:
        add("rotate", degrees=rng.choice((180, 180, 90, 270)))
    if not mild and rng.random() < 0.15:
        add("low_dpi", dpi=150)
    if not mild and rng.random() < 0.5:
        add("jpeg", quality=rng.randint(45, 90))
    return steps, "L" if rng.random() < 0.85 else "RGB"


def degrade(image: Image.Image, rng: random.Random, level: str, mild: bool = False,
            marks: bool = True, mode: str | None = None,
            split: str | None = None) -> tuple[Image.Image, dict]:
    """Degrade one page like ``level`` ("clean", "scanner", "phone"); return it and the record.

    ``mode`` forces the output colour mode (all pages of one scan share it).
    """
    steps, planned = plan(rng, level, image.size, mild, marks, split)
    mode = mode or planned
    out = apply(image, steps, mode)
    # A phone photo says 72 dpi (no real resolution; ingest estimates it from the width).
    photo = any(step["name"] == "photograph" for step in steps)
    out.info["dpi"] = out.info.get("dpi", (PHONE_DPI, PHONE_DPI) if photo else (300, 300))
    return out, {"level": level, "mode": mode, "steps": steps}
