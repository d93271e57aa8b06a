"""Everything done to one page alone: preprocess, type, and read it (runs in worker processes)."""

from __future__ import annotations

from dataclasses import dataclass

from . import ocr
from .align import align_to_template
from .datatypes import Kind, Page, PageAnalysis
from .digits import DigitModel
from .extract_volante import extract_volante
from .form import FormLayout, load_layout
from .pagetype import is_blank, page_kind
from .preprocess import prepare


@dataclass
class PageAnalyzer:
    layout: FormLayout
    digits: DigitModel

    @classmethod
    def load(cls) -> PageAnalyzer:
        return cls(load_layout(), DigitModel.load())

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
                kind=Kind.VOLANTE,
                text=reading.description,
                text_confidence=reading.description_confidence,
                fields=reading.fields,
                marks=reading.marks,
                notes=reading.notes,
            )
        result = ocr.read(prepared.gray, psm=3)
        return PageAnalysis(
            **common,
            kind=None,
            text=result.text,
            text_confidence=result.confidence,
            spans=result.spans,
        )
