"""Reading the handwritten or typed lines of a volante's nombre and correo boxes: the writing
cut out of scanner dust, two OCR readings that must agree, and the address found among the
words with its own confidence; where OCR offers nothing (handwriting), the line recogniser of
`reading.handwriting` may, above a cut chosen on dev hands."""

from __future__ import annotations

import itertools
import re

import cv2
import numpy as np

from buzon_pipeline.core.model import Field
from buzon_pipeline.core.rules import email_is_valid, recover_email, strip_accents
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.handwriting import LineReading, shipped_model

INK_CONTRAST = 80  # grey levels below the paper that count as ink
INK_FLOOR = 100
DUST_PX = 60  # ink pixels (at 300 dpi) below which an isolated blot is dust, not writing
PAD_PX = 12  # white border around an isolated zone: Tesseract misreads glyphs at the edge
VOTE_DISAGREE = 0.5  # confidence factor when the second reading gives another value
ODD_WORD_PENALTY = 0.5
DIGIT_LIKE = "lioqgzsb"  # letters OCR reads for handwritten 1, 0, 9, 2, 5, 6
TLD_LABELS = {"com", "mx", "net", "es", "org", "gob", "edu"}
# Border leftovers and punctuation OCR glues to the ends of an address
JUNK_ENDS = re.compile(r"^[^a-z0-9]+|[^a-z0-9]+$", re.IGNORECASE)
# A dot is a few pixels and blurs lighter than strokes: half the usual contrast of ink.
DOT_CONTRAST = INK_CONTRAST // 2
# The line recogniser (issue 12). Alone it is offered only at or above these cuts of its
# per-character path confidence, chosen on DEV hands for >= 98 % precision; None: no cut
# reached it (training.eval_lines on 223 dev volantes, 177 handwritten zones per field: names
# 79 % at best, e-mails 4 of 4 at 0.85, too few to stand on), so alone it offers nothing and
# only confirms OCR.
HAND_NAME_CUT: float | None = None
HAND_EMAIL_CUT: float | None = None
REVIEW_CUT = 0.60  # config.min_field_confidence's default: a value below it goes to review
# OCR and the recogniser read a line in unrelated ways (Tesseract's shapes, a network trained on
# other hands): an unsure OCR value the recogniser reads letter for letter is taken at this.
AGREED_CONFIDENCE = 0.80


def isolate_writing(crop: np.ndarray, dpi: int) -> np.ndarray:
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
    if not keep.any():  # only specks (a zone chosen by its labels may hold nothing else)
        return crop
    cleaned = crop.copy()
    cleaned[~keep[labels] & (ink > 0)] = 255
    xs = stats[keep, cv2.CC_STAT_LEFT]
    ys = stats[keep, cv2.CC_STAT_TOP]
    x1 = (stats[keep, cv2.CC_STAT_LEFT] + stats[keep, cv2.CC_STAT_WIDTH]).max()
    y1 = (stats[keep, cv2.CC_STAT_TOP] + stats[keep, cv2.CC_STAT_HEIGHT]).max()
    cut = cleaned[ys.min() : y1, xs.min() : x1]
    pad = max(4, round(PAD_PX * scale))
    return cv2.copyMakeBorder(cut, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)


def read_email_zone(crop: np.ndarray, box: tuple[int, int, int, int]) -> Field:
    # E-mail addresses are ASCII, and the English model reads "@" where Spanish reads "O".
    reading = ocr.read(crop, psm=7, lang="eng")
    raw = reading.text.strip()
    found = _email_in_words(reading, crop)
    ocr_read: tuple[str | None, ...] = (found[0],)
    if found[0] is None:
        email, confidence = None, reading.confidence
    else:
        # Tesseract's confidence in one long token says little about its letters; a second
        # reading at another scale misreads different letters, so two equal addresses are
        # rarely both wrong.
        enlarged = _enlarged(crop)
        second = _email_in_words(ocr.read(enlarged, psm=7, lang="eng"), enlarged)
        email, confidence = _email_vote(reading, found, second)
        ocr_read += (second[0],)
    email, confidence = _with_hand_email(crop, email, confidence, ocr_read)
    return Field(email, confidence, box, raw, present=True)


def _with_hand_email(crop: np.ndarray, email: str | None, confidence: float,
                     ocr_read: tuple[str | None, ...]) -> tuple[str | None, float]:
    """OCR's address and confidence, checked against or completed by the line recogniser;
    ``ocr_read``: the address each OCR reading found (the vote may have kept none)."""
    if confidence >= REVIEW_CUT and email is not None:
        return email, confidence  # typed, or handwriting OCR read twice alike: kept as it was
    hand = _hand_reading(crop)
    if hand is None:
        return email, confidence
    read = hand.text.lower().replace(" ", "")
    if read in ocr_read and email_is_valid(read):
        return read, max(confidence, AGREED_CONFIDENCE)
    # Only an address as written: no repair of a lost "@" or dot (recover_email's repairs are
    # for OCR's slips, and the recogniser does not make those).
    if HAND_EMAIL_CUT is None or not email_is_valid(read):
        return email, confidence
    return read, _hand_confidence(hand, HAND_EMAIL_CUT)


def _hand_reading(crop: np.ndarray) -> LineReading | None:
    model = shipped_model()
    if model is None:
        return None
    reading = model.read(crop)
    return reading if reading.text else None


def _hand_confidence(hand: LineReading, cut: float) -> float:
    """The recogniser's confidence on the field scale: its dev cut lands on REVIEW_CUT."""
    c = hand.confidence
    if c >= cut:
        return REVIEW_CUT + (1.0 - REVIEW_CUT) * (c - cut) / max(1e-6, 1.0 - cut)
    return REVIEW_CUT * c / cut


def _email_vote(
    first: ocr.OcrResult,
    found: tuple[str | None, float, bool],
    other_found: tuple[str | None, float, bool],
) -> tuple[str | None, float]:
    """The address two readings agree on (each as `_email_in_words` found it), and its
    confidence; `first` is the first reading's words."""
    email, confidence, repaired = found
    other, confidence2, repaired2 = other_found
    if email is None or other != email:
        # A second reading that finds no address at all says nothing about the first one's
        # letters: the first reading's confidence, halved, is what is known.
        known = confidence if other is None else min(confidence, confidence2)
        return None, known * VOTE_DISAGREE
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
    ink = (gap < paper - DOT_CONTRAST).astype(np.uint8)
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


def read_name_zone(crop: np.ndarray, box: tuple[int, int, int, int]) -> Field:
    reading = ocr.read(crop, psm=7, lang=ocr.LANG)
    raw = reading.text.strip()
    words = _name_words(reading.words)
    if not words:
        value, confidence = _with_hand_name(crop, None, reading.confidence)
        return Field(value, confidence, box, raw, present=True)
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
    english = " ".join(_words_text(other)) if other else None
    value, confidence = _with_hand_name(crop, value, confidence, english)
    return Field(value, confidence, box, raw, present=True)


def _with_hand_name(crop: np.ndarray, value: str | None, confidence: float,
                    english: str | None = None) -> tuple[str | None, float]:
    """OCR's name and confidence, checked against or completed by the line recogniser;
    ``english``: the English model's reading, when it differs from the Spanish ``value``."""
    if confidence >= REVIEW_CUT and value is not None:
        return value, confidence  # typed, or both OCR models read it alike: kept as it was
    hand = _hand_reading(crop)
    if hand is None:
        return value, confidence
    for candidate in (value, english):
        if candidate is not None and _same_name(candidate, hand.text):
            # OCR's spelling: the Spanish one keeps the accents the recogniser cannot write.
            return candidate, max(confidence, AGREED_CONFIDENCE)
    if HAND_NAME_CUT is None or not _hand_name_shape(hand.text):
        return value, confidence
    return hand.text, _hand_confidence(hand, HAND_NAME_CUT)


def _same_name(ocr_value: str, hand_text: str) -> bool:
    """The same letters, case and accents aside. Spaces too: the recogniser splits wide
    handwriting into pieces ("SAN TI AGO") where Tesseract, which keeps its value, does not."""
    def key(text: str) -> str:
        return "".join(strip_accents(text).upper().split())

    return key(ocr_value) == key(hand_text)


def _hand_name_shape(text: str) -> bool:
    """Two or more words of letters: what a full name looks like (an address or a scribble
    read as letters is not offered as a name)."""
    words = text.split()
    return len(words) >= 2 and all(
        any(ch.isalpha() for ch in w) and all(ch.isalpha() or ch in ".'-" for ch in w)
        for w in words
    )


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


def _is_name_word(word: str) -> bool:
    letters = _letters(word)
    return letters >= 2 or (letters == 1 and word[0].isupper())
