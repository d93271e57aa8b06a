"""Escrito libre extraction: NSS, phone, e-mail and name from the OCR text of all its pages.

Labelled values ("NSS:", "Tel.", "correo:") win over bare patterns; a bare 11-digit number
counts as an NSS only when it passes the check digit, so a folio or a date is not taken.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from buzon_pipeline.core.model import Field, PageAnalysis
from buzon_pipeline.core.rules import (
    MAIL_PROVIDER_RE,
    MISREAD_AT_PENALTY,
    digits_with_confusions,
    email_is_valid,
    normalise_email,
    normalise_phone,
    nss_is_valid,
    nss_repairs,
    recover_email,
)

# Below this confidence analyze re-reads an NSS / phone from the pixels, digit by digit.
REREAD_BELOW = 0.90
# Confidence given to a number whose two readings disagree: under every review threshold.
DISAGREEMENT_CONFIDENCE = 0.30
# Confidence cap of a number the re-reading could not confirm: just under the review threshold.
UNCONFIRMED_CONFIDENCE = 0.55
# Word confidence from which digits that fail the NSS check are taken as written, not misread.
AS_WRITTEN_CONFIDENCE = 0.90

_D = r"[0-9OoIlSBZG]"
_SEP = r"[ \t\-\.]?"
NSS_LABEL = re.compile(
    r"(n\.?\s?s\.?\s?s\.?|seguridad\s+social|seguro\s+social|afiliaci[oó]n|no\.?\s+de\s+afil\w*)"
    r"[^\n\d]{0,25}(?:\n[^\n\d]{0,5})?",  # the number may start the next line
    re.IGNORECASE,
)
NSS_VALUE = re.compile(rf"({_D}(?:{_SEP}{_D}){{9,11}})")
BARE_NSS = re.compile(r"(?<!\d)(\d(?:[ \-]?\d){10})(?!\d)")
PHONE_LABEL = re.compile(
    r"((?:t|\[|f)?el[eé]fono|tel\b\.?|tels?\.|cel(?:ular)?\b\.?|celu\w*|whats\s?app|m[oó]vil|contacto)"
    r"[^\n\d+]{0,20}",
    re.IGNORECASE,
)
# Not a piece of a longer number (an NSS "3594787217-3" holds a 10-digit run).
PHONE_VALUE = re.compile(
    r"(?<![\d\-])((?:\+?\s?52[\s\-]?)?(?:\(?\d{2,3}\)?[\s\-\.]?)\d{3,4}[\s\-\.]?\d{4})(?![\d]|-\d)"
)
# Spaces OCR puts around "@" and dots are allowed, line breaks are not: "…@hotmail.com.\n
# Respetuosamente" must not swallow the next line's word. The address must be a whole token:
# "juan@@gmail.com" (unusable as written) must not yield "gmail.com"'s neighbour.
EMAIL = re.compile(
    r"(?<![\w.%+\-@])[a-z0-9._%+\-]+[ \t]?@[ \t]?[a-z0-9\-]+(?:[ \t]?[.,][ \t]?[a-z0-9\-]+)+"
    r"(?![\w@])",
    re.IGNORECASE,
)
# Tesseract often reads "@" as O, 0, Q, ©, "(0" or another capital (W, G, M), sometimes with
# a space: a candidate is a user, such a glyph and a known mail domain; `recover_email`
# decides, and confidence is reduced. A lower-case "o" counts only standing alone:
# "juanpablohotmail.com" is an address written without "@", not "juanpabl@hotmail.com".
SPACED_MISREAD_AT = re.compile(
    r"(?<![\w.%+\-@])(?P<user>(?=[a-z0-9._%+\-]*[a-z])[a-z0-9._%+\-]{2,}?)\s?"
    r"(?P<at>(?-i:\(?[A-Z0©®]|\(|\s[o]\s))\s*"
    rf"(?P<domain>{MAIL_PROVIDER_RE}\s?[.,]\s?(?:com|mx|es|net)(?:\s?\.\s?mx)?)\b",
    re.IGNORECASE,
)
# Two "@"-like glyphs split by a space ("beltran850 Oprodigy") is "@@" as written: unusable.
DOUBLE_AT = re.compile(r"[0OQ©®@(]\s+[0OQ©®@(]$")
# Anything that shows an address was written, usable or not.
EMAIL_TRACE = re.compile(rf"\S*(?:@|{MAIL_PROVIDER_RE}\s?[.,]\s?com)\S*", re.IGNORECASE)
EMAIL_LABEL = re.compile(
    r"(correo(?:\s+electr[oó]nico)?|e-?mail)(?:\s+es)?\s*:?\s*(\S+)", re.IGNORECASE
)
NAME_LABEL = re.compile(r"nombre(?:\s+completo)?\s*:\s*([^\n]+)", re.IGNORECASE)
NAME_PHRASE = re.compile(
    r"(?:mi nombre es|me llamo|(?:el|la) que suscribe|(?:el|la) suscrit[oa]|yo,)\s+(?:c\.\s+)?"
    r"([A-ZÁÉÍÓÚÑa-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑa-záéíóúñ]+){1,4})",
    re.IGNORECASE,
)
# OCR specks may come before it: ". * Atentamente", "«Saludos cordiales".
CLOSING = re.compile(
    r"^[^\w\n]{0,4}"
    r"(atentamente|atte\.?|saludos|respetuosamente|cordialmente|sinceramente|gracias)"
    r"(?![a-záéíóúñ])",
    re.IGNORECASE | re.M,
)
# Handwritten closings come out of OCR misspelt ("ATEMTAMENTE", "Nentamente,"): a line that is
# one word this close to a closing formula counts as one.
CLOSING_WORDS = ("atentamente", "respetuosamente", "cordialmente", "sinceramente")
CLOSING_SIMILARITY = 0.8
NAME_PARTICLES = {"de", "del", "la", "las", "los", "y", "e", "van", "von", "da", "di"}
# Below this a name read from a letter was wrong on every dev letter (handwriting, mostly).
MIN_NAME_CONFIDENCE = 0.40
NAME_TRIM = " ,.;:*_-'\"`|"
NAME_WORD = re.compile(r"^[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñÁÉÍÓÚÑ\.]+$")
# Whole words only: "Tlatelpa", "Marcela" or "Callejas" are names that contain "tel", "cel"...
NOT_NAME = re.compile(
    r"\b(n\.?s\.?s|tel|tel[eé]fono|cel|celular|correo|e-?mail|seguro|afiliaci[oó]n|fecha|firma"
    r"|c\.p|calle|col)\b",
    re.IGNORECASE,
)


def join_pages(pages: Sequence[PageAnalysis]) -> tuple[str, list[tuple[int, int, float]]]:
    text_parts: list[str] = []
    spans: list[tuple[int, int, float]] = []
    offset = 0
    for page in pages:
        if not page.text:
            continue
        if text_parts:
            text_parts.append("\n\n")
            offset += 2
        text_parts.append(page.text)
        spans.extend((s + offset, e + offset, c) for s, e, c in page.spans)
        offset += len(page.text)
    return "".join(text_parts), spans


def extract_letter(pages: Sequence[PageAnalysis]) -> dict[str, Field]:
    text, spans = join_pages(pages)
    fields = extract_letter_text(text, spans)
    for name in ("nss", "telefono"):
        rereads = [p.fields[name] for p in pages if name in p.fields]
        fields[name] = _with_reread(fields[name], rereads, cap_unconfirmed=name == "telefono")
    return fields


def extract_letter_text(text: str, spans: Sequence[tuple[int, int, float]]) -> dict[str, Field]:
    """The four fields from OCR text alone (what analyze uses to decide whether to re-read)."""
    spans = list(spans)
    nss, nss_span = _find_nss(text, spans)
    return {
        "nss": nss,
        "telefono": _find_phone(text, spans, [nss_span] if nss_span else []),
        "correo": _find_email(text, spans),
        "nombre": _find_name(text, spans),
    }


def _with_reread(field: Field, rereads: list[Field], cap_unconfirmed: bool) -> Field:
    """Combine the value found in the page text with the digit-by-digit re-reading of its line."""
    found = [r for r in rereads if r.value]
    if not found:
        if field.value is None and rereads and not field.present:
            return Field(None, 0.0, None, rereads[0].raw, present=True)
        if field.value and field.confidence < REREAD_BELOW and cap_unconfirmed:
            # read from the text with middling confidence and not confirmed by the pixels:
            # on handwriting such digits are often wrong (a 1 for a 9, a 4 for an 8), and a
            # phone has no check digit to catch it
            confidence = min(field.confidence, UNCONFIRMED_CONFIDENCE)
            return Field(field.value, confidence, field.box, field.raw, present=True)
        return field
    best = max(found, key=lambda r: r.confidence)
    if field.value is None:
        return best
    if field.value == best.value:
        return field if field.confidence >= best.confidence else best
    # Two readings of the same number disagree: keep the value but let a human decide.
    return Field(
        field.value,
        min(field.confidence, best.confidence, DISAGREEMENT_CONFIDENCE),
        field.box,
        field.raw,
        present=True,
    )


def _confidence(spans: list[tuple[int, int, float]], start: int, end: int) -> float:
    inside = [c for s, e, c in spans if s < end and e > start]
    return min(inside) if inside else 0.0


def _find_nss(
    text: str, spans: list[tuple[int, int, float]]
) -> tuple[Field, tuple[int, int] | None]:
    """The NSS field and its character span (so the phone search can skip it)."""
    for label in NSS_LABEL.finditer(text):
        match = NSS_VALUE.match(text, label.end())
        if not match:
            continue
        raw = match.group(1)
        digits = re.sub(r"\D", "", digits_with_confusions(raw))
        conf = _confidence(spans, match.start(1), match.end(1))
        span = (match.start(1), match.end(1))
        if not nss_is_valid(digits):
            repairs = nss_repairs(digits)
            if conf >= AS_WRITTEN_CONFIDENCE and len(digits) == 11:
                # Read clearly: people do write NSSs that fail the check digit. It is kept as
                # written; validation flags it for review wherever it decides the route.
                pass
            else:
                # A repair is a suggestion for the reviewer, never a value that skips review.
                digits = repairs[0] if len(repairs) == 1 else None
                conf = min(conf, UNCONFIRMED_CONFIDENCE)
        return Field(digits, conf, None, raw, present=True), span
    for match in BARE_NSS.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        if nss_is_valid(digits):
            conf = _confidence(spans, match.start(1), match.end(1))
            field = Field(digits, conf, None, match.group(1), present=True)
            return field, (match.start(1), match.end(1))
    return Field(None, 0.0), None


def _find_phone(
    text: str, spans: list[tuple[int, int, float]], taken: list[tuple[int, int]]
) -> Field:
    def overlaps(start: int, end: int) -> bool:
        return any(start < t_end and end > t_start for t_start, t_end in taken)

    for label in PHONE_LABEL.finditer(text):
        match = PHONE_VALUE.match(text, label.end())
        if match is None:
            window = text[label.end() : label.end() + 30].split("\n")[0]
            if re.search(r"\d{3}", window):
                return Field(None, 0.0, None, window.strip(), present=True)
            continue
        phone = normalise_phone(match.group(1))
        conf = _confidence(spans, match.start(1), match.end(1))
        return Field(phone, conf, None, match.group(1), present=True)
    for match in PHONE_VALUE.finditer(text):
        if overlaps(match.start(1), match.end(1)):
            continue
        phone = normalise_phone(match.group(1))
        if phone:
            conf = _confidence(spans, match.start(1), match.end(1))
            return Field(phone, conf, None, match.group(1), present=True)
    return Field(None, 0.0)


def _find_email(text: str, spans: list[tuple[int, int, float]]) -> Field:
    match = EMAIL.search(text)
    if match:
        raw = match.group(0)
        conf = _confidence(spans, match.start(), match.end())
        email = normalise_email(raw)
        if email_is_valid(email):
            return Field(email, conf, None, raw, present=True)
        repaired, _ = recover_email(raw)
        if repaired:
            return Field(repaired, conf * MISREAD_AT_PENALTY, None, raw, present=True)
        return Field(None, conf, None, raw, present=True)
    misread = SPACED_MISREAD_AT.search(text)
    if misread:
        conf = _confidence(spans, misread.start(), misread.end())
        before_domain = text[misread.start() : misread.start("domain")]
        glyph = misread.group("at").strip("( ")
        # O, Q and 0 are what "@" usually becomes; another capital (W, G, M) only counts in an
        # address otherwise written in lower case, where it cannot be part of the name
        plausible = glyph in ("", "O", "Q", "0", "©", "®", "o") or not any(
            c.isupper() for c in misread.group("user")
        )
        if plausible and not DOUBLE_AT.search(before_domain.rstrip()):
            # the glyph stands for "@": hand recover_email a plain "0" there
            candidate = misread.group("user") + "0" + re.sub(r"\s", "", misread.group("domain"))
            email, _ = recover_email(candidate)
            if email:
                return Field(email, conf * MISREAD_AT_PENALTY, None, misread.group(0), present=True)
        return Field(None, conf, None, misread.group(0), present=True)
    label = EMAIL_LABEL.search(text)
    if label:
        conf = _confidence(spans, label.start(2), label.end(2))
        return Field(None, conf, None, label.group(2), present=True)
    trace = EMAIL_TRACE.search(text)
    if trace:
        conf = _confidence(spans, trace.start(), trace.end())
        return Field(None, conf, None, trace.group(0), present=True)
    return Field(None, 0.0)


def _find_name(text: str, spans: list[tuple[int, int, float]]) -> Field:
    label = NAME_LABEL.search(text)
    if label:
        candidate = _clean_name(label.group(1))
        if _looks_like_name(candidate):
            return _name_field(candidate, spans, label.start(1))
    signed = _signature_name(text, spans)
    if signed is not None:
        return signed
    phrase = NAME_PHRASE.search(text)
    if phrase:
        candidate = _name_words(phrase.group(1))
        if _looks_like_name(candidate):
            return _name_field(candidate, spans, phrase.start(1))
    return Field(None, 0.0)


def last_closing(text: str) -> tuple[int, int] | None:
    """Start and end of the last closing formula ("Atentamente", "Atte.", misspelt ones too)."""
    found = [(m.start(), m.end()) for m in CLOSING.finditer(text)]
    offset = 0
    for line in text.split("\n"):
        word = line.strip().strip(",.:;").lower()
        if " " not in word and len(word) >= 8:
            ratio = max(difflib.SequenceMatcher(None, word, c).ratio() for c in CLOSING_WORDS)
            if ratio >= CLOSING_SIMILARITY:
                found.append((offset, offset + len(line)))
        offset += len(line) + 1
    return max(found) if found else None


def _signature_name(text: str, spans: list[tuple[int, int, float]]) -> Field | None:
    """The name line of the signature block under the last closing formula.

    The scribbled signature sits between the closing and the name and OCR often turns it into
    short capitalised "words" ("UNO LO"); of the name-like lines there, the one read with the
    most confidence is the printed name.
    """
    # the strict formula only: a misspelt one is not sure enough to take a line as the name
    closings = list(CLOSING.finditer(text))
    if not closings:
        return None
    tail_start = closings[-1].end()
    best: Field | None = None
    offset = tail_start
    for line in text[tail_start:].split("\n")[:8]:
        line_start = offset
        offset += len(line) + 1
        candidate = _clean_name(line)
        if not candidate or not _looks_like_name(candidate):
            continue
        field = _name_field(candidate, spans, text.index(candidate, line_start))
        if best is None or field.confidence > best.confidence:
            best = field
    return best


def _clean_name(line: str) -> str:
    """A name line without the punctuation and stray marks OCR leaves around it."""
    words = line.split()
    while words and not any(c.isalpha() for c in words[-1]):
        words.pop()
    while words and not any(c.isalpha() for c in words[0]):
        words.pop(0)
    # "¡Germán …" from an exclamation mark above the line, a quote, a bracket
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", " ".join(words))


def _name_words(text: str) -> str:
    """The leading run of name words of a phrase ("Juan Pérez y quiero…" -> "Juan Pérez")."""
    kept: list[str] = []
    for word in text.split():
        if word.lower() not in NAME_PARTICLES and word[:1].islower():
            break
        kept.append(word)
    while kept and kept[-1].lower() in NAME_PARTICLES:
        kept.pop()
    return " ".join(kept)


def _looks_like_name(candidate: str) -> bool:
    words = candidate.strip().split()
    if (
        not 2 <= len(words) <= 6
        or NOT_NAME.search(candidate)
        or any(c.isdigit() for c in candidate)
    ):
        return False
    # particles ("de", "la", "del") aside, a name has at least two words of three letters or
    # more: the scribbled signature read as letters ("UNO LO", "A A") does not.
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 3]
    # a lower-case word that is no particle makes it a phrase ("Un derechohabiente inconforme")
    # (the first word may be a capital OCR lost: "juan Zamora Rodriguez")
    phrase = any(w.islower() and len(w) >= 3 and w.lower() not in NAME_PARTICLES for w in words[1:])
    return not phrase and len(long_words) >= 2 and sum(bool(NAME_WORD.match(w)) for w in words) >= 2


def _name_field(value: str, spans: list[tuple[int, int, float]], start: int) -> Field:
    value = " ".join(value.split()).strip(NAME_TRIM)
    conf = _confidence(spans, start, start + len(value))
    if conf < MIN_NAME_CONFIDENCE:
        # a name is written there but what OCR made of it is not worth showing as a name
        return Field(None, conf, None, value, present=True)
    return Field(value, conf, None, value, present=True)
