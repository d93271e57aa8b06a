"""Speed benchmark: `buzon procesar` against plain `tesseract` and `ocrmypdf` on the same pages.

Generates volantes and one-page letters (fixed seeds of the bench's own range), then measures
in this run, on those same pages, split by volantes, letters and the mixed batch:

- plain `tesseract PAGE - -l spa`, single-threaded (OMP_THREAD_LIMIT=1), N processes at once;
- `ocrmypdf -j N -l spa` on the same pages as one PDF (when `ocrmypdf` is installed:
  `pip install ocrmypdf`; it needs no Ghostscript with `--output-type pdf`);
- `buzon procesar --trabajadores N` on the same pages as files, with a new SQLite registry:
  the whole program (start-up, reading, classification, registry, reports).

Prints pages per second, the ratios buzon / tesseract and buzon / ocrmypdf, and each tool's
peak RSS (largest process of its tree, by GNU `time`: Debian package `time`). The machine's
load changes during a run, so each measurement is repeated and its best time kept; tools are
interleaved per repetition.

    .venv/bin/python bench/bench_paginas.py --paginas 20 --trabajadores 2 [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from buzon_pipeline.synth import documents

BENCH_SEED = 700_000  # apart from the evaluation's and training's seed ranges
ROOT = Path(__file__).resolve().parent.parent
BUZON = ROOT / ".venv" / "bin" / "buzon"
# The `[bench]` extra installs ocrmypdf into the project's venv; one on PATH works too.
OCRMYPDF = shutil.which("ocrmypdf", path=os.pathsep.join([str(BUZON.parent), os.environ["PATH"]]))


@dataclass
class Timing:
    seconds: float
    peak_rss_mb: float


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> Timing:
    """Wall time and peak RSS of the command's process tree, as GNU time reports it (the
    largest of the process and its children). Measured from a small `time` process because
    the high-water mark of a child forked from this large Python would include our own size."""
    with tempfile.NamedTemporaryFile(suffix=".rss") as rss:
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss.name, *cmd],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            err = proc.stderr.decode(errors="replace")[-2000:]
            raise SystemExit(f"falló {' '.join(cmd[:3])}…: código {proc.returncode}\n{err}")
        peak_kb = int(Path(rss.name).read_text().split()[-1])
    return Timing(elapsed, peak_kb / 1024)


def generate(folder: Path, per_kind: int) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {"volantes": [], "escritos": []}
    makers = {"volantes": documents.make_volante, "escritos": documents.make_letter}
    for kind, make in makers.items():
        for i in range(per_kind):
            rng = random.Random(BENCH_SEED + (0 if kind == "volantes" else 10_000) + i)
            opts = {"level": "scanner", "mild": True, "mode": "L"}
            if kind == "escritos":
                opts["pages"] = 1
            page = make(rng, **opts).pages[0].convert("L")
            path = folder / kind / f"{kind}-{i:03d}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            page.save(path, dpi=(300, 300))
            groups[kind].append(path)
    return groups


def tesseract(paths: list[Path], processes: int) -> Timing:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(path: Path) -> Timing:
        return run_measured(["tesseract", str(path), "-", "-l", "spa"], env)

    start = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:
        each = list(pool.map(one, paths))
    return Timing(time.perf_counter() - start, max(t.peak_rss_mb for t in each))


def ocrmypdf(paths: list[Path], processes: int, work: Path) -> Timing:
    from PIL import Image

    pdf = work / "entrada.pdf"
    images = [Image.open(p) for p in paths]
    images[0].save(pdf, save_all=True, append_images=images[1:], resolution=300)
    cmd = [
        str(OCRMYPDF), "-q", "-l", "spa", "-j", str(processes), "--output-type", "pdf",
        "--optimize", "0", str(pdf), str(work / "salida.pdf"),
    ]
    return run_measured(cmd)


def buzon(paths: list[Path], processes: int, work: Path) -> Timing:
    inputs = work / "entrada"
    shutil.rmtree(inputs, ignore_errors=True)
    inputs.mkdir()
    for path in paths:
        shutil.copy(path, inputs / path.name)
    out = work / f"corrida-{time.monotonic_ns()}"
    cmd = [
        str(BUZON), "procesar", str(inputs), "--taod", "Banco", "--unidad", "UMF 1",
        "--db", f"sqlite:///{out}/buzon.db", "--reportes", str(out / "reportes"),
        "--archivo", str(out / "archivo"), "--trabajadores", str(processes),
    ]
    out.mkdir()
    return run_measured(cmd, dict(os.environ, OMP_THREAD_LIMIT="1"))


def best(runs: list[Timing]) -> Timing:
    return min(runs, key=lambda t: t.seconds)


def measure(label: str, paths: list[Path], args: argparse.Namespace, work: Path) -> dict:
    tools = {"tesseract": lambda: tesseract(paths, args.trabajadores)}
    if OCRMYPDF:
        tools["ocrmypdf"] = lambda: ocrmypdf(paths, args.trabajadores, work)
    tools["buzon"] = lambda: buzon(paths, args.trabajadores, work)
    runs: dict[str, list[Timing]] = {name: [] for name in tools}
    for _ in range(args.repeticiones):
        for name, tool in tools.items():
            runs[name].append(tool())
    n = len(paths)
    row = {"grupo": label, "paginas": n}
    for name, timings in runs.items():
        kept = best(timings)
        row[name] = asdict(kept) | {"paginas_por_s": n / kept.seconds}
    for name in ("tesseract", "ocrmypdf"):
        if name in row:
            row[f"razon_{name}"] = row[name]["seconds"] / row["buzon"]["seconds"]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paginas", type=int, default=20, help="páginas por tipo")
    parser.add_argument("--trabajadores", type=int, default=2)
    parser.add_argument("--repeticiones", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        groups = generate(work / "paginas", args.paginas)
        groups["todas"] = groups["volantes"] + groups["escritos"]
        rows = [measure(label, paths, args, work) for label, paths in groups.items()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    print(f"{args.trabajadores} procesos; mejor de {args.repeticiones} repeticiones")
    for row in rows:
        parts = [f"{row['grupo']}: {row['paginas']} páginas"]
        for name in ("buzon", "tesseract", "ocrmypdf"):
            if name in row:
                parts.append(
                    f"{name} {row[name]['paginas_por_s']:.2f} p/s "
                    f"({row[name]['peak_rss_mb']:.0f} MB)"
                )
        ratios = [f"{n} {row['razon_' + n]:.2f}×" for n in ("tesseract", "ocrmypdf")
                  if "razon_" + n in row]
        print(" · ".join(parts) + " · buzon frente a " + ", ".join(ratios))
    if not OCRMYPDF:
        print("ocrmypdf no está instalado: no se midió (pip install -e '.[bench]').")


if __name__ == "__main__":
    main()
