"""Render a filled Anexo 12 volante on the printed blank form."""

from __future__ import annotations

import random
from functools import lru_cache

from PIL import Image

from buzon_pipeline.core.vocab import MARK_FIELDS
from buzon_pipeline.reading.form import FormLayout, box_to_px, load_layout, mm_to_px, render_blank
from buzon_pipeline.synth import ink
from buzon_pipeline.synth.content import Filing

DPI = 300
CHECKBOXES = tuple(MARK_FIELDS)


@lru_cache(maxsize=2)
def _blank(dpi: int) -> Image.Image:
    return render_blank(load_layout(), dpi)


def blank_form(dpi: int = DPI) -> Image.Image:
    return _blank(dpi).convert("RGB")


def _px(mm: float) -> float:
    return mm_to_px(mm, DPI)


def _case(text: str, writer: ink.Writer) -> str:
    return text.upper() if writer.capitals else text


def _text_field(page: Image.Image, layout: FormLayout, name: str, text: str, writer: ink.Writer,
                rng: random.Random) -> None:
    x0, _, x1, y1 = box_to_px(layout.field(name).box, DPI)
    size = _px(rng.uniform(5.2, 6.4) if writer.kind == "handwriting" else 4.6)
    width = ink.text_width(text, writer, size)
    room = (x1 - x0) - _px(3)
    # Most people squeeze long text; some just run over the border.
    if width > room and rng.random() < 0.7:
        size *= max(0.6, room / width)
    baseline = y1 - _px(rng.uniform(1.6, 2.6)) if writer.kind == "handwriting" else y1 - _px(2.5)
    x = x0 + _px(rng.uniform(1.0, 4.0) if writer.kind == "handwriting" else 1.5)
    tilt = rng.gauss(0, 0.6) if writer.kind == "handwriting" else 0.0
    ink.write(page, text, (x, baseline), writer, size, rng, tilt_deg=tilt)


def _comb(page: Image.Image, layout: FormLayout, name: str, digits: str, writer: ink.Writer,
          rng: random.Random, correction: bool) -> None:
    spec = layout.field(name)
    x0, _, x1, y1 = box_to_px(spec.box, DPI)
    cell = (x1 - x0) / (spec.cells or len(digits))
    hand = writer.kind == "handwriting"
    size = _px(rng.uniform(6.0, 7.2) if hand else 5.0)
    fix_at = rng.randrange(len(digits)) if correction and digits and hand else -1
    sloppy = rng.random() < 0.3
    # A right-leaning hand puts the visual centre of a digit right of its advance box.
    lean = writer.slant * size * 0.35
    for i, d in enumerate(digits[: spec.cells]):
        w = ink.text_width(d, writer, size)
        off = rng.gauss(0, cell * (0.08 if sloppy else 0.04)) if hand else 0.0
        off = max(-0.2 * cell, min(0.2 * cell, off))
        cx = x0 + cell * (i + 0.5) + off - lean
        baseline = y1 - _px(1.8) + (rng.gauss(0, _px(0.5)) if hand else 0)
        if i == fix_at:
            wrong = str((int(d) + rng.randint(1, 9)) % 10)
            left = x0 + cell * i + cell * 0.08
            bbox = ink.write(page, wrong, (left, baseline), writer, size * 0.8, rng)
            ink.cross_out(page, bbox, writer.ink, rng, width=4)
            ink.write(page, d, (left + cell * 0.48, baseline - _px(0.8)), writer, size * 0.7, rng)
            continue
        ink.write(page, d, (cx - w / 2, baseline), writer, size, rng)


def _description(page: Image.Image, layout: FormLayout, text: str, writer: ink.Writer,
                 rng: random.Random) -> None:
    spec = layout.field("descripcion")
    x0, y0, x1, y1 = box_to_px(spec.box, DPI)
    pitch = _px(spec.line_pitch or 8)
    hand = writer.kind == "handwriting"
    size = _px(rng.uniform(5.0, 6.2) if hand else 4.2)
    margin = _px(rng.uniform(1, 4) if hand else 2)
    n_rules = int((y1 - y0) / pitch)
    lines = ink.wrap(text, writer, size, x1 - x0 - 2 * margin)
    line_pitch = pitch
    # When the text does not fit, people write smaller and stop following the rules.
    if len(lines) > n_rules and rng.random() < 0.6:
        size *= 0.8
        line_pitch = pitch * 0.78
        lines = ink.wrap(text, writer, size, x1 - x0 - 2 * margin)
    off_rules = hand and rng.random() < 0.25
    drift = rng.gauss(0, _px(1.2)) if off_rules else 0.0
    for i, line in enumerate(lines):
        base = y0 + line_pitch * (i + 1) - _px(1.2) + drift
        if off_rules:
            base += line_pitch * 0.45  # halfway between two rules
        if hand:
            base += rng.gauss(0, _px(0.5))
        ink.write(page, line, (x0 + margin, base), writer, size, rng,
                  tilt_deg=rng.gauss(0, 0.5) if hand else 0.0)


def _taod(page: Image.Image, layout: FormLayout, rng: random.Random, hands: str) -> None:
    clerk = ink.random_writer(rng, "handwriting", hands=hands)
    name = rng.choice(("L. Gómez R.", "María Elena Soto", "TAOD J. Pérez", "Rocío Nava",
                       "Lic. A. Ruiz", "E. Hernández"))
    _text_field(page, layout, "taod_nombre", name, clerk, rng)
    x0, y0, x1, y1 = box_to_px(layout.field("taod_rubrica").box, DPI)
    ink.scribble(page, (x0 + 10, y0 + 5, x1 - 10, y1 - 5), clerk.ink, rng, width=5)
    stamp = (f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024 "
             f"{rng.randint(8, 19)}:{rng.randint(0, 59):02d}")
    _text_field(page, layout, "taod_recepcion", stamp, clerk, rng)


def render_volante(
    filing: Filing,
    writer: ink.Writer,
    marcas: tuple[str, ...],
    rng: random.Random,
    taod: bool = True,
    correction: bool = False,
    hands: str = "anterior",
) -> Image.Image:
    """One volante page (RGB, 300 dpi). ``correction``: one comb digit crossed out and redone;
    ``hands``: the pool of the clerk's hand (the same as the writer's: no other split's hand
    may appear on a page)."""
    layout = load_layout()
    page = blank_form()
    person = filing.person
    for name in marcas:
        box = box_to_px(layout.field(name).box, DPI)
        if writer.kind == "typed":
            size = (box[3] - box[1]) * 0.95
            w = ink.text_width("X", writer, size)
            centre = ((box[0] + box[2] - w) / 2, box[3] - (box[3] - box[1] - size * 0.72) / 2)
            ink.write(page, "X", centre, writer, size, rng)
        else:
            ink.x_mark(page, box, writer, rng)
    if filing.nombre:
        _text_field(page, layout, "nombre", _case(person.full_name, writer), writer, rng)
    if filing.nss:
        fix_nss = correction and rng.random() < 0.5
        _comb(page, layout, "nss", person.nss, writer, rng, fix_nss)
        correction = correction and not fix_nss
    if filing.telefono:
        _comb(page, layout, "telefono", person.phone, writer, rng, correction)
    if filing.correo:
        _text_field(page, layout, "correo", person.email, writer, rng)
    optional = (("domicilio", filing.domicilio), ("unidad", filing.unidad),
                ("fecha_suceso", filing.fecha_suceso), ("servicio", filing.servicio),
                ("servidor_publico", filing.servidor_publico))
    for name, value in optional:
        if value:
            _text_field(page, layout, name, _case(value, writer), writer, rng)
    if filing.texto:
        _description(page, layout, filing.texto, writer, rng)
    if taod:
        _taod(page, layout, rng, hands)
    return page
