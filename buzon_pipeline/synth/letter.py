"""Render an escrito libre (free-form letter) of 1–3 pages, typed or handwriting-like."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

from buzon_pipeline.reading.form import load_layout, mm_to_px
from buzon_pipeline.synth import bank_letters as bc
from buzon_pipeline.synth import ink
from buzon_pipeline.synth.content import Filing
from buzon_pipeline.synth.people import format_nss
from buzon_pipeline.synth.texts import MESES

DPI = 300
MAX_PAGES = 3
PageLabel = Callable[[int, int, random.Random], str | None]
RULE_TOP_MM = 25


def _px(mm: float) -> float:
    return mm_to_px(mm, DPI)


@dataclass
class Line:
    text: str
    align: str = "left"  # left | right | center | indent
    gap: float = 0.0  # extra blank lines before this one
    signature: bool = False  # a scribble two lines tall instead of text
    closing: bool = False  # part of the closing block, which is never split across pages


def _paper(rng: random.Random, hand: bool) -> tuple[Image.Image, str, float | None]:
    w, h = load_layout().size_px(DPI)
    page = Image.new("RGB", (w, h), (255, 255, 255))
    kind = rng.choice(("blanca", "rayada", "rayada", "cuadro")) if hand else "blanca"
    pitch = None
    draw = ImageDraw.Draw(page)
    if kind == "rayada":
        pitch = _px(rng.uniform(7.0, 8.5))
        y = _px(RULE_TOP_MM)
        while y < h - _px(10):
            draw.line((0, round(y), w, round(y)), fill=(175, 195, 235), width=2)
            y += pitch
        draw.line((round(_px(22)), 0, round(_px(22)), h), fill=(235, 140, 140), width=3)
    elif kind == "cuadro":
        step = _px(5)
        for i in range(int(w / step) + 1):
            draw.line((round(i * step), 0, round(i * step), h), fill=(200, 210, 235), width=1)
        for j in range(int(h / step) + 1):
            draw.line((0, round(j * step), w, round(j * step)), fill=(200, 210, 235), width=1)
        pitch = step * 2
    return page, kind, pitch


def _data_lines(filing: Filing, rng: random.Random) -> list[str]:
    p = filing.person
    out = []
    if filing.nss:
        out.append(f"{rng.choice(bc.ETIQUETAS_NSS)} {format_nss(p.nss, rng)}")
    if filing.telefono:
        out.append(f"{rng.choice(bc.ETIQUETAS_TEL)} {p.phone_written}")
    if filing.correo:
        out.append(f"{rng.choice(bc.ETIQUETAS_CORREO)} {p.email}")
    return out


def _body_paragraphs(filing: Filing, sentences: list[str], in_body: bool,
                     rng: random.Random) -> list[str]:
    p = filing.person
    paras: list[str] = []
    if in_body and (filing.nombre or filing.nss):
        intro = rng.choice(bc.EN_CUERPO_NOMBRE).format(nombre=p.full_name) if filing.nombre \
            else "Soy derechohabiente"
        if filing.nss:
            intro += ", " + rng.choice(bc.EN_CUERPO_NSS).format(nss=format_nss(p.nss, rng))
        paras.append(intro + ".")
    chunk = rng.randint(2, 4)
    for i in range(0, len(sentences), chunk):
        paras.append(" ".join(sentences[i:i + chunk]))
    if in_body and (filing.telefono or filing.correo):
        contact = []
        if filing.telefono:
            contact.append(rng.choice(bc.EN_CUERPO_CONTACTO[:3]).format(tel=p.phone_written))
        if filing.correo:
            contact.append(rng.choice(bc.EN_CUERPO_CONTACTO[3:]).format(correo=p.email))
        paras.append(" ".join(contact))
    return paras


def _compose(filing: Filing, sentences: list[str], in_body: bool, writer: ink.Writer,
             size: float, width: float, rng: random.Random, tipo: str | None,
             head: tuple[str, ...]) -> list[Line]:
    lines = [Line(head[0], "right")]
    for i, part in enumerate(head[1:]):
        lines.append(Line(part, gap=1.0 if i == 0 else 0))
    if tipo and rng.random() < 0.4:
        lines.append(Line(rng.choice(bc.ASUNTOS[tipo]), "right", gap=1.0))
    if rng.random() < 0.7:
        lines.append(Line(rng.choice(bc.SALUDOS), gap=1.0))
    for para in _body_paragraphs(filing, sentences, in_body, rng):
        wrapped = ink.wrap(para, writer, size, width - _px(8))
        for j, text in enumerate(wrapped):
            lines.append(Line(text, "indent" if j == 0 else "left", gap=0.5 if j == 0 else 0))
    if rng.random() < 0.6:
        lines.append(Line(rng.choice(bc.DESPEDIDAS), gap=0.5))
    lines.append(Line(rng.choice(bc.CIERRES), "center", gap=1.0, closing=True))
    lines.append(Line("", "center", signature=True, closing=True))
    p = filing.person
    name = p.full_name if filing.nombre else rng.choice(bc.ANONIMO)
    lines.append(Line(name, "center", closing=True))
    if not in_body:
        lines.extend(Line(t, "center", closing=True) for t in _data_lines(filing, rng))
    return lines


def _paginate(lines: list[Line], top: float, bottom: float, pitch: float) -> list[list]:
    pages: list[list[tuple[Line, float]]] = [[]]
    y = top

    def height(line: Line) -> float:
        return pitch * (line.gap + (2.2 if line.signature else 1.0))

    closing_height = sum(height(line) for line in lines if line.closing)
    for k, line in enumerate(lines):
        y += line.gap * pitch
        need = pitch * (2.2 if line.signature else 1.0)
        starts_closing = line.closing and (k == 0 or not lines[k - 1].closing)
        if y + need > bottom or (starts_closing and y + closing_height > bottom):
            pages.append([])
            y = top + pitch  # continuation pages start a little lower: room for "2"
        pages[-1].append((line, y + need))
        y += need
    return pages


def render_letter(
    filing: Filing,
    writer: ink.Writer,
    rng: random.Random,
    sentences: list[str],
    target_pages: int = 1,
    filler: tuple[str, ...] = (),
    max_pages: int = MAX_PAGES,
    page_label: PageLabel | None = None,
) -> tuple[list[Image.Image], dict]:
    """Pages of the letter and layout facts (paper, where the data went, the body text).

    ``filler`` sentences are inserted before the last one until ``target_pages`` is reached.
    ``page_label`` (page index, page count, rng) → the number written at the top of a page, or
    None for no number; the default draws the corpus's own ("2", "Hoja 2", "- 2 -") on 60 % of
    the continuation pages (kept as it was: the corpus's seeds must give the same pages).
    """
    hand = writer.kind == "handwriting"
    paper, paper_kind, rule = _paper(rng, hand)
    # Long handwritten letters come from people with large handwriting, not only long texts.
    big = 1.0 + 0.12 * (target_pages - 1)
    size = _px(rng.uniform(5.0, 6.5) * big) if hand else _px(rng.choice((3.9, 4.2, 4.6)))
    pitch = rule if rule else size * (rng.uniform(1.4, 1.7) if hand else rng.uniform(1.25, 1.6))
    left = _px(28 if paper_kind == "rayada" else rng.uniform(20, 30))
    width = paper.width - left - _px(rng.uniform(18, 25))
    top, bottom = _px(rng.uniform(20, 28)), paper.height - _px(rng.uniform(18, 25))
    in_body = rng.random() < 0.35
    d = rng.randint(1, 28)
    place = f"{rng.choice(bc.CIUDADES)}, a {d} de {rng.choice(MESES)} de {rng.choice((2024, 2025))}"
    to = rng.choice(bc.DESTINATARIOS) if rng.random() < 0.75 else ()
    # The unit is written only when the addressee line names it.
    names_unit = bool(filing.unidad) and any("{unidad}" in part for part in to)
    head = (place, *(part.format(unidad=filing.unidad) for part in to if names_unit
                     or "{unidad}" not in part))
    tipo = filing.petition.tipo if filing.petition else None
    extra = list(filler)
    lines = _compose(filing, sentences, in_body, writer, size, width, rng, tipo, head)
    pages = _paginate(lines, top, bottom, pitch)
    # Grow the body with narrative until the letter reaches the page count asked for.
    while len(pages) < target_pages and extra:
        sentences = sentences[:-1] + extra[:3] + sentences[-1:]
        del extra[:3]
        lines = _compose(filing, sentences, in_body, writer, size, width, rng, tipo, head)
        pages = _paginate(lines, top, bottom, pitch)
    while len(pages) > max_pages and len(sentences) > 1:
        sentences = sentences[:-2] + sentences[-1:]
        lines = _compose(filing, sentences, in_body, writer, size, width, rng, tipo, head)
        pages = _paginate(lines, top, bottom, pitch)
    rules = (_px(RULE_TOP_MM), rule) if paper_kind == "rayada" and rule else None
    images = [_draw_page(paper.copy(), page, i, len(pages), writer, size, pitch, left, width,
                         rng, rules, page_label) for i, page in enumerate(pages)]
    info = {"paper": paper_kind, "data_in_body": in_body, "texto": " ".join(sentences),
            "unidad": filing.unidad if names_unit else None, "pages": len(images)}
    return images, info


def _draw_page(page: Image.Image, lines: list[tuple[Line, float]], index: int, total: int,
               writer: ink.Writer, size: float, pitch: float, left: float, width: float,
               rng: random.Random, rules: tuple[float, float] | None,
               page_label: PageLabel | None = None) -> Image.Image:
    hand = writer.kind == "handwriting"
    label: str | None = None
    if page_label is not None:
        label = page_label(index, total, rng)
    elif index > 0 and rng.random() < 0.6:
        label = rng.choice((f"{index + 1}", f"Hoja {index + 1}", f"- {index + 1} -"))
    if label:
        # The corpus's own labels keep their old place; longer ones ("Página 2 de 3") end at
        # the right margin instead of running off the page.
        x = left + width - _px(20)
        if page_label is not None:
            x = min(x, left + width - ink.text_width(label, writer, size * 0.8))
        ink.write(page, label, (x, _px(18)), writer, size * 0.8, rng)
    for line, y in lines:
        base = y - pitch * 0.22
        if rules:
            # On ruled paper the writing sits on the printed rules.
            origin, step = rules
            base = origin + round((base - origin) / step) * step - _px(0.8)
        if hand:
            base += rng.gauss(0, _px(0.4))
        if line.signature:
            cx = left + width / 2
            pen = writer.ink if hand else rng.choice((ink.BLUE_PEN, ink.BLACK_PEN))
            half = _px(rng.uniform(18, 32))
            ink.scribble(page, (round(cx - half), round(y - pitch * 2.1), round(cx + half),
                                round(y - pitch * 0.1)), pen, rng, width=5)
            continue
        w = ink.text_width(line.text, writer, size)
        x = {"left": left, "indent": left + _px(8), "right": left + width - w,
             "center": left + (width - w) / 2}[line.align]
        ink.write(page, line.text, (x, base), writer, size, rng,
                  tilt_deg=rng.gauss(0, 0.35) if hand else 0.0)
    return page
