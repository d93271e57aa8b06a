"""Exact-value precision and recall of a field reader, raw and at a review threshold, for the
dev scorers (digits, volante zones, letters)."""

from __future__ import annotations

from collections.abc import Callable


class Tally:
    """Rows of (truth, value read, confidence). `readable`, when given, also reports recall over
    the truths the reader can return at all (e.g. not a broken e-mail)."""

    def __init__(self, readable: Callable[[str | None], bool] | None = None) -> None:
        self.readable = readable
        self.rows: list[tuple[str | None, str | None, float]] = []

    def add(self, truth: str | None, value: str | None, conf: float) -> None:
        self.rows.append((truth, value, conf))

    def line(self, thr: float) -> str:
        actual = sum(t is not None for t, _, _ in self.rows)
        pred = [(t, v, c) for t, v, c in self.rows if v is not None]
        tp = sum(v == t for t, v, _ in pred)
        acc = [(t, v) for t, v, c in pred if c >= thr]
        acc_tp = sum(v == t for t, v in acc)
        text = (
            f"n={actual:3d} raw P={_pct(tp, len(pred))} R={_pct(tp, actual)} "
            f"(wrong {len(pred) - tp:2d}) | accepted@{thr:.2f} P={_pct(acc_tp, len(acc))} "
            f"R={_pct(acc_tp, actual)} (wrong {len(acc) - acc_tp:2d})"
        )
        if self.readable is None:
            return text
        ok_actual = sum(self.readable(t) for t, _, _ in self.rows)
        return (
            f"{text} | readable n={ok_actual} R={_pct(tp, ok_actual)} "
            f"accepted R={_pct(acc_tp, ok_actual)}"
        )


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "  -  "
