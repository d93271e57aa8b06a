"""Field rules shared by reading and deciding: NSS check digit (Luhn), phone and e-mail
normalisation, OCR digit confusions, name plausibility. Pure functions, no state."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# OCR confusions allowed when reading digits (docs/design.md §5).
CONFUSIONS = {
    "O": "0",
    "o": "0",
    "D": "0",
    "Q": "0",
    "I": "1",
    "l": "1",
    "|": "1",
    "i": "1",
    "S": "5",
    "s": "5",
    "B": "8",
    "Z": "2",
    "z": "2",
    "G": "6",
    "b": "6",
    "g": "9",
}
# Digits that OCR mistakes for each other; used for single-position repairs.
DIGIT_CONFUSIONS = {
    "0": "68",
    "1": "7",
    "2": "7",
    "3": "8",
    "5": "6",
    "6": "058",
    "7": "12",
    "8": "0369",
    "9": "8",
}
# The providers people in Mexico write on a form. A domain one OCR slip away from one of them
# (a lost dot, one wrong letter) is that provider; "@" is restored only right before one.
KNOWN_MAIL_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "hotmail.es",
    "outlook.com",
    "outlook.es",
    "live.com",
    "live.com.mx",
    "yahoo.com",
    "yahoo.com.mx",
    "yahoo.es",
    "icloud.com",
    "prodigy.net.mx",
)
MAIL_DOMAINS = "(?:{})".format(
    "|".join(re.escape(d) for d in sorted(KNOWN_MAIL_DOMAINS, key=len, reverse=True))
)
# Glyphs OCR reads for a written "@". It must stand between the user and a known domain: an
# address written without "@" is unusable, and inserting one would invent a contact.
MISREAD_AT = re.compile(rf"([a-z0-9._%+\-]*[a-z0-9])[o0q©®]({MAIL_DOMAINS})")
EMAIL_RE = re.compile(r"^[a-z0-9._%+\-]+@[a-z0-9\-]+(\.[a-z0-9\-]+)*\.[a-z]{2,}$")


def luhn_check_digit(first_ten: str) -> int:
    total = 0
    for index, char in enumerate(reversed(first_ten)):
        value = int(char)
        if index % 2 == 0:  # rightmost of the payload is doubled (check digit goes after it)
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def nss_is_valid(nss: str) -> bool:
    return len(nss) == 11 and nss.isdigit() and luhn_check_digit(nss[:10]) == int(nss[10])


def digits_with_confusions(raw: str) -> str:
    """Map letters OCR confuses with digits, drop separators; other letters stay (invalid)."""
    out = []
    for char in raw:
        if char.isdigit():
            out.append(char)
        elif char in CONFUSIONS:
            out.append(CONFUSIONS[char])
        elif char in " -.–_/()":
            continue
        else:
            out.append(char)
    return "".join(out)


def nss_repairs(nss: str) -> list[str]:
    """Valid NSS reachable from a failing one by changing one commonly confused digit."""
    if len(nss) != 11 or not nss.isdigit():
        return []
    found = []
    for pos, char in enumerate(nss):
        for alt in DIGIT_CONFUSIONS.get(char, ""):
            candidate = nss[:pos] + alt + nss[pos + 1 :]
            if nss_is_valid(candidate):
                found.append(candidate)
    return found


def repairs_from_alternatives(
    digits: list[str],
    alternatives: list[Iterable[tuple[str, float]]],
    min_prob: float = 0.2,
    max_chosen: float = 0.8,
) -> list[tuple[str, float]]:
    """Valid NSS made by swapping one doubtful cell for a likely recogniser alternative.

    Only cells whose chosen digit is itself doubtful (< max_chosen) are touched, and only for
    alternatives the recogniser found likely (>= min_prob): with every alternative of every
    cell allowed, some wrong number passes the check digit one time in ten.
    """
    found = []
    for pos, options in enumerate(alternatives):
        options = list(options)
        chosen = max((p for d, p in options if d == digits[pos]), default=0.0)
        if chosen >= max_chosen:
            continue
        for alt, prob in options:
            if alt == digits[pos] or prob < min_prob:
                continue
            candidate = "".join([*digits[:pos], alt, *digits[pos + 1 :]])
            if nss_is_valid(candidate):
                found.append((candidate, prob))
    return found


def normalise_phone(raw: str) -> str | None:
    digits = re.sub(r"\D", "", digits_with_confusions(raw))
    if len(digits) == 12 and digits.startswith("52"):
        digits = digits[2:]
    elif len(digits) == 13 and digits.startswith("521"):  # old mobile prefix
        digits = digits[3:]
    if len(digits) != 10 or len(set(digits)) == 1:
        return None
    return digits


def normalise_email(raw: str) -> str:
    text = raw.strip().lower().replace(" ", "")
    text = text.replace("(at)", "@").replace("[at]", "@")
    return text.strip(".,;:")


def email_is_valid(email: str) -> bool:
    return bool(EMAIL_RE.match(email))


MISREAD_AT_PENALTY = 0.8  # confidence factor for an e-mail whose "@" or domain had to be repaired
MAIL_PROVIDERS = tuple(sorted({d.split(".")[0] for d in KNOWN_MAIL_DOMAINS}))
# The providers' names as a regex group, for finding an address in free text.
MAIL_PROVIDER_RE = "(?:{})".format("|".join(MAIL_PROVIDERS))
_SPACED_GLYPH = re.compile(rf"\s+([o0q©®])\s*(?={MAIL_PROVIDER_RE})")


def recover_email(raw: str) -> tuple[str | None, bool]:
    """A valid e-mail from OCR text, and whether it had to be repaired to get there.

    Repairs: a domain one slip away from a known provider (``hotmailcom``, ``yahoo.con``) and an
    "@" read as O/0/Q/© right before a known provider. Nothing else is invented: an address
    written without "@", with "@@", with a comma for a dot or split by spaces stays invalid.
    """
    text = raw.strip().lower().replace("(at)", "@").replace("[at]", "@")
    # OCR spaces around "@" and dots are its own; a space anywhere else splits the address
    # ("juan @ gmail com" is how people write an unusable one).
    text = re.sub(r"\s*([@.])\s*", r"\1", text)
    text = _SPACED_GLYPH.sub(r"\1", text)
    text = text.strip(".;:")
    if not text or re.search(r"[\s,]", text):
        return None, False
    if text.count("@") == 1:
        user, domain = text.split("@")
        known = snap_mail_domain(domain)
        if known is None and domain.split(".")[0] in MAIL_PROVIDERS:
            return None, False  # "prodigy.net", "gmail.co.mx": a provider's name cut or garbled
        email = f"{user}@{known or domain}"
        if not email_is_valid(email):
            return None, False
        return email, known is not None and known != domain
    if "@" in text:
        return None, False
    match = MISREAD_AT.fullmatch(text)
    if match:
        return f"{match.group(1)}@{match.group(2)}", True
    for domain in sorted(KNOWN_MAIL_DOMAINS, key=len, reverse=True):
        bare = domain.replace(".", "")
        match = re.fullmatch(rf"([a-z0-9._%+\-]*[a-z0-9])[o0q©®]{bare}", text)
        if match:
            return f"{match.group(1)}@{domain}", True
    return None, False


def snap_mail_domain(domain: str) -> str | None:
    """The known provider ``domain`` stands for, or None when it is none of them.

    A lost or extra dot, or one wrong/missing/extra letter when only one provider is that
    close. A domain cut short ("gmail", "prodigy.net") is more than one slip away and is none
    of them; `recover_email` then refuses the address rather than guess the missing part.
    """
    if domain in KNOWN_MAIL_DOMAINS:
        return domain
    bare = domain.replace(".", "")
    for known in KNOWN_MAIL_DOMAINS:
        if bare == known.replace(".", ""):
            return known
    if len(domain) < 7:
        return None
    close = [k for k in KNOWN_MAIL_DOMAINS if _within_one_edit(domain, k)]
    return close[0] if len(close) == 1 else None


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def name_is_plausible(name: str) -> bool:
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    letters = [w for w in words if sum(c.isalpha() for c in w) >= 2]
    return len(letters) >= 2 and sum(c.isdigit() for c in name) == 0


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
