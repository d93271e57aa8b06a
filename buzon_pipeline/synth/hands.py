"""Handwriting sources split BY FAMILY into train / dev / test (issue 12): the one source of truth.

A family is one hand (one writer): its styles (regular, bold) stay in the same split. The
generator (`synth.fonts.hand_pool`) and the training scripts (`training.digit_sources`) both
read this split, so a test family can never reach training, augmentation or thresholds.

The files live outside git, in a cache (``$BUZON_TRAIN_CACHE`` or ``~/.cache/buzon-train``),
fetched once by ``python -m buzon_pipeline.training.digit_sources fetch``; Debian families
come from their packages under /usr/share/fonts. `families()` leaves out a family whose files
are missing; the generator (`synth.fonts.hand_pool`) refuses a split with a missing npm family
rather than write it in other hands.

The split is this file: change it only with a commit that says why.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CACHE = Path(os.environ.get("BUZON_TRAIN_CACHE", Path.home() / ".cache" / "buzon-train"))
NPM_DIR = CACHE / "npm"

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


def fetch_command() -> str:
    """What to run when a split's families are missing."""
    return "python -m buzon_pipeline.training.digit_sources fetch"


SPLIT_NAMES = ("train", "dev", "test")


def listed(split: str) -> tuple[str, ...]:
    """The npm families the split is made of (the Debian ones are all train)."""
    return {"train": FONTSOURCE_TRAIN, "dev": FONTSOURCE_DEV, "test": FONTSOURCE_TEST}[split]


def missing_families(split: str) -> tuple[str, ...]:
    """npm families of the split whose files are not in the cache (empty: all there)."""
    return tuple(name for name in listed(split) if not _fontsource_paths(name))
