"""Escrito libre extraction: NSS, phone, e-mail and name from the OCR text of all its pages.

Labelled values ("NSS:", "Tel.", "correo:") win over bare patterns; a bare 11-digit number
counts as an NSS only when it passes the check digit, so a folio or a date is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .datatypes import Field, PageAnalysis
from .validate import (
    MISREAD_AT_PENALTY,
    digits_with_confusions,
    email_is_valid,
    normalise_email,
    normalise_phone,
    nss_is_valid,
    nss_repairs,
    recover_email,
)

_D = r"[0-9OoIlSBZG]"
_SEP = r"[ \t\-\.]?"
NSS_LABEL = re.compile(
    r"(n\.?\s?s\.?\s?s\.?|seguridad\s+social|seguro\s+social|afiliaci[oó]n|no\.?\s+de\s+afil\w*)"
    r"[^\n\d]{0,25}",
    re.IGNORECASE,
)
NSS_VALUE = re.compile(rf"({_D}(?:{_SEP}{_D}){{9,11}})")
BARE_NSS = re.compile(r"(?<!\d)(\d(?:[ \-]?\d){10})(?!\d)")
PHONE_LABEL = re.compile(
    r"(tel[eé]fono|tel\b\.?|tels?\.|cel(?:ular)?\b\.?|whats\s?app|m[oó]vil|contacto)[^\n\d+]{0,20}",
    re.IGNORECASE,
)
PHONE_VALUE = re.compile(r"((?:\+?\s?52[\s\-]?)?(?:\(?\d{2,3}\)?[\s\-\.]?)\d{3,4}[\s\-\.]?\d{4})")
# Spaces OCR puts around "@" and dots are allowed, line breaks are not: "…@hotmail.com.\n
# Respetuosamente" must not swallow the next line's word.
EMAIL = re.compile(
    r"[a-z0-9._%+\-]+[ \t]?@[ \t]?[a-z0-9\-]+(?:[ \t]?[.,][ \t]?[a-z0-9\-]+)+", re.IGNORECASE
)
# Tesseract often reads "@" as O, 0, Q or ©, sometimes with a space: find such a candidate
# before a known mail domain; `recover_email` decides, and confidence is reduced.
SPACED_MISREAD_AT = re.compile(
    r"[a-z0-9._%+\-]+?\s?[O0oQ©®]?\s*(?:gmail|hotmail|yahoo|outlook|live|icloud|prodigy)"
    r"\s?[.,]\s?(?:com(?:\.mx)?|mx|es|net)\b",
    re.IGNORECASE,
)
EMAIL_LABEL = re.compile(
    r"(correo(?:\s+electr[oó]nico)?|e-?mail)(?:\s+es)?\s*:?\s*(\S+)", re.IGNORECASE
)
NAME_LABEL = re.compile(r"nombre(?:\s+completo)?\s*:\s*([^\n]+)", re.IGNORECASE)
NAME_PHRASE = re.compile(
    r"(?:mi nombre es|me llamo|(?:el|la) que suscribe|(?:el|la) suscrit[oa]|yo,)\s+(?:c\.\s+)?"
    r"([A-ZÁÉÍÓÚÑa-záéíóúñ]+(?:\s+[A-ZÁÉÍÓÚÑa-záéíóúñ]+){1,4})",
    re.IGNORECASE,
)
CLOSING = re.compile(r"^\s*(atentamente|saludos|respetuosamente|gracias)\b", re.IGNORECASE | re.M)
NAME_WORD = re.compile(r"^[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñÁÉÍÓÚÑ\.]+$")
NOT_NAME = re.compile(r"(nss|tel|cel|correo|seguro|afilia|fecha|firma|c\.p\.|calle|col\.)", re.I)


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
    nss, nss_span = _find_nss(text, spans)
    return {
        "nss": nss,
        "telefono": _find_phone(text, spans, [nss_span] if nss_span else []),
        "correo": _find_email(text, spans),
        "nombre": _find_name(text, spans),
    }


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
            digits = repairs[0] if len(repairs) == 1 else None
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
        email = normalise_email(raw)
        conf = _confidence(spans, match.start(), match.end())
        return Field(email if email_is_valid(email) else None, conf, None, raw, present=True)
    misread = SPACED_MISREAD_AT.search(text)
    if misread:
        email, _ = recover_email(misread.group(0))
        if email:
            conf = _confidence(spans, misread.start(), misread.end()) * MISREAD_AT_PENALTY
            return Field(email, conf, None, misread.group(0), present=True)
    label = EMAIL_LABEL.search(text)
    if label:
        conf = _confidence(spans, label.start(2), label.end(2))
        return Field(None, conf, None, label.group(2), present=True)
    return Field(None, 0.0)


def _find_name(text: str, spans: list[tuple[int, int, float]]) -> Field:
    label = NAME_LABEL.search(text)
    if label and _looks_like_name(label.group(1)):
        return _name_field(label.group(1), spans, label.start(1))
    closings = list(CLOSING.finditer(text))
    if closings:
        closing = closings[-1]  # the last closing formula is the signature's
        tail_start = closing.end()
        for line in text[tail_start:].split("\n")[:6]:
            candidate = line.strip().strip(",.")
            if candidate and _looks_like_name(candidate):
                return _name_field(candidate, spans, text.index(candidate, tail_start))
    phrase = NAME_PHRASE.search(text)
    if phrase and _looks_like_name(phrase.group(1)):
        return _name_field(phrase.group(1), spans, phrase.start(1))
    return Field(None, 0.0)


def _looks_like_name(candidate: str) -> bool:
    words = candidate.strip().split()
    if (
        not 2 <= len(words) <= 6
        or NOT_NAME.search(candidate)
        or any(c.isdigit() for c in candidate)
    ):
        return False
    return sum(bool(NAME_WORD.match(w)) for w in words) >= 2


def _name_field(value: str, spans: list[tuple[int, int, float]], start: int) -> Field:
    value = " ".join(value.split()).strip(",.")
    conf = _confidence(spans, start, start + len(value))
    return Field(value, conf, None, value, present=True)
