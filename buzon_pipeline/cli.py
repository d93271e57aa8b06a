"""The `buzon` command: parses options and calls `buzon_pipeline.api`; nothing else.

Exit codes (also in the README): 0 ok · 2 bad arguments or configuration · 3 no readable
input · 4 missing dependency (Tesseract, Spanish data, model) · 5 database · 6 batch finished
with files or pages in error · 130 interrupted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from . import api
from .config import load_settings
from .errors import BuzonError, ExitCode
from .report import OUTCOME_LABELS


def _run(action: Callable[[], Any]) -> Any:
    try:
        return action()
    except BuzonError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        click.echo(
            "\nInterrumpido. Vuelva a ejecutar el mismo comando: no se pierde nada "
            "ni se repiten folios.",
            err=True,
        )
        sys.exit(int(ExitCode.INTERRUPTED))


class _LazyBar:
    """A progress bar on stderr created once the total is known (after the inputs are read)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
        self.bar.__enter__()

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@click.group(help="Digitaliza el buzón de sugerencias del IMSS (Etapa II, GC10-003-001).")
@click.version_option(package_name="buzon-pipeline", message="buzon %(version)s")
def main() -> None:
    pass


@main.command(
    "procesar",
    help="Procesa los escaneos del día (PDF, TIFF, JPEG, PNG o carpetas) y emite el resumen.",
)
@click.argument("escaneos", nargs=-1, required=True)
@click.option("--taod", required=True, help="Nombre del TAOD que recibe (5.32).")
@click.option("--unidad", required=True, help="Unidad médica o administrativa, p. ej. «UMF 20».")
@click.option("--db", "db_url", help="URL de la base de datos (por omisión sqlite:///buzon.db).")
@click.option("--reportes", "reports_dir", help="Carpeta de reportes (por omisión ./reportes).")
@click.option("--trabajadores", "workers", type=int, help="Procesos en paralelo (por omisión 2).")
@click.option("--config", "config_file", type=click.Path(), help="Archivo de configuración TOML.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Imprime una línea JSON por documento en la salida estándar, y nada más.",
)
def procesar(
    escaneos: tuple[str, ...],
    taod: str,
    unidad: str,
    db_url: str | None,
    reports_dir: str | None,
    workers: int | None,
    config_file: str | None,
    as_json: bool,
) -> None:
    settings = _run(
        lambda: load_settings(config_file, db_url=db_url, reports_dir=reports_dir, workers=workers)
    )
    bar = _LazyBar("Procesando páginas")

    def on_result(result: Any) -> None:
        if as_json:
            click.echo(json.dumps(result.as_json(), ensure_ascii=False))

    try:
        summary = _run(
            lambda: api.process_batch(
                list(escaneos),
                taod,
                unidad,
                settings,
                on_total=bar.start,
                on_page=bar.update,
                on_result=on_result,
            )
        )
    finally:
        bar.close()
    _print_summary(summary, err=as_json)
    sys.exit(int(ExitCode.PARTIAL if summary.errors else ExitCode.OK))


def _print_summary(summary: api.BatchSummary, err: bool) -> None:
    def say(text: str = "") -> None:
        click.echo(text, err=err)

    say()
    say(f"Lote {summary.batch_id} — {summary.unidad} — TAOD: {summary.taod}")
    say(
        f"Archivos: {summary.files}   Páginas leídas: {summary.pages_read} de "
        f"{summary.pages_total}   Documentos: {len(summary.documents)}"
    )
    for key, label in OUTCOME_LABELS.items():
        if summary.outcome_counts.get(key):
            say(f"  {label}: {summary.outcome_counts[key]}")
    say(
        f"Folios emitidos: {summary.folios_issued}   Para revisión: {summary.review}   "
        f"Errores: {summary.errors}"
    )
    if summary.ignored_files:
        say(f"Archivos que no son escaneos (omitidos): {len(summary.ignored_files)}")
    if summary.report_dir:
        say(f"Reportes: {summary.report_dir}")


@main.command(
    "evaluar",
    help="Mide la exactitud sobre documentos sintéticos etiquetados (particiones train/dev/test).",
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
    type=int,
    default=100,
    show_default=True,
    help="Cuántos documentos generar y procesar.",
)
@click.option(
    "--salida",
    type=click.Path(),
    default="evaluacion",
    show_default=True,
    help="Carpeta donde escribir evaluacion.md y evaluacion.json.",
)
@click.option("--trabajadores", "workers", type=int, help="Procesos en paralelo.")
@click.option("--config", "config_file", type=click.Path(), help="Archivo de configuración TOML.")
def evaluar(
    particion: str, n: int, salida: str, workers: int | None, config_file: str | None
) -> None:
    from pathlib import Path

    from .evaluation.harness import run_split, write_outputs

    settings = _run(lambda: load_settings(config_file, workers=workers))
    click.echo(f"Generando {n} documentos de la partición {particion}…", err=True)
    bar = _LazyBar("Procesando páginas")
    try:
        report, pairs = _run(
            lambda: run_split(particion, n, settings, on_total=bar.start, on_page=bar.update)
        )
    finally:
        bar.close()
    click.echo(write_outputs(report, pairs, Path(salida), f"Evaluación ({particion}, {n} docs)"))
