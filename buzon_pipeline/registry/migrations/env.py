"""Alembic environment for the registry.

The registry runs the migrations itself (`buzon_pipeline.registry.migrate`), handing over an open
connection inside a transaction; there is no alembic.ini. Running `alembic` by hand with a URL in
`sqlalchemy.url` also works, for maintenance.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from buzon_pipeline.registry.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        _run(connection)


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
