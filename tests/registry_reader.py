"""Reading a test registry back: the rows the follow-up and review tests assert on."""

from __future__ import annotations

from sqlalchemy import select

from buzon_pipeline.registry.schema import AuditEvent, DocumentRow, FieldRow, FolioRow
from buzon_pipeline.registry.store import Registry


class RegistryReader:
    registry: Registry

    def document(self, doc_id: int) -> DocumentRow:
        with self.registry.session() as s:
            row = s.get_one(DocumentRow, doc_id)
            _ = row.fields, row.folio
            return row

    def field(self, doc_id: int, name: str) -> FieldRow | None:
        return next((f for f in self.document(doc_id).fields if f.name == name), None)

    def audit(self, doc_id: int) -> list[AuditEvent]:
        with self.registry.session() as s:
            return list(
                s.scalars(
                    select(AuditEvent)
                    .where(AuditEvent.document_id == doc_id)
                    .order_by(AuditEvent.id)
                )
            )

    def folios(self) -> list[str]:
        with self.registry.session() as s:
            return sorted(s.scalars(select(FolioRow.folio)))
