"""Dask benchmark: `buzon procesar --dask` on a 2-worker `LocalCluster` against a 1-worker one.

Each worker is one process with one thread (Tesseract single-threaded), as a machine of a
delegación would run one worker per core. Same generated pages as bench_paginas (the bench's
seeds), new SQLite registry per run, best of R runs each; prints pages/s and the ratio.
Meaningful only on an otherwise idle machine with at least two cores.

    .venv/bin/python bench/bench_dask.py [--paginas 20] [--repeticiones 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_paginas import BUZON, Timing, generate, run_measured


def run_on_cluster(paths: list[Path], address: str, work: Path, index: int) -> Timing:
    inputs = work / f"entrada-{index}"
    inputs.mkdir()
    for path in paths:
        (inputs / path.name).write_bytes(path.read_bytes())
    out = work / f"corrida-{index}"
    out.mkdir()
    cmd = [
        str(BUZON), "procesar", str(inputs), "--taod", "Banco", "--unidad", "UMF 1",
        "--db", f"sqlite:///{out}/buzon.db", "--reportes", str(out / "reportes"),
        "--archivo", str(out / "archivo"), "--dask", address,
    ]
    return run_measured(cmd, dict(os.environ, OMP_THREAD_LIMIT="1"))


def main() -> None:
    from distributed import LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paginas", type=int, default=20, help="páginas por tipo")
    parser.add_argument("--repeticiones", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        groups = generate(work / "paginas", args.paginas)
        paths = groups["volantes"] + groups["escritos"]
        best: dict[int, float] = {}
        runs = 0
        for workers in (1, 2):
            with LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, env={"OMP_THREAD_LIMIT": "1"},
            ) as cluster:
                for _ in range(args.repeticiones):
                    runs += 1
                    timing = run_on_cluster(paths, cluster.scheduler_address, work, runs)
                    best[workers] = min(best.get(workers, timing.seconds), timing.seconds)
            rate = len(paths) / best[workers]
            print(f"{workers} trabajador(es): {rate:.2f} páginas/s", flush=True)
    print(f"razón 2 / 1 trabajadores: {best[1] / best[2]:.2f}")


if __name__ == "__main__":
    main()
