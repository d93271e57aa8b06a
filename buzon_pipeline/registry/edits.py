"""What the next-morning desk reads and changes in the registry, without SQL of its own.

`stored_documents` lists documents by outcome as plain dataclasses; `DocumentEdit` is one
document locked inside one transaction, with the few changes a follow-up or a review makes:
store the values a person gave, change the outcome with a reason, issue the folio, record a
contact attempt, drop the personal data, write the audit event. The desk decides *what* to do
(the routing table lives in `deciding.route`); this module only knows *how* it is stored.
Audit details name fields, never their values (5.14).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from buzon_pipeline.core.model import Field, Kind, Outcome
from buzon_pipeline.core.vocab import OUTCOME_LABELS
from buzon_pipeline.errors import UsageError
from buzon_pipeline.registry.folios import issue_folio_or_link_duplicate
from buzon_pipeline.registry.schema import (
    AuditEvent,
    BatchRow,
    ContactRow,
    DocumentRow,
    FieldRow,
    SourceRow,
)
from buzon_pipeline.registry.store import Registry


@dataclass(frozen=True)
class StoredDocument:
    """A registered document as the desk lists it."""

    document_id: int
    batch_id: int
    created_at: datetime
    received_at: datetime  # when its batch was received (5.32)
    unidad: str
    source: str
    pages: list[int]
    kind: Kind
    reasons: list[str]
    tipo: str | None
    servicio: str | None
    caso_especial: bool
    fields: dict[str, Field]  # with the crop box of each field in the archived page view


def stored_documents(
    registry: Registry, outcome: Outcome, document_id: int | None = None
) -> list[StoredDocument]:
    """Documents whose outcome is `outcome`, oldest first (or just `document_id`)."""
    query = (
        select(DocumentRow, BatchRow.received_at, BatchRow.unidad, SourceRow.path)
        .join(BatchRow, BatchRow.id == DocumentRow.batch_id)
        .join(SourceRow, SourceRow.id == DocumentRow.source_id)
        .where(DocumentRow.outcome == str(outcome))
        .order_by(DocumentRow.created_at, DocumentRow.id)
    )
    if document_id is not None:
        query = query.where(DocumentRow.id == document_id)
    with registry.session() as s:
        return [
            StoredDocument(
                document_id=row.id,
                batch_id=row.batch_id,
                created_at=row.created_at,
                received_at=received_at,
                unidad=unidad,
                source=path,
                pages=list(row.pages),
                kind=Kind(row.kind),
                reasons=list(row.reasons),
                tipo=row.tipo,
                servicio=row.servicio,
                caso_especial=row.caso_especial,
                fields={f.name: _field(f, with_box=True) for f in row.fields},
            )
            for row, received_at, unidad, path in s.execute(query).all()
        ]


def _field(row: FieldRow, with_box: bool = False) -> Field:
    box = None
    if with_box and row.box and len(row.box) == 4:
        box = tuple(int(v) for v in row.box)
    return Field(row.value, row.confidence, box, row.raw, row.present)  # type: ignore[arg-type]


class DocumentEdit:
    """One document row, locked until the transaction that `edit_document` opened ends."""

    def __init__(self, s: Session, row: DocumentRow) -> None:
        self._s = s
        self._row = row
        self._before = row.outcome

    @property
    def document_id(self) -> int:
        return self._row.id

    @property
    def created_at(self) -> datetime:
        return self._row.created_at

    @property
    def tipo(self) -> str | None:
        return self._row.tipo

    @tipo.setter
    def tipo(self, value: str | None) -> None:
        self._row.tipo = value

    @property
    def servicio(self) -> str | None:
        return self._row.servicio

    @servicio.setter
    def servicio(self, value: str | None) -> None:
        self._row.servicio = value

    def fields(self) -> dict[str, Field]:
        return {f.name: _field(f) for f in self._row.fields}

    def store_fields(self, values: dict[str, str]) -> None:
        """Values a person gave or confirmed (already validated): certain, with no OCR reading
        behind them; "" records that the datum is absent."""
        by_name = {f.name: f for f in self._row.fields}
        for name, value in values.items():
            field = by_name.get(name)
            if field is None:
                field = FieldRow(name=name)
                self._row.fields.append(field)
            field.value, field.confidence, field.raw = value or None, 1.0, None
            field.present = bool(value)

    def set_outcome(self, outcome: Outcome, reason: str) -> None:
        self._row.outcome = str(outcome)
        self._row.reasons = [*self._row.reasons, reason]

    def issue_folio(self, now: datetime) -> None:
        """Register with a folio, or link as a duplicate of the same petition's folio (5.9)."""
        self._s.flush()  # the folio's duplicate check reads the fields just stored
        unidad = self._s.get_one(BatchRow, self._row.batch_id).unidad
        issue_folio_or_link_duplicate(self._s, self._row, self.fields(), unidad, now)

    def drop_personal_data(self) -> None:
        """5.14: what is not a petition keeps none of the personal data read from it."""
        for field in list(self._row.fields):
            self._s.delete(field)
        self._row.tipo = self._row.servicio = None

    def record_contact(self, now: datetime, result: str, obtained: list[str]) -> None:
        self._s.add(
            ContactRow(document_id=self._row.id, at=now, obtained=obtained, result=result)
        )

    def audit(self, now: datetime, action: str, detail: str, with_batch: bool = True) -> None:
        self._s.add(
            AuditEvent(
                at=now,
                document_id=self._row.id,
                batch_id=self._row.batch_id if with_batch else None,
                action=action,
                detail=detail,
            )
        )

    def outcome_change(self) -> str:
        """«before → now», for audit details."""
        return f"{self._before} → {self._row.outcome}"


@contextmanager
def edit_document(
    registry: Registry, document_id: int, expected: Outcome, state: str
) -> Iterator[DocumentEdit]:
    """The document, locked for one transaction, if its outcome is `expected`; UsageError
    «no está <state>» otherwise. Everything or nothing: an exception rolls the edit back."""
    with registry.session() as s:
        row = s.scalars(
            select(DocumentRow).where(DocumentRow.id == document_id).with_for_update()
        ).first()
        if row is None:
            raise UsageError(f"No existe el documento {document_id}.")
        if row.outcome != str(expected):
            label = OUTCOME_LABELS.get(row.outcome, row.outcome).lower()
            raise UsageError(f"El documento {document_id} no está {state} (resultado: {label}).")
        yield DocumentEdit(s, row)


@contextmanager
def edit_documents(registry: Registry, outcome: Outcome) -> Iterator[list[DocumentEdit]]:
    """Every document whose outcome is `outcome`, locked for one transaction, by id."""
    with registry.session() as s:
        rows = s.scalars(
            select(DocumentRow)
            .where(DocumentRow.outcome == str(outcome))
            .order_by(DocumentRow.id)
            .with_for_update()
        ).all()
        yield [DocumentEdit(s, row) for row in rows]
