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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from buzon_pipeline.core.model import Field, Kind, Outcome
from buzon_pipeline.core.vocab import CONTACT_DATA, FIELD_LABELS, OUTCOME_LABELS, SERVICIOS, TIPOS
from buzon_pipeline.desk.contacts import human_outcome, missing_data, parse_field_values
from buzon_pipeline.errors import UsageError
from buzon_pipeline.registry.edits import StoredDocument, edit_document, stored_documents
from buzon_pipeline.registry.store import Registry

REVIEW = str(Outcome.REVISION)
# What a reviewer may decide; `duplicado` follows from `folio` when the petition has one already.
RESULTADOS: tuple[Outcome, ...] = (
    Outcome.FOLIO,
    Outcome.PENDIENTE_CONTACTO,
    Outcome.PUBLICO_GENERAL,
    Outcome.DESCARTADO,
)
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
        """What the correction input starts with."""
        return self.value or self.raw or ""

    def confirmable(self, name: str) -> bool:
        """A raw reading (not accepted as a value) that would pass validation as typed: left
        unchanged in the correction box, the TAOD confirms it and it is saved. An unchanged
        valid value needs nothing; an unchanged invalid reading is left as it is."""
        return not self.value and bool(self.raw) and _valid_as_typed(name, self.raw or "")

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
    docs = stored_documents(registry, Outcome.REVISION, document_id)
    return [_item(doc, registry.page_images(doc.document_id)) for doc in docs]


def _item(doc: StoredDocument, images: list[Path]) -> ReviewItem:
    return ReviewItem(
        document_id=doc.document_id,
        batch_id=doc.batch_id,
        received_at=doc.received_at,
        source=doc.source,
        pages=doc.pages,
        kind=doc.kind,
        reasons=doc.reasons,
        tipo=doc.tipo,
        servicio=doc.servicio,
        caso_especial=doc.caso_especial,
        fields={name: _review_field(f) for name, f in doc.fields.items()},
        images=images,
    )


def _review_field(field: Field) -> ReviewField:
    return ReviewField(field.value, float(field.confidence or 0.0), field.box, field.raw)


# -- input from the TAOD -----------------------------------------------------------------------
def _valid_as_typed(name: str, value: str) -> bool:
    try:
        parse_corrections([f"{name}={value}"])
    except UsageError:
        return False
    return True


def unchanged_confirmations(fields: dict[str, ReviewField], form: dict[str, str]) -> list[str]:
    """`DATO=VALOR` for each raw reading the TAOD left unchanged and that validates: the
    review page counts it as confirmed (otherwise a correct reading would be lost)."""
    pairs = []
    for name, field in fields.items():
        submitted = form.get(f"campo_{name}")
        if submitted is not None and field.confirmable(name) and submitted.strip() == field.prefill:
            pairs.append(f"{name}={field.prefill}")
    return pairs


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
    unknown = set(corrections) - set(CONTACT_DATA)
    if unknown:
        raise UsageError("Dato desconocido: use nombre, nss, telefono o correo.")
    with edit_document(registry, document_id, Outcome.REVISION, "para revisión") as doc:
        changed = [
            name
            for name, value in (("tipo", tipo), ("servicio", servicio))
            if value is not None and value != getattr(doc, name)
        ]
        if tipo is not None:
            doc.tipo = tipo
        if servicio is not None:
            doc.servicio = servicio
        discard = resultado is Outcome.DESCARTADO
        # A discarded document keeps no personal data: corrections to it are not stored.
        corrected = () if discard else tuple(sorted(corrections))
        doc.store_fields({name: corrections[name] for name in corrected})
        _check_decision(resultado, doc.tipo, doc.fields())
        label = OUTCOME_LABELS[str(resultado)].lower()
        note = f"Revisado por el TAOD: {label}"
        if corrected:
            note += f" (datos corregidos: {', '.join(FIELD_LABELS[n] for n in corrected)})"
        doc.set_outcome(resultado, note + ".")
        if discard:
            doc.drop_personal_data()
        elif resultado is Outcome.FOLIO:
            doc.issue_folio(now)
        detail = doc.outcome_change()
        if corrected:
            detail += f"; corregidos: {', '.join(corrected)}"
        if changed:
            detail += f"; cambiados: {', '.join(changed)}"
        doc.audit(now, "revision_resuelta", detail)
    result = registry.result_of(document_id, "")
    return ReviewDecision(
        document_id, result.outcome, result.folio, corrected, result.tipo, result.servicio
    )


def _check_decision(resultado: Outcome, tipo: str | None, fields: dict[str, Field]) -> None:
    """The routing table (`deciding.route.table_outcome`) applied to the corrected data:
    refuse an outcome it does not give for them."""
    if resultado is Outcome.DESCARTADO:
        return  # the reviewer says it is not a petition: the table's first row
    expected = human_outcome(fields)
    if resultado is Outcome.FOLIO:
        if expected is not Outcome.FOLIO:
            names = ", ".join(FIELD_LABELS[m] for m in missing_data(fields))
            raise UsageError(
                f"No se puede registrar con folio: faltan datos mínimos válidos ({names}). "
                "Corrija esos datos o elija otro resultado."
            )
        if tipo is None:
            raise UsageError("Indique el tipo de petición para registrarla con folio.")
    elif resultado is Outcome.PENDIENTE_CONTACTO:
        if expected is Outcome.PUBLICO_GENERAL:
            raise UsageError(
                "No se puede dejar pendiente de contacto: no hay teléfono ni correo válidos."
            )
        if expected is Outcome.FOLIO:
            raise UsageError("Los datos mínimos están completos: registre la petición con folio.")
    elif resultado is Outcome.PUBLICO_GENERAL:
        if tipo is None:
            raise UsageError(
                "Indique el tipo de petición para registrarla como público en general."
            )
        if expected is not Outcome.PUBLICO_GENERAL:
            # The routing table keeps público en general for petitions nobody can be told
            # about; a misread phone or e-mail is removed with --campo telefono= first.
            raise UsageError(
                "Hay teléfono o correo válidos: elija folio o pendiente de contacto, o borre "
                "el dato mal leído (--campo telefono= o --campo correo=)."
            )
