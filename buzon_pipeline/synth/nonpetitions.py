"""More pages that fall into the buzón and are not petitions (issue 13, item 6).

Besides ``synth.other`` (flyer, receipt, prescription, appointment, notes, drawing): notices
put up by the unit, shopping lists, commercial flyers, bus and parking tickets, and forms of
other institutions (school, bank, electricity company, civil registry). They are for
evaluation: how many the batch discards on its own and how many it sends to review.
"""

from __future__ import annotations

import random
from typing import Any

from PIL import Image, ImageDraw

from buzon_pipeline.synth import documents, ink, other, truth
from buzon_pipeline.synth.people import format_phone, make_person, make_phone

NEW_KINDS = ("aviso", "lista_compras", "volante_comercial", "boleto", "formulario_otra")
KINDS = (*other.KINDS, *NEW_KINDS)
# "train" feeds the "no petición" kind model (training/train_nonpetition.py) only.
SPLITS: dict[str, range] = {"train": range(600_000, 610_000), "dev": range(700_000, 710_000),
                            "test": range(800_000, 810_000)}

AVISOS = (
    ("AVISO", ("Se informa a la población derechohabiente que el día viernes no habrá",
               "servicio de laboratorio por mantenimiento del equipo.",
               "Agradecemos su comprensión.", "La Dirección")),
    ("AVISO IMPORTANTE", ("A partir del próximo lunes el horario de farmacia será",
                          "de 8:00 a 19:30 horas de lunes a viernes.", "Atentamente",
                          "Administración de la Unidad")),
    ("COMUNICADO", ("Por obras de remodelación la entrada de urgencias cambia",
                    "a la calle lateral. Disculpe las molestias.", "Jefatura de Servicios")),
    ("PROHIBIDO FUMAR", ("En todas las instalaciones del Instituto.",
                         "Ley General para el Control del Tabaco.")),
    ("SE SOLICITA", ("Donadores de sangre tipo O positivo.",
                     "Informes en el banco de sangre, planta baja.")),
)
COMPRAS = ("leche", "huevo", "tortillas", "frijol", "arroz", "aceite", "azúcar", "jitomate",
           "cebolla", "papel de baño", "jabón", "detergente", "pan", "café", "pollo",
           "manzanas", "plátanos", "chiles", "sal", "galletas")
COMERCIALES = (
    ("PIZZAS DON BETO", ("2 pizzas grandes por $199", "Servicio a domicilio",
                         "Martes de promoción")),
    ("CLASES DE INGLÉS", ("Niños y adultos", "Primera clase gratis", "Grupos reducidos")),
    ("SE RENTA CUARTO", ("Amueblado, con baño propio", "Cerca de la clínica",
                         "Informes al teléfono")),
    ("PLOMERÍA Y ELECTRICIDAD", ("Reparaciones en general", "Presupuesto sin costo",
                                 "Trabajo garantizado")),
    ("GRAN VENTA DE GARAGE", ("Sábado y domingo de 9 a 3", "Ropa, muebles y juguetes",
                              "Calle Morelos 45")),
)
FORMULARIOS = (
    ("ESCUELA PRIMARIA «BENITO JUÁREZ»", "Permiso de salida",
     ("Nombre del alumno:", "Grado y grupo:", "Motivo:", "Firma del padre o tutor:")),
    ("COMISIÓN FEDERAL DE ELECTRICIDAD", "Aviso-recibo",
     ("Número de servicio:", "Periodo facturado:", "Total a pagar:", "Fecha límite de pago:")),
    ("BANCO DEL BIENESTAR", "Solicitud de apertura de cuenta",
     ("Nombre completo:", "CURP:", "Domicilio:", "Firma del solicitante:")),
    ("REGISTRO CIVIL", "Solicitud de copia certificada de acta",
     ("Nombre del registrado:", "Fecha de registro:", "Número de acta:", "Firma:")),
    ("SECRETARÍA DE BIENESTAR", "Formato de actualización de datos",
     ("Nombre del beneficiario:", "Folio del programa:", "Teléfono:", "Firma:")),
)


def _typed_line(page: Image.Image, text: str, xy: tuple[float, float], size: float,
                rng: random.Random) -> None:
    ink.write(page, text, xy, other._typed(), size, rng)


def aviso(rng: random.Random) -> Image.Image:
    page = other._page()
    title, lines = rng.choice(AVISOS)
    w = page.width
    ImageDraw.Draw(page).text((w / 2, other._px(40)), title, font=other._bold(other._px(14)),
                              fill=(20, 20, 20), anchor="mm")
    y = other._px(75)
    for text in lines:
        _typed_line(page, text, (other._px(20), y), other._px(5.5), rng)
        y += other._px(12)
    return page


def lista_compras(rng: random.Random) -> Image.Image:
    page = other._page()
    hand = ink.random_writer(rng, "handwriting")
    x, y = other._px(rng.uniform(20, 60)), other._px(rng.uniform(20, 50))
    if rng.random() < 0.6:
        ink.write(page, rng.choice(("Súper", "comprar", "Lista", "mandado")), (x, y), hand,
                  other._px(6.5), rng)
        y += other._px(14)
    for item in rng.sample(COMPRAS, rng.randint(4, 10)):
        qty = rng.choice(("", "1 kg ", "2 ", "½ ", "1 ", "3 "))
        ink.write(page, f"- {qty}{item}", (x, y), hand, other._px(rng.uniform(5, 6.5)), rng,
                  tilt_deg=rng.gauss(0, 1.5))
        y += other._px(rng.uniform(10, 13))
    return page


def volante_comercial(rng: random.Random) -> Image.Image:
    page = other._page()
    title, lines = rng.choice(COMERCIALES)
    draw = ImageDraw.Draw(page)
    colour = rng.choice(((200, 30, 30), (30, 90, 200), (240, 140, 0), (60, 140, 60)))
    w = page.width
    draw.rectangle((0, 0, w, round(other._px(45))), fill=colour)
    draw.text((w / 2, other._px(22)), title, font=other._bold(other._px(11)), fill="white",
              anchor="mm")
    y = other._px(80)
    for text in lines:
        _typed_line(page, text, (other._px(25), y), other._px(7), rng)
        y += other._px(18)
    phone = f"Tel. {format_phone(make_phone(rng), rng)}"
    _typed_line(page, phone, (other._px(25), y + other._px(10)), other._px(8), rng)
    return page


def boleto(rng: random.Random) -> Image.Image:
    page = other._page()
    mono = other._typed("liberation_mono")
    x0, y0 = other._px(rng.uniform(20, 110)), other._px(rng.uniform(20, 180))
    kind = rng.choice(("estacionamiento", "autobus"))
    if kind == "estacionamiento":
        lines = ["ESTACIONAMIENTO PLAZA", f"ENTRADA {rng.randint(7, 12)}:{rng.randint(10, 59)}",
                 f"BOLETO No. {rng.randint(10000, 99999)}", "CONSERVE SU BOLETO",
                 "TARIFA $15.00 LA HORA"]
    else:
        lines = ["AUTOBUSES DEL CENTRO", f"ORIGEN: TERMINAL {rng.choice('ABC')}",
                 f"DESTINO: {rng.choice(('TOLUCA', 'PUEBLA', 'PACHUCA', 'CUERNAVACA'))}",
                 f"ASIENTO {rng.randint(1, 40)}  ${rng.randint(120, 480)}.00",
                 "BUEN VIAJE"]
    ImageDraw.Draw(page).rectangle((x0, y0, x0 + other._px(70), y0 + other._px(45)),
                                   fill=(240, 236, 225), outline=(200, 200, 200))
    for i, text in enumerate(lines):
        ink.write(page, text, (x0 + other._px(3), y0 + other._px(8) + i * other._px(7)), mono,
                  other._px(3.4), rng)
    return page


def formulario_otra(rng: random.Random) -> Image.Image:
    page = other._page()
    institution, title, labels = rng.choice(FORMULARIOS)
    draw = ImageDraw.Draw(page)
    w = page.width
    draw.text((w / 2, other._px(25)), institution, font=other._bold(other._px(6)),
              fill=(20, 20, 20), anchor="mm")
    draw.text((w / 2, other._px(36)), title, font=other._bold(other._px(5)), fill=(20, 20, 20),
              anchor="mm")
    hand = ink.random_writer(rng, "handwriting")
    person = make_person(rng)
    values = [person.full_name, rng.choice(("3° B", "ABC-123456", "12/03/2024", "1874")),
              rng.choice(("consulta médica", "Av. Juárez 120", "$ 482.00", "CDMX")), ""]
    y = other._px(60)
    for label, value in zip(labels, values, strict=True):
        _typed_line(page, label, (other._px(20), y), other._px(4.2), rng)
        draw.line((other._px(70), y + other._px(1), w - other._px(20), y + other._px(1)),
                  fill=(40, 40, 40), width=2)
        if value and rng.random() < 0.8:
            ink.write(page, value, (other._px(74), y - other._px(1)), hand, other._px(5), rng)
        y += other._px(16)
    return page


_NEW = {"aviso": aviso, "lista_compras": lista_compras, "volante_comercial": volante_comercial,
        "boleto": boleto, "formulario_otra": formulario_otra}
TYPED = {"flyer", "receipt", "aviso", "volante_comercial", "boleto"}


def make_nonpetition(rng: random.Random, kind: str | None = None, **opts: Any
                     ) -> documents.SynthDocument:
    """One page that is no petition; ``kind`` from KINDS (sampled evenly when None)."""
    kind = kind or rng.choice(KINDS)
    page = _NEW[kind](rng) if kind in _NEW else other.render_other(kind, rng)
    pages, records = documents._degrade_pages([page], rng, opts)
    return documents.SynthDocument(pages, truth.build_truth(
        kind="otro", subtipo=kind, es_peticion=False, tipo=None, servicio=None,
        caso_especial=False, fields=truth.empty_fields(), marcas=[],
        font_kind="typed" if kind in TYPED else "handwriting", degradation=records, texto=None,
    ))


def generate(split: str, index: int) -> documents.SynthDocument:
    seed = SPLITS[split][index]
    rng = random.Random(f"buzon-nonpetition:{seed}")
    doc = make_nonpetition(rng, KINDS[index % len(KINDS)])
    doc.truth["seed"] = seed
    return doc
