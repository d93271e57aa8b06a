"""A small real evaluation run: the harness generates, processes and scores without crashing,
and every figure is in its range. Targets are not asserted here (see the closing notes)."""

from __future__ import annotations

import json

import pytest

from buzon_pipeline.config import Settings
from buzon_pipeline.evaluation.harness import run_split, write_outputs
from buzon_pipeline.synth import fonts

pytestmark = pytest.mark.slow


def test_small_dev_evaluation_runs_and_reports_sane_figures(tmp_path):
    # Without the handwriting cache (a bare CI machine) the old fonts, and the report says so.
    hands = "ambos" if fonts.hands_available("dev") and fonts.hands_available("train") else (
        "anterior"
    )
    report, pairs = run_split(
        "dev", 8, Settings(workers=2), workdir=tmp_path / "trabajo", hands=hands
    )
    controls = [p for p in pairs if p.truth.get("control_vistos")]
    assert report.n == len(pairs) - len(controls) == 8
    assert all(p.pred is not None for p in pairs), "every generated document gets a record"
    assert 0.0 <= report.routing_accuracy <= 1.0
    assert 0.0 <= report.straight_through <= 1.0
    assert report.false_discards >= 0 and report.seconds_per_page > 0
    assert sum(sum(row.values()) for row in report.confusion.values()) == 8
    for stats in report.fields_all.values():
        for key in ("precision", "recall"):
            assert stats[key] is None or 0.0 <= stats[key] <= 1.0
    # Seen and unseen handwriting apart: dev families, and the same seeds in training hands.
    if hands == "ambos":
        hand = [p for p in pairs if p.truth.get("font_kind") == "handwriting"]
        assert len(controls) == len(hand) / 2 > 0
        assert {"dev", "visto"} <= set(report.by_hand)
    text = write_outputs(report, pairs, tmp_path / "salida", "prueba")
    assert "exactitud de ruteo" in text and "### Por tipo de letra" in text
    saved = json.loads((tmp_path / "salida" / "evaluacion.json").read_text(encoding="utf-8"))
    assert len(saved["documents"]) == len(pairs)
    assert saved["report"]["by_hand"] and saved["report"]["hands"] == hands
    assert all(d["mano"] for d in saved["documents"] if d["font_kind"])
