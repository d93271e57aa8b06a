"""Composing Spanish petition texts and adding the errors of real handwriting."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from buzon_pipeline.core.vocab import TIPOS
from buzon_pipeline.synth import bank_peticiones as bank
from buzon_pipeline.synth.people import write_without_accents

TIPO_WEIGHTS = (12, 13, 35, 8, 17, 15)

CONTEXTO_NEUTRO = (
    "Soy derechohabiente de esta clínica desde hace muchos años.",
    "Soy adulto mayor y me cuesta trabajo venir.",
    "Vengo cada mes a control con mi médico familiar.",
)
CONTEXTO_QUEJA = (
    "Esto pasó el {fecha} en el turno {turno}.",
    "Mi mamá tiene {edad} años y es diabética e hipertensa.",
    "Vengo desde muy lejos y no es justo perder todo el día.",
    "Yo trabajo y no puedo estar pidiendo permiso cada semana.",
    "Ya lo reporté antes de forma verbal y no pasó nada.",
    "No es la primera vez que me pasa.",
    "Estoy embarazada de {meses_emb} meses y me sentía muy mal.",
)

UNIDADES = ("UMF No. {n}", "UMF {n}", "U.M.F. {n}", "HGZ No. {m}", "HGZ {m}", "HGR No. {m}",
            "Clínica {n}", "UMAA {n}", "Hospital General de Zona {m}", "HGO No. {g}",
            "Subdelegación {zona}")

MEDS = ("metformina", "losartán", "insulina", "omeprazol", "paracetamol", "el medicamento para "
        "la presión", "la insulina", "mis pastillas de la tiroides", "el inhalador")
ENFERMERAS = ("Lupita", "Rosario", "Carmen", "Paty", "Elena", "Anita", "Mari")
NUMEROS = ("dos", "tres", "cuatro", "cinco", "seis", "ocho")
MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre")


@dataclass(frozen=True)
class Petition:
    tipo: str
    servicio: str
    caso_especial: bool
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def unidad_escrita(rng: random.Random) -> str:
    template = rng.choice(UNIDADES)
    return template.format(n=rng.randint(1, 190), m=rng.randint(1, 60), g=rng.randint(1, 4),
                           zona=rng.choice(("Norte", "Sur", "Oriente", "Poniente", "Centro")))


def fecha_texto(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} de {rng.choice(MESES)}"


def fill(template: str, rng: random.Random) -> str:
    slots = {
        "hora": rng.choice(("7:00", "7:30", "8:00", "9:15", "11:00", "8 de la mañana",
                            "14:30", "16:00")),
        "horas": rng.choice(("cuatro horas", "3 horas", "más de 5 horas", "casi seis horas",
                             "2 horas y media")),
        "consultorio": str(rng.randint(1, 30)),
        "turno": rng.choice(("matutino", "vespertino", "nocturno")),
        "semanas": rng.choice((*NUMEROS, "3", "6", "8")),
        "meses": str(rng.randint(3, 18)),
        "monto": f"{rng.randint(3, 90) * 100:,}",
        "medicamento": rng.choice(MEDS),
        "enfermera": rng.choice(ENFERMERAS),
        "guarderia": str(rng.randint(1, 60)),
        "unidad": unidad_escrita(rng),
        "fecha": fecha_texto(rng),
        "edad": str(rng.randint(62, 91)),
        "meses_emb": str(rng.randint(3, 8)),
    }
    return re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)], template)


def make_petition(
    rng: random.Random,
    tipo: str | None = None,
    servicio: str | None = None,
    caso_especial: bool | None = None,
    n_sentences: int | None = None,
) -> Petition:
    tipo = tipo or rng.choices(TIPOS, TIPO_WEIGHTS)[0]
    servicio = servicio or rng.choice(bank.SERVICIOS)
    if caso_especial is None:
        caso_especial = tipo in ("queja_servicio", "queja_administrativa") and rng.random() < 0.1
    n = n_sentences or rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6))
    body = list(bank.CUERPO[tipo][servicio])
    rng.shuffle(body)
    core = body[: max(1, n - 2)]
    if caso_especial:
        core.insert(rng.randrange(len(core) + 1), rng.choice(bank.CASOS_ESPECIALES))
    if len(core) < n and rng.random() < 0.5:
        queja = tipo.startswith("queja")
        context = CONTEXTO_NEUTRO + (CONTEXTO_QUEJA if queja else ())
        core.insert(rng.randrange(len(core) + 1), rng.choice(context))
    if len(core) < n and rng.random() < 0.7:
        core.insert(0, rng.choice(bank.OPENERS[tipo]))
    if len(core) < n:
        core.append(rng.choice(bank.CLOSERS[tipo]))
    sentences = tuple(fill(s, rng) for s in core)
    return Petition(tipo, servicio, caso_especial, sentences)


def servicio_escrito(servicio: str, rng: random.Random) -> str:
    return fill(rng.choice(bank.SERVICIO_ESCRITO[servicio]), rng)


_WORD_SUBS = (
    (r"\bporque\b", ("xq", "porq", "por que")),
    (r"\bque\b", ("q", "ke")),
    (r"\bpor\b", ("x",)),
    (r"\bhace\b", ("ace",)),
    (r"\bhasta\b", ("asta",)),
    (r"\bhabía\b", ("avia", "abia")),
    (r"\bahí\b", ("ai", "hay")),
    (r"\bhaber\b", ("a ver",)),
    (r"\bvez\b", ("bes", "ves")),
    (r"\bllevo\b", ("yebo", "yevo")),
    (r"\bhizo\b", ("iso", "hiso")),
    (r"\bdijeron\b", ("dijieron",)),
    (r"\bbien\b", ("vien",)),
    (r"\bgracias\b", ("grasias",)),
    (r"\bnecesito\b", ("nesesito", "necesito")),
    (r"\bhoy\b", ("oy",)),
    (r"\bmédico\b", ("medico", "medco")),
)
_LETTER_SUBS = (("v", "b"), ("b", "v"), ("ll", "y"), ("ce", "se"), ("ci", "si"), ("z", "s"))


def handwriting_errors(text: str, rng: random.Random, rate: float) -> str:
    """Misspell like a hurried hand: accents dropped, phonetic swaps, SMS shorthand."""
    if rate <= 0:
        return text
    for pattern, options in _WORD_SUBS:
        def swap(m: re.Match[str], options: tuple[str, ...] = options) -> str:
            return rng.choice(options) if rng.random() < rate else m.group(0)

        text = re.sub(pattern, swap, text)
    words = text.split(" ")
    out = []
    drop_all_accents = rng.random() < rate
    for w in words:
        if drop_all_accents or rng.random() < rate:
            w = write_without_accents(w)
        if rng.random() < rate * 0.25:
            for a, b in _LETTER_SUBS:
                if a in w:
                    w = w.replace(a, b, 1)
                    break
        out.append(w)
    text = " ".join(out)
    if rng.random() < rate:
        text = text.replace("¿", "").replace("¡", "")
    if rng.random() < rate * 0.5:
        text = re.sub(r"\. (\w)", lambda m: " " + m.group(1).lower(), text)
    return text
