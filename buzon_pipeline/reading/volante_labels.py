"""Label-anchored reading of volantes that do not align to Anexo 12 (DESIGN §2).

Other printings of the volante de buzón (half pages, underlines instead of boxes, other
wording and order of the labels, no corner marks, landscape) fail the template alignment. Their
printed labels are still there: the full-page OCR words are searched for them (Nombre; NSS /
No. de Seguridad Social / Núm. de afiliación; Teléfono / Tel. / Celular; Correo / E-mail;
Queja / Sugerencia / Reconocimiento / Felicitación / Otro …), and each value is read where a
form puts it: beside its label (on an underline or in cells) or below it (in a box or on a
line), whichever holds the writing. Each value goes to the reader the canonical volante uses
for it: the name and e-mail readers of volante_text, the comb-cell digit model for cells, OCR
digits when typed and the free-line digit reader when handwritten on a line; ticks are the ink
inside the printed square next to a type label.

A page is taken for a volante only when it has checkbox squares beside at least two type
labels and either the form's title or two data labels: a letter quotes "queja" or "Tel.:",
but has no printed squares beside them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

import cv2
import numpy as np

from buzon_pipeline.core.model import Field
from buzon_pipeline.core.rules import normalise_phone, nss_is_valid, strip_accents
from buzon_pipeline.core.vocab import CONTACT_DATA, FIELDS, MARK_TO_TIPOS
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.digits import DigitModel
from buzon_pipeline.reading.form import mm_to_px
from buzon_pipeline.reading.letter_page import read_digit_string
from buzon_pipeline.reading.volante import (
    VolanteReading,
    checked_confidence,
    read_comb,
)
from buzon_pipeline.reading.volante_text import (
    INK_CONTRAST,
    INK_FLOOR,
    isolate_writing,
    read_email_zone,
    read_name_zone,
)

Box = tuple[int, int, int, int]

# The labelled data and the checkbox marks are the project's own vocabulary (core/vocab).
DATA_KEYS = CONTACT_DATA
TICK_KEYS = tuple(MARK_TO_TIPOS)
# A felicitación is a reconocimiento (Anexo 3, 4.39): the mark it stands for.
TICK_WORDS = {
    "queja": "queja",
    "quejas": "queja",
    "sugerencia": "sugerencia",
    "reconocimiento": "reconocimiento",
    "felicitacion": "reconocimiento",
    "felicitaciones": "reconocimiento",
    "otro": "otro",
    "otros": "otro",
}
DESCRIPTION_WORDS = ("describa", "descripcion", "comentarios", "comentario", "motivo",
                     "observaciones", "mensaje")
TITLE_WORDS = ("volante", "buzon")
# Words a label is made of; a label runs over them left and right of its key word.
LABEL_WORDS = {
    "no", "num", "numero", "n", "de", "del", "seguridad", "social", "nss", "afiliacion",
    "completo", "y", "apellidos", "apellido", "nombre", "nombres", "electronico", "correo",
    "telefono", "tel", "cel", "celular", "movil", "e-mail", "email", "mail", "10", "digitos",
    "opcional", "o", "fijo", "contacto",
}
# Names of other people on a form ("Nombre del servidor público", "Nombre del personal TAOD").
NOT_PERSON_NAME = ("del", "servidor", "personal", "taod", "medico", "quien")

# Height of a printed label word's OCR box (8–10 pt with its ascenders), at any dpi.
LABEL_HEIGHT_MM = 2.7
_FUZZY = 0.8  # similarity from which a misread word counts as the label word
_PRINTED_REREAD_CONF = 0.90  # a short word read under this is read again on its own
_GARBLED_CONF = 0.40  # a long word read under this may hide a label glued to cells
TYPED_DIGITS_CONF = 0.85  # OCR digits at or above this are typed, not handwritten
# Share of a square's inside inked for a tick. An empty printed square is clean inside (0.0
# on dev pages); a light check mark covers 0.09 of it, under the canonical form's 0.10.
TICK_FILL = 0.04
MIN_WRITING_PX = 200  # stroke pixels (300 dpi) from which a value zone holds writing: a
# handwritten digit has about 400
VOLANTE_NOTE = (
    "Volante de un formato distinto del Anexo 12: los datos se leyeron junto a sus etiquetas."
)


@dataclass(frozen=True)
class Label:
    key: str  # a DATA_KEYS / TICK_KEYS entry, "descripcion" or "titulo"
    box: Box  # the whole printed label, in page pixels
    height: int  # height of its key word (the printed text's size)


def _norm(word: str) -> str:
    return strip_accents(word).lower().strip(" .,:;()[]|¿?¡!*-_'\"")


def _similar(word: str, target: str) -> bool:
    if word == target:
        return True
    if len(target) < 5 or len(word) < 4:
        return False
    # The two quick ratios are upper bounds of ratio(): most words of a letter fail them, and
    # the full comparison is only made for the few that could match.
    matcher = difflib.SequenceMatcher(None, word, target)
    return (
        matcher.real_quick_ratio() >= _FUZZY
        and matcher.quick_ratio() >= _FUZZY
        and matcher.ratio() >= _FUZZY
    )


def _data_key(words: list[str], i: int) -> str | None:
    """The datum a word names (with the words after it, for "seguridad social")."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if _similar(w, "nombre") or _similar(w, "nombres"):
        return None if nxt in NOT_PERSON_NAME else "nombre"
    if w in ("nss", "n.s.s", "nss:") or _similar(w, "afiliacion"):
        return "nss"
    if _similar(w, "seguridad") and _similar(nxt, "social"):
        return "nss"
    if _similar(w, "telefono") or w in ("tel", "tel.", "cel", "cel.") or _similar(w, "celular"):
        return "telefono"
    if _similar(w, "movil") or _similar(w, "whatsapp"):
        return "telefono"
    if _similar(w, "correo") or w in ("e-mail", "email", "e-mail:", "mail"):
        return "correo"
    return None


def _key_of(words: list[str], i: int) -> str | None:
    w = words[i]
    for word, mark in TICK_WORDS.items():
        if _similar(w, word):
            return mark
    if w in DESCRIPTION_WORDS:  # exact: "escribo" is one letter from "describa"
        return "descripcion"
    if any(_similar(w, t) for t in TITLE_WORDS):
        return "titulo"
    return _data_key(words, i)


def _union(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def find_labels(gray: np.ndarray, result: ocr.OcrResult) -> list[Label]:
    """The printed labels among the page's OCR words, each widened over its other words."""
    words = _reread_garbled_words(gray, list(result.words))
    words = _reread_short_words(gray, words)
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(words):
        lines.setdefault(word.line, []).append(i)
    labels: list[Label] = []
    for members in lines.values():
        members.sort(key=lambda i: words[i].box[0])
        texts = [_norm(words[i].text) for i in members]
        used: set[int] = set()
        for j, i in enumerate(members):
            if j in used:
                continue
            key = _key_of(texts, j)
            if key is None:
                continue
            word = words[i]
            height = word.box[3] - word.box[1]
            if key in TICK_KEYS and len(members) > 8:
                continue  # a type word inside a sentence, not a checkbox label
            span = [j]
            if key in DATA_KEYS:
                span = _label_span(words, members, texts, j, height)
            used.update(span)
            labels.append(Label(key, _union([words[members[k]].box for k in span]), height))
    return labels


def _label_span(words: list[ocr.Word], members: list[int], texts: list[str], j: int,
                height: int) -> list[int]:
    """The key word and the label words next to it on its line ("No. de Seguridad Social
    (NSS)"), up to a colon; a value written after the label is not part of it."""
    span = [j]
    k = j - 1
    while k >= 0 and texts[k] in LABEL_WORDS and not words[members[k]].text.endswith(":"):
        if words[members[k + 1]].box[0] - words[members[k]].box[2] > 2 * height:
            break
        span.insert(0, k)
        k -= 1
    k = j
    while not words[members[k]].text.rstrip(")").endswith(":") and k + 1 < len(members):
        nxt = members[k + 1]
        gap = words[nxt].box[0] - words[members[k]].box[2]
        raw = words[nxt].text
        part = texts[k + 1] in LABEL_WORDS or raw.startswith("(")
        printed_size = words[nxt].box[3] - words[nxt].box[1] <= 1.6 * height
        if not part or gap > 2 * height or not printed_size:
            break
        k += 1
        span.append(k)
    return span


def _reread_garbled_words(gray: np.ndarray, words: list[ocr.Word]) -> list[ocr.Word]:
    """Long words read with very low confidence, read again without the printed rules: next
    to one-digit cells the page reading glues a label and the cells into one word ("Tel.:"
    and ten cells came out "r|6/s/6/2/1/4/6/7|3/0")."""
    out: list[ocr.Word] = []
    for word in words:
        x0, y0, x1, y1 = word.box
        garbled = word.confidence < _GARBLED_CONF and (x1 - x0) > 3 * (y1 - y0)
        if not garbled:
            out.append(word)
            continue
        pad = max(4, (y1 - y0) // 4)
        top, left = max(0, y0 - pad), max(0, x0 - pad)
        crop = gray[top : y1 + pad, left : x1 + pad].copy()
        crop[_long_lines(_ink(crop), 300) > 0] = 255
        again = ocr.read(crop, psm=7).words
        if not any(_key_of([_norm(w.text)], 0) for w in again):
            out.append(word)
            continue
        for w in again:
            bx0, by0, bx1, by1 = w.box
            box = (bx0 + left, by0 + top, bx1 + left, by1 + top)
            out.append(ocr.Word(w.text, w.confidence, box, word.line))
    return out


def _reread_short_words(gray: np.ndarray, words: list[ocr.Word]) -> list[ocr.Word]:
    """Short words read with low confidence, read again alone: next to cells or a mark the
    page reading garbles a printed label ("NSS:" came out "ws", "Tel.:" as "re:")."""
    if not words:
        return words
    heights = [w.box[3] - w.box[1] for w in words if w.confidence >= _PRINTED_REREAD_CONF]
    if not heights:
        return words
    printed = float(np.median(heights))
    out = []
    for word in words:
        x0, y0, x1, y1 = word.box
        small = (y1 - y0) <= 1.5 * printed and len(word.text) <= 8
        if word.confidence >= _PRINTED_REREAD_CONF or not small or _key_of([_norm(word.text)], 0):
            out.append(word)
            continue
        pad = max(4, (y1 - y0) // 3)
        crop = gray[max(0, y0 - pad) : y1 + pad, max(0, x0 - pad) : x1 + pad]
        again = ocr.read(crop, psm=7)
        text = again.text.strip()
        if text and " " not in text and _key_of([_norm(text)], 0):
            out.append(ocr.Word(text, again.confidence, word.box, word.line))
        else:
            out.append(word)
    return out


# --- printed squares ------------------------------------------------------------------------


def find_squares(gray: np.ndarray, dpi: int) -> list[Box]:
    """Printed checkbox squares: closed frames of straight strokes 2.5–9 mm a side.

    Straight strokes are kept by opening with a line shorter than the smallest side, so a
    handwritten X (diagonal) never hides or fakes a square.
    """
    ink = _ink(gray)
    side_min, side_max = mm_to_px(2.5, dpi), mm_to_px(9.0, dpi)
    run = max(5, round(side_min * 0.7))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, run), np.uint8))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((run, 1), np.uint8))
    frames = cv2.bitwise_or(horiz, vert)
    count, _, stats, _ = cv2.connectedComponentsWithStats(frames, connectivity=8)
    squares: list[Box] = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        if not (side_min <= w <= side_max * 1.3 and side_min <= h <= side_max * 1.3):
            continue
        box = _frame_of(horiz[y : y + h, x : x + w], vert[y : y + h, x : x + w])
        if box is None:
            continue
        bx0, by0, bx1, by1 = box
        bw, bh = bx1 - bx0, by1 - by0
        if side_min <= bw <= side_max and side_min <= bh <= side_max and 0.75 <= bw / bh <= 1.33:
            squares.append((x + bx0, y + by0, x + bx1, y + by1))
    return squares


def _frame_of(horiz: np.ndarray, vert: np.ndarray) -> Box | None:
    """The frame inside a component: its outermost rows and columns inked along most of its
    size. A tick's strokes through a corner lengthen the component, not these rules."""
    h, w = horiz.shape
    rows = np.flatnonzero((horiz > 0).sum(axis=1) >= 0.6 * w)
    cols = np.flatnonzero((vert > 0).sum(axis=0) >= 0.6 * h)
    if len(rows) < 2 or len(cols) < 2:
        return None
    top, bottom, left, right = int(rows[0]), int(rows[-1]), int(cols[0]), int(cols[-1])
    if bottom - top < 0.5 * h or right - left < 0.5 * w:
        return None
    return left, top, right + 1, bottom + 1


def _ink(gray: np.ndarray) -> np.ndarray:
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def _tick_boxes(labels: list[Label], squares: list[Box]) -> dict[str, Box]:
    """The square next to each type label (left or right, on its line), nearest first."""
    pairs = []
    for n, label in enumerate(labels):
        if label.key not in TICK_KEYS:
            continue
        lx0, ly0, lx1, ly1 = label.box
        centre = (ly0 + ly1) / 2
        h = label.height
        for s, (sx0, sy0, sx1, sy1) in enumerate(squares):
            if abs((sy0 + sy1) / 2 - centre) > 0.8 * max(h, sy1 - sy0):
                continue
            gap = lx0 - sx1 if sx1 <= lx0 + h * 0.2 else sx0 - lx1
            if -0.3 * h <= gap <= 4 * h:
                pairs.append((gap, n, s))
    found: dict[str, Box] = {}
    used_labels: set[int] = set()
    used_squares: set[int] = set()
    for _, n, s in sorted(pairs):
        if n in used_labels or s in used_squares or labels[n].key in found:
            continue
        used_labels.add(n)
        used_squares.add(s)
        found[labels[n].key] = squares[s]
    return found


def _ticked(gray: np.ndarray, box: Box) -> bool:
    x0, y0, x1, y1 = box
    inset = max(2, round(0.2 * (x1 - x0)))
    inner = gray[y0 + inset : y1 - inset, x0 + inset : x1 - inset]
    return inner.size > 0 and float((inner < 128).mean()) >= TICK_FILL


# --- the page -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledPage:
    labels: list[Label]
    ticks: dict[str, Box]
    dpi: int = 300  # the page's effective resolution (effective_dpi)

    def keys(self, group: tuple[str, ...]) -> set[str]:
        return {lab.key for lab in self.labels if lab.key in group}

    @property
    def is_volante(self) -> bool:
        """Squares beside two type labels, and the title or two data labels."""
        if len(self.ticks) < 2:
            return False
        titled = any(lab.key == "titulo" for lab in self.labels)
        return titled or len(self.keys(DATA_KEYS)) >= 2


def analyse_labels(gray: np.ndarray, dpi: int, result: ocr.OcrResult) -> LabelledPage:
    """The page's labels and the squares beside its type labels.

    Only a page with printed squares is looked at again: its dark ink alone, without rules,
    read as sparse text (Tesseract's psm 11). In the page reading a label is often glued to
    the cells or the handwriting beside it, or to the back side's text showing through
    ("Nombre:" came out "ce", "NSS:" "ss"); one more reading (about 0.8 s) finds them.
    """
    labels = find_labels(gray, result)
    dpi = effective_dpi(labels, dpi)
    squares = [sq for sq in find_squares(gray, dpi) if not _inside_a_word(sq, result)]
    if len(squares) < 2:
        return LabelledPage(labels, {}, dpi)  # no checkboxes: not a volante, whatever its words
    clean = _dark_ink_only(gray, dpi)
    labels = _merge(find_labels(clean, ocr.read(clean, psm=11)), labels)
    return LabelledPage(labels, _tick_boxes(labels, squares), dpi)


def effective_dpi(labels: list[Label], dpi: int) -> int:
    """The page's real resolution when it is clearly lower than declared: a scan made at
    150 dpi and labelled 300 (or a reduced photocopy) has printed labels half as tall, and
    every size in millimetres must shrink with them."""
    heights = [lab.height for lab in labels if lab.key in DATA_KEYS or lab.key in TICK_KEYS]
    if len(heights) < 3:
        return dpi
    ratio = float(np.median(heights)) / mm_to_px(LABEL_HEIGHT_MM, dpi)
    return round(dpi * ratio) if ratio < 0.7 else dpi


def _inside_a_word(square: Box, result: ocr.OcrResult) -> bool:
    """A "square" within a confidently read word is a bold letter (D, O) of a title."""
    for word in result.words:
        letters = sum(ch.isalpha() for ch in word.text)
        if letters >= 3 and word.confidence >= 0.8 and _overlap(square, word.box):
            return True
    return False


def _dark_ink_only(gray: np.ndarray, dpi: int) -> np.ndarray:
    paper = float(np.percentile(gray, 90))
    ink = ((gray < max(INK_FLOOR, paper - INK_CONTRAST)) * 255).astype(np.uint8)
    lines = _long_lines(ink, dpi)
    return np.where((ink > 0) & (lines == 0), 0, 255).astype(np.uint8)


def _merge(first: list[Label], second: list[Label]) -> list[Label]:
    """Labels of two readings, one per place (the first reading's where both found one)."""
    merged = list(first)
    for label in second:
        if not any(_overlap(label.box, other.box) for other in first):
            merged.append(label)
    return merged


def _overlap(a: Box, b: Box) -> bool:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return False
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h >= 0.3 * smaller


def read_by_labels(
    gray: np.ndarray,
    dpi: int,
    page: LabelledPage,
    result: ocr.OcrResult,
    comb_digits: DigitModel,
    line_digits: DigitModel,
) -> VolanteReading:
    """The volante's data read next to its labels (the page already taken for a volante)."""
    dpi = min(dpi, page.dpi)
    fields: dict[str, Field] = {name: Field(None, 0.0) for name in FIELDS}
    notes = [VOLANTE_NOTE]
    ink = _ink(gray)
    lines = printed_rules(ink, dpi)
    writing = _strokes(cv2.bitwise_and(ink, cv2.bitwise_not(lines)), dpi)
    for lab in page.labels:  # printed words are not writing
        x0, y0, x1, y1 = lab.box
        writing[y0:y1, x0:x1] = 0
    strokes = Strokes.of(writing)
    combs: set[str] = set()  # read from one-digit cells, on the comb model's scale
    for key in DATA_KEYS:
        label = _first(page.labels, key)
        if label is None:
            continue
        zone = _value_zone(label, page.labels, strokes, gray.shape)
        if zone is None:
            continue
        field, note, in_cells = _read_value(
            key, gray, lines, writing, zone, dpi, comb_digits, line_digits
        )
        if in_cells:
            combs.add(key)
        if field.value is None and field.present:
            # Writing is there and nothing usable came out: unreadable, not "empty" (an
            # e-mail whose letters OCR read confidently but with no address in them must not
            # make the petition público en general without a look).
            field = replace(field, confidence=0.0)
        fields[key] = field
        if note:
            notes.append(note)
    combs.update(_unlabelled_comb(fields, gray, lines, dpi, comb_digits))
    marks = {key: False for key in TICK_KEYS}
    for key, box in page.ticks.items():
        marks[key] = _ticked(gray, box)
    text, confidence = _description(gray, dpi, page, result, lines)
    return VolanteReading(
        fields, marks, text, confidence, tuple(notes), tuple(k for k in DATA_KEYS if k in combs)
    )


def _unlabelled_comb(fields: dict[str, Field], gray: np.ndarray, lines: np.ndarray, dpi: int,
                     digits: DigitModel) -> list[str]:
    """A second comb on the row of a comb already read, whose label was not found ("Tel.:"
    squeezed between two combs is often lost): 10 cells after an NSS are the phone, 11 cells
    after a phone the NSS. Returns the fields it read."""
    read: list[str] = []
    for known, other, cells in (("nss", "telefono", 10), ("telefono", "nss", 11)):
        box = fields[known].box
        if fields[other].present or box is None or not fields[known].present:
            continue
        _, y0, x1, y1 = box
        pad = round(0.3 * (y1 - y0))
        zone = (x1 + pad, max(0, y0 - pad), gray.shape[1], min(gray.shape[0], y1 + pad))
        comb = _comb_box(lines, zone, dpi)
        if comb is None or comb[0] != cells:
            continue
        cx0, cy0, cx1, cy1 = comb[1]
        m = round(mm_to_px(1.0, dpi))
        crop = gray[max(0, cy0 - m) : cy1 + m, max(0, cx0 - m) : cx1 + m]
        fields[other], _ = read_comb(crop, cells, digits, other == "nss", comb[1])
        read.append(other)
    return read


def _strokes(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Ink in pieces the size of a pen stroke or more: scanner specks, salt and pepper and
    the leftovers of removed rules are not writing (an empty line then reads as empty)."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    scale = dpi / 300
    tall = stats[:, cv2.CC_STAT_HEIGHT] >= mm_to_px(1.2, dpi)
    wide = stats[:, cv2.CC_STAT_WIDTH] >= mm_to_px(1.2, dpi)
    keep = (stats[:, cv2.CC_STAT_AREA] >= 40 * scale * scale) & (tall | wide)
    keep[0] = False
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _first(labels: list[Label], key: str) -> Label | None:
    found = [lab for lab in labels if lab.key == key]
    return min(found, key=lambda lab: (lab.box[1], lab.box[0])) if found else None


def _long_lines(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Printed rules, box borders and cell separators (straight strokes longer than a letter)."""
    length = round(mm_to_px(5.0, dpi))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
    return cv2.dilate(cv2.bitwise_or(horiz, vert), np.ones((3, 3), np.uint8))


def printed_rules(ink: np.ndarray, dpi: int) -> np.ndarray:
    """The printed rules a value is written on or in: horizontal rules, and vertical ones only
    where they join a horizontal rule at both ends (a box side, a cell wall).

    A handwritten stem ("1", "9", a capital "I") is as long and as straight as a cell wall,
    and taking it for a rule erased it from the value; but it never reaches a rule above it.
    """
    length = round(mm_to_px(5.0, dpi))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
    reach = max(2, round(mm_to_px(0.5, dpi)))
    near = cv2.dilate(horiz, np.ones((2 * reach + 1, 2 * reach + 1), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(vert, connectivity=8)
    keep = np.zeros(count, dtype=bool)
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        top = near[y, x : x + w].any()
        bottom = near[y + h - 1, x : x + w].any()
        keep[i] = bool(top and bottom)
    walls = np.where(keep[labels], 255, 0).astype(np.uint8)
    return cv2.dilate(cv2.bitwise_or(horiz, walls), np.ones((3, 3), np.uint8))


@dataclass(frozen=True)
class _Zone:
    box: Box
    beside: bool


def _value_zone(label: Label, labels: list[Label], writing: Strokes,
                shape: tuple[int, ...]) -> _Zone | None:
    """Beside the label (to the next label on its line) or below it (to the next label
    under it), whichever holds more writing; None when neither holds any."""
    page_h, page_w = shape[:2]
    x0, y0, x1, y1 = label.box
    # the printed size: a label glued to a mark by OCR comes out taller than it is
    usual = float(np.median([lab.height for lab in labels]))
    h = round(min(label.height, 1.3 * usual))
    same_line = [lab for lab in labels if lab is not label
                 and abs((lab.box[1] + lab.box[3]) / 2 - (y0 + y1) / 2) < h
                 and lab.box[0] > x1]
    right = min([lab.box[0] for lab in same_line], default=page_w) - round(0.3 * h)
    margin = round(0.02 * page_w)
    right = min(right, page_w - margin)
    # not above the labels of the line above (their own values sit there)
    above = [lab.box[3] for lab in labels if lab.box[3] < y0 and lab.box[0] < right
             and lab.box[2] > x1]
    top = max([y1 - round(2.8 * h), *above])
    beside = (x1 + round(0.3 * h), max(0, top), right, min(page_h, y1 + h))
    below_top = y1 + round(0.2 * h)
    # down to the next label under it, or rather to where the value beside that one may
    # reach up (taller than its label)
    under = [lab.box[3] - round(2.5 * lab.height) for lab in labels
             if lab is not label and lab.box[1] > below_top
             and lab.box[0] < right and lab.box[2] > x0]
    below_bottom = min([below_top + round(4.5 * h), *under])
    below = (max(0, x0 - round(0.5 * h)), below_top, right, min(page_h, below_bottom))
    counts = [(writing.inside(beside), True, beside), (writing.inside(below), False, below)]
    best = max(counts, key=lambda c: c[0])
    if best[0] < MIN_WRITING_PX:
        return None
    return _Zone(best[2], best[1])


@dataclass(frozen=True)
class Strokes:
    """The writing's pieces (connected strokes): where each one's middle is, and its ink."""

    centres: np.ndarray  # (n, 2): x, y
    areas: np.ndarray  # (n,) stroke pixels

    @classmethod
    def of(cls, writing: np.ndarray) -> Strokes:
        count, _, stats, centres = cv2.connectedComponentsWithStats(writing, connectivity=8)
        return cls(centres[1:count], stats[1:count, cv2.CC_STAT_AREA].astype(np.int64))

    def inside(self, box: Box) -> int:
        """Ink of the strokes whose middle is in the box: a zone under a label holds the
        value written there, not the tops of the digits standing on the next label's line
        (an empty "Nombre" line took them for a name)."""
        x0, y0, x1, y1 = box
        if x1 <= x0 or y1 <= y0 or not len(self.areas):
            return 0
        x, y = self.centres[:, 0], self.centres[:, 1]
        within = (x >= x0) & (x < x1) & (y >= y0) & (y < y1)
        return int(self.areas[within].sum())


def _clean(gray: np.ndarray, lines: np.ndarray, box: Box) -> np.ndarray:
    x0, y0, x1, y1 = box
    crop = gray[y0:y1, x0:x1].copy()
    crop[lines[y0:y1, x0:x1] > 0] = 255
    return crop


def _read_value(key: str, gray: np.ndarray, lines: np.ndarray, writing: np.ndarray,
                zone: _Zone, dpi: int, comb_digits: DigitModel,
                line_digits: DigitModel) -> tuple[Field, str | None, bool]:
    """The value, a note for the reviewer, and whether it was read from one-digit cells."""
    comb = _comb_box(lines, zone.box, dpi) if key in ("nss", "telefono") else None
    box = _main_band(writing, zone.box, dpi)
    if key in ("nombre", "correo"):
        crop = isolate_writing(_clean(gray, lines, box), dpi)
        reader = read_name_zone if key == "nombre" else read_email_zone
        return reader(crop, box), None, False
    if comb is not None:
        cells, comb_box = comb
        x0, y0, x1, y1 = comb_box
        m = round(mm_to_px(1.0, dpi))
        crop = gray[max(0, y0 - m) : y1 + m, max(0, x0 - m) : x1 + m]
        field, note = read_comb(crop, cells, comb_digits, key == "nss", comb_box)
        return field, note, True
    return _line_number(key, _clean(gray, lines, box), box, dpi, line_digits), None, False


def _main_band(writing: np.ndarray, box: Box, dpi: int) -> Box:
    """The zone cut to its one line of writing: the band of rows holding most strokes (a zone
    may catch the foot of the line above or the top of the one below)."""
    x0, y0, x1, y1 = box
    rows = np.count_nonzero(writing[y0:y1, x0:x1], axis=1)
    inked = rows > 0
    gap = max(2, round(mm_to_px(0.8, dpi)))
    bands: list[list[int]] = []  # [first row, last row, strokes]
    blank = gap
    for r, on in enumerate(inked):
        if not on:
            blank += 1
            continue
        if blank >= gap or not bands:
            bands.append([r, r, 0])
        bands[-1][1] = r
        bands[-1][2] += int(rows[r])
        blank = 0
    if not bands:
        return box
    top, bottom, _ = max(bands, key=lambda b: b[2])
    pad = round(mm_to_px(1.0, dpi))
    return x0, max(y0, y0 + top - pad), x1, min(y1, y0 + bottom + 1 + pad)


def _comb_box(lines: np.ndarray, box: Box, dpi: int) -> tuple[int, Box] | None:
    """Cells in the zone: evenly spaced vertical separators inside one frame."""
    x0, y0, x1, y1 = box
    crop = lines[y0:y1, x0:x1]
    tall = round(mm_to_px(4.0, dpi))
    vert = cv2.morphologyEx(crop, cv2.MORPH_OPEN, np.ones((tall, 1), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(vert, connectivity=8)
    found = sorted(
        (int(stats[i][0] + stats[i][2] / 2), int(stats[i][1]), int(stats[i][1] + stats[i][3]))
        for i in range(1, count)
    )
    if not found:
        return None
    # separators span the comb's height; a handwritten "1" or "7" is shorter
    usual_height = float(np.median([f[2] - f[1] for f in found]))
    found = [f for f in found if f[2] - f[1] >= 0.8 * usual_height]
    # the first run of evenly spaced separators: the zone may reach a second comb
    run = found[:1]
    for sep in found[1:]:
        step = sep[0] - run[-1][0]
        if step < mm_to_px(3.0, dpi):
            continue  # a doubled border line
        if len(run) >= 2 and abs(step - (run[1][0] - run[0][0])) > 0.25 * (run[1][0] - run[0][0]):
            break
        if step > mm_to_px(12.0, dpi):
            break
        run.append(sep)
    if len(run) < 6:
        return None
    frame = (x0 + run[0][0], y0 + min(r[1] for r in run), x0 + run[-1][0],
             y0 + max(r[2] for r in run))
    return len(run) - 1, frame


def _line_number(key: str, crop: np.ndarray, box: Box, dpi: int, model: DigitModel) -> Field:
    """An NSS or phone on a line or in a plain box: typed digits read by OCR, handwritten
    ones digit by digit (Tesseract does not read handwriting, DESIGN §4)."""
    want = 11 if key == "nss" else 10
    typed = ocr.read(crop, psm=7, whitelist="0123456789+-() ")
    raw = "".join(ch for ch in typed.text if ch.isdigit())
    if typed.confidence >= TYPED_DIGITS_CONF and len(raw) >= want - 2:
        return _number_field(key, raw, typed.confidence, box, typed.text.strip())
    # not isolate_writing: its dust filter can take a small digit for a speck
    text, conf = read_digit_string(crop, model)
    if not text:
        return Field(None, 0.0, box, typed.text.strip() or None, present=True)
    return _number_field(key, text, conf, box, text)


def _number_field(key: str, digits: str, confidence: float, box: Box, raw: str) -> Field:
    if key == "telefono":
        return Field(normalise_phone(digits), confidence, box, raw, present=True)
    if nss_is_valid(digits):
        return Field(digits, checked_confidence(confidence), box, raw, present=True)
    # as in the comb: eleven digits that fail the check are kept as written, for review
    return Field(digits if len(digits) == 11 else None, confidence, box, raw, present=True)


def _description(gray: np.ndarray, dpi: int, page: LabelledPage, result: ocr.OcrResult,
                 lines: np.ndarray) -> tuple[str, float]:
    """The petition text: what is written under the description label; without one, the page
    words that are neither labels nor under the last datum."""
    label = _first(page.labels, "descripcion")
    h, w = gray.shape
    if label is not None:
        x0, _, _, y1 = label.box
        # Only what is surely printed bounds it: data labels, and type labels with a square
        # (the petition itself may say "queja" or "sugerencia").
        ticked = set(page.ticks)
        below = [lab.box[1] for lab in page.labels
                 if (lab.key in DATA_KEYS or lab.key in ticked)
                 and lab.box[1] > y1 + label.height * 3]
        bottom = min(below, default=h)
        box = (max(0, x0 - round(mm_to_px(3, dpi))), y1 + round(0.3 * label.height),
               w - round(0.02 * w), bottom)
        crop = _clean(gray, lines, box)
        reading = ocr.read(crop, psm=6)
        return reading.text, reading.confidence
    lowest = max((lab.box[3] for lab in page.labels if lab.key != "titulo"), default=0)
    words = [wd for wd in result.words if wd.box[1] > lowest]
    if not words:
        return "", 0.0
    return " ".join(wd.text for wd in words), float(np.mean([wd.confidence for wd in words]))

