"""Group the analysed pages of one source file into documents.

A volante is always one page. Consecutive text pages form one letter while the next page
does not open a new letter and the previous one has not closed (signature formula, data
block); blank pages (back sides) between them are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from buzon_pipeline.core.model import Kind, PageAnalysis

OPENING = re.compile(
    r"(a quien corresponda|por medio de la presente|estimad[oa]s?|presente\b|h\.\s*imss|"
    r"sr\.|sra\.|\bc\.\s|director|asunto\s*:)",
    re.IGNORECASE,
)
DATE_LINE = re.compile(r"\b(a|,)\s*\d{1,2}\s+de\s+[a-záéíóú]+\s+(de|del)\s+\d{4}", re.IGNORECASE)
CLOSING = re.compile(
    r"\b(atentamente|respetuosamente|saludos cordiales|sin m[aá]s por el momento)", re.IGNORECASE
)
CONTINUATION_MARK = re.compile(r"(p[aá]gina|hoja)\s*\d\s*(de|/)\s*\d", re.IGNORECASE)


def opens_letter(text: str) -> bool:
    head = "\n".join(text.strip().splitlines()[:8])
    return bool(OPENING.search(head) or DATE_LINE.search(head))


def closes_letter(text: str) -> bool:
    return bool(CLOSING.search(text))


def group_pages(pages: Sequence[PageAnalysis]) -> list[list[PageAnalysis]]:
    """Documents as lists of pages; blank and unreadable pages are left out (reported apart)."""
    documents: list[list[PageAnalysis]] = []
    letter: list[PageAnalysis] | None = None
    for page in pages:
        if page.blank or page.error:
            continue
        if page.kind is Kind.VOLANTE:
            documents.append([page])
            letter = None
            continue
        continues = (
            letter is not None
            and not closes_letter(letter[-1].text)
            and (not opens_letter(page.text) or bool(CONTINUATION_MARK.search(page.text)))
        )
        if continues and letter is not None:
            letter.append(page)
        else:
            letter = [page]
            documents.append(letter)
    return documents
