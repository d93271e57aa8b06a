"""Nombre / correo zone reading on generated volantes, through the production path.

    # 1. cut the text-zone crops of dev volantes once (about 3 s per volante, one core)
    export OMP_THREAD_LIMIT=1
    .venv/bin/python -m buzon_pipeline.training.eval_fields build --first 100000 --count 500 \
        --out /tmp/campos/dev_a.npy
    # 2. score the production zone reader on them (about 0.3 s per zone)
    .venv/bin/python -m buzon_pipeline.training.eval_fields score /tmp/campos/dev_a.npy \
        [...] [--limit N] [--field correo] [--errors] [--misses] [--thresholds]

build: each volante of the chosen seeds goes through what the batch does to a page: greyscale
and 300 dpi (ingest), blank test, prepare (OSD orientation + deskew), template alignment, page
kind; the nombre and correo zones are then cut from the aligned page with a wide margin. Test
seeds (>= 200 000) are refused. score: the cached crop is put back where it was cut on a white
page and extract_volante._text_field (the production reader) reads it; its value is compared
with the truth the way evaluation.metrics does (names ignore case, accents and spacing).

"raw" counts every value the reader returns (what the harness's fields_all counts); "accepted"
only those at or above the review threshold (Settings.min_field_confidence); "readable" limits
recall to truths the extractor may return at all: a broken address (missing "@", comma for a
dot, domain without TLD...) must come out as None, so it is out of the e-mail's readable set.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from buzon_pipeline.core.rules import email_is_valid
from buzon_pipeline.evaluation.metrics import canonical
from buzon_pipeline.reading import volante as extract_volante
from buzon_pipeline.reading.form import load_layout
from buzon_pipeline.training.tally import Tally
from buzon_pipeline.training.volante_cache import (
    DPI,
    aligned_volante,
    crop_png,
    decode,
    is_volante_seed,
    on_page,
)

ALLOWED = range(0, 200_000)  # train and dev; never test
FIELDS = ("nombre", "correo")
MARGIN_MM = 4.0  # cached around the box, wider than any margin the reader uses


# --- build ---------------------------------------------------------------------------------


def build(args: argparse.Namespace) -> None:
    from buzon_pipeline.synth import corpus

    seeds = range(args.first, args.first + args.count)
    if seeds.start not in ALLOWED or seeds.stop - 1 not in ALLOWED:
        sys.exit("seeds outside train/dev")
    layout = load_layout()
    records = []
    started = time.perf_counter()
    for seed in seeds:
        if not is_volante_seed(seed):
            continue
        doc = corpus.generate_document(seed)
        truth = doc.truth
        rec = {
            "seed": seed,
            "font_kind": truth["font_kind"],
            "level": truth["degradation"][0]["level"],
            "aligned": False,
            **{name: truth["fields"][name] for name in FIELDS},
        }
        aligned = aligned_volante(doc.pages[0], layout, f"doc-{seed}")
        if aligned is not None:
            rec["aligned"] = True
            for name in FIELDS:
                crop = extract_volante._crop(aligned, layout.field(name), DPI, MARGIN_MM)
                rec[f"crop_{name}"] = crop_png(crop)
        records.append(rec)
        if len(records) % 25 == 0:  # a long build can be scored before it ends
            np.save(args.out, np.array(records, dtype=object), allow_pickle=True)
            print(f"  {len(records)} volantes, {time.perf_counter() - started:.0f} s", flush=True)
    np.save(args.out, np.array(records, dtype=object), allow_pickle=True)
    print(f"{len(records)} volantes in {time.perf_counter() - started:.0f} s -> {args.out}")


# --- score ---------------------------------------------------------------------------------


def readable(name: str, truth: str | None) -> bool:
    if truth is None:
        return False
    return email_is_valid(truth) if name == "correo" else True


def score(args: argparse.Namespace) -> None:
    from buzon_pipeline.config import Settings

    thr = Settings().min_field_confidence
    layout = load_layout()
    records = [r for path in args.caches for r in np.load(path, allow_pickle=True)]
    if args.limit:
        records = records[: args.limit]
    fields = [args.field] if args.field else list(FIELDS)
    tallies: dict[tuple[str, str], Tally] = {}
    started = time.perf_counter()
    zones = 0
    for rec in records:
        for name in fields:
            truth = rec[name]
            keys = ("all", rec["font_kind"])
            for key in keys:
                tallies.setdefault((key, name), Tally(lambda t, n=name: readable(n, t)))
            if not rec["aligned"]:
                for key in keys:
                    tallies[key, name].add(canonical(name, truth), None, 0.0)
                continue
            spec = layout.field(name)
            page = on_page(decode(rec[f"crop_{name}"]), spec, MARGIN_MM)
            field = extract_volante._text_field(page, spec, 300, name)
            zones += 1
            want, got = canonical(name, truth), canonical(name, field.value)
            for key in keys:
                tallies[key, name].add(want, got, field.confidence)
            tag = f"{rec['seed']} {rec['font_kind'][:4]} {name}"
            if args.errors and got is not None and got != want:
                mark = "WRONG" if field.confidence >= thr else "wrong"
                print(
                    f"  {mark} {tag}: truth={truth!r} read={field.value!r} raw={field.raw!r} "
                    f"conf={field.confidence:.3f}"
                )
            seen = f"truth={truth!r} raw={field.raw!r} conf={field.confidence:.3f}"
            if args.misses and got is None and readable(name, want):
                print(f"  MISS  {tag}: {seen}")
            if args.low and got is not None and got == want and field.confidence < thr:
                print(f"  LOW   {tag}: {seen}")
    elapsed = time.perf_counter() - started
    for key in ("all", "typed", "handwriting"):
        for name in fields:
            if (key, name) in tallies:
                print(f"{key:<12} {name:<7} {tallies[key, name].line(thr)}")
    if args.thresholds:
        print("\nreview thresholds (accepted = confidence >= threshold):")
        for kind in ("typed", "handwriting"):
            for name in fields:
                for t in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
                    print(f"  {kind:<12} {name:<7} {tallies[kind, name].line(t)}")
    print(f"\n{zones} zones scored in {elapsed:.1f} s ({elapsed / max(zones, 1):.2f} s/zone)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--first", type=int, default=100_000)
    b.add_argument("--count", type=int, default=500)
    b.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("caches", nargs="+", type=Path)
    s.add_argument("--limit", type=int, default=0, help="first N volantes only (quick runs)")
    s.add_argument("--field", choices=FIELDS, default=None)
    s.add_argument("--errors", action="store_true", help="list wrong values")
    s.add_argument("--misses", action="store_true", help="list readable values not returned")
    s.add_argument("--low", action="store_true", help="list right values below the threshold")
    s.add_argument("--thresholds", action="store_true", help="accepted P/R per threshold")
    args = parser.parse_args()
    build(args) if args.command == "build" else score(args)


if __name__ == "__main__":
    main()
