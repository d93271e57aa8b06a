"""The human-review queue (`buzon revisar`): documents the router left in `revision`.

The TAOD looks at each one the next morning (page image, the crop of every field next to what
OCR read), corrects what was misread and decides the outcome the router could not. A decision
is one transaction with one `revision_resuelta` AuditEvent; corrections go through the same
parser as the contact follow-up (`followup.parse_field_values`) and a folio through the same
`Registry.issue_folio_or_link_duplicate`, so a reviewed petition is registered exactly like one
the router was sure about (5.9 duplicates included). Audit details and error messages name the
fields, never their values (5.14).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import TIPOS, Kind, Outcome
from buzon_pipeline.core.vocab import OUTCOME_LABELS
from buzon_pipeline.deciding.textclass import SERVICIOS
from buzon_pipeline.deciding.validate import validate
from buzon_pipeline.desk.contacts import (
    FIELD_LABELS,
    fields_of,
    lock_document,
    missing_data,
    parse_field_values,
    store_field_values,
)
from buzon_pipeline.errors import UsageError
from buzon_pipeline.registry.store import (
    AuditEvent,
    BatchRow,
    DocumentRow,
    FieldRow,
    Registry,
    SourceRow,
)

REVIEW = str(Outcome.REVISION)
# What a reviewer may decide; `duplicado` follows from `folio` when the petition has one already.
RESULTADOS: tuple[Outcome, ...] = (
    Outcome.FOLIO,
    Outcome.PENDIENTE_CONTACTO,
    Outcome.PUBLICO_GENERAL,
    Outcome.DESCARTADO,
)
EDITABLE_FIELDS = ("nombre", "nss", "telefono", "correo")
PAGE_NAME = "revision.html"


@dataclass(frozen=True)
class ReviewField:
    """One extracted field as the reviewer sees it."""

    value: str | None
    confidence: float
    box: tuple[int, int, int, int] | None  # in the archived view of the first page
    raw: str | None = None  # what OCR read when it could not be normalised into `value`

    @property
    def prefill(self) -> str:
        """What the correction input starts with; leaving it as is means "no correction"."""
        return self.value or self.raw or ""

    def as_json(self) -> dict:
        return {
            "value": self.value,
            "confidence": round(float(self.confidence), 3),
            "box": list(self.box) if self.box else None,
        }


@dataclass(frozen=True)
class ReviewItem:
    document_id: int
    batch_id: int
    received_at: datetime
    source: str
    pages: list[int]
    kind: Kind
    reasons: list[str]
    tipo: str | None
    servicio: str | None
    caso_especial: bool
    fields: dict[str, ReviewField]
    images: list[Path]

    def as_json(self) -> dict:
        return {
            "document_id": self.document_id,
            "batch_id": self.batch_id,
            "received_at": self.received_at.isoformat(timespec="minutes"),
            "source": self.source,
            "pages": list(self.pages),
            "kind": str(self.kind),
            "reasons": list(self.reasons),
            "tipo": self.tipo,
            "servicio": self.servicio,
            "caso_especial": self.caso_especial,
            "fields": {name: f.as_json() for name, f in self.fields.items()},
            "images": [str(p) for p in self.images],
        }


@dataclass(frozen=True)
class ReviewDecision:
    """What a review decision left: the outcome and, when registered, the folio."""

    document_id: int
    outcome: Outcome
    folio: str | None  # for `duplicado`, the original petition's folio
    corrected: tuple[str, ...]  # field names only
    tipo: str | None
    servicio: str | None

    def as_json(self) -> dict:
        return {
            "document_id": self.document_id,
            "outcome": str(self.outcome),
            "folio": self.folio,
            "corrected": list(self.corrected),
            "tipo": self.tipo,
            "servicio": self.servicio,
        }

    def message(self) -> str:
        """One Spanish sentence for the TAOD."""
        if self.outcome is Outcome.FOLIO:
            return f"Documento {self.document_id}: registrado con folio {self.folio}."
        if self.outcome is Outcome.DUPLICADO:
            return (
                f"Documento {self.document_id}: es la misma petición que el folio "
                f"{self.folio} (5.9); no se registra de nuevo."
            )
        label = OUTCOME_LABELS[str(self.outcome)].lower()
        return f"Documento {self.document_id}: {label}."


# -- reading -----------------------------------------------------------------------------------
def review_queue(registry: Registry) -> list[ReviewItem]:
    """Documents waiting for a human, oldest first."""
    return _items(registry, None)


def review_item(registry: Registry, document_id: int) -> ReviewItem | None:
    """One document of the queue, or None if it is not (or no longer) waiting for review."""
    found = _items(registry, document_id)
    return found[0] if found else None


def _items(registry: Registry, document_id: int | None) -> list[ReviewItem]:
    query = (
        select(DocumentRow, BatchRow.received_at, SourceRow.path)
        .join(BatchRow, BatchRow.id == DocumentRow.batch_id)
        .join(SourceRow, SourceRow.id == DocumentRow.source_id)
        .where(DocumentRow.outcome == REVIEW)
        .order_by(DocumentRow.created_at, DocumentRow.id)
    )
    if document_id is not None:
        query = query.where(DocumentRow.id == document_id)
    with registry.session() as s:
        rows = s.execute(query).all()
        items = [
            ReviewItem(
                document_id=row.id,
                batch_id=row.batch_id,
                received_at=received_at,
                source=path,
                pages=list(row.pages),
                kind=Kind(row.kind),
                reasons=list(row.reasons),
                tipo=row.tipo,
                servicio=row.servicio,
                caso_especial=row.caso_especial,
                fields={f.name: _review_field(f) for f in row.fields},
                images=[],
            )
            for row, received_at, path in rows
        ]
    return [replace(item, images=registry.page_images(item.document_id)) for item in items]


def _review_field(row: FieldRow) -> ReviewField:
    box = tuple(int(v) for v in row.box) if row.box and len(row.box) == 4 else None
    return ReviewField(row.value, float(row.confidence or 0.0), box, row.raw)  # type: ignore[arg-type]


# -- input from the TAOD -----------------------------------------------------------------------
def parse_corrections(pairs: Iterable[str], option: str = "--campo") -> dict[str, str]:
    """`["nss=…", "telefono="]` → validated, normalised values ("" drops a misread datum)."""
    return parse_field_values(pairs, option=option, allow_clear=True)


def parse_resultado(text: str) -> Outcome:
    for outcome in RESULTADOS:
        if text == str(outcome):
            return outcome
    choices = ", ".join(str(o) for o in RESULTADOS)
    raise UsageError(f"Resultado no válido: elija uno de {choices}.")


def check_codes(tipo: str | None, servicio: str | None) -> tuple[str | None, str | None]:
    """Tipo and servicio overrides checked against the known codes ("" or None: no change)."""
    return (
        _check_code(tipo, TIPOS, "Tipo de petición"),
        _check_code(servicio, SERVICIOS, "Servicio"),
    )


def _check_code(value: str | None, known: Iterable[str], what: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in known:
        raise UsageError(f"{what} desconocido: use uno de {', '.join(known)}.")
    return value


# -- the decision ------------------------------------------------------------------------------
def resolve(
    registry: Registry,
    document_id: int,
    *,
    corrections: dict[str, str],
    resultado: Outcome,
    tipo: str | None,
    servicio: str | None,
    now: datetime,
) -> ReviewDecision:
    """Apply the TAOD's corrections (already parsed by `parse_corrections`) and decision.

    Everything or nothing: a decision the data does not support raises UsageError and leaves
    the document untouched in the queue.
    """
    if resultado not in RESULTADOS:
        parse_resultado(str(resultado))  # raises the Spanish message listing the choices
    tipo, servicio = check_codes(tipo, servicio)
    unknown = set(corrections) - set(EDITABLE_FIELDS)
    if unknown:
        raise UsageError("Dato desconocido: use nombre, nss, telefono o correo.")
    with registry.session() as s:
        row = lock_document(s, document_id, Outcome.REVISION, "para revisión")
        changed = [
            name
            for name, value in (("tipo", tipo), ("servicio", servicio))
            if value is not None and value != getattr(row, name)
        ]
        if tipo is not None:
            row.tipo = tipo
        if servicio is not None:
            row.servicio = servicio
        discard = resultado is Outcome.DESCARTADO
        # A discarded document keeps no personal data: corrections to it are not stored.
        corrected = () if discard else tuple(sorted(corrections))
        store_field_values(row, {name: corrections[name] for name in corrected})
        fields = fields_of(row)
        _check_decision(resultado, row, fields)
        label = OUTCOME_LABELS[str(resultado)].lower()
        note = f"Revisado por el TAOD: {label}"
        if corrected:
            note += f" (datos corregidos: {', '.join(FIELD_LABELS[n] for n in corrected)})"
        row.outcome = str(resultado)
        row.reasons = [*row.reasons, note + "."]
        if discard:
            # 5.14: what is not a petition keeps none of the personal data read from it.
            for field in list(row.fields):
                s.delete(field)
            row.tipo = row.servicio = None
        elif resultado is Outcome.FOLIO:
            unidad = s.get_one(BatchRow, row.batch_id).unidad
            registry.issue_folio_or_link_duplicate(s, row, fields, unidad, now)
        detail = f"{REVIEW} → {row.outcome}"
        if corrected:
            detail += f"; corregidos: {', '.join(corrected)}"
        if changed:
            detail += f"; cambiados: {', '.join(changed)}"
        s.add(
            AuditEvent(
                at=now,
                document_id=row.id,
                batch_id=row.batch_id,
                action="revision_resuelta",
                detail=detail,
            )
        )
    result = registry.result_of(document_id, "")
    return ReviewDecision(
        document_id, result.outcome, result.folio, corrected, result.tipo, result.servicio
    )


def _check_decision(resultado: Outcome, row: DocumentRow, fields: dict) -> None:
    """The routing table (DESIGN §1) applied to the corrected data: refuse what it forbids."""
    if resultado is Outcome.DESCARTADO:
        return
    missing = missing_data(fields)
    if resultado is Outcome.FOLIO:
        if missing:
            names = ", ".join(FIELD_LABELS[m] for m in missing)
            raise UsageError(
                f"No se puede registrar con folio: faltan datos mínimos válidos ({names}). "
                "Corrija esos datos o elija otro resultado."
            )
        if row.tipo is None:
            raise UsageError("Indique el tipo de petición para registrarla con folio.")
    elif resultado is Outcome.PENDIENTE_CONTACTO:
        if not validate(fields, min_confidence=0.0).contact:
            raise UsageError(
                "No se puede dejar pendiente de contacto: no hay teléfono ni correo válidos."
            )
        if not missing:
            raise UsageError("Los datos mínimos están completos: registre la petición con folio.")
    elif resultado is Outcome.PUBLICO_GENERAL:
        if row.tipo is None:
            raise UsageError(
                "Indique el tipo de petición para registrarla como público en general."
            )
        if validate(fields, min_confidence=0.0).contact:
            # The routing table keeps público en general for petitions nobody can be told
            # about; a misread phone or e-mail is removed with --campo telefono= first.
            raise UsageError(
                "Hay teléfono o correo válidos: elija folio o pendiente de contacto, o borre "
                "el dato mal leído (--campo telefono= o --campo correo=)."
            )


# -- after a decision --------------------------------------------------------------------------
def write_review_page(registry: Registry, settings: Settings) -> Path:
    """`<reports_dir>/revision.html`: the queue as one self-contained, owner-only page."""
    from buzon_pipeline.core.private_files import private_dir, write_private_text
    from buzon_pipeline.desk.review_page import render_review_page

    folder = private_dir(Path(settings.reports_dir))
    page = render_review_page(
        review_queue(registry),
        server_token=None,
        settings=settings,
    )
    return write_private_text(folder / PAGE_NAME, page)
