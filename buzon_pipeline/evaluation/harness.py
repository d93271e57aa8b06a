"""Run the real pipeline on a generated split and score it against the ground truth.

Each synthetic document is written as one multi-page TIFF (the unit's scanner format), the
whole split is processed as one batch against a throw-away SQLite registry, and every
document's `--json` record is matched to its truth by file and pages.

Handwriting (issue 12): every document is written in the hands of its own split (a test
document only in test families, never seen in training). With ``hands="ambos"`` (the default)
every handwritten document of a dev or test split is also written again, same seed, in
training families: that control is the "visto" column of the report, so seen and unseen hands
are compared on the same content. ``hands="anterior"`` reproduces the evaluation before issue
12 (the same five Debian fonts in every split) for comparison.
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
from buzon_pipeline.evaluation.metrics import Pair, Report, evaluate, hand_group, markdown
from buzon_pipeline.synth.corpus import SPLITS, generate_document

HANDS_MODES = ("ambos", "particion", "anterior")


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


def _process(
    inputs: list[Path],
    base: Path,
    settings: Settings,
    on_total: Callable[[int], None] | None,
    on_page: Callable[[int], None] | None,
) -> tuple[dict[str, list[dict]], float]:
    """One batch against its own throw-away registry: records by file name, and seconds."""
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
        [str(p) for p in inputs],
        "Evaluación",
        "EVAL",
        run_settings,
        on_total=on_total,
        on_page=on_page,
        on_result=collect,
    )
    return records, time.perf_counter() - start


def run_split(
    split: str,
    n: int,
    settings: Settings,
    workdir: Path | None = None,
    on_total: Callable[[int], None] | None = None,
    on_page: Callable[[int], None] | None = None,
    offset: int = 0,
    hands: str = "ambos",
) -> tuple[Report, list[Pair]]:
    """``hands``: "ambos", "particion" or "anterior" (module docstring)."""
    if hands not in HANDS_MODES:
        raise ValueError(f"unknown hands mode {hands!r}")
    seeds = SPLITS[split][offset : offset + n]
    pool = "anterior" if hands == "anterior" else None  # None: the seed's own split
    control = hands == "ambos" and split != "train"
    pairs: list[Pair] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(workdir or tmp)
        # The control copies go to a batch and registry of their own: in the same registry
        # each would be a duplicate of its original (same person, same petition).
        batches = {"principal": {}, "control": {}} if control else {"principal": {}}
        truths: dict[str, dict[str, dict]] = {b: {} for b in batches}
        page_counts: dict[str, int] = {}
        for batch in batches:
            (base / batch / "escaneos").mkdir(parents=True, exist_ok=True)
        for seed in seeds:
            doc = generate_document(seed, pool)
            name = f"doc-{seed}.tif"
            page_counts[name] = write_document(doc, base / "principal" / "escaneos" / name)
            truths["principal"][name] = doc.truth
            if control and doc.truth.get("font_kind") == "handwriting":
                again = generate_document(seed, "train")
                again.truth["control_vistos"] = True
                name = f"doc-{seed}-vistos.tif"
                page_counts[name] = write_document(again, base / "control" / "escaneos" / name)
                truths["control"][name] = again.truth
        for batch in batches:
            if not truths[batch]:
                continue
            records, elapsed = _process(
                [base / batch / "escaneos"], base / batch, settings, on_total, on_page
            )
            # The batch's time is shared out by its pages.
            total_pages = sum(page_counts[name] for name in truths[batch]) or 1
            pairs += [
                Pair(
                    truth,
                    match(truth, records.get(name, [])),
                    seconds=elapsed * page_counts[name] / total_pages,
                    pages=page_counts[name],
                )
                for name, truth in truths[batch].items()
            ]
    return evaluate(pairs, hands), pairs


def run_documents(
    documents: dict[str, object], settings: Settings, workdir: Path | None = None
) -> list[Pair]:
    """Documents made by the caller (name → SynthDocument, e.g. other printings of the
    volante), each written as one TIFF and processed as one batch; pairs in the given order."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(workdir or tmp)
        scans = base / "escaneos"
        scans.mkdir(parents=True, exist_ok=True)
        page_counts = {
            name: write_document(doc, scans / f"{name}.tif") for name, doc in documents.items()
        }
        records, elapsed = _process([scans], base, settings, None, None)
    total_pages = sum(page_counts.values()) or 1
    return [
        Pair(
            doc.truth,  # type: ignore[attr-defined]
            match(doc.truth, records.get(f"{name}.tif", [])),  # type: ignore[attr-defined]
            seconds=elapsed * page_counts[name] / total_pages,
            pages=page_counts[name],
        )
        for name, doc in documents.items()
    ]


def write_outputs(report: Report, pairs: list[Pair], out: Path, title: str) -> str:
    out.mkdir(parents=True, exist_ok=True)
    text = markdown(report, title)
    (out / "evaluacion.md").write_text(text, encoding="utf-8")
    detail = [
        {
            "seed": p.truth.get("seed"),
            "truth_kind": p.truth["kind"],
            "font_kind": p.truth.get("font_kind"),
            "mano": hand_group(p.truth),
            "familia": (p.truth.get("mano") or {}).get("familia"),
            "control_vistos": bool(p.truth.get("control_vistos")),
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
    return _process(paths, base, settings, None, None)[0]
