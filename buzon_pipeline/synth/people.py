"""Synthetic persons: Mexican names, NSS, phone numbers and e-mail addresses.

Values come in two forms: the normalised truth (what extraction should return) and the text as
the person wrote it (spacing, prefixes, typos).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from buzon_pipeline.core.rules import email_is_valid, luhn_check_digit

NOMBRES_M = (
    "José", "Juan", "Luis", "Carlos", "Jorge", "Miguel Ángel", "José Luis", "Juan Carlos",
    "Francisco Javier", "Jesús", "Ángel", "Martín", "Raúl", "Óscar", "Rubén", "Efraín", "Pedro",
    "Alejandro", "Fernando", "Roberto", "Ricardo", "Sergio", "Héctor", "Arturo", "Gerardo",
    "Cuauhtémoc", "Adrián", "Joaquín", "Ramón", "Andrés", "Iván", "Tomás", "Hugo", "Gustavo",
    "Víctor Manuel", "Marco Antonio", "Salvador", "Agustín", "Rogelio", "Eduardo", "Emiliano",
    "Santiago", "Mateo", "Diego", "Jesús Alberto", "Julián", "Nicolás", "Germán", "Benjamín",
)
NOMBRES_F = (
    "María", "Guadalupe", "María Guadalupe", "Ana María", "Rosa María", "Juana", "Margarita",
    "Verónica", "Leticia", "Araceli", "Mónica", "Patricia", "Elizabeth", "Alejandra", "Adriana",
    "Gabriela", "Martha", "Yolanda", "Silvia", "Maribel", "Rocío", "Yesenia", "Brenda", "Itzel",
    "Citlali", "Xóchitl", "Ximena", "Sofía", "Fernanda", "Valeria", "Daniela", "Inés", "Irma",
    "Concepción", "Dolores", "Socorro", "Ma. de Jesús", "María de los Ángeles", "Lucía",
    "Beatriz", "Claudia", "Norma", "Teresa", "Josefina", "Reyna", "Nayeli", "Jazmín", "Belén",
)
APELLIDOS = (
    "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
    "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Jiménez", "Reyes", "Díaz",
    "Torres", "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero",
    "Álvarez", "Méndez", "Chávez", "Rivera", "Juárez", "Ramos", "Domínguez", "Herrera", "Medina",
    "Castro", "Vargas", "Guzmán", "Velázquez", "Muñoz", "Rojas", "de la Cruz", "Contreras",
    "Salazar", "Luna", "Ortega", "Santiago", "Guerrero", "Bautista", "Estrada", "Cortés", "Núñez",
    "Ibarra", "Peña", "Ávila", "Carrillo", "Espinoza", "Valdez", "Soto", "Sandoval", "Acosta",
    "Fuentes", "Zúñiga", "Nava", "Cervantes", "Montes de Oca", "Quintero", "Ochoa", "Solís",
    "Maldonado", "Lara", "Camacho", "Robles", "Trejo", "Pacheco", "Rosales", "Cabrera", "Navarro",
    "Escobar", "Velasco", "Ponce", "Xolalpa", "Tlatelpa", "Cuautle", "Olvera", "Bárcenas",
    "Villaseñor", "Ibáñez", "Yáñez", "Galván", "Zamora", "Beltrán", "Mejía", "Arellano",
)
DOMINIOS = (
    "gmail.com", "gmail.com", "gmail.com", "hotmail.com", "hotmail.com", "yahoo.com.mx",
    "outlook.com", "outlook.es", "live.com.mx", "icloud.com", "prodigy.net.mx", "yahoo.com",
)
LADAS_2 = ("55", "55", "55", "33", "81", "56")
LADAS_3 = ("222", "442", "477", "999", "664", "614", "656", "229", "871", "961", "951", "744",
           "612", "618", "667", "722", "833", "998")


def write_without_accents(text: str) -> str:
    """How a person who skips accents writes: no accent marks, but ñ stays ñ."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c == "\u0303")
    return unicodedata.normalize("NFC", kept)


def make_nss(rng: random.Random, valid: bool = True) -> str:
    birth = rng.randint(1945, 2005)
    affiliation = min(2023, birth + rng.randint(16, 40))
    subdelegacion, sequence = rng.randint(1, 99), rng.randint(0, 9999)
    payload = f"{subdelegacion:02d}{affiliation % 100:02d}{birth % 100:02d}{sequence:04d}"
    check = luhn_check_digit(payload)
    if not valid:
        check = (check + rng.randint(1, 9)) % 10
    return payload + str(check)


def format_nss(nss: str, rng: random.Random) -> str:
    """How people write an NSS in running text."""
    style = rng.randrange(5)
    if style == 1:
        return f"{nss[:2]} {nss[2:4]} {nss[4:6]} {nss[6:10]} {nss[10]}"
    if style == 2:
        return f"{nss[:10]}-{nss[10]}"
    if style == 3:
        return f"{nss[:4]} {nss[4:8]} {nss[8:]}"
    return nss


def make_phone(rng: random.Random) -> str:
    lada = rng.choice(LADAS_2) if rng.random() < 0.6 else rng.choice(LADAS_3)
    rest = "".join(str(rng.randint(0, 9)) for _ in range(10 - len(lada)))
    return lada + str(rng.randint(2, 9)) + rest[1:]


def format_phone(phone: str, rng: random.Random) -> str:
    """One of the ways a 10-digit Mexican number gets written (2- or 3-digit area code)."""
    n = 2 if phone[:2] in LADAS_2 else 3
    lada, local = phone[:n], phone[n:]
    a, b = (local[:4], local[4:]) if n == 2 else (local[:3], local[3:])
    return rng.choice((
        phone,
        f"{lada} {a} {b}",
        f"{lada}-{a}-{b}",
        f"+52 {lada} {a} {b}",
        f"({lada}) {a}-{b}",
        f"52 {phone}",
    ))


def broken_phone(phone: str, rng: random.Random) -> str:
    """A number missing digits (a local 8-digit number or a forgotten digit)."""
    return phone[-8:] if rng.random() < 0.5 else phone[:4] + phone[5:]


def _user(nombre: str, ap1: str, ap2: str, rng: random.Random) -> str:
    first = write_without_accents(nombre.split()[0]).lower().replace("ñ", "n").replace(".", "")
    a1 = write_without_accents(ap1).lower().replace(" ", "").replace("ñ", "n")
    a2 = write_without_accents(ap2).lower().replace(" ", "").replace("ñ", "n")
    year = str(rng.randint(60, 99) if rng.random() < 0.5 else rng.randint(1, 23)).zfill(2)
    return rng.choice((
        f"{first}.{a1}", f"{first}{a1}{year}", f"{first[0]}{a1}", f"{first}_{a1[:3]}",
        f"{first}.{a1}.{a2[:1]}", f"{first}{year}", f"{a1}.{first}", f"{first[:4]}{a2}{year}",
    ))


def make_email(nombre: str, ap1: str, ap2: str, rng: random.Random) -> str:
    return f"{_user(nombre, ap1, ap2, rng)}@{rng.choice(DOMINIOS)}"


def break_email(email: str, rng: random.Random) -> str:
    """Typos that make an address unusable, as found on handwritten forms."""
    user, domain = email.split("@")
    return rng.choice((
        f"{user}{domain}",
        f"{user}@{domain.replace('.', ',', 1)}",
        f"{user}@{domain.split('.')[0]}",
        f"{user} @ {domain.split('.')[0]} com",
        f"{user}@@{domain}",
    ))


@dataclass(frozen=True)
class Person:
    nombres: str
    apellido1: str
    apellido2: str
    nss: str  # 11 digits; fails Luhn when the person miswrote it
    phone: str  # digits as they should be read (10 unless broken)
    phone_written: str
    email: str  # as written, original case
    accents: bool  # writes the accents of the name

    @property
    def full_name(self) -> str:
        name = f"{self.nombres} {self.apellido1} {self.apellido2}"
        return name if self.accents else write_without_accents(name)

    @property
    def phone_valid(self) -> bool:
        return len(self.phone) == 10

    @property
    def email_valid(self) -> bool:
        return email_is_valid(self.email.lower())


def make_person(
    rng: random.Random,
    nss_valid: bool = True,
    phone_valid: bool = True,
    email_valid: bool = True,
) -> Person:
    nombres = rng.choice(NOMBRES_M if rng.random() < 0.45 else NOMBRES_F)
    ap1, ap2 = rng.choice(APELLIDOS), rng.choice(APELLIDOS)
    phone = make_phone(rng)
    written = format_phone(phone, rng)
    if not phone_valid:
        phone = broken_phone(phone, rng)
        written = phone if rng.random() < 0.5 else f"{phone[:4]} {phone[4:]}"
    email = make_email(nombres, ap1, ap2, rng)
    if not email_valid:
        email = break_email(email, rng)
    if rng.random() < 0.15:
        email = email.upper()
    return Person(nombres, ap1, ap2, make_nss(rng, nss_valid), phone, written, email,
                  accents=rng.random() < 0.55)


def normalise_name(text: str) -> str:
    return " ".join(text.split()).upper()


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def normalise_phone(text: str) -> str:
    d = digits(text)
    return d[2:] if len(d) == 12 and d.startswith("52") else d
