"""The `buzon` command: parses options and calls `buzon_pipeline.api` (and, for `evaluar`,
`buzon_pipeline.evaluation`); it prints with the labels of `core.vocab` and touches no
database, image or model itself.

Exit codes (also in the README): 0 ok · 1 internal error · 2 bad arguments or configuration ·
3 no readable input · 4 missing dependency (Tesseract, Spanish data, model) · 5 database ·
6 batch finished with files or pages in error · 130 interrupted (Ctrl-C) · 143 SIGTERM.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from buzon_pipeline.config import load_settings
from buzon_pipeline.core.model import Outcome
from buzon_pipeline.core.names import display_name
from buzon_pipeline.core.run import Terminated, handle_sigterm
from buzon_pipeline.core.vocab import CONSULTA_URL, FIELD_LABELS, OUTCOME_LABELS
from buzon_pipeline.errors import BuzonError, ExitCode, UsageError

if TYPE_CHECKING:
    from buzon_pipeline import api


def _api():  # -> the buzon_pipeline.api module
    """The API, imported when a command runs: it loads OpenCV, spaCy and SQLAlchemy, which
    `buzon --help` does not need."""
    from buzon_pipeline import api

    return api

# -- click's own texts in Spanish -------------------------------------------------------------
# click marks its messages with gettext; the TAOD reads them (usage, help, errors), so they are
# translated here, once, by replacing the `_`/`ngettext` that click's modules call.
_CLICK_ES = {
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Commands": "Comandos",
    "Positional arguments": "Argumentos",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    "Show the version and exit.": "Muestra la versión y termina.",
    "Error: {message}": "Error: {message}",
    "Try '{command} {option}' for help.": "Para ver la ayuda: '{command} {option}'.",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing {param_type}": "Falta {param_type}",
    "Missing parameter: {param_name}": "Falta el parámetro: {param_name}",
    "No such option {name!r}.": "No existe la opción {name!r}.",
    "No such command {name!r}.": "No existe el comando {name!r}.",
    "Missing command.": "Falta el comando.",
    "Aborted!": "Cancelado.",
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "Option {name!r} requires an argument.": "La opción {name!r} necesita un valor.",
    "Argument {name!r} takes {nargs} values.": "El argumento {name!r} lleva {nargs} valores.",
    "{value!r} is not a valid {number_type}.": "{value!r} no es un {number_type} válido.",
    "{value} is not in the range {range}.": "{value} no está en el intervalo {range}.",
    "{value!r} is not {choice}.": "{value!r} no es {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} no es ninguno de: {choices}.",
    "Choose from:\n\t{choices}": "Elija entre:\n\t{choices}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} no existe.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} es una carpeta.",
    "{name} {filename!r} is a file.": "{name} {filename!r} es un archivo.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} no se puede leer.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} no se puede escribir.",
    "Could not open file {filename!r}: {message}": "No se pudo abrir {filename!r}: {message}",
    "default: {default}": "por omisión: {default}",
    "env var: {var}": "variable de entorno: {var}",
    "required": "obligatorio",
    "integer": "entero",
    "float": "número",
    "file": "Archivo",
    "directory": "Carpeta",
    "path": "Ruta",
    "%(prog)s, version %(version)s": "%(prog)s, versión %(version)s",
    "Got unexpected extra argument ({args})": "Sobra el argumento ({args})",
    "Got unexpected extra arguments ({args})": "Sobran los argumentos ({args})",
    "Did you mean {possibility}?": "¿Quiso decir {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(¿Quiso decir alguno de: {possibilities}?)",
}


def _es(message: str) -> str:
    return _CLICK_ES.get(message, message)


def _nes(singular: str, plural: str, n: int) -> str:
    return _es(singular if n == 1 else plural)


def _install_spanish() -> None:
    import importlib

    for name in ("core", "exceptions", "formatting", "decorators", "types", "parser", "termui"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _es  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _nes  # type: ignore[attr-defined]
    # Type names go into messages untranslated ("'abc' is not a valid integer range").
    click.types.IntParamType.name = "entero"
    click.types.IntRange.name = "entero"
    click.types.FloatParamType.name = "número"
    click.types.FloatRange.name = "número"


_install_spanish()


class _Examples:
    """Help that ends with «Ejemplos:», one command per line as written in the epilog."""

    epilog: str | None

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.epilog:
            formatter.write_paragraph()
            formatter.write_text("Ejemplos:")
            with formatter.indentation():
                for line in self.epilog.strip().splitlines():
                    formatter.write(" " * formatter.current_indent + line.strip() + "\n")


class _Command(_Examples, click.Command):
    """A command whose usage line reads «[OPCIONES]» and whose help ends with examples."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        super().__init__(*args, **kwargs)


class _Group(_Examples, click.Group):
    command_class = _Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPCIONES]")
        kwargs.setdefault("subcommand_metavar", "COMANDO [ARGUMENTOS]...")
        super().__init__(*args, **kwargs)


def _run(action: Callable[[], Any]) -> Any:
    try:
        return action()
    except BuzonError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(int(exc.exit_code))
    except (KeyboardInterrupt, Terminated) as exc:
        terminated = isinstance(exc, Terminated)
        click.echo(
            f"\n{'Terminado (SIGTERM)' if terminated else 'Interrumpido'}. Vuelva a ejecutar el "
            "mismo comando: no se pierde nada ni se repiten folios.",
            err=True,
        )
        sys.exit(int(ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED))
    except Exception as exc:
        # An unexpected error's message may quote personal data (a value in a failed
        # statement, a field read from a page): print only its type unless debugging.
        if os.environ.get("BUZON_DEBUG"):
            raise
        click.echo(
            f"Error interno ({type(exc).__name__}). Lo procesado hasta aquí quedó registrado; "
            "vuelva a ejecutar el mismo comando. Para ver el detalle: BUZON_DEBUG=1.",
            err=True,
        )
        sys.exit(int(ExitCode.INTERNAL))


db_option = click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="URL de la base de datos (por omisión sqlite:///buzon.db).",
)
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(),
    metavar="ARCHIVO",
    help="Archivo de configuración TOML.",
)
reports_option = click.option(
    "--reportes",
    "reports_dir",
    metavar="CARPETA",
    help="Carpeta de reportes (por omisión la que el registro guardó en su primer lote, o "
    "./reportes).",
)


class _LazyBar:
    """A progress bar on stderr created once the total is known (after the inputs are read)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def start(self, total: int) -> None:
        self.close()  # `evaluar` runs a second batch (the seen-hands control) after the first
        self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
        self.bar.__enter__()

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.group(
    cls=_Group,
    help="Digitaliza el buzón de sugerencias del IMSS (Etapa II, GC10-003-001).",
    epilog="""
buzon procesar escaneos/ --taod "Ana Pérez" --unidad "UMF 20"
buzon contactos
buzon revisar
buzon procesar --help
""",
)
@click.version_option(package_name="buzon-pipeline", message="buzon %(version)s")
def main() -> None:
    handle_sigterm()


@main.command(
    "procesar",
    short_help="Procesa los escaneos del día y escribe los reportes.",
    help="Procesa los escaneos del día (PDF, TIFF, JPEG, PNG, WEBP, BMP, HEIC o carpetas) y "
    "emite el resumen. Volver a darle archivos ya procesados no crea un lote nuevo.",
    epilog="""
buzon procesar escaneos/ --taod "Ana Pérez" --unidad "UMF 20"
buzon procesar lote.pdf fotos/ --taod "Ana Pérez" --unidad "UMF 20" --reportes /srv/buzon/reportes
buzon procesar lote.pdf --taod "Ana Pérez" --unidad "UMF 20" --json > lote.jsonl
""",
)
# Optional: `buzon procesar --reintentar` alone re-reads what earlier runs left unfinished.
@click.argument("escaneos", nargs=-1, metavar="[ESCANEOS]...")
@click.option("--taod", required=True, metavar="NOMBRE", help="Nombre del TAOD que recibe (5.32).")
@click.option(
    "--unidad",
    required=True,
    metavar="UNIDAD",
    help="Unidad médica o administrativa, p. ej. «UMF 20».",
)
@db_option
@reports_option
@click.option(
    "--archivo",
    "archive_dir",
    metavar="CARPETA",
    help="Carpeta donde se archivan los originales y las imágenes de página (por omisión "
    "./archivo).",
)
@click.option(
    "--trabajadores",
    "workers",
    type=click.IntRange(1, 64),
    metavar="N",
    help="Procesos en paralelo, de 1 a 64 (por omisión 2).",
)
@config_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Imprime una línea JSON por documento en la salida estándar, y nada más.",
)
@click.option(
    "--reintentar",
    "retry",
    is_flag=True,
    help="Vuelve a leer también los archivos ya registrados con páginas en error o sin terminar.",
)
@click.option(
    "--dask",
    "dask_scheduler",
    metavar="DIRECCION",
    help="Analiza las páginas en un clúster de Dask (p. ej. tcp://servidor:8786) en vez de en "
    "este equipo; el registro, los reportes y el archivo siguen aquí.",
)
def procesar(
    escaneos: tuple[str, ...],
    taod: str,
    unidad: str,
    db_url: str | None,
    reports_dir: str | None,
    archive_dir: str | None,
    workers: int | None,
    config_file: str | None,
    as_json: bool,
    retry: bool,
    dask_scheduler: str | None,
) -> None:
    settings = _run(
        lambda: load_settings(
            config_file,
            db_url=db_url,
            reports_dir=reports_dir,
            archive_dir=archive_dir,
            workers=workers,
            dask_scheduler=dask_scheduler,
        )
    )
    bar = _LazyBar("Procesando páginas")

    def on_result(result: Any) -> None:
        if as_json:
            click.echo(json.dumps(result.as_json(), ensure_ascii=False))

    try:
        summary = _run(
            lambda: _api().process_batch(
                list(escaneos),
                taod,
                unidad,
                settings,
                on_total=bar.start,
                on_page=bar.update,
                on_result=on_result,
                retry=retry,
            )
        )
    finally:
        bar.close()
    _print_summary(summary, err=as_json)
    if summary.nothing_readable:
        sys.exit(int(ExitCode.INPUT))
    sys.exit(int(ExitCode.PARTIAL if summary.errors else ExitCode.OK))


def _print_summary(summary: api.BatchSummary, err: bool) -> None:
    def say(text: str = "") -> None:
        click.echo(text, err=err)

    say()
    info = summary.info
    if summary.new_batch:
        say(f"Lote {info.batch_id} — {info.unidad} — TAOD: {info.taod}")
    else:
        say("No se creó un lote nuevo: todos los archivos ya estaban procesados.")
    if summary.already_processed:
        say(f"Ya procesados antes (no se registran de nuevo): {len(summary.already_processed)}")
        for path, lote in summary.already_processed:
            say(f"  {display_name(Path(path).name)}: lote {lote}")
    # A file given twice, or registered by an earlier run, is not counted again as new.
    new = [r for r in summary.results if not r.already_registered]
    new_documents = [r for r in new if r.document_id is not None]
    replayed = len(summary.documents) - len(new_documents)
    say(
        f"Archivos: {summary.files}   Páginas leídas: {summary.pages_read} de "
        f"{summary.pages_total}   Documentos: {len(new_documents)}   "
        f"Páginas en blanco: {summary.blank_pages}"
    )
    counts = type(summary)(new, info=info, files=0, pages_total=0).outcome_counts
    for key, label in OUTCOME_LABELS.items():
        if counts.get(key):
            say(f"  {label}: {counts[key]}")
    new_folios = sum(1 for r in new_documents if r.outcome is Outcome.FOLIO and r.folio)
    say(
        f"Folios emitidos: {new_folios}   Para revisión: {summary.review}   "
        f"Errores: {summary.errors}"
    )
    if replayed:
        say(f"Ya registrados antes (mismo archivo; no son nuevos): {replayed}")
    if summary.held_files:
        say(
            f"Archivos con una falla pasajera: {summary.held_files}. Vuelva a ejecutar el mismo "
            "comando (o buzon procesar --reintentar): se leerán de nuevo."
        )
    for result in summary.results:
        if result.outcome is Outcome.ERROR:
            pages = f" (pág. {', '.join(map(str, result.pages))})" if result.pages else ""
            say(f"  Error: {result.source}{pages}: {' '.join(result.reasons)}")
    if summary.ignored_files:
        say(f"Archivos que no son escaneos (omitidos): {len(summary.ignored_files)}")
        for name in summary.ignored_files:
            say(f"  Omitido: {display_name(name)}")
    if summary.report_dir:
        say(f"Reportes: {Path(summary.report_dir).resolve()}")


@main.command(
    "evaluar",
    short_help="Mide la exactitud sobre documentos sintéticos etiquetados.",
    help="Mide la exactitud sobre documentos sintéticos etiquetados (particiones train/dev/test).",
    epilog="""
buzon evaluar --particion dev -n 100
buzon evaluar --particion test -n 300 --salida evaluacion/
buzon evaluar --particion test -n 300 --manuscritos anterior
""",
)
@click.option(
    "--particion",
    type=click.Choice(["train", "dev", "test"]),
    default="dev",
    show_default=True,
    help="Partición de semillas a generar.",
)
@click.option(
    "-n",
    "--documentos",
    "n",
    type=click.IntRange(1, 100_000),
    metavar="N",
    default=100,
    show_default=True,
    help="Cuántos documentos generar y procesar.",
)
@click.option(
    "--salida",
    type=click.Path(),
    default="evaluacion",
    show_default=True,
    metavar="CARPETA",
    help="Carpeta donde escribir evaluacion.md y evaluacion.json.",
)
@click.option(
    "--trabajadores",
    "workers",
    type=click.IntRange(1, 64),
    metavar="N",
    help="Procesos en paralelo, de 1 a 64.",
)
@click.option(
    "--manuscritos",
    type=click.Choice(["ambos", "particion", "anterior"]),
    default="ambos",
    show_default=True,
    help="Letra manuscrita: «particion» usa las familias de la partición (test: familias nunca "
    "vistas en entrenamiento); «ambos» además reescribe los documentos manuscritos con "
    "familias de entrenamiento como control (columna «visto»); «anterior» usa las cinco "
    "fuentes de antes en todas las particiones, para comparar con cifras anteriores.",
)
@config_option
def evaluar(
    particion: str,
    n: int,
    salida: str,
    workers: int | None,
    manuscritos: str,
    config_file: str | None,
) -> None:
    from pathlib import Path

    from buzon_pipeline.evaluation.harness import run_split, write_outputs

    settings = _run(lambda: load_settings(config_file, workers=workers))
    click.echo(f"Generando {n} documentos de la partición {particion}…", err=True)
    bar = _LazyBar("Procesando páginas")
    try:
        report, pairs = _run(
            lambda: run_split(
                particion, n, settings, on_total=bar.start, on_page=bar.update,
                hands=manuscritos,
            )
        )
    finally:
        bar.close()
    title = f"Evaluación ({particion}, {n} docs, manuscritos: {manuscritos})"
    written = write_outputs(report, pairs, Path(salida), title)
    click.echo(written)


# -- the next morning's desk: contact follow-up, reports and review (api.Desk) ----------------
def _desk(config_file: str | None, **overrides: Any) -> api.Desk:
    settings = _run(lambda: load_settings(config_file, **overrides))
    return _run(lambda: _api().open_desk(settings))


def _say_refreshed(folders: list[Path], quiet: bool) -> None:
    if not quiet:
        for folder in folders:
            if Path(folder).name == "capturas-pendientes":
                click.echo(f"Folios por capturar en SIADE (de hoy): {Path(folder).resolve()}")
            else:
                click.echo(f"Reportes del lote actualizados: {Path(folder).resolve()}")


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


@main.command(
    "contactos",
    short_help="Lista las peticiones pendientes de contacto (actividad 47).",
    help="Lista las peticiones pendientes de contacto (actividad 47): quién es, su teléfono o "
    "correo, qué dato falta y cuántos días hábiles lleva abierta.",
    epilog="""
buzon contactos
buzon contactos --db sqlite:////srv/buzon/buzon.db
buzon contactos --json
""",
)
@db_option
@reports_option
@config_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Imprime una línea JSON por petición pendiente, y nada más.",
)
def contactos(
    db_url: str | None, reports_dir: str | None, config_file: str | None, as_json: bool
) -> None:
    from datetime import date

    desk = _desk(config_file, db_url=db_url, reports_dir=reports_dir)
    pending = _run(lambda: desk.pending_contacts(date.today()))
    if as_json:
        for item in pending:
            click.echo(json.dumps(item.as_json(), ensure_ascii=False))
        return
    if not pending:
        click.echo("No hay peticiones pendientes de contacto.")
        return
    deadline = desk.settings.contact_deadline_days
    click.echo(f"Pendientes de contacto: {len(pending)} (plazo: {deadline} días hábiles)")
    rows = [["Doc", "Recibido", "Días háb.", "Falta", "Nombre", "Teléfono", "Correo"]]
    for item in pending:
        days = str(item.business_days_open)
        if item.business_days_open > deadline:
            days += " (vencido)"
        rows.append(
            [
                str(item.document_id),
                item.registered_at.strftime("%Y-%m-%d %H:%M"),
                days,
                ", ".join(FIELD_LABELS[m] for m in item.missing) or "—",
                item.nombre or "—",
                item.telefono or "—",
                item.correo or "—",
            ]
        )
    for line in _table(rows):
        click.echo(line)


@main.command(
    "contacto",
    short_help="Registra el resultado de contactar a la persona (actividades 47 a 49).",
    help="Registra el resultado de contactar a la persona del documento DOC: los datos "
    "obtenidos (actividad 47; con los datos mínimos completos la petición se registra con "
    "folio, actividad 49) o --sin-respuesta (se cierra por desinterés, actividad 48).",
    epilog="""
buzon contacto 12 --obtenido nss=12345678903 --obtenido nombre="Ana Ruiz Paz"
buzon contacto 13 --sin-respuesta
buzon contacto 12 --obtenido telefono=5512345678 --db sqlite:////srv/buzon/buzon.db
""",
)
@click.argument("doc", type=click.IntRange(min=1), metavar="DOC")
@click.option(
    "--obtenido",
    "obtenidos",
    multiple=True,
    metavar="DATO=VALOR",
    help="Dato obtenido: nombre, nss, telefono o correo. Repítalo para cada dato.",
)
@click.option(
    "--sin-respuesta",
    is_flag=True,
    help="No se obtuvieron los datos: cierra la petición por desinterés.",
)
@db_option
@reports_option
@config_option
@click.option("--json", "as_json", is_flag=True, help="Imprime el resultado en JSON, y nada más.")
def contacto(
    doc: int,
    obtenidos: tuple[str, ...],
    sin_respuesta: bool,
    db_url: str | None,
    reports_dir: str | None,
    config_file: str | None,
    as_json: bool,
) -> None:
    from datetime import datetime

    def check() -> dict[str, str]:
        if bool(obtenidos) == sin_respuesta:
            raise UsageError(
                "Indique los datos obtenidos (--obtenido DATO=VALOR) o --sin-respuesta, no ambos."
            )
        return _api().parse_obtained(obtenidos)

    obtained = _run(check)  # invalid data stops here, before the database is opened
    desk = _desk(config_file, db_url=db_url, reports_dir=reports_dir)
    if sin_respuesta:
        result, folders = _run(lambda: desk.close_without_response(doc, datetime.now()))
    else:
        result, folders = _run(lambda: desk.record_contact(doc, obtained, datetime.now()))
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        _print_contact_result(doc, result, sin_respuesta)
    _say_refreshed(folders, quiet=as_json)


def _print_contact_result(doc: int, result: api.ContactResult, sin_respuesta: bool) -> None:
    if sin_respuesta:
        click.echo(f"Documento {doc}: cerrado por desinterés (act. 48).")
        return
    labels = ", ".join(FIELD_LABELS[name] for name in result.obtained)
    click.echo(f"Documento {doc}: datos registrados ({labels}).")
    if result.outcome is Outcome.FOLIO:
        click.echo(f"Registrado con folio {result.folio}.")
        click.echo(_api().notification_hint(result) + " (act. 51).")
    elif result.outcome is Outcome.DUPLICADO:
        click.echo(
            f"Es la misma petición que el folio {result.folio} (5.9): no se registra de nuevo."
        )
    else:
        missing = ", ".join(FIELD_LABELS[name] for name in result.missing)
        click.echo(f"Aún falta: {missing}. Sigue pendiente de contacto.")


@main.command(
    "cerrar-vencidos",
    short_help="Cierra por desinterés las peticiones con el plazo vencido (actividad 48).",
    help="Cierra por desinterés (actividad 48) las peticiones pendientes de contacto que "
    "llevan más de N días hábiles (lunes a viernes) abiertas.",
    epilog="""
buzon cerrar-vencidos
buzon cerrar-vencidos --dias 15
""",
)
@click.option(
    "--dias",
    type=click.IntRange(min=0, max=365),
    metavar="N",
    help="Plazo en días hábiles, de 0 a 365 (por omisión contact_deadline_days de la "
    "configuración, 10).",
)
@db_option
@reports_option
@config_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Imprime una línea JSON por petición cerrada, y nada más.",
)
def cerrar_vencidos(
    dias: int | None,
    db_url: str | None,
    reports_dir: str | None,
    config_file: str | None,
    as_json: bool,
) -> None:
    from datetime import datetime

    desk = _desk(config_file, db_url=db_url, reports_dir=reports_dir)
    deadline = desk.settings.contact_deadline_days if dias is None else dias
    closed, folders = _run(lambda: desk.close_expired(deadline, datetime.now()))
    _say_refreshed(folders, quiet=as_json)
    if as_json:
        for item in closed:
            click.echo(json.dumps(item.as_json(), ensure_ascii=False))
        return
    if not closed:
        click.echo(f"Ninguna petición pendiente lleva más de {deadline} días hábiles.")
        return
    ids = ", ".join(str(item.document_id) for item in closed)
    click.echo(
        f"Cerradas por desinterés (más de {deadline} días hábiles): {len(closed)} — "
        f"documentos {ids}."
    )


@main.command(
    "reportes",
    short_help="Vuelve a escribir los reportes de un lote.",
    help="Vuelve a escribir los reportes del lote LOTE con lo que hoy dice el registro "
    "(resumen, exportación SIADE, notificaciones, copias de turno, casos especiales).",
    epilog="""
buzon reportes 3
buzon reportes 3 --reportes /srv/buzon/reportes
""",
)
@click.argument("lote", type=click.IntRange(min=1), metavar="LOTE")
@db_option
@reports_option
@config_option
@click.option(
    "--json", "as_json", is_flag=True, help="Imprime la carpeta y los archivos en JSON, y nada más."
)
def reportes(
    lote: int, db_url: str | None, reports_dir: str | None, config_file: str | None, as_json: bool
) -> None:
    desk = _desk(config_file, db_url=db_url, reports_dir=reports_dir)
    folder, files = _run(lambda: desk.write_batch_reports(lote))
    if as_json:
        click.echo(
            json.dumps({"lote": lote, "carpeta": str(folder), "archivos": [str(f) for f in files]})
        )
        return
    click.echo(f"Reportes del lote {lote}: {Path(folder).resolve()} ({len(files)} archivos)")


# -- human review of what the router left undecided: buzon_pipeline.desk.review --------------------
@main.command(
    "revisar",
    short_help="Cola de revisión: lo que el programa no pudo decidir solo.",
    epilog="""
buzon revisar
buzon revisar --servir
buzon revisar 7 --campo nss=12345678903 --resultado folio
buzon revisar 8 --campo nombre="Ana Ruiz Paz" --resultado pendiente_contacto --tipo queja_servicio
""",
    help="Cola de revisión: documentos que el programa no pudo decidir solo. Sin DOC escribe "
    "revision.html (imágenes, recortes de cada dato y lo leído) y lista la cola; con --servir "
    "la abre en un servidor local (sólo este equipo) para decidir desde el navegador; con DOC "
    "registra la decisión: datos corregidos (--campo) y resultado (--resultado).",
)
@click.argument("doc", type=click.IntRange(min=1), required=False, metavar="[DOC]")
@click.option(
    "--campo",
    "campos",
    multiple=True,
    metavar="DATO=VALOR",
    help="Dato corregido: nombre, nss, telefono o correo (DATO= vacío lo quita). Repítalo "
    "para cada dato.",
)
@click.option(
    "--resultado",
    metavar="RESULTADO",
    help="folio, pendiente_contacto, publico_general o descartado.",
)
@click.option("--tipo", metavar="TIPO", help="Tipo de petición (Anexo 3), p. ej. queja_servicio.")
@click.option("--servicio", metavar="SERVICIO", help="Servicio involucrado, p. ej. farmacia.")
@click.option("--servir", is_flag=True, help="Sirve la página en http://127.0.0.1 hasta Ctrl-C.")
@click.option(
    "--puerto",
    type=click.IntRange(0, 65535),
    metavar="N",
    help="Puerto del servidor, de 0 a 65535 (por omisión 0: cualquiera libre).",
)
@db_option
@reports_option
@config_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="JSON y nada más: una línea por documento de la cola, la dirección del servidor o "
    "el resultado de la decisión.",
)
def revisar(
    doc: int | None,
    campos: tuple[str, ...],
    resultado: str | None,
    tipo: str | None,
    servicio: str | None,
    servir: bool,
    puerto: int | None,
    db_url: str | None,
    reports_dir: str | None,
    config_file: str | None,
    as_json: bool,
) -> None:
    from datetime import datetime

    deciding = bool(campos or resultado or tipo or servicio)

    def check() -> tuple[dict[str, str], Outcome | None, str | None, str | None]:
        if servir and (doc is not None or deciding):
            raise UsageError("--servir no se combina con DOC, --campo, --resultado ni --tipo.")
        if puerto is not None and not servir:
            raise UsageError("--puerto sólo se usa con --servir.")
        if doc is None and deciding:
            raise UsageError("Indique el número de documento (DOC) para registrar la decisión.")
        if doc is None:
            return {}, None, None, None
        if not resultado:
            raise UsageError(
                "Indique --resultado folio, pendiente_contacto, publico_general o descartado."
            )
        return (
            _api().parse_corrections(campos),
            _api().parse_resultado(resultado),
            *_api().check_codes(tipo, servicio),
        )

    corrections, outcome, tipo_code, servicio_code = _run(check)  # before opening the database
    desk = _desk(config_file, db_url=db_url, reports_dir=reports_dir)

    if servir:

        def ready(url: str) -> None:
            if as_json:
                click.echo(json.dumps({"url": url}))
            else:
                click.echo(
                    f"Página de revisión en {url} (sólo en este equipo). Ctrl-C para terminar."
                )

        def serve_until_ctrl_c() -> None:
            try:
                desk.serve_review(puerto or 0, on_ready=ready)
            except KeyboardInterrupt:  # the normal way to stop: not an interrupted batch
                click.echo("\nServidor detenido.", err=True)

        _run(serve_until_ctrl_c)
        return

    if doc is None:
        page = _run(desk.write_review_page)
        items = _run(desk.review_queue)
        if as_json:
            for item in items:
                click.echo(json.dumps(item.as_json(), ensure_ascii=False))
            click.echo(f"Página de revisión: {page}", err=True)
            return
        click.echo(f"Página de revisión: {Path(page).resolve()}")
        if not items:
            click.echo("No hay documentos para revisión.")
            return
        click.echo(f"Para revisión: {len(items)}")
        rows = [["Núm.", "Archivo", "Páginas", "Motivos"]]
        for item in items:
            rows.append(
                [
                    str(item.document_id),
                    Path(item.source).name,
                    ", ".join(map(str, item.pages)),
                    " ".join(item.reasons),
                ]
            )
        for line in _table(rows):
            click.echo(line)
        return

    assert outcome is not None
    decision, folders = _run(
        lambda: desk.resolve_review(
            doc,
            corrections=corrections,
            resultado=outcome,
            tipo=tipo_code,
            servicio=servicio_code,
            now=datetime.now(),
        )
    )
    if not as_json:
        if decision.corrected:
            labels = ", ".join(FIELD_LABELS[name] for name in decision.corrected)
            click.echo(f"Datos corregidos: {labels}.")
        click.echo(decision.message())
        if decision.outcome is Outcome.FOLIO:
            click.echo(
                f"Informe a la persona el folio {decision.folio} y la consulta en "
                f"{CONSULTA_URL} (act. 51)."
            )
    _say_refreshed(folders, quiet=as_json)
    folder = folders[0]
    if as_json:
        click.echo(json.dumps({**decision.as_json(), "reports": str(folder)}, ensure_ascii=False))
