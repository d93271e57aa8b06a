"""The review page: one self-contained HTML file (images embedded) for the TAOD's queue.

Opened as a file, each document's form only builds the exact `buzon revisar …` command to copy
(the file cannot write to the registry); served by `review_server`, the same form posts the
decision. Every value read from a scan is HTML-escaped: OCR text is untrusted input.
"""

from __future__ import annotations

import base64
import html
import shlex
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import Kind
from buzon_pipeline.core.private_files import private_dir, write_private_text
from buzon_pipeline.core.rules import nss_is_valid
from buzon_pipeline.core.vocab import (
    CONTACT_DATA,
    KIND_LABELS,
    OUTCOME_LABELS,
    SERVICIO_LABELS,
    SERVICIOS,
    TIPO_LABELS,
    TIPOS,
)
from buzon_pipeline.desk.review import PAGE_NAME, RESULTADOS, ReviewField, ReviewItem, review_queue
from buzon_pipeline.registry.store import Registry

PAGE_WIDTH = 1000  # px of the embedded page view: legible on screen, ~100 KB a page
PAGE_JPEG_QUALITY = 70
CROP_MARGIN = 12  # px around a field box, so a value written over its line is not cut off
CROP_MAX_WIDTH = 900
FIELD_NAMES = {
    "nombre": "Nombre",
    "nss": "NSS",
    "telefono": "Teléfono",
    "correo": "Correo electrónico",
    "unidad": "Unidad",
    "servicio": "Servicio (escrito)",
}

_STYLE = """
body{font-family:sans-serif;margin:1.5em;max-width:1100px;color:#222}
h1{margin-bottom:.2em} .doc{border:1px solid #999;border-radius:6px;padding:1em;margin:1.5em 0}
.doc h2{margin-top:0} .caso{background:#fdd;border:2px solid #c00;padding:.3em .6em;
font-weight:bold} .motivos li{margin:.15em 0} table{border-collapse:collapse;margin:.6em 0}
td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:middle}
tr.baja td{background:#fff3c4} .aviso{color:#a40;font-weight:bold}
img.recorte{max-width:420px;border:1px solid #888;display:block}
img.pagina{width:100%;max-width:1000px;border:1px solid #888;margin:.5em 0}
label{margin-right:1.2em} code.comando{display:block;background:#f2f2f2;padding:.6em;
margin:.6em 0;white-space:pre-wrap;user-select:all;font-size:1.05em}
button{font-size:1em;padding:.4em 1em} .nota{color:#555} input[type=text]{width:16em}
"""

# Builds the command from the form: fields whose input differs from its OCR prefill, and
# unchanged raw readings that validate (confirmed), become `--campo DATO=VALOR`, quoted like
# Python's shlex.quote.
_SCRIPT = """
(function () {
  function q(s) {
    if (s === "") return "''";
    if (/^[A-Za-z0-9_@%+=:,.\\/-]+$/.test(s)) return s;
    return "'" + s.replace(/'/g, "'\\"'\\"'") + "'";
  }
  function update(form) {
    var code = form.querySelector("code.comando");
    if (!code) return;
    var resultado = form.elements["resultado"].value;
    if (!resultado) { code.textContent = code.dataset.vacio; return; }
    var parts = ["buzon", "revisar", form.dataset.doc];
    form.querySelectorAll("input[data-campo]").forEach(function (input) {
      var value = input.value.trim();
      // An unchanged raw reading that validates counts as confirmed (data-confirmar).
      if (value !== input.defaultValue.trim() || (value && input.dataset.confirmar)) {
        parts.push("--campo", q(input.dataset.campo + "=" + value));
      }
    });
    parts.push("--resultado", resultado);
    ["tipo", "servicio"].forEach(function (name) {
      var select = form.elements[name];
      if (select.value && select.value !== select.dataset.actual) {
        parts.push("--" + name, select.value);
      }
    });
    if (document.body.dataset.extra) parts.push(document.body.dataset.extra);
    code.textContent = parts.join(" ");
  }
  document.querySelectorAll("form.decision").forEach(function (form) {
    form.addEventListener("input", function () { update(form); });
    form.addEventListener("change", function () { update(form); });
    if (!form.getAttribute("action")) {
      form.addEventListener("submit", function (e) { e.preventDefault(); });
    }
    update(form);
  });
})();
"""


def render_review_page(
    items: Sequence[ReviewItem],
    *,
    server_token: str | None,
    settings: Settings | None = None,
) -> str:
    """The whole page. `server_token` None: a file that builds commands; otherwise the forms
    post to `/decidir` with that token. `settings` gives the confidence thresholds to
    highlight and the database the commands need (`--db` when not the default, never one
    with a password)."""
    settings = settings or Settings()
    db_url = settings.db_url
    extra = ""
    if server_token is None:
        options = [_db_option(db_url)]
        if settings.reports_dir:  # the registry's report folder, absolute (api)
            options.append(f"--reportes {shlex.quote(str(settings.reports_dir))}")
        extra = " ".join(o for o in options if o)
    count = len(items)
    parts = [
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>Documentos para revisión</title>",
        f"<style>{_STYLE}</style></head>",
        f"<body data-extra='{_attr(extra)}'>",
        "<h1>Documentos para revisión</h1>",
    ]
    if not items:
        parts.append("<p>No hay documentos para revisión.</p>")
    else:
        parts.append(
            f"<p>{count} documento{'s' if count != 1 else ''} que el programa no pudo decidir "
            "solo. Compare cada dato con su recorte, corrija lo mal leído y elija el resultado."
        )
        if server_token is None:
            parts.append(
                " Copie el comando que aparece bajo cada documento y ejecútelo en la terminal."
            )
        parts.append("</p>")
        if server_token is None and _has_password(db_url):
            parts.append(
                "<p class='aviso'>Agregue a cada comando la opción --db que usa normalmente.</p>"
            )
    for item in items:
        parts.append(_item_html(item, server_token, settings))
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts)


def _item_html(item: ReviewItem, token: str | None, settings: Settings) -> str:
    doc = item.document_id
    pages = ", ".join(str(p) for p in item.pages) or "—"
    tipo = TIPO_LABELS.get(item.tipo or "", "sin tipo")
    servicio = SERVICIO_LABELS.get(item.servicio or "", "sin servicio")
    out = [
        f"<section class='doc' id='doc-{doc}'>",
        f"<h2>Documento {doc}</h2>",
        f"<p>Archivo: <b>{_text(Path(item.source).name)}</b> · páginas {_text(pages)} · "
        f"clase: {_text(KIND_LABELS.get(str(item.kind), str(item.kind)))} · "
        f"recibido el {item.received_at:%d/%m/%Y %H:%M} "
        f"(lote {item.batch_id})</p>",
    ]
    if item.caso_especial:
        out.append("<p class='caso'>Caso especial (5.28): escalar de inmediato.</p>")
    out.append("<p>Motivos de la revisión:</p><ul class='motivos'>")
    out += [f"<li>{_text(reason)}</li>" for reason in item.reasons]
    out.append("</ul>")
    out.append(f"<p>Tipo: <b>{_text(tipo)}</b> · Servicio: <b>{_text(servicio)}</b></p>")

    first_page = _read_gray(item.images[0]) if item.images else None
    action = " method='post' action='/decidir'" if token is not None else ""
    out.append(f"<form class='decision' data-doc='{doc}'{action}>")
    if token is not None:
        out.append(f"<input type='hidden' name='token' value='{_attr(token)}'>")
        out.append(f"<input type='hidden' name='documento' value='{doc}'>")
    out.append(
        "<table class='campos'><thead><tr><th>Dato</th><th>Recorte</th><th>Leído</th>"
        "<th>Confianza</th><th>Corrección</th></tr></thead><tbody>"
    )
    names = [*CONTACT_DATA, *(n for n in item.fields if n not in CONTACT_DATA)]
    for name in names:
        limit = _confidence_limit(item.kind, name, settings)
        out.append(_field_row(doc, name, item.fields.get(name), first_page, limit))
    out.append("</tbody></table>")
    out.append(_select("resultado", "Resultado", _resultado_options(), "", token is not None))
    out.append(_select("tipo", "Tipo", _code_options(TIPOS, TIPO_LABELS), item.tipo or "", False))
    out.append(
        _select(
            "servicio",
            "Servicio",
            _code_options(SERVICIOS, SERVICIO_LABELS),
            item.servicio or "",
            False,
        )
    )
    if token is None:
        out.append(
            "<p>Comando:</p><code class='comando' "
            "data-vacio='Elija el resultado para ver el comando.'>"
            "Elija el resultado para ver el comando.</code>"
        )
    else:
        out.append("<p><button type='submit'>Registrar decisión</button></p>")
    out.append("</form>")
    out.append(_pages_html(item))
    out.append("</section>")
    return "\n".join(out)


def _field_row(
    doc: int,
    name: str,
    field: ReviewField | None,
    first_page: np.ndarray | None,
    min_confidence: float,
) -> str:
    label = FIELD_NAMES.get(name, name)
    crop = "—"
    if field is not None and field.box and first_page is not None:
        data = _crop_png(first_page, field.box)
        if data:
            crop = (
                f"<img class='recorte' alt='Recorte: {_attr(label)}' "
                f"src='data:image/png;base64,{data}'>"
            )
    read, confidence, low = "—", "—", False
    if field is not None and (field.value or field.raw):
        read = _text(field.value) if field.value else f"<i>sin validar: {_text(field.raw)}</i>"
        if name == "nss" and field.value and not nss_is_valid(field.value):
            read += " <span class='aviso'>(no pasa el dígito verificador)</span>"
        confidence = f"{field.confidence:.0%}"
        low = field.confidence < min_confidence
        if low:
            confidence += " <span class='aviso'>(baja)</span>"
    if name in CONTACT_DATA:
        prefill = field.prefill if field is not None else ""
        mode = " inputmode='numeric'" if name in ("nss", "telefono") else ""
        confirm = " data-confirmar='1'" if field is not None and field.confirmable(name) else ""
        editor = (
            f"<input type='text' name='campo_{name}' data-campo='{name}'{confirm} "
            f"value='{_attr(prefill)}' autocomplete='off'{mode} "
            f"aria-label='{_attr(label)} del documento {doc}'>"
        )
    else:
        editor = "<span class='nota'>no se corrige aquí</span>"
    css = " class='baja'" if low else ""
    return (
        f"<tr{css} data-campo-fila='{name}'><td>{_text(label)}</td><td>{crop}</td>"
        f"<td class='leido'>{read}</td><td>{confidence}</td><td>{editor}</td></tr>"
    )


def _confidence_limit(kind: Kind, name: str, settings: Settings) -> float:
    """The threshold the router applied to this field (comb-box digits have their own scale)."""
    if kind is Kind.VOLANTE and name == "nss":
        return settings.min_nss_confidence
    if kind is Kind.VOLANTE and name == "telefono":
        return settings.min_digit_confidence
    return settings.min_field_confidence


def _resultado_options() -> list[tuple[str, str]]:
    return [("", "— elija —")] + [(str(o), OUTCOME_LABELS[str(o)]) for o in RESULTADOS]


def _code_options(codes: Sequence[str], labels: dict[str, str]) -> list[tuple[str, str]]:
    return [("", "— sin cambio —")] + [(code, labels.get(code, code)) for code in codes]


def _select(
    name: str, label: str, options: list[tuple[str, str]], current: str, required: bool
) -> str:
    opts = "".join(
        f"<option value='{_attr(value)}'{' selected' if value == current else ''}>"
        f"{_text(text)}</option>"
        for value, text in options
    )
    req = " required" if required else ""
    return (
        f"<label>{_text(label)} <select name='{name}' data-actual='{_attr(current)}'{req}>"
        f"{opts}</select></label>"
    )


def _pages_html(item: ReviewItem) -> str:
    if not item.images:
        return "<p class='nota'>Imagen de la página no disponible.</p>"
    out = ["<div class='paginas'>"]
    for number, path in zip(item.pages, item.images, strict=False):
        data = _page_jpeg(path)
        if data is None:
            out.append(f"<p class='nota'>Imagen de la página {number} no disponible.</p>")
            continue
        out.append(
            f"<img class='pagina' alt='Página {number} del documento {item.document_id}' "
            f"src='data:image/jpeg;base64,{data}'>"
        )
    out.append("</div>")
    return "\n".join(out)


# -- images ------------------------------------------------------------------------------------
def _read_gray(path: Path) -> np.ndarray | None:
    try:
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    except cv2.error:
        return None
    return image if image is not None and image.size else None


def _page_jpeg(path: Path) -> str | None:
    image = _read_gray(path)
    if image is None:
        return None
    height, width = image.shape[:2]
    if width > PAGE_WIDTH:
        size = (PAGE_WIDTH, max(1, round(height * PAGE_WIDTH / width)))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, PAGE_JPEG_QUALITY])
    return base64.b64encode(data.tobytes()).decode("ascii") if ok else None


def _crop_png(image: np.ndarray, box: tuple[int, int, int, int]) -> str | None:
    height, width = image.shape[:2]
    left, right = sorted((box[0], box[2]))
    top, bottom = sorted((box[1], box[3]))
    x0, x1 = max(0, left - CROP_MARGIN), min(width, right + CROP_MARGIN)
    y0, y1 = max(0, top - CROP_MARGIN), min(height, bottom + CROP_MARGIN)
    if x1 <= x0 or y1 <= y0:
        return None
    crop = image[y0:y1, x0:x1]
    if crop.shape[1] > CROP_MAX_WIDTH:
        scale = CROP_MAX_WIDTH / crop.shape[1]
        size = (CROP_MAX_WIDTH, max(1, round(crop.shape[0] * scale)))
        crop = cv2.resize(crop, size, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".png", crop)
    return base64.b64encode(data.tobytes()).decode("ascii") if ok else None


# -- text --------------------------------------------------------------------------------------
def _text(value: str | None) -> str:
    return html.escape(value or "", quote=True)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _has_password(db_url: str) -> bool:
    try:
        return make_url(db_url).password is not None
    except ArgumentError:
        return False


def _db_option(db_url: str | None) -> str:
    """`--db URL` for the copied commands; never a URL with a password in it (the page is a
    file that may be opened, printed or mailed)."""
    if not db_url or db_url == Settings.db_url or _has_password(db_url):
        return ""
    return f"--db {shlex.quote(db_url)}"


def write_review_page(registry: Registry, settings: Settings) -> Path:
    """`<reports_dir>/revision.html`: the queue as one self-contained, owner-only page."""
    folder = private_dir(Path(settings.reports_dir or "reportes").resolve())
    page = render_review_page(review_queue(registry), server_token=None, settings=settings)
    return write_private_text(folder / PAGE_NAME, page)
