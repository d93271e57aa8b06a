"""Folio issuance and the duplicate check of 5.9, inside the caller's transaction.

Issuance is serialised per unit and year: the counter row is locked (on SQLite every
transaction is BEGIN IMMEDIATE), so two runs registering at the same time never share a folio.
"""

from __future__ import annotations

import difflib
import re
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from buzon_pipeline.core.model import Field, Outcome
from buzon_pipeline.core.rules import strip_accents
from buzon_pipeline.registry.schema import AuditEvent, DocumentRow, FieldRow, FolioCounter, FolioRow

SIMILAR_TEXT = 0.6


def unit_code(unidad: str) -> str:
    code = re.sub(r"[^A-Z0-9]", "", strip_accents(unidad).upper())
    return code[:16] or "UNIDAD"


def issue_folio_or_link_duplicate(
    s: Session, row: DocumentRow, fields: dict[str, Field], unidad: str, now: datetime
) -> None:
    """Inside the caller's transaction: link `row` to an earlier folio of the same petition
    (5.9) or issue it the next folio of its unit and year.

    The counter row is locked before the duplicate check, so two processes registering the
    same petition at once cannot both miss each other and both get a folio.
    """
    prefix = f"{unit_code(unidad)}-{now.year}"
    _lock_counter(s, prefix)
    original = _find_duplicate(s, row, fields)
    if original is not None:
        row.outcome = str(Outcome.DUPLICADO)
        row.duplicate_of_id = original.id
        folio_text = original.folio.folio if original.folio else "sin folio"
        row.reasons = [
            *row.reasons,
            f"Misma petición que el folio {folio_text} (5.9): no se registra de nuevo.",
        ]
        return
    seq = s.execute(
        update(FolioCounter)
        .where(FolioCounter.prefix == prefix)
        .values(last_seq=FolioCounter.last_seq + 1)
        .returning(FolioCounter.last_seq)
    ).scalar_one()
    folio = f"{prefix}-{seq:05d}"
    s.add(FolioRow(folio=folio, document_id=row.id, issued_at=now))
    s.add(AuditEvent(at=now, document_id=row.id, action="folio_emitido", detail=folio))

def _lock_counter(s: Session, prefix: str) -> None:
    """Create the counter if needed and hold its row lock until the transaction ends."""
    locked = select(FolioCounter.last_seq).where(FolioCounter.prefix == prefix)
    if s.execute(locked.with_for_update()).first() is not None:
        return
    try:
        with s.begin_nested():
            s.add(FolioCounter(prefix=prefix, last_seq=0))
    except IntegrityError:  # another process created it first; it is committed by now
        pass
    s.execute(locked.with_for_update()).one()

def _find_duplicate(
    s: Session, row: DocumentRow, fields: dict[str, Field]
) -> DocumentRow | None:
    nss = fields.get("nss")
    if nss is None or not nss.value:
        return None
    name = _name_key(fields.get("nombre"))
    candidates = s.scalars(
        select(DocumentRow)
        .join(FieldRow, FieldRow.document_id == DocumentRow.id)
        .where(FieldRow.name == "nss", FieldRow.value == nss.value, DocumentRow.id != row.id)
        .where(DocumentRow.outcome == str(Outcome.FOLIO))
    ).all()
    for candidate in candidates:
        other_name = next((f for f in candidate.fields if f.name == "nombre"), None)
        if name and other_name and _name_key(other_name) != name:
            continue
        if _similar(candidate.text, row.text) >= SIMILAR_TEXT:
            return candidate
    return None


def _name_key(field: Field | FieldRow | None) -> str:
    if field is None or not field.value:
        return ""
    return " ".join(strip_accents(field.value).lower().split())


def _similar(a: str, b: str) -> float:
    a_norm = " ".join(strip_accents(a).lower().split())
    b_norm = " ".join(strip_accents(b).lower().split())
    return difflib.SequenceMatcher(None, a_norm, b_norm, autojunk=False).ratio()
