"""Phone photos of letters and volantes, read by the real batch, before and after issue 13.

    export OMP_THREAD_LIMIT=1
    # generate N photographed documents of a split once (cached in DIR/escaneos), run the batch
    python -m buzon_pipeline.training.eval_photos --split dev --n 30 --out /tmp/fotos-dev
    # the same photos with the page crop and the discard rule as they were before issue 13
    python -m buzon_pipeline.training.eval_photos --split dev --n 30 --out /tmp/fotos-dev --antes

Documents: one page each, a third typed letters, a third volantes, a third letters in any hand,
photographed with the generator's hand-held framings on its surfaces (synth.photo: dev sees
wood, desk and granite; test alone sees fabric, tiles and a hand). Each file is a phone JPEG
re-encoded as TIFF at 72 dpi (the resolution a phone writes), so ingest estimates it.

With --escaneo, the same documents (same seeds, same content) as clean scans instead, in
DIR/escaneo: what a photo costs is the gap between the two runs, document by document; a
document wrong on its clean scan too fails for another reason (handwriting, classifier).
`--comparar` prints that split from the two runs' results.

With --otros, non-petition pages instead (the corpus' kinds and devices), to see what the
discard rule costs: how many are still discarded automatically.

Reported: routing accuracy and false discards (overall and by kind), NSS / phone / e-mail /
name found exactly, and on how many photos the page detector found the sheet.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import RouteThresholds, TextVerdict, Validation
from buzon_pipeline.evaluation.harness import run_files
from buzon_pipeline.evaluation.metrics import Pair, evaluate, outcome_of
from buzon_pipeline.synth.corpus import SPLITS
from buzon_pipeline.synth.documents import make_letter, make_other, make_volante

KINDS = ("carta_tecleada", "volante", "carta")
# --otros: what the discard rule costs on pages that are not petitions (scans and photos in
# the corpus' proportions: flyers, receipts, prescriptions, slips, notes, drawings).
OTHER_KINDS = ("otro",)


def _make(kind: str, rng: random.Random, split: str, level: str = "phone") -> Any:
    # Degradation is the last draw from rng in every maker, so "clean" gives the same content.
    opts: dict[str, Any] = {"level": level, "split": split}
    if kind == "otro":
        return make_other(rng, split=split)
    if kind == "volante":
        return make_volante(rng, **opts)
    font = "typed" if kind == "carta_tecleada" else None
    return make_letter(rng, font_kind=font, pages=1, **opts)


def build(split: str, n: int, folder: Path, kinds: tuple[str, ...] = KINDS,
          level: str = "phone") -> dict[str, dict]:
    """Write the photos (once) and return their truths by file name."""
    scans = folder / "escaneos"
    index = folder / "verdad.json"
    known: dict[str, dict] = {}
    if index.is_file():
        known = json.loads(index.read_text(encoding="utf-8"))
        if len(known) >= n:
            return dict(list(known.items())[:n])
    scans.mkdir(parents=True, exist_ok=True)
    truths = {}
    for i, seed in enumerate(SPLITS[split][:n]):
        name = f"foto-{seed}.tif"
        if name in known and (scans / name).is_file():
            truths[name] = known[name]  # a larger --n keeps the documents made before
            continue
        kind = kinds[i % len(kinds)]
        doc = _make(kind, random.Random(f"buzon-foto:{seed}"), split, level)
        page = doc.pages[0].convert("L")
        page.save(scans / name, compression="tiff_deflate", dpi=doc.pages[0].info["dpi"])
        truths[name] = {**doc.truth, "seed": seed, "grupo": kind, "pages": [1]}
        print(f"  {name}: {kind}", file=sys.stderr, flush=True)
    index.write_text(json.dumps(truths, ensure_ascii=False), encoding="utf-8")
    return truths


# -- before issue 13: kept only to measure against ------------------------------------------


def legacy_crop(gray: np.ndarray, dpi: int) -> np.ndarray:
    """The photo crop before issue 13: Otsu mask, biggest contour, four vertices or nothing."""
    from buzon_pipeline.reading.page_detect import order_corners

    small_scale = 800 / max(gray.shape)
    small = cv2.resize(gray, None, fx=small_scale, fy=small_scale, interpolation=cv2.INTER_AREA)
    _, mask = cv2.threshold(cv2.GaussianBlur(small, (5, 5), 0), 0, 255, cv2.THRESH_OTSU)
    if mask.mean() > 255 * 0.97:
        return gray
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return gray
    biggest = max(contours, key=cv2.contourArea)
    if not 0.3 <= cv2.contourArea(biggest) / float(small.size) <= 0.97:
        return gray
    quad = cv2.approxPolyDP(biggest, 0.02 * cv2.arcLength(biggest, True), True)
    if len(quad) != 4:
        return gray
    corners = order_corners(quad.reshape(4, 2).astype(np.float32) / small_scale)
    top, bottom = np.linalg.norm(corners[1] - corners[0]), np.linalg.norm(corners[2] - corners[3])
    left, right = np.linalg.norm(corners[3] - corners[0]), np.linalg.norm(corners[2] - corners[1])
    width, height = max(top, bottom), max(left, right)
    factor = round(8.5 * dpi) / min(width, height)
    width, height = int(width * factor), int(height * factor)
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                      np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(gray, matrix, (width, height), borderValue=255)


def legacy_keep(
    text: str, verdict: TextVerdict, validation: Validation, thresholds: RouteThresholds
) -> list[str]:
    """The discard rule before issue 13: only a poor mean confidence stopped a discard."""
    if verdict.text_confidence < thresholds.min_text_confidence:
        return ["Texto poco legible."]
    return []


@contextmanager
def before_issue_13() -> Iterator[None]:
    """Page crop, blank test (on the photo as it came) and discard rule as before issue 13."""
    from buzon_pipeline.deciding import route
    from buzon_pipeline.reading import analyze, preprocess

    swaps = [
        (preprocess, "crop_photo_page", legacy_crop),
        (analyze, "crop_photo_page", legacy_crop),
        (analyze, "blank_test_view", lambda page, view: page.image),
        (route, "reasons_to_keep", legacy_keep),
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in swaps]
    for module, name, value in swaps:
        setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


# -- run and score --------------------------------------------------------------------------


def run(folder: Path, truths: dict[str, dict], settings: Settings) -> list[Pair]:
    with tempfile.TemporaryDirectory() as tmp:
        # One worker, in this process, so that --antes can swap the old code in.
        records = run_files(
            [folder / "escaneos" / name for name in truths], replace(settings, workers=1),
            Path(tmp),
        )
    return [Pair(truth, (records.get(name) or [None])[0]) for name, truth in truths.items()]


def sheets_found(folder: Path, truths: dict[str, dict]) -> int:
    from buzon_pipeline.reading.page_detect import find_page

    return sum(
        find_page(np.asarray(Image.open(folder / "escaneos" / name).convert("L"))) is not None
        for name in truths
    )


def summary(pairs: list[Pair], kinds: tuple[str, ...] = KINDS) -> dict[str, Any]:
    report = evaluate(pairs)
    by_group: dict[str, dict[str, Any]] = {}
    for group in kinds:
        mine = [p for p in pairs if p.truth["grupo"] == group]
        right = sum(outcome_of(p) == p.truth["outcome"] for p in mine)
        by_group[group] = {
            "n": len(mine),
            "ruteo": right / len(mine) if mine else None,
            "revision": sum(outcome_of(p) == "revision" for p in mine),
            "descartes_falsos": sum(
                outcome_of(p) == "descartado" and p.truth["es_peticion"] for p in mine
            ),
        }
    return {
        "n": report.n,
        "ruteo": report.routing_accuracy,
        "descartes_falsos": report.false_discards,
        "revision": sum(outcome_of(p) == "revision" for p in pairs),
        "campos": {
            name: {"recall": pr["recall"], "precision": pr["precision"]}
            for name, pr in report.fields_all.items()
        },
        "por_grupo": by_group,
    }


def compare(photos: dict[str, Any], scans: dict[str, Any]) -> dict[str, Any]:
    """Each document's outcome as a photo against the same document as a clean scan."""
    scan_by_file = {d["archivo"]: d for d in scans["documentos"]}
    split: dict[str, list[str]] = {
        "foto_falla_escaneo_bien": [], "ambos_fallan": [], "foto_bien_escaneo_falla": [],
        "ambos_bien": [],
    }
    for doc in photos["documentos"]:
        scan = scan_by_file.get(doc["archivo"])
        if scan is None:
            continue
        photo_ok, scan_ok = doc["salida"] == doc["verdad"], scan["salida"] == scan["verdad"]
        key = {(False, True): "foto_falla_escaneo_bien", (False, False): "ambos_fallan",
               (True, False): "foto_bien_escaneo_falla", (True, True): "ambos_bien"}
        split[key[(photo_ok, scan_ok)]].append(
            f"{doc['archivo']} {doc['grupo']}: foto {doc['salida']}, escaneo {scan['salida']}, "
            f"verdad {doc['verdad']}"
        )
    return {"conteos": {k: len(v) for k, v in split.items()}, **split}


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--otros", action="store_true",
                        help="non-petitions instead of photographed letters and volantes")
    parser.add_argument("--antes", action="store_true",
                        help="page crop and discard rule as before issue 13")
    parser.add_argument("--escaneo", action="store_true",
                        help="the same documents as clean scans, in DIR/escaneo")
    parser.add_argument("--comparar", action="store_true",
                        help="only compare DIR's results with DIR/escaneo's, document by document")
    args = parser.parse_args(argv)
    if args.comparar:
        photos, scans = (json.loads((folder / "resultado-despues.json").read_text("utf-8"))
                         for folder in (args.out, args.out / "escaneo"))
        out(json.dumps(compare(photos, scans), ensure_ascii=False, indent=1))
        return 0
    kinds = OTHER_KINDS if args.otros else KINDS
    if args.escaneo:
        args.out = args.out / "escaneo"
    truths = build(args.split, args.n, args.out, kinds, "clean" if args.escaneo else "phone")
    if args.antes:
        with before_issue_13():
            pairs = run(args.out, truths, Settings())
    else:
        pairs = run(args.out, truths, Settings())
    result = summary(pairs, kinds)
    result["descartados"] = sum(outcome_of(p) == "descartado" for p in pairs)
    if not args.antes:
        result["hojas_encontradas"] = sheets_found(args.out, truths)
    tag = "antes" if args.antes else "despues"
    (args.out / f"resultado-{tag}.json").write_text(
        json.dumps(
            {
                "resumen": result,
                "documentos": [
                    {"archivo": f"foto-{p.truth['seed']}.tif", "grupo": p.truth["grupo"],
                     "verdad": p.truth["outcome"], "salida": outcome_of(p),
                     "razones": (p.pred or {}).get("reasons", []),
                     "campos": (p.pred or {}).get("fields", {}),
                     "campos_verdad": p.truth["fields"]}
                    for p in pairs
                ],
            },
            ensure_ascii=False, indent=1,
        ),
        encoding="utf-8",
    )
    out(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
