"""Other printings of the volante de buzón: local or older forms that do not match Anexo 12.

Real volantes in circulation (DESIGN §2) come from other printings: half pages, fields on
underlines instead of boxes, NSS and phone on plain lines, labels worded differently, no corner
marks, landscape, checkboxes elsewhere. Each printing here is data (labels and where the value
goes, in mm), drawn at 300 dpi and filled by the same writers as the canonical volante.

`DEV_PRINTINGS` are the ones the label-anchored reader may be tuned on; `TEST_PRINTINGS` are
only for the final measure (never look at their errors while developing).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from buzon_pipeline.reading.form import mm_to_px
from buzon_pipeline.synth import ink
from buzon_pipeline.synth.content import Filing

DPI = 300
FONTS = "/usr/share/fonts/truetype"

# Where the value of a slot goes, relative to its label.
BESIDE_LINE = "beside_line"  # on an underline right of the label
BESIDE_COMB = "beside_comb"  # in one-digit cells right of the label
BELOW_BOX = "below_box"  # in a box under the label
BELOW_LINE = "below_line"  # on an underline under the label


@dataclass(frozen=True)
class Slot:
    field: str  # nombre | nss | telefono | correo
    label: str
    at: tuple[float, float]  # label top-left, mm
    style: str
    width: float  # mm of the value's line or box
    cells: int = 0


@dataclass(frozen=True)
class Tick:
    mark: str  # the checkbox name of core.vocab.MARK_FIELDS
    label: str
    at: tuple[float, float]  # label top-left, mm
    box_side: str  # "left" | "right" of the label


@dataclass(frozen=True)
class Printing:
    name: str
    size_mm: tuple[float, float]
    font: str  # file under /usr/share/fonts/truetype
    bold_font: str
    label_pt: float
    titles: tuple[tuple[str, tuple[float, float], float, bool], ...]  # text, at, pt, bold
    slots: tuple[Slot, ...]
    ticks: tuple[Tick, ...]
    description: tuple[str, tuple[float, float], tuple[float, float, float, float], bool]
    # label, label at, area (x, y, w, h), ruled (else a box)
    other_lines: tuple[tuple[str, tuple[float, float], float], ...] = ()  # printed, not filled


LIB = "liberation/LiberationSans-Regular.ttf"
LIB_BOLD = "liberation/LiberationSans-Bold.ttf"
SERIF = "liberation/LiberationSerif-Regular.ttf"
SERIF_BOLD = "liberation/LiberationSerif-Bold.ttf"
DEJAVU = "dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = "dejavu/DejaVuSans-Bold.ttf"

# Half a carta sheet, landscape: checkboxes first in a row, NSS and phone in cells beside
# their labels, name and e-mail on underlines.
MEDIA_CARTA = Printing(
    name="media_carta",
    size_mm=(215.9, 139.7),
    font=LIB,
    bold_font=LIB_BOLD,
    label_pt=9,
    titles=(
        ("IMSS - Unidad de Medicina Familiar", (12, 8), 10, True),
        ("Buzón de quejas, sugerencias y felicitaciones", (12, 14), 12, True),
    ),
    ticks=(
        Tick("tipo_queja", "Queja", (20, 26), "left"),
        Tick("tipo_sugerencia", "Sugerencia", (58, 26), "left"),
        Tick("tipo_reconocimiento", "Felicitación", (104, 26), "left"),
        Tick("tipo_otro", "Otro", (152, 26), "left"),
    ),
    slots=(
        Slot("nombre", "Nombre:", (12, 38), BESIDE_LINE, 175),
        Slot("nss", "NSS:", (12, 50), BESIDE_COMB, 71.5, 11),
        Slot("telefono", "Tel.:", (112, 50), BESIDE_COMB, 65, 10),
        Slot("correo", "E-mail:", (12, 62), BESIDE_LINE, 120),
    ),
    description=("Comentarios:", (12, 73), (12, 80, 192, 52), True),
)

# A local carta printing: labels worded otherwise, NSS and phone on plain lines, the e-mail in
# a box under its label, the type of petition after the data with boxes right of the words.
RENGLONES = Printing(
    name="renglones",
    size_mm=(215.9, 279.4),
    font=DEJAVU,
    bold_font=DEJAVU_BOLD,
    label_pt=8.5,
    titles=(
        ("INSTITUTO MEXICANO DEL SEGURO SOCIAL", (20, 12), 12, True),
        ("Volante de buzón", (20, 19), 14, True),
        ("Módulo de Atención y Orientación al Derechohabiente", (20, 27), 9, False),
    ),
    slots=(
        Slot("nombre", "Nombre completo:", (20, 42), BESIDE_LINE, 145),
        Slot("nss", "Núm. de afiliación:", (20, 56), BESIDE_LINE, 80),
        Slot("telefono", "Celular:", (20, 70), BESIDE_LINE, 80),
        Slot("correo", "Correo electrónico", (20, 84), BELOW_BOX, 150),
    ),
    ticks=(
        Tick("tipo_sugerencia", "Sugerencia", (20, 112), "right"),
        Tick("tipo_queja", "Queja", (65, 112), "right"),
        Tick("tipo_reconocimiento", "Reconocimiento", (98, 112), "right"),
        Tick("tipo_otro", "Otro", (155, 112), "right"),
    ),
    description=("Describa su petición:", (20, 126), (20, 133, 176, 96), True),
    other_lines=(("Recibió:", (20, 246), 70), ("Fecha:", (120, 246), 60)),
)

# Landscape carta (kept for test only): two columns, labels above boxes (plain boxes for NSS
# and phone too), the checkboxes in a column on the right, the description box below them.
APAISADO = Printing(
    name="apaisado",
    size_mm=(279.4, 215.9),
    font=SERIF,
    bold_font=SERIF_BOLD,
    label_pt=10,
    titles=(
        ("Volante de buzón IMSS", (15, 12), 16, True),
        ("Sus comentarios nos ayudan a mejorar", (15, 21), 10, False),
    ),
    slots=(
        Slot("nombre", "Nombre y apellidos", (15, 34), BELOW_BOX, 120),
        Slot("nss", "No. de Seguridad Social", (15, 56), BELOW_BOX, 80),
        Slot("telefono", "Teléfono", (15, 78), BELOW_BOX, 80),
        Slot("correo", "E-mail", (15, 100), BELOW_BOX, 120),
    ),
    ticks=(
        Tick("tipo_queja", "Queja", (160, 34), "left"),
        Tick("tipo_sugerencia", "Sugerencia", (160, 43), "left"),
        Tick("tipo_reconocimiento", "Reconocimiento", (210, 34), "left"),
        Tick("tipo_otro", "Otro", (210, 43), "left"),
    ),
    description=("Descripción", (15, 124), (15, 131, 250, 70), False),
)

PRINTINGS: dict[str, Printing] = {p.name: p for p in (MEDIA_CARTA, RENGLONES, APAISADO)}
DEV_PRINTINGS = ("media_carta", "renglones")
TEST_PRINTINGS = ("apaisado",)

TICK_MM = 4.5  # side of a checkbox
COMB_H_MM = 8.0
BOX_H_MM = 9.0
LINE_W = 3  # px at 300 dpi


def _px(mm: float) -> float:
    return mm_to_px(mm, DPI)


@lru_cache(maxsize=16)
def _font(path: str, size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(f"{FONTS}/{path}", size_px)


@dataclass(frozen=True)
class Zone:
    """Where a value is written, in px: the box or cells, or the line it sits on."""

    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    kind: str  # "line" | "box" | "comb"
    cells: int = 0


@dataclass(frozen=True)
class Blank:
    image: Image.Image
    zones: dict[str, Zone]
    ticks: dict[str, tuple[int, int, int, int]]
    description: tuple[float, float, float, float]
    ruled_pitch: float | None
    other_lines: tuple[tuple[float, float, float, float], ...]


def _label(draw: ImageDraw.ImageDraw, printing: Printing, text: str,
           at: tuple[float, float]) -> tuple[float, float, float, float]:
    font = _font(printing.font, round(printing.label_pt * DPI / 72))
    x, y = _px(at[0]), _px(at[1])
    draw.text((x, y), text, fill=0, font=font)
    left, top, right, bottom = draw.textbbox((x, y), text, font=font)
    return left, top, right, bottom


@lru_cache(maxsize=4)
def render_blank(name: str) -> Blank:
    """The printed, unfilled form of a printing (grayscale) and where its values go."""
    printing = PRINTINGS[name]
    w, h = printing.size_mm
    img = Image.new("L", (round(_px(w)), round(_px(h))), 255)
    draw = ImageDraw.Draw(img)
    for text, at, pt, bold in printing.titles:
        font = _font(printing.bold_font if bold else printing.font, round(pt * DPI / 72))
        draw.text((_px(at[0]), _px(at[1])), text, fill=0, font=font)
    zones: dict[str, Zone] = {}
    for slot in printing.slots:
        x0, top, x1, bottom = _label(draw, printing, slot.label, slot.at)
        height = bottom - top
        if slot.style == BESIDE_LINE:
            lx = x1 + _px(2)
            ly = bottom + _px(0.6)
            draw.line((lx, ly, lx + _px(slot.width), ly), fill=0, width=LINE_W)
            zones[slot.field] = Zone((lx, ly - _px(7), lx + _px(slot.width), ly), "line")
        elif slot.style == BESIDE_COMB:
            bx = x1 + _px(2)
            by1 = bottom + _px(1.5)
            box = (bx, by1 - _px(COMB_H_MM), bx + _px(slot.width), by1)
            draw.rectangle(box, outline=0, width=LINE_W)
            for i in range(1, slot.cells):
                cx = round(bx + _px(slot.width) * i / slot.cells)
                draw.line((cx, box[1], cx, box[3]), fill=0, width=LINE_W)
            zones[slot.field] = Zone(box, "comb", slot.cells)
        elif slot.style == BELOW_BOX:
            by0 = bottom + _px(1.5)
            box = (x0, by0, x0 + _px(slot.width), by0 + _px(BOX_H_MM))
            draw.rectangle(box, outline=0, width=LINE_W)
            zones[slot.field] = Zone(box, "box")
        elif slot.style == BELOW_LINE:
            ly = bottom + _px(9)
            draw.line((x0, ly, x0 + _px(slot.width), ly), fill=0, width=LINE_W)
            zones[slot.field] = Zone((x0, ly - _px(7), x0 + _px(slot.width), ly), "line")
        else:
            raise ValueError(slot.style)
        del height
    ticks: dict[str, tuple[int, int, int, int]] = {}
    side = round(_px(TICK_MM))
    for tick in printing.ticks:
        x0, top, x1, bottom = _label(draw, printing, tick.label, tick.at)
        cy = (top + bottom) / 2
        bx = x0 - _px(2) - side if tick.box_side == "left" else x1 + _px(2)
        box = (round(bx), round(cy - side / 2), round(bx) + side, round(cy - side / 2) + side)
        draw.rectangle(box, outline=0, width=LINE_W)
        ticks[tick.mark] = box
    label, at, area, ruled = printing.description
    _label(draw, printing, label, at)
    x, y, dw, dh = area
    desc = (_px(x), _px(y), _px(x + dw), _px(y + dh))
    pitch = None
    if ruled:
        pitch = _px(8)
        yy = desc[1] + pitch
        while yy <= desc[3] + 1:
            draw.line((desc[0], yy, desc[2], yy), fill=0, width=2)
            yy += pitch
    else:
        draw.rectangle(desc, outline=0, width=LINE_W)
    others = []
    for text, at2, width in printing.other_lines:
        _, _, lx1, lbottom = _label(draw, printing, text, at2)
        ly = lbottom + _px(0.6)
        draw.line((lx1 + _px(2), ly, lx1 + _px(2 + width), ly), fill=0, width=LINE_W)
        others.append((lx1 + _px(2), ly - _px(7), lx1 + _px(2 + width), ly))
    return Blank(img, zones, ticks, desc, pitch, tuple(others))


def _case(text: str, writer: ink.Writer) -> str:
    return text.upper() if writer.capitals else text


def _write_in(page: Image.Image, zone: Zone, text: str, writer: ink.Writer,
              rng: random.Random) -> None:
    x0, _, x1, y1 = zone.box
    hand = writer.kind == "handwriting"
    size = _px(rng.uniform(5.2, 6.4) if hand else 4.6)
    room = (x1 - x0) - _px(3)
    width = ink.text_width(text, writer, size)
    if width > room and rng.random() < 0.7:
        size *= max(0.6, room / width)
    if zone.kind == "line":
        # on the line or a little above it
        baseline = y1 - _px(rng.uniform(0.6, 1.8) if hand else 1.0)
    else:
        baseline = y1 - _px(rng.uniform(1.6, 2.6) if hand else 2.5)
    x = x0 + _px(rng.uniform(1.0, 6.0) if hand else 1.5)
    tilt = rng.gauss(0, 0.6) if hand else 0.0
    ink.write(page, text, (x, baseline), writer, size, rng, tilt_deg=tilt)


def _write_cells(page: Image.Image, zone: Zone, digits: str, writer: ink.Writer,
                 rng: random.Random) -> None:
    x0, _, x1, y1 = zone.box
    cell = (x1 - x0) / zone.cells
    hand = writer.kind == "handwriting"
    size = _px(rng.uniform(5.6, 6.8) if hand else 5.0)
    lean = writer.slant * size * 0.35
    for i, d in enumerate(digits[: zone.cells]):
        w = ink.text_width(d, writer, size)
        off = max(-0.2 * cell, min(0.2 * cell, rng.gauss(0, cell * 0.05))) if hand else 0.0
        cx = x0 + cell * (i + 0.5) + off - lean
        baseline = y1 - _px(1.8) + (rng.gauss(0, _px(0.4)) if hand else 0)
        ink.write(page, d, (cx - w / 2, baseline), writer, size, rng)


def _description(page: Image.Image, blank: Blank, text: str, writer: ink.Writer,
                 rng: random.Random) -> None:
    x0, y0, x1, y1 = blank.description
    pitch = blank.ruled_pitch or _px(8)
    hand = writer.kind == "handwriting"
    size = _px(rng.uniform(5.0, 6.2) if hand else 4.2)
    margin = _px(rng.uniform(1, 4) if hand else 2)
    lines = ink.wrap(text, writer, size, x1 - x0 - 2 * margin)
    n_rules = int((y1 - y0) / pitch)
    if len(lines) > n_rules:
        size *= 0.8
        pitch *= 0.78
        lines = ink.wrap(text, writer, size, x1 - x0 - 2 * margin)
    for i, line in enumerate(lines[: int((y1 - y0) / pitch)]):
        base = y0 + pitch * (i + 1) - _px(1.2) + (rng.gauss(0, _px(0.5)) if hand else 0.0)
        ink.write(page, line, (x0 + margin, base), writer, size, rng,
                  tilt_deg=rng.gauss(0, 0.5) if hand else 0.0)


def render_printed_volante(
    name: str,
    filing: Filing,
    writer: ink.Writer,
    marcas: tuple[str, ...],
    rng: random.Random,
    taod: bool = True,
) -> Image.Image:
    """One volante of printing ``name`` (RGB, 300 dpi) filled with ``filing``."""
    blank = render_blank(name)
    page = blank.image.convert("RGB")
    page.info["dpi"] = (DPI, DPI)
    person = filing.person
    for mark in marcas:
        box = blank.ticks.get(mark)
        if box is None:
            continue
        if writer.kind == "typed":
            size = (box[3] - box[1]) * 0.95
            w = ink.text_width("X", writer, size)
            at = ((box[0] + box[2] - w) / 2, box[3] - (box[3] - box[1] - size * 0.72) / 2)
            ink.write(page, "X", at, writer, size, rng)
        else:
            ink.x_mark(page, box, writer, rng)
    values = {
        "nombre": _case(person.full_name, writer) if filing.nombre else None,
        "nss": person.nss if filing.nss else None,
        "telefono": person.phone_written if filing.telefono else None,
        "correo": person.email if filing.correo else None,
    }
    for field_name, value in values.items():
        zone = blank.zones.get(field_name)
        if not value or zone is None:
            continue
        if zone.kind == "comb":
            digits = person.phone if field_name == "telefono" else value
            _write_cells(page, zone, digits, writer, rng)
        else:
            _write_in(page, zone, value, writer, rng)
    if filing.texto:
        _description(page, blank, filing.texto, writer, rng)
    if taod and blank.other_lines:
        clerk = ink.random_writer(rng, "handwriting")
        zone = Zone(blank.other_lines[0], "line")
        _write_in(page, zone, rng.choice(("L. Gómez R.", "Rocío Nava", "E. Hernández")),
                  clerk, rng)
    return page
