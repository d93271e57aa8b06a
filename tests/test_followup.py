"""Contact follow-up commands (acts 47→49 and 48), asserted on the registry's state."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from buzon_pipeline.cli import main
from buzon_pipeline.core.model import DocumentResult, Field, Kind, Outcome, SourceFile
from buzon_pipeline.core.rules import luhn_check_digit
from buzon_pipeline.core.vocab import CONSULTA_URL
from buzon_pipeline.desk.contacts import business_days_between
from buzon_pipeline.errors import ExitCode
from buzon_pipeline.registry.schema import ContactRow
from buzon_pipeline.registry.store import Registry

from .registry_reader import RegistryReader

NSS = "1234567890" + str(luhn_check_digit("1234567890"))
BAD_NSS = NSS[:10] + str((int(NSS[10]) + 1) % 10)
NAME = "Ana Ruiz Paz"
PHONE = "5512345678"
TEXT = "Me negaron la incapacidad del mes pasado y necesito que la revisen por favor"


class Desk(RegistryReader):
    """A registry with one batch and helpers to add documents, as the batch run leaves them."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.registry = Registry(url)
        self.batch = self.registry.start_batch("TAOD", "UMF 20", datetime.now())
        self.source = self.registry.upsert_source(
            SourceFile("lote.pdf", "a" * 64, 10), 10, self.batch
        )
        self.page = 0

    def add(
        self, outcome: Outcome, created: datetime | None = None, text: str = "texto", **values: str
    ) -> int:
        self.page += 1
        fields = {k: Field(v, 0.9, present=True) for k, v in values.items()}
        result = DocumentResult(
            "lote.pdf",
            [self.page],
            Kind.ESCRITO_LIBRE,
            outcome,
            None,
            "queja_servicio",
            False,
            fields,
            ["motivo"],
        )
        registered = self.registry.register(
            result, self.source, self.batch, "UMF 20", text, 0.9, created or datetime.now()
        )
        assert registered.document_id is not None
        return registered.document_id

    def invoke(self, *args: str, env: dict[str, str] | None = None):
        return CliRunner().invoke(main, [*args, "--db", self.url], env=env)

    def contacts(self, doc_id: int) -> list[ContactRow]:
        with self.registry.session() as s:
            return list(s.scalars(select(ContactRow).where(ContactRow.document_id == doc_id)))



@pytest.fixture
def desk(any_db_url: str) -> Desk:
    return Desk(any_db_url)


@pytest.fixture
def sqlite_desk(db_url: str) -> Desk:
    return Desk(db_url)


def folio(seq: int) -> str:
    return f"UMF20-{datetime.now().year}-{seq:05d}"


def test_business_days_count_monday_to_friday():
    friday, saturday, monday = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 23)
    assert business_days_between(friday, monday) == 1
    assert business_days_between(saturday, monday) == 1
    assert business_days_between(monday, monday) == 0
    assert business_days_between(monday, monday + timedelta(days=14)) == 10
    assert business_days_between(monday, friday) == 0


def test_contactos_lists_who_how_what_is_missing_and_days_open(desk):
    old = datetime.now() - timedelta(days=9)
    no_nss = desk.add(Outcome.PENDIENTE_CONTACTO, old, nombre=NAME, telefono=PHONE)
    no_name = desk.add(Outcome.PENDIENTE_CONTACTO, correo="ana@example.com", nss=NSS)
    desk.add(Outcome.FOLIO, nombre="Otra Persona", nss=NSS, telefono=PHONE)

    result = desk.invoke("contactos", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["document_id"] for r in rows] == [no_nss, no_name]  # oldest first
    first, second = rows
    assert (first["nombre"], first["telefono"], first["correo"]) == (NAME, PHONE, None)
    assert first["missing"] == ["nss"] and second["missing"] == ["nombre"]
    assert first["business_days_open"] == business_days_between(old.date(), date.today())
    assert second["business_days_open"] == 0

    text = desk.invoke("contactos")
    assert text.exit_code == 0
    assert "Pendientes de contacto: 2" in text.output and "NSS" in text.output
    assert PHONE in text.output and "ana@example.com" in text.output


def test_obtained_minimum_data_registers_the_petition_with_a_folio(desk):
    desk.add(Outcome.FOLIO, nombre="Otra Persona", nss="98765432109", telefono=PHONE)
    doc = desk.add(Outcome.PENDIENTE_CONTACTO, nombre=NAME, telefono=PHONE)
    spaced_nss = f"{NSS[:4]} {NSS[4:8]}-{NSS[8:]}"

    result = desk.invoke("contacto", str(doc), "--obtenido", f"nss={spaced_nss}")
    assert result.exit_code == 0, result.output
    assert folio(2) in result.output and CONSULTA_URL in result.output

    row = desk.document(doc)
    assert row.outcome == "folio" and row.folio is not None and row.folio.folio == folio(2)
    nss = desk.field(doc, "nss")
    assert nss is not None and (nss.value, nss.confidence, nss.present) == (NSS, 1.0, True)
    assert [(c.result, c.obtained) for c in desk.contacts(doc)] == [("datos_obtenidos", ["nss"])]
    actions = [e.action for e in desk.audit(doc)]
    assert actions[-3:] == ["contacto_datos", "folio_emitido", "resultado_cambiado"]
    assert desk.folios() == [folio(1), folio(2)]
    assert desk.invoke("contactos", "--json").output == ""


def test_partial_data_is_recorded_and_the_petition_stays_pending(desk):
    doc = desk.add(Outcome.PENDIENTE_CONTACTO, telefono=PHONE)

    result = desk.invoke("contacto", str(doc), "--obtenido", "nombre=  Ana   Ruiz Paz ", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "document_id": doc,
        "outcome": "pendiente_contacto",
        "folio": None,
        "obtained": ["nombre"],
        "missing": ["nss"],
    }
    assert desk.document(doc).outcome == "pendiente_contacto"
    assert desk.field(doc, "nombre").value == NAME
    assert [c.result for c in desk.contacts(doc)] == ["datos_incompletos"]
    assert desk.folios() == []

    done = desk.invoke("contacto", str(doc), "--obtenido", f"nss={NSS}")
    assert done.exit_code == 0 and folio(1) in done.output
    assert [c.result for c in desk.contacts(doc)] == ["datos_incompletos", "datos_obtenidos"]


def test_completed_data_of_an_already_registered_petition_is_a_duplicate(desk):
    original = desk.add(Outcome.FOLIO, text=TEXT, nombre=NAME, nss=NSS, telefono=PHONE)
    doc = desk.add(Outcome.PENDIENTE_CONTACTO, text=TEXT + ".", nombre=NAME, telefono=PHONE)

    result = desk.invoke("contacto", str(doc), "--obtenido", f"nss={NSS}")
    assert result.exit_code == 0, result.output
    row = desk.document(doc)
    assert row.outcome == "duplicado" and row.duplicate_of_id == original
    assert desk.folios() == [folio(1)] and folio(1) in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--obtenido", f"nss={BAD_NSS}"], "NSS indicado no es válido"),
        (["--obtenido", "nss=123"], "NSS indicado no es válido"),
        (["--obtenido", "telefono=55 1234"], "teléfono indicado no es válido"),
        (["--obtenido", "correo=ana.example.com"], "correo electrónico indicado no es válido"),
        (["--obtenido", "nombre=Ana3"], "no parece un nombre completo"),
        (["--obtenido", "curp=XYZ"], "Dato desconocido"),
        (["--obtenido", "nss"], "DATO=VALOR"),
        ([], "no ambos"),
        (["--obtenido", f"nss={NSS}", "--sin-respuesta"], "no ambos"),
    ],
)
def test_invalid_data_exits_2_in_spanish_and_changes_nothing(sqlite_desk, args, message):
    doc = sqlite_desk.add(Outcome.PENDIENTE_CONTACTO, nombre=NAME, telefono=PHONE)
    before = [e.action for e in sqlite_desk.audit(doc)]

    result = sqlite_desk.invoke("contacto", str(doc), *args)
    assert result.exit_code == ExitCode.BAD_ARGS
    assert message in result.output and "Traceback" not in result.output
    assert BAD_NSS not in result.output  # the typed value (personal data) is not echoed
    assert sqlite_desk.document(doc).outcome == "pendiente_contacto"
    assert sqlite_desk.field(doc, "nss") is None and sqlite_desk.contacts(doc) == []
    assert [e.action for e in sqlite_desk.audit(doc)] == before


def test_unknown_or_closed_document_exits_2(sqlite_desk):
    doc = sqlite_desk.add(Outcome.FOLIO, nombre=NAME, nss=NSS, telefono=PHONE)
    missing = sqlite_desk.invoke("contacto", "999", "--sin-respuesta")
    assert missing.exit_code == ExitCode.BAD_ARGS and "No existe el documento 999" in missing.output
    closed = sqlite_desk.invoke("contacto", str(doc), "--sin-respuesta")
    assert closed.exit_code == ExitCode.BAD_ARGS
    assert "no está pendiente de contacto" in closed.output
    assert sqlite_desk.document(doc).outcome == "folio"


def test_no_response_closes_por_desinteres(desk):
    doc = desk.add(Outcome.PENDIENTE_CONTACTO, nombre=NAME, telefono=PHONE)

    result = desk.invoke("contacto", str(doc), "--sin-respuesta")
    assert result.exit_code == 0 and "cerrado por desinterés" in result.output
    row = desk.document(doc)
    assert row.outcome == "cerrado_desinteres" and row.folio is None
    assert "act. 48" in row.reasons[-1]
    assert [c.result for c in desk.contacts(doc)] == ["sin_respuesta"]
    assert desk.audit(doc)[-1].action == "resultado_cambiado"
    assert desk.invoke("contacto", str(doc), "--obtenido", f"nss={NSS}").exit_code == 2


def test_cerrar_vencidos_closes_only_what_passed_the_deadline(desk, tmp_path):
    now = datetime.now()
    very_old = desk.add(Outcome.PENDIENTE_CONTACTO, now - timedelta(days=60), telefono=PHONE)
    old = desk.add(Outcome.PENDIENTE_CONTACTO, now - timedelta(days=21), telefono=PHONE)
    fresh = desk.add(Outcome.PENDIENTE_CONTACTO, now, telefono=PHONE)
    old_days = business_days_between((now - timedelta(days=21)).date(), now.date())
    config = tmp_path / "buzon.toml"
    config.write_text(f"contact_deadline_days = {old_days}\n", encoding="utf-8")

    # Deadline from the configuration: only the one open longer than that closes.
    first = desk.invoke("cerrar-vencidos", "--config", str(config), "--json")
    assert first.exit_code == 0, first.output
    assert [json.loads(line)["document_id"] for line in first.output.splitlines()] == [very_old]
    assert desk.document(old).outcome == "pendiente_contacto"

    second = desk.invoke("cerrar-vencidos", "--dias", "10")
    assert second.exit_code == 0 and f"documentos {old}." in second.output
    assert [desk.document(d).outcome for d in (very_old, old, fresh)] == [
        "cerrado_desinteres",
        "cerrado_desinteres",
        "pendiente_contacto",
    ]
    assert [c.result for c in desk.contacts(old)] == ["plazo_vencido"]
    assert "plazo: 10" in desk.document(old).reasons[-1]
    assert desk.audit(old)[-1].action == "resultado_cambiado"

    again = desk.invoke("cerrar-vencidos", "--dias", "10")
    assert again.exit_code == 0 and "Ninguna petición pendiente" in again.output


def test_default_deadline_comes_from_settings(sqlite_desk):
    doc = sqlite_desk.add(
        Outcome.PENDIENTE_CONTACTO, datetime.now() - timedelta(days=30), telefono=PHONE
    )
    kept = sqlite_desk.invoke("cerrar-vencidos", env={"BUZON_CONTACT_DEADLINE_DAYS": "40"})
    assert kept.exit_code == 0 and sqlite_desk.document(doc).outcome == "pendiente_contacto"
    closed = sqlite_desk.invoke("cerrar-vencidos")  # default: 10 días hábiles
    assert closed.exit_code == 0 and sqlite_desk.document(doc).outcome == "cerrado_desinteres"


def test_personal_data_stays_out_of_logs_and_audit(sqlite_desk, caplog):
    doc = sqlite_desk.add(Outcome.PENDIENTE_CONTACTO, telefono=PHONE)
    with caplog.at_level(logging.DEBUG):
        result = sqlite_desk.invoke(
            "contacto", str(doc), "--obtenido", f"nss={NSS}", "--obtenido", f"nombre={NAME}"
        )
    assert result.exit_code == 0, result.output
    details = " ".join(e.detail for e in sqlite_desk.audit(doc))
    for secret in (NSS, NAME, PHONE):
        assert secret not in caplog.text and secret not in details


def test_help_is_spanish():
    for command, words in [
        ("contactos", "pendientes de contacto"),
        ("contacto", "--sin-respuesta"),
        ("cerrar-vencidos", "días hábiles"),
    ]:
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and words in result.output and "--json" in result.output


def test_database_that_cannot_be_opened_exits_5(tmp_path):
    url = f"postgresql+psycopg://buzon@/buzon?host={tmp_path}&port=1"
    result = CliRunner().invoke(main, ["contactos", "--db", url])
    assert result.exit_code == ExitCode.DATABASE
    assert "No se pudo abrir la base de datos" in result.output
