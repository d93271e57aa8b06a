"""The Spanish README written next to the samples (regenerated with them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

INTRO = """# Muestras de escaneos (sintéticas)

Estos archivos imitan lo que un TAOD escanea al vaciar el buzón: volantes de buzón (Anexo 12)
llenados a mano o en computadora, escritos libres, páginas que no son peticiones y hojas en
blanco. **Todos los datos son inventados** (nombres, NSS, teléfonos y correos generados al azar);
no corresponden a personas reales.

Se generaron con el generador sintético del proyecto (`buzon_pipeline.synth`): el formato en
blanco sale de `buzon_pipeline/reading/form.py`, la escritura se simula con fuentes tipo manuscrito
(con inclinación, tamaño y trazo variables) o fuentes de máquina, y después se aplica una
degradación *leve* de escáner (inclinación de 2° como máximo, poco ruido, 300 dpi) o de foto de
celular (perspectiva leve). Las semillas son fijas: al regenerarlas se obtienen archivos
idénticos byte por byte.

Para regenerarlas:

```
python -m buzon_pipeline.synth.samples samples/
```

Junto a cada archivo hay un `<archivo>.verdad.json` con la verdad de cada documento: páginas que
ocupa, tipo de documento, si es petición, tipo de petición (Anexo 3), servicio, caso especial,
campos normalizados (nombre, NSS, teléfono, correo, unidad, servicio; `null` si la persona no lo
escribió), validez del NSS, casillas marcadas, tipo de letra, degradaciones aplicadas y el
resultado esperado (`outcome`) según la tabla de ruteo de `docs/design.md`. Las hojas en blanco se
listan en `blank_pages`.

| archivo | páginas | contenido | resultado esperado |
|---|---|---|---|
"""


def write_readme(out: Path, summary: list[tuple[Any, dict]]) -> None:
    rows = []
    for sample, truth in summary:
        n = sum(len(d["pages"]) for d in truth["documents"]) + len(truth["blank_pages"])
        outcomes = [f"{d['kind']} p. {','.join(map(str, d['pages']))} → `{d['outcome']}`"
                    for d in truth["documents"]]
        if truth["blank_pages"]:
            outcomes.append(f"en blanco p. {','.join(map(str, truth['blank_pages']))}")
        rows.append(f"| `{sample.name}` | {n} | {sample.descripcion} | {'; '.join(outcomes)} |")
    (out / "README.md").write_text(INTRO + "\n".join(rows) + "\n", encoding="utf-8")
