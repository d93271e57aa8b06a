"""Everything done to one page alone: preprocess, type, and read it (runs in worker processes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from buzon_pipeline.core.model import Kind, Page, PageAnalysis
from buzon_pipeline.reading.align import align_to_template
from buzon_pipeline.reading.digits import DigitModel
from buzon_pipeline.reading.form import FormLayout, load_layout
from buzon_pipeline.reading.letter_page import read_letter_page
from buzon_pipeline.reading.pagetype import is_blank, page_kind
from buzon_pipeline.reading.preprocess import prepare
from buzon_pipeline.reading.volante import extract_volante
from buzon_pipeline.registry.archive import save_page_view


@dataclass
class PageAnalyzer:
    layout: FormLayout
    digits: DigitModel
    archive_dir: Path | None = None  # None: keep no page views (benchmarks, unit tests)

    @classmethod
    def load(cls, archive_dir: Path | None = None) -> PageAnalyzer:
        return cls(load_layout(), DigitModel.load(), archive_dir)

    def _archive(self, page: Page, view: np.ndarray) -> str | None:
        if self.archive_dir is None:
            return None
        return str(save_page_view(self.archive_dir, page.source_sha256, page.number, view))

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
        result = read_letter_page(prepared.gray, page.dpi, self.digits)
        return PageAnalysis(
            **common,
            image=self._archive(page, prepared.gray),
            kind=None,
            text=result.text,
            text_confidence=result.confidence,
            spans=result.spans,
            fields=result.fields,
        )
