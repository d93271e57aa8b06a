"""What the dev scorers of volante zones share: a generated volante put through the batch's page
path up to the aligned image, and zone crops cached as PNG and put back where they were cut."""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image

from buzon_pipeline.reading.form import FieldSpec, FormLayout, box_to_px, mm_to_px

DPI = 300


def is_volante_seed(seed: int) -> bool:
    """Replay the generator's first draw, so other kinds are skipped without rendering them."""
    from buzon_pipeline.synth import corpus

    rng = random.Random(f"buzon-synth:{seed}")
    return rng.choices([k for k, _ in corpus.MIX], [w for _, w in corpus.MIX])[0] == "volante"


def aligned_volante(page_image: Image.Image, layout: FormLayout, name: str) -> np.ndarray | None:
    """The page as the batch sees it (greyscale at 300 dpi, blank test, orientation and deskew,
    template alignment): the aligned image, or None when it is not taken for a volante."""
    from buzon_pipeline.core.model import Kind, Page
    from buzon_pipeline.reading.align import align_to_template
    from buzon_pipeline.reading.pagetype import is_blank, page_kind
    from buzon_pipeline.reading.preprocess import blank_test_view, crop_photo_page, prepare

    gray = page_image.convert("L")
    dpi = round(float((page_image.info.get("dpi") or (DPI, DPI))[0]))
    if abs(dpi - DPI) > 5:
        factor = DPI / dpi
        gray = gray.resize((round(gray.width * factor), round(gray.height * factor)), Image.LANCZOS)
    page = Page(name, "x", 1, np.asarray(gray), DPI)
    view = crop_photo_page(page.image, page.dpi)  # as analyze does: photos first
    if is_blank(blank_test_view(page, view), page.dpi):
        return None
    alignment = align_to_template(prepare(page, view=view).gray, page.dpi, layout)
    return alignment.image if page_kind(alignment) is Kind.VOLANTE else None


def crop_png(crop: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(crop).save(buf, "PNG")
    return buf.getvalue()


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("L"))


def on_page(crop: np.ndarray, spec: FieldSpec, margin_mm: float) -> np.ndarray:
    """Put a cached crop back where it was cut, so the production reader cuts the same pixels."""
    x0, y0, _, _ = box_to_px(spec.box, DPI)
    m = round(mm_to_px(margin_mm, DPI))
    page = np.full((y0 + crop.shape[0] + 10, x0 + crop.shape[1] + 10), 255, np.uint8)
    page[y0 - m : y0 - m + crop.shape[0], x0 - m : x0 - m + crop.shape[1]] = crop
    return page
