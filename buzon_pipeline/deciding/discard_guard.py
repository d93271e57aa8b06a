"""Never discard what was not read (issue 13, item 3).

A discard ("descartado": not a petition, act. 42) is the one outcome no human looks at again,
and a false discard is the worst error the program can make (docs/design.md §1). So the
classifier's "not a petition" is acted on only when the reading behind it is good, and the
text shows none of the things a petition carries and a flyer or a receipt rarely does: a
greeting, a closing or signature block, an NSS-like number or contact data. Each of these
sends the page to review with its reason instead.

Cheap text patterns on purpose: they must still fire on a poor OCR reading (that is when they
matter), and a page they wrongly hold back costs a minute of review, not a lost petition.

One relaxation (issue 13, item 6): an NSS, a phone or contact data do not hold back a page the
kind model (`nonpetition_model`) recognises with confidence as a printed non-petition that
carries them (an IMSS prescription prints the patient's NSS, a shop's flyer its phone), and only
when the text has no greeting, no signature block and no words of a request. The reading must
still be good, and the classifier must still say "not a petition".
"""

from __future__ import annotations

import re

from buzon_pipeline.core.model import RouteThresholds, TextVerdict, Validation
from buzon_pipeline.core.rules import MAIL_PROVIDER_RE, strip_accents

# Openings of a letter addressed to someone (accents stripped, lower case).
GREETING = re.compile(
    r"\b(?:estimad[oa]s?|apreciabl?e?s?|distinguid[oa]s?|a quien corresponda"
    r"|buen[oa]s? (?:dias|tardes|noches)|por (?:medio|este medio) de la presente"
    r"|me dirijo|le escribo|les escribo|hola|querid[oa]s?"
    r"|(?:sr|sra|srita|lic|dr|dra|c)\.? (?:director|directora|jefe|jefa|delegad[oa]|encargad[oa])"
    r"|senor(?:a|es)? (?:director|directora|jefe|jefa|delegad[oa]|encargad[oa]))\b"
)
# Closings and signature blocks.
SIGNATURE = re.compile(
    r"\b(?:atentamente|atte\.?|cordialmente|saludos(?: cordiales)?|sin otro particular"
    r"|quedo (?:a|en espera|atent[oa]|pendiente)|agradezco (?:de antemano|su atencion)"
    r"|gracias por su (?:atencion|tiempo|apoyo)|firma(?: del? (?:interesad[oa]|solicitante))?"
    r"|nombre y firma|respetuosamente)\b"
)
# Labels of the data a petitioner leaves to be answered: the NSS, and a phone or an e-mail.
NSS_LABEL = re.compile(r"\b(?:nss|n\.\s?s\.\s?s\.?|seguridad social|afiliacion)\b")
DATA_LABEL = re.compile(
    r"\b(?:telefono|tel\.?|cel(?:ular)?\.?|whats ?app|correo(?: electronico)?|e-?mail)\b"
)
# Toll-free numbers (800 …, 01 800 …) belong to institutions (a flyer's footer), not to a
# person who wants an answer.
_TOLL_FREE = ("800", "01800")
# A run of 10 to 13 digits, maybe split by spaces, dots or dashes: an NSS (11) or a phone (10,
# 12/13 with the country code). OCR's digit confusions (O/0, l/1, S/5, B/8) are let in.
_DIGIT = r"[0-9oOlIsSbB]"
LONG_NUMBER = re.compile(rf"(?<![0-9A-Za-z])(?:{_DIGIT}[\s.\-]?){{9,12}}[0-9](?![0-9])")
# Words of someone asking, complaining, proposing or thanking (accents stripped, lower case):
# any of them keeps a page whose numbers the kind model would excuse.
PETITION_WORDS = re.compile(
    r"\b(?:quej\w*|reclam\w*|denunci\w*|inconform\w*|exij\w*|exigi\w*|sugier\w*|sugerenc\w*"
    r"|propong\w*|solicito|solicitamos|pido|pedimos|pedir(?:les?)?|necesit\w*|quier\w*|quisiera"
    r"|ayud\w*|por favor|porfa|favor de|felicit\w*|agradezco|agradecemos a|reconoc\w*"
    r"|muchas gracias|gracias (?:a|al|por la atencion)|atiend\w*|atendi\w*|nadie|nunca|injust\w*"
    r"|maltrat\w*|negligen\w*|urgente|tramite|cita (?:para|con))\b"
)
EMAIL = re.compile(rf"[a-z0-9._%+\-]+\s?[@©®]\s?(?:{MAIL_PROVIDER_RE}|[a-z0-9\-]+\.[a-z]{{2,}})")


def _normalised(text: str) -> str:
    return re.sub(r"[ \t]+", " ", strip_accents(text).lower())


def _has_long_number(text: str) -> bool:
    for match in LONG_NUMBER.finditer(text):
        digits = "".join(c for c in match.group() if c.isdigit())
        # Mostly real digits: a word like "lOl" must not pass as a number.
        if len(digits) >= 8 and not digits.startswith(_TOLL_FREE):
            return True
    return False


def reasons_to_keep(
    text: str,
    verdict: TextVerdict,
    validation: Validation,
    thresholds: RouteThresholds,
) -> list[str]:
    """Spanish reasons why a page the classifier calls "not a petition" must not be discarded
    automatically; empty when the discard may stand."""
    reasons: list[str] = []
    words = len(re.findall(r"\w{2,}", text))
    if verdict.text_confidence < thresholds.min_text_confidence:
        reasons.append(
            f"Lectura pobre (confianza media {verdict.text_confidence:.0%}): no se descarta "
            "sin revisarla."
        )
    if words < thresholds.min_discard_words:
        reasons.append(
            f"Se leyeron muy pocas palabras ({words}): no se descarta sin revisarla."
        )
    plain = _normalised(text)
    found: list[str] = []
    if GREETING.search(plain):
        found.append("un saludo")
    if SIGNATURE.search(plain):
        found.append("una despedida o firma")
    # A recognised printed non-petition carries numbers and contact data of its own; excused
    # only when nothing else on the page reads like a letter or a request.
    excused = verdict.known_printed and not found and not PETITION_WORDS.search(plain)
    if excused:
        return reasons
    if validation.nss_written or _has_long_number(text) or NSS_LABEL.search(plain):
        found.append("un número de seguridad social o de teléfono")
    if _personal_contact(validation) or EMAIL.search(plain) or DATA_LABEL.search(plain):
        found.append("datos de contacto")
    if found:
        reasons.append(
            f"El texto tiene {_join(found)}, como un escrito de petición: "
            "no se descarta sin revisarlo."
        )
    return reasons


def _personal_contact(validation: Validation) -> bool:
    """Contact data the field extractor found, but for a toll-free number (a flyer's)."""
    if not validation.contact:
        return False
    phone = validation.fields.get("telefono")
    mail = validation.fields.get("correo")
    toll_free = bool(phone and phone.value and phone.value.startswith(_TOLL_FREE))
    return not toll_free or bool(mail and mail.value)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " y " + items[-1]
