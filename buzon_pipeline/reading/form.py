"""The Anexo 12 form layout (the project's own copy) and its blank rendering.

The layout is in millimetres with origin top-left; everything that needs pixels asks this
module for them at a given DPI, so extraction and the synthetic generator agree on geometry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

LAYOUT_PATH = Path(__file__).resolve().parent / "forms" / "anexo12_v1.json"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MM_PER_INCH = 25.4

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # checkbox | text | comb | multiline | signature
    box: Box
    label: str
    label_at: tuple[float, float] | None
    cells: int | None = None
    line_pitch: float | None = None


@dataclass(frozen=True)
class StaticText:
    text: str
    at: tuple[float, float]
    size_pt: float
    bold: bool


@dataclass(frozen=True)
class FormLayout:
    name: str
    version: str
    width_mm: float
    height_mm: float
    fiducials: tuple[Box, ...]
    static_text: tuple[StaticText, ...]
    logo_box: Box
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def size_px(self, dpi: int) -> tuple[int, int]:
        return round(mm_to_px(self.width_mm, dpi)), round(mm_to_px(self.height_mm, dpi))


def mm_to_px(mm: float, dpi: float) -> float:
    return mm * dpi / MM_PER_INCH


def box_to_px(box: Box, dpi: float) -> tuple[int, int, int, int]:
    """Return (x0, y0, x1, y1) integer pixel bounds of an mm box."""
    x, y, w, h = box
    return (
        round(mm_to_px(x, dpi)),
        round(mm_to_px(y, dpi)),
        round(mm_to_px(x + w, dpi)),
        round(mm_to_px(y + h, dpi)),
    )


def fiducial_centers_px(layout: FormLayout, dpi: float) -> list[tuple[float, float]]:
    """Centres of the four corner marks, in the order TL, TR, BL, BR."""
    return [(mm_to_px(x + w / 2, dpi), mm_to_px(y + h / 2, dpi)) for x, y, w, h in layout.fiducials]


@lru_cache(maxsize=4)
def load_layout(path: Path = LAYOUT_PATH) -> FormLayout:
    raw = json.loads(path.read_text(encoding="utf-8"))
    fields = tuple(
        FieldSpec(
            name=f["name"],
            kind=f["kind"],
            box=tuple(f["box"]),
            label=f.get("label", ""),
            label_at=tuple(f["label_at"]) if f.get("label_at") else None,
            cells=f.get("cells"),
            line_pitch=f.get("line_pitch"),
        )
        for f in raw["fields"]
    )
    texts = tuple(
        StaticText(t["text"], tuple(t["at"]), float(t["size_pt"]), bool(t.get("bold", False)))
        for t in raw["static_text"]
    )
    return FormLayout(
        name=raw["form"],
        version=raw["version"],
        width_mm=float(raw["page"]["width_mm"]),
        height_mm=float(raw["page"]["height_mm"]),
        fiducials=tuple(tuple(b) for b in raw["fiducials"]),
        static_text=texts,
        logo_box=tuple(raw["logo_box"]),
        fields=fields,
    )


def _font(size_px: float, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), max(6, round(size_px)))
    except OSError:
        return ImageFont.load_default()


def render_blank(layout: FormLayout | None = None, dpi: int = 300) -> Image.Image:
    """Draw the printed, unfilled volante as a grayscale image."""
    layout = layout or load_layout()
    img = Image.new("L", layout.size_px(dpi), 255)
    draw = ImageDraw.Draw(img)
    line = max(1, round(dpi / 150))
    for box in layout.fiducials:
        draw.rectangle(box_to_px(box, dpi), fill=0)
    for text in layout.static_text:
        pos = (mm_to_px(text.at[0], dpi), mm_to_px(text.at[1], dpi))
        draw.text(pos, text.text, fill=0, font=_font(text.size_pt * dpi / 72, text.bold))
    _draw_logo(draw, layout.logo_box, dpi, line)
    label_font = _font(8 * dpi / 72)
    for spec in layout.fields:
        if spec.label and spec.label_at:
            at = (mm_to_px(spec.label_at[0], dpi), mm_to_px(spec.label_at[1], dpi))
            if spec.kind == "checkbox":
                at = (at[0], at[1] + mm_to_px(0.5, dpi))
            draw.text(at, spec.label, fill=0, font=label_font)
        _draw_field(draw, spec, dpi, line)
    return img


def _draw_logo(draw: ImageDraw.ImageDraw, box: Box, dpi: int, line: int) -> None:
    x0, y0, x1, y1 = box_to_px(box, dpi)
    draw.ellipse((x0, y0, x1, y1), outline=0, width=line * 2)
    font = _font((y1 - y0) * 0.3, bold=True)
    draw.text(((x0 + x1) / 2, (y0 + y1) / 2), "IMSS", fill=0, font=font, anchor="mm")


def _draw_field(draw: ImageDraw.ImageDraw, spec: FieldSpec, dpi: int, line: int) -> None:
    x0, y0, x1, y1 = box_to_px(spec.box, dpi)
    if spec.kind == "multiline":
        pitch = mm_to_px(spec.line_pitch or 8, dpi)
        y = y0 + pitch
        while y <= y1 + 1:
            draw.line((x0, round(y), x1, round(y)), fill=0, width=line)
            y += pitch
        return
    draw.rectangle((x0, y0, x1, y1), outline=0, width=line)
    if spec.kind == "comb" and spec.cells:
        for i in range(1, spec.cells):
            x = round(x0 + (x1 - x0) * i / spec.cells)
            draw.line((x, y0, x, y1), fill=0, width=line)
