"""After-batch documents (issue 6): notifications, turn copies, SIADE export, escalation."""

from __future__ import annotations

import csv
import email.policy
import stat
from dataclasses import replace
from datetime import datetime
from email.parser import BytesParser
from pathlib import Path

import cv2
import numpy as np
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from buzon_pipeline.core.model import BatchInfo, DocumentResult, Field, Kind, Outcome
from buzon_pipeline.core.vocab import CONSULTA_URL
from buzon_pipeline.errors import MissingDependencyError
from buzon_pipeline.reports import turn_copies
from buzon_pipeline.reports.notifications import write_notifications
from buzon_pipeline.reports.siade import SIADE_COLUMNS, siade_rows, write_siade
from buzon_pipeline.reports.special_cases import write_special_cases
from buzon_pipeline.reports.turn_copies import write_turn_copies

INFO = BatchInfo(
    batch_id=7,
    taod="Laura Méndez",
    unidad="UMF 12 Peñón",
    received_at=datetime(2025, 3, 14, 18, 5),
)
NAME = "José Ñúñez Paz"
NSS = "01234567890"
PHONE = "0551234567"
MAIL = "jose.nunez@example.com"


def make_doc(
    document_id: int,
    outcome: Outcome = Outcome.FOLIO,
    folio: str | None = "UMF12-0001",
    *,
    servicio: str | None = "farmacia",
    tipo: str | None = "queja_servicio",
    caso_especial: bool = False,
    contact: bool = True,
    pages: list[int] | None = None,
    summary: str = "No había medicamento en la farmacia\n y me dijeron que regresara.",
    reasons: list[str] | None = None,
) -> DocumentResult:
    fields = {}
    if contact:
        fields = {
            "nombre": Field(NAME, 0.95),
            "nss": Field(NSS, 0.9),
            "telefono": Field(PHONE, 0.9),
            "correo": Field(MAIL, 0.9),
        }
    return DocumentResult(
        source=f"/scans/lote-{document_id}.pdf",
        pages=pages or [1],
        kind=Kind.VOLANTE,
        outcome=outcome,
        folio=folio,
        tipo=tipo,
        caso_especial=caso_especial,
        fields=fields,
        reasons=reasons or [],
        servicio=servicio,
        document_id=document_id,
        summary=summary,
    )


def page_image(path: Path, width: int = 170, height: int = 220) -> Path:
    img = np.full((height, width), 255, np.uint8)
    cv2.rectangle(img, (10, 10), (width - 10, height - 10), 0, 2)
    assert cv2.imwrite(str(path), img)
    return path


def assert_private(paths: list[Path], root: Path) -> None:
    assert paths
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        folder = path.parent
        while folder != root:
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
            folder = folder.parent


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


# -- notifications (act 51) -----------------------------------------------------------------
def test_notifications_per_folio(tmp_path: Path) -> None:
    docs = [
        make_doc(1),
        make_doc(2, Outcome.PUBLICO_GENERAL, None, contact=False),
        make_doc(3, Outcome.FOLIO, None),  # no folio yet: nothing to tell the person
        make_doc(4, folio="UMF12-0002", contact=False),
    ]
    paths = write_notifications(tmp_path, INFO, docs)
    folder = tmp_path / "notificaciones"
    assert sorted(p.name for p in paths) == sorted(
        f"{f}{ext}" for f in ("UMF12-0001", "UMF12-0002") for ext in (".eml", ".sms.txt", ".pdf")
    )
    assert_private(paths, tmp_path)

    msg = BytesParser(policy=email.policy.default).parse((folder / "UMF12-0001.eml").open("rb"))
    assert msg["To"].addresses[0].addr_spec == MAIL
    assert msg["Subject"] == "Folio de su petición UMF12-0001 — IMSS"
    assert msg["X-Unsent"] == "1"
    assert msg["Date"].datetime.replace(tzinfo=None) == INFO.received_at
    body = msg.get_body(("plain",)).get_content()
    assert f"Apreciable {NAME}:" in body
    assert "UMF12-0001" in body and CONSULTA_URL in body
    assert "queja de servicio" in body and "14 de marzo de 2025" in body and INFO.unidad in body

    anonymous = BytesParser(policy=email.policy.default).parse(
        (folder / "UMF12-0002.eml").open("rb")
    )
    assert anonymous["To"] is None
    assert "Apreciable persona usuaria:" in anonymous.get_body(("plain",)).get_content()


def test_sms_fits_and_letter_shows_folio(tmp_path: Path) -> None:
    unit = "Hospital General de Zona con Medicina Familiar " * 3
    long_unit = BatchInfo(7, "x", unit, INFO.received_at)
    write_notifications(tmp_path, long_unit, [make_doc(1)])
    sms = (tmp_path / "notificaciones" / "UMF12-0001.sms.txt").read_text(encoding="utf-8")
    assert len(sms) <= 160 and sms.isascii()
    assert "UMF12-0001" in sms and CONSULTA_URL in sms

    write_notifications(tmp_path, INFO, [make_doc(1)])
    sms = (tmp_path / "notificaciones" / "UMF12-0001.sms.txt").read_text(encoding="utf-8")
    assert "UMF 12 Penon" in sms and len(sms) <= 160

    letter = tmp_path / "notificaciones" / "UMF12-0001.pdf"
    assert len(PdfReader(letter).pages) == 1
    text = pdf_text(letter)
    assert "UMF12-0001" in text and CONSULTA_URL in text
    assert NAME in text and "Peñón" in text  # accents and ñ render


def test_no_folio_writes_nothing(tmp_path: Path) -> None:
    assert write_notifications(tmp_path, INFO, [make_doc(1, Outcome.REVISION, None)]) == []
    assert not (tmp_path / "notificaciones").exists()


def with_name(doc: DocumentResult, name: str) -> DocumentResult:
    return replace(doc, fields={**doc.fields, "nombre": Field(name, 0.95)})


def test_letter_outside_latin1_is_drawn_with_dejavu(tmp_path: Path) -> None:
    # Helvetica (no font file) covers Spanish; a name beyond Latin-1 must still print whole.
    write_notifications(tmp_path, INFO, [with_name(make_doc(1), "Łukasz Ñúñez Dương")])
    letter = tmp_path / "notificaciones" / "UMF12-0001.pdf"
    assert "Łukasz Ñúñez Dương" in pdf_text(letter)
    fonts = {str(font["/BaseFont"]) for font in _fonts(letter)}
    assert any("DejaVu" in font for font in fonts)


def test_spanish_letter_needs_no_font_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(turn_copies, "FONT_DIR", tmp_path / "no-fonts")
    write_notifications(tmp_path, INFO, [make_doc(1)])
    letter = tmp_path / "notificaciones" / "UMF12-0001.pdf"
    assert NAME in pdf_text(letter)
    assert {str(font["/BaseFont"]) for font in _fonts(letter)} <= {"/Helvetica", "/Helvetica-Bold"}


def _fonts(path: Path) -> list:
    page = PdfReader(path).pages[0]
    return list(page["/Resources"]["/Font"].get_object().values())


def test_missing_font_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(turn_copies, "FONT_DIR", tmp_path / "no-fonts")
    with pytest.raises(MissingDependencyError, match="fonts-dejavu-core"):
        write_notifications(tmp_path, INFO, [with_name(make_doc(1), "Łukasz Paz")])


# -- turn copies (acts 46 and 52) -----------------------------------------------------------
def test_turn_copies_grouped_by_servicio(tmp_path: Path) -> None:
    imgs = tmp_path / "img"
    imgs.mkdir()
    images = {
        1: [page_image(imgs / "1a.png"), page_image(imgs / "1b.jpg", 300, 200)],
        2: [page_image(imgs / "2a.png")],
        3: [page_image(imgs / "3a.png")],
        5: [page_image(imgs / "5a.png")],
    }
    docs = [
        make_doc(1, pages=[1, 2], caso_especial=True),
        make_doc(2, Outcome.PUBLICO_GENERAL, None, contact=False),
        make_doc(3, folio="UMF12-0003", servicio=None),
        make_doc(4, Outcome.DESCARTADO, None, servicio="farmacia"),
        make_doc(5, Outcome.PENDIENTE_CONTACTO, None),
    ]
    out = tmp_path / "reporte"
    paths = write_turn_copies(out, INFO, docs, images)
    assert [p.name for p in paths] == ["farmacia.pdf", "sin_servicio.pdf"]
    assert_private(paths, tmp_path)

    farmacia = PdfReader(paths[0])
    assert len(farmacia.pages) == 1 + 3  # cover + two pages of doc 1 + one of doc 2
    landscape = farmacia.pages[2].mediabox
    assert landscape.width > landscape.height  # the wide image got a landscape page
    cover = farmacia.pages[0].extract_text()
    for expected in (
        "Farmacia",
        "UMF12-0001",
        "Público en general",
        "CASO ESPECIAL",
        "queja de servicio",
        INFO.unidad,
        INFO.taod,
        "14/03/2025",
    ):
        assert expected in cover
    whole = pdf_text(paths[0])
    for private in (NAME, NSS, PHONE, MAIL):
        assert private not in whole

    other = PdfReader(paths[1])
    assert len(other.pages) == 2
    assert "Servicio no determinado" in other.pages[0].extract_text()


def test_missing_or_broken_image_does_not_crash(tmp_path: Path) -> None:
    broken = tmp_path / "roto.png"
    broken.write_bytes(b"\x89PNG not really")
    good = page_image(tmp_path / "ok.png")
    docs = [
        make_doc(1),
        make_doc(2, folio="UMF12-0002"),
        make_doc(3, folio="UMF12-0003"),
        make_doc(None, folio="UMF12-0004"),  # type: ignore[arg-type]
    ]
    images = {2: [broken], 3: [good, tmp_path / "no-existe.jpg"]}
    (path,) = write_turn_copies(tmp_path, INFO, docs, images)
    reader = PdfReader(path)
    assert len(reader.pages) == 2  # cover + the one readable image
    cover = reader.pages[0].extract_text()
    assert cover.count("imagen no disponible") == 4
    assert "(1 de 2)" in cover


def test_no_packet_documents(tmp_path: Path) -> None:
    docs = [make_doc(1, Outcome.REVISION, None)]
    assert write_turn_copies(tmp_path, INFO, docs, {}) == []
    assert not (tmp_path / "copias_turno").exists()


# -- SIADE export ---------------------------------------------------------------------------
def test_siade_rows() -> None:
    long_text = "palabra\t" * 100
    docs = [
        make_doc(1, summary=long_text),
        make_doc(2, Outcome.PUBLICO_GENERAL, None, contact=False),
        make_doc(3, Outcome.DUPLICADO, "UMF12-0001"),
    ]
    (row,) = siade_rows(INFO, docs)
    record = dict(zip(SIADE_COLUMNS, row, strict=True))
    assert record["folio_local"] == "UMF12-0001" and record["folio_siade"] == ""
    assert record["tipo"] == "queja de servicio" and record["servicio"] == "Farmacia"
    assert record["fecha_recepcion"] == "14/03/2025 18:05"
    assert record["nss"] == NSS and record["caso_especial"] == "no"
    assert record["archivo"] == "lote-1.pdf" and record["paginas"] == "1"
    assert len(record["resumen"]) <= 300 and "\t" not in record["resumen"]


def test_siade_files(tmp_path: Path) -> None:
    docs = [
        make_doc(1, pages=[2, 3]),
        make_doc(2, Outcome.PUBLICO_GENERAL, None, contact=False),
        make_doc(3, folio="UMF12-0003", summary='=HYPERLINK("http://x")', caso_especial=True),
    ]
    paths = write_siade(tmp_path, INFO, docs)
    assert [p.name for p in paths] == ["siade.csv", "siade.xlsx"]
    assert_private(paths, tmp_path)

    raw = paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with paths[0].open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == SIADE_COLUMNS
    assert [r[0] for r in table[1:]] == ["UMF12-0001", "UMF12-0003"]
    assert table[1][SIADE_COLUMNS.index("nombre")] == NAME
    assert table[2][SIADE_COLUMNS.index("resumen")].startswith("'=")

    sheet = load_workbook(paths[1]).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == SIADE_COLUMNS
    assert [r[0] for r in values[1:]] == ["UMF12-0001", "UMF12-0003"]
    nss = sheet.cell(row=2, column=SIADE_COLUMNS.index("nss") + 1)
    assert nss.value == NSS and nss.data_type == "s"
    phone = sheet.cell(row=2, column=SIADE_COLUMNS.index("telefono") + 1)
    assert phone.value == PHONE and phone.data_type == "s"
    formula = sheet.cell(row=3, column=SIADE_COLUMNS.index("resumen") + 1)
    assert formula.data_type == "s"
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet.cell(row=3, column=SIADE_COLUMNS.index("caso_especial") + 1).value == "sí"


# -- casos especiales (5.28) ----------------------------------------------------------------
def test_special_cases_list(tmp_path: Path) -> None:
    assert write_special_cases(tmp_path, INFO, [make_doc(1)]) is None
    assert not (tmp_path / "casos_especiales.html").exists()

    docs = [
        make_doc(1),
        make_doc(
            2,
            Outcome.DESCARTADO,
            None,
            caso_especial=True,
            servicio=None,
            tipo=None,
            summary="Me amenazaron <script>alert(1)</script>",
            reasons=["amenaza", "violencia"],
        ),
    ]
    path = write_special_cases(tmp_path / "reporte", INFO, docs)
    assert path is not None and path.name == "casos_especiales.html"
    assert_private([path], tmp_path)
    page = path.read_text(encoding="utf-8")
    assert "Escalar de inmediato" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "lote-2.pdf (p. 1)" in page and "amenaza; violencia" in page
    assert "Descartado (no es petición)" in page
    assert "UMF12-0001" not in page  # only the flagged documents
