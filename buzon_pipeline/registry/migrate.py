"""Bring a registry database to the current schema with the Alembic migrations shipped inside
the package (`buzon_pipeline/registry/migrations`), whatever the working directory and without an
alembic.ini: the configuration is built here.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The revision that reproduces the tables `create_all` built before migrations existed.
BASELINE = "0001"
# Arbitrary constant: serialises concurrent upgrades of one PostgreSQL database.
PG_LOCK_KEY = 0x62757A6F6E  # "buzon"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Apply pending migrations in one transaction; concurrent callers wait for each other."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a fresh database must not both create the tables.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
        config = alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables and "documents" in tables:
            # A database created before migrations: it already has the baseline tables.
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")
