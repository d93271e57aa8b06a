"""Align a page to the Anexo 12 template: corner fiducials first, ORB features as fallback.

The result is the page warped into template coordinates at the working DPI, so field boxes
from the layout apply directly; `score` says how much of the printed template is found there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np

from buzon_pipeline.reading.form import (
    FormLayout,
    fiducial_centers_px,
    load_layout,
    mm_to_px,
    render_blank,
)
from buzon_pipeline.reading.preprocess import binarize

MIN_TEMPLATE_SCORE = 0.55
FIDUCIAL_HALF_FROM_DPI = 200


@dataclass(frozen=True)
class Alignment:
    image: np.ndarray  # grayscale page in template coordinates
    method: str  # "fiduciales" | "orb"
    score: float  # share of the printed template's ink found on the page (0..1)
    rotation: int = 0  # quarter turns (degrees clockwise) the fiducials undid; 0 for ORB
    skew: float = 0.0  # degrees of residual tilt the fiducials undid; 0 for ORB


@dataclass(frozen=True)
class _Template:
    gray: np.ndarray
    printed: np.ndarray  # bool mask of the printed strokes
    near_print: np.ndarray  # printed strokes dilated: where a misaligned stroke may land
    printed_half: np.ndarray  # the two masks above at SCORE_SCALE, for `template_score`
    near_half: np.ndarray
    printed_small: np.ndarray  # printed strokes at TURN_SCALE, to rank the four page turns


# Ranking the four turns of a page needs only a coarse look; the full-resolution score (an
# adaptive threshold of the whole page) is then computed once, for the turn that ranks first.
TURN_SCALE = 0.2
# The score is computed at half resolution: the share of printed strokes found is the same
# within a point or two (measured on generated volantes, letters and other pages), for a
# quarter of the thresholding work.
SCORE_SCALE = 0.5


@lru_cache(maxsize=2)
def _template(dpi: int) -> _Template:
    gray = np.asarray(render_blank(load_layout(), dpi))
    printed = gray < 128
    near = cv2.dilate(printed.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0
    small = cv2.resize(gray, None, fx=TURN_SCALE, fy=TURN_SCALE, interpolation=cv2.INTER_AREA)
    return _Template(
        gray, printed, near, _half_mask(printed), _half_mask(near), small < 200
    )


def _half_mask(mask: np.ndarray) -> np.ndarray:
    size = (round(mask.shape[1] * SCORE_SCALE), round(mask.shape[0] * SCORE_SCALE))
    return cv2.resize(mask.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST) > 0


def align_to_template(
    gray: np.ndarray, dpi: int, layout: FormLayout | None = None, fiducials: bool = True
) -> Alignment | None:
    """Best alignment of the page to the template; `fiducials=False` when the caller already
    looked for the corner marks on this page and found none (they would not appear now)."""
    layout = layout or load_layout()
    template = _template(dpi)
    best = align_by_fiducials(gray, dpi, layout) if fiducials else None
    if best is None or best.score < MIN_TEMPLATE_SCORE:
        size = (template.gray.shape[1], template.gray.shape[0])
        orb = _align_orb(gray, dpi, size)
        if orb is not None and (best is None or orb.score > best.score):
            best = orb
    return best


def align_by_fiducials(
    gray: np.ndarray, dpi: int, layout: FormLayout | None = None
) -> Alignment | None:
    """Align by the four corner squares, in whichever of the four turns the page lies.

    Works on the page as scanned (any quarter turn, any small tilt): the perspective from the
    four marks undoes both, so a volante needs neither OSD nor deskew (docs/design.md §4).
    """
    corners = find_fiducials(gray, dpi)
    if corners is None:
        return None
    layout = layout or load_layout()
    template = _template(dpi)
    size = (template.gray.shape[1], template.gray.shape[0])
    target = np.array(fiducial_centers_px(layout, dpi), np.float32)[[0, 1, 3, 2]]
    # The marks are symmetric: rank the four turns coarsely, score the best ones in full.
    ranked = sorted(
        range(4), key=lambda shift: -_coarse_score(gray, corners, shift, target, template)
    )
    best: Alignment | None = None
    for shift in ranked[:2]:
        matrix = cv2.getPerspectiveTransform(np.roll(corners, -shift, axis=0), target)
        warped = cv2.warpPerspective(gray, matrix, size, borderValue=255)
        candidate = Alignment(
            warped,
            "fiduciales",
            template_score(warped, template),
            rotation=(360 - 90 * shift) % 360,
            skew=_residual_tilt(corners, shift),
        )
        if best is None or candidate.score > best.score:
            best = candidate
        if best.score >= MIN_TEMPLATE_SCORE:
            break
    return best


def _coarse_score(
    gray: np.ndarray, corners: np.ndarray, shift: int, target: np.ndarray, template: _Template
) -> float:
    """Share of the printed strokes found dark, on a small warp of the page in this turn."""
    scale = np.diag([TURN_SCALE, TURN_SCALE, 1.0]).astype(np.float64)
    matrix = scale @ cv2.getPerspectiveTransform(np.roll(corners, -shift, axis=0), target)
    h, w = template.printed_small.shape
    small = cv2.warpPerspective(gray, matrix, (w, h), flags=cv2.INTER_AREA, borderValue=255)
    _, paper = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    dark = paper == 0
    return float(dark[template.printed_small].mean()) - float(dark[~template.printed_small].mean())


def _residual_tilt(corners: np.ndarray, shift: int) -> float:
    """Degrees the form's top edge (its first two marks) leans from the turn's axis."""
    top_left, top_right = np.roll(corners, -shift, axis=0)[:2]
    dx, dy = (top_right - top_left).tolist()
    angle = float(np.degrees(np.arctan2(dy, dx))) - 90.0 * shift
    return round((angle + 180.0) % 360.0 - 180.0, 2)


def template_score(aligned: np.ndarray, template: _Template) -> float:
    """Share of printed strokes found inked, minus ink where the form has none.

    The penalty keeps a dark or cluttered page from matching just by being dark everywhere;
    handwriting on a real volante covers only a few percent of the blank area.
    """
    size = (template.printed_half.shape[1], template.printed_half.shape[0])
    small = cv2.resize(aligned, size, interpolation=cv2.INTER_AREA)
    dark = binarize(small) == 0
    dark = cv2.dilate(dark.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    found = float(dark[template.printed_half].mean())
    clutter = float(dark[~template.near_half].mean())
    return max(0.0, found - clutter)


def find_fiducials(gray: np.ndarray, dpi: int) -> np.ndarray | None:
    """Centres of the four corner squares as TL, TR, BR, BL, or None when not all are found."""
    # Global Otsu, not the adaptive binarisation: adaptive thresholding hollows solid squares.
    blurred = cv2.GaussianBlur(gray, (5, 5), 0)
    _, paper = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (paper == 0).astype(np.uint8)
    if dpi < FIDUCIAL_HALF_FROM_DPI:
        return _corner_squares(ink, dpi)
    # Labelling the whole page is the cost: the squares (4-9.5 mm) are found on every other
    # pixel, then each centre is taken again at full resolution around where it was found, so
    # the alignment is the same as from a full-resolution search.
    rough = _corner_squares(np.ascontiguousarray(ink[::2, ::2]), dpi / 2)
    if rough is None:
        return None
    reach = round(mm_to_px(9.5, dpi))
    refined = []
    for x, y in rough * 2.0:
        x0, y0 = max(0, round(x) - reach), max(0, round(y) - reach)
        window = ink[y0 : round(y) + reach, x0 : round(x) + reach]
        centre = _square_near(window, dpi, (x - x0, y - y0))
        if centre is None:
            return _corner_squares(ink, dpi)
        refined.append(centre + np.array([x0, y0], np.float32))
    return np.array(refined, np.float32)


def _is_square(stat: np.ndarray, dpi: float) -> bool:
    bw, bh, area = stat[2:5]
    side_min, side_max = mm_to_px(4.0, dpi), mm_to_px(9.5, dpi)
    if not (side_min <= bw <= side_max and side_min <= bh <= side_max):
        return False
    return area >= 0.8 * bw * bh and 0.7 <= bw / bh <= 1.4


def _square_near(window: np.ndarray, dpi: float, near: tuple[float, float]) -> np.ndarray | None:
    count, _, stats, centroids = cv2.connectedComponentsWithStats(window, connectivity=8)
    squares = [centroids[i] for i in range(1, count) if _is_square(stats[i], dpi)]
    if not squares:
        return None
    return min(squares, key=lambda c: float(np.hypot(c[0] - near[0], c[1] - near[1]))).astype(
        np.float32
    )


def _corner_squares(ink: np.ndarray, dpi: float) -> np.ndarray | None:
    count, _, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h, w = ink.shape
    best: dict[int, tuple[float, np.ndarray]] = {}
    corner_points = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    for i in range(1, count):
        if not _is_square(stats[i], dpi):
            continue
        centre = centroids[i].astype(np.float32)
        distances = np.linalg.norm(corner_points - centre, axis=1)
        corner = int(np.argmin(distances))
        if distances[corner] > 0.3 * min(w, h):
            continue
        if corner not in best or distances[corner] < best[corner][0]:
            best[corner] = (float(distances[corner]), centre)
    if len(best) != 4:
        return None
    return np.array([best[c][1] for c in range(4)], np.float32)


ORB_SCALE = 0.35
ORB_FEATURES = 3000


@lru_cache(maxsize=2)
def _template_features(dpi: int) -> tuple[tuple, np.ndarray | None]:
    """The blank form's ORB keypoints and descriptors: the same for every page, found once."""
    small = cv2.resize(
        _template(dpi).gray, None, fx=ORB_SCALE, fy=ORB_SCALE, interpolation=cv2.INTER_AREA
    )
    return cv2.ORB_create(ORB_FEATURES).detectAndCompute(small, None)


def _align_orb(gray: np.ndarray, dpi: int, size: tuple[int, int]) -> Alignment | None:
    scale = ORB_SCALE
    template = _template(dpi)
    page_small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    kp_t, des_t = _template_features(dpi)
    kp_p, des_p = cv2.ORB_create(ORB_FEATURES).detectAndCompute(page_small, None)
    if des_t is None or des_p is None or len(kp_p) < 20:
        return None
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    pairs = matcher.knnMatch(des_p, des_t, k=2)
    good = [m for m, *rest in pairs if rest and m.distance < 0.75 * rest[0].distance]
    if len(good) < 25:
        return None
    src = np.float32([kp_p[m.queryIdx].pt for m in good]) / scale
    dst = np.float32([kp_t[m.trainIdx].pt for m in good]) / scale
    matrix, inliers = cv2.findHomography(src, dst, cv2.RANSAC, 8.0)
    if matrix is None or int(inliers.sum()) < 20:
        return None
    warped = cv2.warpPerspective(gray, matrix, size, borderValue=255)
    return Alignment(warped, "orb", template_score(warped, template))
