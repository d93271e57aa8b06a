"""The archive of originals by hash (docs/design.md §1): each scanned file as received, and
per page the oriented, deskewed (for volantes: aligned) view the field boxes refer to, which the
review page crops and the turn-copy packets print. Owner-only, like everything with personal
data (5.14).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from buzon_pipeline.core.model import Page
from buzon_pipeline.core.private_files import open_private, private_dir, write_private_bytes

VIEW_JPEG_QUALITY = 80  # grey scans at 300 dpi: ~0.3–0.6 MB a page, crops stay legible


def source_folder(archive_dir: Path, sha256: str) -> Path:
    return Path(archive_dir) / sha256[:2] / sha256


def page_view_path(archive_dir: Path, sha256: str, number: int) -> Path:
    return source_folder(archive_dir, sha256) / f"pagina-{number:04d}.jpg"


def save_page_view(archive_dir: Path, sha256: str, number: int, gray: np.ndarray) -> Path:
    path = page_view_path(archive_dir, sha256, number)
    private_dir(source_folder(archive_dir, sha256))
    ok, data = cv2.imencode(".jpg", gray, [cv2.IMWRITE_JPEG_QUALITY, VIEW_JPEG_QUALITY])
    if not ok:
        raise ValueError("no se pudo codificar la imagen de la página")
    return write_private_bytes(path, data.tobytes())


@dataclass(frozen=True)
class PageViews:
    """Where a page analyser keeps each page's view (picklable: it goes to worker processes)."""

    archive_dir: Path

    def __call__(self, page: Page, view: np.ndarray) -> str:
        return str(save_page_view(self.archive_dir, page.source_sha256, page.number, view))


def archive_original(archive_dir: Path, sha256: str, source_path: str) -> Path:
    """Copy the file as received, once: a re-run of the same file finds it already there."""
    folder = private_dir(source_folder(archive_dir, sha256))
    target = folder / ("original" + Path(source_path).suffix.lower())
    if not target.exists():
        partial = target.with_name(target.name + ".parcial")
        with open(source_path, "rb") as src, open_private(partial) as dst:
            shutil.copyfileobj(src, dst)
        partial.replace(target)  # atomic: a kill mid-copy never leaves a truncated "original"
    return target
