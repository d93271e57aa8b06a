"""OCR texts of generated non-petition pages, for the "no petición" kind model (issue 13, item 6).

    python -m buzon_pipeline.training.nonpetition_texts --split train --n 132
    python -m buzon_pipeline.training.nonpetition_texts --split dev --n 66

Each page of ``synth.nonpetitions`` (its kinds in turn, seeds of the split) goes through the
batch's own page reader (`PageAnalyzer`), so the model learns from what OCR really reads on a
prescription or a ticket, not from the generator's clean strings. Written to
``corpus/no_peticiones/<split>.jsonl``: text, kind, seed and reading confidence. The test seeds
are never read here (``eval_nonpetitions --split test`` measures them once).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from buzon_pipeline.core.model import Page
from buzon_pipeline.reading.analyze import PageAnalyzer
from buzon_pipeline.synth.nonpetitions import KINDS, SPLITS, generate
from buzon_pipeline.training.corpus_gen import REPO_ROOT

OUT_DIR = REPO_ROOT / "corpus" / "no_peticiones"
DPI = 300


def read_texts(split: str, n: int) -> list[dict]:
    if split == "test":
        raise SystemExit("La partición test solo se mide (eval_nonpetitions), no se lee aquí.")
    analyzer = PageAnalyzer.load()
    rows = []
    for index in range(n):
        doc = generate(split, index)
        image = doc.pages[0]
        dpi = round(float((image.info.get("dpi") or (DPI, DPI))[0]))
        page = Page(f"{split}-{index}", "x", 1, np.asarray(image.convert("L")), dpi)
        analysis = analyzer.analyze(page)
        rows.append({
            "text": analysis.text or "",
            "kind": KINDS[index % len(KINDS)],
            "seed": SPLITS[split][index],
            "text_confidence": round(float(analysis.text_confidence or 0.0), 3),
        })
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--n", type=int, default=12 * len(KINDS))
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    started = time.monotonic()
    rows = read_texts(args.split, args.n)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"{args.split}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} páginas → {path} ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
