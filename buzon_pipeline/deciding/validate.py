"""Validate the extracted fields and decide the datos mínimos status (4.12)."""

from __future__ import annotations

from dataclasses import replace

from buzon_pipeline.core.model import EMPTY_FIELD, Field, Validation
from buzon_pipeline.core.rules import name_is_plausible, nss_is_valid


def validate(
    fields: dict[str, Field],
    min_confidence: float,
    field_min_confidence: dict[str, float] | None = None,
) -> Validation:
    """Check datos mínimos (4.12): nombre + NSS + (teléfono or correo).

    `field_min_confidence` overrides the threshold per field, for readers calibrated apart
    (the comb-cell digit model is confident at a different scale from Tesseract).
    """
    limits = field_min_confidence or {}

    def unsure(name: str) -> bool:
        return fields.get(name, EMPTY_FIELD).confidence < limits.get(name, min_confidence)

    out = dict(fields)
    uncertain: list[str] = []
    notes: list[str] = []

    name = fields.get("nombre", EMPTY_FIELD)
    plausible = bool(name.value) and name_is_plausible(name.value or "")
    name_ok = plausible and not unsure("nombre")
    name_unreadable = (name.present or bool(name.value)) and not name_ok
    if name.value and not name_ok:
        # Measured on dev: a name read under the threshold is almost never right, so it is not
        # offered as a value; the raw reading stays for the reviewer. Nor is a reading that
        # does not look like a name ("A", "CAMLCOS O[£160A"): it is no name at any confidence.
        out["nombre"] = replace(name, value=None, present=True)
    if name_unreadable:
        notes.append("El nombre escrito no se pudo leer con certeza.")

    # As with names, a value read under its threshold is not offered as a value: the raw
    # reading stays for the reviewer, and the route treats it as written but unreadable.
    low = {
        key: bool(fields.get(key, EMPTY_FIELD).value) and unsure(key)
        for key in ("telefono", "correo", "nss")
    }
    for key, is_low in low.items():
        if is_low:
            out[key] = replace(fields[key], value=None, present=True)

    phone_ok, phone_unsure = _contact_field(out.get("telefono", EMPTY_FIELD), unsure("telefono"))
    mail_ok, mail_unsure = _contact_field(out.get("correo", EMPTY_FIELD), unsure("correo"))
    contact = phone_ok or mail_ok
    contact_unsure = not contact and (phone_unsure or mail_unsure)
    for key, label in (("telefono", "Teléfono"), ("correo", "Correo electrónico")):
        if not low[key]:
            continue
        message = f"{label} leído con confianza baja ({fields[key].confidence:.0%})"
        # Only when it is the sole contact datum does it decide the route.
        if contact:
            notes.append(message + "; verifíquelo.")
        else:
            uncertain.append(message + ".")
    if contact_unsure and not any(low[key] for key in ("telefono", "correo")):
        # The route hinges on whether there is contact data: a human must read it.
        uncertain.append("Hay datos de contacto escritos que no se pudieron leer con certeza.")

    nss = fields.get("nss", EMPTY_FIELD)
    nss_written = nss.present or bool(nss.value)
    nss_valid = not low["nss"] and bool(nss.value) and nss_is_valid(nss.value or "")
    # The NSS only decides between folio and pendiente de contacto: without contact data the
    # petition is público en general whatever the NSS says.
    nss_decides = contact or contact_unsure
    if low["nss"]:
        message = f"NSS leído con confianza baja ({nss.confidence:.0%})."
        (uncertain if nss_decides else notes).append(message)
    elif nss_written and not nss_valid:
        message = "El NSS escrito no pasa el dígito verificador (o no tiene 11 dígitos)."
        (uncertain if nss_decides else notes).append(message)

    if name_unreadable and nss_valid and contact:
        # Here the name is what separates a folio from a pending contact.
        uncertain.append("El nombre decide entre folio y pendiente de contacto: léalo.")
    minimum = name_ok and nss_valid and contact
    return Validation(
        out, name_ok, nss_valid, nss_written, contact, minimum, tuple(uncertain), tuple(notes)
    )


def _contact_field(field: Field, low_confidence: bool) -> tuple[bool, bool]:
    """(usable, written-but-unreadable) for a phone or e-mail field already normalised."""
    if field.value:
        return True, False
    return False, field.present and low_confidence
