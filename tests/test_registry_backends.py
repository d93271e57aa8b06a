"""The registry on SQLite and PostgreSQL: schema from the Alembic migrations, and the suite of
tests/test_registry.py run again on PostgreSQL."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from buzon_pipeline.errors import DatabaseError
from buzon_pipeline.registry.migrate import BASELINE, MIGRATIONS_DIR, alembic_config
from buzon_pipeline.registry.schema import Base
from buzon_pipeline.registry.store import Registry
from tests.test_registry import (  # noqa: F401  (collected again here, on PostgreSQL)
    test_folios_are_sequential_per_unit_and_year,
    test_other_outcomes_get_no_folio,
    test_reregistering_the_same_pages_keeps_the_folio,
    test_same_petition_from_another_file_is_a_duplicate,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_url(pg_url: str) -> str:
    """The imported tests/test_registry.py tests use `db_url`: here it is PostgreSQL."""
    return pg_url


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(registry: Registry) -> str | None:
    with registry.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def schema_diffs(registry: Registry) -> list:
    with registry.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def test_migrated_schema_matches_the_models(any_db_url):
    registry = Registry(any_db_url)
    assert schema_diffs(registry) == []
    assert current_revision(registry) == head_revision()


def test_opening_again_is_a_no_op_from_any_directory(any_db_url, tmp_path, monkeypatch):
    Registry(any_db_url)
    monkeypatch.chdir(tmp_path)  # the migrations are found inside the package, not via cwd
    registry = Registry(any_db_url)
    assert current_revision(registry) == head_revision()
    assert schema_diffs(registry) == []


def test_database_from_before_migrations_is_adopted(any_db_url):
    # What Base.metadata.create_all built before Alembic: the baseline tables (revision 0001)
    # and no version table.
    engine = create_engine(any_db_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE)
        connection.execute(text("DROP TABLE alembic_version"))
    engine.dispose()
    registry = Registry(any_db_url)
    assert current_revision(registry) == head_revision()
    assert "contacts" in inspect(registry.engine).get_table_names()
    assert schema_diffs(registry) == []


def test_every_migration_file_ships_in_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["buzon_pipeline"]
    package = ROOT / "buzon_pipeline"
    files = [p for p in MIGRATIONS_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert files
    for path in files:
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative


def test_plain_postgresql_url_uses_the_installed_driver(pg_url):
    registry = Registry(pg_url.replace("postgresql+psycopg://", "postgresql://"))
    assert registry.engine.dialect.driver == "psycopg"
    assert current_revision(registry) == head_revision()


def test_unreachable_database_is_a_database_error(tmp_path):
    url = f"postgresql+psycopg://buzon@/buzon?host={tmp_path}&port=1"
    with pytest.raises(DatabaseError, match="No se pudo abrir la base de datos"):
        Registry(url)
