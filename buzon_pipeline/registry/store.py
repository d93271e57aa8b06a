"""The registry (SQLAlchemy): batches, source files, pages, documents, fields, folios, audit.

SQLite file by default, PostgreSQL (`postgresql+psycopg://…`) or any SQLAlchemy URL otherwise;
the schema comes from the Alembic migrations in `migrations/`. Each document is registered in its
own transaction together with its folio, so a batch killed half-way keeps what it finished and a
re-run (same file hash → same documents) never issues a folio twice. Folio issuance is serialised
per unit and year (a row lock on the counter; on SQLite every transaction is BEGIN IMMEDIATE), so
two runs registering at the same time never share a folio.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic.util import CommandError
from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    make_url,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from buzon_pipeline.core.model import DocumentResult, Field, Kind, Outcome, SourceFile
from buzon_pipeline.deciding.validate import strip_accents
from buzon_pipeline.errors import DatabaseError
from buzon_pipeline.registry.migrate import upgrade_to_head

SIMILAR_TEXT = 0.6
SUMMARY_CHARS = 600
# Seconds a SQLite writer waits for another process's transaction before giving up.
SQLITE_BUSY_TIMEOUT = 60


class Base(DeclarativeBase):
    pass


class BatchRow(Base):
    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    taod: Mapped[str] = mapped_column(String(200))
    unidad: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SourceRow(Base):
    __tablename__ = "source_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"))
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    original: Mapped[str | None] = mapped_column(Text, nullable=True)  # archived copy


class BatchSourceRow(Base):
    """Every file a batch was given, including files replayed from an earlier run."""

    __tablename__ = "batch_sources"
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source_files.id"), primary_key=True)


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("source_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source_files.id"))
    number: Mapped[int] = mapped_column(Integer)
    blank: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    skew: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), nullable=True)
    image: Mapped[str | None] = mapped_column(Text, nullable=True)  # archived page view


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("source_id", "first_page"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source_files.id"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"))
    first_page: Mapped[int] = mapped_column(Integer)
    pages: Mapped[list] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(30))
    tipo: Mapped[str | None] = mapped_column(String(30), nullable=True)
    servicio: Mapped[str | None] = mapped_column(String(60), nullable=True)
    caso_especial: Mapped[bool] = mapped_column(Boolean, default=False)
    es_peticion: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text, default="")
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    fields: Mapped[list[FieldRow]] = relationship(back_populates="document")
    folio: Mapped[FolioRow | None] = relationship(back_populates="document")
    source: Mapped[SourceRow] = relationship()


class FieldRow(Base):
    __tablename__ = "fields"
    __table_args__ = (UniqueConstraint("document_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    name: Mapped[str] = mapped_column(String(40))
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    raw: Mapped[str | None] = mapped_column(Text, nullable=True)
    present: Mapped[bool] = mapped_column(Boolean, default=False)
    # x0, y0, x1, y1 in the archived view of the document's first page (volante zones only)
    box: Mapped[list | None] = mapped_column(JSON, nullable=True)
    document: Mapped[DocumentRow] = relationship(back_populates="fields")


class FolioRow(Base):
    __tablename__ = "folios"
    id: Mapped[int] = mapped_column(primary_key=True)
    folio: Mapped[str] = mapped_column(String(40), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    document: Mapped[DocumentRow] = relationship(back_populates="folio")


class FolioCounter(Base):
    __tablename__ = "folio_counters"
    prefix: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), nullable=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")


class ContactRow(Base):
    """One contact follow-up act on a pendiente_contacto petition (acts 47–49)."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    # datos_obtenidos | datos_incompletos | sin_respuesta | plazo_vencido
    result: Mapped[str] = mapped_column(String(30))
    obtained: Mapped[list] = mapped_column(JSON)  # field names only: values live in `fields`


def unit_code(unidad: str) -> str:
    code = re.sub(r"[^A-Z0-9]", "", strip_accents(unidad).upper())
    return code[:16] or "UNIDAD"


def _create_private_sqlite_file(url: str) -> None:
    """Create the SQLite file owner-only before SQLAlchemy opens it (personal data, 5.14)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == "sqlite:///:memory:":
        return
    path = Path(url[len(prefix) :])
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)


def make_engine(url: str) -> Engine:
    """An engine whose transactions serialise writers the way folio issuance needs."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":  # the driver this package installs
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, hide_parameters=True)
    engine = create_engine(
        parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT}, hide_parameters=True
    )

    # pysqlite's own implicit BEGIN is deferred and skips SAVEPOINTs; take over (SQLAlchemy's
    # documented recipe) and start every transaction with the write lock, so two processes
    # never read the same counter value and the loser waits on the busy timeout instead.
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Registry:
    def __init__(self, url: str) -> None:
        try:
            _create_private_sqlite_file(url)
            self.engine = make_engine(url)
            upgrade_to_head(self.engine)
        except (SQLAlchemyError, OSError, ImportError, CommandError) as exc:
            raise DatabaseError(f"No se pudo abrir la base de datos: {type(exc).__name__}") from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                raise DatabaseError("Error al escribir en la base de datos.") from exc
            except Exception:
                session.rollback()
                raise

    # -- batches and sources -------------------------------------------------------------
    def start_batch(self, taod: str, unidad: str, received_at: datetime) -> int:
        with self.session() as s:
            batch = BatchRow(taod=taod, unidad=unidad, received_at=received_at)
            s.add(batch)
            s.flush()
            s.add(AuditEvent(at=received_at, batch_id=batch.id, action="lote_iniciado"))
            return batch.id

    def finish_batch(self, batch_id: int, at: datetime) -> None:
        with self.session() as s:
            s.execute(update(BatchRow).where(BatchRow.id == batch_id).values(finished_at=at))
            s.add(AuditEvent(at=at, batch_id=batch_id, action="lote_terminado"))

    def batch_exists(self, batch_id: int) -> bool:
        with self.session() as s:
            return s.get(BatchRow, batch_id) is not None

    def batch(self, batch_id: int) -> BatchRow:
        with self.session() as s:
            return s.get_one(BatchRow, batch_id)

    def source(self, sha256: str) -> SourceRow | None:
        with self.session() as s:
            return s.scalars(select(SourceRow).where(SourceRow.sha256 == sha256)).first()

    def upsert_source(self, source: SourceFile, page_count: int, batch_id: int) -> int:
        try:
            return self._upsert_source(source, page_count, batch_id)
        except IntegrityError:  # another run inserted the same file (same hash) just now
            return self._upsert_source(source, page_count, batch_id)

    def _upsert_source(self, source: SourceFile, page_count: int, batch_id: int) -> int:
        key = source.sha256 or f"sin-hash:{source.path}"
        with self.session() as s:
            row = s.scalars(select(SourceRow).where(SourceRow.sha256 == key)).first()
            if row is None:
                row = SourceRow(sha256=key, path=source.path, size=source.size, batch_id=batch_id)
                s.add(row)
            row.page_count, row.error = page_count, source.error
            s.flush()
            self._link_batch(s, batch_id, row.id)
            return row.id

    @staticmethod
    def _link_batch(s: Session, batch_id: int, source_id: int) -> None:
        if s.get(BatchSourceRow, (batch_id, source_id)) is None:
            s.add(BatchSourceRow(batch_id=batch_id, source_id=source_id))

    def link_source_to_batch(self, batch_id: int, source_id: int) -> None:
        with self.session() as s:
            self._link_batch(s, batch_id, source_id)

    def set_original(self, source_id: int, path: str) -> None:
        with self.session() as s:
            s.execute(update(SourceRow).where(SourceRow.id == source_id).values(original=path))

    def record_page(self, source_id: int, number: int, **values: object) -> None:
        with self.session() as s:
            row = s.scalars(
                select(PageRow).where(PageRow.source_id == source_id, PageRow.number == number)
            ).first()
            if row is None:
                row = PageRow(source_id=source_id, number=number)
                s.add(row)
            for key, value in values.items():
                setattr(row, key, value)

    def complete_source(self, source_id: int) -> None:
        with self.session() as s:
            s.execute(update(SourceRow).where(SourceRow.id == source_id).values(complete=True))

    # -- documents --------------------------------------------------------------------------
    def existing_document(self, source_id: int, first_page: int) -> DocumentRow | None:
        with self.session() as s:
            return s.scalars(
                select(DocumentRow).where(
                    DocumentRow.source_id == source_id, DocumentRow.first_page == first_page
                )
            ).first()

    def register(
        self,
        result: DocumentResult,
        source_id: int,
        batch_id: int,
        unidad: str,
        text: str,
        es_peticion: float,
        now: datetime,
    ) -> DocumentResult:
        """Store a routed document; issue its folio or link it as a duplicate, atomically."""
        existing = self.existing_document(source_id, result.pages[0])
        if existing is not None:
            return self.result_of(existing.id, result.source, already=True)
        try:
            doc_id = self._insert_document(
                result, source_id, batch_id, unidad, text, es_peticion, now
            )
        except IntegrityError:
            # Another process registered the same pages between the check and the insert.
            existing = self.existing_document(source_id, result.pages[0])
            if existing is None:
                raise
            return self.result_of(existing.id, result.source, already=True)
        return self.result_of(doc_id, result.source)

    def _insert_document(
        self,
        result: DocumentResult,
        source_id: int,
        batch_id: int,
        unidad: str,
        text: str,
        es_peticion: float,
        now: datetime,
    ) -> int:
        with self.session() as s:
            row = DocumentRow(
                source_id=source_id,
                batch_id=batch_id,
                first_page=result.pages[0],
                pages=result.pages,
                kind=str(result.kind),
                outcome=str(result.outcome),
                tipo=result.tipo,
                servicio=result.servicio,
                caso_especial=result.caso_especial,
                es_peticion=es_peticion,
                reasons=list(result.reasons),
                text=text,
                created_at=now,
            )
            s.add(row)
            s.flush()
            for name, field in result.fields.items():
                s.add(
                    FieldRow(
                        document_id=row.id,
                        name=name,
                        value=field.value,
                        confidence=float(field.confidence),
                        raw=field.raw,
                        present=field.present,
                        box=[int(v) for v in field.box] if field.box else None,
                    )
                )
            if result.outcome is Outcome.FOLIO:
                self.issue_folio_or_link_duplicate(s, row, result.fields, unidad, now)
            for number in result.pages:
                s.execute(
                    update(PageRow)
                    .where(PageRow.source_id == source_id, PageRow.number == number)
                    .values(document_id=row.id)
                )
            s.add(
                AuditEvent(
                    at=now,
                    document_id=row.id,
                    batch_id=batch_id,
                    action="documento_registrado",
                    detail=row.outcome,
                )
            )
            return row.id

    def issue_folio_or_link_duplicate(
        self, s: Session, row: DocumentRow, fields: dict[str, Field], unidad: str, now: datetime
    ) -> None:
        """Inside the caller's transaction: link `row` to an earlier folio of the same petition
        (5.9) or issue it the next folio of its unit and year.

        The counter row is locked before the duplicate check, so two processes registering the
        same petition at once cannot both miss each other and both get a folio.
        """
        prefix = f"{unit_code(unidad)}-{now.year}"
        self._lock_counter(s, prefix)
        original = self._find_duplicate(s, row, fields)
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

    @staticmethod
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
        self, s: Session, row: DocumentRow, fields: dict[str, Field]
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

    # -- reading back -----------------------------------------------------------------------
    def result_of(self, document_id: int, source: str, already: bool = False) -> DocumentResult:
        with self.session() as s:
            row = s.get_one(DocumentRow, document_id)
            folio = row.folio.folio if row.folio else None
            if row.duplicate_of_id is not None:
                original = s.get_one(DocumentRow, row.duplicate_of_id)
                folio = original.folio.folio if original.folio else None
            fields = {
                f.name: Field(
                    f.value, f.confidence, tuple(f.box) if f.box else None, f.raw, f.present
                )
                for f in row.fields
            }
            reasons = list(row.reasons)
            if already:
                reasons.append("Ya estaba registrado en una corrida anterior (mismo archivo).")
            return DocumentResult(
                source=source,
                pages=list(row.pages),
                kind=Kind(row.kind),
                outcome=Outcome(row.outcome),
                folio=folio,
                tipo=row.tipo,
                caso_especial=row.caso_especial,
                fields=fields,
                reasons=reasons,
                servicio=row.servicio,
                document_id=row.id,
                already_registered=already,
                summary=" ".join(row.text.split())[:SUMMARY_CHARS],
            )

    def results_for_source(
        self, source_id: int, source: str, replayed: bool = True
    ) -> list[DocumentResult]:
        with self.session() as s:
            ids = s.scalars(
                select(DocumentRow.id)
                .where(DocumentRow.source_id == source_id)
                .order_by(DocumentRow.first_page)
            ).all()
        return [self.result_of(i, source, already=replayed) for i in ids]

    def pages_of(self, source_id: int) -> list[PageRow]:
        with self.session() as s:
            return list(
                s.scalars(
                    select(PageRow).where(PageRow.source_id == source_id).order_by(PageRow.number)
                )
            )

    def page_images(self, document_id: int) -> list[Path]:
        """The archived views of a document's pages, in page order (missing ones left out)."""
        with self.session() as s:
            paths = s.scalars(
                select(PageRow.image)
                .where(PageRow.document_id == document_id, PageRow.image.is_not(None))
                .order_by(PageRow.number)
            ).all()
        return [Path(p) for p in paths]

    def sources_of_batch(self, batch_id: int) -> list[SourceRow]:
        with self.session() as s:
            return list(
                s.scalars(
                    select(SourceRow)
                    .join(BatchSourceRow, BatchSourceRow.source_id == SourceRow.id)
                    .where(BatchSourceRow.batch_id == batch_id)
                    .order_by(SourceRow.id)
                )
            )

    def latest_batch_of_document(self, document_id: int) -> int:
        """The last batch that was given the document's file: the report to refresh."""
        with self.session() as s:
            source_id = s.get_one(DocumentRow, document_id).source_id
            latest = s.scalar(
                select(BatchSourceRow.batch_id)
                .where(BatchSourceRow.source_id == source_id)
                .order_by(BatchSourceRow.batch_id.desc())
            )
            return latest if latest is not None else s.get_one(DocumentRow, document_id).batch_id



def _name_key(field: Field | FieldRow | None) -> str:
    if field is None or not field.value:
        return ""
    return " ".join(strip_accents(field.value).lower().split())


def _similar(a: str, b: str) -> float:
    a_norm = " ".join(strip_accents(a).lower().split())
    b_norm = " ".join(strip_accents(b).lower().split())
    return difflib.SequenceMatcher(None, a_norm, b_norm, autojunk=False).ratio()
