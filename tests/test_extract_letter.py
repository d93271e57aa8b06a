from __future__ import annotations

from buzon_pipeline.core.model import PageAnalysis
from buzon_pipeline.core.rules import luhn_check_digit
from buzon_pipeline.reading.letter import extract_letter

NSS = "4512907831" + str(luhn_check_digit("4512907831"))


def letter(text: str, confidence: float = 0.9) -> dict:
    spans, pos = [], 0
    for word in text.split(" "):
        spans.append((pos, pos + len(word), confidence))
        pos += len(word) + 1
    page = PageAnalysis("a.pdf", "x", 1, False, None, text, 0.9, tuple(spans))
    return extract_letter([page])


def test_labelled_data_in_signature_block():
    fields = letter(
        "A quien corresponda:\nme quejo de la espera.\nAtentamente\nMaría López Hernández\n"
        f"NSS: {NSS[:4]} {NSS[4:8]} {NSS[8:]}\nCel. (55) 1234-5678\ncorreo: maria.lh@gmail.com"
    )
    assert fields["nss"].value == NSS
    assert fields["telefono"].value == "5512345678"
    assert fields["correo"].value == "maria.lh@gmail.com"
    assert fields["nombre"].value == "María López Hernández"


def test_bare_number_is_nss_only_if_check_digit_passes():
    bad = NSS[:10] + str((int(NSS[10]) + 1) % 10)
    assert letter(f"Mi número es {NSS} gracias")["nss"].value == NSS
    assert letter(f"Folio {bad} de la receta")["nss"].value is None


def test_labelled_invalid_nss_read_clearly_is_kept_as_written():
    # People do write NSSs that fail the check digit; validation flags them for review.
    nss = letter("Número de seguridad social 1234 5678 900")["nss"]
    assert nss.present and nss.value == "12345678900"


def test_labelled_invalid_nss_read_poorly_is_at_most_a_suggestion():
    nss = letter("Número de seguridad social 1234 5678 900", confidence=0.7)["nss"]
    assert nss.present and nss.raw == "1234 5678 900"
    assert nss.value is None or nss.confidence < 0.6


def test_phone_is_not_taken_from_the_nss_digits():
    fields = letter(f"mi NSS es {NSS} y ya")
    assert fields["telefono"].value is None


def test_plus52_phone_and_name_phrase():
    fields = letter("Yo, Juan Pérez Soto, pido cita. Tel. +52 33 1234 5678")
    assert fields["telefono"].value == "3312345678"
    assert fields["nombre"].value == "Juan Pérez Soto"


def test_misread_at_before_known_domain_is_recovered_with_lower_confidence():
    email = letter("correo: valecontreras60O hotmail.com")["correo"]
    assert email.value == "valecontreras60@hotmail.com"
    assert email.confidence < 0.9


def test_email_typo_is_present_but_invalid():
    email = letter("correo: juanperez gmail")["correo"]
    assert email.present and email.value is None


def test_misread_at_without_space_and_correo_es_phrase():
    email = letter("Mi correo es jose_varQicloud.com. Gracias")["correo"]
    assert email.value == "jose_var@icloud.com"


def test_email_at_the_end_of_a_sentence_does_not_take_the_next_line():
    fields = letter(
        "Pido que me atiendan.\nMi correo es ana.ruiz@hotmail.com.\nRespetuosamente\nAna Ruiz Paz"
    )
    assert fields["correo"].value == "ana.ruiz@hotmail.com"
