"""Dataclasses passed from stage to stage (docs/design.md §3).

Per-page data is picklable (numpy arrays and plain values only) so pages can go to a
process pool; per-run context lives in `config.Settings`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from buzon_pipeline.core.vocab import FIELDS

if TYPE_CHECKING:  # annotations only: the CLI imports this module and stays light
    import numpy as np


class Kind(StrEnum):
    VOLANTE = "volante"
    ESCRITO_LIBRE = "escrito_libre"
    OTRO = "otro"


class Outcome(StrEnum):
    DESCARTADO = "descartado"
    PUBLICO_GENERAL = "publico_general"
    PENDIENTE_CONTACTO = "pendiente_contacto"
    FOLIO = "folio"
    DUPLICADO = "duplicado"
    REVISION = "revision"
    ERROR = "error"
    CERRADO_DESINTERES = "cerrado_desinteres"


@dataclass(frozen=True)
class SourceFile:
    """One input file as given on the command line (or found in a folder)."""

    path: str
    sha256: str
    size: int
    error: str | None = None  # Spanish message when the file cannot be read


@dataclass(frozen=True)
class Page:
    source: str
    source_sha256: str
    number: int  # 1-based within the source
    image: np.ndarray  # grayscale uint8, as scanned
    dpi: int


@dataclass(frozen=True)
class Field:
    value: str | None
    confidence: float
    box: tuple[int, int, int, int] | None = None  # x0, y0, x1, y1 in the prepared page
    raw: str | None = None  # what OCR read before normalisation
    present: bool = False  # ink or a label says the person wrote something here

    def as_json(self) -> dict:
        return {"value": self.value, "confidence": round(float(self.confidence), 3)}


EMPTY_FIELD = Field(None, 0.0)


@dataclass(frozen=True)
class PreparedPage:
    page: Page
    gray: np.ndarray  # oriented and deskewed
    rotation: int  # degrees applied clockwise to the scan: 0, 90, 180, 270
    skew: float  # degrees corrected


@dataclass(frozen=True)
class PageAnalysis:
    """Everything learned from one page alone; built in a worker process."""

    source: str
    source_sha256: str
    number: int
    blank: bool
    kind: Kind | None = None  # None for blank pages
    text: str = ""
    text_confidence: float = 0.0
    spans: tuple[tuple[int, int, float], ...] = ()  # word (start, end, confidence) in `text`
    fields: dict[str, Field] = field(default_factory=dict)
    marks: dict[str, bool] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # Spanish remarks for the TAOD
    error: str | None = None
    # The error may pass (I/O, memory, OCR engine crash, a worker killed): the file is not
    # complete and the next run reads it again. `detail` is the traceback, for the error log.
    retry: bool = False
    detail: str | None = None
    rotation: int = 0
    skew: float = 0.0
    image: str | None = None  # archived view of the page (field boxes are in its pixels)
    # How the writing looks (reading.grouping.page_style): whether the next page is in the
    # same hand or font is evidence that it continues the letter. () for volantes.
    style: tuple[float, ...] = ()
    # The volante fields read from one-digit cells by the comb model, whose confidence has
    # its own scale (Settings.min_digit_confidence / min_nss_confidence); any other value (a
    # number on a plain line, read as a letter's is) is judged on the letters' scale. Unused
    # for letters.
    comb_fields: tuple[str, ...] = ("nss", "telefono")


@dataclass(frozen=True)
class Validation:
    fields: dict[str, Field]  # normalised values
    name_valid: bool
    nss_valid: bool
    nss_written: bool
    contact: bool
    minimum: bool
    uncertain: tuple[str, ...]  # reasons that decide the route and need a human
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class RouteThresholds:
    es_peticion_descartar: float  # below: not a petition, discard
    es_peticion_aceptar: float  # at or above: a petition; between the two: review
    tipo_min: float
    caso_especial: float
    # Mean OCR confidence below which a free-text page is "not really read": it is neither
    # discarded nor trusted to have no contact data without a human look.
    min_text_confidence: float = 0.60
    # Fewest words (two letters or more) a reading needs before its "not a petition" may
    # discard the page: fewer is no confident reading (deciding.discard_guard).
    min_discard_words: int = 10
    # Caso especial: with a rule hit (category + words) from `caso_reglas`; the model alone
    # from `caso_solo_modelo` (see `deciding.classify.special_case`).
    caso_reglas: float = 0.0
    caso_solo_modelo: float = 1.01
    # Probability the text alone must give its type to overrule a checkbox that disagrees.
    tipo_contra_marca: float = 0.90


@dataclass(frozen=True)
class TextVerdict:
    """The classifier's scores, and how well the text was read, reduced to what routing needs."""

    es_peticion: float
    tipo: str
    tipo_confidence: float
    caso_especial: float
    text_confidence: float = 1.0
    # Why the text is a caso especial (5.28): category and trigger words, in Spanish; None
    # when it is not one (`deciding.classify.special_case`).
    caso_especial_motivo: str | None = None
    # The type the text alone gives and its probability, before the checkboxes weigh in.
    text_tipo: str | None = None
    text_tipo_confidence: float = 0.0
    # A non-petition kind the kind model recognised with confidence, in Spanish ("una receta
    # médica"); None otherwise. `known_printed`: a printed kind, whose numbers and contact data
    # are its own (`deciding.nonpetition_model`, `discard_guard`).
    known_nonpetition: str | None = None
    known_printed: bool = False

    @property
    def special(self) -> bool:
        return self.caso_especial_motivo is not None


@dataclass(frozen=True)
class DocumentResult:
    """What the batch reports for one document (the --json contract)."""

    source: str
    pages: list[int]
    kind: Kind
    outcome: Outcome
    folio: str | None
    tipo: str | None
    caso_especial: bool
    fields: dict[str, Field]
    reasons: list[str]
    servicio: str | None = None
    document_id: int | None = None
    already_registered: bool = False
    summary: str = ""  # opening of the petition text, for the SIADE export; not in --json
    # Category and trigger words of a caso especial (5.28), in Spanish; None when not one.
    caso_especial_motivo: str | None = None
    batch_id: int | None = None  # the lote that registered the document; not in --json
    folio_issued_at: datetime | None = None  # not in --json
    registered_at: datetime | None = None  # not in --json
    text: str = ""  # the whole text read, for the SIADE summary; not in --json

    @property
    def folio_from_batch(self) -> bool:
        """The folio was issued by the batch run itself (same transaction as the document),
        not later by `contacto` or `revisar`."""
        return self.folio_issued_at is not None and self.folio_issued_at == self.registered_at

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "pages": self.pages,
            "document_id": self.document_id,
            "kind": str(self.kind),
            "outcome": str(self.outcome),
            "folio": self.folio,
            "tipo": self.tipo,
            "caso_especial": self.caso_especial,
            "caso_especial_motivo": self.caso_especial_motivo,
            "fields": {
                name: self.fields.get(name, EMPTY_FIELD).as_json() for name in FIELDS
            },
            "reasons": self.reasons,
        }


@dataclass(frozen=True)
class BatchInfo:
    """Who received a batch, where and when (5.32): the header of every report."""

    batch_id: int
    taod: str
    unidad: str
    received_at: datetime


@dataclass
class ResultSet:
    """Counts over the rows of a batch: documents, blank pages, unreadable files and pages."""

    results: list[DocumentResult]

    @property
    def documents(self) -> list[DocumentResult]:
        """Results that are documents (not blank pages nor file/page errors)."""
        return [r for r in self.results if r.document_id is not None]

    @property
    def blank_pages(self) -> int:
        return sum(
            1 for r in self.results if r.document_id is None and r.outcome is Outcome.DESCARTADO
        )

    @property
    def outcome_counts(self) -> Counter:
        """Outcomes of documents and of unreadable files/pages (blank pages counted apart)."""
        return Counter(
            str(r.outcome)
            for r in self.results
            if r.document_id is not None or r.outcome is Outcome.ERROR
        )

    @property
    def folios_issued(self) -> int:
        """Folios issued by this run (a re-run's replayed documents issued none)."""
        return sum(
            1
            for r in self.documents
            if r.outcome is Outcome.FOLIO and r.folio and not r.already_registered
        )

    @property
    def errors(self) -> int:
        return sum(1 for r in self.results if r.outcome is Outcome.ERROR)

    @property
    def review(self) -> int:
        return sum(1 for r in self.results if r.outcome is Outcome.REVISION)
