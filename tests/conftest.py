from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _private_umask():
    # Reports and databases must be owner-only regardless of the caller's umask.
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'buzon.db'}"


def skip_unless_ci(reason: str) -> None:
    """Skip on a developer machine that lacks a tool; in CI (CI=true) the install script
    provides it, so its absence fails the run instead of passing silently."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"CI: esta prueba no puede omitirse: {reason}", pytrace=False)
    pytest.skip(reason)


# -- PostgreSQL (tests/postgres.py): the registry suite runs on both back ends -----------------
@pytest.fixture(scope="session")
def postgres_server():
    """A throw-away PostgreSQL server for the whole session. In CI it must run: never skip."""
    from tests.postgres import PostgresUnavailable, start_server

    try:
        server = start_server()
    except PostgresUnavailable as exc:
        skip_unless_ci(f"PostgreSQL no disponible en esta máquina: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server) -> str:
    """An empty database (a fresh schema) on the session's server for one test."""
    return postgres_server.fresh_url()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request, tmp_path: Path) -> str:
    """The same test on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'buzon.db'}"
    return request.getfixturevalue("pg_url")
