"""Memory benchmark: peak RSS of `buzon procesar` on a 1,000-page batch against a 10-page one.

Pages flow through a bounded window (pipeline.PageRunner), so memory must not grow with the
batch. Generates a few distinct pages (volantes, letters, other pages; the bench's own seeds),
writes N single-page PNG files cycling through them, each copy made unique by a stamp of a few
pixels (the registry skips files it has already seen), then runs the whole program on each
batch with a new SQLite registry and reports GNU time's peak RSS (largest process of the tree).

    .venv/bin/python bench/bench_memoria.py [--grande 1000] [--chico 10] [--trabajadores 2]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_paginas import BENCH_SEED, buzon
from buzon_pipeline.synth import documents

DISTINCT = 12


def distinct_pages() -> list[np.ndarray]:
    makers = (documents.make_volante, documents.make_letter, documents.make_other)
    pages = []
    for i in range(DISTINCT):
        rng = random.Random(BENCH_SEED + 50_000 + i)
        opts = {"level": "scanner", "mild": True, "mode": "L"}
        if makers[i % 3] is documents.make_letter:
            opts["pages"] = 1
        pages.append(np.asarray(makers[i % 3](rng, **opts).pages[0].convert("L")).copy())
    return pages


def write_batch(folder: Path, pages: list[np.ndarray], count: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for index in range(count):
        page = pages[index % len(pages)].copy()
        # The copy's number in 20 bits as dark dots in the bottom margin: unique file bytes.
        for bit in range(20):
            if index >> bit & 1:
                page[-12:-8, 40 + 6 * bit : 44 + 6 * bit] = 0
        path = folder / f"pagina-{index:05d}.png"
        # Light compression: writing 1,000 pages at the default level took 11 minutes.
        Image.fromarray(page).save(path, dpi=(300, 300), compress_level=1)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grande", type=int, default=1000)
    parser.add_argument("--chico", type=int, default=10)
    parser.add_argument("--trabajadores", type=int, default=2)
    args = parser.parse_args()
    pages = distinct_pages()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = {}
        for label, count in (("chico", args.chico), ("grande", args.grande)):
            paths = write_batch(work / label, pages, count)
            timing = buzon(paths, args.trabajadores, work)
            results[label] = timing
            print(
                f"{count} páginas: {timing.seconds:.0f} s, memoria máxima "
                f"{timing.peak_rss_mb:.0f} MB",
                flush=True,
            )
    ratio = results["grande"].peak_rss_mb / results["chico"].peak_rss_mb
    print(f"razón de memoria {args.grande} / {args.chico} páginas: {ratio:.2f}")


if __name__ == "__main__":
    main()
