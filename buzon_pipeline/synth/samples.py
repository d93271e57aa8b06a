"""Write the sample scans a newcomer runs first (and the end-to-end test uses).

    python -m buzon_pipeline.synth.samples samples/ [file name ...]

Fixed seeds and fixed file metadata: re-running gives byte-identical files.
"""

from __future__ import annotations

import io
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from buzon_pipeline.synth import degrade, documents
from buzon_pipeline.synth.readme import write_readme

PDF_DATE = time.gmtime(1704067200)  # 2024-01-01: any fixed date keeps the PDF reproducible
COMPLETE = {"nombre": True, "nss": True, "nss_valid": True, "telefono": True,
            "phone_valid": True}
BUILDERS = {"volante": documents.make_volante, "escrito_libre": documents.make_letter,
            "otro": documents.make_other, "blank": documents.make_blank}


@dataclass(frozen=True)
class Part:
    builder: str  # volante | escrito_libre | otro | blank | reverso (blank back of previous)
    expect: str | None  # expected outcome; None for blank pages
    opts: dict[str, Any] = field(default_factory=dict)
    pages: int = 1


@dataclass(frozen=True)
class Sample:
    name: str
    descripcion: str
    parts: tuple[Part, ...]
    device: dict[str, Any]


SCAN = {"level": "scanner", "mild": True, "mode": "L"}
# Lossless PNG cannot afford sensor noise at 300 dpi: a clean scan with a little dust instead.
PNG = {"level": "clean", "mode": "L", "dust": True}
SAMPLES = (
    Sample("lote_escaner.pdf", "lote del escáner: dos volantes y un escrito de dos hojas, con el "
           "reverso en blanco de cada volante", (
               Part("volante", "folio", {**COMPLETE, "font_kind": "handwriting",
                                         "tipo": "queja_servicio", "correo": False}),
               Part("reverso", None),
               Part("volante", "pendiente_contacto", {"font_kind": "typed", "nombre": True,
                                                      "nss": False, "telefono": True,
                                                      "phone_valid": True, "correo": False,
                                                      "tipo": "sugerencia"}),
               Part("reverso", None),
               # Typed: Tesseract cannot read handwriting-like letters (docs/design.md §4), and an
               # unread letter is rightly sent to review; the corpus measures that case.
               Part("escrito_libre", "folio", {**COMPLETE, "font_kind": "typed",
                                               "pages": 2, "tipo": "queja_servicio"}, pages=2),
           ), SCAN),
    Sample("lote_escaner.tif", "TIFF multipágina en blanco y negro (CCITT G4)", (
        Part("volante", "revision", {**COMPLETE, "nss_valid": False, "font_kind": "handwriting",
                                     "tipo": "queja_administrativa"}),
        Part("volante", "folio", {**COMPLETE, "correo": True, "email_valid": True,
                                  "font_kind": "handwriting", "tipo": "reconocimiento",
                                  "caso_especial": False}),
        Part("otro", "descartado", {"subtipo": "prescription"}),
    ), {**SCAN, "binarize": True}),
    Sample("volante_foto_celular.jpg", "foto de celular de un volante sin datos de contacto", (
        Part("volante", "publico_general", {"nombre": True, "nss": True, "nss_valid": True,
                                            "telefono": False, "correo": False,
                                            "font_kind": "handwriting"}),
    ), {"level": "phone", "mild": True}),
    Sample("volante_tecleado_completo.png", "volante llenado en computadora, datos completos", (
        Part("volante", "folio", {**COMPLETE, "font_kind": "typed", "correo": True,
                                  "email_valid": True}),
    ), PNG),
    Sample("volante_manuscrito_completo.png", "volante manuscrito, datos completos", (
        # A crossed-out comb digit is rightly sent to review; the corpus has them, not this demo.
        Part("volante", "folio", {**COMPLETE, "font_kind": "handwriting", "tipo": "gestion",
                                  "correction": False}),
    ), PNG),
    Sample("volante_correo_invalido.jpg", "volante con nombre y NSS pero correo inválido "
           "(sin teléfono): no hay contacto", (
               Part("volante", "publico_general", {"nombre": True, "nss": True,
                                                   "nss_valid": True, "telefono": False,
                                                   "correo": True, "email_valid": False,
                                                   # Typed: a handwritten address that fails
                                                   # the syntax is (rightly) sent to review.
                                                   "font_kind": "typed"}),
           ), SCAN),
    Sample("escrito_libre_tecleado.png", "escrito libre de una hoja, a máquina", (
        Part("escrito_libre", "folio", {**COMPLETE, "font_kind": "typed", "pages": 1}),
    ), PNG),
    Sample("escrito_libre_caso_especial.jpg", "escrito libre manuscrito: caso especial", (
        Part("escrito_libre", "folio", {**COMPLETE, "font_kind": "handwriting", "pages": 1,
                                        "tipo": "queja_servicio", "caso_especial": True}),
    ), SCAN),
    Sample("escrito_libre_anonimo.png", "escrito libre sin nombre ni datos de contacto", (
        Part("escrito_libre", "publico_general", {"nombre": False, "nss": False,
                                                  "telefono": False, "correo": False,
                                                  "pages": 1, "tipo": "sugerencia",
                                                  "font_kind": "typed"}),
    ), PNG),
    Sample("cartel_campana_salud.jpg", "cartel de campaña de salud (no es petición)", (
        Part("otro", "descartado", {"subtipo": "flyer"}),
    ), {**SCAN, "mode": "RGB"}),
    Sample("ticket_farmacia.jpg", "ticket de farmacia (no es petición)", (
        Part("otro", "descartado", {"subtipo": "receipt"}),
    ), SCAN),
    Sample("hoja_en_blanco.png", "hoja en blanco con ruido del escáner", (
        Part("blank", None, {"bleed": False}),
    ), PNG),
)


def _build(sample: Sample, index: int, part: Part, previous: Image.Image | None
           ) -> tuple[documents.SynthDocument, str]:
    """First deterministic attempt whose truth matches what the sample promises."""
    device = {k: v for k, v in sample.device.items() if k not in ("binarize", "dust")}
    device["legible"] = True  # a first run should not start with the faintest pencil
    for attempt in range(200):
        key = f"{sample.name}:{index}:{attempt}"
        rng = random.Random(key)
        if part.builder == "reverso":
            doc = documents.make_blank(rng, bleed=True, back=previous, **device)
        else:
            opts = {"caso_especial": False, **device, **part.opts}
            doc = BUILDERS[part.builder](rng, **opts)
        ok = len(doc.pages) == part.pages
        if part.expect is not None:
            ok = ok and doc.truth["outcome"] == part.expect
        if ok:
            return doc, key
    raise RuntimeError(f"no attempt satisfied {sample.name} part {index}")


def _add_dust(doc: documents.SynthDocument, rng: random.Random) -> None:
    for k, rec in enumerate(doc.truth["degradation"]):
        params = {"density": round(rng.uniform(2, 5), 1), "seed": rng.randrange(2**31)}
        doc.pages[k] = degrade.speckle(doc.pages[k], **params)
        rec["steps"].append({"name": "speckle", "params": params})


def _binarize(page: Image.Image) -> Image.Image:
    gray = np.asarray(page.convert("L"))
    _, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Image.fromarray(bw).convert("1")


def _encode(pages: list[Image.Image], name: str, phone: bool) -> bytes:
    buf = io.BytesIO()
    suffix = Path(name).suffix
    dpi = (300, 300)
    if suffix == ".pdf":
        pages = [p.convert("L") if p.mode == "L" else p.convert("RGB") for p in pages]
        pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=300,
                      quality=85, creationDate=PDF_DATE, modDate=PDF_DATE,
                      producer="buzon-pipeline synth", title=name)
    elif suffix == ".tif":
        pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:],
                      compression="group4", dpi=dpi)
    elif suffix == ".jpg":
        extra = {} if phone else {"dpi": dpi}
        pages[0].save(buf, "JPEG", quality=85, **extra)
    else:
        pages[0].save(buf, "PNG", dpi=dpi)
    return buf.getvalue()


def write_sample(sample: Sample, out: Path) -> dict[str, Any]:
    pages: list[Image.Image] = []
    docs, blanks = [], []
    previous = None
    for i, part in enumerate(sample.parts):
        doc, key = _build(sample, i, part, previous)
        numbers = list(range(len(pages) + 1, len(pages) + len(doc.pages) + 1))
        if sample.device.get("dust"):
            _add_dust(doc, random.Random(f"{sample.name}:{i}:polvo"))
        if sample.device.get("binarize"):
            doc.pages = [_binarize(p) for p in doc.pages]
            for rec in doc.truth["degradation"]:
                rec["steps"].append({"name": "binarize", "params": {"method": "otsu"}})
                rec["mode"] = "1"
        pages.extend(doc.pages)
        if part.expect is None:
            blanks.extend(numbers)
        else:
            docs.append({"pages": numbers, "generador": key, **doc.truth})
        previous = doc.pages[0]
    data = _encode(pages, sample.name, sample.device.get("level") == "phone")
    (out / sample.name).write_bytes(data)
    truth = {"source": sample.name, "documents": docs, "blank_pages": blanks}
    text = json.dumps(truth, ensure_ascii=False, indent=2) + "\n"
    (out / f"{sample.name}.verdad.json").write_text(text, encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "samples")
    only = set(args[1:])  # optional file names: write just those (README only for a full run)
    out.mkdir(parents=True, exist_ok=True)
    summary = []
    for sample in SAMPLES:
        if only and sample.name not in only:
            continue
        start = time.perf_counter()
        truth = write_sample(sample, out)
        summary.append((sample, truth))
        print(f"{sample.name}: {len(truth['documents'])} documento(s), "
              f"{time.perf_counter() - start:.1f} s", file=sys.stderr)
    if not only:
        write_readme(out, summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
