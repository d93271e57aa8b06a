"""Casos especiales (5.28) by rules: which category a text falls in and the words that show it.

The spaCy model gives a probability that a text is a caso especial; alone it raised false alarms
("Pongan más sillas y un bebedero") and never said why. These rules name the category (muerte,
daño grave, violencia, amenazas, relevancia pública) and quote the words that triggered it;
`deciding.classify.special_case` combines both with thresholds chosen on the dev split
(`training/eval_special.py`).

Handwriting and OCR garble words ("munio", "sachetada", "tera pia"), so each trigger phrase is
compiled into a tolerant pattern: letters OCR confuses share a class, and spaces are ignored
(the text is matched with its spaces removed; phrases are long enough not to match across
unrelated words). Pure functions, no model: cheap to run on every document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Category keys in the order they are reported; labels are Spanish (what the TAOD reads).
CATEGORY_LABELS = {
    "muerte": "muerte",
    "dano_grave": "daño grave",
    "violencia": "violencia o abuso",
    "amenazas": "amenazas",
    "relevancia_publica": "relevancia pública (prensa, política, autoridades)",
}

# Trigger phrases over normalised text (lowercase, no accents): the vocabulary of each 5.28
# category (written from the procedure's categories, checked on the train and dev splits).
# fmt: off
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "muerte": (
        "murio", "muere", "muerto", "muerta", "muertos", "muerte", "fallecio", "fallecid",
        "fayecio", "perdio la vida", "perdieron la vida", "perdimos a", "perdi a mi bebe",
        "perdi al bebe", "perdi a mi hij", "sin vida", "sin signos vitales", "ya no desperto",
        "se nos fue", "nacio muert", "se nos murio", "morgue", "el cuerpo de", "defuncion",
        "obito", "aborto",
    ),
    "dano_grave": (
        "casi muer", "casi se muer", "grave", "terapia intensiva", "intubad", "paralizad",
        "paralisis", "paralitic", "amputa", "fractur", "hemorragia", "sangrado",
        "infarto", "derrame", "embolia", "convulsion", "convulsiono", "paro cardiaco",
        "paro respiratorio", "tuvo un paro", "no respiraba", "se puso morad", "quemadura",
        "quemaron", "se quemo", "se ahogo", "ahogand", "intoxic", "envenen", "sobredosis",
        "veces la dosis", "quimioterapia", "por un error", "termino internado",
        "inyeccion mal", "estado vegetativo", "en coma", "quedo en coma", "septicemia",
        "sepsis", "se infecto", "infeccion grave", "ya no es operable", "era tarde",
        "demasiado tarde", "sangre de otro tipo", "gasa adentro", "olvidaron", "equivocada",
        "equivocado de", "diagnostico equivocado", "error medico", "mala praxis",
        "negligencia", "negligensia", "se abrio la cabeza", "se pego en la cabeza",
        "se cayo de", "se cayo en", "me dejaron caer", "lo dejaron caer", "la dejaron caer",
        "tirada", "tirado", "perdio la vista", "quedo ciego", "perdio el ojo", "cicatriz",
        "lesion", "lesiono", "herida", "herido", "tumor crecio", "meningitis", "secuelas",
        "lastim", "mordio", "muerde", "moreton", "sin curar", "anafilact", "reaccion alergica",
    ),
    "violencia": (
        "golpe", "golpi", "empuj", "empujon", "jalone", "jalon", "zarande", "cachetad",
        "cachtad", "sachetad", "bofetad", "patada", "punetazo", "manotazo",
        "agredi", "agresion", "violen", "maltrato fisico", "abuso", "abusar", "acos", "acosa",
        "acoso", "acosando", "hostig",
        "tocamiento", "manose", "me toco", "toco de forma", "sexual", "desnud", "insinuacion",
        "violacion", "violo", "besar", "beso a", "pistola", "cuchillo", "=navaja", "armado",
        "disparo", "balacera", "balazo", "asalt", "=rina", "pelea", "aventaron",
        "me arrastr",
    ),
    "amenazas": (
        "amenaz", "represalia", "intimid", "me iba a ir mal", "me va a ir mal",
        "le va a ir mal", "se las va a ver", "me las va a pagar", "partir la cara",
        "a golpes", "esperando afuera", "me dio miedo", "tengo miedo", "miedo de que",
        "me quieren correr", "me van a correr", "me quitaria el servicio",
    ),
    "relevancia_publica": (
        "periodic", "periodista", "reportero", "prensa", "noticiero", "noticia", "sale la nota",
        "television", "en la tele", "la radio", "medios de comunicacion", "los medios",
        "redes sociales", "facebook", "tiktok", "twitter", "youtube", "el video de", "viral",
        "lo grabe", "grabamos", "los grabe",
        "publicar", "publicarlo", "diputad", "senador", "regidor", "alcalde",
        "presidente municipal", "gobernador", "presidencia", "mananera",
        "derechos humanos", "cndh", "conamed", "fiscalia", "ministerio publico",
        "denuncia penal", "una demanda", "abogado", "sindicato", "partido politico",
    ),
}
# fmt: on

# Routine procedures after a death (pensión de viudez, gastos de funeral) are not 5.28: a death
# mentioned only next to these words does not count as the «muerte» category.
_ROUTINE_AFTER_DEATH = (
    "pension",
    "viudez",
    "orfandad",
    "funeral",
    "finiquito",
    "acta de defuncion",
    "pertenencias",
    "ayuda para gastos",
    "beneficiari",
)

# Figures of speech that use the vocabulary of 5.28 for an ordinary complaint: "me muero de
# hambre esperando", "el sistema está muerto", "es grave que no haya un bebedero". Written from
# common Mexican Spanish usage (the project's corpus has none); each span is blanked before the
# triggers are searched.
_FIGURES = (
    r"(?:me|se|nos|te|uno|estoy|estamos|andamos) (?:\w+ )?(?:muero|muere|morimos|moria|moriamos"
    r"|muriendo|muera) de (?:hambre|frio|calor|sed|sueno|aburrimiento|risa|cansancio|desesperacion"
    r"|nervios|pena|verguenza|coraje|tristeza|la espera|esperar)",
    r"(?:me|nos|te|los|las) (?:\w+ )?(?:mata|matan|mataron|mato|matando) (?:de|del|con)\b",
    r"casi (?:me|le|nos) (?:da|dio|daba) (?:un |el )?(?:infarto|paro|ataque|soponcio)"
    r"(?: al corazon)? (?:cuando|de|del|al|con)\b",
    r"(?:sistema|pagina|app|aplicacion|telefono|linea|elevador|internet|red|computadora"
    r"|conmutador|modulo|cajero|servicio) (?:\w+ ){0,2}(?:esta|estan|anda|quedo|sigue) muert[oa]s?",
    r"(?:es|seria|esta|me parece) (?:muy |bien )?grave que\b",
    r"(?:no es|nada) (?:nada )?grave",
)

# A trigger denied just before it ("no me golpearon", "sin lesiones", "nunca lo amenazó") is
# not a report of it. Only the words right before the trigger count: a longer span would also
# catch "nadie nos dijo … y murió".
_DENIAL = re.compile(
    r"(?:\bno|\bsin|\bnunca|\bjamas|\bni)(?: (?:me|te|le|lo|la|nos|les|los|las|se|hubo|hay"
    r"|fue|tuvo|hubiera|han|ha))* $"
)

# Words that put a death in a complaint about care, where the routine exclusion does not apply.
_HARM_CONTEXT = (
    "hospital",
    "urgencias",
    "investig",
    "negligen",
    # "nadie nos explicó", "nadie lo atendió" — not "una duda que nadie me ha podido aclarar"
    "nadie nos",
    "nadie lo",
    "nadie la",
    "nadie le",
    "nadie hizo",
    "nadie atendi",
    "operacion",
    "cirugia",
    "sancion",
    "queja",
    "por no",
)

# Letters OCR and hurried handwriting swap; each letter of a trigger matches its whole class.
_CONFUSIONS = {
    "a": "ao",
    "b": "bv",
    "c": "ces",  # c read e by OCR, written s by seseo ("me asoso"); s→c would match "oso come"
    "e": "ec",
    "g": "gq9",
    "i": "il1|",
    "l": "li1|",
    "o": "o0",
    "q": "qg",
    "r": "rn",
    "s": "sz5",
    "u": "uv",
    "v": "vb",
    "z": "zs",
}


@dataclass(frozen=True)
class SpecialMatch:
    """One category found in a text and the words (as read) that triggered it."""

    category: str
    words: tuple[str, ...]

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self.category]


def _letter(ch: str) -> str:
    if ch == "m":
        return "(?:m|rn|nn)"
    if ch == "n":
        return "(?:n|r|ri)"
    if ch == "d":
        return "(?:d|cl)"
    if ch == "h":
        return "h?"
    klass = _CONFUSIONS.get(ch)
    return f"[{re.escape(klass)}]" if klass else re.escape(ch)


def _fuzzy(phrase: str) -> str:
    """A tolerant pattern for a trigger; "=word" is matched exactly (a short word whose
    misreadings are other words: "navaja" would match "trabajo")."""
    if phrase.startswith("="):
        return re.escape(phrase[1:].replace(" ", ""))
    letters = [c for c in phrase if not c.isspace()]
    if len(letters) <= 4:  # too short to tolerate a misread letter ("cndh" would match "end")
        return re.escape("".join(letters))
    return "".join(_letter(c) for c in letters)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        category: re.compile("|".join(_fuzzy(p) for p in phrases))
        for category, phrases in _TRIGGERS.items()
    }


@lru_cache(maxsize=1)
def _routine() -> re.Pattern[str]:
    return re.compile("|".join(_fuzzy(p) for p in _ROUTINE_AFTER_DEATH))


@lru_cache(maxsize=1)
def _figures() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_FIGURES) + ")")


def _blank_figures(normalized: str) -> str:
    """The text with figures of speech replaced by spaces (same length: positions still map)."""
    return _figures().sub(lambda m: " " * len(m.group(0)), normalized)


@lru_cache(maxsize=1)
def _harm() -> re.Pattern[str]:
    return re.compile("|".join(_fuzzy(p) for p in _HARM_CONTEXT))


def _compact(text: str) -> tuple[str, list[int]]:
    """The text without spaces, and for each kept character its index in `text`."""
    kept, where = [], []
    for i, ch in enumerate(text):
        if not ch.isspace():
            kept.append(ch)
            where.append(i)
    return "".join(kept), where


def _words_at(text: str, start: int, end: int) -> str:
    """The whole words of `text` that the span [start, end) touches."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip(" .,;:¿?¡!()\"'")


def find_special(normalized: str) -> list[SpecialMatch]:
    """Categories of caso especial in an already normalised text (see
    `textclass.normalize_text`), each with up to three trigger words as read."""
    literal = _blank_figures(normalized)
    compact, where = _compact(literal)
    routine = _routine().search(compact) is not None and not _harm().search(compact)
    found: list[SpecialMatch] = []
    for category, pattern in _patterns().items():
        words: list[str] = []
        for match in pattern.finditer(compact):
            start = where[match.start()]
            if start > 0 and literal[start - 1].isalnum():
                continue  # inside a word: "golpe" in "agolpe…" is not a trigger
            if _DENIAL.search(literal[max(0, start - 30) : start]):
                continue  # "no me golpearon", "sin lesiones"
            word = _words_at(literal, where[match.start()], where[match.end() - 1] + 1)
            if word and word not in words:
                words.append(word)
        if words:
            found.append(SpecialMatch(category, tuple(words[:3])))
    if routine and _patterns()["muerte"].search(compact):
        # A death told only next to a pensión/funeral procedure is routine, and so is its
        # cause ("falleció de un infarto en la casa, ¿qué necesito para la pensión?").
        found = [m for m in found if m.category not in ("muerte", "dano_grave")]
    return found


def describe(matches: list[SpecialMatch]) -> str:
    """«muerte («murió»); amenazas («amenazó»)» — the category and the words, for reports."""
    return "; ".join(f"{m.label} ({', '.join('«' + w + '»' for w in m.words)})" for m in matches)
