"""The built wheel carries everything a batch needs: models, form layout, migrations.

The wheel is built offline from this checkout and installed into a new virtual environment
(unpacked into its site-packages) that borrows only the third-party dependencies of the test
environment; the batch then runs from a folder outside the repository, so nothing can come
from the source tree.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "volante_tecleado_completo.png"


@pytest.mark.slow
def test_installed_wheel_runs_a_page(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(dist), str(REPO)],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = dist.glob("buzon_pipeline-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )
    # Dependencies from the test environment, after the new environment's own packages; its
    # .pth files (the editable install of this checkout among them) are not processed.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # A pure-Python wheel installs by unpacking it into site-packages; pip is not used here,
    # since pip run from the test environment would first uninstall this checkout from it.
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    work = tmp_path / "fuera"
    work.mkdir()
    shutil.copy(SAMPLE, work / SAMPLE.name)
    where = subprocess.run(
        [python, "-c", "import buzon_pipeline; print(buzon_pipeline.__file__)"],
        check=True, capture_output=True, text=True, cwd=work,
    ).stdout
    assert str(env_dir) in where and str(REPO) not in where
    run = subprocess.run(
        # `python -m`: the console script pip wrote names the installing interpreter
        [python, "-m", "buzon_pipeline", "procesar", SAMPLE.name, "--taod", "T",
         "--unidad", "UMF 20", "--db", f"sqlite:///{work / 'buzon.db'}",
         "--trabajadores", "1", "--json"],
        capture_output=True, text=True, cwd=work,
    )
    assert run.returncode == 0, run.stderr
    (record,) = [json.loads(line) for line in run.stdout.splitlines()]
    truth = json.loads((REPO / "samples" / f"{SAMPLE.name}.verdad.json").read_text())
    assert record["kind"] == "volante"
    assert record["outcome"] == truth["documents"][0]["outcome"]
    assert record["fields"]["nss"]["value"] == truth["documents"][0]["fields"]["nss"]
