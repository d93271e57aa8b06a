from __future__ import annotations

from buzon_pipeline.deciding.classify import verdict
from buzon_pipeline.deciding.textclass import TextScores

TIPOS = {"orientacion": 0.05, "gestion": 0.05, "queja_servicio": 0.40, "queja_administrativa": 0.05,
         "sugerencia": 0.35, "reconocimiento": 0.10}
SCORES = TextScores(0.9, TIPOS, {"urgencias": 1.0}, 0.01)


def test_without_marks_the_text_decides():
    v = verdict(SCORES, 0.9, None, 2.0)
    assert v.tipo == "queja_servicio" and abs(v.tipo_confidence - 0.40) < 1e-9


def test_a_marked_box_tips_a_close_call_and_raises_confidence():
    v = verdict(SCORES, 0.9, {"sugerencia": True, "queja": False}, 2.0)
    assert v.tipo == "sugerencia"
    assert abs(v.tipo_confidence - 0.70 / 1.35) < 1e-9


def test_a_mark_does_not_override_a_clear_text():
    clear = TextScores(0.9, {**TIPOS, "queja_servicio": 0.85, "sugerencia": 0.0}, {}, 0.0)
    assert verdict(clear, 0.9, {"reconocimiento": True}, 2.0).tipo == "queja_servicio"
