"""Ground truth of a synthetic document and the routing docs/design.md §1 expects for it.

Keys of a truth dict: ``kind`` (volante | escrito_libre | otro), ``subtipo`` (volante,
escrito_libre, flyer, receipt, prescription, appointment, notes, drawing, blank),
``es_peticion``, ``tipo`` (Anexo 3 type or None), ``servicio`` (what the text is about, or None),
``caso_especial``, ``fields`` (below), ``nss_valido`` / ``telefono_valido`` / ``correo_valido``,
``contacto`` (usable phone or e-mail), ``datos_minimos`` (name + valid NSS + contact),
``marcas`` (checkboxes marked), ``font_kind`` (typed | handwriting | None for blanks), ``texto``
(the petition text as written, misspellings included), ``page_count``, ``degradation`` (one
record per page: level, colour mode, steps with their parameters) and ``outcome``.

``fields`` hold what the person actually wrote, normalised, or None when not written (always
None on non-petitions): nombre upper-case and single-spaced, accents as written; nss the 11
digits written (valid or not); telefono the digits without +52 (10 when usable); correo
lower-case as written (possibly invalid); unidad and servicio as written in their box (a
letter's unidad only when its addressee line names the unit; a letter has no servicio box).
"""

from __future__ import annotations

from typing import Any

from buzon_pipeline.core.rules import email_is_valid, nss_is_valid
from buzon_pipeline.core.vocab import FIELDS
from buzon_pipeline.deciding.route import table_outcome
from buzon_pipeline.synth.content import Filing
from buzon_pipeline.synth.people import normalise_name, normalise_phone


def route(es_peticion: bool, fields: dict[str, str | None]) -> str:
    """The program's routing table (`deciding.route.table_outcome`) applied to what the person
    wrote, with the one review rule that follows from the data alone: an NSS written but
    failing its check digit, where it decides between folio and pendiente de contacto.

    Without contact data the petition is público en general whatever the NSS says, so it
    needs no review then.
    """
    contact = has_contact(fields)
    nss = fields.get("nss")
    if es_peticion and contact and nss and not nss_is_valid(nss):
        return "revision"
    return str(table_outcome(es_peticion, contact, minimum_complete(fields)))


def has_contact(fields: dict[str, str | None]) -> bool:
    tel, correo = fields.get("telefono"), fields.get("correo")
    return bool(tel and len(tel) == 10) or bool(correo and email_is_valid(correo))


def minimum_complete(fields: dict[str, str | None]) -> bool:
    nss = fields.get("nss")
    return bool(fields.get("nombre")) and bool(nss and nss_is_valid(nss)) and has_contact(fields)


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def filing_fields(filing: Filing, unidad: str | None, servicio: str | None) -> dict:
    """Normalised values of what the person actually wrote (None when not written)."""
    p = filing.person
    return {
        "nombre": normalise_name(p.full_name) if filing.nombre else None,
        "nss": p.nss if filing.nss else None,
        "telefono": normalise_phone(p.phone_written) if filing.telefono else None,
        "correo": p.email.lower() if filing.correo else None,
        "unidad": _clean(unidad),
        "servicio": _clean(servicio),
    }


def empty_fields() -> dict:
    return dict.fromkeys(FIELDS)


def build_truth(
    *,
    kind: str,
    subtipo: str,
    es_peticion: bool,
    tipo: str | None,
    servicio: str | None,
    caso_especial: bool,
    fields: dict[str, str | None],
    marcas: list[str],
    font_kind: str | None,
    degradation: list[dict],
    texto: str | None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    nss = fields.get("nss")
    tel, correo = fields.get("telefono"), fields.get("correo")
    truth = {
        "kind": kind,
        "subtipo": subtipo,
        "es_peticion": es_peticion,
        "tipo": tipo,
        "servicio": servicio,
        "caso_especial": caso_especial,
        "fields": fields,
        "nss_valido": bool(nss and nss_is_valid(nss)),
        "telefono_valido": bool(tel and len(tel) == 10),
        "correo_valido": bool(correo and email_is_valid(correo)),
        "contacto": has_contact(fields),
        "datos_minimos": minimum_complete(fields),
        "marcas": marcas,
        "font_kind": font_kind,
        "texto": texto,
        "page_count": len(degradation),
        "degradation": degradation,
        "outcome": route(es_peticion, fields),
    }
    if extra:
        truth.update(extra)
    return truth
