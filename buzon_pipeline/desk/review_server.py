"""`buzon revisar --servir`: the review page served on this machine only, so each decision is one
click instead of a copied command.

The page carries personal data and the form writes to the registry, so only the user who
started the server can use it: every start draws a secret (`clave`) that is printed in the URL
on that user's terminal and never sent to a request without it; opening that URL sets it as a
cookie (HttpOnly, SameSite=Strict) for the next requests. Any other local account that finds
the port gets a 403 and no personal data. The server also listens on 127.0.0.1 only, answers
only requests addressed to 127.0.0.1/localhost on its port (a web page elsewhere cannot reach
it through DNS rebinding), and accepts a decision only with the random token of this start,
which a page from another site cannot read (no cross-site posts). It logs nothing: bodies and
query strings hold the corrected values.
"""

from __future__ import annotations

import hmac
import html
import json
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import Outcome
from buzon_pipeline.core.vocab import CONSULTA_URL, CONTACT_DATA
from buzon_pipeline.desk.review import (
    ReviewDecision,
    parse_corrections,
    parse_resultado,
    resolve,
    review_item,
    review_queue,
    unchanged_confirmations,
)
from buzon_pipeline.desk.review_page import render_review_page
from buzon_pipeline.errors import BuzonError, UsageError
from buzon_pipeline.registry.store import Registry
from buzon_pipeline.reports.summary import refresh_reports

HOST = "127.0.0.1"
SECRET_PARAM = "clave"
COOKIE = "buzon_clave"
MAX_FIELDS = 50
MAX_BODY = 64 * 1024  # a decision is a few short fields
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make Chrome send Origin: null
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    ),
}


class ReviewHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, registry: Registry, settings: Settings, port: int) -> None:
        super().__init__((HOST, port), _Handler)
        self.registry = registry
        self.settings = settings
        self.token = secrets.token_urlsafe(24)
        self.secret = secrets.token_urlsafe(32)  # access: only in the URL the owner is shown
        self.decision_lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    @property
    def url(self) -> str:
        """The address to open: carries the secret (print it only to the owner)."""
        return f"{self.base_url}?{SECRET_PARAM}={self.secret}"


@dataclass
class RunningServer:
    """A server answering in a background thread (tests, embedding)."""

    server: ReviewHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def token(self) -> str:
        return self.server.token

    @property
    def secret(self) -> str:
        return self.server.secret

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def make_server(registry: Registry, settings: Settings, port: int = 0) -> ReviewHTTPServer:
    """Bind 127.0.0.1:`port` (0: any free port). A busy port is a Spanish UsageError."""
    try:
        return ReviewHTTPServer(registry, settings, port)
    except OSError as exc:
        raise UsageError(
            f"No se pudo abrir el puerto {port} en {HOST} ({exc.strerror or 'ocupado'}): "
            "elija otro con --puerto o use 0 para cualquiera libre."
        ) from exc


def start_in_thread(registry: Registry, settings: Settings, port: int = 0) -> RunningServer:
    server = make_server(registry, settings, port)
    thread = threading.Thread(target=server.serve_forever, name="buzon-revisar", daemon=True)
    thread.start()
    return RunningServer(server, thread)


def serve(
    registry: Registry,
    settings: Settings,
    port: int = 0,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C raises KeyboardInterrupt out of here, after closing)."""
    server = make_server(registry, settings, port)
    try:
        if on_ready:
            on_ready(server.url)
        server.serve_forever()
    finally:
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: ReviewHTTPServer
    server_version = "buzon-revisar"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        pass  # request lines carry query strings; nothing about a request is logged

    # -- routing ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        if not self._host_allowed() or not self._authorized():
            return
        path = urlsplit(self.path).path
        if path not in ("/", "/index.html"):
            self._send_page(HTTPStatus.NOT_FOUND, "No encontrado", "<p>Página no encontrada.</p>")
            return
        try:
            items = review_queue(self.server.registry)
        except BuzonError as exc:
            self._send_page(HTTPStatus.INTERNAL_SERVER_ERROR, "Error", _p(str(exc)))
            return
        page = render_review_page(
            items,
            server_token=self.server.token,
            settings=self.server.settings,
        )
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")

    def do_POST(self) -> None:
        if not self._host_allowed() or not self._authorized():
            return
        if urlsplit(self.path).path != "/decidir":
            self._send_page(HTTPStatus.NOT_FOUND, "No encontrado", "<p>Página no encontrada.</p>")
            return
        form = self._read_form()
        if form is None:
            return
        if not self._same_origin() or not hmac.compare_digest(
            form.get("token", "").encode(), self.server.token.encode()
        ):
            self._fail(
                HTTPStatus.FORBIDDEN,
                "Solicitud rechazada: no viene de la página de revisión abierta con este "
                "servidor. Vuelva a cargar la página.",
            )
            return
        try:
            decision, folder = self._decide(form)
        except BuzonError as exc:
            usage = isinstance(exc, UsageError)
            status = HTTPStatus.BAD_REQUEST if usage else HTTPStatus.INTERNAL_SERVER_ERROR
            self._fail(status, str(exc))
            return
        except Exception as exc:  # its message may quote personal data: only the type
            self._fail(HTTPStatus.INTERNAL_SERVER_ERROR, f"Error interno ({type(exc).__name__}).")
            return
        if self._wants_json():
            body = {**decision.as_json(), "reports": str(folder) if folder else None}
            self._send_json(HTTPStatus.OK, body)
            return
        lines = [_p(decision.message())]
        if decision.outcome is Outcome.FOLIO:
            lines.append(_p(f"Informe a la persona el folio y la consulta en {CONSULTA_URL}."))
        if folder is not None:
            lines.append(_p(f"Reportes del lote actualizados en {folder}."))
        else:
            lines.append(_p("No se pudieron actualizar los reportes del lote: use buzon reportes."))
        lines.append("<p><a href='/'>Volver a la lista de revisión</a></p>")
        self._send_page(HTTPStatus.OK, "Decisión registrada", "\n".join(lines))

    # -- the decision ----------------------------------------------------------------------
    def _decide(self, form: dict[str, str]) -> tuple[ReviewDecision, Path | None]:
        text = form.get("documento", "")
        if not text.isdigit():
            raise UsageError("Falta el número de documento.")
        document_id = int(text)
        registry = self.server.registry
        with self.server.decision_lock:
            current = review_item(registry, document_id)
            # What the TAOD changed is a correction; an unchanged raw reading that validates
            # counts as confirmed; an unchanged invalid reading is left as it is.
            pairs = []
            for name in CONTACT_DATA:
                key = f"campo_{name}"
                if key not in form or current is None:
                    continue
                field = current.fields.get(name)
                prefill = field.prefill if field is not None else ""
                if form[key].strip() != prefill.strip():
                    pairs.append(f"{name}={form[key]}")
            if current is not None:
                pairs += unchanged_confirmations(current.fields, form)
            decision = resolve(
                registry,
                document_id,
                corrections=parse_corrections(pairs),
                resultado=parse_resultado(form.get("resultado", "")),
                tipo=form.get("tipo") or None,
                servicio=form.get("servicio") or None,
                now=datetime.now(),
            )
        try:
            folder = refresh_reports(registry, self.server.settings, [document_id])[0]
        except Exception:  # the decision is committed; a report failure must not hide that
            folder = None
        return decision, folder

    # -- request checks --------------------------------------------------------------------
    def _authorized(self) -> bool:
        """The request carries this start's secret (cookie, or the URL printed to the owner);
        otherwise a 403 that says nothing about the queue."""
        expected = self.server.secret.encode()
        query = parse_qs(urlsplit(self.path).query, max_num_fields=MAX_FIELDS)
        offered = [v.encode() for v in query.get(SECRET_PARAM, [])[-1:]]
        cookies = SimpleCookie()
        try:
            cookies.load(self.headers.get("Cookie", ""))
        except CookieError:
            pass
        if COOKIE in cookies:
            offered.append(cookies[COOKIE].value.encode())
        if any(hmac.compare_digest(value, expected) for value in offered):
            return True
        self._fail(
            HTTPStatus.FORBIDDEN,
            "Acceso denegado: abra la dirección completa que mostró «buzon revisar --servir» "
            "en la terminal de quien lo inició.",
        )
        return False

    def _allowed_hosts(self) -> set[str]:
        port = self.server.server_address[1]
        return {f"{HOST}:{port}", f"localhost:{port}"}

    def _host_allowed(self) -> bool:
        if self.headers.get("Host", "").lower() in self._allowed_hosts():
            return True
        self._fail(HTTPStatus.FORBIDDEN, "Solicitud rechazada: dirección no permitida.")
        return False

    def _same_origin(self) -> bool:
        origin = self.headers.get("Origin")
        if origin is None:
            # Not a browser (or an old one); the token still has to match.
            return True
        return origin.lower() in {f"http://{h}" for h in self._allowed_hosts()}

    def _read_form(self) -> dict[str, str] | None:
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            self._fail(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "Envíe el formulario de la página.")
            return None
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self._fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Solicitud demasiado grande.")
            return None
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        try:
            parsed = parse_qs(body, keep_blank_values=True, max_num_fields=MAX_FIELDS)
        except ValueError:  # more fields than any form of the page has
            self._fail(HTTPStatus.BAD_REQUEST, "Solicitud con demasiados campos.")
            return None
        return {key: values[-1] for key, values in parsed.items()}

    def _wants_json(self) -> bool:
        return "application/json" in self.headers.get("Accept", "")

    # -- answers ---------------------------------------------------------------------------
    def _fail(self, status: HTTPStatus, message: str) -> None:
        if self._wants_json():
            self._send_json(status, {"error": message})
        else:
            body = _p(message) + "<p><a href='/'>Volver a la lista de revisión</a></p>"
            self._send_page(status, "No se registró la decisión", body)

    def _send_json(self, status: HTTPStatus, data: dict) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _send_page(self, status: HTTPStatus, title: str, body: str) -> None:
        page = (
            "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
            f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;"
            f"margin:2em}}</style></head><body><h1>{html.escape(title)}</h1>"
            f"<div id='resultado'>{body}</div></body></html>"
        )
        self._send(status, page.encode("utf-8"), "text/html; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if status is HTTPStatus.OK:
            # HttpOnly: no script reads it; Strict: no other site's page sends it.
            self.send_header(
                "Set-Cookie",
                f"{COOKIE}={self.server.secret}; HttpOnly; SameSite=Strict; Path=/",
            )
        for name, value in _HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"
