"""Speed benchmark: the pipeline's page analysis against plain `tesseract` on the same pages.

Prints seconds per page for each and their ratio, all measured in this run:

    .venv/bin/python bench/bench_paginas.py samples/ [--trabajadores 2]

Baselines: `tesseract page.png - -l spa` with its default OpenMP threads, and with
OMP_THREAD_LIMIT=1 (docs/design.md §4). The pipeline figure includes rasterising, orientation,
deskew, alignment and OCR of every page, run with the configured worker processes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from buzon_pipeline.config import Settings
from buzon_pipeline.pipeline import PageRunner
from buzon_pipeline.reading.ingest import expand_inputs, inspect_source, iter_pages


def load_pages(inputs: list[str], settings: Settings) -> list:
    pages = []
    for path in expand_inputs(inputs).files:
        source, count = inspect_source(path, settings)
        if not source.error:
            pages.extend(p for p in iter_pages(source, count, settings) if not isinstance(p, tuple))
    return pages


def time_tesseract(paths: list[Path], threads: str | None) -> float:
    env = dict(os.environ)
    env.pop("OMP_THREAD_LIMIT", None)
    if threads:
        env["OMP_THREAD_LIMIT"] = threads
    start = time.perf_counter()
    for path in paths:
        subprocess.run(
            ["tesseract", str(path), "-", "-l", "spa"], env=env, check=True, capture_output=True
        )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--trabajadores", type=int, default=2)
    args = parser.parse_args()
    settings = Settings(workers=args.trabajadores)
    pages = load_pages(args.inputs, settings)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, page in enumerate(pages):
            path = Path(tmp) / f"p{i}.png"
            Image.fromarray(page.image).save(path, dpi=(page.dpi, page.dpi))
            paths.append(path)
        default = time_tesseract(paths, None)
        single = time_tesseract(paths, "1")
    start = time.perf_counter()
    with PageRunner(settings.workers) as runner:
        analyses = list(runner.run(pages))
    ours = time.perf_counter() - start
    n = max(1, len(analyses))
    print(f"páginas: {n}")
    print(f"tesseract CLI (hilos por omisión): {default / n:.2f} s/página")
    print(f"tesseract CLI (OMP_THREAD_LIMIT=1): {single / n:.2f} s/página")
    print(f"buzon (análisis completo, {settings.workers} procesos): {ours / n:.2f} s/página")
    print(f"razón buzon / tesseract por omisión: {ours / default:.2f}")
    print(f"razón buzon / tesseract 1 hilo: {ours / single:.2f}")


if __name__ == "__main__":
    main()
