from __future__ import annotations

import cv2
import numpy as np
import pytest

from buzon_pipeline.core.model import Kind, PageAnalysis
from buzon_pipeline.reading.grouping import (
    OTHER_HAND_ABOVE,
    SAME_HAND_BELOW,
    PageNumber,
    as_style,
    closes_letter,
    group_documents,
    group_pages,
    page_number,
    page_style,
    style_distance,
)

HAND_A = (3.0, 0.45, 60.0, 0.55, 400.0)  # page_style figures of one hand
HAND_B = (5.2, 0.90, 120.0, 0.85, 300.0)  # another: larger, thicker, lighter ink


def page(n, text="", kind=None, blank=False, error=None, style=()):
    return PageAnalysis(
        "a.pdf", "x", n, blank=blank, kind=kind, text=text, error=error, style=style
    )


def numbers(docs) -> list[list[int]]:
    return [[p.number for p in d.pages] for d in docs]


def in_batch(*pages: PageAnalysis) -> list[PageAnalysis]:
    """The pages followed by a volante: a batch, not a file holding one letter (which is
    evidence of its own)."""
    return [*pages, page(99, kind=Kind.VOLANTE)]


OPEN = "Ciudad de México, a 3 de marzo de 2026\nA quien corresponda:\nPor medio de la presente"
BODY = "y además la doctora no me atendió y tuve que regresar otro día"
CLOSE = "Atentamente\nAna Ruiz Paz"
# A first page that neither signs off nor stops mid-sentence: alone it says little about
# what comes next.
FIRST = OPEN + " le escribo para pedir una cita.\nYa fui tres veces a la clínica."
# A page that neither opens a letter nor starts mid-sentence.
MIDDLE = "Me dijeron que regresara en un mes.\nEso no es justo para nadie."


def test_volantes_are_single_documents_and_blanks_are_left_out():
    pages = [page(1, kind=Kind.VOLANTE), page(2, blank=True), page(3, kind=Kind.VOLANTE)]
    assert [[p.number for p in d] for d in group_pages(pages)] == [[1], [3]]


def test_a_text_page_after_a_volante_starts_its_own_document():
    pages = [page(1, BODY, kind=Kind.VOLANTE), page(2, BODY + "\n" + CLOSE)]
    docs = group_documents(pages)
    assert numbers(docs) == [[1], [2]] and not any(d.doubt for d in docs)


def test_letter_continues_across_a_blank_back_side():
    # The sentence runs on across the sheet: the blank back is no boundary.
    pages = [page(1, OPEN + "\n" + BODY), page(2, blank=True), page(3, BODY + "\n" + CLOSE)]
    docs = group_documents(pages)
    assert numbers(docs) == [[1, 3]] and docs[0].doubt is None


def test_two_one_page_letters_with_a_blank_back_between_stay_apart():
    # Issue 13: the second letter has no greeting the OCR read, the first one signs off.
    first = FIRST + "\n" + CLOSE
    second = "Quiero felicitar al doctor del consultorio 4.\nFue muy amable.\n" + CLOSE
    pages = [page(1, first), page(2, blank=True), page(3, second), page(4, blank=True)]
    docs = group_documents(pages)
    assert numbers(docs) == [[1], [3]] and not any(d.doubt for d in docs)


def test_closed_letter_then_an_opening_is_a_new_letter():
    pages = [page(1, OPEN + "\n" + CLOSE), page(2, OPEN + "\n" + BODY + "\n" + CLOSE)]
    docs = group_documents(pages)
    assert numbers(docs) == [[1], [2]] and not any(d.doubt for d in docs)


@pytest.mark.parametrize(
    "mark", ["2/3", "Hoja 2", "Página 2 de 3", "- 2 -", "pág. 2", "2 de 3", "HOJA 2 de 2"]
)
def test_a_page_number_joins_the_page_to_the_letter(mark):
    without = group_documents(in_batch(page(1, FIRST), page(2, MIDDLE)))
    with_mark = group_documents(in_batch(page(1, FIRST), page(2, mark + "\n" + MIDDLE)))
    assert numbers(with_mark) == [[1, 2], [99]] and with_mark[0].doubt is None
    assert without[0].doubt is not None  # the number is what made it sure


def test_page_one_with_a_greeting_starts_a_new_letter():
    unsigned = FIRST + "\ny la doctora me dijo que"  # ends mid-sentence, no closing
    greeting = "A quien corresponda:\n" + MIDDLE
    numbered = group_documents(in_batch(page(1, unsigned), page(2, "1/2\n" + greeting)))
    plain = group_documents(in_batch(page(1, unsigned), page(2, greeting)))
    assert numbers(numbered) == [[1], [2], [99]] and not any(d.doubt for d in numbered)
    assert plain[0].doubt is not None  # without the "1/2" the cut was not sure


def test_a_page_one_without_a_greeting_is_not_cut_off():
    # OCR reads a handwritten "2" as "1": a "1/2" on a page that opens nothing is no proof.
    docs = group_documents(in_batch(page(1, FIRST), page(2, "1/2\n" + MIDDLE)))
    assert numbers(docs)[0] == [1, 2]


def test_a_letter_numbered_as_complete_is_not_continued():
    docs = group_documents([page(1, "2/2\n" + MIDDLE + "\n" + CLOSE), page(2, MIDDLE)])
    assert numbers(docs) == [[1], [2]]


def test_page_number_reading():
    assert page_number("Hoja 2\nbla") == PageNumber(2, None, True)
    assert page_number("Página 2 de 3\nbla") == PageNumber(2, 3, True)
    assert page_number("2\ntexto") == PageNumber(2, None, False)
    assert page_number("2/3\ntexto").total == 3
    assert page_number("- 3 -\ntexto").number == 3
    assert page_number("texto\nmás texto\n4") is None  # a bare number only at the top
    assert page_number("5/3\ntexto") is None  # page 5 of 3 is no page number


def test_a_sentence_running_across_the_break_joins_the_pages():
    runs_on = group_documents(in_batch(page(1, FIRST + "\ny la doctora me dijo que"),
                                       page(2, "regresara otro día.\n" + MIDDLE)))
    assert numbers(runs_on) == [[1, 2], [99]] and runs_on[0].doubt is None
    stops = group_documents(in_batch(page(1, FIRST), page(2, MIDDLE)))
    assert stops[0].doubt is not None


def test_the_same_hand_joins_and_another_hand_makes_it_doubtful():
    same = group_documents(in_batch(page(1, FIRST, style=HAND_A), page(2, MIDDLE, style=HAND_A)))
    other = group_documents(in_batch(page(1, FIRST, style=HAND_A), page(2, MIDDLE, style=HAND_B)))
    plain = group_documents(in_batch(page(1, FIRST), page(2, MIDDLE)))
    assert numbers(same) == [[1, 2], [99]] and same[0].doubt is None
    assert plain[0].doubt is not None  # without the style the join was doubtful
    assert other[0].doubt is not None or numbers(other)[:2] == [[1], [2]]


def test_another_hand_and_a_greeting_start_a_new_letter_even_unsigned():
    # The first letter has no closing (many are not signed off), the second opens with a date.
    pages = [page(1, FIRST, style=HAND_A), page(2, OPEN + "\n" + BODY, style=HAND_B),
             page(3, kind=Kind.VOLANTE)]
    docs = group_documents(pages)
    assert numbers(docs) == [[1], [2], [3]] and not any(d.doubt for d in docs)


def _text_image(scale: float, thickness: int, lines: list[str]) -> np.ndarray:
    image = np.full((3300, 2550), 250, np.uint8)
    y = 200
    for line in lines:
        cv2.putText(image, line, (150, y), cv2.FONT_HERSHEY_SIMPLEX, scale, 30, thickness)
        y += int(60 * scale)
    return image


def test_page_style_tells_hands_apart():
    words = ["la doctora no me atendio y tuve", "que regresar otro dia por la tarde",
             "porque no habia medicamento en la", "farmacia de la unidad ni en otra"] * 4
    a1 = as_style(page_style(_text_image(1.6, 3, words), 300))
    a2 = as_style(page_style(_text_image(1.6, 3, list(reversed(words))), 300))
    b = as_style(page_style(_text_image(2.8, 7, words), 300))
    assert a1 and a2 and b
    assert style_distance(a1, a2) < SAME_HAND_BELOW
    assert style_distance(a1, b) > OTHER_HAND_ABOVE


def test_a_page_with_too_little_writing_has_no_style():
    assert page_style(_text_image(1.6, 3, ["Atentamente"]), 300) == ()


def test_doubtful_pages_stay_with_the_document_before_them():
    # A signed page, then a page that neither opens a letter nor is numbered: it may be a
    # postscript or a new unsigned letter. It must not be cut off on its own.
    pages = [page(1, FIRST + "\n" + CLOSE), page(2, blank=True), page(3, BODY)]
    docs = group_documents(pages)
    assert numbers(docs) == [[1, 3]]
    assert docs[0].doubt and "Agrupación de páginas dudosa" in docs[0].doubt
    assert "3" in docs[0].doubt


def test_error_pages_break_nothing():
    pages = [page(1, OPEN + "\n" + BODY), page(2, error="ilegible"), page(3, BODY + "\n" + CLOSE)]
    assert numbers(group_documents(pages)) == [[1, 3]]


def test_a_page_that_starts_with_the_signature_ends_the_letter_before():
    farewell = FIRST + "\nSin más por el momento, quedo de usted."
    signature = group_documents(in_batch(page(1, farewell), page(2, "Atentamente\n\nAna Ruiz")))
    other = group_documents(in_batch(page(1, farewell), page(2, MIDDLE)))
    assert numbers(signature) == [[1, 2], [99]] and signature[0].doubt is None
    assert numbers(other)[0] != [1, 2] or other[0].doubt is not None


def test_ocr_misreadings_of_closings_and_page_numbers_still_count():
    assert page_number("Pégin 2 de 2\nAtentamente") == PageNumber(2, 2, True)
    assert page_number("Págino Ide 2\ntexto") == PageNumber(1, 2, True)
    for misread in ("hoja i", "Pagina L de 2", "hoja |", "pág. il"):
        assert page_number(misread + "\ntexto") is not None
    closed = [page(1, FIRST + "\nATENTÍMEN3E\n\nAna Ruiz"), page(2, OPEN + "\n" + BODY)]
    docs = group_documents(in_batch(*closed))
    assert numbers(docs) == [[1], [2], [99]] and not any(d.doubt for d in docs)
    assert closes_letter("Ana Ruiz\nAtte.") and closes_letter("Átte.\nAna")
    # The same word starting a sentence in the body closes nothing.
    assert not closes_letter("Respetuosamente le pido que me atiendan.\nLa doctora no vino.")


def test_any_ocr_text_groups_without_error():
    import random

    rng = random.Random(13)
    # Starts that reach the page-number and closing patterns, then noise.
    starts = ("", "Hoja ", "Página ", "pág. ", "- ", "Atentamente\n", "hoja i", "Pagina L de ")
    alphabet = "aeiouAEIOU ÁÉÍÓÚñÑ0123456789/-–|Il.:;,\n\t()«»ºª\u00ad"
    for _ in range(300):
        def noise() -> str:
            return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))

        pages = [page(n, rng.choice(starts) + noise()) for n in range(1, 5)]
        docs = group_documents(pages)
        assert sorted(p.number for d in docs for p in d.pages) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "text",
    ["Hoja 2\n" + MIDDLE, "Página 3 de 3\n" + MIDDLE + "\n" + CLOSE, "Atentamente\n\nAna Ruiz Paz"],
)
def test_a_file_that_starts_in_the_middle_of_a_letter_goes_to_review(text):
    # Pages photographed one per file: page 2 of a letter alone in its file.
    (alone,) = group_documents([page(1, text)])
    assert alone.doubt and "continuación de otro escrito" in alone.doubt
    after_volante = group_documents([page(1, kind=Kind.VOLANTE), page(2, text)])
    assert after_volante[1].doubt is not None


def test_a_file_that_starts_a_letter_is_not_doubtful():
    for text in (OPEN + "\n" + BODY, "1/2\n" + OPEN + "\n" + BODY, MIDDLE, BODY + "\n" + CLOSE):
        (doc,) = group_documents([page(1, text)])
        assert doc.doubt is None, text


# -- issue 13, item 4: the two dev letters still merged ----------------------------------------
TYPE = (2.2, 0.34, 62.0, 0.0, 140.0)  # a receipt's print: small, regular
RECEIPT = (
    "FARMACIA GUADALAJARA\nSUC. CENTRO RFC XAXX010101000\nLOSARTAN 50MG 30T 364.50\n"
    "TOTAL 496.40\nGRACIAS POR SU COMPRA"
)


def read_well(n, text, style, confidence=0.93):
    return PageAnalysis(
        "a.pdf", "x", n, blank=False, text=text, text_confidence=confidence, style=style
    )


def test_a_date_line_with_its_year_and_month_misread_still_dates_the_page():
    from buzon_pipeline.reading.grouping import dated_at_top, is_date_line

    assert is_date_line("Gvadala sara, Jal, a UG de octobre de VOI")
    assert dated_at_top("Gvadala sara, Jal, a UG de octobre de VOI\nAl Madolo de Atención")
    # Prose with "de … de" is no date, nor is the shape without a month-like word.
    assert not is_date_line("me dijeron que fuera a la de enfrente de la clínica")
    assert not is_date_line("Lo pedí, a la de farmacia de turno")


def test_a_handwritten_letter_misread_at_its_top_is_not_joined_to_the_slip_before_it():
    slip = page(1, "CITA MÉDICA\nServicio: Maliva Fada\nFecha: MN FEA\nConsultorio: /9")
    first = page(2, "Gvadala sara, Jal, a UG de octobre de VOI\nAl Madolo de Atención\n"
                    "Cuisteráa Nacer una Sugerencia paña mejorar el", style=HAND_A)
    docs = group_documents(in_batch(slip, first))
    assert numbers(docs)[:2] == [[1], [2]]


def test_a_receipt_read_well_after_a_letter_signed_in_an_unread_hand_is_its_own_document():
    """The letter's last page holds only the signature (too few marks to tell its hand, and
    its closing unread); the receipt is compared with the letter's fullest page, and a page
    read well without a line of running text continues no letter."""
    opening = page(1, OPEN + " le escribo\nya fui tres veces a la clínica y", style=HAND_A)
    signature = page(2, "Ni,\nNIAMES\nZÉ;", style=(*HAND_A[:4], 60.0))
    receipt = read_well(3, RECEIPT, TYPE)
    docs = group_documents(in_batch(opening, signature, receipt))
    assert numbers(docs)[:2] == [[1, 2], [3]]
    assert docs[1].doubt is None
    assert any("otra letra" in line and "sin texto corrido" in line for line in docs[0].evidence)


def test_a_typed_signature_page_without_running_text_still_continues_its_letter():
    first = read_well(1, FIRST, (*TYPE[:3], 0.1, 500.0))
    sign = read_well(2, "Atentamente,\n\nMartha Velasco Castro", (*TYPE[:3], 0.1, 40.0))
    docs = group_documents(in_batch(first, sign))
    assert numbers(docs)[0] == [1, 2]
    assert not any("sin texto corrido" in line for line in docs[0].evidence)
