"""Group the analysed pages of one source file into documents.

A volante is always one page. Whether the next text page continues the letter before it is
weighed from evidence (issue 13, item 4), each kind adding to or taking from one score:

- page numbers: "2", "2/3", "Hoja 2", "página 2 de 3", "- 2 -" continue; "1/2", "Hoja 1" start
  a letter only on a page that opens one (OCR reads a handwritten "2" as "1" now and then);
- a sentence running across the break: the page ends without a full stop and the next one
  starts in lower case;
- greeting and date only on a first page, closing formula and signature only on a last one
  (or alone at the top of the page after a farewell sentence); OCR misreadings of these words
  ("ATENTÍMEN3E", "Pégin 2 de 2") are matched loosely;
- the same hand or font: text-height, stroke width and ink tone of the two pages;
- blank pages between them: a blank back is weak evidence of a boundary (a 2-page letter on
  two sheets has one too), not proof;
- the file: a file of a few text pages and no volante is more often one letter.

A clear score decides. When it is unclear, the pages are kept as ONE document flagged as
doubtful: the batch sends it to review (a page that could belong to the letter before it never
gets its own folio, nor is it discarded on its own).
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np

from buzon_pipeline.core.model import Kind, PageAnalysis

# -- text evidence -----------------------------------------------------------------------------
_HEAD_LINES = 8  # a letter's opening (date, addressee, greeting) sits in its first lines
_TAIL_LINES = 10  # its closing block in its last ones
_MARK_LINES = 3  # a page number is written above the text (or below it)
_DATE_LINES = 3

# Date line: "Ciudad de México, a 3 de marzo de 2026", "3 de marzo del 2026".
# The month word is left loose: OCR of handwriting reads "marzo" as "mavzo" or "pro".
# The day is left out for the same reason ("a ] de frrer de 2024").
DATE_LINE = re.compile(r"\bde\s+\S{3,12}\s+del?\s+[12lI][\dOoIl]{3}\b", re.IGNORECASE)
# When OCR loses the year too ("Gvadala sara, Jal, a UG de octobre de VOI"), the place-and-date
# shape still shows: ", a <day> de <month> de" with a word that is nearly a month's name.
# Prose does not put a comma and "a" before a date.
_PLACE_DATE = re.compile(
    r",\s*a\s+\S{1,4}\s+de\s+(?P<month>[^\W\d_]{4,12})\s+del?\b", re.IGNORECASE
)
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "setiembre", "octubre", "noviembre", "diciembre")
MONTH_LIKENESS = 0.7  # difflib ratio of the misread word to a month's name
# Addressee and greeting lines, anchored at the line start: "director" or "presente" in the
# middle of a sentence ("el director de la clínica") is no opening.
OPENING_LINE = re.compile(
    r"^\s*(a quien corresponda|por medio de la presente|estimad[oa]s?\b|respetable\b|"
    r"p\s*r\s*e\s*s\s*e\s*n\s*t\s*e\b|h\.\s*imss|sr\.|sra\.|lic\.|dr\.|dra\.|c\.\s|"
    r"al m[oó]dulo|instituto mexicano|buen[oa]s (d[ií]as|tardes|noches)|asunto\s*:)",
    re.IGNORECASE,
)
# The closing formula on a line of its own ("Atentamente", "Atte.", "Respetuosamente,"): the
# same word starting a sentence ("Respetuosamente le pido que…") closes nothing. OCR of
# handwriting misreads it ("ATENTÍMEN3E", "Mentamente"): the word is matched loosely.
CLOSING_WORDS = ("atentamente", "respetuosamente", "cordialmente", "atte")
CLOSING_LINE = re.compile(r"^\s*(atte\.?|saludos cordiales)\b", re.IGNORECASE)
# A farewell sentence comes before the closing formula and may end a page whose signature is
# on the next one: weaker than the formula.
FAREWELL_LINE = re.compile(
    r"^\s*(sin m[aá]s por el momento|sin otro particular|agradezco de antemano|"
    r"quedo en espera|quedo de usted)",
    re.IGNORECASE,
)
CLOSING_LIKENESS = 0.75  # difflib ratio of the line's first word to a closing word
# Data of the signature block: "NSS: …", "Tel. …", "correo: …" near the end of a page.
DATA_LINE = re.compile(
    r"^\s*(nss|n\.s\.s\.|no\. de afiliaci|afiliaci|n[uú]mero de seguro|no\. de seguridad|"
    r"tel[eé]?\.?|tel[eé]fono|cel(ular)?|whats|correo|e-?mail|mail)\b",
    re.IGNORECASE,
)
# Page numbers: "Hoja 2", "Página 2 de 3", "pág. 2/3", "2/3", "2 de 3", "- 2 -".
# OCR reads "Página 1 de 2" as "Págino Ide 2" or "Pégin 2 de 2": the word is loose and
# I, l, | stand for 1.
_PAGE_WORD = re.compile(
    r"\b(p\S?g\S{0,4}|h[o0]ja|foja)\.?\s*(?P<n>[\dIl|]{1,2})"
    r"(\s*(de|/)\s*(?P<t>[\dIl|]{1,2}))?",
    re.IGNORECASE,
)
_PAGE_FRACTION = re.compile(r"^\s*[-–(]?\s*(?P<n>\d{1,2})\s*(/|de)\s*(?P<t>\d{1,2})\s*[-–)]?\s*$")
_PAGE_DASHED = re.compile(r"^\s*[-–~]\s*(?P<n>\d{1,2})\s*[-–~]\s*$")
_PAGE_BARE = re.compile(r"^\s*(?P<n>\d)\s*[.)]?\s*$")
_SENTENCE_END = re.compile(r"[.!?:;»\"”)]\s*$")


@dataclass(frozen=True)
class PageNumber:
    number: int
    total: int | None
    sure: bool  # a word or a fraction says it is a page number; a bare digit may be noise


def _lines(text: str) -> list[str]:
    return [line for line in (t.strip() for t in text.splitlines()) if line]


def page_number(text: str) -> PageNumber | None:
    """The page number written on the page, looked for in its first and last lines."""
    lines = _lines(text)
    candidates = lines[:_MARK_LINES] + lines[-2:]
    for line in candidates:
        match = _PAGE_WORD.search(line)
        if match and len(line) <= 30:
            total = _digits(match["t"]) if match["t"] else None
            return _checked(_digits(match["n"]), total, True)
        for pattern in (_PAGE_FRACTION, _PAGE_DASHED):
            match = pattern.match(line)
            if match:
                total = int(match["t"]) if "t" in match.groupdict() and match["t"] else None
                return _checked(int(match["n"]), total, True)
    for line in lines[:2]:
        match = _PAGE_BARE.match(line)
        if match:
            return _checked(int(match["n"]), None, False)
    return None


def _digits(text: str) -> int:
    # The pattern is case-blind, so "i" and "L" come too: all of them are a misread 1.
    return int(re.sub(r"[IiLl|]", "1", text))


def _checked(number: int, total: int | None, sure: bool) -> PageNumber | None:
    if number < 1 or (total is not None and (total < number or total > 20)):
        return None
    return PageNumber(number, total, sure)


def is_date_line(line: str) -> bool:
    """A letter's place and date: "…, a 3 de marzo de 2026", also with the year or the month
    misread by OCR (the month must still be nearly a month's name)."""
    if DATE_LINE.search(line):
        return True
    match = _PLACE_DATE.search(_plain(line))
    if match is None:
        return False
    month = match["month"].lower()
    return any(
        difflib.SequenceMatcher(None, month, name).ratio() >= MONTH_LIKENESS for name in MONTHS
    )


def opens_letter(text: str) -> bool:
    """A date line, an addressee or a greeting in the page's first lines."""
    head = _lines(text)[:_HEAD_LINES]
    return any(is_date_line(line) or OPENING_LINE.match(line) for line in head)


def dated_at_top(text: str) -> bool:
    """A date line among the first lines (after a page number, perhaps): a letter's first
    page; a continuation page does not start with place and date."""
    return any(is_date_line(line) for line in _lines(text)[:_DATE_LINES])


def closes_letter(text: str) -> bool:
    """A closing formula on a line of its own among the page's last lines."""
    tail = _lines(text)[-_TAIL_LINES:]
    return any(_is_closing(line) for line in tail)


def says_farewell(text: str) -> bool:
    """A farewell sentence ("Sin más por el momento…") among the page's last lines."""
    return any(FAREWELL_LINE.match(_plain(line)) for line in _lines(text)[-_TAIL_LINES:])


def starts_with_closing(text: str, within: int = 2) -> bool:
    """The page starts with the closing formula (in its first `within` lines, past the last
    words of a sentence): the signature of the letter before it."""
    return any(_is_closing(line) for line in _body_lines(text)[:within])


def _plain(line: str) -> str:
    """Without accents: OCR adds them where there are none ("Átte.")."""
    return "".join(
        c for c in unicodedata.normalize("NFD", line) if unicodedata.category(c) != "Mn"
    )


def _is_closing(line: str) -> bool:
    # OCR puts a stray mark before the word now and then (": ATENTAMENTE").
    line = _plain(line).lstrip(" :;.,-–_|")
    if CLOSING_LINE.match(line):
        return True
    words = line.split()
    if not words or len(words) > 2:
        return False
    first = re.sub(r"[^\w]", "", words[0].lower())
    if len(first) < 4:
        return False
    return any(
        difflib.SequenceMatcher(None, first, word).ratio() >= CLOSING_LIKENESS
        for word in CLOSING_WORDS
    )


def _has_data_block(text: str) -> bool:
    tail = _lines(text)[-_TAIL_LINES:]
    return any(DATA_LINE.match(line) for line in tail)


def _body_lines(text: str) -> list[str]:
    """The page's lines without its page number."""
    lines = _lines(text)
    number = page_number(text)
    if number is not None and lines:
        for i in (0, 1):
            if i < len(lines) and len(lines[i]) <= 30 and page_number(lines[i]) is not None:
                return lines[:i] + lines[i + 1 :]
    return lines


PROSE_WORDS = 6  # words on a line of running text (a receipt's or a slip's lines have fewer)
PROSE_LINES = 2


def has_prose(text: str) -> bool:
    """At least two lines of running text: what every page of a letter but a signature page
    has, and a receipt, a ticket or an appointment slip has not."""
    lines = (re.findall(r"[^\W\d_]{2,}", line) for line in _lines(text))
    return sum(len(words) >= PROSE_WORDS for words in lines) >= PROSE_LINES


def ends_mid_sentence(text: str) -> bool:
    lines = _body_lines(text)
    if not lines:
        return False
    last = lines[-1]
    words = re.findall(r"[a-záéíóúñü]+", last, re.IGNORECASE)
    return len(words) >= 2 and not _SENTENCE_END.search(last)


def starts_mid_sentence(text: str) -> bool:
    lines = _body_lines(text)
    if not lines:
        return False
    first = re.sub(r"^[\W\d_]+", "", lines[0])
    return bool(first) and first[0].islower()


# -- the same hand or font ---------------------------------------------------------------------
@dataclass(frozen=True)
class Style:
    """How the writing looks, in physical units (independent of the scan's resolution)."""

    height_mm: float  # median height of the ink marks (letters, mostly)
    stroke_mm: float  # median stroke width
    tone: float  # median grey of the ink (pen, pencil, toner)
    regularity: float  # spread of the mark heights (type is regular, hands are not)
    marks: int  # how many marks the figures come from


STYLE_DPI = 150


def page_style(gray: np.ndarray, dpi: int) -> tuple[float, ...]:
    """The style figures of a page as a plain tuple (PageAnalysis must stay picklable), or ()
    when the page has too little writing to tell."""
    # At 150 dpi: four times fewer pixels (at 300 dpi this took about a second a page, as
    # long as the OCR); pen strokes are still 2–4 pixels wide.
    factor = STYLE_DPI / max(dpi, 1)
    if factor < 1:
        gray = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        dpi = STYLE_DPI
    scale = 25.4 / max(dpi, 1)
    background = float(np.median(gray[::2, ::2]))
    # Ink only: ruled lines and grid paper are far lighter than pen or toner.
    ink = (gray < min(background - 70, 150)).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return ()
    heights = stats[1:, cv2.CC_STAT_HEIGHT] * scale
    widths = stats[1:, cv2.CC_STAT_WIDTH] * scale
    areas = stats[1:, cv2.CC_STAT_AREA]
    # Letter-sized marks: no specks, no long rules, no drawings.
    keep = (heights >= 0.8) & (heights <= 9.0) & (widths <= 25.0) & (areas >= (dpi / 300) ** 2 * 12)
    if int(keep.sum()) < 15:
        return ()
    h = heights[keep]
    distance = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    # Twice the distance to the background on the stroke's middle line is its width; the
    # local maxima approximate that line.
    ridge = distance[(distance > 0) & (distance >= cv2.dilate(distance, np.ones((3, 3))))]
    # The mean, not the median: at 150 dpi the distances take few values and a median jumps
    # between them for the same pen.
    stroke = float(np.mean(ridge)) * 2 * scale if ridge.size else 0.0
    tone = float(np.median(gray[ink > 0]))
    q1, q3 = np.percentile(h, [25, 75])
    median = float(np.median(h))
    return (median, stroke, tone, float((q3 - q1) / median) if median else 0.0, float(h.size))


def as_style(values: tuple[float, ...]) -> Style | None:
    return Style(*values[:4], marks=int(values[4])) if len(values) >= 5 else None


def style_distance(a: Style, b: Style) -> float:
    """0 for the same hand; about 1 at the edge of what one writer varies between pages."""
    return max(
        abs(math.log(a.height_mm / b.height_mm)) / 0.18 if a.height_mm and b.height_mm else 0.0,
        abs(math.log(max(a.stroke_mm, 0.05) / max(b.stroke_mm, 0.05))) / 0.45,
        abs(a.tone - b.tone) / 30.0,
        abs(a.regularity - b.regularity) / 0.35,
    )


# -- weighing ----------------------------------------------------------------------------------
# Weights in "points"; positive says the page continues the letter. Tuned on dev batches of
# `training.eval_grouping` (synth.multipage).
CONTINUE_AT = 2.5  # score at or above: the same letter
SPLIT_AT = -2.0  # score at or below: a new document; between the two: one doubtful document
W_NUMBER_NEXT = 5.0  # page n ≥ 2, the previous page n - 1 or unnumbered
W_NUMBER_FIRST = -2.0  # "1/2", "Hoja 1" on a page that opens a letter (on top of the opening)
W_NUMBERED_PAGE = 1.0  # "1" on a page that does not open one: likely a misread "2"
W_NUMBER_LAST_BEFORE = -3.0  # the previous page said "3/3": its letter is complete
W_BARE_NUMBER = 1.5  # a bare "2" above the text, or a number out of sequence
W_SENTENCE_RUNS_ON = 3.0  # ends mid-sentence and the next page starts in lower case
W_ENDS_OPEN = 1.0  # ends mid-sentence only
W_STARTS_LOWER = 1.5  # starts in lower case only
W_CLOSED = -4.0  # the previous page signs off
W_DATA_BLOCK = -1.0  # the previous page ends with contact data (and no closing formula read)
W_BOTH_SIGNED = -1.0  # both pages sign off: a letter has one signature
W_SIGNATURE_PAGE = 4.0  # the page starts with the closing formula the previous one lacked
W_FAREWELL = -1.0  # the previous page ends with a farewell ("Sin más por el momento…")
W_NOT_A_LETTER = -1.0  # what came before was read well and opened no letter (a flyer, a ticket)
W_NO_PROSE = -2.0  # the page was read well and has no running text, nor opens with a signature
W_UNREAD_START = 0.5  # it opened none that OCR could read (handwriting): it may be a letter
WELL_READ = 0.85  # mean OCR confidence of a page read well (typed text)
W_OPENS = -3.0  # the page opens a letter (addressee, greeting)
W_DATED = -4.5  # the page starts with place and date
W_NO_OPENING = 0.5  # the page does not open a letter
W_UNCLOSED = 1.0  # the previous page does not sign off
W_SAME_HAND = 1.5
W_SAME_FONT = 0.5  # typed letters share a few fonts: the same font is weak evidence
HAND_REGULARITY = 0.4  # mark-height spread above which the page is handwritten (dev: type ≤ 0.35)
W_OTHER_HAND = -3.0
SAME_HAND_BELOW = 0.8  # style distance
OTHER_HAND_ABOVE = 1.6
W_BLANK_BETWEEN = -0.5
W_LETTER_FILE = 1.0  # a file of 2–4 text pages and no volante
MIN_STYLE_MARKS = 100  # fewer marks (a page with only a signature block) tell little (dev)


@dataclass
class Document:
    pages: list[PageAnalysis]
    # Spanish reason for review when where the document ends was not clear; None when sure.
    doubt: str | None = None
    evidence: list[str] = field(default_factory=list)  # what decided each join, for debugging


def continuation_score(
    previous: PageAnalysis,
    page: PageAnalysis,
    blanks_between: int,
    letter_file: bool,
    letter_opened: bool = True,
    letter_read_well: bool = False,
    letter_style: tuple[float, ...] = (),
) -> tuple[float, list[str]]:
    """How strongly `page` continues the letter whose last page is `previous`, and why.
    ``letter_style``: the style of the letter's page with the most writing, compared when
    `previous` has too little (a last page with only the signature)."""
    score, why = 0.0, []

    def add(points: float, reason: str) -> None:
        nonlocal score
        score += points
        why.append(f"{reason} {points:+.1f}")

    opens, dated = opens_letter(page.text), dated_at_top(page.text)
    mine, theirs = page_number(page.text), page_number(previous.text)
    if mine is not None and mine.number == 1:
        # OCR reads a handwritten "2" as "1" now and then: a "1" on a page that does not open
        # a letter is still a numbered continuation page more often than not (dev).
        add(W_NUMBER_FIRST if opens else W_NUMBERED_PAGE, "número 1")
    elif mine is not None and mine.number >= 2:
        consistent = theirs is None or theirs.number == mine.number - 1
        if mine.sure and consistent:
            add(W_NUMBER_NEXT, f"número {mine.number}")
        else:
            add(W_BARE_NUMBER, f"número {mine.number}")
    if theirs is not None and theirs.sure and theirs.total and theirs.number == theirs.total:
        add(W_NUMBER_LAST_BEFORE, "anterior era la última")

    closed = closes_letter(previous.text)
    # Below a closing formula come the name and the data, lines without a full stop that
    # end no sentence.
    ends_open = not closed and ends_mid_sentence(previous.text)
    starts_lower = starts_mid_sentence(page.text)
    if ends_open and starts_lower:
        add(W_SENTENCE_RUNS_ON, "oración continúa")
    elif ends_open:
        add(W_ENDS_OPEN, "anterior sin punto final")
    elif starts_lower:
        add(W_STARTS_LOWER, "empieza en minúscula")

    signs_here = starts_with_closing(page.text)
    if signs_here and not closed:
        add(W_SIGNATURE_PAGE, "la firma sigue en esta hoja")
    elif closed:
        add(W_CLOSED, "anterior cierra")
        if closes_letter(page.text):
            add(W_BOTH_SIGNED, "las dos firman")
    elif says_farewell(previous.text):
        add(W_FAREWELL, "anterior se despide")
    elif letter_opened:
        add(W_UNCLOSED, "anterior sin cierre")
    elif letter_read_well:
        add(W_NOT_A_LETTER, "lo anterior no parece carta")
    else:
        add(W_UNREAD_START, "inicio mal leído")
    if _has_data_block(previous.text):
        add(W_DATA_BLOCK, "anterior con datos de contacto")
    # A signature page has no running text either: it is spared when its closing is read.
    signature = signs_here or closes_letter(page.text)
    if page.text_confidence >= WELL_READ and not signature and not has_prose(page.text):
        add(W_NO_PROSE, "sin texto corrido")
    if dated:
        add(W_DATED, "empieza con lugar y fecha")
    elif opens:
        add(W_OPENS, "abre")
    else:
        add(W_NO_OPENING, "sin saludo")

    a, b = as_style(previous.style), as_style(page.style)
    if a is None or a.marks < MIN_STYLE_MARKS:
        a = as_style(letter_style) or a
    if a and b and min(a.marks, b.marks) >= MIN_STYLE_MARKS:
        distance = style_distance(a, b)
        if distance < SAME_HAND_BELOW:
            written = min(a.regularity, b.regularity) >= HAND_REGULARITY
            add(W_SAME_HAND if written else W_SAME_FONT, f"misma letra ({distance:.2f})")
        elif distance > OTHER_HAND_ABOVE:
            add(W_OTHER_HAND, f"otra letra ({distance:.2f})")
    if blanks_between:
        add(W_BLANK_BETWEEN, "hoja en blanco entre")
    if letter_file:
        add(W_LETTER_FILE, "archivo de una carta")
    return score, why


def _doubt_reason(pages: list[PageAnalysis], joined: list[int]) -> str:
    numbers = ", ".join(str(n) for n in joined)
    plural = "las páginas" if len(joined) > 1 else "la página"
    return (
        f"Agrupación de páginas dudosa: no es seguro que {plural} {numbers} "
        f"continúe{'n' if len(joined) > 1 else ''} el escrito que empieza en la página "
        f"{pages[0].number}; se revisan juntas (confirme si son uno o varios documentos)."
    )


def group_documents(pages: Sequence[PageAnalysis]) -> list[Document]:
    """Documents of one source file, in order; blank and unreadable pages are left out
    (reported apart)."""
    content = [p for p in pages if not p.blank and not p.error]
    letter_file = 2 <= len(content) <= 4 and all(p.kind is not Kind.VOLANTE for p in content)
    documents: list[Document] = []
    letter: Document | None = None
    doubtful: list[int] = []
    blanks = 0
    for page in pages:
        if page.error:
            # An unreadable page breaks nothing: the letter may go on after it.
            continue
        if page.blank:
            blanks += 1
            continue
        if page.kind is Kind.VOLANTE:
            _close(letter, doubtful)
            documents.append(Document([page]))
            letter, doubtful, blanks = None, [], 0
            continue
        if letter is not None:
            head = letter.pages[0]
            try:
                score, why = continuation_score(
                    letter.pages[-1],
                    page,
                    blanks,
                    letter_file,
                    opens_letter(head.text),
                    head.text_confidence >= WELL_READ,
                    _most_written(letter.pages).style,
                )
            except Exception as exc:  # OCR text is anything: a slip here must not cost the file
                score, why = 0.0, [f"error al evaluar ({type(exc).__name__})"]
            letter.evidence.append(f"p{page.number}: {score:+.1f} ({'; '.join(why)})")
            if score > SPLIT_AT:
                letter.pages.append(page)
                if score < CONTINUE_AT:
                    doubtful.append(page.number)
                blanks = 0
                continue
        _close(letter, doubtful)
        orphan = letter is None and looks_continued(page.text)
        letter, doubtful, blanks = Document([page]), [], 0
        if orphan:
            # Its beginning is not in this file (pages photographed one per file, a letter
            # split across scans) or behind a volante: not a document to route on its own.
            letter.doubt = _orphan_reason(page.number)
        documents.append(letter)
    _close(letter, doubtful)
    return documents


def _most_written(pages: list[PageAnalysis]) -> PageAnalysis:
    """The page whose style figures come from the most marks (its hand is told best)."""
    return max(pages, key=lambda p: p.style[4] if len(p.style) >= 5 else 0.0)


def looks_continued(text: str) -> bool:
    """The page is the middle or the end of a letter: numbered 2 or more without opening one,
    or starting with the closing formula and signature."""
    number = page_number(text)
    numbered = number is not None and number.sure and number.number >= 2
    # Only the very first line: a short note of one line and a signature is a letter.
    return (numbered and not opens_letter(text)) or starts_with_closing(text, within=1)


def _orphan_reason(number: int) -> str:
    return (
        f"Agrupación de páginas dudosa: la página {number} parece continuación de otro escrito "
        "(número de página o firma sin el principio de la carta) y no sigue a ninguna carta en "
        "este archivo; revise a qué documento pertenece."
    )


def _close(letter: Document | None, doubtful: list[int]) -> None:
    if letter is not None and doubtful:
        reason = _doubt_reason(letter.pages, doubtful)
        letter.doubt = f"{letter.doubt} {reason}" if letter.doubt else reason


def group_pages(pages: Sequence[PageAnalysis]) -> list[list[PageAnalysis]]:
    """Documents as lists of pages (see `group_documents`, which also says which are doubtful)."""
    return [d.pages for d in group_documents(pages)]
