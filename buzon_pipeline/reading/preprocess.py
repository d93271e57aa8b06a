"""Preprocess with OpenCV: page crop for photos, orientation, deskew, binarisation.

The scan as given stays in `Page.image` for the archive; stages after this one work on
`PreparedPage.gray`, upright and straight.
"""

from __future__ import annotations

import cv2
import numpy as np

from buzon_pipeline.core.model import Page, PreparedPage
from buzon_pipeline.reading import ocr

CARTA_WIDTH_IN = 8.5
_ROTATE_CODES = {
    90: cv2.ROTATE_90_CLOCKWISE,
    180: cv2.ROTATE_180,
    270: cv2.ROTATE_90_COUNTERCLOCKWISE,
}


def prepare(page: Page, detect_orientation: bool = True) -> PreparedPage:
    return upright(page, crop_photo_page(page.image, page.dpi), detect_orientation)


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
    if found is None:
        return 0
    degrees, confidence = found
    # OSD is unreliable on pages with little text; a wrong turn is worse than none.
    return degrees if confidence >= 1.5 else 0


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


def crop_photo_page(gray: np.ndarray, dpi: int) -> np.ndarray:
    """For phone photos (page on a darker background), find the sheet and flatten it."""
    small_scale = 800 / max(gray.shape)
    small = _scale(gray, small_scale)
    _, mask = cv2.threshold(cv2.GaussianBlur(small, (5, 5), 0), 0, 255, cv2.THRESH_OTSU)
    if mask.mean() > 255 * 0.97:  # all paper: a flatbed scan
        return gray
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return gray
    biggest = max(contours, key=cv2.contourArea)
    area_share = cv2.contourArea(biggest) / float(small.size)
    if not 0.3 <= area_share <= 0.97:
        return gray
    quad = cv2.approxPolyDP(biggest, 0.02 * cv2.arcLength(biggest, True), True)
    if len(quad) != 4:
        return gray
    corners = order_corners(quad.reshape(4, 2).astype(np.float32) / small_scale)
    return warp_to_carta(gray, corners, short_side=round(CARTA_WIDTH_IN * dpi))


def order_corners(points: np.ndarray) -> np.ndarray:
    """Order four points as top-left, top-right, bottom-right, bottom-left."""
    s = points.sum(axis=1)
    d = np.diff(points, axis=1).ravel()
    return np.array(
        [points[np.argmin(s)], points[np.argmin(d)], points[np.argmax(s)], points[np.argmax(d)]],
        dtype=np.float32,
    )


def warp_to_carta(gray: np.ndarray, corners: np.ndarray, short_side: int) -> np.ndarray:
    """Flatten the sheet and scale it so its short side is a carta page's width."""
    top = np.linalg.norm(corners[1] - corners[0])
    bottom = np.linalg.norm(corners[2] - corners[3])
    left = np.linalg.norm(corners[3] - corners[0])
    right = np.linalg.norm(corners[2] - corners[1])
    width, height = max(top, bottom), max(left, right)
    factor = short_side / min(width, height)
    width, height = int(width * factor), int(height * factor)
    target = np.array(
        [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32
    )
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(gray, matrix, (width, height), borderValue=255)


def _scale(gray: np.ndarray, factor: float) -> np.ndarray:
    if abs(factor - 1.0) < 1e-3:
        return gray
    size = (max(1, round(gray.shape[1] * factor)), max(1, round(gray.shape[0] * factor)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
