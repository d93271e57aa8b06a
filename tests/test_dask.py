"""`buzon procesar --dask`: page analysis on a Dask cluster gives what a local run gives.

A `LocalCluster` of two worker processes stands in for a delegación's machines; the registry
and the reports stay with the process that routes and registers, as in a local run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from buzon_pipeline import api
from buzon_pipeline.config import load_settings
from tests.conftest import skip_unless_ci

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FILES = ("volante_tecleado_completo.png", "escrito_libre_tecleado.png", "hoja_en_blanco.png")


def _run(tmp: Path, scans: Path, **extra: object) -> list[tuple]:
    settings = load_settings(
        None,
        env={},
        db_url=f"sqlite:///{tmp / 'buzon.db'}",
        reports_dir=str(tmp / "reportes"),
        archive_dir=str(tmp / "archivo"),
        **extra,
    )
    summary = api.process_batch([str(scans)], "TAOD", "UMF 20", settings)
    return sorted(
        (
            Path(r.source).name,
            tuple(r.pages),
            str(r.outcome),
            r.folio,
            r.tipo,
            tuple(sorted((k, f.value) for k, f in r.fields.items())),
        )
        for r in summary.results
    )


def _worker_has_an_analyzer() -> bool:
    from buzon_pipeline import pipeline

    return pipeline._worker_analyzer is not None


@pytest.mark.slow
def test_a_local_cluster_reads_like_the_local_pool(tmp_path: Path) -> None:
    try:
        import distributed
    except ImportError:  # in the [dev] extra: CI has it
        skip_unless_ci("Dask (distributed) no está instalado")
    scans = tmp_path / "escaneos"
    scans.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, scans / name)
    local = _run(tmp_path / "local", scans, workers=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_cluster = _run(tmp_path / "dask", scans, dask_scheduler=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            loaded = client.run(_worker_has_an_analyzer)
    assert any(loaded.values()), "no page was analysed on the cluster's workers"
    assert on_cluster == local
    assert {outcome for _, _, outcome, *_ in local} >= {"folio", "descartado"}
    # the workers kept each page's view in the shared archive, as the review page needs
    assert list((tmp_path / "dask" / "archivo").rglob("pagina-*.jpg"))
