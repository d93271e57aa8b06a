"""The human-review queue (`buzon revisar`): decisions on the registry, the page and the server."""

from __future__ import annotations

import base64
import http.client
import json
import logging
import os
import re
import signal
import stat
import subprocess
import sys
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import cv2
import numpy as np
import pytest
from click.testing import CliRunner

from buzon_pipeline.cli import main
from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import DocumentResult, Field, Kind, Outcome, SourceFile
from buzon_pipeline.core.rules import luhn_check_digit
from buzon_pipeline.desk.review import ReviewItem, parse_corrections, resolve, review_queue
from buzon_pipeline.desk.review_page import (
    CROP_MARGIN,
    PAGE_WIDTH,
    render_review_page,
    write_review_page,
)
from buzon_pipeline.desk.review_server import start_in_thread
from buzon_pipeline.errors import ExitCode, UsageError
from buzon_pipeline.registry.store import Registry
from tests.conftest import skip_unless_ci

from .registry_reader import RegistryReader

NSS = "1234567890" + str(luhn_check_digit("1234567890"))
OTHER_NSS = "9876543210" + str(luhn_check_digit("9876543210"))
BAD_NSS = NSS[:10] + str((int(NSS[10]) + 1) % 10)
NAME = "Ana Ruiz Paz"
PHONE = "5512345678"
TEXT = "En la farmacia me negaron el medicamento tres veces y nadie me explicó por qué"
BOXES = {
    "nombre": (100, 200, 900, 260),
    "nss": (100, 300, 700, 360),
    "telefono": (100, 400, 700, 460),
}
REASON = "NSS leído con confianza baja (41%)."


def page_view(path: Path, width: int = 1600, height: int = 2000) -> Path:
    """A grey page view like the archive writes, with ink inside each field box."""
    image = np.full((height, width), 255, np.uint8)
    for x0, y0, x1, y1 in BOXES.values():
        cv2.rectangle(image, (x0, y0), (x1, y1), 0, 3)
        cv2.putText(image, "12345", (x0 + 10, y1 - 15), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 40, 3)
    assert cv2.imwrite(str(path), image)
    return path


def ocr(value: str | None, confidence: float = 0.9, name: str | None = None) -> Field:
    return Field(value, confidence, BOXES.get(name or ""), value, present=value is not None)


class Queue(RegistryReader):
    """A registry with one batch; each added document has its own file and page views."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url = url
        self.folder = folder
        self.registry = Registry(url)
        self.batch = self.registry.start_batch("TAOD", "UMF 20", datetime.now())
        self.count = 0

    def add(
        self,
        outcome: Outcome = Outcome.REVISION,
        *,
        text: str = TEXT,
        tipo: str | None = "queja_servicio",
        servicio: str | None = "farmacia",
        pages: int = 1,
        created: datetime | None = None,
        reasons: tuple[str, ...] = (REASON,),
        **fields: Field,
    ) -> int:
        self.count += 1
        n = self.count
        name = f"escaneo-{n}.pdf"
        source = self.registry.upsert_source(SourceFile(name, f"{n:064x}", 100), pages, self.batch)
        for number in range(1, pages + 1):
            view = page_view(self.folder / f"vista-{n}-{number}.jpg")
            self.registry.record_page(source, number, kind="volante", image=str(view))
        result = DocumentResult(
            name,
            list(range(1, pages + 1)),
            Kind.VOLANTE,
            outcome,
            None,
            tipo,
            False,
            fields,
            list(reasons),
            servicio=servicio,
        )
        registered = self.registry.register(
            result, source, self.batch, "UMF 20", text, 0.9, created or datetime.now()
        )
        assert registered.document_id is not None
        return registered.document_id

    def ready(self, **overrides: Field) -> dict[str, Field]:
        """The fields of a volante the router left in review over a low-confidence NSS."""
        fields = {
            "nombre": ocr(NAME, 0.9, "nombre"),
            "nss": ocr(NSS, 0.41, "nss"),
            "telefono": ocr(PHONE, 0.95, "telefono"),
        }
        fields.update(overrides)
        return fields

    def decide(self, doc_id: int, resultado: Outcome, *pairs: str, **kw: str | None):
        return resolve(
            self.registry,
            doc_id,
            corrections=parse_corrections(pairs),
            resultado=resultado,
            tipo=kw.get("tipo"),
            servicio=kw.get("servicio"),
            now=datetime.now(),
        )

    def invoke(self, *args: str):
        reports = str(self.folder / "reportes")
        return CliRunner().invoke(main, [*args, "--db", self.url, "--reportes", reports])

    def settings(self) -> Settings:
        return Settings(db_url=self.url, reports_dir=str(self.folder / "reportes"))


@pytest.fixture
def queue(db_url: str, tmp_path: Path) -> Queue:
    return Queue(db_url, tmp_path)


@pytest.fixture
def any_queue(any_db_url: str, tmp_path: Path) -> Queue:
    return Queue(any_db_url, tmp_path)


def folio(seq: int) -> str:
    return f"UMF20-{datetime.now().year}-{seq:05d}"


# -- the queue ---------------------------------------------------------------------------------
def test_queue_lists_only_review_documents_oldest_first_with_boxes_and_images(queue):
    now = datetime.now()
    newer = queue.add(created=now, **queue.ready())
    queue.add(Outcome.PUBLICO_GENERAL)
    older = queue.add(created=now - timedelta(days=1), pages=2, nombre=ocr(NAME))

    items = review_queue(queue.registry)
    assert [i.document_id for i in items] == [older, newer]
    first, second = items
    assert first.pages == [1, 2] and len(first.images) == 2
    assert all(p.is_file() for p in first.images)
    assert first.fields["nombre"].box is None  # letters and OCR-less fields have no box
    assert second.source == "escaneo-1.pdf" and second.kind is Kind.VOLANTE
    assert second.reasons == [REASON] and second.tipo == "queja_servicio"
    assert second.servicio == "farmacia" and second.batch_id == queue.batch
    nss = second.fields["nss"]
    assert (nss.value, nss.confidence, nss.box) == (NSS, pytest.approx(0.41), BOXES["nss"])
    data = second.as_json()
    assert data["fields"]["nss"] == {"value": NSS, "confidence": 0.41, "box": list(BOXES["nss"])}


# -- each resultado ----------------------------------------------------------------------------
def test_folio_after_correcting_the_nss(any_queue):
    q = any_queue
    doc = q.add(**q.ready(nss=ocr(BAD_NSS, 0.3, "nss")))
    spaced = f"{NSS[:4]} {NSS[4:8]}-{NSS[8:]}"

    decision = q.decide(doc, Outcome.FOLIO, f"nss={spaced}")
    assert decision.outcome is Outcome.FOLIO and decision.folio == folio(1)
    assert decision.as_json() == {
        "document_id": doc,
        "outcome": "folio",
        "folio": folio(1),
        "corrected": ["nss"],
        "tipo": "queja_servicio",
        "servicio": "farmacia",
    }
    row = q.document(doc)
    assert row.outcome == "folio" and row.folio is not None and row.folio.folio == folio(1)
    nss = q.field(doc, "nss")
    assert (nss.value, nss.confidence, nss.raw, nss.present) == (NSS, 1.0, None, True)
    assert q.field(doc, "nombre").confidence == pytest.approx(0.9)  # untouched
    assert row.reasons[-1].startswith("Revisado por el TAOD: registrada con folio")
    events = q.audit(doc)
    assert [e.action for e in events][-2:] == ["folio_emitido", "revision_resuelta"]
    assert events[-1].detail == "revision → folio; corregidos: nss"
    assert review_queue(q.registry) == []


def test_folio_of_an_already_registered_petition_is_linked_as_duplicate(any_queue):
    q = any_queue
    original = q.add(Outcome.FOLIO, nombre=ocr(NAME), nss=ocr(NSS), telefono=ocr(PHONE))
    doc = q.add(text=TEXT + ".", **q.ready())

    decision = q.decide(doc, Outcome.FOLIO)
    assert decision.outcome is Outcome.DUPLICADO and decision.folio == folio(1)
    row = q.document(doc)
    assert row.outcome == "duplicado" and row.duplicate_of_id == original
    assert q.folios() == [folio(1)]
    assert q.audit(doc)[-1].detail == "revision → duplicado"


def test_pendiente_contacto_with_contact_data_and_missing_nss(queue):
    doc = queue.add(**queue.ready(nss=ocr(BAD_NSS, 0.3, "nss")))
    decision = queue.decide(doc, Outcome.PENDIENTE_CONTACTO, "nss=")
    assert decision.outcome is Outcome.PENDIENTE_CONTACTO and decision.folio is None
    nss = queue.field(doc, "nss")
    assert (nss.value, nss.present, nss.confidence) == (None, False, 1.0)  # dropped misreading
    assert queue.folios() == []


def test_publico_general_with_a_tipo_override(queue):
    doc = queue.add(tipo=None, reasons=("Tipo de petición incierto.",))
    decision = queue.decide(doc, Outcome.PUBLICO_GENERAL, tipo="sugerencia", servicio="citas")
    assert decision.outcome is Outcome.PUBLICO_GENERAL
    row = queue.document(doc)
    assert (row.tipo, row.servicio) == ("sugerencia", "citas")
    assert queue.audit(doc)[-1].detail == "revision → publico_general; cambiados: tipo, servicio"


def test_descartado_clears_the_personal_data(queue):
    doc = queue.add(**queue.ready(correo=ocr("ana@example.com")))
    decision = queue.decide(doc, Outcome.DESCARTADO, f"nombre={NAME}", "telefono=5587654321")
    assert decision.outcome is Outcome.DESCARTADO and decision.corrected == ()
    row = queue.document(doc)
    assert row.outcome == "descartado" and row.fields == [] and row.tipo is None
    assert queue.registry.result_of(doc, "").fields == {}


# -- what is refused ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("resultado", "pairs", "kw", "fields", "message"),
    [
        (Outcome.FOLIO, [], {}, {"nss": ocr(BAD_NSS, 0.3)}, "faltan datos mínimos válidos (NSS)"),
        (Outcome.FOLIO, ["telefono="], {}, {}, "(teléfono o correo)"),
        (Outcome.FOLIO, [], {}, {"tipo": None}, "Indique el tipo de petición"),
        (Outcome.PENDIENTE_CONTACTO, ["telefono="], {}, {}, "no hay teléfono ni correo"),
        (Outcome.PENDIENTE_CONTACTO, [], {}, {}, "datos mínimos están completos"),
        (Outcome.PUBLICO_GENERAL, [], {}, {"tipo": None}, "Indique el tipo de petición"),
        (Outcome.PUBLICO_GENERAL, [], {}, {}, "Hay teléfono o correo válidos"),
        (Outcome.FOLIO, [], {"tipo": "queja"}, {}, "Tipo de petición desconocido"),
        (Outcome.FOLIO, [], {"servicio": "cocina"}, {}, "Servicio desconocido"),
        (Outcome.DUPLICADO, [], {}, {}, "Resultado no válido"),
    ],
)
def test_a_decision_the_data_does_not_support_changes_nothing(
    queue, resultado, pairs, kw, fields, message
):
    tipo = fields.pop("tipo", "queja_servicio")
    doc = queue.add(tipo=tipo, **queue.ready(**fields))
    before = [e.action for e in queue.audit(doc)]
    with pytest.raises(UsageError, match=re.escape(message)) as info:
        queue.decide(doc, resultado, *pairs, **kw)
    for secret in (NSS, BAD_NSS, NAME, PHONE):
        assert secret not in str(info.value)
    row = queue.document(doc)
    assert row.outcome == "revision" and row.tipo == tipo and row.reasons == [REASON]
    assert queue.field(doc, "telefono").value == PHONE
    assert [e.action for e in queue.audit(doc)] == before and queue.folios() == []


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        (f"nss={BAD_NSS}", "NSS indicado no es válido"),
        ("telefono=55 1234", "teléfono indicado no es válido"),
        ("correo=ana.example.com", "correo electrónico indicado no es válido"),
        ("nombre=Ana3", "no parece un nombre completo"),
        ("curp=XYZ", "Dato desconocido"),
        (NSS, "--campo DATO=VALOR"),
    ],
)
def test_invalid_corrections_are_refused_without_echoing_them(pair, message):
    with pytest.raises(UsageError, match=re.escape(message)) as info:
        parse_corrections([pair])
    typed = pair.partition("=")[2] if "=" in pair else pair
    assert typed not in str(info.value)


def test_only_a_document_in_review_can_be_resolved(queue):
    done = queue.add(Outcome.FOLIO, nombre=ocr(NAME), nss=ocr(NSS), telefono=ocr(PHONE))
    with pytest.raises(UsageError, match="no está para revisión"):
        queue.decide(done, Outcome.DESCARTADO)
    with pytest.raises(UsageError, match="No existe el documento 999"):
        queue.decide(999, Outcome.DESCARTADO)
    doc = queue.add(**queue.ready(nss=ocr(OTHER_NSS)))
    queue.decide(doc, Outcome.FOLIO)
    with pytest.raises(UsageError, match=r"no está para revisión \(resultado: registrada"):
        queue.decide(doc, Outcome.FOLIO)
    assert queue.folios() == [folio(1), folio(2)] and queue.document(done).fields


def test_audit_and_logs_name_fields_never_values(queue, caplog):
    doc = queue.add(**queue.ready(nss=ocr(BAD_NSS, 0.3, "nss")))
    with caplog.at_level(logging.DEBUG):
        queue.decide(doc, Outcome.FOLIO, f"nss={NSS}", f"nombre={NAME}", "correo=a@b.mx")
    details = " ".join(e.detail for e in queue.audit(doc))
    assert "corregidos: correo, nombre, nss" in details
    for secret in (NSS, BAD_NSS, NAME, PHONE, "a@b.mx"):
        assert secret not in caplog.text and secret not in details


# -- the page ----------------------------------------------------------------------------------
def _images(page: str, kind: str) -> list[np.ndarray]:
    found = re.findall(rf"data:image/{kind};base64,([A-Za-z0-9+/=]+)", page)
    return [cv2.imdecode(np.frombuffer(base64.b64decode(b), np.uint8), 0) for b in found]


def test_page_embeds_the_page_view_the_crops_and_the_ocr_values(queue):
    doc = queue.add(**queue.ready())
    page = render_review_page(review_queue(queue.registry), server_token=None)

    assert "<html lang='es'>" in page and f"Documento {doc}" in page
    assert "escaneo-1.pdf" in page and REASON in page and "queja de servicio" in page
    (view,) = _images(page, "jpeg")
    assert view.shape == (1250, PAGE_WIDTH)  # 1600×2000 downscaled
    crops = _images(page, "png")
    assert len(crops) == 3
    x0, y0, x1, y1 = BOXES["nombre"]
    assert crops[0].shape == (y1 - y0 + 2 * CROP_MARGIN, x1 - x0 + 2 * CROP_MARGIN)
    assert crops[0].min() < 100  # the ink inside the box
    assert f"value='{NSS}'" in page and f"value='{NAME}'" in page
    assert re.search(r"<tr class='baja' data-campo-fila='nss'>", page)  # 41 % is low
    assert "<tr data-campo-fila='nombre'>" in page
    assert "no pasa el dígito verificador" not in page
    queue.add(**queue.ready(nss=ocr(BAD_NSS, 0.9, "nss")))
    page = render_review_page(review_queue(queue.registry), server_token=None)
    assert page.count("no pasa el dígito verificador") == 1
    assert "code class='comando'" in page and "action=" not in page and "token" not in page


def test_comb_box_digits_are_highlighted_with_their_own_threshold(queue):
    queue.add(**queue.ready(nss=ocr(NSS, 0.9, "nss"), telefono=ocr(PHONE, 0.7, "telefono")))
    page = render_review_page(review_queue(queue.registry), server_token=None)
    assert "<tr class='baja' data-campo-fila='telefono'>" in page  # 70 % < 80 % for digits
    assert "<tr data-campo-fila='nss'>" in page and "<tr data-campo-fila='nombre'>" in page


def test_page_escapes_what_ocr_read(queue):
    evil = "<script>alert(1)</script>"
    queue.add(
        reasons=("Motivo con <b>marcas</b>",),
        nombre=ocr(evil + " Ruiz"),
        correo=Field(None, 0.2, None, "x'><img src=x onerror=alert(2)>", True),
    )
    page = render_review_page(review_queue(queue.registry), server_token=None)
    assert evil not in page and "<img src=x" not in page and "<b>marcas" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;marcas&lt;/b&gt;" in page


def test_served_page_posts_with_the_token(queue):
    queue.add(**queue.ready())
    page = render_review_page(review_queue(queue.registry), server_token="t0k3n")
    assert "action='/decidir'" in page and "name='token' value='t0k3n'" in page
    assert "code class='comando'" not in page


def test_missing_page_view_does_not_break_the_page(queue, tmp_path):
    doc = queue.add(**queue.ready())
    for image in queue.registry.page_images(doc):
        image.unlink()
    page = render_review_page(review_queue(queue.registry), server_token=None)
    assert "Imagen de la página 1 no disponible" in page and "data:image" not in page


def test_empty_queue_page(queue):
    assert "No hay documentos para revisión." in render_review_page([], server_token=None)


def test_write_review_page_is_owner_only(queue):
    queue.add(**queue.ready())
    path = write_review_page(queue.registry, queue.settings())
    assert path.name == "revision.html" and path.parent.name == "reportes"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "data:image/jpeg;base64," in path.read_text(encoding="utf-8")


def test_commands_carry_a_non_default_db_without_password():
    item = ReviewItem(
        1, 1, datetime.now(), "a.pdf", [1], Kind.VOLANTE, [], None, None, False, {}, []
    )
    with_db = render_review_page(
        [item], server_token=None, settings=Settings(db_url="sqlite:///otra base.db")
    )
    assert "data-extra='--db &#x27;sqlite:///otra base.db&#x27;'" in with_db
    secret = render_review_page(
        [item], server_token=None, settings=Settings(db_url="postgresql://u:clave@h/b")
    )
    assert "clave" not in secret and "Agregue a cada comando la opción --db" in secret


# -- the command -------------------------------------------------------------------------------
def test_revisar_writes_the_page_and_lists_the_queue(queue):
    doc = queue.add(**queue.ready())
    result = queue.invoke("revisar")
    assert result.exit_code == 0, result.output
    assert "revision.html" in result.output and "Para revisión: 1" in result.output
    assert re.search(rf"^{doc} +escaneo-1\.pdf +1 +{re.escape(REASON)}$", result.output, re.M)
    assert (queue.folder / "reportes" / "revision.html").is_file()

    as_json = queue.invoke("revisar", "--json")
    assert as_json.exit_code == 0
    lines = [line for line in as_json.stdout.splitlines() if line.startswith("{")]
    assert [json.loads(line)["document_id"] for line in lines] == [doc]


def test_revisar_doc_registers_the_decision_and_rewrites_the_reports(queue):
    doc = queue.add(**queue.ready(nss=ocr(BAD_NSS, 0.3, "nss")))
    result = queue.invoke("revisar", str(doc), "--campo", f"nss={NSS}", "--resultado", "folio")
    assert result.exit_code == 0, result.output
    assert f"registrado con folio {folio(1)}" in result.output
    assert "Datos corregidos: NSS." in result.output and "Reportes del lote" in result.output
    summary = next((queue.folder / "reportes").glob("*/lote-*/resumen.html"))
    assert folio(1) in summary.read_text(encoding="utf-8")

    other = queue.add(**queue.ready(nss=ocr(OTHER_NSS, 0.3, "nss")))
    as_json = queue.invoke("revisar", str(other), "--resultado", "descartado", "--json")
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data["outcome"] == "descartado" and data["reports"].endswith(f"lote-{queue.batch}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{doc}"], "Indique --resultado"),
        (["{doc}", "--resultado", "duplicado"], "Resultado no válido"),
        (["{doc}", "--resultado", "folio", "--campo", f"nss={BAD_NSS}"], "NSS indicado no"),
        (["{doc}", "--resultado", "folio", "--tipo", "otro"], "Tipo de petición desconocido"),
        (["--resultado", "folio"], "Indique el número de documento"),
        (["{doc}", "--servir"], "--servir no se combina"),
        (["--puerto", "8000"], "--puerto sólo se usa con --servir"),
        (["999", "--resultado", "descartado"], "No existe el documento 999"),
    ],
)
def test_revisar_errors_exit_2_in_spanish(queue, args, message):
    doc = queue.add(**queue.ready())
    result = queue.invoke("revisar", *[a.format(doc=doc) for a in args])
    assert result.exit_code == ExitCode.BAD_ARGS, result.output
    assert message in result.output and "Traceback" not in result.output
    assert BAD_NSS not in result.output
    assert queue.document(doc).outcome == "revision"


def test_help_is_spanish():
    result = CliRunner().invoke(main, ["revisar", "--help"])
    assert result.exit_code == 0
    for words in ("Cola de revisión", "--campo", "--resultado", "--servir", "--puerto", "--json"):
        assert words in result.output


# -- the server --------------------------------------------------------------------------------
@pytest.fixture
def served(queue):
    server = start_in_thread(queue.registry, queue.settings())
    yield server
    server.stop()


def _request(
    server,
    method: str,
    path: str,
    body: dict | None = None,
    anonymous: bool = False,
    **headers: str,
):
    """A request as the owner's browser sends it (with the cookie), or `anonymous`."""
    if not anonymous:
        headers.setdefault("Cookie", f"buzon_clave={server.secret}")
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    data = urlencode(body) if body is not None else None
    if data is not None:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    conn.request(method, path, data, headers={k.replace("_", "-"): v for k, v in headers.items()})
    response = conn.getresponse()
    text = response.read().decode("utf-8")
    conn.close()
    return response.status, text


def test_server_binds_to_localhost_only_and_serves_the_queue(queue, served):
    doc = queue.add(**queue.ready())
    assert served.server.server_address[0] == "127.0.0.1"
    assert served.url.startswith("http://127.0.0.1:")
    status, page = _request(served, "GET", "/")
    assert status == 200 and f"Documento {doc}" in page and served.token in page
    assert _request(served, "GET", "/otra")[0] == 404
    # A page elsewhere reaching us through DNS rebinding names its own host.
    assert _request(served, "GET", "/", Host="buzon.example:80")[0] == 403


def test_server_refuses_a_bad_token_or_a_cross_site_origin(queue, served):
    doc = queue.add(**queue.ready())
    form = {"documento": str(doc), "resultado": "folio", "token": "robado"}
    status, text = _request(served, "POST", "/decidir", form)
    assert status == 403 and "Solicitud rechazada" in text
    form["token"] = served.token
    status, _ = _request(served, "POST", "/decidir", form, Origin="http://malo.example")
    assert status == 403
    assert queue.document(doc).outcome == "revision" and queue.folios() == []


def test_server_registers_a_decision(queue, served):
    doc = queue.add(**queue.ready(nss=ocr(BAD_NSS, 0.3, "nss")))
    form = {
        "token": served.token,
        "documento": str(doc),
        "resultado": "folio",
        "tipo": "",
        "servicio": "farmacia",
        "campo_nombre": NAME,  # unchanged prefill: not a correction
        "campo_nss": NSS,
        "campo_telefono": PHONE,
        "campo_correo": "",
    }
    status, text = _request(served, "POST", "/decidir", form, Accept="application/json")
    assert status == 200, text
    data = json.loads(text)
    assert data["outcome"] == "folio" and data["folio"] == folio(1)
    assert data["corrected"] == ["nss"] and data["reports"]
    assert queue.field(doc, "nombre").confidence == pytest.approx(0.9)

    again = dict(form, documento=str(doc))
    status, text = _request(served, "POST", "/decidir", again)
    assert status == 400 and "no está para revisión" in text


def test_server_shows_validation_errors_in_spanish_with_400(queue, served):
    doc = queue.add(**queue.ready())
    form = {"token": served.token, "documento": str(doc), "resultado": "folio"}
    form["campo_nss"] = BAD_NSS
    status, text = _request(served, "POST", "/decidir", form)
    assert status == 400 and "El NSS indicado no es válido" in text and BAD_NSS not in text
    status, text = _request(served, "POST", "/decidir", form, Accept="application/json")
    assert status == 400 and "NSS indicado" in json.loads(text)["error"]
    assert queue.document(doc).outcome == "revision"


def test_a_decision_rewrites_the_reports_owner_only(queue):
    """The decision rewrites the batch reports owner-only too."""
    doc = queue.add(**queue.ready())
    assert queue.invoke("revisar", str(doc), "--resultado", "folio").exit_code == 0
    for path in (queue.folder / "reportes").rglob("*"):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode & 0o077 == 0, path


def test_revisar_servir_prints_the_url_serves_and_stops_on_ctrl_c(queue):
    doc = queue.add(**queue.ready())
    command = [sys.executable, "-m", "buzon_pipeline", "revisar", "--servir", "--json"]
    process = subprocess.Popen(
        [*command, "--db", queue.url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=queue.folder,
    )
    try:
        url = json.loads(process.stdout.readline())["url"]
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?clave=[\w-]{40,}", url)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert f"Documento {doc}" in response.read().decode("utf-8")
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0 and "Servidor detenido" in err


# -- only the user who started the server can use it (issue 14) --------------------------------
OTHER_UID = 65534  # nobody

_AS_OTHER_USER = r"""
import http.client, json, sys
port, token, doc = int(sys.argv[1]), sys.argv[2], sys.argv[3]
out = {}
for path in ("/", "/index.html", "/?clave=adivinada"):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
    r = c.getresponse()
    out[path] = [r.status, r.read().decode("utf-8")]
body = f"token={token}&documento={doc}&resultado=descartado"
c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
c.request("POST", "/decidir", body, headers={
    "Host": f"127.0.0.1:{port}", "Content-Type": "application/x-www-form-urlencoded"})
r = c.getresponse()
out["POST"] = [r.status, r.read().decode("utf-8")]
print(json.dumps(out))
"""


def test_another_local_account_gets_nothing_from_the_server(queue, served):
    """As another uid, with the port and even the form token: 403, no personal data, no
    decision (it once discarded a document and erased its data)."""
    if os.getuid() != 0:
        skip_unless_ci("cambiar de usuario requiere root")
    doc = queue.add(**queue.ready())
    port = served.server.server_address[1]
    done = subprocess.run(
        ["/usr/bin/python3", "-c", _AS_OTHER_USER, str(port), served.token, str(doc)],
        user=OTHER_UID,
        group=OTHER_UID,
        extra_groups=[],
        capture_output=True,
        text=True,
        timeout=60,
        cwd="/",
    )
    assert done.returncode == 0, done.stderr
    answers = json.loads(done.stdout)
    for status, body in answers.values():
        assert status == 403, (status, body)
        assert "Acceso denegado" in body
        for secret in (NSS, PHONE, NAME, served.secret, f"Documento {doc}"):
            assert secret not in body
    assert queue.document(doc).outcome == "revision"
    assert queue.field(doc, "nss").value == NSS  # not erased


def test_the_printed_url_opens_the_page_and_sets_the_cookie(queue, served):
    doc = queue.add(**queue.ready())
    query = urlsplit(served.url).query
    parts = urlsplit(served.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", f"/?{query}")
    response = conn.getresponse()
    page = response.read().decode("utf-8")
    cookie = response.getheader("Set-Cookie")
    conn.close()
    assert response.status == 200 and f"Documento {doc}" in page
    assert cookie.startswith(f"buzon_clave={served.secret};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    # Without it, neither the page nor a decision (the form token alone is not enough).
    assert _request(served, "GET", "/", anonymous=True)[0] == 403
    form = {"token": served.token, "documento": str(doc), "resultado": "descartado"}
    assert _request(served, "POST", "/decidir", form, anonymous=True)[0] == 403
    assert queue.document(doc).outcome == "revision"


def test_too_many_form_fields_is_a_400_not_a_traceback(queue, served):
    doc = queue.add(**queue.ready())
    form = {f"x{i}": "1" for i in range(60)} | {"token": served.token, "documento": str(doc)}
    status, text = _request(served, "POST", "/decidir", form)
    assert status == 400 and "demasiados campos" in text and "Traceback" not in text
    assert queue.document(doc).outcome == "revision"
