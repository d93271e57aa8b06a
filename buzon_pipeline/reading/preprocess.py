"""Preprocess with OpenCV: page crop for photos, orientation, deskew, binarisation.

The scan as given stays in `Page.image` for the archive; stages after this one work on
`PreparedPage.gray`, upright and straight.
"""

from __future__ import annotations

import cv2
import numpy as np

from buzon_pipeline.core.model import Page, PreparedPage
from buzon_pipeline.reading import ocr
from buzon_pipeline.reading.page_detect import (
    even_light,
    find_page,
    looks_like_scan,
    warp_page,
)

CARTA_WIDTH_IN = 8.5
OSD_CONFIDENT = 1.5  # Tesseract's orientation confidence below which a page is not turned
_ROTATE_CODES = {
    90: cv2.ROTATE_90_CLOCKWISE,
    180: cv2.ROTATE_180,
    270: cv2.ROTATE_90_COUNTERCLOCKWISE,
}


def prepare(
    page: Page, detect_orientation: bool = True, view: np.ndarray | None = None
) -> PreparedPage:
    """``view``: the page already through `crop_photo_page`; None crops here."""
    gray = crop_photo_page(page.image, page.dpi) if view is None else view
    return upright(page, gray, detect_orientation)


def upright(page: Page, gray: np.ndarray, detect_orientation: bool = True) -> PreparedPage:
    """Turn (OSD) and straighten (projection profiles) a page already cut from its photo."""
    rotation = 0
    if detect_orientation:
        rotation = orientation(gray)
        gray = rotate(gray, rotation)
    skew = estimate_skew(gray)
    if abs(skew) >= 0.1:
        gray = rotate_small(gray, skew)
    return PreparedPage(page, gray, rotation, skew)


def turned(prepared: PreparedPage, degrees_clockwise: int) -> PreparedPage:
    """The page turned a further quarter turn(s); a half turn keeps it straight, a quarter turn
    straightens it again (its lines were measured across, not along)."""
    gray = rotate(prepared.gray, degrees_clockwise)
    rotation = (prepared.rotation + degrees_clockwise) % 360
    if degrees_clockwise % 180 == 0:
        return PreparedPage(prepared.page, gray, rotation, prepared.skew)
    again = upright(prepared.page, gray, detect_orientation=False)
    return PreparedPage(prepared.page, again.gray, rotation, prepared.skew + again.skew)


def lines_run_across(gray: np.ndarray) -> bool:
    """Whether the text lines run left to right (page upright or upside down), from projection
    profiles: rows crossing lines and gaps vary far more than columns do. Sideways pages, and
    pages with too little ink to say, answer False."""
    ink = (binarize(_scale(gray, 0.25)) == 0).astype(np.float64)
    if ink.sum() < 200:
        return False
    rows = float(np.sum(np.diff(ink.sum(axis=1)) ** 2)) / ink.shape[1]
    cols = float(np.sum(np.diff(ink.sum(axis=0)) ** 2)) / ink.shape[0]
    return rows > 2.0 * cols


def rotate(gray: np.ndarray, degrees_clockwise: int) -> np.ndarray:
    code = _ROTATE_CODES.get(degrees_clockwise % 360)
    return gray if code is None else cv2.rotate(gray, code)


def orientation(gray: np.ndarray) -> int:
    """Clockwise rotation (0/90/180/270) that makes the page upright, by Tesseract OSD."""
    small = _scale(gray, 0.5)
    found = ocr.osd_rotation(small)
    if found is None or found[1] < OSD_CONFIDENT:
        # A phone photo's grain, blur and evened-out light leave grey around the letters that
        # OSD reads as doubt (a sideways typed letter: 0.6); the same page in black and white
        # is read with confidence (15), as a scan is (issue 13).
        found = ocr.osd_rotation(binarize(small)) or found
    if found is None:
        return 0
    degrees, confidence = found
    # OSD is unreliable on pages with little text; a wrong turn is worse than none.
    return degrees if confidence >= OSD_CONFIDENT else 0


def estimate_skew(gray: np.ndarray, limit: float = 6.0) -> float:
    """Angle in degrees (counter-clockwise) that straightens the page, by projection profiles."""
    small = _scale(gray, 0.25)
    ink = (binarize(small) == 0).astype(np.uint8)
    if ink.sum() < 50:
        return 0.0
    best = _search(ink, np.arange(-limit, limit + 0.01, 0.5), 0.0)
    return _search(ink, np.arange(best - 0.5, best + 0.51, 0.1), best)


def _search(ink: np.ndarray, angles: np.ndarray, fallback: float) -> float:
    best_angle, best_score = fallback, -1.0
    h, w = ink.shape
    for angle in angles:
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0)
        rotated = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST)
        rows = rotated.sum(axis=1).astype(np.float64)
        score = float(np.sum(np.diff(rows) ** 2))
        if score > best_score:
            best_angle, best_score = float(angle), score
    return best_angle


def rotate_small(gray: np.ndarray, angle: float) -> np.ndarray:
    """Undo a skew of `angle` degrees, filling the new corners with paper white."""
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(
        gray,
        matrix,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink 0 / paper 255; adaptive so uneven lighting in photos does not black out regions."""
    blurred = cv2.GaussianBlur(gray, (3, 3), 0)
    block = max(15, (min(gray.shape) // 40) | 1)
    adaptive = cv2.adaptiveThreshold(
        blurred, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, 15
    )
    # Adaptive thresholding turns flat paper noise into specks; keep only clearly dark ones.
    _, global_ = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    light_paper = blurred > 200
    return np.where(light_paper, 255, np.minimum(adaptive, np.maximum(global_, adaptive))).astype(
        np.uint8
    )


def blank_test_view(page: Page, view: np.ndarray) -> np.ndarray:
    """What the blank test should look at: the flattened sheet of a photo; a photo whose sheet
    was not found, with its light evened (the surface around it has no single paper level, and
    a page of text on a dark desk looked blank to the test: issue 13); a scan as it is."""
    if view is not page.image or looks_like_scan(page.image):
        return view
    return even_light(view)


def crop_photo_page(gray: np.ndarray, dpi: int) -> np.ndarray:
    """For phone photos, find the sheet on whatever surface, flatten it to a carta page and
    even out its light; a flat scan, or a photo whose sheet is not found confidently, is
    returned untouched (a wrong warp would cost more than no warp)."""
    quad = find_page(gray)
    if quad is None:
        return gray
    return even_light(warp_page(gray, quad.corners, short_side=round(CARTA_WIDTH_IN * dpi)))


def _scale(gray: np.ndarray, factor: float) -> np.ndarray:
    if abs(factor - 1.0) < 1e-3:
        return gray
    size = (max(1, round(gray.shape[1] * factor)), max(1, round(gray.shape[0] * factor)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
