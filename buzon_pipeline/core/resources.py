"""Where the shipped models live: package data (`buzon_pipeline/models`, the repository's
`models/` folder), or the folder the `models_dir` setting names."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

# Digits re-read inside letters: a CNN that also learnt "not a digit" ("+", "(", letters,
# scribbles; issue 12). On dev combs it loses digits to that class, so the combs keep the other.
DIGIT_MODEL = "digitos.npz"
COMB_DIGIT_MODEL = "digitos_cnn.npz"  # the CNN: the volante's comb cells
TEXT_MODEL = "clasificador"
# Handwritten nombre/correo lines (issue 12): a convolutional CTC recogniser read with numpy.
LINE_MODEL = "renglones.npz"


def default_models_dir() -> Path:
    # An installed wheel and an editable checkout both hold the models as package data; a
    # zipped install is not supported (the models are opened by path), so as_file is enough.
    with as_file(files("buzon_pipeline") / "models") as path:
        return Path(path)


def models_dir(configured: str | None = None) -> Path:
    return Path(configured) if configured else default_models_dir()
