"""Run the real pipeline on a generated split and score it against the ground truth.

Each synthetic document is written as one multi-page TIFF (the unit's scanner format), the
whole split is processed as one batch against a throw-away SQLite registry, and every
document's `--json` record is matched to its truth by file and pages.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from buzon_pipeline.api import process_batch
from buzon_pipeline.config import Settings
from buzon_pipeline.core.model import DocumentResult
from buzon_pipeline.core.vocab import FIELDS
from buzon_pipeline.evaluation.metrics import Pair, Report, evaluate, markdown
from buzon_pipeline.synth.corpus import SPLITS, generate_document


def write_document(doc, path: Path) -> int:
    pages = [p.convert("L") for p in doc.pages]
    dpi = pages[0].info.get("dpi") or doc.pages[0].info.get("dpi") or (300, 300)
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=dpi)
    return len(pages)


def match(truth: dict, records: list[dict]) -> dict | None:
    pages = truth.get("pages") or [1]
    exact = [r for r in records if r["pages"] == pages]
    if exact:
        return exact[0]
    overlapping = [r for r in records if set(r["pages"]) & set(pages)]
    return overlapping[0] if overlapping else None


def run_split(
    split: str,
    n: int,
    settings: Settings,
    workdir: Path | None = None,
    on_total: Callable[[int], None] | None = None,
    on_page: Callable[[int], None] | None = None,
    offset: int = 0,
) -> tuple[Report, list[Pair]]:
    seeds = SPLITS[split][offset : offset + n]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(workdir or tmp)
        scans = base / "escaneos"
        scans.mkdir(parents=True, exist_ok=True)
        truths: dict[str, dict] = {}
        page_counts: dict[str, int] = {}
        for seed in seeds:
            doc = generate_document(seed)
            name = f"doc-{seed}.tif"
            page_counts[name] = write_document(doc, scans / name)
            truths[name] = doc.truth
        run_settings = replace(
            settings,
            db_url=f"sqlite:///{base / 'eval.db'}",
            reports_dir=str(base / "reportes"),
            archive_dir=str(base / "archivo"),
        )
        records: dict[str, list[dict]] = {}

        def collect(result: DocumentResult) -> None:
            records.setdefault(Path(result.source).name, []).append(result.as_json())

        start = time.perf_counter()
        process_batch(
            [str(scans)],
            "Evaluación",
            "EVAL",
            run_settings,
            on_total=on_total,
            on_page=on_page,
            on_result=collect,
        )
        elapsed = time.perf_counter() - start
    total_pages = sum(page_counts.values()) or 1
    pairs = [
        Pair(
            truth,
            match(truth, records.get(name, [])),
            seconds=elapsed * page_counts[name] / total_pages,
            pages=page_counts[name],
        )
        for name, truth in truths.items()
    ]
    return evaluate(pairs), pairs


def write_outputs(report: Report, pairs: list[Pair], out: Path, title: str) -> str:
    out.mkdir(parents=True, exist_ok=True)
    text = markdown(report, title)
    (out / "evaluacion.md").write_text(text, encoding="utf-8")
    detail = [
        {
            "seed": p.truth.get("seed"),
            "truth_kind": p.truth["kind"],
            "font_kind": p.truth.get("font_kind"),
            "truth_outcome": p.truth["outcome"],
            "outcome": p.pred["outcome"] if p.pred else None,
            "reasons": p.pred["reasons"] if p.pred else [],
            "truth_subtipo": p.truth.get("subtipo"),
            "truth_tipo": p.truth.get("tipo"),
            "tipo": p.pred["tipo"] if p.pred else None,
            # Synthetic people only: the per-field detail is what error analysis needs.
            "truth_fields": {k: p.truth["fields"].get(k) for k in FIELDS},
            "fields": p.pred["fields"] if p.pred else {},
        }
        for p in pairs
    ]
    (out / "evaluacion.json").write_text(
        json.dumps({"report": report.as_dict(), "documents": detail}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return text


def run_files(paths: list[Path], settings: Settings, base: Path) -> dict[str, list[dict]]:
    """The batch on these files against a throw-away registry under ``base``: each file's
    `--json` records by file name (for evaluations that build their own documents)."""
    run_settings = replace(
        settings,
        db_url=f"sqlite:///{base / 'eval.db'}",
        reports_dir=str(base / "reportes"),
        archive_dir=str(base / "archivo"),
    )
    records: dict[str, list[dict]] = {}

    def collect(result: DocumentResult) -> None:
        records.setdefault(Path(result.source).name, []).append(result.as_json())

    process_batch([str(p) for p in paths], "Evaluación", "EVAL", run_settings, on_result=collect)
    return records
