"""Synthetic handwritten nombre / correo lines for the line recogniser (issue 12 item 4).

Each sample is written the way the volante generator writes those boxes (`synth.volante`:
size, squeeze, baseline, tilt, the writer's slant and pressure) on a strip of the printed blank
form, degraded like a scanned or photographed page, then cut exactly as the reader cuts it
(`reading.volante`: 1 mm margin, printed lines removed, `isolate_writing`) and turned into the
network's input by `reading.handwriting.line_image`.

On top of the generator, augmentation imitates people rather than fonts: elastic distortion,
thicker or thinner strokes, a wavy baseline, extra slant, descenders across the bottom rule,
misalignment of the crop, blur, noise and JPEG.

The hands come from `synth.hands`' split only: train for training, dev for choosing the cut;
the test families are refused here.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageFilter

from buzon_pipeline.reading.form import box_to_px, load_layout, mm_to_px, render_blank
from buzon_pipeline.reading.handwriting import encodable, label_text, line_image
from buzon_pipeline.reading.volante import MIN_INK_SHARE, _ink_share, _remove_lines
from buzon_pipeline.reading.volante_text import isolate_writing
from buzon_pipeline.synth import ink, people

DPI = 300
STRIP_MARGIN_MM = 6.0  # form around the box: the labels above, the next box's line below
CROP_MARGIN_MM = 1.0  # what reading.volante._text_field cuts around a text box
ALLOWED_SPLITS = ("train", "dev")

# Names beyond synth.people's lists, so the network learns letters, not a fixed lexicon.
EXTRA_GIVEN = (
    "Abigail", "Aurelio", "Baltazar", "Berenice", "Cristóbal", "Damián", "Dulce", "Epifanio",
    "Esperanza", "Fidel", "Florencia", "Gilberto", "Heriberto", "Hortensia", "Ignacio",
    "Jacinto", "Karla", "Leonardo", "Lourdes", "Macario", "Marisol", "Maximiliano", "Noemí",
    "Octavio", "Pascual", "Perla", "Quetzalli", "Rigoberto", "Rosalba", "Saúl", "Tonatiuh",
    "Ulises", "Wendy", "Yadira", "Zenaida", "Bernardo", "Consuelo", "Evelyn", "Kevin", "Paola",
)
EXTRA_SURNAMES = (
    "Alvarado", "Barrera", "Benítez", "Calderón", "Cázares", "Duarte", "Escamilla", "Figueroa",
    "Gallegos", "Huerta", "Iturbide", "Jaramillo", "Ledesma", "Macías", "Nájera", "Olmos",
    "Pineda", "Quiroz", "Rangel", "Saldaña", "Tapia", "Uribe", "Valencia", "Villegas",
    "Zavala", "Zepeda", "Cuevas", "Esquivel", "Hidalgo", "Lozano", "Meza", "Osorio", "Padilla",
    "Rocha", "Serrano", "Toledo", "Vega", "Yépez", "Báez", "Chimal",
)
SYLLABLES = ("ba", "be", "ca", "co", "da", "de", "fa", "ga", "go", "ja", "la", "le", "li", "ma",
             "me", "mo", "na", "ni", "pa", "pe", "ra", "re", "ro", "sa", "so", "ta", "te", "to",
             "va", "xo", "ya", "za", "tla", "cua", "hue", "chi", "rr", "ll", "ñe", "qui", "gu")


def _pseudo_word(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    if rng.random() < 0.4:
        word += rng.choice("snzlr")
    return word.capitalize()


def _name_text(rng: random.Random) -> str:
    person = people.make_person(rng)
    draw = rng.random()
    if draw < 0.6:
        return person.full_name
    given = rng.choice(EXTRA_GIVEN + people.NOMBRES_F + people.NOMBRES_M)
    last = [rng.choice(EXTRA_SURNAMES + people.APELLIDOS) for _ in range(2)]
    if draw < 0.85:
        return " ".join([given, *last])
    words = [_pseudo_word(rng) for _ in range(rng.randint(2, 4))]
    return " ".join(words)


def _email_text(rng: random.Random) -> str:
    person = people.make_person(rng, email_valid=rng.random() > 0.12)
    if rng.random() < 0.25:
        user = _pseudo_word(rng).lower() + rng.choice(("", ".", "_", "")) + (
            str(rng.randint(1, 2024)) if rng.random() < 0.5 else _pseudo_word(rng).lower())
        return f"{user}@{rng.choice(people.DOMINIOS)}"
    return person.email


@lru_cache(maxsize=2)
def _strip(field: str) -> tuple[Image.Image, tuple[int, int, int, int], tuple[int, int]]:
    """The blank form around a box, the box in strip pixels and the strip's page origin."""
    layout = load_layout()
    page = render_blank(layout, DPI).convert("L")
    x0, y0, x1, y1 = box_to_px(layout.field(field).box, DPI)
    m = round(mm_to_px(STRIP_MARGIN_MM, DPI))
    sx, sy = max(0, x0 - m), max(0, y0 - m)
    strip = page.crop((sx, sy, min(page.width, x1 + m), min(page.height, y1 + m)))
    return strip, (x0 - sx, y0 - sy, x1 - sx, y1 - sy), (sx, sy)


def _px(mm: float) -> float:
    return mm_to_px(mm, DPI)


def _elastic(mask: np.ndarray, rng: np.random.Generator, alpha: float, sigma: float) -> np.ndarray:
    h, w = mask.shape
    dx = cv2.GaussianBlur(rng.uniform(-1, 1, (h, w)).astype(np.float32), (0, 0), sigma) * alpha
    dy = cv2.GaussianBlur(rng.uniform(-1, 1, (h, w)).astype(np.float32), (0, 0), sigma) * alpha
    xs, ys = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    return cv2.remap(mask, xs + dx, ys + dy, cv2.INTER_LINEAR, borderValue=0)


def _augment_mask(mask: Image.Image, size: float, rng: random.Random) -> Image.Image:
    """People, not fonts: stroke width, a wavy baseline, elastic wobble, extra slant."""
    if rng.random() < 0.3:
        mask = mask.filter(ImageFilter.MaxFilter(3 if rng.random() < 0.7 else 5))
    elif rng.random() < 0.12:
        mask = mask.filter(ImageFilter.MinFilter(3))
    arr = np.asarray(mask, dtype=np.float32)
    nrng = np.random.default_rng(rng.randrange(2**31))
    if rng.random() < 0.5:
        h, w = arr.shape
        amp = rng.uniform(0.02, 0.09) * size
        period = rng.uniform(3, 10) * size
        phase = rng.uniform(0, 2 * math.pi)
        shift = amp * np.sin(2 * math.pi * np.arange(w) / period + phase)
        xs, ys = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
        arr = cv2.remap(arr, xs, (ys - shift[None, :]).astype(np.float32), cv2.INTER_LINEAR,
                        borderValue=0)
    if rng.random() < 0.6:
        arr = _elastic(arr, nrng, alpha=rng.uniform(0.03, 0.09) * size,
                       sigma=rng.uniform(0.12, 0.25) * size)
    if rng.random() < 0.3:
        s = rng.uniform(-0.15, 0.15)
        h, w = arr.shape
        grow = math.ceil(abs(s) * h)
        m = np.float32([[1, s, max(0.0, -s) * h - s * h / 2 + grow / 2], [0, 1, 0]])
        arr = cv2.warpAffine(arr, m, (w + grow, h), flags=cv2.INTER_LINEAR, borderValue=0)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _write(strip: Image.Image, box: tuple[int, int, int, int], text: str, writer: ink.Writer,
           rng: random.Random) -> None:
    """synth.volante._text_field on a strip, with the augmented mask pasted instead."""
    x0, _, x1, y1 = box
    size = _px(rng.uniform(5.2, 6.4))
    width = ink.text_width(text, writer, size)
    room = (x1 - x0) - _px(3)
    if width > room and rng.random() < 0.7:
        size *= max(0.6, room / width)
    # Descenders across the bottom rule now and then (people do not aim at the box).
    low = rng.uniform(0.3, 1.2) if rng.random() < 0.15 else rng.uniform(1.6, 2.6)
    baseline_y = y1 - _px(low)
    x = x0 + _px(rng.uniform(1.0, 4.0))
    tilt = rng.gauss(0, 0.6)
    mask, baseline, origin = ink.render_line(text, writer, size, rng)
    mask = _augment_mask(mask, size * writer.size_scale, rng)
    mask, baseline = ink.tilt_line(mask, baseline, origin, tilt)
    ink.paste_ink(strip, mask, (x - origin, baseline_y - baseline), writer.ink)


def _degrade(gray: np.ndarray, rng: random.Random) -> np.ndarray:
    """What a scanner or a phone leaves on the strip, after the page was deskewed and aligned."""
    out = gray.astype(np.float32)
    h, w = out.shape
    if rng.random() < 0.5:  # residual rotation after deskew
        m = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-0.5, 0.5), 1.0)
        out = cv2.warpAffine(out, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    if rng.random() < 0.2:  # uneven light or a grey copy
        gain = np.linspace(rng.uniform(0.75, 1.0), rng.uniform(0.75, 1.0), w, dtype=np.float32)
        out = out * gain[None, :] + rng.uniform(-15, 10)
    if rng.random() < 0.15:  # 150 dpi scan brought back to 300
        small = cv2.resize(out, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
        out = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.55:
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.3, 1.4))
    if rng.random() < 0.5:
        noise = np.random.default_rng(rng.randrange(2**31)).standard_normal(out.shape)
        out = out + noise.astype(np.float32) * rng.uniform(1.5, 9)
    if rng.random() < 0.3:  # dust specks
        nrng = np.random.default_rng(rng.randrange(2**31))
        for _ in range(rng.randint(1, 12)):
            cx, cy = int(nrng.integers(0, w)), int(nrng.integers(0, h))
            cv2.circle(out, (cx, cy), int(nrng.integers(1, 3)), float(nrng.integers(0, 120)), -1)
    out = np.clip(out, 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        _ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(40, 90)])
        out = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
    return out


def make_sample(rng: random.Random, split: str) -> tuple[np.ndarray, str] | None:
    """One (network input, label) pair, or None when the reader would find no ink to read."""
    if split not in ALLOWED_SPLITS:
        raise ValueError(f"line samples are made from train or dev hands only, not {split!r}")
    field = "nombre" if rng.random() < 0.5 else "correo"
    writer = ink.random_writer(rng, "handwriting", hands=split)
    if field == "nombre":
        text = _name_text(rng)
        text = text.upper() if writer.capitals else text
    else:
        text = _email_text(rng)
    label = label_text(text)
    if not encodable(label):
        return None
    base, box, _ = _strip(field)
    strip = base.convert("RGB")  # a blue pen turns grey as the scan's luminance says
    _write(strip, box, text, writer, rng)
    # The reader's crop: the box with its margin, shifted by the alignment's error (only that
    # part is degraded: the same pixels, a quarter of the work).
    m = round(_px(CROP_MARGIN_MM))
    dx, dy = round(rng.gauss(0, _px(0.4))), round(rng.gauss(0, _px(0.4)))
    x0, y0, x1, y1 = box
    window = (max(0, x0 - m + dx), max(0, y0 - m + dy), x1 + m + dx, y1 + m + dy)
    crop = _remove_lines(_degrade(np.asarray(strip.crop(window).convert("L")), rng))
    if _ink_share(crop) < MIN_INK_SHARE:
        return None
    image = line_image(isolate_writing(crop, DPI))
    if image is None:
        return None
    return image, label


def make_set(split: str, count: int, seed: int,
             out: Path | None = None) -> tuple[list[np.ndarray], list[str]]:
    """``count`` samples; with ``out``, saved there every 1000 (a long run can be used early)."""
    rng = random.Random(f"renglones:{split}:{seed}")
    images: list[np.ndarray] = []
    labels: list[str] = []
    started = time.perf_counter()
    while len(images) < count:
        sample = make_sample(rng, split)
        if sample is None:
            continue
        images.append(sample[0])
        labels.append(sample[1])
        if len(images) % 1000 == 0:
            if out is not None:
                save(out, images, labels)
            print(f"  {split}: {len(images)} lines, {time.perf_counter() - started:.0f} s",
                  flush=True)
    return images, labels


def save(path: Path, images: list[np.ndarray], labels: list[str]) -> None:
    widths = np.array([im.shape[1] for im in images], dtype=np.int32)
    pixels = np.concatenate([(im * 255).round().astype(np.uint8) for im in images], axis=1)
    partial = path.with_name(path.name + ".part.npz")
    np.savez_compressed(partial, pixels=pixels, widths=widths, labels=np.array(labels))
    partial.replace(path)  # a trainer reading a growing set never sees half a file


def load(path: Path) -> tuple[list[np.ndarray], list[str]]:
    with np.load(path, allow_pickle=False) as data:
        pixels, widths, labels = data["pixels"], data["widths"], data["labels"]
    ends = np.cumsum(widths)
    images = [pixels[:, e - w : e].astype(np.float32) / 255 for e, w in zip(ends, widths,
                                                                            strict=True)]
    return images, [str(x) for x in labels]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=ALLOWED_SPLITS, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    images, labels = make_set(args.split, args.count, args.seed, args.out)
    save(args.out, images, labels)
    print(f"{len(images)} lines -> {args.out}")


if __name__ == "__main__":
    main()
