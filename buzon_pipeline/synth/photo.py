"""Phone photos of a page: the sheet on a surface (wood, desk, granite, fabric, tiles) or in a
hand, hand-held framing (page 55–85 % of the frame, turned, in perspective), uneven light and
cast shadows (issue 13, item 2).

Backgrounds and framings are split by source, as handwriting and printings are: some kinds
appear only in train/dev, the others only in test, so a page detector tuned on dev is measured
on surfaces it has never seen.

`photograph` is one replayable degradation step (`degrade.FUNCTIONS`): every choice is in its
parameters, noise comes from its ``seed``.
"""

from __future__ import annotations

import math
import random
from typing import Any

import cv2
import numpy as np
from PIL import Image

# Surfaces and framings by split (the split a seed belongs to: synth.corpus.SPLITS).
BACKGROUNDS = {
    "seen": ("madera", "escritorio", "granito"),
    "unseen": ("tela", "azulejo"),
}
FRAMINGS = {
    "seen": ("mesa", "sombra"),
    "unseen": ("mano",),
}
PHONE_DPI = 72  # what a phone writes in its JPEGs: no real resolution; ingest estimates one
# Long side of the photo (an 8-megapixel phone, 3264 x 2448): a page far from the camera gets
# fewer dots, as in a real photo; it also bounds the generator's memory.
FRAME_LONG_SIDE = 3264
LETTER_LONG_IN = 11.0


def sources_for(split: str | None) -> str:
    """Test documents get the unseen surfaces and framings; train, dev and samples the others."""
    return "unseen" if split == "test" else "seen"


def plan_photo(rng: random.Random, split: str | None) -> dict[str, Any]:
    """Parameters of one hand-held photo of a page."""
    group = sources_for(split)
    return {
        "background": rng.choice(BACKGROUNDS[group]),
        "framing": rng.choice(FRAMINGS[group]),
        # Long side of the page over the frame's long side.
        "fraction": round(rng.uniform(0.55, 0.85), 3),
        # Resolution the page ends up with in the photo (a phone at arm's length: ~200 dpi).
        "page_dpi": rng.randint(170, 260),  # at most what FRAME_LONG_SIDE allows (photograph)
        "angle": round(rng.uniform(-12, 12), 1),
        "tilt": round(rng.uniform(0.0, 0.07), 3),
        "light": round(rng.uniform(0.1, 0.45), 2),
        "seed": rng.randrange(2**31),
    }


def photograph(
    img: Image.Image,
    background: str,
    framing: str,
    fraction: float,
    page_dpi: int,
    angle: float,
    tilt: float,
    light: float,
    seed: int,
    from_dpi: int = 300,
) -> Image.Image:
    """The page (rendered at ``from_dpi``) photographed: RGB, 4:3 frame, 72 dpi like a phone."""
    rng = np.random.default_rng(seed)
    page = np.asarray(img.convert("RGB"))
    ph, pw = page.shape[:2]
    page_dpi = min(page_dpi, round(fraction * FRAME_LONG_SIDE / LETTER_LONG_IN))
    scale = page_dpi / from_dpi
    page = cv2.resize(page, (round(pw * scale), round(ph * scale)), interpolation=cv2.INTER_AREA)
    ph, pw = page.shape[:2]
    (fw, fh), corners = _place((pw, ph), fraction, angle, tilt, rng)
    frame = surface(background, (fh, fw), rng).astype(np.float32)
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    # White balance and exposure: paper is seldom photographed pure white.
    tint = rng.uniform(0.84, 1.0) * rng.uniform(0.94, 1.04, 3)
    warped = cv2.warpPerspective(
        (page.astype(np.float32) * tint), matrix, (fw, fh), flags=cv2.INTER_LINEAR
    )
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), matrix, (fw, fh))[..., None]
    # A sheet casts a thin shadow on the surface along its lower edge.
    drop = cv2.GaussianBlur(cv2.warpAffine(mask[..., 0], np.float32([[1, 0, 3], [0, 1, 5]]),
                                           (fw, fh)), (0, 0), 4)[..., None]
    frame = frame * (1 - 0.35 * drop * (1 - mask))
    frame = frame * (1 - mask) + warped * mask

    if framing == "mano":
        frame = _hand(frame, corners, rng)
    frame = frame * _light_field((fh, fw), light, rng)[..., None]
    if framing == "sombra":
        frame = frame * _cast_shadow((fh, fw), rng)[..., None]
    out = Image.fromarray(np.clip(frame, 0, 255).astype(np.uint8), "RGB")
    out.info["dpi"] = (PHONE_DPI, PHONE_DPI)
    return out


def page_corners(size: tuple[int, int], params: dict[str, Any], from_dpi: int = 300) -> np.ndarray:
    """Where `photograph` puts the page's corners (TL, TR, BR, BL) in the photo, for tests."""
    rng = np.random.default_rng(params["seed"])
    fraction = params["fraction"]
    page_dpi = min(params["page_dpi"], round(fraction * FRAME_LONG_SIDE / LETTER_LONG_IN))
    scale = page_dpi / from_dpi
    pw, ph = round(size[0] * scale), round(size[1] * scale)
    return _place((pw, ph), fraction, params["angle"], params["tilt"], rng)[1]


def _place(
    size: tuple[int, int], fraction: float, angle: float, tilt: float, rng: np.random.Generator
) -> tuple[tuple[int, int], np.ndarray]:
    """The frame (w, h) and the page corners in it: centred with some play, turned by
    ``angle``, each corner pulled by ``tilt`` (perspective)."""
    pw, ph = size
    long_side = round(max(ph, pw) / fraction)
    short_side = round(long_side * 0.75)
    fw, fh = (short_side, long_side) if ph >= pw else (long_side, short_side)
    cx = fw / 2 + rng.uniform(-0.06, 0.06) * fw
    cy = fh / 2 + rng.uniform(-0.06, 0.06) * fh
    theta = math.radians(angle)
    rot = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])
    half = np.array([[-pw / 2, -ph / 2], [pw / 2, -ph / 2], [pw / 2, ph / 2], [-pw / 2, ph / 2]])
    # Turning makes the page's bounding box larger: shrink it so it stays in the frame.
    corners = half @ rot.T
    extent = np.abs(corners).max(axis=0) * 2
    fit = min(1.0, 0.97 * fw / extent[0], 0.97 * fh / extent[1])
    corners = corners * fit + [cx, cy]
    corners += rng.uniform(-tilt, tilt, (4, 2)) * min(pw, ph) * fit
    corners[:, 0] = np.clip(corners[:, 0], 2, fw - 3)
    corners[:, 1] = np.clip(corners[:, 1], 2, fh - 3)
    return (fw, fh), corners


# -- surfaces ---------------------------------------------------------------------------------


def _noise(shape: tuple[int, int], cell: int, rng: np.random.Generator) -> np.ndarray:
    """Smooth noise in [-1, 1]: random values on a coarse grid, upsampled."""
    h, w = shape
    coarse = rng.uniform(-1, 1, (max(2, h // cell + 2), max(2, w // cell + 2))).astype(np.float32)
    return cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)


def surface(kind: str, shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """An RGB surface of ``shape`` (h, w), float32 0–255."""
    h, w = shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "madera":
        base = np.array(rng.choice([(150, 105, 60), (120, 80, 45), (185, 140, 90), (95, 60, 35)]))
        warp = _noise(shape, max(8, h // 6), rng) * rng.uniform(20, 60)
        period = rng.uniform(10, 28) * h / 1000
        horizontal = rng.random() < 0.5
        along = yy if horizontal else xx
        grain = np.sin((along + warp) / period * 2 * math.pi)
        fine = _noise(shape, 3, rng)
        value = 1 + 0.12 * grain + 0.05 * fine + 0.08 * _noise(shape, max(8, h // 3), rng)
        wood = base[None, None, :] * value[..., None]
        # Planks: seams every so often across the grain.
        plank = rng.uniform(0.2, 0.45) * (h if horizontal else w)
        seam_axis = xx if horizontal else yy
        seams = np.abs(((seam_axis + rng.uniform(0, plank)) % plank) - plank / 2) > plank / 2 - 2
        wood[seams] *= 0.55
        return np.clip(wood, 0, 255)
    if kind == "escritorio":
        base = np.array(rng.choice([(70, 70, 75), (160, 150, 135), (40, 45, 50), (120, 95, 80)]))
        value = 1 + 0.04 * _noise(shape, 2, rng) + 0.06 * _noise(shape, max(8, h // 4), rng)
        desk = base[None, None, :] * value[..., None]
        # Things left on the desk: a pen, a mug's ring, a sticky note's corner.
        for _ in range(rng.integers(1, 4)):
            colour = rng.choice([(20, 20, 120), (200, 200, 210), (30, 30, 30), (220, 200, 60)])
            x, y = int(rng.uniform(0, w)), int(rng.uniform(0, h))
            if rng.random() < 0.5:
                dx, dy = rng.uniform(-0.25, 0.25, 2) * (w, h)
                cv2.line(desk, (x, y), (int(x + dx), int(y + dy)), tuple(map(float, colour)),
                         max(3, h // 250))
            else:
                cv2.circle(desk, (x, y), int(rng.uniform(0.04, 0.08) * w),
                           tuple(map(float, colour)), max(4, h // 150))
        return np.clip(desk, 0, 255)
    if kind == "granito":
        base = np.array(rng.choice([(110, 105, 100), (60, 55, 55), (150, 140, 130)]))
        value = 1 + 0.10 * _noise(shape, 2, rng) + 0.10 * _noise(shape, 5, rng)
        stone = base[None, None, :] * value[..., None]
        flecks = rng.random(shape) < 0.01
        stone[flecks] = rng.choice([(30, 30, 30), (200, 195, 190)])
        return np.clip(cv2.GaussianBlur(stone, (3, 3), 0), 0, 255)
    if kind == "tela":
        base = np.array(rng.choice([(40, 60, 120), (130, 30, 40), (60, 90, 60), (90, 90, 95)]))
        period = rng.uniform(3, 7)
        weave = np.sin(xx / period * math.pi) * np.sin(yy / period * math.pi)
        folds = _noise(shape, max(8, h // 5), rng)
        value = 1 + 0.12 * weave + 0.25 * folds
        return np.clip(base[None, None, :] * value[..., None], 0, 255)
    if kind == "azulejo":
        base = np.array(rng.choice([(200, 195, 185), (170, 180, 190), (150, 120, 100)]))
        tile = rng.uniform(0.12, 0.25) * max(h, w)
        grout = (np.minimum(xx % tile, yy % tile) < max(3, h / 300)).astype(np.float32)
        value = 1 + 0.03 * _noise(shape, 3, rng) + 0.05 * _noise(shape, max(8, h // 3), rng)
        tiles = base[None, None, :] * value[..., None]
        return np.clip(tiles * (1 - 0.45 * grout[..., None]), 0, 255)
    raise ValueError(f"unknown surface: {kind}")


# -- hand, light and shadow -------------------------------------------------------------------


def _hand(frame: np.ndarray, corners: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A hand holding the sheet by one side: palm off the page, thumb over its margin."""
    h, w = frame.shape[:2]
    side = int(rng.integers(0, 4))
    a, b = corners[side], corners[(side + 1) % 4]
    t = rng.uniform(0.3, 0.7)
    grip = a + t * (b - a)
    centre = corners.mean(axis=0)
    outward = grip - centre
    outward /= np.linalg.norm(outward) + 1e-6
    size = 0.09 * max(h, w)
    mask = np.zeros((h, w), np.float32)
    palm = grip + outward * size * 0.9
    cv2.ellipse(mask, (int(palm[0]), int(palm[1])), (int(size), int(size * 0.75)),
                math.degrees(math.atan2(outward[1], outward[0])), 0, 360, 1.0, -1)
    thumb_tip = grip - outward * size * rng.uniform(0.3, 0.6)
    cv2.line(mask, (int(grip[0] + outward[0] * size * 0.3), int(grip[1] + outward[1] * size * 0.3)),
             (int(thumb_tip[0]), int(thumb_tip[1])), 1.0, int(size * 0.35))
    mask = cv2.GaussianBlur(mask, (0, 0), size * 0.05)[..., None]
    skin = np.array(rng.choice([(225, 180, 150), (190, 140, 105), (140, 95, 70), (95, 65, 50)]))
    shade = 1 + 0.15 * _noise((h, w), max(8, int(size // 2)), rng)
    hand = skin[None, None, :] * shade[..., None]
    return frame * (1 - mask) + hand * mask


def _light_field(shape: tuple[int, int], strength: float, rng: np.random.Generator) -> np.ndarray:
    """Multiplicative light: a gradient from the window plus a vignette."""
    h, w = shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, math.tau)
    ramp = (math.cos(ang) * (xx / w - 0.5) + math.sin(ang) * (yy / h - 0.5)) + 0.5
    vignette = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) * 2
    return np.clip(1 - strength * (0.7 * ramp + 0.3 * vignette), 0.35, 1.0)


def _cast_shadow(shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """A soft shadow (the phone, an arm) over part of the frame and page."""
    h, w = shape
    mask = np.zeros((h, w), np.float32)
    x0 = rng.uniform(0.2, 0.8) * w
    pts = np.array([[x0, -10], [x0 + rng.uniform(-0.3, 0.3) * w, h + 10],
                    [w + 10, h + 10], [w + 10, -10]], np.int32)
    if rng.random() < 0.5:
        pts[:, 0] = w - pts[:, 0]
    cv2.fillPoly(mask, [pts], 1.0)
    mask = cv2.GaussianBlur(mask, (0, 0), rng.uniform(0.01, 0.04) * w)
    return 1 - rng.uniform(0.25, 0.5) * mask
