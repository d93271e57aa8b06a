"""Process hygiene of one run: a private temporary folder, workers that die with the parent,
SIGTERM handled like Ctrl-C.

Tesseract (through pytesseract) and poppler write page crops and OCR text to temporary files:
personal data. Every run points `tempfile` and `TMPDIR` (inherited by the workers and by the
engines they start) at a 0700 folder of its own, `buzon-run-<pid>-*` in the system's temporary
folder, removed on exit; a folder left by a run that was killed (its pid is gone) is removed by
the next run of the same user.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

RUN_PREFIX = "buzon-run-"
_PR_SET_PDEATHSIG = 1


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like KeyboardInterrupt (not caught by `except Exception`)."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


def handle_sigterm() -> None:
    """Turn SIGTERM into `Terminated` in this (main) process."""
    signal.signal(signal.SIGTERM, _raise_terminated)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(root: Path) -> list[Path]:
    """Remove this user's run folders in `root` whose process no longer exists."""
    removed: list[Path] = []
    try:
        entries = list(root.glob(RUN_PREFIX + "*"))
    except OSError:
        return removed
    for entry in entries:
        try:
            pid = int(entry.name[len(RUN_PREFIX) :].split("-", 1)[0])
            info = entry.lstat()
        except (ValueError, OSError):
            continue
        if info.st_uid != os.getuid() or not entry.is_dir() or entry.is_symlink():
            continue
        if pid == os.getpid() or _pid_alive(pid):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


@contextmanager
def private_temp_dir() -> Iterator[Path]:
    """A 0700 temporary folder for this run, used by `tempfile` and by child processes."""
    root = Path(tempfile.gettempdir())
    sweep_stale(root)
    path = Path(tempfile.mkdtemp(prefix=f"{RUN_PREFIX}{os.getpid()}-", dir=root))  # 0700
    saved_tempdir, saved_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = str(path)
    os.environ["TMPDIR"] = str(path)
    try:
        yield path
    finally:
        tempfile.tempdir = saved_tempdir
        if saved_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved_env
        shutil.rmtree(path, ignore_errors=True)


def die_with_parent(parent_pid: int) -> None:
    """In a worker: get SIGKILL when the parent dies (Linux), and leave Ctrl-C and SIGTERM to
    the parent, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent still stops its pool on exit
        pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
