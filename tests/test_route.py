from __future__ import annotations

from dataclasses import replace

from buzon_pipeline.core.model import Field, Kind, Outcome, RouteThresholds, TextVerdict
from buzon_pipeline.core.rules import luhn_check_digit
from buzon_pipeline.deciding.route import decide
from buzon_pipeline.deciding.validate import validate

T = RouteThresholds(
    es_peticion_descartar=0.1, es_peticion_aceptar=0.5, tipo_min=0.4, caso_especial=0.5
)
NSS = "1234567890" + str(luhn_check_digit("1234567890"))
TEXT = "La doctora me hizo esperar tres horas en consulta externa."


def v(p=0.95, tipo="queja_servicio", conf=0.9, special=0.0, motivo=None):
    return TextVerdict(p, tipo, conf, special, caso_especial_motivo=motivo)


def fields(nombre="Ana Ruiz Paz", nss=NSS, telefono="5512345678", correo=None):
    values = {"nombre": nombre, "nss": nss, "telefono": telefono, "correo": correo}
    return validate({k: Field(x, 0.9, present=x is not None) for k, x in values.items()}, 0.6)


def outcome(kind=Kind.ESCRITO_LIBRE, text=TEXT, verdict=None, validation=None, marks=None):
    return decide(kind, text, verdict or v(), validation or fields(), T, marks)


def test_routing_table():
    assert outcome().outcome is Outcome.FOLIO
    assert outcome(validation=fields(nss=None)).outcome is Outcome.PENDIENTE_CONTACTO
    assert outcome(validation=fields(nss=None, telefono=None)).outcome is Outcome.PUBLICO_GENERAL
    # A page with a name and contact data is never discarded (see below); a flyer is.
    assert outcome(verdict=v(p=0.02)).outcome is Outcome.REVISION
    assert outcome(text=FLYER, verdict=v(p=0.02), validation=NO_DATA).outcome is (
        Outcome.DESCARTADO
    )


def test_uncertain_cases_go_to_review_with_reasons():
    unsure_petition = outcome(verdict=v(p=0.3))
    assert unsure_petition.outcome is Outcome.REVISION
    assert any("petición" in r for r in unsure_petition.reasons)
    unsure_type = outcome(verdict=v(conf=0.2))
    assert unsure_type.outcome is Outcome.REVISION and any("Tipo" in r for r in unsure_type.reasons)


def test_volante_is_never_discarded_automatically():
    assert outcome(kind=Kind.VOLANTE, verdict=v(p=0.01)).outcome is Outcome.REVISION


def test_caso_especial_is_never_discarded_and_is_flagged():
    decision = outcome(verdict=v(p=0.05, special=0.9, motivo="muerte («murió»)"))
    assert decision.outcome is not Outcome.DESCARTADO
    assert any("Caso especial" in r and "muerte («murió»)" in r for r in decision.reasons)


def test_unreadable_text_page_goes_to_review():
    assert outcome(text="  ").outcome is Outcome.REVISION


def _text_says(tipo, p):
    return TextVerdict(0.95, tipo, p, 0.0, text_tipo=tipo, text_tipo_confidence=p)


def test_checkbox_disagreement_goes_to_review_unless_the_text_is_confident():
    marked_queja = {"queja": True}
    unsure = outcome(kind=Kind.VOLANTE, verdict=_text_says("sugerencia", 0.6), marks=marked_queja)
    assert unsure.outcome is Outcome.REVISION
    assert any("marcó" in r and "Confirme" in r for r in unsure.reasons)
    # Above tipo_contra_marca (0.90 by default) the text's type stands, and says so.
    sure = outcome(kind=Kind.VOLANTE, verdict=_text_says("sugerencia", 0.97), marks=marked_queja)
    assert sure.outcome is Outcome.FOLIO
    assert any("marcó" in r for r in sure.reasons)


def test_a_reconocimiento_mark_never_becomes_a_complaint_without_review():
    praise = {"reconocimiento": True}
    verdict = _text_says("queja_servicio", 0.99)
    assert outcome(kind=Kind.VOLANTE, verdict=verdict, marks=praise).outcome is Outcome.REVISION
    agreeing = _text_says("reconocimiento", 0.6)
    assert outcome(kind=Kind.VOLANTE, verdict=agreeing, marks=praise).outcome is Outcome.FOLIO


def test_poorly_read_letter_is_neither_discarded_nor_public_without_review():
    blurry = TextVerdict(0.02, "queja_servicio", 0.9, 0.0, text_confidence=0.4)
    assert outcome(verdict=blurry).outcome is Outcome.REVISION
    no_contact = TextVerdict(0.9, "queja_servicio", 0.9, 0.0, text_confidence=0.4)
    decision = outcome(verdict=no_contact, validation=fields(nss=None, telefono=None))
    assert decision.outcome is Outcome.REVISION
    assert any("poco legible" in r for r in decision.reasons)


def test_poorly_read_letter_with_complete_data_still_gets_its_folio():
    read_badly = TextVerdict(0.9, "queja_servicio", 0.9, 0.0, text_confidence=0.4)
    assert outcome(verdict=read_badly).outcome is Outcome.FOLIO


def test_a_filled_volante_is_a_petition_unless_its_text_clearly_is_not():
    # Between the discard cut and the acceptance cut a letter is doubtful; a volante is a
    # petition form, so its text only makes it doubtful below the discard cut.
    assert outcome(verdict=v(p=0.3)).outcome is Outcome.REVISION
    assert outcome(kind=Kind.VOLANTE, verdict=v(p=0.3)).outcome is Outcome.FOLIO
    below = outcome(kind=Kind.VOLANTE, verdict=v(p=0.05))
    assert below.outcome is Outcome.REVISION and any("petición" in r for r in below.reasons)


# -- never discard what was not read (issue 13, item 3) -----------------------------------------
# A flyer's text: many words, well read, no greeting, signature, long number or contact data.
FLYER = (
    "Campaña de vacunación contra la influenza. Acude a tu Unidad de Medicina Familiar con tu "
    "cartilla. Horario de lunes a viernes de ocho a veinte horas. Consulta más información en "
    "la unidad."
)
NO_DATA = fields(nombre=None, nss=None, telefono=None)
NOT_PETITION = v(p=0.02)


def _discard(text=FLYER, verdict=NOT_PETITION, validation=NO_DATA):
    return decide(Kind.ESCRITO_LIBRE, text, verdict, validation, T)


def test_a_confident_well_read_non_petition_is_discarded():
    assert _discard().outcome is Outcome.DESCARTADO


def test_a_poor_reading_is_never_discarded():
    blurry = TextVerdict(0.02, "queja_servicio", 0.9, 0.0, text_confidence=0.45)
    decision = _discard(verdict=blurry)
    assert decision.outcome is Outcome.REVISION
    assert any("Lectura pobre" in r and "45%" in r for r in decision.reasons)
    assert sum("legible" in r or "Lectura pobre" in r for r in decision.reasons) == 1


def test_a_page_with_few_words_read_is_never_discarded():
    decision = _discard(text="Campaña de vacunación en la unidad.")
    assert decision.outcome is Outcome.REVISION
    assert any("pocas palabras (6)" in r for r in decision.reasons)
    # Ten words (the default cut) are enough.
    ten = "Campaña de vacunación en la unidad de medicina familiar número veinte."
    assert _discard(text=ten).outcome is Outcome.DESCARTADO
    # The cut is a setting: with a lower one the same short text may be discarded.
    lenient = RouteThresholds(0.1, 0.5, 0.4, 0.5, min_discard_words=3)
    short = decide(Kind.ESCRITO_LIBRE, "Campaña de vacunación en la unidad.", NOT_PETITION,
                   NO_DATA, lenient)
    assert short.outcome is Outcome.DESCARTADO


def _kept_because(text: str, what: str) -> None:
    decision = _discard(text=f"{FLYER}\n{text}")
    assert decision.outcome is Outcome.REVISION, text
    assert any(what in r and "no se descarta" in r for r in decision.reasons), decision.reasons


def test_a_greeting_keeps_the_page_from_being_discarded():
    _kept_because("Estimado director de la unidad:", "un saludo")
    _kept_because("A quien corresponda", "un saludo")
    _kept_because("Buenos dias, por medio de la presente", "un saludo")


def test_a_signature_block_keeps_the_page_from_being_discarded():
    _kept_because("Atentamente\nMaría López", "despedida o firma")
    _kept_because("Sin otro particular, quedo a sus órdenes", "despedida o firma")
    _kept_because("Nombre y firma ____________", "despedida o firma")


def test_an_nss_like_number_keeps_the_page_from_being_discarded():
    _kept_because(f"mi número es {NSS}", "número de seguridad social")
    _kept_because("1234 56 7890 1", "número de seguridad social")
    # OCR confusions inside the number (O for 0, l for 1) do not hide it.
    _kept_because("12345678O9l", "número de seguridad social")
    # An NSS label whose number was not read counts too.
    _kept_because("No. de Seguridad Social: ____", "número de seguridad social")


def test_contact_data_keeps_the_page_from_being_discarded():
    _kept_because("ana.ruiz@gmail.com", "datos de contacto")
    _kept_because("ana.ruiz © hotmail", "datos de contacto")
    _kept_because("Tel. 55 1234 5678", "datos de contacto")
    _kept_because("mi celular por si necesitan", "datos de contacto")


def test_contact_data_the_extractor_found_keeps_the_page_from_being_discarded():
    # The text pattern may miss what the field extractor read (e.g. digits from the digit model).
    decision = _discard(validation=fields(nombre=None, nss=None, telefono="5512345678"))
    assert decision.outcome is Outcome.REVISION
    assert any("datos de contacto" in r for r in decision.reasons)
    # ... but a toll-free number it took for a phone is a flyer's, not a person's.
    toll_free = fields(nombre=None, nss=None, telefono="8006232323")
    assert _discard(validation=toll_free).outcome is Outcome.DESCARTADO


def test_short_numbers_and_words_with_digit_like_letters_do_not_block_a_discard():
    # A flyer's hours, prices or a folio of 6 digits are no NSS or phone.
    assert _discard(text=f"{FLYER} Costo 120 pesos, folio 123456, de 8:00 a 20:00.").outcome is (
        Outcome.DESCARTADO
    )
    assert _discard(text=f"{FLYER} Sello Oficial Illo Bobo sol").outcome is Outcome.DESCARTADO
    # A toll-free number is an institution's (a flyer's footer), not a person's contact.
    footer = f"{FLYER} IMSS imss.gob.mx 800 623 2323 y 01 800 623 2323"
    assert _discard(text=footer).outcome is Outcome.DESCARTADO


# -- a confident printed non-petition (issue 13, item 6) -----------------------------------------
PRESCRIPTION = (
    "INSTITUTO MEXICANO DEL SEGURO SOCIAL RECETA INDIVIDUAL Paciente: Ana Ruiz Paz "
    f"NSS {NSS} Consultorio 12 Metformina 850 mg 1 tableta cada 12 horas Losartán 50 mg "
    "1 tableta en ayunas diario"
)
RECOGNISED = TextVerdict(0.02, "queja_servicio", 0.9, 0.0, known_nonpetition="una receta médica",
                         known_printed=True)
WITH_NSS = fields(nombre=None, telefono=None)


def test_a_recognised_printed_non_petition_is_discarded_despite_its_numbers():
    # Without the kind model's word the NSS holds the page back, as before.
    assert _discard(PRESCRIPTION, NOT_PETITION, WITH_NSS).outcome is Outcome.REVISION
    decision = _discard(PRESCRIPTION, RECOGNISED, WITH_NSS)
    assert decision.outcome is Outcome.DESCARTADO
    assert any("receta médica" in r for r in decision.reasons)
    phone = f"{FLYER} Informes al Tel. 55 1234 5678"
    assert _discard(phone, RECOGNISED, NO_DATA).outcome is Outcome.DESCARTADO


def test_the_relaxed_guard_never_discards_a_greeting_signature_or_request():
    for extra in (
        "Estimado director de la unidad:",
        "A quien corresponda",
        "Atentamente\nMaría López",
        "Nombre y firma ____________",
        "quiero poner una queja porque no me surtieron",
        "les pido por favor que me den mi medicina",
        "necesito que me ayuden con mi pensión",
        "solicito que se investigue al doctor",
        "sugiero que abran otra ventanilla",
        "felicito a la enfermera del turno de noche",
        "nadie me atendió en urgencias",
    ):
        decision = _discard(f"{PRESCRIPTION}\n{extra}", RECOGNISED, WITH_NSS)
        assert decision.outcome is Outcome.REVISION, extra
        assert any("no se descarta" in r for r in decision.reasons), extra


def test_the_relaxed_guard_still_needs_a_good_reading_and_a_not_a_petition():
    blurry = TextVerdict(0.02, "queja_servicio", 0.9, 0.0, text_confidence=0.45,
                         known_nonpetition="una receta médica", known_printed=True)
    assert _discard(PRESCRIPTION, blurry, WITH_NSS).outcome is Outcome.REVISION
    short = _discard(f"Receta NSS {NSS}", RECOGNISED, WITH_NSS)
    assert short.outcome is Outcome.REVISION
    # A recognised kind widens the discard band up to the accept cut, not beyond.
    doubtful = TextVerdict(0.3, "queja_servicio", 0.9, 0.0, known_nonpetition="una receta médica",
                           known_printed=True)
    assert _discard(PRESCRIPTION, doubtful, WITH_NSS).outcome is Outcome.DESCARTADO
    above = _discard(PRESCRIPTION, replace(doubtful, es_peticion=0.6), WITH_NSS)
    assert above.outcome is not Outcome.DESCARTADO
    assert _discard(verdict=replace(NOT_PETITION, es_peticion=0.3)).outcome is Outcome.REVISION


def test_a_recognised_hand_written_kind_keeps_the_full_guard():
    note = TextVerdict(0.3, "queja_servicio", 0.9, 0.0, known_nonpetition="una nota personal")
    assert _discard(verdict=note).outcome is Outcome.DESCARTADO
    phone = f"{FLYER} Tía Rosa su cel 55 1234 5678"
    decision = _discard(phone, note, NO_DATA)
    assert decision.outcome is Outcome.REVISION
    assert any("datos de contacto" in r or "teléfono" in r for r in decision.reasons)
