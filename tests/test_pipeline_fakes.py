"""The batch end to end with fake readers: no OCR, no model, a second or two.

The page analyser and the text classifier are replaced by fakes that return what a page "says"
(its fields and text are keyed by the image's first pixel value), so these tests check the
pipeline's own work: grouping, validation, the routing table, registration, folios, the
--json contract, reports and the exit codes 4, 6 and 130 of the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from buzon_pipeline import api
from buzon_pipeline.cli import main
from buzon_pipeline.config import load_settings
from buzon_pipeline.core.model import Field, Kind, Page, PageAnalysis
from buzon_pipeline.core.vocab import SERVICIOS, TIPOS
from buzon_pipeline.deciding.textclass import TextScores, Thresholds
from buzon_pipeline.errors import ExitCode, MissingDependencyError
from buzon_pipeline.reading import analyze, ocr

NSS = "12345678903"  # passes the check digit
PETITION = "Solicito que me den cita con el especialista, ya llevo meses esperando."


def _fields(**values: str) -> dict[str, Field]:
    return {name: Field(value, 0.99, None, value, True) for name, value in values.items()}


# What each fake page holds, by the grey level its image is filled with.
PAGES = {
    10: dict(
        kind=Kind.VOLANTE,
        text=PETITION,
        fields=_fields(nombre="ANA RUIZ PAZ", nss=NSS, telefono="5512345678"),
    ),
    20: dict(kind=Kind.VOLANTE, text=PETITION, fields=_fields(telefono="5587654321")),
    30: dict(kind=Kind.VOLANTE, text=PETITION, fields={}),
    # Long enough to count as a confident reading (a few words are never discarded).
    40: dict(
        kind=None,
        text="Lista del súper: leche, huevo, tortillas, jabón, arroz, frijol, aceite, azúcar, "
        "café, sal, pan, queso, jitomate, cebolla y papel de baño.",
        fields={},
    ),
}


class FakeAnalyzer:
    """Reads what `pages` says a page holds, by its fill level (lossy formats such as HEIC and
    WEBP move the grey level a little: the nearest level is taken). Level 99 crashes."""

    def __init__(self, pages: dict[int, dict] = PAGES) -> None:
        self.pages = pages

    def analyze(self, page: Page) -> PageAnalysis:
        level = int(page.image[0, 0])
        if level == 99:
            raise RuntimeError("a reader crashed on this page")
        spec = self.pages[min(self.pages, key=lambda key: abs(key - level))]
        return PageAnalysis(
            source=page.source,
            source_sha256=page.source_sha256,
            number=page.number,
            blank=False,
            kind=spec["kind"],
            text=spec["text"],
            text_confidence=0.95,
            fields=spec["fields"],
            marks=spec.get("marks", {}),
        )


class FakeClassifier:
    thresholds = Thresholds(es_peticion_descartar=0.3, tipo_min=0.4, caso_especial=0.9)

    def predict(self, text: str) -> TextScores:
        petition = text == PETITION
        tipo = dict.fromkeys(TIPOS, 0.0)
        tipo["gestion" if petition else "orientacion"] = 1.0
        servicio = dict.fromkeys(SERVICIOS, 0.0)
        servicio["citas"] = 1.0
        return TextScores(0.97 if petition else 0.02, tipo, servicio, 0.0)


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_analyzer = classmethod(lambda cls, keep_view=None, models_dir=None: FakeAnalyzer())
    monkeypatch.setattr(analyze.PageAnalyzer, "load", fake_analyzer)
    monkeypatch.setattr(
        api.TextClassifier, "load", classmethod(lambda cls, p, lazy=False: FakeClassifier())
    )
    monkeypatch.setattr(ocr, "check_available", lambda: None)


def _scan(folder: Path, name: str, level: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    # Ink in a corner keeps the page from being blank; the fill level says what it holds.
    image = np.full((1100, 850), level, np.uint8)
    image[0, 0] = level
    image[500:600, 200:700] = 255
    Image.fromarray(image).save(path)
    return path


def _settings(tmp_path: Path):
    return load_settings(
        None,
        env={},
        db_url=f"sqlite:///{tmp_path / 'buzon.db'}",
        reports_dir=str(tmp_path / "reportes"),
        archive_dir=str(tmp_path / "archivo"),
        workers=1,
    )


def test_batch_routes_each_document_by_the_table(tmp_path: Path, fakes: None) -> None:
    scans = tmp_path / "escaneos"
    for name, level in [("a.png", 10), ("b.png", 20), ("c.png", 30), ("d.png", 40)]:
        _scan(scans, name, level)
    summary = api.process_batch(
        [str(scans)], "TAOD", "UMF 20", _settings(tmp_path), classifier=FakeClassifier()
    )
    by_file = {Path(r.source).name: r for r in summary.results}
    assert str(by_file["a.png"].outcome) == "folio" and by_file["a.png"].folio
    assert str(by_file["b.png"].outcome) == "pendiente_contacto"
    assert str(by_file["c.png"].outcome) == "publico_general"
    assert str(by_file["d.png"].outcome) == "descartado"
    assert by_file["d.png"].fields == {}  # 5.14: a discarded page keeps no personal data
    assert summary.folios_issued == 1 and summary.errors == 0
    assert (summary.report_dir / "resumen.html").is_file()

    again = api.process_batch(
        [str(scans)], "TAOD", "UMF 20", _settings(tmp_path), classifier=FakeClassifier()
    )
    # Every file was processed before: no new lote, no folio issued, the same folios shown.
    assert again.folios_issued == 0 and not again.new_batch
    assert again.info.batch_id == summary.info.batch_id
    assert {r.folio for r in again.results} == {r.folio for r in summary.results}


def _cli(tmp_path: Path, *inputs: Path) -> object:
    return CliRunner().invoke(
        main,
        [
            "procesar",
            *map(str, inputs),
            "--taod",
            "T",
            "--unidad",
            "UMF 20",
            "--db",
            f"sqlite:///{tmp_path / 'buzon.db'}",
            "--reportes",
            str(tmp_path / "reportes"),
            "--archivo",
            str(tmp_path / "archivo"),
            "--trabajadores",
            "1",
            "--json",
        ],
    )


def test_a_page_that_fails_ends_as_an_error_row_and_exit_6(tmp_path: Path, fakes: None) -> None:
    good, bad = _scan(tmp_path / "in", "bueno.png", 10), _scan(tmp_path / "in", "malo.png", 99)
    result = _cli(tmp_path, good, bad)
    assert result.exit_code == ExitCode.PARTIAL, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    outcomes = {Path(r["source"]).name: r["outcome"] for r in rows}
    assert outcomes == {"bueno.png": "folio", "malo.png": "error"}


def test_missing_tesseract_exits_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise MissingDependencyError("No se encontró Tesseract.")

    monkeypatch.setattr(ocr, "check_available", missing)
    result = _cli(tmp_path, _scan(tmp_path / "in", "a.png", 10))
    assert result.exit_code == ExitCode.MISSING_DEPENDENCY
    assert "Tesseract" in result.output


def test_interrupt_exits_130_with_the_rerun_advice(
    tmp_path: Path, fakes: None, monkeypatch: pytest.MonkeyPatch
) -> None:

    def interrupted(self, page: Page) -> PageAnalysis:
        raise KeyboardInterrupt

    monkeypatch.setattr(FakeAnalyzer, "analyze", interrupted)
    result = _cli(tmp_path, _scan(tmp_path / "in", "a.png", 10))
    assert result.exit_code == ExitCode.INTERRUPTED
    assert "Vuelva a ejecutar el mismo comando" in result.output


def test_models_dir_setting_points_the_readers_elsewhere(tmp_path: Path) -> None:
    from buzon_pipeline.core.resources import (
        COMB_DIGIT_MODEL,
        DIGIT_MODEL,
        default_models_dir,
        models_dir,
    )

    settings = load_settings(None, env={"BUZON_MODELS_DIR": str(tmp_path)})
    assert models_dir(settings.models_dir) == tmp_path
    assert models_dir(None) == default_models_dir()
    with pytest.raises(FileNotFoundError):  # an empty folder has no digit model
        analyze.PageAnalyzer.load(None, tmp_path)
    for name in (DIGIT_MODEL, COMB_DIGIT_MODEL):
        (tmp_path / name).write_bytes((default_models_dir() / name).read_bytes())
    analyzer = analyze.PageAnalyzer.load(None, tmp_path)
    # two CNNs: the comb cells', and the letters' one that also knows "not a digit"
    assert analyzer.digits.convs and analyzer.letter_digits.convs
    assert analyzer.digits is not analyzer.letter_digits


FAREWELL = (
    "Ciudad de México, a 3 de marzo de 2026\nA quien corresponda:\n"
    "Les escribo por lo de la farmacia.\nSin más por el momento, quedo de usted."
)
# A page that says goodbye but is not signed, then a page that neither opens a letter, nor
# carries a page number, nor the signature: the rest of the same letter or a new one. Alone
# it is registered as a petition
# of its own (a letter's data come from its text: here name, NSS and phone are not in it).
DOUBTFUL_PAGES = {
    **PAGES,
    50: dict(kind=None, text=FAREWELL, fields={}),
    60: dict(
        kind=None,
        text=PETITION,
        fields=_fields(nombre="ANA RUIZ PAZ", nss=NSS, telefono="5512345678"),
    ),
}


def _tiff(folder: Path, name: str, levels: list[int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for level in levels:
        image = np.full((1100, 850), level, np.uint8)
        image[500:600, 200:700] = 255
        pages.append(Image.fromarray(image))
    path = folder / name
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300))
    return path


def test_a_page_that_may_belong_to_the_letter_before_never_gets_its_own_folio(
    tmp_path: Path, fakes: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    load = classmethod(lambda cls, keep_view=None, models_dir=None: FakeAnalyzer(DOUBTFUL_PAGES))
    monkeypatch.setattr(analyze.PageAnalyzer, "load", load)
    _tiff(tmp_path / "lote", "lote.tif", [50, 60])
    _tiff(tmp_path / "sola", "sola.tif", [60])
    settings = _settings(tmp_path)
    alone = api.process_batch(
        [str(tmp_path / "sola")], "TAOD", "UMF 20", settings, classifier=FakeClassifier()
    )
    # The control: the second page by itself is registered as a petition of its own.
    assert [str(r.outcome) for r in alone.results] == ["pendiente_contacto"]
    summary = api.process_batch(
        [str(tmp_path / "lote")], "TAOD", "UMF 20", settings, classifier=FakeClassifier()
    )
    (result,) = summary.results
    assert result.pages == [1, 2]
    # The joined text is no petition to the fake classifier: without the rule it would be
    # discarded. Doubtful grouping goes to review whole, never a folio nor a discard.
    assert str(result.outcome) == "revision" and result.folio is None
    assert any("Agrupación de páginas dudosa" in reason for reason in result.reasons)
    assert summary.folios_issued == 0
