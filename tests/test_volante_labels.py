"""Volantes of other printings read by their labels (docs/design.md §2), and what must keep
its own path: the canonical Anexo 12 volante, and letters."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from buzon_pipeline.core.model import Kind, Page, PageAnalysis
from buzon_pipeline.evaluation.metrics import canonical
from buzon_pipeline.reading import analyze as analyze_module
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.analyze import PageAnalyzer
from buzon_pipeline.reading.volante_labels import (
    VOLANTE_NOTE,
    Label,
    LabelledPage,
    _tick_boxes,
    find_squares,
)
from buzon_pipeline.synth import documents
from buzon_pipeline.synth.printings import DEV_PRINTINGS, PRINTINGS, TEST_PRINTINGS

PERSON = {
    "font_kind": "typed", "level": "clean", "empty": False, "nombre": True, "nss": True,
    "nss_valid": True, "telefono": True, "phone_valid": True, "correo": True,
    "email_valid": True,
}


@pytest.fixture(scope="module")
def analyzer() -> PageAnalyzer:
    return PageAnalyzer.load()


def _page(image: Image.Image) -> Page:
    return Page("volante.tif", "0" * 64, 1, np.asarray(image.convert("L")), 300)


def _analyse(analyzer: PageAnalyzer, doc: documents.SynthDocument) -> PageAnalysis:
    return analyzer.analyze(_page(doc.pages[0]))


def test_one_printing_is_kept_apart_for_test():
    assert set(DEV_PRINTINGS) | set(TEST_PRINTINGS) == set(PRINTINGS)
    assert not set(DEV_PRINTINGS) & set(TEST_PRINTINGS)
    assert len(PRINTINGS) >= 3


@pytest.mark.parametrize("printing", sorted(PRINTINGS))
def test_other_printings_have_the_canonical_truth(printing: str):
    doc = documents.make_volante(random.Random(5), printing=printing, **PERSON)
    truth = doc.truth
    assert truth["kind"] == "volante" and truth["impresion"] == printing
    assert truth["fields"]["nss"] and truth["fields"]["correo"]
    assert truth["outcome"] == "folio"


@pytest.mark.parametrize(("printing", "tipo", "marca"), [
    ("renglones", "queja_servicio", "tipo_queja"),
    ("media_carta", "reconocimiento", "tipo_reconocimiento"),
])
def test_a_typed_volante_of_another_printing_is_read_by_its_labels(
    analyzer: PageAnalyzer, printing: str, tipo: str, marca: str
):
    doc = documents.make_volante(
        random.Random(11), printing=printing, tipo=tipo, marcas=[marca], **PERSON
    )
    analysis = _analyse(analyzer, doc)
    assert analysis.kind is Kind.VOLANTE
    assert VOLANTE_NOTE in analysis.notes
    truth = doc.truth["fields"]
    for name in ("nombre", "nss", "telefono", "correo"):
        field = analysis.fields[name]
        assert canonical(name, field.value) == canonical(name, truth[name]), name
        assert field.confidence >= 0.6, name
    marked = {mark for mark, on in analysis.marks.items() if on}
    assert marked == {marca.removeprefix("tipo_")}
    assert len(analysis.text) > 20  # the description, for the classifier


def test_without_label_reading_such_a_volante_is_a_letter(analyzer: PageAnalyzer):
    """What the program did before: the measure's baseline (training/eval_printings.py)."""
    from dataclasses import replace

    doc = documents.make_volante(random.Random(11), printing="renglones", **PERSON)
    analysis = replace(analyzer, label_reading=False).analyze(_page(doc.pages[0]))
    assert analysis.kind is None


def test_a_canonical_volante_keeps_the_canonical_path(
    analyzer: PageAnalyzer, monkeypatch: pytest.MonkeyPatch
):
    def no_labels(*args, **kwargs):
        raise AssertionError("a canonical volante must not be read by labels")

    monkeypatch.setattr(analyze_module, "analyse_labels", no_labels)
    doc = documents.make_volante(random.Random(11), **PERSON)
    analysis = _analyse(analyzer, doc)
    assert analysis.kind is Kind.VOLANTE
    assert VOLANTE_NOTE not in analysis.notes
    assert analysis.fields["nss"].value == doc.truth["fields"]["nss"]


def test_a_typed_letter_with_a_data_block_is_not_a_volante(analyzer: PageAnalyzer):
    doc = documents.make_letter(random.Random(4), pages=1, **PERSON)
    analysis = _analyse(analyzer, doc)
    assert analysis.kind is None


def _label(key: str, box: tuple[int, int, int, int]) -> Label:
    return Label(key, box, box[3] - box[1])


def test_squares_are_found_under_a_tick_and_each_goes_to_the_nearest_label():
    image = Image.new("L", (900, 200), 255)
    draw = ImageDraw.Draw(image)
    boxes = [(100, 80, 153, 133), (400, 80, 453, 133)]
    for box in boxes:
        draw.rectangle(box, outline=0, width=3)
    draw.line((95, 75, 160, 140), fill=0, width=6)  # an X over the first square
    draw.line((160, 75, 95, 140), fill=0, width=6)
    draw.rectangle((600, 80, 800, 133), outline=0, width=3)  # a wide box is no checkbox
    squares = find_squares(np.asarray(image), 300)
    assert len(squares) == 2
    labels = [_label("queja", (165, 92, 260, 120)), _label("sugerencia", (465, 92, 620, 120))]
    ticks = _tick_boxes(labels, squares)
    assert abs(ticks["queja"][0] - 100) <= 4 and abs(ticks["sugerencia"][0] - 400) <= 4


def test_type_words_without_squares_do_not_make_a_volante():
    labels = [_label("queja", (0, 0, 50, 20)), _label("sugerencia", (60, 0, 120, 20)),
              _label("nombre", (0, 40, 50, 60)), _label("telefono", (0, 80, 50, 100))]
    assert not LabelledPage(labels, {}).is_volante
    squares = {"queja": (0, 0, 10, 10), "sugerencia": (0, 0, 10, 10)}
    assert LabelledPage(labels, squares).is_volante


def test_label_words_are_found_misread_and_spread_over_their_line():
    from buzon_pipeline.reading.volante_labels import find_labels

    words = [
        ("No.", 10, 1), ("de", 60, 1), ("Seguridad", 100, 1), ("Social:", 260, 1),
        ("Telefono", 10, 2), ("Correo", 10, 3), ("electrónico", 120, 3),
        ("Nombre", 10, 4), ("del", 130, 4), ("servidor", 180, 4),
    ]
    result = ocr.OcrResult(
        "", 0.96,
        tuple(ocr.Word(t, 0.96, (x, 30 * n, x + 15 * len(t), 30 * n + 20), (1, 1, n))
              for t, x, n in words),
    )
    found = {lab.key: lab for lab in find_labels(np.full((200, 600), 255, np.uint8), result)}
    assert set(found) == {"nss", "telefono", "correo"}  # "Nombre del servidor" is not the person
    assert found["nss"].box[0] == 10 and found["nss"].box[2] == 260 + 15 * 7


def test_cells_are_counted_by_their_separators_not_by_a_written_one():
    from buzon_pipeline.reading.volante_labels import _comb_box, _ink, _long_lines

    image = Image.new("L", (1200, 200), 255)
    draw = ImageDraw.Draw(image)
    x0, cell = 100, 77  # 10 cells of 6.5 mm at 300 dpi
    draw.rectangle((x0, 50, x0 + 10 * cell, 145), outline=0, width=3)
    for i in range(1, 10):
        draw.line((x0 + i * cell, 50, x0 + i * cell, 145), fill=0, width=3)
    draw.line((x0 + 2 * cell + 38, 70, x0 + 2 * cell + 38, 130), fill=0, width=5)  # a "1"
    gray = np.asarray(image)
    found = _comb_box(_long_lines(_ink(gray), 300), (0, 0, 1200, 200), 300)
    assert found is not None and found[0] == 10


def test_a_page_scanned_at_half_its_declared_resolution_is_measured_at_its_real_one():
    from buzon_pipeline.reading.volante_labels import effective_dpi

    full = [_label(k, (0, 0, 100, 32)) for k in ("nombre", "nss", "queja", "otro")]
    half = [_label(k, (0, 0, 50, 16)) for k in ("nombre", "nss", "queja", "otro")]
    assert effective_dpi(full, 300) == 300
    assert 130 <= effective_dpi(half, 300) <= 170


def test_a_handwritten_stem_on_an_underline_is_writing_and_cell_walls_are_rules():
    from buzon_pipeline.reading.volante_labels import _comb_box, _ink, printed_rules

    image = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(image)
    draw.line((50, 150, 1000, 150), fill=0, width=3)  # an underline
    draw.line((300, 80, 302, 149), fill=0, width=7)  # a "1" standing on it, 6 mm tall
    draw.line((400, 60, 400, 125), fill=0, width=7)  # a "1" above it, as tall
    x0, cell = 100, 77  # a comb of 10 cells
    draw.rectangle((x0, 250, x0 + 10 * cell, 345), outline=0, width=3)
    for i in range(1, 10):
        draw.line((x0 + i * cell, 250, x0 + i * cell, 345), fill=0, width=3)
    draw.rectangle((1050, 220, 1350, 330), outline=0, width=3)  # a box
    rules = printed_rules(_ink(np.asarray(image)), 300)
    assert rules[150, 500] and rules[300, x0 + 3 * cell] and rules[275, 1050]
    assert not rules[110, 301] and not rules[90, 400]
    found = _comb_box(rules, (0, 200, 1400, 400), 300)
    assert found is not None and found[0] == 10


def test_only_values_read_from_cells_are_judged_on_the_comb_models_scale():
    from buzon_pipeline.config import Settings
    from buzon_pipeline.pipeline import comb_limits

    settings = Settings()
    canonical_form = PageAnalysis("v.tif", "0" * 64, 1, False, Kind.VOLANTE)
    assert comb_limits(canonical_form, settings) == {
        "nss": settings.min_nss_confidence, "telefono": settings.min_digit_confidence,
    }
    on_lines = PageAnalysis("v.tif", "0" * 64, 1, False, Kind.VOLANTE, comb_fields=("nss",))
    assert comb_limits(on_lines, settings) == {"nss": settings.min_nss_confidence}
    letter = PageAnalysis("c.tif", "0" * 64, 1, False, Kind.ESCRITO_LIBRE)
    assert comb_limits(letter, settings) is None


def test_a_zone_holds_the_strokes_whose_middle_is_in_it_not_the_tops_of_the_next_line():
    from buzon_pipeline.reading.volante_labels import Strokes

    writing = np.zeros((300, 400), np.uint8)
    writing[150:250, 100:130] = 255  # a digit on the next line, its top reaching up to y=150
    strokes = Strokes.of(writing)
    assert strokes.inside((0, 100, 400, 180)) == 0  # the zone above sees only its top
    assert strokes.inside((0, 180, 400, 260)) == 100 * 30
