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


@dataclass(frozen=True)
class Alignment:
    image: np.ndarray  # grayscale page in template coordinates
    method: str  # "fiduciales" | "orb"
    score: float  # share of the printed template's ink found on the page (0..1)


@dataclass(frozen=True)
class _Template:
    gray: np.ndarray
    printed: np.ndarray  # bool mask of the printed strokes
    near_print: np.ndarray  # printed strokes dilated: where a misaligned stroke may land


@lru_cache(maxsize=2)
def _template(dpi: int) -> _Template:
    gray = np.asarray(render_blank(load_layout(), dpi))
    printed = gray < 128
    near = cv2.dilate(printed.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0
    return _Template(gray, printed, near)


def align_to_template(
    gray: np.ndarray, dpi: int, layout: FormLayout | None = None
) -> Alignment | None:
    layout = layout or load_layout()
    template = _template(dpi)
    size = (template.gray.shape[1], template.gray.shape[0])
    candidates: list[Alignment] = []
    corners = find_fiducials(gray, dpi)
    if corners is not None:
        target = np.array(fiducial_centers_px(layout, dpi), np.float32)[[0, 1, 3, 2]]
        for shift in range(4):  # the marks are symmetric: try each of the four page turns
            source = np.roll(corners, -shift, axis=0)
            matrix = cv2.getPerspectiveTransform(source, target)
            warped = cv2.warpPerspective(gray, matrix, size, borderValue=255)
            candidates.append(Alignment(warped, "fiduciales", template_score(warped, template)))
    best = max(candidates, key=lambda a: a.score, default=None)
    if best is None or best.score < MIN_TEMPLATE_SCORE:
        orb = _align_orb(gray, template, size)
        if orb is not None and (best is None or orb.score > best.score):
            best = orb
    return best


def template_score(aligned: np.ndarray, template: _Template) -> float:
    """Share of printed strokes found inked, minus ink where the form has none.

    The penalty keeps a dark or cluttered page from matching just by being dark everywhere;
    handwriting on a real volante covers only a few percent of the blank area.
    """
    dark = binarize(aligned) == 0
    dark = cv2.dilate(dark.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    found = float(dark[template.printed].mean())
    clutter = float(dark[~template.near_print].mean())
    return max(0.0, found - clutter)


def find_fiducials(gray: np.ndarray, dpi: int) -> np.ndarray | None:
    """Centres of the four corner squares as TL, TR, BR, BL, or None when not all are found."""
    # Global Otsu, not the adaptive binarisation: adaptive thresholding hollows solid squares.
    blurred = cv2.GaussianBlur(gray, (5, 5), 0)
    _, paper = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (paper == 0).astype(np.uint8)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    side_min, side_max = mm_to_px(4.0, dpi), mm_to_px(9.5, dpi)
    h, w = gray.shape
    best: dict[int, tuple[float, np.ndarray]] = {}
    corner_points = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    for i in range(1, count):
        bw, bh, area = stats[i][2:5]
        if not (side_min <= bw <= side_max and side_min <= bh <= side_max):
            continue
        if area < 0.8 * bw * bh or not 0.7 <= bw / bh <= 1.4:
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


def _align_orb(gray: np.ndarray, template: _Template, size: tuple[int, int]) -> Alignment | None:
    scale = 0.35
    page_small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    tmpl_small = cv2.resize(template.gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    orb = cv2.ORB_create(3000)
    kp_t, des_t = orb.detectAndCompute(tmpl_small, None)
    kp_p, des_p = orb.detectAndCompute(page_small, None)
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
