"""Page type: blank, Anexo 12 volante, or a page of free text (letter or other)."""

from __future__ import annotations

import cv2
import numpy as np

from buzon_pipeline.core.model import Kind
from buzon_pipeline.reading.align import MIN_TEMPLATE_SCORE, Alignment

# A page is blank when its ink, after dropping specks and the scanner's edge shadows, is
# below this many "real" marks (letters, strokes). One handwritten word makes several.
MIN_MARKS = 6
EDGE_MARGIN = 0.04


def is_blank(gray: np.ndarray, dpi: int) -> bool:
    h, w = gray.shape
    my, mx = int(h * EDGE_MARGIN), int(w * EDGE_MARGIN)
    core = gray[my : h - my, mx : w - mx]
    background = float(np.median(core))
    # Bleed-through from the back side is faint: only count ink clearly darker than paper.
    ink = (core < background - 70).astype(np.uint8)
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    min_area = (dpi / 300.0) ** 2 * 30
    marks = int(np.sum(stats[1:, cv2.CC_STAT_AREA] >= min_area)) if count > 1 else 0
    return marks < MIN_MARKS


def page_kind(alignment: Alignment | None) -> Kind | None:
    """VOLANTE when the printed template is found; None means 'a text page, decide later'."""
    if alignment is not None and alignment.score >= MIN_TEMPLATE_SCORE:
        return Kind.VOLANTE
    return None
