"""A letter's (or any non-volante page's) full-page reading, with its NSS and phone read again
digit by digit from the pixels when the page text does not give them confidently."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import cv2
import numpy as np

from buzon_pipeline.core.model import Field
from buzon_pipeline.core.rules import normalise_phone, nss_is_valid
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.digits import DIGITS, EMPTY_CLASS, DigitModel, ink_features
from buzon_pipeline.reading.letter import (
    NSS_LABEL,
    PHONE_LABEL,
    REREAD_BELOW,
    extract_letter_text,
    last_closing,
)


@dataclass(frozen=True)
class LetterReading:
    text: str
    confidence: float
    spans: tuple[tuple[int, int, float], ...]
    # NSS / phone read again from the pixels after their label (extract_letter weighs them
    # against what the full-page text says).
    fields: dict[str, Field]


# Words that sit between a label and its number ("Mi celular es 55…", "NSS: …").
_FILLER = re.compile(r"^(es|al|el|de|del|mi|a|n[uú]m(ero)?\.?|no\.?|:|-|es:)$", re.IGNORECASE)
# Ink groups shorter than this share of the tall ones are separators ("-", "."), not digits; up
# to _SHORT_GLYPH a group may still be a digit (a small "0" in some hands) or a "+".
_SEPARATOR_HEIGHT = 0.3
_SHORT_GLYPH = 0.7
# Strokes overlapping this share of the narrower one's width belong to the same digit.
_SAME_DIGIT_OVERLAP = 0.75
_MIN_STROKE_AREA = 15  # px at 300 dpi; smaller blobs are dust
_PAREN_MAX_WIDTH = 0.45  # width / height
_PAREN_BOW = 0.06  # sideways bow of the middle third, as a share of the height
_WIDE_GROUP = 1.6  # a group this many times the usual digit width is digits joined by a stroke
_JUNK_CONFIDENCE = 0.35  # a group read with less at either end is not part of the number
_TAIL_LINES = 5  # without a closing formula, the page's last lines stand for the signature
# A phone has no check digit: below this its digit-by-digit reading is more often wrong than
# right (dev letters), so it is not offered even as a suggestion.
_MIN_PHONE_CONFIDENCE = 0.4


def read_letter_page(
    gray: np.ndarray,
    dpi: int,
    digits: DigitModel,
    page_ocr: ocr.OcrResult | None = None,
) -> LetterReading:
    """Full-page reading of a letter or any other non-volante page.

    Tesseract reads a whole handwritten page poorly and turns digits into letters. When the
    page text does not already give a valid, confident NSS or phone, the number after its
    label (or on a signature-block line) is read again from the pixels, digit by digit, with
    the comb-box digit model: handwritten digits mostly stand apart. (Tesseract again on the
    crop with a digits-only alphabet found nothing more on dev letters and took 5x longer.)
    ``page_ocr`` is a full-page reading already made (the dev scorer caches it).
    """
    result = page_ocr if page_ocr is not None else ocr.read(gray, psm=3)
    page_fields = extract_letter_text(result.text, result.spans)
    wanted = [
        name
        for name in ("nss", "telefono")
        if not (page_fields[name].value and page_fields[name].confidence >= REREAD_BELOW)
    ]
    fields: dict[str, Field] = {}
    if not wanted or not result.words:
        return LetterReading(result.text, result.confidence, result.spans, fields)
    seen: set[tuple[int, int, int, int]] = set()
    for hint, box in _number_boxes(result):
        if box in seen:
            continue
        seen.add(box)
        x0, y0, x1, y1 = box
        text, conf = read_digit_string(gray[y0:y1, x0:x1], digits)
        for name in (hint,) if hint else ("nss", "telefono"):
            if name not in wanted or (name in fields and fields[name].value):
                continue
            value = _number_value(name, text, conf)
            if value:
                fields[name] = Field(value, conf, box, text, present=True)
                break
            if hint and name not in fields:
                fields[name] = Field(None, 0.0, box, text, present=True)
    return LetterReading(result.text, result.confidence, result.spans, fields)


def _number_boxes(result: ocr.OcrResult) -> list[tuple[str | None, tuple[int, int, int, int]]]:
    """Where a number may be written: after an NSS or phone label, then in the signature block.

    Handwritten labels are often misread ("Atitiación:", "NOS:"), so each line under the
    closing formula that holds digits is tried too; an 11-digit number there must pass the
    check digit to be an NSS and a 10-digit one is a phone.
    """
    boxes: list[tuple[str | None, tuple[int, int, int, int]]] = []
    for name, label in (("nss", NSS_LABEL), ("telefono", PHONE_LABEL)):
        for match in label.finditer(result.text):
            last = _word_before(result, match.end(1))
            box = _value_box(result, last, after_label=True) if last is not None else None
            if box is not None:
                boxes.append((name, box))
    closing = last_closing(result.text)
    start = closing[1] if closing else None
    words, spans = result.words, result.spans
    lines: list[tuple[int, int, int]] = []
    for i, word in enumerate(words):
        if (start is None or spans[i][0] >= start) and word.line not in lines:
            lines.append(word.line)
    for line in lines if start is not None else lines[-_TAIL_LINES:]:
        members = [i for i, w in enumerate(words) if w.line == line]
        head = next(
            (i for i in members[:4] if words[i].text.endswith(":")),
            None,
        )
        if head is None:
            first_digit = next((i for i in members if re.search(r"\d", words[i].text)), None)
            if first_digit is None:
                continue
            head = first_digit - 1
        box = _value_box(result, head, after_label=head >= members[0])
        if box is not None and not any(_same_line(box, other) for _, other in boxes):
            boxes.append((None, box))
    return boxes


def _same_line(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Whether two boxes sit on one line (a labelled number's line is not tried again)."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1])


def _word_before(result: ocr.OcrResult, end: int) -> int | None:
    return max((i for i, (s, _, _) in enumerate(result.spans) if s < end), default=None)


def _value_box(
    result: ocr.OcrResult, last: int, after_label: bool
) -> tuple[int, int, int, int] | None:
    """Pixel box of the words after word `last` on its line (the number written there)."""
    words = result.words
    line = words[last + 1].line if not after_label and last + 1 < len(words) else words[last].line
    value = [i for i in range(last + 1, len(words)) if words[i].line == line]
    while value and _FILLER.match(words[value[0]].text):
        value.pop(0)
    if not value:
        return None
    x0 = min(words[i].box[0] for i in value)
    x1 = max(words[i].box[2] for i in value)
    y0 = min(words[i].box[1] for i in value)
    y1 = max(words[i].box[3] for i in value)
    pad = max(4, (y1 - y0) // 4)
    left = x0 - pad
    if after_label:
        # not left of the label: its last letters are not part of the number
        left = max(left, words[last].box[2] + 1)
    return max(0, left), max(0, y0 - pad), x1 + pad, y1 + pad


def _number_value(name: str, digits: str, confidence: float) -> str | None:
    if name == "nss":
        return digits if len(digits) == 11 and nss_is_valid(digits) else None
    if confidence < _MIN_PHONE_CONFIDENCE:
        return None
    return normalise_phone(digits) if digits else None


def read_digit_string(crop: np.ndarray, model: DigitModel) -> tuple[str, float]:
    """The digits of a handwritten number, one ink group at a time, and the least confidence.

    Handwritten digits mostly stand apart; strokes sharing most of their width are one digit
    (a "5" whose bar lifts off), short groups are separators. A group the model calls "no
    digit" makes the reading unusable (confidence 0): a letter or a scribble is in the way.
    """
    if crop.size == 0:
        return "", 0.0
    smooth = cv2.GaussianBlur(crop, (3, 3), 0)
    paper = float(np.percentile(smooth, 90))
    darkest = float(np.percentile(smooth, 1))
    contrast = max(35.0, 0.25 * (paper - darkest))
    ink = (smooth < paper - contrast).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    spans: list[list] = []
    for i in range(1, count):
        if stats[i, cv2.CC_STAT_AREA] < _MIN_STROKE_AREA:
            continue
        left = int(stats[i, cv2.CC_STAT_LEFT])
        spans.append([left, left + int(stats[i, cv2.CC_STAT_WIDTH]), [i]])
    spans.sort(key=lambda span: span[0])
    groups: list[list] = []
    for span in spans:
        if groups:
            lo, hi, members = groups[-1]
            overlap = min(hi, span[1]) - max(lo, span[0])
            if overlap >= _SAME_DIGIT_OVERLAP * min(hi - lo, span[1] - span[0]):
                groups[-1] = [min(lo, span[0]), max(hi, span[1]), members + span[2]]
                continue
        groups.append(span)
    if not groups:
        return "", 0.0
    masks = []
    for lo, hi, members in groups:
        mask = np.isin(labels[:, lo:hi], members).astype(np.uint8)
        rows = np.nonzero(mask.any(axis=1))[0]
        masks.append(mask[rows[0] : rows[-1] + 1])
    tall = float(np.percentile([m.shape[0] for m in masks], 75))
    glyphs = [m for m in masks if m.shape[0] >= _SEPARATOR_HEIGHT * tall and not _is_parenthesis(m)]
    # this hand's usual digit width: most groups are single digits
    usual = float(np.median([m.shape[1] for m in glyphs])) if glyphs else 0.0
    kept = [piece for m in glyphs for piece in _split_touching(m, usual)]
    if not kept:
        return "", 0.0
    probs = model.predict_proba(np.stack([ink_features(_as_cell(m, tall)) for m in kept]))
    read: list[tuple[str | None, float, bool]] = []  # digit, confidence, full height
    for mask, row in zip(kept, probs, strict=True):
        best = int(row.argmax())
        digit = DIGITS[best] if best != EMPTY_CLASS else None
        read.append((digit, float(row[best]), mask.shape[0] >= _SHORT_GLYPH * tall))
    # the label's last letters or a stray mark before or after the number
    while read and (read[0][0] is None or read[0][1] < _JUNK_CONFIDENCE):
        read.pop(0)
    while read and (read[-1][0] is None or read[-1][1] < _JUNK_CONFIDENCE):
        read.pop()
    text, confidences = "", []
    for digit, conf, full in read:
        if digit is None:
            if full:
                return "", 0.0  # a full-height shape that is no digit: a letter, a scribble
            continue  # a "+" or a small mark between digit groups
        text += digit
        confidences.append(conf)
    return text, min(confidences, default=0.0)


def _split_touching(mask: np.ndarray, usual: float) -> list[np.ndarray]:
    """Cut a group as wide as several digits (joined strokes) at its thinnest columns."""
    width = mask.shape[1]
    if usual <= 0 or width < _WIDE_GROUP * usual:
        return [mask]
    parts = round(width / usual)
    parts = min(parts, 4)
    ink = mask.sum(axis=0)
    step = width / parts
    window = max(1, int(step * 0.3))
    cuts = [0]
    for j in range(1, parts):
        centre = int(j * step)
        lo, hi = max(cuts[-1] + 1, centre - window), min(width - 1, centre + window)
        if hi <= lo:
            return [mask]
        cuts.append(lo + int(np.argmin(ink[lo:hi])))
    cuts.append(width)
    pieces = []
    for a, b in itertools.pairwise(cuts):
        piece = mask[:, a:b]
        rows = np.nonzero(piece.any(axis=1))[0]
        if len(rows):
            pieces.append(piece[rows[0] : rows[-1] + 1])
    return pieces


def _is_parenthesis(mask: np.ndarray) -> bool:
    """A tall, narrow stroke bowed sideways: "(" or ")" around an area code, not a "1"."""
    height, width = mask.shape
    if height < 12 or width > _PAREN_MAX_WIDTH * height:
        return False
    cols = np.arange(width)

    def centre(rows: np.ndarray) -> float | None:
        weight = rows.sum()
        return float((rows.sum(axis=0) * cols).sum() / weight) if weight else None

    third = height // 3
    top, middle, bottom = (centre(mask[a : a + third]) for a in (0, third, 2 * third))
    if top is None or middle is None or bottom is None:
        return False
    # a slanted "1" is straight: its middle lies halfway between its ends
    return abs(middle - (top + bottom) / 2) > _PAREN_BOW * height


def _as_cell(mask: np.ndarray, tall: float) -> np.ndarray:
    """A digit's ink placed in a comb-cell-like frame (the model's size cues expect one)."""
    height, width = mask.shape
    cell_h = max(height, round(tall / 0.7))
    cell_w = max(width, round(cell_h * 0.8))
    cell = np.zeros((cell_h, cell_w), np.uint8)
    top, left = (cell_h - height) // 2, (cell_w - width) // 2
    cell[top : top + height, left : left + width] = mask
    return cell
