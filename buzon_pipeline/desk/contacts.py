"""Contact follow-up after the batch (Etapa II, acts 47–49 and 48) on the registry.

A `pendiente_contacto` petition has contact data but lacks part of the datos mínimos (4.12).
The TAOD calls the person and either records what was obtained (→ registered with a folio once
the minimum is complete, act 49) or closes it por desinterés (act 48), explicitly or when the
deadline in días hábiles passes. Every change is one transaction with its AuditEvent; audit
details name the fields, never their values, and nothing here logs personal data (5.14).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from buzon_pipeline.core.model import Field, Outcome
from buzon_pipeline.core.rules import (
    email_is_valid,
    name_is_plausible,
    normalise_email,
    normalise_phone,
    nss_is_valid,
)
from buzon_pipeline.core.vocab import CONSULTA_URL, CONTACT_DATA
from buzon_pipeline.deciding.route import missing_minimum, table_outcome
from buzon_pipeline.deciding.validate import validate
from buzon_pipeline.errors import UsageError
from buzon_pipeline.registry.edits import (
    DocumentEdit,
    edit_document,
    edit_documents,
    stored_documents,
)
from buzon_pipeline.registry.store import Registry

_KEY_ALIASES = {"teléfono": "telefono", "tel": "telefono", "email": "correo", "e-mail": "correo"}


@dataclass(frozen=True)
class PendingContact:
    """One row of the contact list."""

    document_id: int
    registered_at: datetime
    unidad: str
    nombre: str | None
    telefono: str | None
    correo: str | None
    missing: tuple[str, ...]  # field names: nombre, nss, contacto
    business_days_open: int

    def as_json(self) -> dict:
        return {
            "document_id": self.document_id,
            "registered_at": self.registered_at.isoformat(timespec="minutes"),
            "unidad": self.unidad,
            "nombre": self.nombre,
            "telefono": self.telefono,
            "correo": self.correo,
            "missing": list(self.missing),
            "business_days_open": self.business_days_open,
        }


@dataclass(frozen=True)
class ContactResult:
    """What a follow-up act left: the outcome and, when registered, the folio."""

    document_id: int
    outcome: Outcome
    folio: str | None  # for `duplicado`, the original petition's folio
    obtained: tuple[str, ...]
    missing: tuple[str, ...]

    def as_json(self) -> dict:
        return {
            "document_id": self.document_id,
            "outcome": str(self.outcome),
            "folio": self.folio,
            "obtained": list(self.obtained),
            "missing": list(self.missing),
        }


@dataclass(frozen=True)
class ClosedContact:
    document_id: int
    business_days_open: int

    def as_json(self) -> dict:
        return {
            "document_id": self.document_id,
            "outcome": str(Outcome.CERRADO_DESINTERES),
            "business_days_open": self.business_days_open,
        }


# -- días hábiles ------------------------------------------------------------------------------
def business_days_between(start: date, end: date) -> int:
    """Monday–Friday days after `start` up to and including `end` (a Friday → Monday gap is 1)."""
    if end <= start:
        return 0
    weeks, extra = divmod((end - start).days, 7)
    tail = sum(1 for i in range(1, extra + 1) if (start + timedelta(days=i)).weekday() < 5)
    return weeks * 5 + tail


# -- input from the TAOD -----------------------------------------------------------------------
def parse_obtained(pairs: Iterable[str]) -> dict[str, str]:
    """`["nss=…", "nombre=…"]` → validated, normalised values; UsageError in Spanish otherwise.

    Error messages never repeat the value typed (it is personal data).
    """
    return parse_field_values(pairs, option="--obtenido")


def parse_field_values(
    pairs: Iterable[str], *, option: str, allow_clear: bool = False
) -> dict[str, str]:
    """The parser behind `--obtenido` (contact) and `--campo` (review).

    With `allow_clear`, `DATO=` (empty) is kept as "" and means "the person wrote no such
    datum": a reviewer must be able to drop a value OCR invented.
    """
    raw: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lower()
        key = _KEY_ALIASES.get(key, key)
        if not sep or (not value.strip() and not allow_clear):
            # Only a known datum name is echoed: anything else may be the value itself.
            shown = f", no «{key}»" if key in CONTACT_DATA else ""
            raise UsageError(f"Use {option} DATO=VALOR (por ejemplo nss=12345678901){shown}.")
        if key not in CONTACT_DATA:
            raise UsageError("Dato desconocido: use nombre, nss, telefono o correo.")
        raw[key] = value.strip()
    return {key: _normalise(key, value) if value else "" for key, value in raw.items()}


def _normalise(key: str, value: str) -> str:
    if key == "nss":
        nss = re.sub(r"[\s\-.]", "", value)
        if not nss_is_valid(nss):
            raise UsageError(
                "El NSS indicado no es válido: debe tener 11 dígitos y pasar el dígito verificador."
            )
        return nss
    if key == "telefono":
        phone = normalise_phone(value)
        if phone is None:
            raise UsageError(
                "El teléfono indicado no es válido: debe tener 10 dígitos (con o sin +52)."
            )
        return phone
    if key == "correo":
        email = normalise_email(value)
        if not email_is_valid(email):
            raise UsageError("El correo electrónico indicado no es válido.")
        return email
    name = " ".join(value.split())
    if not name_is_plausible(name):
        raise UsageError(
            "El nombre indicado no parece un nombre completo (nombre y apellido, sin dígitos)."
        )
    return name


# -- reading -----------------------------------------------------------------------------------
def pending_contacts(registry: Registry, today: date) -> list[PendingContact]:
    """The contact list, oldest first."""
    return [
        PendingContact(
            document_id=doc.document_id,
            registered_at=doc.created_at,
            unidad=doc.unidad,
            nombre=_value(doc.fields, "nombre"),
            telefono=_value(doc.fields, "telefono"),
            correo=_value(doc.fields, "correo"),
            missing=missing_data(doc.fields),
            business_days_open=business_days_between(doc.created_at.date(), today),
        )
        for doc in stored_documents(registry, Outcome.PENDIENTE_CONTACTO)
    ]


def _value(fields: dict[str, Field], name: str) -> str | None:
    field = fields.get(name)
    return field.value if field is not None else None


def missing_data(fields: dict[str, Field]) -> tuple[str, ...]:
    """Datos mínimos still missing (nombre, nss, contacto) once a human has seen the values."""
    # Confidence does not enter the minimum-data status, only the review reasons.
    return missing_minimum(validate(fields, min_confidence=0.0))


def human_outcome(fields: dict[str, Field]) -> Outcome:
    """The routing table's outcome for a petition whose values a person gave or confirmed."""
    seen = validate(fields, min_confidence=0.0)
    return table_outcome(True, seen.contact, seen.minimum)


# -- acts 47 → 49 and 48 -----------------------------------------------------------------------
def record_contact(
    registry: Registry, document_id: int, obtained: dict[str, str], now: datetime
) -> ContactResult:
    """Store data obtained from the person (already validated by `parse_obtained`); once the
    datos mínimos are complete, register the petition with a folio in the same transaction."""
    if not obtained:
        raise UsageError("Indique al menos un dato obtenido (--obtenido DATO=VALOR).")
    names = tuple(sorted(obtained))
    with _edit_pending(registry, document_id) as doc:
        doc.store_fields(obtained)
        fields = doc.fields()
        missing = missing_data(fields)
        complete = human_outcome(fields) is Outcome.FOLIO
        doc.record_contact(now, "datos_obtenidos" if complete else "datos_incompletos", list(names))
        doc.audit(now, "contacto_datos", f"obtenidos: {', '.join(names)}", with_batch=False)
        if complete:
            doc.set_outcome(
                Outcome.FOLIO,
                "Datos mínimos completados al contactar a la persona "
                "(act. 47): se registra la petición (act. 49).",
            )
            doc.issue_folio(now)
            _audit_outcome(doc, now)
    result = registry.result_of(document_id, "")
    return ContactResult(document_id, result.outcome, result.folio, names, missing)


def close_without_response(registry: Registry, document_id: int, now: datetime) -> ContactResult:
    """Act 48: the missing data was not obtained; close por desinterés."""
    with _edit_pending(registry, document_id) as doc:
        missing = missing_data(doc.fields())
        _close(
            doc,
            now,
            "sin_respuesta",
            "No se obtuvieron los datos faltantes: se cierra por desinterés (act. 48).",
        )
    return ContactResult(document_id, Outcome.CERRADO_DESINTERES, None, (), missing)


def close_expired(registry: Registry, days: int, now: datetime) -> list[ClosedContact]:
    """Close por desinterés every pending petition open more than `days` días hábiles."""
    if days < 0:
        raise UsageError("El plazo en días hábiles no puede ser negativo.")
    closed = []
    with edit_documents(registry, Outcome.PENDIENTE_CONTACTO) as pending:
        for doc in pending:
            open_days = business_days_between(doc.created_at.date(), now.date())
            if open_days <= days:
                continue
            _close(
                doc,
                now,
                "plazo_vencido",
                f"Sin los datos faltantes tras {open_days} días hábiles (plazo: {days}): "
                "se cierra por desinterés (act. 48).",
            )
            closed.append(ClosedContact(doc.document_id, open_days))
    return closed


def _edit_pending(registry: Registry, document_id: int) -> AbstractContextManager[DocumentEdit]:
    return edit_document(
        registry, document_id, Outcome.PENDIENTE_CONTACTO, "pendiente de contacto"
    )


def _close(doc: DocumentEdit, now: datetime, result: str, reason: str) -> None:
    doc.set_outcome(Outcome.CERRADO_DESINTERES, reason)
    doc.record_contact(now, result, [])
    _audit_outcome(doc, now, detail=result)


def _audit_outcome(doc: DocumentEdit, now: datetime, detail: str = "") -> None:
    doc.audit(now, "resultado_cambiado", f"{doc.outcome_change()} {detail}".strip())


def notification_hint(result: ContactResult) -> str:
    """What the TAOD tells the person once the petition has its folio (acts 50–51)."""
    return f"Informe a la persona el folio {result.folio} y la consulta en {CONSULTA_URL}"
