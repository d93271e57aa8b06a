"""Opening the database: an owner-only SQLite file, and engines whose transactions serialise
writers the way folio issuance needs (BEGIN IMMEDIATE on SQLite, row locks elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, make_url
from sqlalchemy.engine import Connection, Engine

from buzon_pipeline.core.private_files import private_dir

# Seconds a SQLite writer waits for another process's transaction before giving up.
SQLITE_BUSY_TIMEOUT = 60


def create_private_sqlite_file(url: str) -> None:
    """Create the SQLite file owner-only before SQLAlchemy opens it (personal data, 5.14)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == "sqlite:///:memory:":
        return
    path = Path(url[len(prefix) :])
    if path.exists() and not path.is_file():
        raise NotAFileError(f"{path} no es un archivo de base de datos")
    private_dir(path.parent)
    try:  # created here owner-only; an existing file (ours or not) keeps its mode
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.fchmod(fd, 0o600)
    os.close(fd)


class NotAFileError(OSError):
    pass


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
