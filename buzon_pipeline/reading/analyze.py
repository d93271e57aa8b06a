"""Everything done to one page alone: preprocess, type, and read it (runs in worker processes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from buzon_pipeline.core.model import Kind, Page, PageAnalysis
from buzon_pipeline.core.resources import COMB_DIGIT_MODEL, DIGIT_MODEL, default_models_dir
from buzon_pipeline.reading.align import align_to_template
from buzon_pipeline.reading.digits import DigitModel
from buzon_pipeline.reading.form import FormLayout, load_layout
from buzon_pipeline.reading.letter_page import read_letter_page
from buzon_pipeline.reading.pagetype import is_blank, page_kind
from buzon_pipeline.reading.preprocess import prepare
from buzon_pipeline.reading.volante import extract_volante

ViewKeeper = Callable[[Page, np.ndarray], str]


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

    @classmethod
    def load(
        cls, keep_view: ViewKeeper | None = None, models_dir: Path | None = None
    ) -> PageAnalyzer:
        folder = models_dir if models_dir is not None else default_models_dir()
        comb = DigitModel.load(folder / COMB_DIGIT_MODEL)
        return cls(load_layout(), comb, DigitModel.load(folder / DIGIT_MODEL), keep_view)

    def _archive(self, page: Page, view: np.ndarray) -> str | None:
        return self.keep_view(page, view) if self.keep_view is not None else None

    def analyze(self, page: Page) -> PageAnalysis:
        base = {"source": page.source, "source_sha256": page.source_sha256, "number": page.number}
        if is_blank(page.image, page.dpi):
            return PageAnalysis(**base, blank=True)
        prepared = prepare(page)
        common = dict(
            base,
            blank=False,
            rotation=prepared.rotation,
            skew=prepared.skew,
        )
        alignment = align_to_template(prepared.gray, page.dpi, self.layout)
        if page_kind(alignment) is Kind.VOLANTE:
            reading = extract_volante(alignment.image, page.dpi, self.layout, self.digits)
            return PageAnalysis(
                **common,
                image=self._archive(page, alignment.image),
                kind=Kind.VOLANTE,
                text=reading.description,
                text_confidence=reading.description_confidence,
                fields=reading.fields,
                marks=reading.marks,
                notes=reading.notes,
            )
        result = read_letter_page(prepared.gray, page.dpi, self.letter_digits)
        return PageAnalysis(
            **common,
            image=self._archive(page, prepared.gray),
            kind=None,
            text=result.text,
            text_confidence=result.confidence,
            spans=result.spans,
            fields=result.fields,
        )
