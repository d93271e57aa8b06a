"""Choose the line recogniser's cuts on DEV hands: precision / recall per confidence cut.

    # nombre / correo crops of dev volantes through the batch's page path (eval_fields build)
    python -m buzon_pipeline.training.eval_fields build --first 100000 --count 400 \
        --out /tmp/campos_dev.npy
    python -m buzon_pipeline.training.eval_lines /tmp/campos_dev.npy [--model models/renglones.npz]

Each zone is cut as `reading.volante._text_field` cuts it and read by the recogniser alone (no
OCR): a name is offered when it has the shape `volante_text` asks of one, an address when it
passes the e-mail rules. For each cut: precision of what would be offered and recall over the
handwritten zones (typed zones are counted apart: OCR reads those). Test seeds are refused.
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
from buzon_pipeline.reading.handwriting import LineModel
from buzon_pipeline.reading.volante_text import _hand_name_shape, isolate_writing
from buzon_pipeline.training.eval_fields import FIELDS, MARGIN_MM
from buzon_pipeline.training.volante_cache import DPI, decode, on_page

CUTS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99)


def offered(name: str, text: str) -> str | None:
    """What the integration would offer from the recogniser's text."""
    if name == "nombre":
        return text if _hand_name_shape(text) else None
    email = text.lower().replace(" ", "")
    return email if email_is_valid(email) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("caches", nargs="+", type=Path)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    model = LineModel.load(args.model)
    layout = load_layout()
    records = [r for path in args.caches for r in np.load(path, allow_pickle=True)]
    if any(r["seed"] >= 200_000 for r in records):
        sys.exit("test seeds: the cut is chosen on dev only")
    rows: dict[tuple[str, str], list[tuple[float, float, bool | None, bool]]] = {}
    spent, lines = 0.0, 0
    for rec in records:
        for name in FIELDS:
            truth = canonical(name, rec[name])
            readable = truth is not None and (name != "correo" or email_is_valid(truth))
            kind = rec["font_kind"]
            got, conf, weakest = None, 0.0, 0.0
            if rec["aligned"]:
                spec = layout.field(name)
                page = on_page(decode(rec[f"crop_{name}"]), spec, MARGIN_MM)
                crop = extract_volante._remove_lines(extract_volante._crop(page, spec, DPI, 1.0))
                if extract_volante._ink_share(crop) >= extract_volante.MIN_INK_SHARE:
                    started = time.process_time()
                    reading = model.read(isolate_writing(crop, DPI))
                    spent += time.process_time() - started
                    lines += 1
                    got, conf = offered(name, reading.text), reading.confidence
                    weakest = reading.weakest
                    if args.errors and got is not None and canonical(name, got) != truth:
                        print(f"  {rec['seed']} {kind[:4]} {name}: {conf:.3f} "
                              f"read={reading.text!r} truth={truth!r}")
            right = None if got is None else canonical(name, got) == truth
            rows.setdefault((kind, name), []).append((conf, weakest, right, readable))
    for (kind, name), items in sorted(rows.items()):
        readable = sum(r for _, _, _, r in items)
        print(f"\n{kind} {name}: {len(items)} zones, {readable} readable")
        for measure, column in (("confidence", 0), ("weakest", 1)):
            for cut in CUTS:
                taken = [row[2] for row in items if row[2] is not None and row[column] >= cut]
                good = sum(taken)
                precision = good / len(taken) if taken else float("nan")
                print(f"  {measure} >= {cut:.2f}: offered {len(taken):3d}  right {good:3d}  "
                      f"P {100 * precision:5.1f} %  R {100 * good / max(readable, 1):5.1f} %")
    print(f"\n{lines} lines read, {1000 * spent / max(lines, 1):.1f} ms CPU per line")


if __name__ == "__main__":
    main()
