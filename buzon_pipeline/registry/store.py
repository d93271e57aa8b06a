"""The registry (SQLAlchemy): batches, source files, pages, documents, fields, folios, audit.

SQLite file by default, PostgreSQL (`postgresql+psycopg://…`) or any SQLAlchemy URL otherwise;
the schema comes from the Alembic migrations in `migrations/`. Each document is registered in its
own transaction together with its folio (`folios.py`), so a batch killed half-way keeps what it
finished and a re-run (same file hash → same documents) never issues a folio twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

from alembic.util import CommandError
from sqlalchemy import inspect, make_url, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    NoSuchModuleError,
    SQLAlchemyError,
)
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session

from buzon_pipeline.core.model import DocumentResult, Field, Kind, Outcome, SourceFile
from buzon_pipeline.core.names import display_name
from buzon_pipeline.errors import DatabaseError, UsageError
from buzon_pipeline.registry.engine import NotAFileError, create_private_sqlite_file, make_engine
from buzon_pipeline.registry.folios import issue_folio_or_link_duplicate
from buzon_pipeline.registry.migrate import upgrade_to_head
from buzon_pipeline.registry.schema import (
    AuditEvent,
    BatchRow,
    BatchSourceRow,
    DocumentRow,
    FieldRow,
    FolioRow,
    PageRow,
    RegistrySetting,
    SourceRow,
)

SUMMARY_CHARS = 600
NO_DATABASE = (
    "No existe la base de datos {where}. Sólo `buzon procesar` crea una base nueva: revise "
    "--db (o ejecute el comando desde la carpeta donde procesó el lote)."
)


def _require_existing(url: str) -> None:
    """A SQLite file that does not exist is refused before anything creates it."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return
    database = parsed.database or ""
    if database not in ("", ":memory:") and Path(database).is_dir():
        raise DatabaseError(f"No se pudo abrir la base de datos: {database} no es un archivo.")
    if database in ("", ":memory:") or not Path(database).is_file():
        where = str(Path(database).resolve()) if database not in ("", ":memory:") else database
        raise DatabaseError(NO_DATABASE.format(where=where or "(en memoria)"))


def _require_tables(engine: Engine) -> None:
    """A server database (PostgreSQL) must already hold a registry."""
    try:
        with engine.connect() as connection:
            has_registry = inspect(connection).has_table("documents")
    except SQLAlchemyError as exc:
        raise DatabaseError(f"No se pudo abrir la base de datos: {type(exc).__name__}") from exc
    if not has_registry:
        raise DatabaseError(NO_DATABASE.format(where="indicada (no tiene un registro del buzón)"))


BAD_URL = (
    "La dirección de la base de datos (--db) no es válida. Use, por ejemplo, "
    "sqlite:////ruta/completa/buzon.db o postgresql+psycopg://usuario:clave@servidor/buzon."
)


class Registry:
    """`create=False` (every command but `procesar`): refuse to create a database that does not
    exist yet — a typo in --db or the wrong folder must not answer from an empty registry."""

    def __init__(self, url: str, create: bool = True) -> None:
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise UsageError(BAD_URL) from exc
        if not create:
            _require_existing(url)
        try:
            create_private_sqlite_file(url)
            self.engine = make_engine(url)
            if not create:
                _require_tables(self.engine)
            upgrade_to_head(self.engine)
        except NotAFileError as exc:
            raise DatabaseError(f"No se pudo abrir la base de datos: {exc}.") from exc
        except SADatabaseError as exc:  # e.g. "file is not a database": no value to leak
            raise DatabaseError(
                "No se pudo abrir la base de datos: el archivo está dañado o no es una base "
                f"de datos ({type(exc.orig).__name__ if exc.orig else type(exc).__name__})."
            ) from exc
        except NoSuchModuleError as exc:
            raise UsageError(BAD_URL) from exc
        except ArgumentError as exc:
            raise UsageError(BAD_URL) from exc
        except (SQLAlchemyError, OSError, ImportError, CommandError) as exc:
            raise DatabaseError(
                f"No se pudo abrir la base de datos ({parsed.get_backend_name()}): "
                f"{type(exc).__name__}"
            ) from exc

    # -- the registry's own settings -----------------------------------------------------
    def get_setting(self, key: str) -> str | None:
        with self.session() as s:
            row = s.get(RegistrySetting, key)
            return row.value if row is not None else None

    def set_setting_once(self, key: str, value: str) -> str:
        """Store `value` unless the key already has one; returns the stored value."""
        with self.session() as s:
            row = s.get(RegistrySetting, key)
            if row is None:
                s.add(RegistrySetting(key=key, value=value))
                return value
            return row.value

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except IntegrityError:
                session.rollback()
                raise  # the callers' concurrency retries handle these
            except SADatabaseError as exc:  # locked, unreachable, malformed (a damaged file)
                session.rollback()
                raise DatabaseError(
                    "Error al leer o escribir en la base de datos (¿archivo dañado o servidor "
                    "inaccesible?)."
                ) from exc
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
        key = source.sha256 or f"sin-hash:{display_name(source.path)}"
        with self.session() as s:
            row = s.scalars(select(SourceRow).where(SourceRow.sha256 == key)).first()
            if row is None:
                row = SourceRow(
                    sha256=key, path=display_name(source.path), size=source.size, batch_id=batch_id
                )
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

    def reopen_for_retry(self) -> list[str]:
        """Mark files with unreadable pages (or never finished) to be read again, and return
        their archived originals (`procesar --reintentar`)."""
        with self.session() as s:
            with_errors = select(PageRow.source_id).where(PageRow.error.is_not(None))
            rows = s.scalars(
                select(SourceRow).where(
                    SourceRow.original.is_not(None),
                    (SourceRow.complete.is_(False)) | SourceRow.id.in_(with_errors),
                )
            ).all()
            for row in rows:
                row.complete = False
            return [row.original for row in rows if row.original]

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
                caso_especial_motivo=result.caso_especial_motivo,
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
        issue_folio_or_link_duplicate(s, row, fields, unidad, now)

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
                reasons.append(
                    f"Ya procesado en el lote {row.batch_id} (mismo archivo): "
                    "no se registra de nuevo."
                )
            return DocumentResult(
                source=source,
                pages=list(row.pages),
                kind=Kind(row.kind),
                outcome=Outcome(row.outcome),
                folio=folio,
                tipo=row.tipo,
                caso_especial=row.caso_especial,
                caso_especial_motivo=row.caso_especial_motivo,
                batch_id=row.batch_id,
                folio_issued_at=row.folio.issued_at if row.folio else None,
                registered_at=row.created_at,
                fields=fields,
                reasons=reasons,
                servicio=row.servicio,
                document_id=row.id,
                already_registered=already,
                summary=" ".join(row.text.split())[:SUMMARY_CHARS],
                text=row.text,
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

    def folios_issued_later(self, day: date) -> list[int]:
        """Documents whose folio was issued on `day` by `contacto` or `revisar` (after the
        batch that registered them): the «capturas pendientes» of that day."""
        start = datetime.combine(day, time.min)
        end = start + timedelta(days=1)
        with self.session() as s:
            rows = s.execute(
                select(DocumentRow.id, DocumentRow.created_at, FolioRow.issued_at)
                .join(FolioRow, FolioRow.document_id == DocumentRow.id)
                .where(FolioRow.issued_at >= start, FolioRow.issued_at < end)
                .order_by(FolioRow.issued_at)
            ).all()
        return [doc_id for doc_id, created, issued in rows if issued != created]

    def first_exports(self, folios: list[str]) -> dict[str, datetime]:
        """The folios among these already written to an earlier SIADE export, with the date
        and time of their first export."""
        if not folios:
            return {}
        with self.session() as s:
            rows = s.execute(
                select(FolioRow.folio, FolioRow.exported_at).where(
                    FolioRow.folio.in_(folios), FolioRow.exported_at.is_not(None)
                )
            ).all()
        return {folio: at for folio, at in rows}

    def record_export(self, folios: list[str], at: datetime) -> None:
        """Note that these folios were written to an export at `at` (the first time only)."""
        if not folios:
            return
        with self.session() as s:
            s.execute(
                update(FolioRow)
                .where(FolioRow.folio.in_(folios), FolioRow.exported_at.is_(None))
                .values(exported_at=at)
            )

    def source_path_of_document(self, document_id: int) -> str:
        with self.session() as s:
            return s.get_one(DocumentRow, document_id).source.path

    def batch_of_document(self, document_id: int) -> int:
        """The batch that registered the document: the report the TAOD printed, to refresh."""
        with self.session() as s:
            return s.get_one(DocumentRow, document_id).batch_id

    def first_batch_of_source(self, source_id: int) -> int:
        with self.session() as s:
            return s.get_one(SourceRow, source_id).batch_id
