"""Escrito libre extraction: signature blocks, OCR-mangled e-mails, numbers re-read from pixels."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image

from buzon_pipeline.core.model import Field, PageAnalysis
from buzon_pipeline.core.rules import luhn_check_digit
from buzon_pipeline.reading.digits import DigitModel
from buzon_pipeline.reading.letter import DISAGREEMENT_CONFIDENCE, extract_letter
from buzon_pipeline.reading.letter_page import read_digit_string

NSS = "4512907831" + str(luhn_check_digit("4512907831"))


def page(text: str, conf: float = 0.9, low: dict[str, float] | None = None, fields=None):
    """A letter page whose words are read with `conf`, or `low[word]` for the words named."""
    low = low or {}
    spans, pos = [], 0
    for line in text.split("\n"):
        for word in line.split(" "):
            spans.append((pos, pos + len(word), low.get(word, conf)))
            pos += len(word) + 1
    return PageAnalysis("a.pdf", "x", 1, False, None, text, conf, tuple(spans), fields or {})


def fields_of(text: str, **kwargs) -> dict[str, Field]:
    return extract_letter([page(text, **kwargs)])


# --- nombre ----------------------------------------------------------------------------------


def test_signature_scribble_read_as_words_is_not_the_name():
    fields = fields_of(
        "Espero que tomen cartas en el asunto.\nAtentamente\nUNO LO\nJose Aguilar Muñoz\n"
        "Cel: (55) 2207-0705",
        low={"UNO": 0.4, "LO": 0.45},
    )
    assert fields["nombre"].value == "Jose Aguilar Muñoz"
    assert fields["telefono"].value == "5522070705"


def test_atte_closing_and_short_scribble():
    fields = fields_of("Pido que se haga algo al respecto.\nAtte.\nA A\nLeticia Castillo Escobar")
    assert fields["nombre"].value == "Leticia Castillo Escobar"


def test_name_loses_the_punctuation_ocr_adds():
    fields = fields_of("Gracias por todo.\nRespetuosamente,\nClaudia Ramos Gómez :\nNSS: " + NSS)
    assert fields["nombre"].value == "Claudia Ramos Gómez"
    assert fields["nss"].value == NSS


def test_name_confidence_is_its_own_words():
    fields = fields_of("Atentamente\nMaría López Hernández", low={"López": 0.41})
    assert fields["nombre"].value == "María López Hernández"
    assert fields["nombre"].confidence == pytest.approx(0.41)


def test_scribble_alone_is_no_name():
    assert fields_of("Atentamente\nUNO LO")["nombre"].value is None


# --- correo ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mi correo es gustavovaldez14(0 hotmail.com.", "gustavovaldez14@hotmail.com"),
        ("mail: YESENIA.TORRESOYAHOO.COM", "yesenia.torres@yahoo.com"),
        ("correo: valecontreras60O hotmail.com", "valecontreras60@hotmail.com"),
    ],
)
def test_at_sign_misread_is_restored_at_reduced_confidence(text, expected):
    email = fields_of(text)["correo"]
    assert email.value == expected
    assert email.confidence < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "Mi correo es xochitlbeltran850 Oprodigy.net.mx.",  # "@@" as written, read "0 O"
        "correo: xochitlbeltran85@@prodigy.net.mx",
        "correo: juanpablohotmail.com",  # written without "@": not "juanpabl@"
        "correo: juan @ gmail com",
        "correo: ana@hotmail,com",
    ],
)
def test_unusable_addresses_are_present_but_empty(text):
    email = fields_of(text)["correo"]
    assert email.present
    assert email.value is None


def test_address_is_a_whole_token():
    assert fields_of("escriban a x@@gmail.com por favor")["correo"].value is None
    assert fields_of("escriban a ana.paz@gmail.com por favor")["correo"].value == (
        "ana.paz@gmail.com"
    )


# --- numbers re-read from the page image ------------------------------------------------------


def test_reread_number_fills_what_the_page_text_lost():
    reread = {"telefono": Field("6188918834", 0.93, (0, 0, 9, 9), "6188918834", present=True)}
    fields = extract_letter([page("Whatsapp: 6l8.89l.88B4", fields=reread)])
    assert fields["telefono"].value == "6188918834"
    assert fields["telefono"].confidence == pytest.approx(0.93)


def test_disagreeing_readings_keep_the_value_but_go_to_review():
    reread = {"telefono": Field("5581961669", 0.95, None, "5581961669", present=True)}
    fields = extract_letter([page("Tel. 55 8108 2669", conf=0.7, fields=reread)])
    assert fields["telefono"].value == "5581082669"
    assert fields["telefono"].confidence <= DISAGREEMENT_CONFIDENCE


def test_reread_that_found_nothing_keeps_the_field_present():
    reread = {"nss": Field(None, 0.0, None, "70770", present=True)}
    fields = extract_letter([page("mi número de afiliación es ilegible", fields=reread)])
    assert fields["nss"].value is None
    assert fields["nss"].present


def _handwritten(text: str, seed: int) -> np.ndarray:
    from buzon_pipeline.synth import ink

    rng = random.Random(seed)
    writer = ink.random_writer(rng, "handwriting", legible=True)
    canvas = Image.new("RGB", (1400, 160), (255, 255, 255))
    ink.write(canvas, text, (20, 110), writer, 70, rng)
    return np.asarray(canvas.convert("L"))


@pytest.mark.parametrize("seed", [2, 3, 5])
def test_handwritten_digit_string_is_read_digit_by_digit(seed):
    digits, conf = read_digit_string(_handwritten("618-891-8834", seed), DigitModel.load())
    assert digits == "6188918834"
    assert conf > 0.5


@pytest.mark.parametrize("seed", [1, 3, 5])
def test_plus_sign_and_spaces_are_separators(seed):
    digits, _ = read_digit_string(_handwritten("+52 33 1234 5678", seed), DigitModel.load())
    assert digits == "523312345678"


@pytest.mark.parametrize("seed", [1, 6])
def test_parentheses_around_the_area_code_are_not_digits(seed):
    digits, _ = read_digit_string(_handwritten("(55) 2207-0705", seed), DigitModel.load())
    assert digits == "5522070705"


def test_small_zeros_of_a_hand_are_digits_not_separators():
    digits, _ = read_digit_string(_handwritten("07067708722", 1), DigitModel.load())
    assert digits == "07067708722"


def test_letters_taken_for_digits_keep_the_reading_under_the_review_threshold():
    # "casa" comes out as four digits: the ten digits must not pass as a confident phone
    _, conf = read_digit_string(_handwritten("55 casa 1234", 2), DigitModel.load())
    assert conf < 0.6


# --- numbers in the page text ----------------------------------------------------------------


def test_nss_on_the_line_after_its_label_and_no_phone_from_its_digits():
    bad = NSS[:10] + str((int(NSS[10]) + 1) % 10)
    text = f"Soy derechohabiente, y mi número de seguridad social es\n{bad[:10]}-{bad[10]}."
    fields = fields_of(text)
    # Read clearly, a failing NSS is kept as written (validation flags it), never as a phone.
    assert fields["nss"].present and fields["nss"].value == bad
    assert fields["telefono"].value is None
    fields = fields_of(f"mi número de seguridad social es\n{NSS}\nGracias")
    assert fields["nss"].value == NSS


def test_repaired_nss_is_only_a_suggestion():
    # one digit off: the Luhn repair may propose a value, but never above the review threshold
    bad = NSS[:3] + str((int(NSS[3]) + 1) % 10) + NSS[4:]
    nss = fields_of(f"NSS: {bad}", conf=0.7)["nss"]
    assert nss.value is None or nss.confidence < 0.6
    # Read clearly, it is what the person wrote: kept as written, not silently repaired.
    assert fields_of(f"NSS: {bad}")["nss"].value == bad


def test_phone_read_from_text_with_middling_confidence_goes_to_review():
    fields = fields_of("Pueden comunicarse conmigo al 8711076485.", conf=0.68)
    assert fields["telefono"].value == "8711076485"
    assert fields["telefono"].confidence < 0.6
    confident = fields_of("Pueden comunicarse conmigo al 8719076685.", conf=0.95)
    assert confident["telefono"].confidence == pytest.approx(0.95)


def test_misspelt_handwritten_closing_is_found():
    from buzon_pipeline.reading.letter import last_closing

    text = "me dijeron que regresara.\nATEMTAMENTE\nAAA\nGerardo Cruz"
    start, end = last_closing(text)
    assert text[start:end] == "ATEMTAMENTE"
    assert last_closing("Me atendieron amablemente.\nGracias") is not None
    assert last_closing("Totalmente\nde acuerdo") is None


@pytest.mark.parametrize("name", ["Xóchitl Sánchez Tlatelpa", "Marcela Celis Nicolás"])
def test_names_containing_label_letters_are_names(name):
    fields = fields_of(f"Sin más por el momento.\nAtte.\n{name}\nN.S.S. {NSS}")
    assert fields["nombre"].value == name


def test_name_read_with_very_low_confidence_is_present_but_not_offered():
    fields = fields_of("Atentamente\nBeja Gonález Ávila", low={"Beja": 0.19})
    assert fields["nombre"].value is None
    assert fields["nombre"].present
    assert fields["nombre"].raw == "Beja Gonález Ávila"


@pytest.mark.parametrize(
    "signature",
    ["Un derechohabiente Inconforme", "Una madre preocupada", "Derechohabiente de la clínica"],
)
def test_anonymous_signature_phrase_is_no_name(signature):
    assert fields_of(f"Atentamente\n{signature}")["nombre"].value is None


def test_name_phrase_stops_at_the_first_ordinary_word():
    fields = fields_of("Mi nombre es Juan Pérez de la Cruz y quiero una cita.")
    assert fields["nombre"].value == "Juan Pérez de la Cruz"


def test_leading_exclamation_mark_is_not_part_of_the_name():
    assert fields_of("Atentamente\n¡Germán Vázquez Contreras")["nombre"].value == (
        "Germán Vázquez Contreras"
    )


def test_closing_after_ocr_specks_and_lowercased_first_name():
    fields = fields_of(
        "Gracias por leer.\n. * Atentamente\nMAD\njuan Zamora Rodriguez\nTel: 55 1234 5678"
    )
    assert fields["nombre"].value == "juan Zamora Rodriguez"
