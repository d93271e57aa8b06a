"""Comb digits on writers the model never saw (issue 12): seen vs unseen sources, apart.

    python -m buzon_pipeline.training.digit_sources fetch      # once
    python -m buzon_pipeline.training.eval_digits_unseen --split test [--model PATH]
    python -m buzon_pipeline.training.eval_digits_unseen --split seen [--model PATH]

Splits (digit_sources): `seen` = train-split font families and MNIST train digits (what the
model learnt from, drawn anew), `dev` = dev families and MNIST dev digits (model choice and
temperature), `test` = test families (the eight reserved by issue 12 and four more) and the
reserved last 20 % of every MNIST digit. Run `test` only to report, never to tune.

Reported per split:
(a) MNIST cell accuracy, every digit of the part once: "bare" (the 28x28 image alone as a
    cell crop, the classic MNIST figure) and "in combs" (written in printed combs, degraded
    with the generator's degradation plan, cut by the production `split_comb`);
(b) NSS (11 digits passing the check digit) and phone (10 digits) combs written in the split's
    font families (the generator's own comb writer, corrections included) and with the split's
    MNIST digits pasted in the cells: the strip is degraded, cropped as extract_volante crops
    a comb (1 mm margin), put back on a page and read by `extract_volante._comb_field` (the
    production reader: split_comb, read_cells, check digit and one-cell repair). Recall and
    precision of accepted values (confidence >= the review thresholds, 0.80) and of every
    returned value ("raw").
(c) Accepted NSS values that pass their check digit, by the lowest cell confidence among their
    cells: whether a Luhn-passing number with doubtful cells is right.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict

import cv2
import numpy as np

from buzon_pipeline.config import Settings
from buzon_pipeline.core.rules import nss_is_valid
from buzon_pipeline.reading import volante as extract_volante
from buzon_pipeline.reading.digits import DigitModel, split_comb
from buzon_pipeline.reading.form import load_layout
from buzon_pipeline.synth import volante as synth_volante
from buzon_pipeline.synth.people import make_nss
from buzon_pipeline.training import digit_sources
from buzon_pipeline.training import train_digits as td
from buzon_pipeline.training.volante_cache import DPI, on_page

SPLITS = {"seen": ("train", "train"), "dev": ("dev", "dev"), "test": ("test", "reserved")}
CORRECTION_RATE = 0.05  # as the corpus: a handwritten comb with one digit corrected
MARGIN_MM = 1.0
SWEEP = (0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99)


def make_text(name: str, rng: random.Random) -> str:
    if name == "nss":
        return make_nss(rng, valid=True)
    first = rng.choice("23456789")  # Mexican numbers do not start with 0 or 1
    return first + "".join(str(rng.randrange(10)) for _ in range(9))


def read_comb(crop: np.ndarray, name: str, model: DigitModel) -> tuple:
    fspec = load_layout().field(name)
    field, _ = extract_volante._comb_field(
        on_page(crop, fspec, MARGIN_MM), fspec, DPI, model, is_nss=name == "nss"
    )
    readings = model.read_cells(split_comb(crop, fspec.cells or 1))
    return field, readings


def mnist_bare(model: DigitModel, part: str) -> float:
    images, labels = digit_sources.mnist_digits(part)
    cells = [
        np.pad((255 - image * 255).astype(np.uint8), 6, constant_values=255) for image in images
    ]
    cells = [cv2.resize(c, (80, 100), interpolation=cv2.INTER_LINEAR) for c in cells]
    readings = model.read_cells(cells)
    pred = np.array([-1 if r.digit is None else int(r.digit) for r in readings])
    return float(np.mean(pred == labels))


def mnist_in_combs(model: DigitModel, part: str, tag: str) -> float:
    """Every digit of the part once, written in combs in a fixed shuffled order."""
    images, labels = digit_sources.mnist_digits(part)
    order = np.random.default_rng(12).permutation(len(labels))
    ok = total = 0
    position, comb = 0, 0
    while position < len(order):
        rng = random.Random(f"unseen-mnist-cells:{tag}:{comb}")
        name = "nss" if comb % 2 == 0 else "telefono"
        strip, spec = td._blank_strip(name)
        batch = order[position : position + (spec.cells or 1)]
        position += len(batch)
        comb += 1
        kept = [(td.mnist_glyph(images[i]), int(labels[i])) for i in batch]
        kept = [(g, d) for g, d in kept if g is not None]
        text = "".join(str(d) for _, d in kept)
        canvas = strip.copy()
        td.write_pasted_comb(canvas, spec, text, (), rng, chosen=[g for g, _ in kept])
        readings = model.read_cells(split_comb(td.comb_crop(canvas, spec, rng), spec.cells or 1))
        for i, digit in enumerate(text):
            ok += readings[i].digit == digit
            total += 1
    return ok / max(total, 1)


def field_eval(model: DigitModel, split: str, combs: int, settings: Settings) -> None:
    family_split, mnist_part = SPLITS[split]
    pool = digit_sources.split_families(family_split)
    glyphs = td.mnist_glyph_pools(mnist_part)
    thresholds = {"nss": settings.min_nss_confidence, "telefono": settings.min_digit_confidence}
    stats: dict[tuple[str, str], list[tuple[str, str | None, float]]] = defaultdict(list)
    luhn: list[tuple[float, int, bool]] = []
    per_family: dict[str, list[bool]] = defaultdict(list)
    for index in range(combs):
        for source in ("fonts", "mnist"):
            rng = random.Random(f"unseen-comb:{split}:{source}:{index}")
            name = "nss" if index % 2 == 0 else "telefono"
            strip, spec = td._blank_strip(name)
            text = make_text(name, rng)
            canvas = strip.copy()
            family = "mnist"
            if source == "fonts":
                fam = pool[index // 2 % len(pool)]
                family = fam.name
                writer = td.family_writer(td.ink.random_writer(rng, "handwriting"), fam)
                correction = rng.random() < CORRECTION_RATE
                synth_volante._comb(canvas, td._OneField(spec), name, text, writer, rng, correction)
            else:
                td.write_pasted_comb(canvas, spec, text, glyphs, rng)
            crop = td.comb_crop(canvas, spec, rng)
            field, readings = read_comb(crop, name, model)
            stats[source, name].append((text, field.value, field.confidence))
            accepted = field.value is not None and field.confidence >= thresholds[name]
            per_family[f"{source} {family} {name}"].append(accepted and field.value == text)
            if name == "nss" and accepted and nss_is_valid(field.value):
                written = [r.confidence for r in readings if r.digit is not None]
                doubtful = sum(c < thresholds[name] for c in written)
                luhn.append((min(written) if written else 0.0, doubtful, field.value == text))
    print(f"\n(b) comb fields, split '{split}' ({len(pool)} families, MNIST {mnist_part}):")
    for (source, name), rows in sorted(stats.items()):
        thr = thresholds[name]
        n = len(rows)
        raw_right = sum(v == t for t, v, _ in rows)
        raw_given = sum(v is not None for _, v, _ in rows)
        acc = [(t, v) for t, v, c in rows if v is not None and c >= thr]
        right = sum(t == v for t, v in acc)
        print(
            f"  {source:<6} {name:<9} n={n:4d}  accepted@{thr:.2f}: recall {right / n:6.1%} "
            f"precision {right / max(len(acc), 1):6.1%} ({len(acc) - right} wrong of "
            f"{len(acc)})  | raw: recall {raw_right / n:6.1%} precision "
            f"{raw_right / max(raw_given, 1):6.1%}"
        )
        if name == "nss":
            # what is trusted without review: accepted and passing the check digit (an NSS
            # kept as written despite failing it is flagged for review by validate)
            ok = [(t, v) for t, v in acc if nss_is_valid(v)]
            good = sum(t == v for t, v in ok)
            print(
                f"  {source:<6} {name:<9}        accepted and passing the check digit: "
                f"recall {good / n:6.1%} precision {good / max(len(ok), 1):6.1%} "
                f"({len(ok) - good} wrong of {len(ok)})"
            )
    # Threshold sweep (choose on dev only): an NSS is trusted when it passes the check digit
    # and its confidence reaches the cut; a phone when its weakest cell does.
    print("  sweep of the acceptance cut (recall / precision / wrong):")
    for (source, name), rows in sorted(stats.items()):
        cells = []
        for cut in SWEEP:
            acc = [(t, v) for t, v, c in rows if v is not None and c >= cut]
            if name == "nss":
                acc = [(t, v) for t, v in acc if nss_is_valid(v)]
            right = sum(t == v for t, v in acc)
            cells.append(
                f"{cut:.2f}: {right / len(rows):5.1%}/{right / max(len(acc), 1):6.1%}/"
                f"{len(acc) - right}"
            )
        print(f"    {source:<6} {name:<9} " + "  ".join(cells))
    print("  accepted-and-right rate per family:")
    for key in sorted(per_family):
        values = per_family[key]
        print(f"    {key:<44} {np.mean(values):6.1%} of {len(values)}")
    print("\n(c) accepted NSS that pass the check digit as read, by lowest cell confidence:")
    bands = ((0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01))
    for lo, hi in bands:
        sel = [ok for c, _, ok in luhn if lo <= c < hi]
        if sel:
            print(
                f"    min cell conf {lo:.1f}-{min(hi, 1):.1f}: {len(sel):4d} accepted, "
                f"{len(sel) - sum(sel)} wrong"
            )
    for count in (0, 1, 2):
        sel = [ok for _, d, ok in luhn if (d == count if count < 2 else d >= 2)]
        if sel:
            label = f"{count} cells" if count < 2 else ">= 2 cells"
            print(
                f"    {label} below {thresholds['nss']:.2f}: {len(sel):4d} accepted, "
                f"{len(sel) - sum(sel)} wrong"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=tuple(SPLITS), required=True)
    parser.add_argument("--model", default=None)
    parser.add_argument("--combs", type=int, default=400, help="per source (fonts, MNIST)")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    started = time.perf_counter()
    model = DigitModel.load(args.model)
    settings = Settings()
    _, part = SPLITS[args.split]
    print(f"model {args.model or 'models/digitos.npz'}, split {args.split}")
    print(f"(a) MNIST {part}: bare cells acc {mnist_bare(model, part):.4f}; ", end="", flush=True)
    print(f"in degraded combs acc {mnist_in_combs(model, part, args.split):.4f}")
    field_eval(model, args.split, args.combs, settings)
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
