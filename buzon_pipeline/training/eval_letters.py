"""Nombre / NSS / teléfono / correo extraction on generated escritos libres (dev only).

    # 1. read the dev letters once through the production page path (a few s per page)
    export OMP_THREAD_LIMIT=1
    .venv/bin/python -m buzon_pipeline.training.eval_letters build --first 100000 --count 1000 \
        --out /tmp/cartas/dev.pkl [--jobs 2]
    # 2. score the extraction on the cached readings (seconds)
    .venv/bin/python -m buzon_pipeline.training.eval_letters score /tmp/cartas/dev*.pkl \
        [--errors] [--misses] [--reread --jobs 2]
    # handwriting by writer (issue 12 item 5): the same dev seeds' handwritten letters written
    # in the families of one split (train: seen; dev; test: unseen, report only)
    .venv/bin/python -m buzon_pipeline.training.eval_letters build --first 100000 --count 400 \
        --hands test --handwritten-only --out /tmp/cartas/unseen.pkl

build: each escrito libre of the chosen seeds goes through what the batch does to a page:
greyscale at the working dpi (ingest._normalise_frame), blank test, prepare (OSD + deskew),
template alignment and page kind, then letter_page.read_letter_page (analyze's non-volante
branch). The prepared page and its reading (text, word spans and confidences) are cached.
Test seeds (>= 200 000) are refused: never look at them. ``--hands`` writes the chosen
(train/dev) seeds in the handwriting families of another split (`synth.hands`); with
``--hands test`` the hands are unseen by every model while the content stays dev content, and
the figure is for reporting, never for choosing a threshold. ``--handwritten-only`` skips the
typed letters without rendering them.

score: extract_letter.extract_letter on the cached readings, exact value against the truth
(names compared like evaluation.metrics.canonical: case, accents and spacing ignored).
"raw" counts every value returned; "accepted" only those at or above min_field_confidence
(what validate() lets through without a low-confidence remark). --reread runs
read_letter_page again on the cached prepared pages, to measure a change of the page reading
without repeating the OSD and alignment.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import pickle
import random
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image

from buzon_pipeline.core.vocab import CONTACT_DATA
from buzon_pipeline.evaluation.metrics import canonical
from buzon_pipeline.training.tally import Tally

ALLOWED = range(0, 200_000)  # train and dev; never test
FIELDS = CONTACT_DATA


# --- build ---------------------------------------------------------------------------------


def _is_letter(seed: int) -> bool:
    from buzon_pipeline.synth import corpus

    # replay the generator's first draw to skip other kinds without rendering them
    rng = random.Random(f"buzon-synth:{seed}")
    return rng.choices([k for k, _ in corpus.MIX], [w for _, w in corpus.MIX])[0] == (
        "escrito_libre"
    )


def _is_handwritten(seed: int) -> bool:
    """Replay make_letter's first draw (after the kind): whether the letter is handwritten."""
    from buzon_pipeline.synth import corpus

    rng = random.Random(f"buzon-synth:{seed}")
    rng.choices([k for k, _ in corpus.MIX], [w for _, w in corpus.MIX])
    return rng.random() < 0.55  # as synth.documents.make_letter


def _png(gray: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, "PNG", optimize=False, compress_level=3)
    return buf.getvalue()


def _build_one(job: int | tuple[int, str | None]) -> dict:
    seed, hands = job if isinstance(job, tuple) else (job, None)
    from buzon_pipeline.config import Settings
    from buzon_pipeline.core.model import Kind, Page
    from buzon_pipeline.reading import ocr
    from buzon_pipeline.reading.align import align_to_template
    from buzon_pipeline.reading.form import load_layout
    from buzon_pipeline.reading.ingest import _normalise_frame
    from buzon_pipeline.reading.letter_page import read_letter_page
    from buzon_pipeline.reading.pagetype import is_blank, page_kind
    from buzon_pipeline.reading.preprocess import blank_test_view, crop_photo_page, prepare
    from buzon_pipeline.synth import corpus

    settings = Settings()
    layout = load_layout()
    doc = corpus.generate_document(seed, hands)
    truth = doc.truth
    rec = {
        "seed": seed,
        "hands": (truth.get("mano") or {}).get("particion"),
        "font_kind": truth["font_kind"],
        "subtipo": truth["subtipo"],
        "truth": {name: truth["fields"].get(name) for name in FIELDS},
        "pages": [],
    }
    for number, image in enumerate(doc.pages, start=1):
        gray, dpi = _normalise_frame(image, settings)
        page = Page(f"doc-{seed}", "x", number, gray, dpi)
        view = crop_photo_page(page.image, page.dpi)  # as analyze does: photos first
        entry: dict = {"blank": is_blank(blank_test_view(page, view), page.dpi), "volante": False}
        if not entry["blank"]:
            prepared = prepare(page, view=view)
            alignment = align_to_template(prepared.gray, page.dpi, layout)
            if page_kind(alignment) is Kind.VOLANTE:
                entry["volante"] = True
            else:
                started = time.perf_counter()
                entry["reading"] = read_letter_page(prepared.gray, page.dpi, _digit_model())
                entry["seconds"] = time.perf_counter() - started
                # the plain full-page reading, for --reread without repeating it
                entry["page_ocr"] = ocr.read(prepared.gray, psm=3)
                entry["page_seconds"] = time.perf_counter() - started - entry["seconds"]
                entry["gray"] = _png(prepared.gray)
                entry["dpi"] = page.dpi
        rec["pages"].append(entry)
    return rec


def build(args: argparse.Namespace) -> None:
    seeds = range(args.first, args.first + args.count)
    if seeds.start not in ALLOWED or seeds.stop - 1 not in ALLOWED:
        sys.exit("seeds outside train/dev")
    letters = [s for s in seeds if _is_letter(s)]
    if args.handwritten_only:
        letters = [s for s in letters if _is_handwritten(s)]
    jobs = [(s, args.hands) for s in letters]
    started = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    records = []
    with ProcessPoolExecutor(args.jobs) as pool:
        for rec in pool.map(_build_one, jobs, chunksize=1):
            records.append(rec)
            if len(records) % 10 == 0 or len(records) == len(letters):
                # checkpoint: a long build can be scored while it runs
                with open(args.out, "wb") as fh:
                    pickle.dump(records, fh)
                print(
                    f"{len(records)}/{len(letters)} {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
    print(f"{len(records)} letters in {time.perf_counter() - started:.0f} s -> {args.out}")


# --- score ---------------------------------------------------------------------------------


_MODEL = None


def _digit_model():
    from buzon_pipeline.reading.digits import DigitModel

    global _MODEL
    if _MODEL is None:
        _MODEL = DigitModel.load()
    return _MODEL


def _reread_one(job: tuple[dict, bool]) -> tuple:
    from buzon_pipeline.reading import ocr
    from buzon_pipeline.reading.letter_page import read_letter_page

    entry, full = job
    model = _digit_model()
    gray = np.asarray(Image.open(io.BytesIO(entry["gray"])).convert("L"))
    page_ocr = None
    if not full:
        cached = entry["page_ocr"]
        page_ocr = ocr.OcrResult(cached.text, cached.confidence, cached.words, cached.spans)
    started = time.perf_counter()
    reading = read_letter_page(gray, entry["dpi"], model, page_ocr)
    seconds = time.perf_counter() - started
    return reading, seconds + (0.0 if full else entry["page_seconds"])


def _analyses(rec: dict) -> list:
    from buzon_pipeline.core.model import PageAnalysis

    out = []
    for number, entry in enumerate(rec["pages"], start=1):
        reading = entry.get("reading")
        if reading is None:
            continue
        out.append(
            PageAnalysis(
                f"doc-{rec['seed']}",
                "x",
                number,
                False,
                None,
                reading.text,
                reading.confidence,
                reading.spans,
                dict(getattr(reading, "fields", {}) or {}),
            )
        )
    return out


def _expected(name: str, truth: str | None) -> str | None:
    """What a perfect extractor returns: a short phone or a broken mail give None; an NSS is
    returned as written (one failing its check digit flagged downstream)."""
    from buzon_pipeline.core.rules import email_is_valid

    if truth is None:
        return None
    if name == "nss" and len(truth) != 11:
        return None
    if name == "telefono" and len(truth) != 10:
        return None
    if name == "correo" and not email_is_valid(truth):
        return None
    return canonical(name, truth)


def score(args: argparse.Namespace) -> None:
    from buzon_pipeline.config import Settings
    from buzon_pipeline.core.rules import nss_is_valid
    from buzon_pipeline.deciding.validate import validate
    from buzon_pipeline.reading.letter import extract_letter

    settings = Settings()
    thr = settings.min_field_confidence
    records = []
    for path in args.caches:
        with open(path, "rb") as fh:
            records.extend(pickle.load(fh))
    if args.old_code:
        # the extraction of another revision (`git show HEAD:...extract_letter.py`), "before"
        spec = importlib.util.spec_from_file_location("buzon_pipeline._old_extract", args.old_code)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        extract_letter = module.extract_letter
    for rec in records:
        for entry in rec["pages"]:
            if "page_ocr" not in entry and "reading" in entry:
                # caches built before read_letter_page re-read numbers: the reading is plain
                entry["page_ocr"], entry["page_seconds"] = entry["reading"], entry["seconds"]
    if args.reread or args.reread_full:
        entries = [e for rec in records for e in rec["pages"] if "gray" in e]
        started = time.perf_counter()
        jobs = [(e, args.reread_full) for e in entries]
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(_reread_one, jobs, chunksize=2))
        for entry, (reading, seconds) in zip(entries, results, strict=True):
            entry["reading"], entry["seconds"] = reading, seconds
        print(f"re-read {len(entries)} pages in {time.perf_counter() - started:.0f} s")
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    page_conf: dict[str, list[float]] = defaultdict(list)
    page_secs: dict[str, list[float]] = defaultdict(list)
    complete: dict[str, list[bool]] = defaultdict(list)
    started = time.perf_counter()
    for rec in records:
        kind = rec["font_kind"] or "none"
        pages = _analyses(rec)
        for entry in rec["pages"]:
            if "reading" in entry:
                page_conf[kind].append(entry["reading"].confidence)
                page_secs[kind].append(entry["seconds"])
        fields = extract_letter(pages) if pages else {}
        if fields:
            # what validate() lets through: datos mínimos complete and nothing uncertain
            check = validate(fields, thr)
            if check.minimum and not check.uncertain:
                used = [n for n in FIELDS if check.fields[n].value]
                right = all(
                    canonical(n, check.fields[n].value) == _expected(n, rec["truth"][n])
                    for n in used
                )
                complete[kind].append(right)
        for name in FIELDS:
            truth = _expected(name, rec["truth"][name])
            field = fields.get(name)
            value = canonical(name, field.value) if field is not None else None
            conf = field.confidence if field is not None else 0.0
            keys = ["all", kind]
            if kind == "handwriting" and rec.get("hands"):
                keys.append(f"hand:{rec['hands']}")  # by writer split (issue 12)
            for key in keys:
                tallies[key, name].add(truth, value, conf)
                if name == "nss":
                    # what is trusted without review: one failing its check digit is flagged
                    trusted = value if value is not None and nss_is_valid(value) else None
                    tallies[key, "nss+dv"].add(truth, trusted, conf)
            wrong = value is not None and value != truth
            missed = value is None and truth is not None
            if (args.errors and wrong) or (args.misses and missed):
                tag = "WRONG" if wrong else "MISS "
                raw = field.raw if field is not None else None
                print(
                    f"  {tag} {rec['seed']} {kind:<11} {name:<8} truth={truth} read={value} "
                    f"raw={raw!r} conf={conf:.2f}"
                )
    elapsed = time.perf_counter() - started
    for kind in sorted(complete):
        ok = complete[kind]
        print(
            f"{kind:<12} datos mínimos complete without field review: {len(ok)} letters, "
            f"all fields right in {sum(ok)} ({100 * sum(ok) / len(ok):.1f} %)"
        )
    hand_keys = sorted({key for key, _ in tallies if key.startswith("hand:")})
    for key in ("all", "typed", "handwriting", *hand_keys):
        for name in (*FIELDS, "nss+dv"):
            if (key, name) in tallies:
                print(f"{key:<12} {name:<8} {tallies[key, name].line(thr)}")
    if args.thresholds:
        print("accepted P/R per confidence threshold:")
        for kind in ("typed", "handwriting"):
            for name in FIELDS:
                for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
                    print(f"  {kind:<12} {name:<8} {tallies[kind, name].line(t)}")
    low = settings.min_text_confidence
    for kind in sorted(page_conf):
        conf = np.array(page_conf[kind])
        secs = np.array(page_secs[kind])
        print(
            f"pages {kind:<11} n={len(conf):4d} mean OCR conf={conf.mean():.3f} "
            f"below {low:.2f}: {(conf < low).mean():.1%}"
            f" | read {secs.mean():.2f} s/page"
        )
    print(f"{len(records)} letters scored in {elapsed:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--first", type=int, default=100_000)
    b.add_argument("--count", type=int, default=1000)
    b.add_argument("--jobs", type=int, default=2)
    b.add_argument("--out", type=Path, required=True)
    b.add_argument(
        "--hands",
        choices=("train", "dev", "test"),
        default=None,
        help="write the seeds in this split's handwriting families (default: the seed's own)",
    )
    b.add_argument("--handwritten-only", action="store_true", help="skip typed letters")
    s = sub.add_parser("score")
    s.add_argument("caches", nargs="+", type=Path)
    s.add_argument("--errors", action="store_true", help="list wrong values")
    s.add_argument("--misses", action="store_true", help="list readable values not returned")
    s.add_argument(
        "--reread", action="store_true", help="re-run read_letter_page on the cached page OCR"
    )
    s.add_argument("--reread-full", action="store_true", help="re-run it with a new page OCR")
    s.add_argument("--old-code", type=Path, default=None, help="another extract_letter.py")
    s.add_argument("--jobs", type=int, default=2)
    s.add_argument("--thresholds", action="store_true", help="accepted P/R per threshold")
    args = parser.parse_args()
    build(args) if args.command == "build" else score(args)


if __name__ == "__main__":
    main()
