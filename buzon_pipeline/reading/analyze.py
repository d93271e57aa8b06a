"""Everything done to one page alone: preprocess, type, and read it (runs in worker processes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from buzon_pipeline.core.model import Kind, Page, PageAnalysis
from buzon_pipeline.core.resources import COMB_DIGIT_MODEL, DIGIT_MODEL, default_models_dir
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.align import Alignment, align_by_fiducials, align_to_template
from buzon_pipeline.reading.digits import DigitModel
from buzon_pipeline.reading.form import FormLayout, load_layout
from buzon_pipeline.reading.grouping import page_style
from buzon_pipeline.reading.letter_page import read_letter_page
from buzon_pipeline.reading.pagetype import is_blank, page_kind
from buzon_pipeline.reading.preprocess import (
    blank_test_view,
    crop_photo_page,
    lines_run_across,
    orientation,
    turned,
    upright,
)
from buzon_pipeline.reading.volante import VolanteReading, extract_volante
from buzon_pipeline.reading.volante_labels import analyse_labels, read_by_labels

ViewKeeper = Callable[[Page, np.ndarray], str]


# A first reading of an upright page has many confident words of three letters or more; an
# upside-down one almost none (generated letters: typed 0.47-0.69 upright, at most 0.14 turned;
# many handwritten pages fall under it and get OSD, as before).
UPRIGHT_WORD_SHARE = 0.3
UPRIGHT_WORD_CONFIDENCE = 0.8
UPRIGHT_MIN_WORDS = 10


def reads_upright(reading: ocr.OcrResult) -> bool:
    words = reading.words
    if len(words) < UPRIGHT_MIN_WORDS:
        return False
    good = [
        w
        for w in words
        if w.confidence >= UPRIGHT_WORD_CONFIDENCE and sum(c.isalpha() for c in w.text) >= 3
    ]
    return len(good) >= UPRIGHT_WORD_SHARE * len(words)


@dataclass
class PageAnalyzer:
    layout: FormLayout
    digits: DigitModel  # the comb cells of a volante (NSS, phone)
    # Digits re-read inside letters: a CNN with the comb CNN's layers that also learnt "not a
    # digit" (a "+", a "(", a letter); on dev combs it lost digits to that class, so the combs
    # keep their own model (docs/design.md §4).
    letter_digits: DigitModel
    # Keeps the page's view (oriented, deskewed; aligned for volantes) and returns where; the
    # batch passes the registry's archive. None: keep none (benchmarks, unit tests).
    keep_view: ViewKeeper | None = None
    # Read volantes of other printings by their labels (docs/design.md §2); off only to
    # measure what it changes (training/eval_printings.py).
    label_reading: bool = True

    @classmethod
    def load(
        cls, keep_view: ViewKeeper | None = None, models_dir: Path | None = None
    ) -> PageAnalyzer:
        folder = models_dir if models_dir is not None else default_models_dir()
        comb = DigitModel.load(folder / COMB_DIGIT_MODEL)
        return cls(load_layout(), comb, DigitModel.load(folder / DIGIT_MODEL), keep_view)

    def _archive(self, page: Page, view: np.ndarray) -> str | None:
        return self.keep_view(page, view) if self.keep_view is not None else None

    def _volante(self, page: Page, alignment: Alignment, common: dict) -> PageAnalysis:
        reading = extract_volante(alignment.image, page.dpi, self.layout, self.digits)
        return self._volante_analysis(page, alignment.image, reading, common)

    def _volante_analysis(
        self, page: Page, view: np.ndarray, reading: VolanteReading, common: dict
    ) -> PageAnalysis:
        return PageAnalysis(
            **common,
            image=self._archive(page, view),
            kind=Kind.VOLANTE,
            text=reading.description,
            text_confidence=reading.description_confidence,
            fields=reading.fields,
            marks=reading.marks,
            notes=reading.notes,
            comb_fields=reading.comb_fields,
        )

    def analyze(self, page: Page) -> PageAnalysis:
        base = {"source": page.source, "source_sha256": page.source_sha256, "number": page.number}
        flat = crop_photo_page(page.image, page.dpi)
        # A volante's corner marks give its turn and tilt at once: OSD and deskew, the
        # costliest steps before reading, are only for pages without them (docs/design.md §4).
        # A page the printed form is found on is not blank either.
        alignment = align_by_fiducials(flat, page.dpi, self.layout)
        if page_kind(alignment) is Kind.VOLANTE:
            turned_page = dict(base, blank=False, rotation=alignment.rotation, skew=alignment.skew)
            return self._volante(page, alignment, turned_page)
        # Photos first lose their surface: the blank test needs the sheet alone.
        if is_blank(blank_test_view(page, flat), page.dpi):
            return PageAnalysis(**base, blank=True)
        across = lines_run_across(flat)
        # Sideways pages need OSD before anything; upright or upside-down ones only when their
        # first reading does not read like upright text.
        prepared = upright(page, flat, detect_orientation=not across)
        alignment = align_to_template(
            prepared.gray, page.dpi, self.layout, fiducials=alignment is not None
        )
        if page_kind(alignment) is Kind.VOLANTE:
            common = dict(base, blank=False, rotation=prepared.rotation, skew=prepared.skew)
            return self._volante(page, alignment, common)
        first = ocr.read(prepared.gray, psm=3)
        if across and not reads_upright(first):
            turn = orientation(prepared.gray)
            if turn:
                prepared, first = turned(prepared, turn), None
        common = dict(base, blank=False, rotation=prepared.rotation, skew=prepared.skew)
        # One full-page reading serves both: the labels of another printing of the volante,
        # and the letter reading when the page is not one.
        page_ocr = first if first is not None else ocr.read(prepared.gray, psm=3)
        if self.label_reading:
            labelled = analyse_labels(prepared.gray, page.dpi, page_ocr)
            if labelled.is_volante:
                reading = read_by_labels(
                    prepared.gray, page.dpi, labelled, page_ocr, self.digits, self.letter_digits
                )
                return self._volante_analysis(page, prepared.gray, reading, common)
        result = read_letter_page(prepared.gray, page.dpi, self.letter_digits, page_ocr)
        return PageAnalysis(
            **common,
            image=self._archive(page, prepared.gray),
            kind=None,
            text=result.text,
            text_confidence=result.confidence,
            spans=result.spans,
            fields=result.fields,
            style=page_style(prepared.gray, page.dpi),
        )
