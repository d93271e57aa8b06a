"""Volante (Anexo 12) extraction on a page aligned to the template.

Each zone gets the reader that fits it: per-cell digit recognition for the NSS and phone
combs, single-line Tesseract for text boxes, block Tesseract for the description, and ink
fill ratio for the checkboxes.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from buzon_pipeline.core.model import Field
from buzon_pipeline.core.rules import normalise_phone, nss_is_valid, repairs_from_alternatives
from buzon_pipeline.core.vocab import MARK_FIELDS
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.digits import DigitModel, split_comb
from buzon_pipeline.reading.form import FieldSpec, FormLayout, box_to_px, mm_to_px
from buzon_pipeline.reading.volante_text import (
    INK_CONTRAST,
    INK_FLOOR,
    isolate_writing,
    read_email_zone,
    read_name_zone,
)

TEXT_FIELDS = ("nombre", "correo", "unidad", "servicio")
CHECKBOX_FILL = 0.10
MIN_INK_SHARE = 0.004
# A comb cell read with less confidence is doubtful; an NSS with two or more such cells is not
# trusted because it passes its check digit (issue 12; the review threshold of settings, 0.80).
DOUBTFUL_CELL = 0.80


@dataclass(frozen=True)
class VolanteReading:
    fields: dict[str, Field]
    marks: dict[str, bool]
    description: str
    description_confidence: float
    notes: tuple[str, ...]
    # Fields read by the comb-cell model (the Anexo 12 form reads its NSS and phone so).
    comb_fields: tuple[str, ...] = ("nss", "telefono")


def extract_volante(
    aligned: np.ndarray, dpi: int, layout: FormLayout, digits: DigitModel
) -> VolanteReading:
    fields: dict[str, Field] = {}
    notes: list[str] = []
    for name in TEXT_FIELDS:
        fields[name] = _text_field(aligned, layout.field(name), dpi, name)
    nss, nss_note = _comb_field(aligned, layout.field("nss"), dpi, digits, is_nss=True)
    phone, _ = _comb_field(aligned, layout.field("telefono"), dpi, digits, is_nss=False)
    fields["nss"], fields["telefono"] = nss, phone
    if nss_note:
        notes.append(nss_note)
    marks = {
        label: _checkbox(aligned, layout.field(name), dpi) for name, label in MARK_FIELDS.items()
    }
    spec = layout.field("descripcion")
    crop = _remove_lines(_crop(aligned, spec, dpi, margin_mm=1.5))
    reading = ocr.read(crop, psm=6) if _ink_share(crop) >= MIN_INK_SHARE else ocr.EMPTY
    return VolanteReading(fields, marks, reading.text, reading.confidence, tuple(notes))


def _crop(image: np.ndarray, spec: FieldSpec, dpi: int, margin_mm: float = 0.0) -> np.ndarray:
    x0, y0, x1, y1 = box_to_px(spec.box, dpi)
    m = round(mm_to_px(margin_mm, dpi))
    h, w = image.shape
    return image[max(0, y0 - m) : min(h, y1 + m), max(0, x0 - m) : min(w, x1 + m)]


def _remove_lines(crop: np.ndarray) -> np.ndarray:
    """Erase printed box borders and ruled lines so OCR sees only handwriting."""
    if crop.size == 0:
        return crop
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h, w = crop.shape
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(25, w // 8)), np.uint8))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(25, int(h * 0.7)), 1), np.uint8))
    lines = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((3, 3), np.uint8))
    cleaned = crop.copy()
    cleaned[lines > 0] = 255
    return cleaned


def _ink_share(crop: np.ndarray) -> float:
    """Share of pixels clearly darker than this crop's paper: a fixed cut (< 128) misses light
    pen and pencil strokes, which then count as an empty box."""
    if crop.size == 0:
        return 0.0
    paper = float(np.percentile(crop, 90))
    return float((crop < max(INK_FLOOR, paper - INK_CONTRAST)).mean())


def _text_field(image: np.ndarray, spec: FieldSpec, dpi: int, name: str) -> Field:
    crop = _remove_lines(_crop(image, spec, dpi, margin_mm=1.0))
    box = box_to_px(spec.box, dpi)
    if _ink_share(crop) < MIN_INK_SHARE:
        return Field(None, 0.0, box)
    if name == "correo":
        return read_email_zone(isolate_writing(crop, dpi), box)
    if name == "nombre":
        return read_name_zone(isolate_writing(crop, dpi), box)
    reading = ocr.read(crop, psm=7, lang=ocr.LANG)
    raw = reading.text.strip()
    return Field(" ".join(raw.split()) or None, reading.confidence, box, raw, present=True)


def _comb_field(
    image: np.ndarray, spec: FieldSpec, dpi: int, digits: DigitModel, is_nss: bool
) -> tuple[Field, str | None]:
    box = box_to_px(spec.box, dpi)
    crop = _crop(image, spec, dpi, margin_mm=1.0)
    return read_comb(crop, spec.cells or 1, digits, is_nss, box)


def read_comb(
    crop: np.ndarray,
    cells: int,
    digits: DigitModel,
    is_nss: bool,
    box: tuple[int, int, int, int],
) -> tuple[Field, str | None]:
    """A comb box (its crop with a small margin) read cell by cell; the NSS checked and, when
    exactly one doubtful digit makes it pass, repaired (with a note for the TAOD)."""
    readings = digits.read_cells(split_comb(crop, cells))
    written = [r for r in readings if r.digit is not None]
    if not written:
        return Field(None, 0.0, box), None
    raw = "".join(r.digit for r in written)
    confidence = min(r.confidence for r in written)
    if not is_nss:
        return Field(normalise_phone(raw), confidence, box, raw, present=True), None
    if nss_is_valid(raw):
        doubtful = sum(r.confidence < DOUBTFUL_CELL for r in written)
        if doubtful >= 2:
            # Two doubtful cells can both be wrong and still pass (about one time in ten): the
            # check digit then proves nothing, so the weakest cell speaks for the number.
            return Field(raw, confidence, box, raw, present=True), None
        cells_right = float(np.prod([r.confidence for r in written]))
        return Field(raw, checked_confidence(cells_right), box, raw, present=True), None
    candidates = repairs_from_alternatives(
        [r.digit for r in written], [r.alternatives for r in written]
    )
    if len(candidates) == 1:
        note = "NSS corregido en un dígito dudoso para cumplir el dígito verificador."
        return Field(candidates[0][0], confidence, box, raw, present=True), note
    # Eleven digits that fail the check are kept as written: on dev they were mostly what the
    # person wrote (20 of 24), and validation sends them to review wherever the NSS matters.
    written_nss = raw if len(raw) == 11 else None
    return Field(written_nss, confidence, box, raw, present=True), None


def checked_confidence(all_cells_right: float, pass_if_wrong: float = 0.1) -> float:
    """P(NSS right | it passed the check digit), from P(every cell read right).

    A misreading passes the Luhn check at most one time in ten (a single wrong digit never
    does), so a number that passes is much more likely right than its cells alone say.
    """
    wrong = 1.0 - all_cells_right
    return all_cells_right / (all_cells_right + wrong * pass_if_wrong)


def _checkbox(image: np.ndarray, spec: FieldSpec, dpi: int) -> bool:
    x0, y0, x1, y1 = box_to_px(spec.box, dpi)
    inset = round(mm_to_px(1.0, dpi))
    inner = image[y0 + inset : y1 - inset, x0 + inset : x1 - inset]
    return inner.size > 0 and float((inner < 128).mean()) >= CHECKBOX_FILL
