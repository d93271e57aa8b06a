"""What a person put on paper, independent of how it is drawn (volante or letter)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from buzon_pipeline.synth.people import Person
from buzon_pipeline.synth.texts import Petition

CALLES = ("Morelos", "Hidalgo", "Juárez", "5 de Mayo", "Reforma", "Av. Revolución", "Allende",
          "Aldama", "Insurgentes", "Guerrero", "Zaragoza", "Av. Central", "Las Flores")
COLONIAS = ("Centro", "Santa Cruz", "San Miguel", "Las Palmas", "Jardines", "El Rosario",
            "Obrera", "La Joya", "Infonavit", "Benito Juárez", "Lomas del Sol")


@dataclass(frozen=True)
class Filing:
    """The person's data and petition; a field is written when its flag is set."""

    person: Person
    petition: Petition | None  # None: an empty form / a text that is not a petition
    texto: str  # the description exactly as written (with the writer's misspellings)
    nombre: bool
    nss: bool
    telefono: bool
    correo: bool
    unidad: str | None
    servicio: str | None  # as written in the servicio box / line
    fecha_suceso: str | None
    domicilio: str | None
    servidor_publico: str | None


def make_domicilio(rng: random.Random) -> str:
    num = rng.randint(1, 480)
    return rng.choice((
        f"{rng.choice(CALLES)} {num}, Col. {rng.choice(COLONIAS)}",
        f"Calle {rng.choice(CALLES)} #{num} col {rng.choice(COLONIAS)}",
        f"{rng.choice(CALLES)} No. {num} int. {rng.randint(1, 9)}, {rng.choice(COLONIAS)}",
    ))


def make_fecha(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.choice((2023, 2024, 2024, 2025))
    return rng.choice((f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y % 100:02d}", f"{d}-{m:02d}-{y}"))


def make_servidor(rng: random.Random) -> str:
    return rng.choice(("Dra. López", "Dr. Ramírez", "la asistente", "no sé su nombre",
                       "enfermera Lupita", "Lic. Mendoza", "el de vigilancia", "Q. Sánchez",
                       "Dr. Juan Ortega", "no traía gafete"))
