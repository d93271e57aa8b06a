"""Exit codes and the program's exceptions.

    BuzonError                 (exit_code)
    ├── UsageError             BAD_ARGS        bad options or configuration
    ├── NoInputError           INPUT           nothing readable was given
    ├── MissingDependencyError MISSING_DEPENDENCY  Tesseract, Spanish data or a model is absent
    └── DatabaseError          DATABASE        the registry cannot be opened or written

Expected per-document results (descartado, revisión, archivo ilegible) are values, not
exceptions: one bad scan never stops a batch. The CLI is the one place that turns an
exception into an exit code.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1  # a program error; its message is hidden (it may quote personal data)
    BAD_ARGS = 2
    INPUT = 3
    MISSING_DEPENDENCY = 4
    DATABASE = 5
    PARTIAL = 6  # the batch finished but some files or pages ended as errors
    INTERRUPTED = 130  # Ctrl-C (SIGINT)
    TERMINATED = 143  # SIGTERM (128 + 15)


class BuzonError(Exception):
    exit_code = ExitCode.BAD_ARGS


class UsageError(BuzonError):
    exit_code = ExitCode.BAD_ARGS


class NoInputError(BuzonError):
    exit_code = ExitCode.INPUT


class MissingDependencyError(BuzonError):
    exit_code = ExitCode.MISSING_DEPENDENCY


class DatabaseError(BuzonError):
    exit_code = ExitCode.DATABASE
