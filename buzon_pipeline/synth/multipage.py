"""Multi-page files for grouping evaluation (issue 13, item 4): where does each document end?

Two kinds of file, each with its page-level ground truth:

- ``letter_file``: one escrito libre of 2–4 pages alone in its file, sometimes with a blank
  back after each sheet;
- ``batch_file``: what the TAOD's scanner gives for the day's pile, one-page and multi-page
  letters, volantes and other pages in a row; duplex batches have the blank back of every
  sheet (a letter written on both sides of its sheets has none between its pages).

Page numbers vary as people write them ("2", "2/3", "Hoja 2", "Página 2 de 3", "- 2 -", or
none), and so do greetings and signatures, as ``synth.letter`` draws them.

Truth: ``{"kind": "letter_file" | "batch_file", "documents": [{"pages": [...], "kind",
"subtipo", "page_count"}], "blank_pages": [...], "duplex": bool}`` (page numbers 1-based).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from buzon_pipeline.synth import documents

SPLITS: dict[str, range] = {  # apart from the corpus's seeds: these are whole files
    "dev": range(500_000, 510_000),
    "test": range(600_000, 610_000),
}
MAX_PAGES = 4
# How people number continuation pages (index ≥ 1); None: not numbered.
LABEL_STYLES = ("bare", "fraction", "hoja", "pagina_de", "dashed", None, None)
DEVICE = {"level": "scanner", "mild": True, "mode": "L"}


@dataclass
class SynthFile:
    name: str
    pages: list[Image.Image]
    truth: dict[str, Any] = field(default_factory=dict)


def page_labeller(style: str | None, first_too: bool):
    """A ``letter.render_letter`` page_label for one writer's habit."""

    def label(index: int, total: int, rng: random.Random) -> str | None:
        if style is None or (index == 0 and not first_too):
            return None
        n = index + 1
        return {
            "bare": f"{n}",
            "fraction": f"{n}/{total}",
            "hoja": f"Hoja {n}",
            "pagina_de": f"Página {n} de {total}",
            "dashed": f"- {n} -",
        }[style]

    return label


def multipage_letter(rng: random.Random, pages: int | None = None, **opts: Any
                     ) -> documents.SynthDocument:
    """An escrito libre of 2–4 pages (fewer when the text runs out; the truth says how many)."""
    style = rng.choice(LABEL_STYLES)
    # Writers who number "1/3" number the first page too, now and then.
    first_too = style in ("fraction", "pagina_de") and rng.random() < 0.4
    wanted = pages or rng.choice((2, 2, 3, 4))
    return documents.make_letter(
        rng, pages=wanted, max_pages=MAX_PAGES, page_label=page_labeller(style, first_too),
        **{**DEVICE, "caso_especial": False, **opts},
    )


def _blank_back(rng: random.Random, front: Image.Image) -> Image.Image:
    return documents.make_blank(rng, back=front, **DEVICE).pages[0]


def _sheets(doc: documents.SynthDocument, rng: random.Random, duplex: bool
            ) -> tuple[list[Image.Image], list[bool]]:
    """The document's pages as scanned, with blank backs; and which of them are blank."""
    if not duplex:
        return list(doc.pages), [False] * len(doc.pages)
    # Some people write on both sides of the sheet: no blank between their pages.
    both_sides = len(doc.pages) > 1 and rng.random() < 0.35
    out: list[Image.Image] = []
    blank: list[bool] = []
    for i, page in enumerate(doc.pages):
        out.append(page)
        blank.append(False)
        # One side per sheet: every page has its blank back. Both sides: only a last page on
        # the front of its sheet has one.
        if not both_sides or (i % 2 == 0 and i == len(doc.pages) - 1):
            out.append(_blank_back(rng, page))
            blank.append(True)
    return out, blank


def _assemble(name: str, kind: str, parts: list[documents.SynthDocument], rng: random.Random,
              duplex: bool) -> SynthFile:
    pages: list[Image.Image] = []
    docs: list[dict[str, Any]] = []
    blanks: list[int] = []
    for doc in parts:
        scanned, blank = _sheets(doc, rng, duplex)
        numbers = []
        for image, is_blank in zip(scanned, blank, strict=True):
            pages.append(image)
            (blanks if is_blank else numbers).append(len(pages))
        docs.append({"pages": numbers, "kind": doc.truth["kind"],
                     "subtipo": doc.truth["subtipo"], "page_count": len(numbers),
                     "font_kind": doc.truth.get("font_kind")})
    truth = {"kind": kind, "documents": docs, "blank_pages": blanks, "duplex": duplex}
    return SynthFile(name, pages, truth)


def letter_file(seed: int) -> SynthFile:
    rng = random.Random(f"buzon-multipage:letter:{seed}")
    doc = multipage_letter(rng)
    return _assemble(f"carta-{seed}.pdf", "letter_file", [doc], rng, rng.random() < 0.3)


BATCH_MIX = (("letter1", 30), ("letterN", 30), ("volante", 30), ("otro", 10))


def batch_file(seed: int) -> SynthFile:
    rng = random.Random(f"buzon-multipage:batch:{seed}")
    parts: list[documents.SynthDocument] = []
    for _ in range(rng.randint(4, 7)):
        kind = rng.choices([k for k, _ in BATCH_MIX], [w for _, w in BATCH_MIX])[0]
        if kind == "letter1":
            parts.append(documents.make_letter(rng, pages=1, **{**DEVICE, "caso_especial": False}))
        elif kind == "letterN":
            parts.append(multipage_letter(rng))
        elif kind == "volante":
            parts.append(documents.make_volante(rng, **DEVICE))
        else:
            parts.append(documents.make_other(rng, **DEVICE))
    return _assemble(f"lote-{seed}.pdf", "batch_file", parts, rng, rng.random() < 0.5)


def generate_file(split: str, index: int) -> SynthFile:
    """Even indices: a letter alone in its file; odd ones: a batch."""
    seed = SPLITS[split][index]
    return letter_file(seed) if index % 2 == 0 else batch_file(seed)
