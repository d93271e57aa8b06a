"""When a comb's reading is trusted (issue 12): a passing check digit never vouches for an NSS
whose cells were doubtful, and a phone is trusted only when its weakest cell is sure."""

from __future__ import annotations

import random

import numpy as np
import pytest

from buzon_pipeline.config import Settings
from buzon_pipeline.core.rules import nss_is_valid
from buzon_pipeline.reading.digits import DigitReading
from buzon_pipeline.reading.volante import DOUBTFUL_CELL, read_comb
from buzon_pipeline.synth.people import make_nss

BOX = (0, 0, 10, 10)


class _Canned:
    """Stands in for DigitModel: returns fixed readings, whatever the cells look like."""

    def __init__(self, readings: list[DigitReading]) -> None:
        self.readings = readings

    def read_cells(self, cells: list[np.ndarray]) -> list[DigitReading]:
        assert len(cells) == len(self.readings)
        return self.readings


def _readings(text: str, confidences: list[float]) -> list[DigitReading]:
    out = []
    for digit, conf in zip(text, confidences, strict=True):
        other = str((int(digit) + 1) % 10)
        out.append(DigitReading(digit, conf, ((digit, conf), (other, 1 - conf))))
    return out


def _blank_comb() -> np.ndarray:
    return np.full((120, 900), 255, np.uint8)


@pytest.fixture(scope="module")
def nss() -> str:
    value = make_nss(random.Random(7), valid=True)
    assert nss_is_valid(value)
    return value


def test_a_sure_nss_that_passes_its_check_digit_is_trusted(nss):
    field, note = read_comb(_blank_comb(), 11, _Canned(_readings(nss, [0.99] * 11)), True, BOX)
    assert field.value == nss and note is None
    assert field.confidence >= Settings().min_nss_confidence


def test_one_doubtful_cell_is_vouched_for_by_the_check_digit(nss):
    # a single wrong digit never passes the check, so one unsure cell that passes it is right
    confidences = [0.99] * 11
    confidences[4] = 0.55
    field, _ = read_comb(_blank_comb(), 11, _Canned(_readings(nss, confidences)), True, BOX)
    assert field.value == nss
    assert field.confidence >= Settings().min_nss_confidence


@pytest.mark.parametrize("doubtful", [(2, 9), (0, 5, 10)])
def test_a_passing_check_digit_is_not_trusted_when_cells_were_doubtful(nss, doubtful):
    # two wrong digits pass the check about one time in ten: the weakest cell must speak
    confidences = [0.99] * 11
    for index in doubtful:
        confidences[index] = DOUBTFUL_CELL - 0.05
    field, _ = read_comb(_blank_comb(), 11, _Canned(_readings(nss, confidences)), True, BOX)
    assert field.value == nss  # kept as written, for the reviewer
    assert field.confidence < Settings().min_nss_confidence


def test_a_phone_is_trusted_only_when_its_weakest_cell_is_sure():
    phone = "5512345678"
    settings = Settings()
    sure = _readings(phone, [0.999] * 10)
    field, _ = read_comb(_blank_comb(), 10, _Canned(sure), False, BOX)
    assert field.value == phone and field.confidence >= settings.min_digit_confidence
    unsure = _readings(phone, [0.999] * 9 + [settings.min_digit_confidence - 0.02])
    field, _ = read_comb(_blank_comb(), 10, _Canned(unsure), False, BOX)
    assert field.confidence < settings.min_digit_confidence
