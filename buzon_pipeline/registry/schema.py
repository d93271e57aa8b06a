"""The registry's tables (SQLAlchemy ORM). Only the registry package uses these rows; every
other part gets dataclasses from `core.model` or from the registry's own query results."""

from __future__ import annotations

from datetime import datetime

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
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


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
    # Category and trigger words (Spanish) of a caso especial; None when not one.
    caso_especial_motivo: Mapped[str | None] = mapped_column(Text, nullable=True)
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
    # First time the folio was written to a SIADE export (migration 0005); None: never yet.
    exported_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
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


class RegistrySetting(Base):
    """Settings that belong to the registry, not to one command: e.g. `reports_dir`, the one
    report folder every command writes to (stored, absolute, at the first batch)."""

    __tablename__ = "registry_settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ContactRow(Base):
    """One contact follow-up act on a pendiente_contacto petition (acts 47–49)."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    # datos_obtenidos | datos_incompletos | sin_respuesta | plazo_vencido
    result: Mapped[str] = mapped_column(String(30))
    obtained: Mapped[list] = mapped_column(JSON)  # field names only: values live in `fields`
