from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from buzon_pipeline.core.model import Field
from buzon_pipeline.core.rules import (
    DIGIT_CONFUSIONS,
    digits_with_confusions,
    email_is_valid,
    luhn_check_digit,
    name_is_plausible,
    normalise_phone,
    nss_is_valid,
    nss_repairs,
    repairs_from_alternatives,
)
from buzon_pipeline.deciding.validate import validate

ten_digits = st.text(alphabet="0123456789", min_size=10, max_size=10)


def make_nss(first_ten: str) -> str:
    return first_ten + str(luhn_check_digit(first_ten))


def test_known_luhn_values():
    # Standard Luhn: payload 7992739871 has check digit 3.
    assert luhn_check_digit("7992739871") == 3
    assert nss_is_valid("79927398713")
    assert not nss_is_valid("79927398710")


@given(ten_digits)
def test_generated_nss_is_valid(first_ten):
    assert nss_is_valid(make_nss(first_ten))


@given(ten_digits, st.integers(0, 10), st.integers(1, 9))
def test_single_digit_change_breaks_check(first_ten, pos, delta):
    nss = make_nss(first_ten)
    wrong = nss[:pos] + str((int(nss[pos]) + delta) % 10) + nss[pos + 1 :]
    assert not nss_is_valid(wrong)


@given(ten_digits)
def test_repairs_find_the_written_nss_among_valid_candidates(first_ten):
    nss = make_nss(first_ten)
    wrong = "0" if nss[3] == "8" else "8"
    assume(nss[3] in DIGIT_CONFUSIONS[wrong])  # a confusion the repair table knows
    broken = nss[:3] + wrong + nss[4:]
    assert not nss_is_valid(broken)  # Luhn catches every single-digit change
    repairs = nss_repairs(broken)
    assert nss in repairs
    assert all(nss_is_valid(c) for c in repairs)


def test_repairs_from_alternatives_finds_unique_fix():
    nss = make_nss("1234567890")
    digits = list(nss)
    digits[4] = "1" if nss[4] != "1" else "2"
    alternatives = [[(d, 0.9)] for d in digits]
    alternatives[4] = [(digits[4], 0.6), (nss[4], 0.3)]
    assert repairs_from_alternatives(digits, alternatives) == [(nss, 0.3)]


@given(st.text(alphabet="0123456789", min_size=10, max_size=10).filter(lambda s: len(set(s)) > 1))
def test_phone_formats_normalise_to_ten_digits(digits):
    formats = [
        digits,
        f"{digits[:2]} {digits[2:6]} {digits[6:]}",
        f"{digits[:2]}-{digits[2:6]}-{digits[6:]}",
        f"+52 {digits[:2]} {digits[2:6]} {digits[6:]}",
        f"({digits[:2]}) {digits[2:6]}-{digits[6:]}",
    ]
    assert {normalise_phone(f) for f in formats} == {digits}


def test_phone_rejects_wrong_lengths():
    assert normalise_phone("12345") is None
    assert normalise_phone("55123456789") is None
    assert normalise_phone("0000000000") is None


def test_confusions_map_letters_to_digits():
    assert digits_with_confusions("O1 2S-B") == "01258"


def test_email_syntax():
    assert email_is_valid("maria.lopez@gmail.com")
    assert not email_is_valid("maria.lopezgmail.com")
    assert not email_is_valid("maria@gmail,com")


def test_name_plausibility():
    assert name_is_plausible("María López Hernández")
    assert not name_is_plausible("López")
    assert not name_is_plausible("Juan 123")


def _fields(**values):
    return {k: Field(v, 0.95, present=v is not None) for k, v in values.items()}


def test_minimum_data_complete():
    v = validate(
        _fields(
            nombre="Ana Ruiz Paz", nss=make_nss("1234567890"), telefono="5512345678", correo=None
        ),
        0.6,
    )
    assert v.minimum and v.contact and v.nss_valid and not v.uncertain


def test_contact_without_nss_is_not_minimum():
    v = validate(_fields(nombre="Ana Ruiz Paz", nss=None, telefono="5512345678", correo=None), 0.6)
    assert v.contact and not v.minimum and not v.uncertain


def test_invalid_nss_written_is_uncertain():
    fields = _fields(nombre="Ana Ruiz Paz", nss=None, telefono="5512345678", correo=None)
    fields["nss"] = Field(None, 0.9, raw="12345678901", present=True)
    v = validate(fields, 0.6)
    assert not v.nss_valid and v.nss_written and v.uncertain


def test_unreadable_contact_is_uncertain_only_when_it_decides_the_route():
    fields = _fields(nombre="Ana Ruiz Paz", nss=None, telefono=None, correo=None)
    fields["telefono"] = Field(None, 0.2, raw="55 12", present=True)
    assert validate(fields, 0.6).uncertain
    fields["correo"] = Field("ana@gmail.com", 0.9, present=True)
    assert not validate(fields, 0.6).uncertain


def test_invalid_nss_without_contact_is_only_a_note():
    fields = _fields(nombre="Ana Ruiz Paz", nss=None, telefono=None, correo=None)
    fields["nss"] = Field(None, 0.9, raw="12345678901", present=True)
    v = validate(fields, 0.6)
    assert not v.uncertain and not v.contact and any("NSS" in n for n in v.notes)


def test_recover_email_restores_misread_at_only_before_known_domains():
    from buzon_pipeline.core.rules import recover_email

    assert recover_email("ADIAZOICLOUD.COM") == ("adiaz@icloud.com", True)
    assert recover_email("ana.ruiz@gmail.com") == ("ana.ruiz@gmail.com", False)
    assert recover_email("anaruizOmiempresa.com") == (None, False)


def test_per_field_thresholds_override_the_default():
    fields = _fields(nombre="Ana Ruiz Paz", nss=make_nss("1234567890"), telefono="5512345678",
                     correo=None)
    fields["telefono"] = Field("5512345678", 0.8, present=True)
    assert not validate(fields, 0.6).uncertain
    assert validate(fields, 0.6, {"telefono": 0.9}).uncertain


def test_a_name_read_under_the_threshold_is_not_offered_as_a_value():
    fields = _fields(nombre=None, nss=None, telefono="5512345678", correo=None)
    fields["nombre"] = Field("Deegio Ode Velasco", 0.37, raw="Deegio Ode) Velasco", present=True)
    v = validate(fields, 0.6)
    assert v.fields["nombre"].value is None and v.fields["nombre"].raw == "Deegio Ode) Velasco"
    assert not v.name_valid and any("nombre" in n for n in v.notes)
    # Without an NSS the petition waits for a call anyway: the name does not decide the route.
    assert not v.uncertain


def test_an_unreadable_name_goes_to_review_when_it_decides_folio_or_contact():
    fields = _fields(nombre=None, nss=make_nss("1234567890"), telefono="5512345678", correo=None)
    fields["nombre"] = Field("Deegio Ode Velasco", 0.37, present=True)
    assert any("nombre" in r for r in validate(fields, 0.6).uncertain)
    fields["nombre"] = Field("Sergio Ortega Velasco", 0.9, present=True)
    v = validate(fields, 0.6)
    assert v.minimum and not v.uncertain and v.fields["nombre"].value == "Sergio Ortega Velasco"


def test_a_contact_or_nss_value_under_its_threshold_is_kept_only_as_raw():
    fields = _fields(nombre="Ana Ruiz Paz", nss=make_nss("1234567890"), telefono=None, correo=None)
    fields["telefono"] = Field("5512345678", 0.4, raw="55 1234 5678", present=True)
    v = validate(fields, 0.6)
    # The sole contact datum decides the route: review, with the reading kept for the reviewer.
    assert v.fields["telefono"].value is None and v.fields["telefono"].raw == "55 1234 5678"
    assert not v.contact and any("Teléfono" in r for r in v.uncertain)
    fields["correo"] = Field("ana@gmail.com", 0.9, present=True)
    v = validate(fields, 0.6)
    assert v.contact and v.minimum and not v.uncertain and any("Teléfono" in n for n in v.notes)
    fields["nss"] = Field(make_nss("1234567890"), 0.5, present=True)
    v = validate(fields, 0.6)
    assert v.fields["nss"].value is None and not v.nss_valid
    assert any("NSS leído con confianza baja" in r for r in v.uncertain)


def test_a_reading_that_is_no_name_is_not_offered_as_one():
    fields = _fields(nombre="A", nss=None, telefono=None, correo=None)
    fields["nombre"] = Field("CAMLCOS O[£160A", 0.3, raw="CAMLCOS O[£160A", present=True)
    v = validate(fields, 0.6)
    assert v.fields["nombre"].value is None and v.fields["nombre"].present
    assert v.fields["nombre"].raw == "CAMLCOS O[£160A" and not v.name_valid
