from __future__ import annotations

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
    assert outcome(verdict=v(p=0.02)).outcome is Outcome.DESCARTADO


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
