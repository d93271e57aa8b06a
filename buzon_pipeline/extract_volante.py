"""Volante (Anexo 12) extraction on a page aligned to the template.

Each zone gets the reader that fits it: per-cell digit recognition for the NSS and phone
combs, single-line Tesseract for text boxes, block Tesseract for the description, and ink
fill ratio for the checkboxes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import cv2
import numpy as np

from . import ocr
from .datatypes import Field
from .digits import DigitModel, split_comb
from .form import FieldSpec, FormLayout, box_to_px, mm_to_px
from .validate import (
    normalise_phone,
    nss_is_valid,
    recover_email,
    repairs_from_alternatives,
    strip_accents,
)

TEXT_FIELDS = ("nombre", "correo", "unidad", "servicio")
CHECKBOXES = {
    "tipo_queja": "queja",
    "tipo_sugerencia": "sugerencia",
    "tipo_reconocimiento": "reconocimiento",
    "tipo_otro": "otro",
}
CHECKBOX_FILL = 0.10
MIN_INK_SHARE = 0.004
INK_CONTRAST = 80  # grey levels below the paper that count as ink
INK_FLOOR = 100
DUST_PX = 60  # ink pixels (at 300 dpi) below which an isolated blot is dust, not writing
PAD_PX = 12  # white border around an isolated zone: Tesseract misreads glyphs at the edge
# Border leftovers and punctuation OCR glues to the ends of an address
VOTE_DISAGREE = 0.5  # confidence factor when the second reading gives another value
ODD_WORD_PENALTY = 0.5
DIGIT_LIKE = "lioqgzsb"  # letters OCR reads for handwritten 1, 0, 9, 2, 5, 6
TLD_LABELS = {"com", "mx", "net", "es", "org", "gob", "edu"}
JUNK_ENDS = re.compile(r"^[^a-z0-9]+|[^a-z0-9]+$", re.IGNORECASE)


@dataclass(frozen=True)
class VolanteReading:
    fields: dict[str, Field]
    marks: dict[str, bool]
    description: str
    description_confidence: float
    notes: tuple[str, ...]


def extract_volante(
    aligned: np.ndarray, dpi: int, layout: FormLayout, digits: DigitModel
) -> VolanteReading:
    fields: dict[str, Field] = {}
    notes: list[str] = []
    for name in TEXT_FIELDS:
        fields[name] = _text_field(aligned, layout.field(name), dpi, name)
    nss, nss_note = _comb_field(aligned, layout.field("nss"), dpi, digits, is_nss=True)
    phone, _ = _comb_field(aligned, layout.field("telefono"), dpi, digits, is_nss=False)
    fields["nss"], fields["telefono"] = nss, phone
    if nss_note:
        notes.append(nss_note)
    marks = {
        label: _checkbox(aligned, layout.field(name), dpi) for name, label in CHECKBOXES.items()
    }
    spec = layout.field("descripcion")
    crop = _remove_lines(_crop(aligned, spec, dpi, margin_mm=1.5))
    reading = ocr.read(crop, psm=6) if _ink_share(crop) >= MIN_INK_SHARE else ocr.EMPTY
    return VolanteReading(fields, marks, reading.text, reading.confidence, tuple(notes))


def _crop(image: np.ndarray, spec: FieldSpec, dpi: int, margin_mm: float = 0.0) -> np.ndarray:
    x0, y0, x1, y1 = box_to_px(spec.box, dpi)
    m = round(mm_to_px(margin_mm, dpi))
    h, w = image.shape
    return image[max(0, y0 - m) : min(h, y1 + m), max(0, x0 - m) : min(w, x1 + m)]


def _remove_lines(crop: np.ndarray) -> np.ndarray:
    """Erase printed box borders and ruled lines so OCR sees only handwriting."""
    if crop.size == 0:
        return crop
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h, w = crop.shape
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(25, w // 8)), np.uint8))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(25, int(h * 0.7)), 1), np.uint8))
    lines = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((3, 3), np.uint8))
    cleaned = crop.copy()
    cleaned[lines > 0] = 255
    return cleaned


def _ink_share(crop: np.ndarray) -> float:
    """Share of pixels clearly darker than this crop's paper: a fixed cut (< 128) misses light
    pen and pencil strokes, which then count as an empty box."""
    if crop.size == 0:
        return 0.0
    paper = float(np.percentile(crop, 90))
    return float((crop < max(INK_FLOOR, paper - INK_CONTRAST)).mean())


def _text_field(image: np.ndarray, spec: FieldSpec, dpi: int, name: str) -> Field:
    crop = _remove_lines(_crop(image, spec, dpi, margin_mm=1.0))
    box = box_to_px(spec.box, dpi)
    if _ink_share(crop) < MIN_INK_SHARE:
        return Field(None, 0.0, box)
    if name == "correo":
        return _email_zone(_isolate_writing(crop, dpi), box)
    if name == "nombre":
        return _name_zone(_isolate_writing(crop, dpi), box)
    reading = ocr.read(crop, psm=7, lang=ocr.LANG)
    raw = reading.text.strip()
    return Field(" ".join(raw.split()) or None, reading.confidence, box, raw, present=True)


def _isolate_writing(crop: np.ndarray, dpi: int) -> np.ndarray:
    """The zone cut to its writing: specks of scanner dust far from the text are erased
    (Tesseract reads them as junk words) and the crop shrinks to the ink's bounding box."""
    paper = float(np.percentile(crop, 90))
    ink = (crop < max(INK_FLOOR, paper - INK_CONTRAST)).astype(np.uint8)
    scale = dpi / 300
    # Dilation joins the letters of a word and an "i"'s dot to its stem, so what stays
    # isolated and small is dust, not writing.
    reach = max(3, round(14 * scale))
    grouped = cv2.dilate(ink, np.ones((max(3, round(10 * scale)), reach), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    if n <= 1:
        return crop
    mass = np.bincount(labels.ravel(), weights=ink.ravel(), minlength=n)
    mass[0] = 0
    keep = mass >= max(DUST_PX * scale * scale, 0.04 * mass.max())
    keep[0] = False
    cleaned = crop.copy()
    cleaned[~keep[labels] & (ink > 0)] = 255
    xs = stats[keep, cv2.CC_STAT_LEFT]
    ys = stats[keep, cv2.CC_STAT_TOP]
    x1 = (stats[keep, cv2.CC_STAT_LEFT] + stats[keep, cv2.CC_STAT_WIDTH]).max()
    y1 = (stats[keep, cv2.CC_STAT_TOP] + stats[keep, cv2.CC_STAT_HEIGHT]).max()
    cut = cleaned[ys.min() : y1, xs.min() : x1]
    pad = max(4, round(PAD_PX * scale))
    return cv2.copyMakeBorder(cut, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)


def _email_zone(crop: np.ndarray, box) -> Field:
    # E-mail addresses are ASCII, and the English model reads "@" where Spanish reads "O".
    reading = ocr.read(crop, psm=7, lang="eng")
    raw = reading.text.strip()
    if _email_in_words(reading, crop)[0] is None:
        return Field(None, reading.confidence, box, raw, present=True)
    # Tesseract's confidence in one long token says little about its letters; a second reading
    # at another scale misreads different letters, so two equal addresses are rarely both wrong.
    enlarged = _enlarged(crop)
    second = ocr.read(enlarged, psm=7, lang="eng")
    email, confidence = _email_vote(reading, second, (crop, enlarged))
    return Field(email, confidence, box, raw, present=True)


def _email_vote(
    first: ocr.OcrResult,
    second: ocr.OcrResult,
    images: tuple[np.ndarray | None, np.ndarray | None] = (None, None),
) -> tuple[str | None, float]:
    email, confidence, repaired = _email_in_words(first, images[0])
    other, confidence2, repaired2 = _email_in_words(second, images[1])
    if email is None or other != email:
        return None, min(confidence, confidence2) * VOTE_DISAGREE
    # Both readings can make the same slip; such a value goes to a person as raw text. A repair
    # both readings needed (a lost "@" or dot) never gave a right address on dev: where OCR lost
    # the domain's dot it had lost the user's too.
    if (
        (repaired and repaired2)
        or _doubtful_user(email.split("@")[0])
        or _other_words(first, email)
    ):
        return None, min(confidence, confidence2) * VOTE_DISAGREE
    return email, (confidence + confidence2) / 2


def _doubtful_user(user: str) -> bool:
    """A lone digit beside a letter OCR makes of a digit ("lara16" read "laral6", "ana21" read
    "ana2l"): where a written number ends up split between a letter and a digit."""
    for match in re.finditer(r"\d+", user):
        before = user[match.start() - 1] if match.start() else "-"
        after = user[match.end()] if match.end() < len(user) else "-"
        if after in DIGIT_LIKE or (len(match.group()) == 1 and before in DIGIT_LIKE):
            return True
    return False


def _other_words(reading: ocr.OcrResult, email: str) -> bool:
    """Writing left of the address that could be the start of its user, split off by a space
    (marks right of it are border leftovers or dust)."""
    for word in reading.words:
        if "@" in word.text or word.text.lower().strip(".") in email:
            return False
        if sum(ch.isalnum() for ch in word.text) >= 3:
            return True
    return False


def _dot_between(image: np.ndarray, left: ocr.Word, right: ocr.Word) -> bool:
    """Whether the gap between two words of a line holds a dot on the baseline."""
    x0, x1 = left.box[2], right.box[0]
    top = min(left.box[1], right.box[1])
    bottom = max(left.box[3], right.box[3])
    height = bottom - top
    if x1 - x0 < 2 or height < 8 or x1 - x0 > height:
        return False
    gap = image[top : bottom + 1, x0:x1]
    paper = float(np.percentile(image, 90))
    # A dot is a few pixels and blurs lighter than strokes: half the usual contrast.
    ink = (gap < paper - INK_CONTRAST / 2).astype(np.uint8)
    n, _, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    for i in range(1, n):
        w, h = stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]
        small = max(w, h) <= 0.3 * height and stats[i, cv2.CC_STAT_AREA] >= 4
        if small and centres[i][1] >= 0.55 * height and w <= 2 * h:
            return True
    return False


def _enlarged(crop: np.ndarray) -> np.ndarray:
    return cv2.resize(crop, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)


def _email_in_words(
    reading: ocr.OcrResult, image: np.ndarray | None = None
) -> tuple[str | None, float, bool]:
    """The address among the words of a line, its words' confidence, and whether repaired.

    Junk marks around the address are separate words and do not count; words are joined only
    across a space next to "@" or a dot, where OCR splits an address it reads.
    """
    chunks: list[list[ocr.Word]] = []
    for word in reading.words:
        if chunks and (chunks[-1][-1].text[-1] in "@." or word.text[0] in "@."):
            chunks[-1].append(word)
        elif chunks and image is not None and _dot_between(image, chunks[-1][-1], word):
            # Tesseract drops a faint printed dot and reads a space ("gmail com"); the dot is
            # still on the paper, which tells it from an address written with a space.
            chunks[-1].append(ocr.Word("." + word.text, word.confidence, word.box, word.line))
        else:
            chunks.append([word])
    found = []
    for chunk, after in itertools.zip_longest(chunks, chunks[1:]):
        text = JUNK_ENDS.sub("", "".join(w.text for w in chunk))
        email, repaired = recover_email(text)
        if email and after and JUNK_ENDS.sub("", after[0].text).lower() in TLD_LABELS:
            # "yahoo com mx" with only the first dot seen: the domain goes on past the address
            return None, 0.0, False
        if email:
            found.append((email, float(np.mean([w.confidence for w in chunk])), repaired))
    if len(found) != 1:
        return None, 0.0, False  # two addresses in one box: not one person's contact
    return found[0]


def _name_zone(crop: np.ndarray, box) -> Field:
    reading = ocr.read(crop, psm=7, lang=ocr.LANG)
    raw = reading.text.strip()
    words = _name_words(reading.words)
    if not words:
        return Field(None, reading.confidence, box, raw, present=True)
    value = " ".join(_words_text(words))
    confidence = float(np.mean([w.confidence for w in words]))
    # The English model knows no accents but the comparison of names ignores them; it misreads
    # handwriting differently from the Spanish one, so their agreement is the best evidence.
    other = _name_words(ocr.read(crop, psm=7, lang="eng").words)
    if _name_key(_words_text(other)) == _name_key(_words_text(words)):
        confidence = (confidence + float(np.mean([w.confidence for w in other]))) / 2
    else:
        confidence *= VOTE_DISAGREE
    if any(_odd_name_word(w.text) for w in words):
        confidence *= ODD_WORD_PENALTY
    return Field(value, confidence, box, raw, present=True)


def _name_words(words: tuple[ocr.Word, ...]) -> list[ocr.Word]:
    kept = list(words)
    while kept and not _is_name_word(kept[-1].text):
        kept.pop()
    while kept and not _is_name_word(kept[0].text):
        kept.pop(0)
    return kept


def _words_text(words: list[ocr.Word]) -> list[str]:
    # A dot after a whole word is a speck or a slip of the pen; "MA." or "FCO." abbreviate.
    return [w.text.rstrip(".") if _letters(w.text) >= 4 else w.text for w in words]


def _name_key(words: list[str]) -> str:
    # The English model reads "ñ", which it lacks, as "fi".
    return strip_accents("".join(words)).upper().replace("FI", "N")


def _odd_name_word(word: str) -> bool:
    """A word no name is written with: symbols inside, or a capital after a small letter."""
    core = word.rstrip(".")
    if any(not (ch.isalpha() or ch in "'-") for ch in core):
        return True
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(core))


def _letters(word: str) -> int:
    return sum(ch.isalpha() for ch in word)


def _trim_stray_marks(text: str) -> str:
    """Drop the leftovers of erased box borders OCR reads at a name's ends ("|", ".", "o")."""
    words = text.split()
    while words and not _is_name_word(words[-1]):
        words.pop()
    while words and not _is_name_word(words[0]):
        words.pop(0)
    return " ".join(words)


def _is_name_word(word: str) -> bool:
    letters = _letters(word)
    return letters >= 2 or (letters == 1 and word[0].isupper())


def _comb_field(
    image: np.ndarray, spec: FieldSpec, dpi: int, digits: DigitModel, is_nss: bool
) -> tuple[Field, str | None]:
    box = box_to_px(spec.box, dpi)
    crop = _crop(image, spec, dpi, margin_mm=1.0)
    readings = digits.read_cells(split_comb(crop, spec.cells or 1))
    written = [r for r in readings if r.digit is not None]
    if not written:
        return Field(None, 0.0, box), None
    raw = "".join(r.digit for r in written)
    confidence = min(r.confidence for r in written)
    if not is_nss:
        return Field(normalise_phone(raw), confidence, box, raw, present=True), None
    if nss_is_valid(raw):
        cells_right = float(np.prod([r.confidence for r in written]))
        return Field(raw, checked_confidence(cells_right), box, raw, present=True), None
    candidates = repairs_from_alternatives(
        [r.digit for r in written], [r.alternatives for r in written]
    )
    if len(candidates) == 1:
        note = "NSS corregido en un dígito dudoso para cumplir el dígito verificador."
        return Field(candidates[0][0], confidence, box, raw, present=True), note
    # Eleven digits that fail the check are kept as written: on dev they were mostly what the
    # person wrote (20 of 24), and validation sends them to review wherever the NSS matters.
    written_nss = raw if len(raw) == 11 else None
    return Field(written_nss, confidence, box, raw, present=True), None


def checked_confidence(all_cells_right: float, pass_if_wrong: float = 0.1) -> float:
    """P(NSS right | it passed the check digit), from P(every cell read right).

    A misreading passes the Luhn check at most one time in ten (a single wrong digit never
    does), so a number that passes is much more likely right than its cells alone say.
    """
    wrong = 1.0 - all_cells_right
    return all_cells_right / (all_cells_right + wrong * pass_if_wrong)


def _checkbox(image: np.ndarray, spec: FieldSpec, dpi: int) -> bool:
    x0, y0, x1, y1 = box_to_px(spec.box, dpi)
    inset = round(mm_to_px(1.0, dpi))
    inner = image[y0 + inset : y1 - inset, x0 + inset : x1 - inset]
    return inner.size > 0 and float((inner < 128).mean()) >= CHECKBOX_FILL
