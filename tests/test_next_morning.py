"""Issue 15: the TAOD's next morning, driven through the CLI with the fake readers of
`test_pipeline_fakes` (no OCR, no model): one report folder per registry, re-runs that add no
lote, read-only commands that never create a database, explained casos especiales, checkbox
disagreements sent to review, WEBP/BMP/HEIC photos, and click's texts in Spanish."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from buzon_pipeline.cli import main
from buzon_pipeline.core.model import Kind
from buzon_pipeline.core.rules import luhn_check_digit
from buzon_pipeline.core.vocab import SERVICIOS, TIPOS
from buzon_pipeline.deciding.textclass import TextScores, Thresholds
from buzon_pipeline.errors import ExitCode
from tests import test_pipeline_fakes as fk

NSS = fk.NSS
OTHER_NSS = "9876543210" + str(luhn_check_digit("9876543210"))
PRAISE = "Quiero reconocer a la enfermera del turno de noche, siempre atenta."
SPECIAL = "El guardia golpeó a mi papá en la sala de urgencias. Solicito que se investigue."
FALSE_ALARM = "Pongan más sillas y un bebedero en la sala de espera, por favor."


FULL = dict(nombre="ANA RUIZ PAZ", nss=NSS, telefono="5512345678")
PAGES = {
    10: dict(kind=Kind.VOLANTE, text=fk.PETITION, fields=fk._fields(**FULL), marks={}),
    20: fk.PAGES[20],
    # Marked «Reconocimiento», but the (fake) model reads the text as a complaint, confidently.
    50: dict(
        kind=Kind.VOLANTE,
        text=PRAISE,
        fields=fk._fields(**FULL),
        marks={"reconocimiento": True, "queja": False},
    ),
    60: dict(kind=Kind.VOLANTE, text=SPECIAL, fields=fk._fields(**FULL), marks={}),
    70: dict(kind=Kind.VOLANTE, text=FALSE_ALARM, fields=fk._fields(**FULL), marks={}),
}


class Classifier:
    thresholds = Thresholds(
        es_peticion_descartar=0.3,
        tipo_min=0.4,
        caso_especial=0.3,
        caso_reglas=0.3,
        caso_solo_modelo=0.95,
    )

    def predict(self, text: str) -> TextScores:
        tipo = dict.fromkeys(TIPOS, 0.0)
        tipo["queja_servicio" if text in (PRAISE, SPECIAL) else "gestion"] = 1.0
        servicio = dict.fromkeys(SERVICIOS, 0.0)
        servicio["consulta_externa"] = 1.0
        # The false alarm gets a high model score, but no rule finds a category in it.
        caso = {SPECIAL: 0.9, FALSE_ALARM: 0.6}.get(text, 0.0)
        return TextScores(0.97, tipo, servicio, caso)


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    from buzon_pipeline import api
    from buzon_pipeline.reading import analyze, ocr

    analyzer = fk.FakeAnalyzer(PAGES)
    monkeypatch.setattr(analyze.PageAnalyzer, "load", classmethod(lambda cls, *_: analyzer))
    monkeypatch.setattr(
        api.TextClassifier, "load", classmethod(lambda cls, p, lazy=False: Classifier())
    )
    monkeypatch.setattr(ocr, "check_available", lambda: None)


def _scan(folder: Path, name: str, level: int, fmt: str | None = None, salt: int = 0) -> Path:
    """A page whose first pixel says what it holds; `salt` makes another file (another hash)
    with the same content."""
    folder.mkdir(parents=True, exist_ok=True)
    image = np.full((1100, 850), level, np.uint8)
    image[500:600, 200:700] = 255
    image[1099, 849] = (level + salt) % 256
    path = folder / name
    Image.fromarray(image).save(path, format=fmt)
    return path


def _run(*args: str, cwd: Path | None = None) -> object:
    runner = CliRunner()
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(main, list(args))
    finally:
        os.chdir(old)


def _procesar(db: Path, *inputs: Path, extra: tuple[str, ...] = ()) -> object:
    return _run(
        "procesar",
        *map(str, inputs),
        "--taod",
        "T",
        "--unidad",
        "UMF 20",
        "--db",
        f"sqlite:///{db}",
        "--archivo",
        str(db.parent / "archivo"),
        "--trabajadores",
        "1",
        *extra,
    )


def _siade_folios(folder: Path) -> list[str]:
    text = (folder / "siade.csv").read_text(encoding="utf-8-sig")
    return [row["folio_local"] for row in csv.DictReader(io.StringIO(text))]


# -- trap 1: one report folder per registry, used by every command ---------------------------
def test_follow_up_commands_write_in_the_registry_report_folder(tmp_path: Path, fakes) -> None:
    db, reports = tmp_path / "buzon.db", tmp_path / "reportes-unidad"
    first = _procesar(db, _scan(tmp_path / "in", "b.png", 20), extra=("--reportes", str(reports)))
    assert first.exit_code == 0, first.output
    elsewhere = tmp_path / "otra"
    elsewhere.mkdir()
    # From another folder, with only --db: the report goes to the registry's folder.
    result = _run("contacto", "1", "--sin-respuesta", "--db", f"sqlite:///{db}", cwd=elsewhere)
    assert result.exit_code == 0, result.output
    assert not (elsewhere / "reportes").exists()
    printed = [line.split(": ", 1)[1] for line in result.output.splitlines() if "Reportes" in line]
    assert printed and all(Path(p).is_absolute() for p in printed)
    assert all(Path(p).is_relative_to(reports) for p in printed)
    assert "Cerrado por desinterés" in (Path(printed[0]) / "resumen.html").read_text()
    # --reportes exists on every follow-up command.
    for command in (["contactos"], ["cerrar-vencidos"], ["contacto", "1", "--sin-respuesta"]):
        help_text = _run(*command[:1], "--help").output
        assert "--reportes" in help_text, command
    # The page's copied commands carry the folder as well.
    _run("revisar", "--db", f"sqlite:///{db}", cwd=elsewhere)
    page = (reports / "revision.html").read_text()
    assert f"--reportes {reports}" in page


# -- trap 2: a re-run adds no lote and lists no folio twice ----------------------------------
def test_rerun_adds_no_lote_and_siade_lists_each_folio_once(tmp_path: Path, fakes) -> None:
    db, reports = tmp_path / "buzon.db", tmp_path / "reportes"
    scans = tmp_path / "in"
    _scan(scans, "a.png", 10)
    extra = ("--reportes", str(reports))
    assert _procesar(db, scans, extra=extra).exit_code == 0
    again = _procesar(db, scans, extra=extra)
    assert again.exit_code == 0, again.output
    assert "No se creó un lote nuevo" in again.output
    assert "a.png: lote 1" in again.output
    assert "Folios emitidos: 0" in again.output
    lotes = sorted(p.name for p in reports.glob("*/lote-*"))
    assert lotes == ["lote-1"]
    # A new file with the old one: a new lote whose export holds only the new folio.
    _scan(scans, "c.png", 10, salt=1)  # same data, another file: a duplicate (5.9), no folio
    _scan(scans, "d.png", 20)
    mixed = _procesar(db, scans, extra=extra)
    assert mixed.exit_code == 0, mixed.output
    assert "Lote 2" in mixed.output and "a.png: lote 1" in mixed.output
    (lote1,) = reports.glob("*/lote-1")
    (lote2,) = reports.glob("*/lote-2")
    assert len(_siade_folios(lote1)) == 1
    assert _siade_folios(lote2) == []
    # A folio issued later by `contacto` goes to today's «capturas pendientes», not to lote 2.
    result = _run(
        "contacto",
        "3",
        "--obtenido",
        "nss=" + OTHER_NSS,
        "--obtenido",
        "nombre=Luis Paz Ruiz",
        "--db",
        f"sqlite:///{db}",
        "--json",
    )
    assert result.exit_code == 0, result.output
    folio = json.loads(result.output)["folio"]
    assert folio
    (pending,) = reports.glob("*/capturas-pendientes")
    assert _siade_folios(pending) == [folio]
    assert folio not in _siade_folios(lote2) and folio not in _siade_folios(lote1)


def _siade_rows(folder: Path) -> dict[str, dict[str, str]]:
    text = (folder / "siade.csv").read_text(encoding="utf-8-sig")
    return {row["folio_local"]: row for row in csv.DictReader(io.StringIO(text))}


def test_rewritten_exports_mark_the_folios_already_exported(tmp_path: Path, fakes) -> None:
    """A SIADE export is rewritten after `contacto`, `revisar` or `buzon reportes`: each row
    says whether an earlier export already held that folio (the TAOD may have captured it)."""
    db, reports = tmp_path / "buzon.db", tmp_path / "reportes"
    scans = tmp_path / "in"
    _scan(scans, "a.png", 10)  # a folio in the batch
    _scan(scans, "d.png", 20)  # contact data only: pendiente de contacto
    _scan(scans, "e.png", 20, salt=1)  # another one
    first = _procesar(db, scans, extra=("--reportes", str(reports), "--json"))
    assert first.exit_code == 0, first.output
    rows = {Path(r["source"]).name: r for r in map(json.loads, first.stdout.splitlines())}
    (lote,) = reports.glob("*/lote-1")
    (batch_folio,) = _siade_rows(lote)
    assert _siade_rows(lote)[batch_folio]["ya_exportado"] == "no"
    first_date = _siade_rows(lote)[batch_folio]["primera_exportacion"]
    assert first_date

    def obtain(doc: dict, nss: str, name: str) -> str:
        result = _run(
            "contacto",
            str(doc["document_id"]),
            "--obtenido",
            "nss=" + nss,
            "--obtenido",
            "nombre=" + name,
            "--db",
            f"sqlite:///{db}",
            "--json",
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["folio"]

    later = obtain(rows["d.png"], OTHER_NSS, "Luis Paz Ruiz")
    # The lote's export was rewritten: its folio is now marked as exported before.
    again = _siade_rows(lote)[batch_folio]
    assert again["ya_exportado"] == "sí" and again["primera_exportacion"] == first_date
    (pending,) = reports.glob("*/capturas-pendientes")
    assert _siade_rows(pending)[later]["ya_exportado"] == "no"
    third_nss = "1122334455" + str(luhn_check_digit("1122334455"))
    last = obtain(rows["e.png"], third_nss, "Rosa Gil Mora")
    marks = {folio: row["ya_exportado"] for folio, row in _siade_rows(pending).items()}
    assert marks == {later: "sí", last: "no"}
    # `buzon reportes` rewrites the lote once more: still one row, still marked.
    result = _run("reportes", "1", "--db", f"sqlite:///{db}")
    assert result.exit_code == 0, result.output
    assert {f: r["ya_exportado"] for f, r in _siade_rows(lote).items()} == {batch_folio: "sí"}
    from openpyxl import load_workbook

    sheet = load_workbook(lote / "siade.xlsx").active
    header = [c.value for c in sheet[1]]
    assert sheet.cell(row=2, column=header.index("ya_exportado") + 1).value == "sí"


# -- trap 3: read-only commands never create a database --------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ["contactos"],
        ["revisar"],
        ["cerrar-vencidos"],
        ["reportes", "1"],
        ["contacto", "1", "--sin-respuesta"],
    ],
)
def test_commands_other_than_procesar_refuse_to_create_a_database(
    tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "buzom.db"
    result = _run(*command, "--db", f"sqlite:///{typo}", cwd=tmp_path)
    assert result.exit_code == ExitCode.DATABASE, result.output
    assert "No existe la base de datos" in result.output
    assert not typo.exists() and not (tmp_path / "buzon.db").exists()


@pytest.mark.parametrize(
    "command",
    [["contactos"], ["revisar"], ["cerrar-vencidos"], ["reportes", "1"]],
)
def test_commands_other_than_procesar_refuse_an_empty_postgresql_database(
    tmp_path: Path, pg_url: str, command: list[str]
) -> None:
    """On a server there is no file to look for: a database (here a fresh schema) without a
    registry is refused the same way, and nothing is created in it."""
    from sqlalchemy import create_engine, inspect

    result = _run(*command, "--db", pg_url, cwd=tmp_path)
    assert result.exit_code == ExitCode.DATABASE, result.output
    assert "No existe la base de datos" in result.output
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == []
    finally:
        engine.dispose()


def test_a_bad_database_url_gets_a_spanish_message(tmp_path: Path) -> None:
    result = _run("contactos", "--db", "sqlit:///x.db", cwd=tmp_path)
    assert result.exit_code == ExitCode.BAD_ARGS
    assert "no es válida" in result.output and "NoSuchModuleError" not in result.output


# -- trap 4: a caso especial says which category and which words -----------------------------
def test_caso_especial_carries_category_and_words(tmp_path: Path, fakes) -> None:
    db, reports = tmp_path / "buzon.db", tmp_path / "reportes"
    scans = tmp_path / "in"
    _scan(scans, "especial.png", 60)
    _scan(scans, "sillas.png", 70)
    result = _procesar(db, scans, extra=("--reportes", str(reports), "--json"))
    assert result.exit_code == 0, result.output
    rows = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    special, chairs = rows["especial.png"], rows["sillas.png"]
    assert special["caso_especial"] is True
    assert "violencia" in special["caso_especial_motivo"]
    assert "golpeo" in special["caso_especial_motivo"]
    # A high model score with no category found is not an alarm (below caso_solo_modelo).
    assert chairs["caso_especial"] is False and chairs["caso_especial_motivo"] is None
    (lote,) = reports.glob("*/lote-1")
    for page in ("casos_especiales.html", "resumen.html"):
        text = (lote / page).read_text()
        assert "violencia" in text and "golpeo" in text, page


# -- trap 5: a checkbox the text contradicts goes to review ----------------------------------
def test_reconocimiento_mark_is_not_turned_into_a_complaint(tmp_path: Path, fakes) -> None:
    db, reports = tmp_path / "buzon.db", tmp_path / "reportes"
    result = _procesar(
        db, _scan(tmp_path / "in", "gracias.png", 50), extra=("--reportes", str(reports), "--json")
    )
    assert result.exit_code == 0, result.output
    (row,) = map(json.loads, result.stdout.splitlines())
    assert row["outcome"] == "revision"
    assert any("reconocimiento" in r and "Confirme" in r for r in row["reasons"])
    (lote,) = reports.glob("*/lote-1")
    assert not list(lote.glob("copias_turno/*.pdf"))  # no copy goes out as a complaint
    assert _siade_folios(lote) == []


# -- trap 7: phone formats are read, never skipped silently ----------------------------------
def test_webp_bmp_and_heic_photos_are_read(tmp_path: Path, fakes) -> None:
    from pillow_heif import register_heif_opener  # a dependency (pyproject): never skipped

    register_heif_opener()
    scans = tmp_path / "in"
    _scan(scans, "foto.webp", 10, "WEBP")
    _scan(scans, "foto.bmp", 20, "BMP")
    _scan(scans, "foto.heic", 10, "HEIF", salt=1)
    result = _procesar(tmp_path / "buzon.db", scans, extra=("--json",))
    assert result.exit_code == 0, result.output
    rows = {
        Path(r["source"]).name: r["outcome"] for r in map(json.loads, result.stdout.splitlines())
    }
    assert rows["foto.bmp"] == "pendiente_contacto"
    assert rows["foto.heic"] == "folio"
    assert rows["foto.webp"] == "duplicado"  # same data as foto.heic (5.9)
    assert "omitidos" not in result.stderr


# -- trap 8: Spanish help, examples, validated ranges ---------------------------------------
COMMANDS = [
    "procesar",
    "contactos",
    "contacto",
    "cerrar-vencidos",
    "reportes",
    "revisar",
    "evaluar",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_spanish_help_with_examples(command: str) -> None:
    result = _run(command, "--help")
    assert result.exit_code == 0
    for english in ("Usage:", "Options:", "Show this message", "[OPTIONS]"):
        assert english not in result.output, (command, english)
    assert "Uso:" in result.output and "Opciones:" in result.output
    assert "Ejemplos:" in result.output and f"buzon {command}" in result.output


def test_group_help_lists_whole_descriptions_in_spanish() -> None:
    result = _run("--help")
    assert "Comandos:" in result.output and "(act." not in result.output
    assert "Ejemplos:" in result.output and "\n  buzon contactos\n" in result.output
    assert "Commands" not in result.output


@pytest.mark.parametrize(
    "args, spanish",
    [
        (["procesar", "x.pdf", "--taod", "T", "--unidad", "U", "--trabajadores", "0"], "intervalo"),
        (
            ["procesar", "x.pdf", "--taod", "T", "--unidad", "U", "--trabajadores", "-1"],
            "intervalo",
        ),
        (["procesar", "x.pdf"], "Falta la opción"),
        (["procesr"], "No existe el comando"),
        (["cerrar-vencidos", "--dias", "abc"], "no es un entero válido"),
    ],
)
def test_click_errors_are_spanish(tmp_path: Path, args: list[str], spanish: str) -> None:
    result = _run(*args, cwd=tmp_path)
    assert result.exit_code == ExitCode.BAD_ARGS, result.output
    assert spanish in result.output, result.output
    for english in ("Usage:", "Error: No such", "Missing option", "is not in the range"):
        assert english not in result.output


def test_reports_use_spanish_labels_links_and_doc_column(tmp_path: Path, fakes) -> None:
    db, reports = tmp_path / "buzon.db", tmp_path / "reportes"
    assert (
        _procesar(
            db, _scan(tmp_path / "in", "a.png", 10), extra=("--reportes", str(reports))
        ).exit_code
        == 0
    )
    (lote,) = reports.glob("*/lote-1")
    summary = (lote / "resumen.html").read_text()
    assert "<th>DOC</th>" in summary and "href='siade.xlsx'" in summary
    assert "Volante (Anexo 12)" in summary and ">volante<" not in summary
    assert stat.S_IMODE((lote / "resumen.html").stat().st_mode) == 0o600
