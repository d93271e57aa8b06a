"""Route a document to its Etapa II outcome (docs/design.md §1), with Spanish reasons.

Anything uncertain that would change the outcome goes to `revision`; a discard needs a
confident classifier on a good reading with no sign of a letter (`discard_guard`), and a
volante (a petition form by construction) is never discarded without a human.
"""

from __future__ import annotations

from buzon_pipeline.core.model import (
    Decision,
    Kind,
    Outcome,
    RouteThresholds,
    TextVerdict,
    Validation,
)
from buzon_pipeline.core.vocab import FIELD_LABELS, MARK_TO_TIPOS, TIPO_LABELS
from buzon_pipeline.deciding.discard_guard import reasons_to_keep


def document_kind(page_kind: Kind | None, verdict: TextVerdict, t: RouteThresholds) -> Kind:
    if page_kind is Kind.VOLANTE:
        return Kind.VOLANTE
    return Kind.OTRO if not_a_petition(verdict, t) else Kind.ESCRITO_LIBRE


def not_a_petition(verdict: TextVerdict, t: RouteThresholds) -> bool:
    """The text reads as no petition: under the discard cut, or, for a page the kind model
    recognises with confidence (a prescription, a ticket...), under the accept cut. The guard
    still decides whether it may be discarded without a human."""
    p = verdict.es_peticion
    known = verdict.known_nonpetition is not None
    return p < t.es_peticion_descartar or (known and p < t.es_peticion_aceptar)


def decide(
    kind: Kind,
    text: str,
    verdict: TextVerdict,
    validation: Validation,
    thresholds: RouteThresholds,
    marks: dict[str, bool] | None = None,
) -> Decision:
    reasons: list[str] = []
    special = verdict.special
    if special:
        reasons.append(
            f"Caso especial (5.28): escalar de inmediato — {verdict.caso_especial_motivo}."
        )
    if not text.strip() and kind is not Kind.VOLANTE:
        return Decision(Outcome.REVISION, (*reasons, "No se pudo leer texto en la página."))

    p = verdict.es_peticion
    is_volante = kind is Kind.VOLANTE
    legible = is_volante or verdict.text_confidence >= thresholds.min_text_confidence
    review: list[str] = []
    if not_a_petition(verdict, thresholds) and not is_volante and not special:
        # "Not a petition" discards only on a good reading that shows nothing of a letter.
        review.extend(reasons_to_keep(text, verdict, validation, thresholds))
        if not review:
            reasons.append(f"No contiene una petición (probabilidad de petición {p:.0%}).")
            if verdict.known_nonpetition:
                reasons.append(f"Parece {verdict.known_nonpetition}.")
            return Decision(Outcome.DESCARTADO, tuple(reasons))

    # A poorly read letter may hold contact data OCR missed; once the minimum data has been
    # found anyway, how well the rest was read no longer changes the route. (A blocked
    # discard has said so already.)
    if not legible and not validation.minimum and not review:
        review.append(
            f"Texto poco legible (confianza de lectura {verdict.text_confidence:.0%}): "
            "no se descarta ni se da por hecho que no tenga datos de contacto sin revisarlo."
        )
    # A filled-in volante declares a petition by itself; only a text that reads as clearly not
    # one (below the discard cut) makes it doubtful.
    doubtful = thresholds.es_peticion_descartar if is_volante else thresholds.es_peticion_aceptar
    if p < doubtful:
        review.append(f"No es claro si contiene una petición (probabilidad {p:.0%}).")
    elif verdict.tipo_confidence < thresholds.tipo_min:
        label = TIPO_LABELS.get(verdict.tipo, verdict.tipo)
        review.append(f"Tipo de petición incierto: {label} ({verdict.tipo_confidence:.0%}).")
    review.extend(validation.uncertain)
    reasons.extend(validation.notes)
    disagreement = _mark_disagreement(marks, verdict.tipo)
    if disagreement and not review:
        review.extend(_mark_review(marks, verdict, thresholds, disagreement))
        if not review:
            reasons.extend(disagreement)
    else:
        reasons.extend(disagreement)
    if review:
        return Decision(Outcome.REVISION, (*reasons, *review))

    outcome = table_outcome(True, validation.contact, validation.minimum)
    if outcome is Outcome.FOLIO:
        reasons.append("Datos mínimos completos: se registra con folio.")
    elif outcome is Outcome.PENDIENTE_CONTACTO:
        missing = ", ".join(FIELD_LABELS[m] for m in missing_minimum(validation))
        reasons.append(f"Faltan datos mínimos: {missing}.")
    else:
        reasons.append("Sin datos de contacto: se registra como público en general.")
    return Decision(outcome, tuple(reasons))


def review_grouping(decision: Decision, reason: str) -> Decision:
    """Send a document whose pages may not belong together (or may continue another
    document) to review, whatever its route: no folio and no discard on a doubtful cut. The
    route's own reasons stay, so the reviewer sees what the pages would have been."""
    return Decision(Outcome.REVISION, (*decision.reasons, reason))


def table_outcome(is_petition: bool, contact: bool, minimum: bool) -> Outcome:
    """The routing table of Etapa II (docs/design.md §1), the one every path uses: the batch,
    `contacto`, `revisar`, the generator's ground truth and the tests.

    | is petition | contact data | minimum data complete | outcome            |
    | no          | -            | -                     | descartado         |
    | yes         | no           | -                     | publico_general    |
    | yes         | yes          | yes                   | folio              |
    | yes         | yes          | no                    | pendiente_contacto |

    (Minimum data includes contact data, so "no contact" never has it complete.)
    """
    if not is_petition:
        return Outcome.DESCARTADO
    if not contact:
        return Outcome.PUBLICO_GENERAL
    return Outcome.FOLIO if minimum else Outcome.PENDIENTE_CONTACTO


def missing_minimum(validation: Validation) -> tuple[str, ...]:
    """Keys of the datos mínimos (4.12) still missing: nombre, nss, contacto."""
    missing = []
    if not validation.name_valid:
        missing.append("nombre")
    if not validation.nss_valid:
        missing.append("nss")
    if not validation.contact:
        missing.append("contacto")
    return tuple(missing)


def _mark_review(
    marks: dict[str, bool] | None,
    verdict: TextVerdict,
    thresholds: RouteThresholds,
    disagreement: list[str],
) -> list[str]:
    """A checkbox the text contradicts: review, unless the text alone is confident beyond
    `tipo_contra_marca` — and never a queja over a «Reconocimiento» mark without a human."""
    marked = {m for m, on in (marks or {}).items() if on}
    complaint_over_praise = "reconocimiento" in marked and verdict.tipo in MARK_TO_TIPOS["queja"]
    confident = (
        verdict.text_tipo == verdict.tipo
        and verdict.text_tipo_confidence >= thresholds.tipo_contra_marca
    )
    if confident and not complaint_over_praise:
        return []
    return [f"{text} Confirme el tipo de petición." for text in disagreement]


def _mark_disagreement(marks: dict[str, bool] | None, tipo: str) -> list[str]:
    if not marks:
        return []
    marked = [m for m, on in marks.items() if on]
    if not marked or any(tipo in MARK_TO_TIPOS[m] for m in marked):
        return []
    label = TIPO_LABELS.get(tipo, tipo)
    return [f"La persona marcó «{', '.join(marked)}» pero el texto parece {label}."]
