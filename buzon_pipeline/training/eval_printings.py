"""Volantes of other printings (synth.printings) through the real batch: fields and routing,
with and without the label-anchored reading.

    export OMP_THREAD_LIMIT=1
    # while developing: the dev printings, dev seeds
    .venv/bin/python -m buzon_pipeline.training.eval_printings --impresion media_carta \
        --impresion renglones --n 20 [--antes] [--json salida.json]
    # once, at the end: the printing kept for test, test seeds
    .venv/bin/python -m buzon_pipeline.training.eval_printings --impresion apaisado --n 20 --test

Each document is written as a one-page TIFF and the whole set is processed as one batch
(`api.process_batch`, one worker, a throw-away SQLite registry), as `buzon evaluar` does.
`--antes` turns the label-anchored reading off (PageAnalyzer.label_reading), which is what the
program did before it: such pages were read as letters.

Fields are scored on what the batch offers (values under their review threshold are not
offered): precision = right / offered, recall = right / written. Routing is right when the
outcome equals the ground truth's (synth.truth.route).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

from buzon_pipeline.config import Settings
from buzon_pipeline.evaluation.harness import run_documents
from buzon_pipeline.evaluation.metrics import FIELDS, Pair, field_pr, outcome_of
from buzon_pipeline.synth.documents import make_volante
from buzon_pipeline.synth.printings import DEV_PRINTINGS, PRINTINGS, TEST_PRINTINGS

DEV_FIRST = 100_000
TEST_FIRST = 200_000


def generate(printing: str, seed: int):
    rng = random.Random(f"buzon-impresion:{printing}:{seed}")
    doc = make_volante(rng, printing=printing)
    doc.truth["seed"] = seed
    return doc


def run(printings: list[str], n: int, first: int, before: bool) -> list[Pair]:
    from buzon_pipeline.reading.analyze import PageAnalyzer

    if before:
        loader = PageAnalyzer.load.__func__  # type: ignore[attr-defined]

        def load_without_labels(cls, *args, **kwargs):
            return replace(loader(cls, *args, **kwargs), label_reading=False)

        PageAnalyzer.load = classmethod(load_without_labels)  # one worker: in this process
    documents = {
        f"{printing}-{seed}": generate(printing, seed)
        for printing in printings
        for seed in range(first, first + n)
    }
    return run_documents(documents, replace(Settings(), workers=1))


def summary(pairs: list[Pair]) -> dict:
    n = len(pairs)
    right = sum(outcome_of(p) == p.truth["outcome"] for p in pairs)
    review = sum(outcome_of(p) == "revision" for p in pairs)
    volante = sum(bool(p.pred) and p.pred["kind"] == "volante" for p in pairs)
    discards = sum(outcome_of(p) == "descartado" and p.truth["es_peticion"] for p in pairs)
    wrong_folio = sum(
        outcome_of(p) == "folio" and p.truth["outcome"] != "folio" for p in pairs
    )
    return {
        "n": n,
        "ruteo": right / n if n else None,
        "revision": review / n if n else None,
        "leido_como_volante": volante / n if n else None,
        "descartes_falsos": discards,
        "folios_indebidos": wrong_folio,
        "campos": {name: field_pr(pairs, name).as_dict() for name in FIELDS},
        "s_por_pagina": sum(p.seconds for p in pairs) / n if n else None,
    }


def _pct(x: float | None) -> str:
    return "  –  " if x is None else f"{100 * x:5.1f}"


def show(title: str, s: dict) -> None:
    print(f"\n{title}  (n={s['n']}, {s['s_por_pagina']:.1f} s/página)")
    print(
        f"  ruteo {_pct(s['ruteo'])} %   revisión {_pct(s['revision'])} %   "
        f"leído como volante {_pct(s['leido_como_volante'])} %   "
        f"descartes falsos {s['descartes_falsos']}   folios indebidos {s['folios_indebidos']}"
    )
    for name, pr in s["campos"].items():
        print(
            f"  {name:<9} precisión {_pct(pr['precision'])} %  recall {_pct(pr['recall'])} %"
            f"   ({pr['tp']} bien / {pr['predicted']} dados / {pr['actual']} escritos)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--impresion", action="append", choices=sorted(PRINTINGS))
    parser.add_argument("--n", type=int, default=20, help="documents per printing")
    parser.add_argument("--test", action="store_true", help="test seeds (200 000+): final only")
    parser.add_argument("--antes", action="store_true", help="without label-anchored reading")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    printings = args.impresion or list(DEV_PRINTINGS)
    if not args.test and any(p in TEST_PRINTINGS for p in printings):
        sys.exit("the test printing is measured only with --test (test seeds), at the end")
    first = TEST_FIRST if args.test else DEV_FIRST
    pairs = run(printings, args.n, first, args.antes)
    result = {"antes" if args.antes else "despues": {}}
    out = result["antes" if args.antes else "despues"]
    for printing in printings:
        chosen = [p for p in pairs if p.truth.get("impresion") == printing]
        for kind in (None, "typed", "handwriting"):
            subset = [p for p in chosen if kind is None or p.truth["font_kind"] == kind]
            if not subset:
                continue
            key = printing if kind is None else f"{printing}/{kind}"
            out[key] = summary(subset)
            show(key, out[key])
    out["todas"] = summary(pairs)
    show("todas", out["todas"])
    if args.json:
        detail = [
            {
                "impresion": p.truth.get("impresion"),
                "seed": p.truth.get("seed"),
                "font_kind": p.truth["font_kind"],
                "truth_outcome": p.truth["outcome"],
                "outcome": outcome_of(p),
                "reasons": p.pred["reasons"] if p.pred else [],
                "truth_fields": {k: p.truth["fields"].get(k) for k in FIELDS},
                "fields": p.pred["fields"] if p.pred else {},
            }
            for p in pairs
        ]
        args.json.write_text(
            json.dumps({**result, "documentos": detail}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
