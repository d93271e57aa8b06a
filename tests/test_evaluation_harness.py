"""A small real evaluation run: the harness generates, processes and scores without crashing,
and every figure is in its range. Targets are not asserted here (see the closing notes)."""

from __future__ import annotations

import json

import pytest

from buzon_pipeline.config import Settings
from buzon_pipeline.evaluation.harness import run_split, write_outputs

pytestmark = pytest.mark.slow


def test_small_dev_evaluation_runs_and_reports_sane_figures(tmp_path):
    report, pairs = run_split("dev", 8, Settings(workers=2), workdir=tmp_path / "trabajo")
    assert report.n == len(pairs) == 8
    assert all(p.pred is not None for p in pairs), "every generated document gets a record"
    assert 0.0 <= report.routing_accuracy <= 1.0
    assert 0.0 <= report.straight_through <= 1.0
    assert report.false_discards >= 0 and report.seconds_per_page > 0
    assert sum(sum(row.values()) for row in report.confusion.values()) == 8
    for stats in report.fields_all.values():
        for key in ("precision", "recall"):
            assert stats[key] is None or 0.0 <= stats[key] <= 1.0
    text = write_outputs(report, pairs, tmp_path / "salida", "prueba")
    assert "exactitud de ruteo" in text
    saved = json.loads((tmp_path / "salida" / "evaluacion.json").read_text(encoding="utf-8"))
    assert len(saved["documents"]) == 8
