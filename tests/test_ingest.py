from __future__ import annotations

import numpy as np
from PIL import Image

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import Page
from buzon_pipeline.reading.ingest import expand_inputs, inspect_source, iter_pages

SETTINGS = Settings()


def _tiff(path, frames=3):
    images = [Image.fromarray(np.full((330, 255), 255 - 40 * i, np.uint8)) for i in range(frames)]
    images[0].save(path, save_all=True, append_images=images[1:], dpi=(30, 30))


def test_folder_expansion_ignores_non_scans(tmp_path):
    (tmp_path / "a.png").write_bytes(b"x")
    (tmp_path / "notas.json").write_text("{}")
    (tmp_path / ".oculto.png").write_bytes(b"x")
    listing = expand_inputs([str(tmp_path), str(tmp_path / "no-existe.pdf")])
    assert listing.files == [str(tmp_path / "a.png")]
    assert listing.ignored == [str(tmp_path / "notas.json")]
    assert listing.missing == [str(tmp_path / "no-existe.pdf")]


def test_empty_corrupt_and_unsupported_files_get_spanish_errors(tmp_path):
    empty = tmp_path / "vacio.pdf"
    empty.write_bytes(b"")
    corrupt = tmp_path / "roto.pdf"
    corrupt.write_bytes(b"%PDF-1.4 esto no es un pdf")
    bad_png = tmp_path / "roto.png"
    bad_png.write_bytes(b"\x89PNG\r\n\x1a\nbasura")
    other = tmp_path / "carta.docx"
    other.write_bytes(b"PK")
    errors = {
        p.name: inspect_source(str(p), SETTINGS)[0].error for p in (empty, corrupt, bad_png, other)
    }
    assert "vacío" in errors["vacio.pdf"]
    assert "PDF" in errors["roto.pdf"]
    assert "dañada" in errors["roto.png"]
    assert "no soportado" in errors["carta.docx"]


def test_decompression_bomb_is_refused(tmp_path):
    path = tmp_path / "bomba.png"
    Image.new("L", (4000, 4000), 255).save(path)
    settings = Settings(max_image_pixels=1_000_000)
    source, count = inspect_source(str(path), settings)
    assert source.error and "demasiado grande" in source.error and count == 0


def test_multipage_tiff_pages_are_normalised_to_working_dpi(tmp_path):
    path = tmp_path / "lote.tif"
    _tiff(path)
    source, count = inspect_source(str(path), SETTINGS)
    assert source.error is None and count == 3 and len(source.sha256) == 64
    pages = list(iter_pages(source, count, SETTINGS))
    assert [p.number for p in pages] == [1, 2, 3]
    assert all(isinstance(p, Page) and p.dpi == 300 for p in pages)
    assert pages[0].image.shape == (3300, 2550)  # 30 dpi frames upscaled 10x


def test_pdf_pages_are_rasterised(tmp_path):
    path = tmp_path / "dos.pdf"
    a = Image.new("L", (850, 1100), 255)
    a.save(path, save_all=True, append_images=[a.copy()], resolution=100)
    source, count = inspect_source(str(path), SETTINGS)
    assert count == 2
    pages = list(iter_pages(source, count, Settings(dpi=150)))
    assert [p.image.shape for p in pages] == [(1650, 1275)] * 2


def test_encrypted_pdf_is_refused(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="secreto", owner_password="otro")
    path = tmp_path / "cifrado.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    source, count = inspect_source(str(path), SETTINGS)
    assert count == 0 and source.error and "contraseña" in source.error
