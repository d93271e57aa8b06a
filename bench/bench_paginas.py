"""Speed benchmark: the pipeline's page analysis against plain `tesseract` on the same pages.

Prints seconds per page and pages per second for each, and their ratios, all measured in this
run on the same pages, split by volantes and letters (by what buzon found the page to be):

    .venv/bin/python bench/bench_paginas.py samples/ [--trabajadores 2]

Baselines: `tesseract page.png - -l spa` single-threaded (OMP_THREAD_LIMIT=1, docs/design.md
§4) run as N processes at once, N the number of workers, and once with its default OpenMP
threads in one process. The pipeline figure includes orientation, deskew, alignment and OCR of
every page, with the configured worker processes; a first pass warms it up and says which
pages are volantes. `ocrmypdf -j N` is not measured yet.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import Kind
from buzon_pipeline.pipeline import PageRunner
from buzon_pipeline.reading.ingest import expand_inputs, inspect_source, iter_pages


def load_pages(inputs: list[str], settings: Settings) -> list:
    pages = []
    for path in expand_inputs(inputs).files:
        source, count = inspect_source(path, settings)
        if not source.error:
            pages.extend(p for p in iter_pages(source, count, settings) if not isinstance(p, tuple))
    return pages


def run_tesseract(path: Path, threads: str | None) -> float:
    env = dict(os.environ)
    env.pop("OMP_THREAD_LIMIT", None)
    if threads:
        env["OMP_THREAD_LIMIT"] = threads
    start = time.perf_counter()
    subprocess.run(
        ["tesseract", str(path), "-", "-l", "spa"], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def time_tesseract(paths: list[Path], processes: int, threads: str | None) -> tuple[float, list]:
    """Wall time for all pages with `processes` at once, and each page's own time."""
    start = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:
        each = list(pool.map(lambda p: run_tesseract(p, threads), paths))
    return time.perf_counter() - start, each


def time_buzon(pages: list, workers: int) -> tuple[float, list]:
    start = time.perf_counter()
    with PageRunner(workers) as runner:
        analyses = list(runner.run(pages))
    return time.perf_counter() - start, analyses


def compare(label: str, pages: list, paths: list[Path], workers: int) -> None:
    """One line: buzon and 1-thread tesseract x `workers` processes on the same pages."""
    if not pages:
        return
    ours, _ = time_buzon(pages, workers)
    theirs, _ = time_tesseract(paths, workers, "1")
    n = len(pages)
    print(
        f"{label}: {n} páginas · buzon {n / ours:.2f} páginas/s · tesseract {n / theirs:.2f} "
        f"páginas/s · razón {theirs / ours:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--trabajadores", type=int, default=2)
    args = parser.parse_args()
    workers = args.trabajadores
    pages = load_pages(args.inputs, Settings(workers=workers))
    _, analyses = time_buzon(pages, workers)  # warm-up, and what each page is
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, page in enumerate(pages):
            path = Path(tmp) / f"p{i}.png"
            Image.fromarray(page.image).save(path, dpi=(page.dpi, page.dpi))
            paths.append(path)
        volante = [a.kind is Kind.VOLANTE for a in analyses]
        print(f"{workers} procesos; tesseract de un hilo, {workers} a la vez")
        compare("todas", pages, paths, workers)
        compare(
            "volantes",
            [p for p, v in zip(pages, volante, strict=True) if v],
            [p for p, v in zip(paths, volante, strict=True) if v],
            workers,
        )
        compare(
            "escritos y otras",
            [p for p, v in zip(pages, volante, strict=True) if not v],
            [p for p, v in zip(paths, volante, strict=True) if not v],
            workers,
        )
        default, _ = time_tesseract(paths, 1, None)
    print(f"tesseract con sus hilos por omisión, 1 proceso: {default / len(pages):.2f} s/página")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"memoria máxima de un proceso hijo (trabajador o tesseract): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
