from __future__ import annotations

from buzon_pipeline.core.model import Kind, PageAnalysis
from buzon_pipeline.reading.grouping import group_pages


def page(n, text="", kind=None, blank=False, error=None):
    return PageAnalysis("a.pdf", "x", n, blank=blank, kind=kind, text=text, error=error)


OPEN = "Ciudad de México, a 3 de marzo de 2026\nA quien corresponda:\nPor medio de la presente"
BODY = "y además la doctora no me atendió y tuve que regresar otro día"
CLOSE = "Atentamente\nAna Ruiz Paz"


def test_volantes_are_single_documents_and_blanks_are_left_out():
    pages = [page(1, kind=Kind.VOLANTE), page(2, blank=True), page(3, kind=Kind.VOLANTE)]
    assert [[p.number for p in d] for d in group_pages(pages)] == [[1], [3]]


def test_letter_continues_across_a_blank_back_side():
    pages = [page(1, OPEN + BODY), page(2, blank=True), page(3, BODY + "\n" + CLOSE)]
    assert [[p.number for p in d] for d in group_pages(pages)] == [[1, 3]]


def test_closed_letter_is_followed_by_a_new_one():
    pages = [page(1, OPEN + "\n" + CLOSE), page(2, BODY)]
    assert [[p.number for p in d] for d in group_pages(pages)] == [[1], [2]]


def test_new_opening_starts_a_new_letter():
    pages = [page(1, OPEN + BODY), page(2, OPEN + BODY + CLOSE)]
    assert [[p.number for p in d] for d in group_pages(pages)] == [[1], [2]]


def test_error_pages_break_nothing():
    pages = [page(1, OPEN + BODY), page(2, error="ilegible"), page(3, BODY + CLOSE)]
    assert [[p.number for p in d] for d in group_pages(pages)] == [[1, 3]]
