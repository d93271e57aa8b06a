"""Pages that are not petitions: flyers, receipts, prescriptions, slips, notes, drawings, blanks."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from buzon_pipeline.reading.form import load_layout, mm_to_px
from buzon_pipeline.synth import bank_otros as bo
from buzon_pipeline.synth import fonts, ink
from buzon_pipeline.synth.people import format_phone, make_person, make_phone

DPI = 300
KINDS = ("flyer", "receipt", "prescription", "appointment", "notes", "drawing")
IMSS_GREEN = (0, 104, 71)


def _px(mm: float) -> float:
    return mm_to_px(mm, DPI)


def _page(tint: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    return Image.new("RGB", load_layout().size_px(DPI), tint)


def _typed(name: str = "dejavu_sans") -> ink.Writer:
    return ink.Writer("typed", fonts.family(name), 0, 1.0, 0.0, ink.TONER, 1.0, 0.0, 1.0, False)


def _bold(size: float) -> object:
    return fonts.load(str(fonts.TRUETYPE / "dejavu" / "DejaVuSans-Bold.ttf"), round(size))


def flyer(rng: random.Random) -> Image.Image:
    page = _page()
    draw = ImageDraw.Draw(page)
    title, subtitle, bullets = rng.choice(bo.FLYERS)
    colour = rng.choice((IMSS_GREEN, (160, 30, 60), (20, 80, 160), (200, 110, 0)))
    w, h = page.size
    draw.rectangle((0, 0, w, round(_px(55))), fill=colour)
    draw.text((w / 2, _px(22)), title.upper(), font=_bold(_px(12)), fill="white", anchor="mm")
    draw.text((w / 2, _px(40)), subtitle, font=_bold(_px(7)), fill="white", anchor="mm")
    for _ in range(rng.randint(2, 5)):
        cx, cy, r = rng.uniform(0.15, 0.85) * w, _px(rng.uniform(75, 120)), _px(rng.uniform(8, 22))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=tuple(min(255, c + 90) for c in colour))
    box_y = h - _px(80)
    draw.rounded_rectangle((_px(20), box_y, w - _px(20), box_y + _px(35)), radius=30,
                           outline=colour, width=6)
    ink.write(page, "Horario: lunes a viernes de 8:00 a 20:00 horas", (_px(30), box_y + _px(14)),
              _typed(), _px(5), rng)
    ink.write(page, "Consulta más información en tu Unidad de Medicina Familiar.",
              (_px(30), box_y + _px(25)), _typed(), _px(4), rng)
    y = _px(145)
    for b in bullets:
        draw.ellipse((_px(25), y - _px(5), _px(30), y), fill=colour)
        ink.write(page, b, (_px(36), y), _typed(), _px(6), rng)
        y += _px(15)
    draw.rectangle((0, h - round(_px(30)), w, h), fill=colour)
    draw.text((w / 2, h - _px(15)), "IMSS  ·  imss.gob.mx  ·  800 623 2323", font=_bold(_px(5)),
              fill="white", anchor="mm")
    return page


def receipt(rng: random.Random) -> Image.Image:
    page = _page()
    mono = _typed("liberation_mono")
    x0, y0 = _px(rng.uniform(20, 100)), _px(rng.uniform(15, 60))
    width = _px(rng.uniform(70, 80))
    items = rng.sample(bo.TICKET_ARTICULOS, rng.randint(2, 6))
    lines = [rng.choice(bo.FARMACIAS), "SUC. CENTRO  RFC XAXX010101000",
             f"FECHA {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024 "
             f"{rng.randint(8, 21)}:{rng.randint(0, 59):02d}", "-" * 28]
    total = 0.0
    for it in items:
        price = rng.randint(18, 480) + rng.choice((0, 0.5, 0.9))
        total += price
        lines.append(f"{it[:18]:<18}{price:>9.2f}")
    lines += ["-" * 28, f"{'TOTAL':<18}{total:>9.2f}", "EFECTIVO", "", "GRACIAS POR SU COMPRA"]
    height = _px(8) + len(lines) * _px(5)
    ImageDraw.Draw(page).rectangle((x0, y0, x0 + width, y0 + height), fill=(246, 244, 238),
                                   outline=(215, 215, 215))
    for i, text in enumerate(lines):
        ink.write(page, text, (x0 + _px(3), y0 + _px(7) + i * _px(5)), mono, _px(3.4), rng)
    return page


def prescription(rng: random.Random, hands: str = "anterior") -> Image.Image:
    page = _page()
    draw = ImageDraw.Draw(page)
    typed = _typed()
    doctor = ink.random_writer(rng, "handwriting", hands=hands)
    patient = make_person(rng)
    draw.rectangle((_px(15), _px(15), page.width - _px(15), _px(135)), outline=0, width=3)
    ink.write(page, "INSTITUTO MEXICANO DEL SEGURO SOCIAL", (_px(22), _px(26)), typed, _px(5), rng)
    ink.write(page, "RECETA INDIVIDUAL", (_px(22), _px(34)), typed, _px(4.5), rng)
    ink.write(page, f"Paciente: {patient.full_name}", (_px(22), _px(46)), typed, _px(3.6), rng)
    ink.write(page, f"NSS {patient.nss}   Consultorio {rng.randint(1, 30)}", (_px(22), _px(53)),
              typed, _px(3.6), rng)
    y = _px(68)
    for med in rng.sample(bo.MEDICAMENTOS, rng.randint(1, 3)):
        ink.write(page, med, (_px(26), y), doctor, _px(5.5), rng)
        ink.write(page, rng.choice(bo.INDICACIONES), (_px(32), y + _px(9)), doctor, _px(4.5), rng)
        y += _px(22)
    ink.scribble(page, (round(_px(130)), round(_px(112)), round(_px(185)), round(_px(130))),
                 doctor.ink, rng)
    return page


def appointment(rng: random.Random, hands: str = "anterior") -> Image.Image:
    page = _page()
    typed = _typed()
    hand = ink.random_writer(rng, "handwriting", hands=hands)
    x0, y0 = _px(rng.uniform(20, 90)), _px(rng.uniform(20, 150))
    ImageDraw.Draw(page).rectangle((x0, y0, x0 + _px(100), y0 + _px(60)), outline=0, width=3)
    rows = (("CITA MÉDICA", None), ("Servicio:", rng.choice(bo.CITA_SERVICIOS)),
            ("Fecha:", f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2024"),
            ("Hora:", f"{rng.randint(7, 18)}:{rng.choice(('00', '15', '30', '45'))}"),
            ("Consultorio:", str(rng.randint(1, 25))))
    for i, (label, value) in enumerate(rows):
        y = y0 + _px(10) + i * _px(11)
        ink.write(page, label, (x0 + _px(4), y), typed, _px(4), rng)
        if value:
            ink.write(page, value, (x0 + _px(32), y), hand, _px(5), rng)
    return page


def notes(rng: random.Random, phone: bool | None = None, hands: str = "anterior") -> Image.Image:
    """A loose note; ``phone`` forces (or forbids) a phone number on it, a routing trap."""
    page = _page()
    hand = ink.random_writer(rng, "handwriting", hands=hands)
    lines = list(rng.choice(bo.NOTAS))
    number = format_phone(make_phone(rng), rng)
    if phone is None:
        phone = rng.random() < 0.4
    if phone and not any("{telefono}" in t for t in lines):
        lines.insert(rng.randrange(1, len(lines) + 1), rng.choice(("tel {telefono}",
                                                                   "{telefono}", "cel {telefono}")))
    elif not phone:
        lines = [t for t in lines if "{telefono}" not in t]
    y = _px(rng.uniform(20, 60))
    x = _px(rng.uniform(20, 60))
    for text in lines:
        ink.write(page, text.format(telefono=number), (x, y), hand, _px(rng.uniform(5, 7)), rng,
                  tilt_deg=rng.gauss(0, 1.5))
        y += _px(rng.uniform(10, 14))
    return page


def drawing(rng: random.Random) -> Image.Image:
    page = _page()
    draw = ImageDraw.Draw(page)
    crayons = ((220, 40, 40), (40, 120, 220), (30, 160, 60), (240, 190, 0), (120, 60, 20))
    w, h = page.size
    cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.45, 0.7) * h
    size = _px(rng.uniform(40, 70))
    roof = [(cx - size, cy), (cx, cy - size * 0.8), (cx + size, cy)]
    draw.rectangle((cx - size * 0.8, cy, cx + size * 0.8, cy + size * 1.2),
                   outline=rng.choice(crayons), width=12)
    draw.line(roof, fill=rng.choice(crayons), width=12)
    sx, sy, r = rng.uniform(0.1, 0.9) * w, _px(40), _px(15)
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), outline=crayons[3], width=10)
    for k in range(10):
        a = k * math.tau / 10
        draw.line((sx + r * 1.3 * math.cos(a), sy + r * 1.3 * math.sin(a),
                   sx + r * 2 * math.cos(a), sy + r * 2 * math.sin(a)), fill=crayons[3], width=8)
    for _ in range(rng.randint(3, 8)):
        pts = [(rng.uniform(0, w), rng.uniform(0.75 * h, h)) for _ in range(rng.randint(3, 6))]
        ink.stroke(page, pts, rng.choice(crayons), rng.randint(8, 16))
    return page


def blank(rng: random.Random) -> Image.Image:
    """A blank sheet; paper tint varies, the scanner's noise is added by ``degrade``."""
    v = rng.randint(244, 255)
    return _page((v, v, max(0, v - rng.randint(0, 6))))


def render_other(kind: str, rng: random.Random, phone: bool | None = None,
                 hands: str = "anterior") -> Image.Image:
    """``hands``: the pool of the handwritten ones (`ink.random_writer`)."""
    if kind == "notes":
        return notes(rng, phone, hands)
    if kind in ("prescription", "appointment"):
        return {"prescription": prescription, "appointment": appointment}[kind](rng, hands)
    return {"flyer": flyer, "receipt": receipt, "drawing": drawing}[kind](rng)
