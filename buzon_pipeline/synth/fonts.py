"""Font catalogue for synthetic writing, with per-character fallback.

Handwriting-like fonts are incomplete in different ways (femkeklaver has no ñ/¿/¡/Á and draws
digits and capitals hollow), so every family names the character classes it must not be used
for, and a glyph that renders no ink at all is treated as missing too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

TRUETYPE = Path("/usr/share/fonts/truetype")
OPENTYPE = Path("/usr/share/fonts/opentype")

DIGITS = frozenset("0123456789")
UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÜÑ")


@dataclass(frozen=True)
class FontFamily:
    name: str
    kind: str  # "handwriting" | "typed"
    paths: tuple[str, ...]  # variants of the same hand (regular, italic, bold)
    avoid: frozenset[str] = frozenset()  # characters drawn badly by this family
    scale: float = 1.0  # size correction so families look alike at the same nominal size


def _existing(*paths: Path) -> tuple[str, ...]:
    return tuple(str(p) for p in paths if p.exists())


def _catalogue() -> tuple[FontFamily, ...]:
    dkg = TRUETYPE / "fifthhorseman"
    comic = OPENTYPE / "comic-neue"
    dejavu = TRUETYPE / "dejavu"
    lib = TRUETYPE / "liberation"
    families = [
        FontFamily("dkg", "handwriting", _existing(dkg / "dkg.ttf", dkg / "dkgIt.ttf"), scale=0.95),
        FontFamily("dkg_bold", "handwriting", _existing(dkg / "dkgBd.ttf", dkg / "dkgBI.ttf"),
                   scale=0.95),
        FontFamily("breip", "handwriting", _existing(TRUETYPE / "breip" / "Breip.ttf"),
                   avoid=frozenset("¿¡"), scale=1.25),
        FontFamily("femkeklaver", "handwriting",
                   _existing(TRUETYPE / "femkeklaver" / "femkeklaver.ttf"),
                   avoid=DIGITS | UPPER | frozenset("¿¡ñ#"), scale=1.15),
        FontFamily("comic", "handwriting",
                   _existing(comic / "ComicNeue-Regular.otf", comic / "ComicNeue-Italic.otf",
                             comic / "ComicNeue-Light.otf"), scale=1.0),
        FontFamily("dejavu_sans", "typed", _existing(dejavu / "DejaVuSans.ttf")),
        FontFamily("dejavu_serif", "typed", _existing(dejavu / "DejaVuSerif.ttf")),
        FontFamily("liberation_sans", "typed", _existing(lib / "LiberationSans-Regular.ttf")),
        FontFamily("liberation_serif", "typed", _existing(lib / "LiberationSerif-Regular.ttf")),
        FontFamily("liberation_mono", "typed", _existing(lib / "LiberationMono-Regular.ttf")),
    ]
    return tuple(f for f in families if f.paths)


FAMILIES: tuple[FontFamily, ...] = _catalogue()
FALLBACK_HAND = ("breip", "dkg", "comic")


def families(kind: str) -> tuple[FontFamily, ...]:
    return tuple(f for f in FAMILIES if f.kind == kind)


def family(name: str) -> FontFamily:
    for f in FAMILIES:
        if f.name == name:
            return f
    raise KeyError(name)


@lru_cache(maxsize=512)
def load(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(4, size))


@lru_cache(maxsize=4096)
def has_glyph(path: str, char: str) -> bool:
    if char.isspace():
        return True
    mask = load(path, 48).getmask(char)
    return mask.size[0] > 0 and mask.size[1] > 0 and mask.getbbox() is not None


def font_for_char(fam: FontFamily, variant: int, char: str) -> tuple[str, float]:
    """Path and size scale of the font that should draw ``char`` for this family."""
    path = fam.paths[variant % len(fam.paths)]
    if char not in fam.avoid and has_glyph(path, char):
        return path, fam.scale
    for name in FALLBACK_HAND if fam.kind == "handwriting" else ("dejavu_sans",):
        if name == fam.name:
            continue
        try:
            other = family(name)
        except KeyError:
            continue
        other_path = other.paths[0]
        if char not in other.avoid and has_glyph(other_path, char):
            return other_path, other.scale
    return str(TRUETYPE / "dejavu" / "DejaVuSans.ttf"), 1.0
