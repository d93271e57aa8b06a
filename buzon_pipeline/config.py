"""Settings in one place: defaults < TOML file < environment < command-line flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from buzon_pipeline.errors import UsageError

ENV_PREFIX = "BUZON_"
DEFAULT_CONFIG_FILE = "buzon.toml"


@dataclass(frozen=True)
class Settings:
    db_url: str = "sqlite:///buzon.db"
    # None: the folder stored in the registry at its first batch, else ./reportes (api).
    reports_dir: str | None = None
    # Originals by hash and the page views the review page and turn copies use (owner-only).
    archive_dir: str = "archivo"
    # Folder holding digitos_cnn.npz, digitos.npz and clasificador/ (None: the models shipped
    # in the package).
    models_dir: str | None = None
    dpi: int = 300
    workers: int = 2
    # OCR confidence below which a field that decides the route sends the document to review.
    min_field_confidence: float = 0.60
    # Mean OCR confidence of a letter below which it is not discarded nor trusted to lack
    # contact data without review.
    min_text_confidence: float = 0.60
    # Fewest words a letter's reading needs before "not a petition" may discard it; a page
    # read with fewer goes to review (issue 13: never discard what was not read).
    min_discard_words: int = 10
    # Comb-cell digit confidence (weakest cell) below which a volante's phone is uncertain.
    # A phone has no check digit, so only this cut keeps wrong numbers out. Issue 12, chosen on
    # the unseen dev split (`eval_digits_unseen --split dev --combs 300`, 6 dev font families
    # and MNIST dev digits): the lowest cut whose accepted phones were >= 99 % right (0.97:
    # 168 of 169, recall 56 %; at 0.80: 223 of 234, 95.3 %, recall 74 %).
    min_digit_confidence: float = 0.97
    # A volante NSS that passes its check digit: P(right | check passed) must reach this.
    min_nss_confidence: float = 0.80
    # Optional overrides of the classifier's thresholds (None: use the model's umbrales.json).
    es_peticion_descartar: float | None = None
    # P(petition) from which a text is taken as a petition without review.
    es_peticion_aceptar: float = 0.5
    tipo_min: float | None = None
    caso_especial: float | None = None
    # Weight of the volante's checkbox marks on the classifier's type probabilities.
    mark_prior: float = 2.0
    # A checkbox that disagrees with the text's type sends the document to review unless the
    # text alone gives its type at least this probability (a «Reconocimiento» mark read as a
    # queja always goes to review). Chosen on dev by `python -m
    # buzon_pipeline.training.eval_special --contra-marca`: the lowest cut from which the text
    # overruling a mark was right >= 95 % (only 6 disagreements in dev: a thin basis).
    tipo_contra_marca: float = 0.90
    contact_deadline_days: int = 10
    max_image_pixels: int = 120_000_000
    max_pdf_pages: int = 500
    # Address of a Dask scheduler (tcp://host:8786): page analysis runs on its workers.
    dask_scheduler: str | None = None


# Accepted range of each numeric setting (inclusive): a value outside it is a UsageError before
# any page is read (dpi=0 made every page an error; dpi=100000 exhausted the memory).
RANGES: dict[str, tuple[float, float]] = {
    "dpi": (100, 600),
    "workers": (1, 64),
    "min_field_confidence": (0.0, 1.0),
    "min_text_confidence": (0.0, 1.0),
    "min_discard_words": (0, 10_000),
    "min_digit_confidence": (0.0, 1.0),
    "min_nss_confidence": (0.0, 1.0),
    "es_peticion_descartar": (0.0, 1.0),
    "es_peticion_aceptar": (0.0, 1.0),
    "tipo_min": (0.0, 1.0),
    "caso_especial": (0.0, 1.0),
    "mark_prior": (0.0, 100.0),
    "contact_deadline_days": (0, 3650),
    "max_image_pixels": (1_000_000, 1_000_000_000),
    "max_pdf_pages": (1, 100_000),
}


def _coerce(name: str, value: Any) -> Any:
    value = _coerce_type(name, value)
    bounds = RANGES.get(name)
    if value is not None and bounds is not None and not bounds[0] <= value <= bounds[1]:
        low, high = bounds
        raise UsageError(
            f"Valor fuera de rango para {name}: {value!r} (debe ir de {low} a {high})."
        )
    return value


def _coerce_type(name: str, value: Any) -> Any:
    kinds = {f.name: f.type for f in fields(Settings)}
    kind = kinds[name]
    if value is None:
        return None
    if not isinstance(value, str | int | float) or ("bool" not in kind and isinstance(value, bool)):
        raise UsageError(f"Valor inválido para {name}: debe ser un solo número o texto.")
    try:
        if "bool" in kind:
            return (
                value
                if isinstance(value, bool)
                else str(value).lower() in {"1", "true", "si", "sí", "yes"}
            )
        if "int" in kind:
            return int(value)
        if "float" in kind:
            return float(value)
    except (ValueError, OverflowError) as exc:
        raise UsageError(f"Valor inválido para {name}: {value!r}") from exc
    return str(value)


def load_settings(
    config_file: str | os.PathLike | None = None,
    env: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build settings; `overrides` are command-line flags (None means not given)."""
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {}
    path = config_file or env.get(ENV_PREFIX + "CONFIG")
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = DEFAULT_CONFIG_FILE
    if path is not None:
        try:
            values.update(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except UnicodeDecodeError as exc:
            raise UsageError(
                f"El archivo de configuración {path} no está en UTF-8 (guárdelo como UTF-8)."
            ) from exc
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"No se pudo leer el archivo de configuración {path}: {exc}") from exc
    known = {f.name for f in fields(Settings)}
    unknown = set(values) - known
    if unknown:
        raise UsageError(f"Opciones desconocidas en la configuración: {', '.join(sorted(unknown))}")
    for name in known:
        if ENV_PREFIX + name.upper() in env:
            values[name] = env[ENV_PREFIX + name.upper()]
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **{k: _coerce(k, v) for k, v in values.items()})
