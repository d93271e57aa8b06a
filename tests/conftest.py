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
