from __future__ import annotations

import pytest

from buzon_pipeline.extract_volante import checked_confidence


def test_check_digit_raises_confidence_in_a_passing_nss():
    assert checked_confidence(1.0) == 1.0
    assert checked_confidence(0.9) == pytest.approx(0.9 / 0.91)
    assert checked_confidence(0.5) > 0.9
    assert checked_confidence(0.0) == 0.0
