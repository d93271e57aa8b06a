"""Font catalogue for synthetic writing, with per-character fallback.

Handwriting-like fonts are incomplete in different ways (femkeklaver has no ñ/¿/¡/Á and draws
digits and capitals hollow), so every family names the character classes it must not be used
for, and a glyph that renders no ink at all is treated as missing too.

Hands are drawn from a pool chosen by split (issue 12, writer-disjoint evaluation):

- ``anterior``: the five Debian families every split used before issue 12 (kept so the old
  figures can be reproduced, and as the default of direct builder calls: samples, training
  scripts). All of them are training hands.
- ``train`` / ``dev`` / ``test``: the families of that split in `synth.hands` (the one split
  shared with the training scripts); ``train`` also holds the five above. A character a family
  lacks is drawn by another family of the SAME split, never by a hand of another split.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from buzon_pipeline.errors import MissingDependencyError
from buzon_pipeline.synth import hands

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
    split: str = ""  # handwriting: train | dev | test (synth.hands); "" for typed faces
    strict: bool = False  # a missing glyph may render as a .notdef box: compare with it


def _existing(*paths: Path) -> tuple[str, ...]:
    return tuple(str(p) for p in paths if p.exists())


def _catalogue() -> tuple[FontFamily, ...]:
    dkg = TRUETYPE / "fifthhorseman"
    comic = OPENTYPE / "comic-neue"
    dejavu = TRUETYPE / "dejavu"
    lib = TRUETYPE / "liberation"
    families = [
        FontFamily("dkg", "handwriting", _existing(dkg / "dkg.ttf", dkg / "dkgIt.ttf"), scale=0.95,
                   split="train"),
        FontFamily("dkg_bold", "handwriting", _existing(dkg / "dkgBd.ttf", dkg / "dkgBI.ttf"),
                   scale=0.95, split="train"),
        FontFamily("breip", "handwriting", _existing(TRUETYPE / "breip" / "Breip.ttf"),
                   avoid=frozenset("¿¡"), scale=1.25, split="train"),
        FontFamily("femkeklaver", "handwriting",
                   _existing(TRUETYPE / "femkeklaver" / "femkeklaver.ttf"),
                   avoid=DIGITS | UPPER | frozenset("¿¡ñ#"), scale=1.15, split="train"),
        FontFamily("comic", "handwriting",
                   _existing(comic / "ComicNeue-Regular.otf", comic / "ComicNeue-Italic.otf",
                             comic / "ComicNeue-Light.otf"), scale=1.0, split="train"),
        FontFamily("dejavu_sans", "typed", _existing(dejavu / "DejaVuSans.ttf")),
        FontFamily("dejavu_serif", "typed", _existing(dejavu / "DejaVuSerif.ttf")),
        FontFamily("liberation_sans", "typed", _existing(lib / "LiberationSans-Regular.ttf")),
        FontFamily("liberation_serif", "typed", _existing(lib / "LiberationSerif-Regular.ttf")),
        FontFamily("liberation_mono", "typed", _existing(lib / "LiberationMono-Regular.ttf")),
    ]
    return tuple(f for f in families if f.paths)


FAMILIES: tuple[FontFamily, ...] = _catalogue()
FALLBACK_HAND = ("breip", "dkg", "comic")
TYPED_FALLBACK = str(TRUETYPE / "dejavu" / "DejaVuSans.ttf")
# Which hands a document is written in: the old five, or one split's families.
HAND_POOLS = ("anterior", *hands.SPLIT_NAMES)
# A character no family of the split has is typed in DejaVu: a typed face, not a hand of
# another split (records name it so).
TYPED_FALLBACK_NAME = "dejavu_sans"


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


@lru_cache(maxsize=256)
def _notdef(path: str) -> bytes:
    """The bitmap a font draws for a character it lacks (a private-use code point)."""
    mask = load(path, 48).getmask("\U0010fffd")
    return bytes(mask.size) + bytes(mask)


@lru_cache(maxsize=16384)
def has_real_glyph(path: str, char: str) -> bool:
    """As `has_glyph`, and not the .notdef box that web fonts draw for a missing character."""
    if not has_glyph(path, char) or char.isspace():
        return has_glyph(path, char)
    mask = load(path, 48).getmask(char)
    return bytes(mask.size) + bytes(mask) != _notdef(path)


def _usable(fam: FontFamily, path: str, char: str) -> bool:
    if char in fam.avoid:
        return False
    return has_real_glyph(path, char) if fam.strict else has_glyph(path, char)


# Size correction of the split families: the height of "0" and "H" as drawn by Comic Neue
# (scale 1.0 in the old catalogue), so a tiny or huge web font writes at a person's size.
_REFERENCE_GLYPHS = "0H"


def _glyph_height(path: str) -> float:
    font = load(path, 100)
    heights = []
    for ch in _REFERENCE_GLYPHS:
        box = font.getbbox(ch)
        heights.append(box[3] - box[1])
    return sum(heights) / len(heights)


@lru_cache(maxsize=1)
def _reference_height() -> float:
    comic = [f for f in FAMILIES if f.name == "comic"]
    return _glyph_height(comic[0].paths[0]) if comic else 70.0


def _auto_scale(path: str) -> float:
    height = _glyph_height(path)
    if height <= 0:
        return 1.0
    return round(min(1.6, max(0.7, _reference_height() / height)), 3)


@lru_cache(maxsize=len(HAND_POOLS))
def hand_pool(split: str) -> tuple[FontFamily, ...]:
    """The handwriting families a document of ``split`` is written in (module docstring).

    Raises MissingDependencyError when a family of the split is not in the cache: a test
    document must never be quietly written in training hands instead.
    """
    if split == "anterior":
        return families("handwriting")
    if split not in hands.SPLIT_NAMES:
        raise ValueError(f"unknown hand pool {split!r}")
    missing = hands.missing_families(split)
    if missing:
        shown = ", ".join(missing[:6]) + ("…" if len(missing) > 6 else "")
        raise MissingDependencyError(
            f"Faltan {len(missing)} de {len(hands.listed(split))} familias de letra manuscrita "
            f"de la partición {split} ({shown}) en {hands.NPM_DIR}. Sin ellas los documentos "
            f"de {split} se escribirían con letras de entrenamiento y la evaluación mediría "
            f"memoria, no lectura. Descárguelas una vez con: {hands.fetch_command()} "
            "(o use --manuscritos anterior, que reproduce la evaluación anterior)."
        )
    # The old five are training hands; the split's Debian copies of them are left out.
    out = list(families("handwriting")) if split == "train" else []
    taken = {p for f in out for p in f.paths}
    for fam in hands.split_families(split):
        paths = tuple(str(p) for p in fam.paths)
        if taken & set(paths):
            continue
        out.append(FontFamily(fam.name, "handwriting", paths, scale=_auto_scale(paths[0]),
                              split=split, strict=True))
    return tuple(out)


def hands_available(split: str) -> bool:
    """Whether `hand_pool(split)` can be built (all the split's families are in the cache)."""
    return split == "anterior" or not hands.missing_families(split)


def _fallbacks(fam: FontFamily) -> tuple[FontFamily, ...]:
    """Who draws a character ``fam`` lacks: a hand of the same split, never another split's."""
    if fam.kind != "handwriting":
        return (family("dejavu_sans"),) if fam.name != "dejavu_sans" else ()
    if fam.split in ("dev", "test"):
        return tuple(f for f in hand_pool(fam.split) if f.name != fam.name)
    out = []
    for name in FALLBACK_HAND:
        if name == fam.name:
            continue
        try:
            out.append(family(name))
        except KeyError:
            continue
    return tuple(out)


@lru_cache(maxsize=65536)
def _font_for_char(fam: FontFamily, variant: int, char: str) -> tuple[str, float, str, str]:
    path = fam.paths[variant % len(fam.paths)]
    if _usable(fam, path, char):
        return path, fam.scale, fam.name, fam.split
    for other in _fallbacks(fam):
        other_path = other.paths[0]
        if _usable(other, other_path, char):
            return other_path, other.scale, other.name, other.split
    return TYPED_FALLBACK, 1.0, TYPED_FALLBACK_NAME, ""


def font_for_char(fam: FontFamily, variant: int, char: str) -> tuple[str, float]:
    """Path and size scale of the font that should draw ``char`` for this family."""
    path, scale, _, _ = _font_for_char(fam, variant, char)
    return path, scale


def families_used(fam: FontFamily, variant: int, text: str) -> list[tuple[str, str]]:
    """(name, split) of every family that draws some character of ``text``, ``fam`` first;
    the split is "" for a typed face (the last-resort DejaVu)."""
    used: dict[tuple[str, str], None] = {}
    for ch in text:
        if not ch.isspace():
            _, _, name, split = _font_for_char(fam, variant, ch)
            used[name, split] = None
    return sorted(used, key=lambda item: item[0] != fam.name)
