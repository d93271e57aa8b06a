"""Owner-only files and folders: everything the program writes may carry personal data (5.14)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO


def private_dir(path: Path) -> Path:
    """Create `path` with mode 0700, and any missing parents too (mkdir's `mode` would only
    apply to the last one). A folder that already existed keeps its mode: the program never
    changes the mode of a path it did not create (a shared 1777 folder stays shared)."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for part in reversed(missing):
        try:
            part.mkdir(mode=0o700)
        except FileExistsError:  # created meanwhile by a concurrent run: not ours to chmod
            continue
        os.chmod(part, 0o700)  # mkdir's mode is masked by the umask
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "No es una carpeta", str(path))
    return path


def open_private(path: Path) -> BinaryIO:
    """A new or truncated regular file, mode 0600, open for binary writing (a symbolic link
    at `path` is refused, not followed)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    os.fchmod(fd, 0o600)  # an existing file of ours keeps its old mode through O_CREAT
    return os.fdopen(fd, "wb")


def check_writable_dir(path: Path, what: str) -> None:
    """Raise UsageError (in Spanish) unless `path` is, or can be created as, a folder this
    user can write into. Creates nothing: the first missing folder's parent must be writable."""
    from buzon_pipeline.errors import UsageError

    path = Path(path)
    existing = next((p for p in (path, *path.parents) if p.exists() or p.is_symlink()), None)
    if existing is None:
        existing = Path.cwd()
    if not existing.is_dir():
        raise UsageError(
            f"La carpeta de {what} ({path}) no se puede crear: {existing} no es una carpeta."
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"No se puede escribir en la carpeta de {what}: {existing} (permisos).")


def append_private_text(path: Path, text: str) -> Path:
    """Append to an owner-only file (created 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "ab") as handle:
        handle.write(text.encode("utf-8", "backslashreplace"))
    return path


def write_private_bytes(path: Path, data: bytes) -> Path:
    with open_private(path) as handle:
        handle.write(data)
    return path


def write_private_text(path: Path, text: str) -> Path:
    return write_private_bytes(path, text.encode("utf-8"))
