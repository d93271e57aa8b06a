"""Build one labelled document of each kind; every choice left as None is sampled from rng."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from buzon_pipeline.synth import bank_letters, content, degrade, fonts, ink, other, texts, truth
from buzon_pipeline.synth.letter import MAX_PAGES, render_letter
from buzon_pipeline.synth.people import make_person
from buzon_pipeline.synth.printings import render_printed_volante
from buzon_pipeline.synth.volante import CHECKBOXES, render_volante

LEVEL_WEIGHTS = (20, 60, 20)  # degrade.LEVELS: clean, scanner, phone
MARCA_POR_TIPO = {
    "queja_servicio": "tipo_queja", "queja_administrativa": "tipo_queja",
    "sugerencia": "tipo_sugerencia", "reconocimiento": "tipo_reconocimiento",
    "orientacion": "tipo_otro", "gestion": "tipo_otro",
}


@dataclass
class SynthDocument:
    pages: list[Image.Image]
    truth: dict[str, Any] = field(default_factory=dict)


def _pick(value: Any, default: Any) -> Any:
    return default if value is None else value


def _degrade_pages(pages: list[Image.Image], rng: random.Random, opts: dict[str, Any],
                   marks: bool = True) -> tuple[list[Image.Image], list[dict]]:
    """Options used: level, mild, mode (colour mode the device delivers), split (which photo
    surfaces and framings: synth.photo)."""
    level = opts.get("level") or rng.choices(degrade.LEVELS, LEVEL_WEIGHTS)[0]
    mild = opts.get("mild", False)
    out, records = [], []
    mode = opts.get("mode")
    for page in pages:
        img, rec = degrade.degrade(page, rng, level, mild, marks, mode, opts.get("split"))
        mode = rec["mode"]
        out.append(img)
        records.append(rec)
    return out, records


def _filing(rng: random.Random, petition: texts.Petition | None, texto: str,
            opts: dict[str, Any], volante: bool) -> content.Filing:
    person = make_person(
        rng,
        nss_valid=_pick(opts.get("nss_valid"), rng.random() > 0.1),
        phone_valid=_pick(opts.get("phone_valid"), rng.random() > 0.08),
        email_valid=_pick(opts.get("email_valid"), rng.random() > 0.15),
    )
    servicio = None
    if volante and petition and _pick(opts.get("servicio_escrito"), rng.random() < 0.7):
        servicio = texts.servicio_escrito(petition.servicio, rng)
    return content.Filing(
        person=person,
        petition=petition,
        texto=texto,
        nombre=_pick(opts.get("nombre"), rng.random() < (0.9 if volante else 0.85)),
        nss=_pick(opts.get("nss"), rng.random() < (0.7 if volante else 0.6)),
        telefono=_pick(opts.get("telefono"), rng.random() < 0.65),
        correo=_pick(opts.get("correo"), rng.random() < 0.4),
        unidad=texts.unidad_escrita(rng) if _pick(opts.get("unidad"), rng.random() < 0.75)
        else None,
        servicio=servicio,
        fecha_suceso=content.make_fecha(rng) if volante and rng.random() < 0.6 else None,
        domicilio=content.make_domicilio(rng) if volante and rng.random() < 0.3 else None,
        servidor_publico=content.make_servidor(rng) if volante and rng.random() < 0.25 else None,
    )


def _drawing_rng(rng: random.Random, hands: str) -> random.Random:
    """The stream that puts ink on the page.

    How many numbers drawing takes depends on the hand (glyph widths decide line breaks), so
    with a split's pool it draws from a stream of its own: the same seed written in another
    hand (the evaluation's seen-hands control) keeps its content and its degradation. The old
    mode shares the one stream, as before, so its documents stay pixel for pixel the same.
    """
    return rng if hands == "anterior" else random.Random(rng.getrandbits(64))


def _hand_truth(writer: ink.Writer, hands: str, fields: dict[str, str | None]) -> dict:
    """Who wrote the document and each field: the family, its split (train | dev | test, or
    "mecanografiado") and every family that drew some character of the field (a character the
    family lacks is drawn by another family of its split; `fonts.families_used`)."""
    hand = writer.kind == "handwriting"
    split = writer.family.split if hand else "mecanografiado"
    campos = {}
    for name, value in fields.items():
        if value is None:
            continue
        used: set[tuple[str, str]] = set()
        # The truth holds the normalised value; the page may have it in other case.
        for text in {value, value.lower(), value.upper()}:
            used.update(fonts.families_used(writer.family, writer.variant, text))
        campos[name] = {
            "familia": writer.family.name,
            "particion": split,
            "fuentes": sorted([n, s if hand and s else "mecanografiado"] for n, s in used),
        }
    return {"manuscritos": hands, "familia": writer.family.name, "particion": split,
            "campos": campos}


def _marcas(rng: random.Random, tipo: str | None) -> list[str]:
    if tipo is None:
        return []
    right = MARCA_POR_TIPO[tipo]
    r = rng.random()
    if r < 0.10:
        return []
    if r < 0.17:
        return [rng.choice([c for c in CHECKBOXES if c != right])]
    if r < 0.22:
        second = rng.choice([c for c in CHECKBOXES if c != right])
        return sorted([right, second], key=CHECKBOXES.index)
    return [right]


def make_volante(rng: random.Random, **opts: Any) -> SynthDocument:
    """Options: font_kind, legible, tipo, servicio, caso_especial, empty, marcas, level, mild,
    mode, correction (a comb digit crossed out and rewritten), the person's fields
    nombre/nss/telefono/correo/unidad (bool) with nss_valid/phone_valid/email_valid, and hands
    (the pool of handwriting families, `fonts.HAND_POOLS`; "anterior" when not given).
    ``printing``: another printing of the form (synth.printings.PRINTINGS); None is Anexo 12."""
    font_kind = _pick(opts.get("font_kind"), "handwriting" if rng.random() < 0.8 else "typed")
    hands = opts.get("hands") or "anterior"
    writer = ink.random_writer(rng, font_kind, legible=opts.get("legible", False), hands=hands)
    empty = _pick(opts.get("empty"), rng.random() < 0.02)
    petition = None if empty else texts.make_petition(
        rng, opts.get("tipo"), opts.get("servicio"), opts.get("caso_especial"))
    rate = rng.uniform(0, 0.35) if font_kind == "handwriting" else rng.uniform(0, 0.04)
    texto = texts.handwriting_errors(petition.text, rng, rate) if petition else ""
    filing = _filing(rng, petition, texto, opts, volante=True)
    if empty:
        filing = content.Filing(filing.person, None, "", False, False, False, False, None, None,
                                None, None, None)
    marcas = _pick(opts.get("marcas"), _marcas(rng, petition.tipo if petition else None))
    printing = opts.get("printing")
    if printing is not None:
        return _printed_volante(printing, filing, writer, marcas, petition, texto, font_kind,
                                rng, opts)
    taod = rng.random() < 0.85
    correction = _pick(opts.get("correction"), font_kind == "handwriting" and rng.random() < 0.1)
    page = render_volante(filing, writer, tuple(marcas), _drawing_rng(rng, hands), taod=taod,
                          correction=correction, hands=hands)
    fields = truth.filing_fields(filing, filing.unidad, filing.servicio)
    return _volante_document(page, rng, opts, petition, fields, marcas, font_kind, texto,
                             {"mano": _hand_truth(writer, hands, fields)})


def _volante_document(page: Image.Image, rng: random.Random, opts: dict[str, Any],
                      petition: texts.Petition | None, fields: dict, marcas: list[str],
                      font_kind: str, texto: str, extra: dict[str, Any]) -> SynthDocument:
    """The page degraded, with the truth every printing of the volante shares."""
    pages, records = _degrade_pages([page], rng, opts)
    return SynthDocument(pages, truth.build_truth(
        kind="volante", subtipo="volante", es_peticion=petition is not None,
        tipo=petition.tipo if petition else None,
        servicio=petition.servicio if petition else None,
        caso_especial=bool(petition and petition.caso_especial), fields=fields,
        marcas=list(marcas), font_kind=font_kind, degradation=records, texto=texto or None,
        extra=extra,
    ))


def _printed_volante(printing: str, filing: content.Filing, writer: ink.Writer,
                     marcas: list[str], petition: texts.Petition | None, texto: str,
                     font_kind: str, rng: random.Random, opts: dict[str, Any]) -> SynthDocument:
    """A volante of another printing; its truth is the canonical one's (these printings have
    no unidad or servicio line, so those are None) plus ``impresion``."""
    page = render_printed_volante(printing, filing, writer, tuple(marcas), rng,
                                  taod=rng.random() < 0.85)
    fields = truth.filing_fields(filing, None, None)
    return _volante_document(page, rng, opts, petition, fields, marcas, font_kind, texto,
                             {"impresion": printing})


def make_letter(rng: random.Random, **opts: Any) -> SynthDocument:
    """Options as ``make_volante`` plus pages (1–3 wanted; up to max_pages, 3 by default) and
    page_label (see ``letter.render_letter``)."""
    font_kind = _pick(opts.get("font_kind"), "handwriting" if rng.random() < 0.55 else "typed")
    hands = opts.get("hands") or "anterior"
    writer = ink.random_writer(rng, font_kind, legible=opts.get("legible", False), hands=hands)
    petition = texts.make_petition(rng, opts.get("tipo"), opts.get("servicio"),
                                   opts.get("caso_especial"), n_sentences=rng.randint(3, 6))
    rate = rng.uniform(0, 0.3) if font_kind == "handwriting" else rng.uniform(0, 0.03)
    sentences = [texts.handwriting_errors(s, rng, rate) for s in petition.sentences]
    queja = petition.tipo.startswith("queja")
    pool = list(bank_letters.NARRATIVA_NEUTRA)
    if queja:
        pool += bank_letters.NARRATIVA_QUEJA
    rng.shuffle(pool)
    filler = tuple(texts.handwriting_errors(s, rng, rate) for s in pool)
    filing = _filing(rng, petition, "", opts, volante=False)
    # Three-page letters are handwritten; typed ones rarely run past two pages.
    weights = (55, 30, 15) if font_kind == "handwriting" else (80, 20, 0)
    target = _pick(opts.get("pages"), rng.choices((1, 2, 3), weights)[0])
    pages, info = render_letter(filing, writer, _drawing_rng(rng, hands), sentences, target,
                                filler, max_pages=opts.get("max_pages") or MAX_PAGES,
                                page_label=opts.get("page_label"))
    pages, records = _degrade_pages(pages, rng, opts)
    fields = truth.filing_fields(filing, info["unidad"], None)
    return SynthDocument(pages, truth.build_truth(
        kind="escrito_libre", subtipo="escrito_libre", es_peticion=True, tipo=petition.tipo,
        servicio=petition.servicio, caso_especial=petition.caso_especial, fields=fields,
        marcas=[], font_kind=font_kind, degradation=records, texto=info["texto"],
        extra={"papel": info["paper"], "datos_en_cuerpo": info["data_in_body"],
               "mano": _hand_truth(writer, hands, fields)},
    ))


OTHER_WEIGHTS = (25, 15, 20, 15, 15, 10)


def make_other(rng: random.Random, **opts: Any) -> SynthDocument:
    kind = opts.get("subtipo") or rng.choices(other.KINDS, OTHER_WEIGHTS)[0]
    hands = opts.get("hands") or "anterior"
    page = other.render_other(kind, _drawing_rng(rng, hands), phone=opts.get("phone"),
                              hands=hands)
    pages, records = _degrade_pages([page], rng, opts)
    typed = kind in ("flyer", "receipt")
    # No fields to attribute: the page's hand is one of the pool's (a drawing has none).
    split = hands if hands != "anterior" else "train"
    mano = {"manuscritos": hands, "familia": None, "particion": "mecanografiado" if typed
            else split, "campos": {}}
    return SynthDocument(pages, truth.build_truth(
        kind="otro", subtipo=kind, es_peticion=False, tipo=None, servicio=None,
        caso_especial=False, fields=truth.empty_fields(), marcas=[],
        font_kind="typed" if typed else "handwriting", degradation=records, texto=None,
        extra={"mano": mano},
    ))


def make_blank(rng: random.Random, **opts: Any) -> SynthDocument:
    """Options: level, mild, bleed (bool), back (image whose mirror shows through)."""
    page = other.blank(rng)
    bleed = _pick(opts.get("bleed"), rng.random() < 0.3)
    pre: list[dict] = []
    if bleed:
        top = 0.04 if opts.get("mild") else 0.08
        params = {"strength": round(rng.uniform(0.02, top), 3), "seed": rng.randrange(2**31)}
        page = degrade.bleed_through(page, back=opts.get("back"), **params)
        pre.append({"name": "bleed_through",
                    "params": {**params, "back": "reverso" if opts.get("back") else "texto"}})
    pages, records = _degrade_pages([page], rng, opts, marks=False)
    records[0]["steps"] = pre + records[0]["steps"]
    return SynthDocument(pages, truth.build_truth(
        kind="otro", subtipo="blank", es_peticion=False, tipo=None, servicio=None,
        caso_especial=False, fields=truth.empty_fields(), marcas=[], font_kind=None,
        degradation=records, texto=None,
    ))
