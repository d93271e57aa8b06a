"""Find the sheet in a phone photo (on wood, a desk, fabric, in a hand, under a shadow), flatten
its perspective and even out its light, before anything else reads it (issue 13, item 2).

The usual document-scanner recipe (edges or a threshold, the biggest four-sided contour, a
homography) finds *a* quadrilateral on almost any picture; the danger is warping a flat scan
or a textured surface into nonsense. So candidates come from several masks (thresholds at
several levels, edges), each is fitted with a quadrilateral, and a quadrilateral is accepted
only when its four sides are *steps from bright paper inside to a darker surface outside* along
most of their length. A flat scan (paper up to its edges) is never searched at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

WORK_SIDE = 640  # long side of the copy the search runs on
# A scan: this share of the outer ring is as bright as the paper (it is paper).
SCAN_RING_PAPER = 0.9
MIN_AREA, MAX_AREA = 0.15, 0.97  # page area over frame area
CARTA_ASPECT = 11 / 8.5
MIN_ASPECT, MAX_ASPECT = 1.1, 1.9  # long over short side: carta 1.29, A4 1.41, oficio 1.65
MIN_CORNER_ANGLE, MAX_CORNER_ANGLE = 55.0, 125.0
STEP = 10.0  # grey levels the paper must be above the surface across a side
STEP_DISTANCE = 4  # px in the work copy, each side of the edge
# Opening (px in the work copy) that detaches thin bright strokes from the sheet's outline: a
# mug's ring or a pen on a desk is 2-5 px wide here; the sheet is hundreds.
DETACH = 7
# Share of a side's length that must show that step (the weakest side; a thumb or a shadow may
# cover part of one) and on average over the four.
MIN_SIDE_SUPPORT, MIN_MEAN_SUPPORT = 0.5, 0.75


@dataclass(frozen=True)
class PageQuad:
    corners: np.ndarray  # TL, TR, BR, BL in the full image's pixels (float32)
    support: float  # mean share of the sides' length showing the paper-to-surface step
    area_share: float


def looks_like_scan(gray: np.ndarray) -> bool:
    """Paper all around the image's edge: a flat scan (or a photo framed to the sheet)."""
    scale = WORK_SIDE / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return _looks_like_scan(cv2.GaussianBlur(small, (5, 5), 0))


def find_page(gray: np.ndarray) -> PageQuad | None:
    """The sheet's four corners when found confidently; None for a flat scan or a doubt."""
    scale = WORK_SIDE / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    smooth = cv2.GaussianBlur(small, (5, 5), 0)
    if _looks_like_scan(smooth):
        return None
    # Every accepted quadrilateral is the edge of something paper-like; the largest is the
    # sheet (a smaller one is a white area inside it, between a flyer's bands).
    best: PageQuad | None = None
    for quad in _candidates(smooth):
        scored = _score(smooth, quad)
        if scored is not None and (best is None or scored.area_share > best.area_share + 0.01):
            best = scored
    if best is None:
        return None
    return PageQuad((best.corners / scale).astype(np.float32), best.support, best.area_share)


def _looks_like_scan(smooth: np.ndarray) -> bool:
    """Paper reaches the image's edges all around: a flatbed scan, or a photo framed to the
    sheet; either way there is no surface to cut away."""
    h, w = smooth.shape
    r = max(2, round(0.02 * min(h, w)))
    ring = np.concatenate(
        [smooth[:r].ravel(), smooth[-r:].ravel(), smooth[:, :r].ravel(), smooth[:, -r:].ravel()]
    )
    paper = float(np.percentile(smooth, 95))
    return float(np.mean(ring >= paper - 30)) >= SCAN_RING_PAPER


def _candidates(smooth: np.ndarray) -> list[np.ndarray]:
    """Quadrilaterals (small-image pixels, TL TR BR BL) from threshold and edge masks."""
    h, w = smooth.shape
    masks: list[np.ndarray] = []
    otsu, _ = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    low, high = np.percentile(smooth, [20, 97])
    levels = {float(otsu), *np.linspace(low, high, 7)[1:-1].tolist()}
    close = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    detach = np.ones((DETACH, DETACH), np.uint8)
    for level in sorted(levels):
        mask = (smooth > level).astype(np.uint8) * 255
        # Text and lines inside the page are holes in the paper: close them.
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, close)
        # A thin bright thing touching the sheet (a mug's ring, a pen, a cable) joins its
        # outline and pulls a corner of the hull off the sheet: cut it away.
        masks.append(cv2.morphologyEx(mask, cv2.MORPH_OPEN, detach))
    # A shadow across the sheet splits any single threshold; brighter than its surroundings
    # (a local threshold over a wide window) is how the paper still stands out.
    for block in (61, 151):
        local = cv2.adaptiveThreshold(
            smooth, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block, -4
        )
        local = cv2.morphologyEx(local, cv2.MORPH_CLOSE, close)
        masks.append(cv2.morphologyEx(local, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8)))
    median = float(np.median(smooth))
    edges = cv2.Canny(smooth, 0.5 * median, 1.2 * median)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    masks.append(edges)
    quads: list[np.ndarray] = []
    for mask in masks:
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
            hull = cv2.convexHull(contour)
            if cv2.contourArea(hull) < MIN_AREA * h * w:
                break
            quad = _fit_quad(hull)
            if quad is not None:
                quads.append(quad)
    return quads


def _fit_quad(hull: np.ndarray) -> np.ndarray | None:
    perimeter = cv2.arcLength(hull, True)
    for eps in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, eps * perimeter, True)
        if len(approx) == 4:
            return order_corners(approx.reshape(4, 2).astype(np.float32))
        if len(approx) < 4:
            return None
    return None


def order_corners(points: np.ndarray) -> np.ndarray:
    """Order four points as top-left, top-right, bottom-right, bottom-left."""
    s = points.sum(axis=1)
    d = np.diff(points, axis=1).ravel()
    return np.array(
        [points[np.argmin(s)], points[np.argmin(d)], points[np.argmax(s)], points[np.argmax(d)]],
        dtype=np.float32,
    )


def _score(smooth: np.ndarray, quad: np.ndarray) -> PageQuad | None:
    h, w = smooth.shape
    if len({tuple(p) for p in quad.round().tolist()}) < 4:
        return None
    if not cv2.isContourConvex(quad.reshape(-1, 1, 2)):
        return None
    area_share = cv2.contourArea(quad) / float(h * w)
    if not MIN_AREA <= area_share <= MAX_AREA:
        return None
    sides = [np.linalg.norm(quad[(i + 1) % 4] - quad[i]) for i in range(4)]
    across, down = (sides[0] + sides[2]) / 2, (sides[1] + sides[3]) / 2
    aspect = max(across, down) / max(1e-6, min(across, down))
    if not MIN_ASPECT <= aspect <= MAX_ASPECT:
        return None
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        u, v = a - b, c - b
        cos = float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-6))
        if not MIN_CORNER_ANGLE <= np.degrees(np.arccos(np.clip(cos, -1, 1))) <= MAX_CORNER_ANGLE:
            return None
    steps = [_side_steps(smooth, quad, i) for i in range(4)]
    brighter = [b for b, _ in steps]
    # A printed band along an edge (a flyer's header) makes that side darker inside than the
    # surface: a side may be a steady step either way, but at least two sides must show paper
    # brighter than the surface.
    support = [max(b, d) for b, d in steps]
    if sum(b >= MIN_MEAN_SUPPORT for b in brighter) < 2:
        return None
    if min(support) < MIN_SIDE_SUPPORT or float(np.mean(support)) < MIN_MEAN_SUPPORT:
        return None
    return PageQuad(quad, float(np.mean(support)), area_share)


def _side_steps(smooth: np.ndarray, quad: np.ndarray, i: int) -> tuple[float, float]:
    """Shares of side i where the inside is brighter (and darker) than the outside by STEP."""
    h, w = smooth.shape
    a, b = quad[i], quad[(i + 1) % 4]
    centre = quad.mean(axis=0)
    direction = (b - a) / (np.linalg.norm(b - a) + 1e-6)
    normal = np.array([-direction[1], direction[0]], np.float32)
    if np.dot(centre - (a + b) / 2, normal) < 0:
        normal = -normal  # point inwards
    t = np.linspace(0.05, 0.95, 60, dtype=np.float32)[:, None]
    points = a + t * (b - a)
    inside = points + normal * STEP_DISTANCE
    outside = points - normal * STEP_DISTANCE
    ok = (
        (outside[:, 0] >= 0) & (outside[:, 0] < w) & (outside[:, 1] >= 0) & (outside[:, 1] < h)
    )
    if ok.sum() < len(t) * 0.5:
        return 0.0, 0.0  # a side on the frame's edge: the page runs out of the photo
    diff = _sample(smooth, inside[ok]) - _sample(smooth, outside[ok])
    share = float(ok.mean())
    return float(np.mean(diff >= STEP)) * share, float(np.mean(diff <= -STEP)) * share


def _sample(image: np.ndarray, points: np.ndarray) -> np.ndarray:
    h, w = image.shape
    x = np.clip(points[:, 0].round().astype(int), 0, w - 1)
    y = np.clip(points[:, 1].round().astype(int), 0, h - 1)
    return image[y, x].astype(np.float32)


def warp_page(gray: np.ndarray, corners: np.ndarray, short_side: int) -> np.ndarray:
    """Flatten the sheet and scale it so its short side is ``short_side`` pixels."""
    top = np.linalg.norm(corners[1] - corners[0])
    bottom = np.linalg.norm(corners[2] - corners[3])
    left = np.linalg.norm(corners[3] - corners[0])
    right = np.linalg.norm(corners[2] - corners[1])
    width, height = max(top, bottom), max(left, right)
    factor = short_side / min(width, height)
    width, height = int(width * factor), int(height * factor)
    # Perspective foreshortens one direction (the longest sides understate it): a sheet within
    # 8 % of carta proportions is carta, so a volante's zones land where its template says.
    if abs(max(width, height) / min(width, height) / CARTA_ASPECT - 1) < 0.08:
        if height >= width:
            height = round(width * CARTA_ASPECT)
        else:
            width = round(height * CARTA_ASPECT)
    target = np.array(
        [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32
    )
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(
        gray, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255
    )


def even_light(gray: np.ndarray) -> np.ndarray:
    """Divide the page by its own paper brightness (text removed by a closing), so a shadow or
    a light gradient across a photo becomes flat white paper with dark ink."""
    h, w = gray.shape
    factor = 400 / max(h, w)
    small = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    paper = cv2.GaussianBlur(paper, (0, 0), 3)
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    flat = gray.astype(np.float32) / np.maximum(paper, 1.0) * 255.0
    return np.clip(flat, 0, 255).astype(np.uint8)
