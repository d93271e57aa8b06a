"""Owner-only files and folders: everything the program writes may carry personal data (5.14)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO


def private_dir(path: Path) -> Path:
    """Create `path` with mode 0700, and any missing parents too (mkdir's `mode` would only
    apply to the last one); folders that already existed keep their mode, except `path`."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for part in reversed(missing):
        part.mkdir(mode=0o700, exist_ok=True)
        os.chmod(part, 0o700)
    os.chmod(path, 0o700)
    return path


def open_private(path: Path) -> BinaryIO:
    """A new or truncated file, mode 0600, open for binary writing."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)  # an existing file keeps its old mode through O_CREAT
    return os.fdopen(fd, "wb")


def write_private_bytes(path: Path, data: bytes) -> Path:
    with open_private(path) as handle:
        handle.write(data)
    return path


def write_private_text(path: Path, text: str) -> Path:
    return write_private_bytes(path, text.encode("utf-8"))
