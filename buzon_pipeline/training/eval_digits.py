"""NSS / phone comb reading on generated volantes, through the production path.

    # 1. cut the comb crops of dev volantes once (about 3 s per volante, one core)
    export OMP_THREAD_LIMIT=1
    .venv/bin/python -m buzon_pipeline.training.eval_digits build --first 100000 --count 500 \
        --out /tmp/digits/dev_cache.npy
    .venv/bin/python -m buzon_pipeline.training.eval_digits build --first 100500 \
        --count 1500 --only-typed --out /tmp/digits/dev_typed.npy
    # 2. score a model on them (seconds)
    .venv/bin/python -m buzon_pipeline.training.eval_digits score /tmp/digits/dev_cache.npy \
        [...] [--model PATH] [--old-code digits_module.py] [--errors] [--misses] [--thresholds]

build: each volante of the chosen seeds goes through what the batch does to a page: greyscale
and 300 dpi (ingest), blank test, prepare (OSD orientation + deskew), template alignment, page
kind; the comb crops are then cut with extract_volante._crop. Test seeds (>= 200 000) are
refused. The writer's font family is not in the truth, so ink.random_writer is wrapped to
record it. score: extract_volante._comb_field (split_comb, DigitModel.read_cells, the Luhn check
and the one-cell repair) on those crops, exact value against the truth.

"raw" counts every value the reader returns (what the harness's fields_all counts); "accepted"
only those at or above the review threshold (min_nss_confidence / min_digit_confidence, 0.80);
"readable" restricts recall to truths the extractor can return at all: an 11-digit NSS (one
failing its check digit is returned as written, flagged) and a 10-digit phone (a broken phone's
truth keeps its 8-9 digits, normalise_phone returns None).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from buzon_pipeline.reading import volante as extract_volante
from buzon_pipeline.reading.digits import DigitModel, split_comb
from buzon_pipeline.reading.form import load_layout
from buzon_pipeline.training.tally import Tally
from buzon_pipeline.training.volante_cache import DPI, aligned_volante, crop_png, decode, on_page

ALLOWED = range(0, 200_000)  # train and dev; never test
FIELDS = (("nss", "min_nss_confidence"), ("telefono", "min_digit_confidence"))
MARGIN_MM = 1.0  # the margin _comb_field cuts around a comb


# --- build ---------------------------------------------------------------------------------


def build(args: argparse.Namespace) -> None:
    from buzon_pipeline.synth import corpus, ink

    seeds = range(args.first, args.first + args.count)
    if seeds.start not in ALLOWED or seeds.stop - 1 not in ALLOWED:
        sys.exit("seeds outside train/dev")
    writers: list = []
    original = ink.random_writer

    def recording(rng, kind, legible=False, hands="anterior"):
        writer = original(rng, kind, legible, hands)
        writers.append(writer)
        return writer

    ink.random_writer = recording
    if args.families:
        # issue 12: handwritten volantes written in a digit_sources split's font families
        # (e.g. the test families, which no training or tuning step sees) instead of the
        # generator's own; typed volantes are unchanged
        from buzon_pipeline.synth import fonts
        from buzon_pipeline.training import digit_sources

        chosen = tuple(
            fonts.FontFamily(f.name, "handwriting", tuple(str(p) for p in f.paths))
            for f in digit_sources.split_families(args.families)
        )
        fonts.FAMILIES = (*(f for f in fonts.FAMILIES if f.kind != "handwriting"), *chosen)
    layout = load_layout()
    records = []
    started = time.perf_counter()
    for seed in seeds:
        # replay the generator's first draws to skip other kinds without rendering them
        rng = random.Random(f"buzon-synth:{seed}")
        if rng.choices([k for k, _ in corpus.MIX], [w for _, w in corpus.MIX])[0] != "volante":
            continue
        if args.only_typed and rng.random() < 0.8:
            continue
        writers.clear()
        # The old five fonts (or the --families override of them), as this script always
        # used: since issue 12 a seed's own split would otherwise choose the hands.
        doc = corpus.generate_document(seed, "anterior")
        truth = doc.truth
        assert truth["kind"] == "volante"
        rec = {
            "seed": seed,
            "font_kind": truth["font_kind"],
            "family": writers[0].family.name,
            "level": truth["degradation"][0]["level"],
            "nss": truth["fields"]["nss"] or "",
            "telefono": truth["fields"]["telefono"] or "",
            "aligned": False,
        }
        aligned = aligned_volante(doc.pages[0], layout, f"doc-{seed}")
        if aligned is not None:
            rec["aligned"] = True
            for name, _ in FIELDS:
                crop = extract_volante._crop(aligned, layout.field(name), DPI, MARGIN_MM)
                rec[f"crop_{name}"] = crop_png(crop)
        records.append(rec)
    np.save(args.out, np.array(records, dtype=object), allow_pickle=True)
    print(f"{len(records)} volantes in {time.perf_counter() - started:.0f} s -> {args.out}")


# --- score ---------------------------------------------------------------------------------


def readable(truth: str | None) -> bool:
    if truth is None:
        return False
    return len(truth) in (10, 11)  # NSS: 11 digits; phone: 10


def score(args: argparse.Namespace) -> None:
    split = split_comb
    if args.old_code:
        # another digits module (e.g. `git show HEAD:buzon_pipeline/reading/digits.py`) for "before"
        spec = importlib.util.spec_from_file_location("other_digits", args.old_code)
        other = importlib.util.module_from_spec(spec)
        sys.modules["other_digits"] = other  # dataclasses look their module up there
        spec.loader.exec_module(other)
        extract_volante.split_comb = split = other.split_comb
        model = other.DigitModel.load(args.model)
    else:
        model = DigitModel.load(args.model)
    from buzon_pipeline.config import Settings

    settings = Settings()
    layout = load_layout()
    records = [r for path in args.caches for r in np.load(path, allow_pickle=True)]
    tallies: dict[tuple[str, str], Tally] = defaultdict(lambda: Tally(readable))
    cells: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    started = time.perf_counter()
    combs = 0
    for rec in records:
        keys = ("all", rec["font_kind"], f"font {rec['family']}")
        for name, _ in FIELDS:
            truth = rec[name] or None
            if not rec["aligned"]:
                for key in keys:
                    tallies[key, name].add(truth, None, 0.0)
                continue
            fspec = layout.field(name)
            crop = decode(rec[f"crop_{name}"])
            field, _ = extract_volante._comb_field(
                on_page(crop, fspec, MARGIN_MM), fspec, DPI, model, is_nss=name == "nss"
            )
            combs += 1
            for key in keys:
                tallies[key, name].add(truth, field.value, field.confidence)
            if args.errors and field.value is not None and field.value != truth:
                print(
                    f"  WRONG {rec['seed']} {rec['family']:<16} {name}: truth={truth} "
                    f"read={field.value} raw={field.raw} conf={field.confidence:.3f}"
                )
            if args.misses and field.value is None and readable(truth):
                print(
                    f"  MISS  {rec['seed']} {rec['family']:<16} {name}: truth={truth} "
                    f"raw={field.raw} conf={field.confidence:.3f}"
                )
            if not readable(truth):
                continue
            n = fspec.cells
            readings = model.read_cells(split(crop, n))
            for i, reading in enumerate(readings):
                want = truth[i] if i < len(truth) else None
                for key in (rec["font_kind"], f"font {rec['family']}"):
                    cells[key].append((reading.digit == want, reading.confidence))
    elapsed = time.perf_counter() - started
    groups = [
        "all",
        "typed",
        "handwriting",
        *sorted({k for k, _ in tallies if k.startswith("font")}),
    ]
    for key in groups:
        for name, setting in FIELDS:
            if (key, name) in tallies:
                thr = getattr(settings, setting)
                print(f"{key:<24} {name:<8} {tallies[key, name].line(thr)}")
    print("\ncells of readable combs:")
    for key in ["typed", "handwriting", *sorted(k for k in cells if k.startswith("font"))]:
        ok = np.array([o for o, _ in cells[key]])
        conf = np.array([c for _, c in cells[key]])
        sure = conf >= 0.9
        print(
            f"  {key:<24} n={len(ok):5d} acc={ok.mean():.4f} mean conf={conf.mean():.3f} "
            f"ece={ece(conf, ok):.3f} | conf>=0.9: {sure.mean():.3f} of cells, "
            f"acc {ok[sure].mean():.4f}"
        )
    if args.thresholds:
        print("\nreview thresholds (accepted = confidence >= threshold):")
        for kind in ("typed", "handwriting"):
            for name, _ in FIELDS:
                for thr in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
                    print(f"  {kind:<12} {name:<8} {tallies[kind, name].line(thr)}")
    print(f"\n{combs} combs scored in {elapsed:.1f} s")


def ece(conf: np.ndarray, ok: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            total += sel.mean() * abs(conf[sel].mean() - ok[sel].mean())
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--first", type=int, default=100_000)
    b.add_argument("--count", type=int, default=500)
    b.add_argument("--only-typed", action="store_true", help="keep typed volantes only")
    b.add_argument("--out", type=Path, required=True)
    b.add_argument(
        "--families", choices=("train", "dev", "test"), default=None, help="handwriting fonts"
    )
    s = sub.add_parser("score")
    s.add_argument("caches", nargs="+", type=Path)
    s.add_argument("--model", type=Path, default=None)
    s.add_argument("--old-code", type=Path, default=None, help="digits.py matching --model")
    s.add_argument("--errors", action="store_true", help="list wrong values")
    s.add_argument("--misses", action="store_true", help="list readable values not returned")
    s.add_argument("--thresholds", action="store_true", help="accepted P/R per threshold")
    args = parser.parse_args()
    build(args) if args.command == "build" else score(args)


if __name__ == "__main__":
    main()
