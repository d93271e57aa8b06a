"""File names as text: a name on disk may be any bytes (not UTF-8, with newlines); what the
registry, the reports and the console show is always valid, one-line UTF-8."""

from __future__ import annotations

import os


def display_name(path: str | os.PathLike) -> str:
    """`path` as printable UTF-8: undecodable bytes as \\xNN, control characters escaped."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )
