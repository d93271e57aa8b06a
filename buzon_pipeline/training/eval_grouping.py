"""Score page grouping on generated multi-page files (issue 13, item 4).

    python -m buzon_pipeline.training.eval_grouping --split dev --files 24 [--first 0] [--workers 2]
        [--cache DIR] [--baseline OLD_GROUPING.py] [--verbose]

Files come from ``synth.multipage`` (even indices: a 2–4-page letter alone in its file; odd:
a batch of letters, volantes and other pages, half of them duplex with blank backs). Every page
goes through the real page analysis (preprocess, page type, OCR, style); the analyses are
cached by file name so that grouping can be re-scored quickly. Then ``reading.grouping`` cuts
the pages into documents and each true document is scored:

- exact: one predicted document holds exactly its pages;
- split: its pages are in two or more predicted documents;
- merged: its predicted document also holds pages of another true document (``en revisión``
  says how many of those the grouping flagged as doubtful, so they go to review as one);
- fragments: predicted documents that start on a page that is not the first of its true
  document and are not flagged: such a page would be routed on its own (own folio or discard);
- needless review: exact documents flagged doubtful anyway.

``--baseline FILE`` scores the ``group_pages`` of another grouping module (e.g. the version
before issue 13: ``git show ccdb6d0:buzon_pipeline/reading/grouping.py > /tmp/old.py``).
Tune on dev; report test once.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from buzon_pipeline.core.model import Page, PageAnalysis
from buzon_pipeline.reading.analyze import PageAnalyzer
from buzon_pipeline.reading.grouping import Document, group_documents
from buzon_pipeline.synth.multipage import generate_file

CACHE_VERSION = 2  # bump when the generator or the page analysis changes what it gives
Grouper = Callable[[Sequence[PageAnalysis]], list[Document]]

_analyzer: PageAnalyzer | None = None


def _analyze_file(split: str, index: int, cache: Path) -> tuple[str, dict, list[PageAnalysis]]:
    global _analyzer
    path = cache / f"{split}-{index}-v{CACHE_VERSION}.pkl"
    if path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    synth = generate_file(split, index)
    if _analyzer is None:
        _analyzer = PageAnalyzer.load()
    analyses = []
    for number, image in enumerate(synth.pages, start=1):
        gray = np.asarray(image.convert("L"))
        analyses.append(_analyzer.analyze(Page(synth.name, "sha", number, gray, 300)))
    result = (synth.name, synth.truth, analyses)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as f:
        pickle.dump(result, f)
    tmp.replace(path)
    return result


def load_baseline(path: str) -> Grouper:
    spec = importlib.util.spec_from_file_location("baseline_grouping", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the module runs.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return lambda pages: [Document(list(d)) for d in module.group_pages(pages)]


def score_file(truth: dict, predicted: list[Document]) -> dict[str, Counter]:
    """Counts per group of true documents (see the module's docstring)."""
    owner: dict[int, int] = {}
    for k, doc in enumerate(truth["documents"]):
        for p in doc["pages"]:
            owner[p] = k
    pred_of: dict[int, int] = {}
    for j, doc in enumerate(predicted):
        for page in doc.pages:
            pred_of[page.number] = j
    counts: dict[str, Counter] = {}
    for k, doc in enumerate(truth["documents"]):
        group = _group(doc)
        c = counts.setdefault(group, Counter())
        c["documents"] += 1
        preds = {pred_of[p] for p in doc["pages"] if p in pred_of}
        if len(preds) > 1:
            c["split"] += 1
            continue
        if not preds:
            c["lost"] += 1
            continue
        mine = predicted[preds.pop()]
        others = {owner.get(p.number) for p in mine.pages} - {k}
        if others:
            c["merged"] += 1
            c["merged_review"] += mine.doubt is not None
        else:
            c["exact"] += 1
            c["needless_review"] += mine.doubt is not None
    for doc in predicted:
        first = doc.pages[0].number
        k = owner.get(first)
        if k is not None and truth["documents"][k]["pages"][0] != first:
            counts.setdefault(_group(truth["documents"][k]), Counter())["fragments"] += 1
    return counts


def _group(doc: dict) -> str:
    if doc["subtipo"] == "escrito_libre":
        return "carta de varias hojas" if doc["page_count"] > 1 else "carta de una hoja"
    return "volante" if doc["subtipo"] == "volante" else "otro"


COLUMNS = ("documents", "exact", "split", "merged", "merged_review", "fragments",
           "needless_review")
HEADERS = ("documentos", "exactos", "divididos", "fusionados", "fusionados en revisión",
           "fragmentos sueltos", "revisión innecesaria")


def table(totals: dict[str, Counter]) -> str:
    rows = ["| grupo | " + " | ".join(HEADERS) + " |", "|---" * (len(HEADERS) + 1) + "|"]
    overall: Counter = Counter()
    for group in sorted(totals):
        overall.update(totals[group])
        rows.append(_row(group, totals[group]))
    rows.append(_row("**todos**", overall))
    return "\n".join(rows)


def _row(name: str, c: Counter) -> str:
    n = c["documents"] or 1
    cells = [str(c["documents"]), f"{c['exact']} ({c['exact'] / n:.1%})"]
    cells += [str(c[k]) for k in COLUMNS[2:]]
    return f"| {name} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--first", type=int, default=0, help="index of the first file")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--cache", default="/tmp/buzon-eval-grouping")
    parser.add_argument("--baseline", help="grouping module file whose group_pages is scored")
    parser.add_argument("--verbose", action="store_true", help="show each wrong file's evidence")
    parser.add_argument("--json", help="write the counts here")
    args = parser.parse_args(argv)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    grouper: Grouper = load_baseline(args.baseline) if args.baseline else group_documents
    start = time.perf_counter()
    indices = range(args.first, args.first + args.files)
    if args.workers > 1:
        with ProcessPoolExecutor(args.workers) as pool:
            files = list(pool.map(_analyze_file, [args.split] * len(indices), indices,
                                  [cache] * len(indices)))
    else:
        files = [_analyze_file(args.split, i, cache) for i in indices]
    totals: dict[str, Counter] = {}
    by_file: Counter = Counter()
    for name, truth, analyses in files:
        predicted = grouper(analyses)
        counts = score_file(truth, predicted)
        wrong = any(c["exact"] < c["documents"] or c["fragments"] for c in counts.values())
        by_file[truth["kind"], "right" if not wrong else "wrong"] += 1
        for group, c in counts.items():
            totals.setdefault(group, Counter()).update(c)
        if args.verbose and (wrong or any(d.doubt for d in predicted)):
            print(f"\n{name} verdad={[d['pages'] for d in truth['documents']]} "
                  f"blancas={truth['blank_pages']}")
            for d in predicted:
                flag = " DUDOSA" if d.doubt else ""
                print(f"  pred {[p.number for p in d.pages]}{flag}")
                for line in d.evidence:
                    print(f"     {line}")
    elapsed = time.perf_counter() - start
    print(f"# Agrupación de páginas — {args.split}, {args.files} archivos desde el {args.first} "
          f"({'base: ' + args.baseline if args.baseline else 'reading.grouping'})\n")
    print(table(totals))
    for kind in ("letter_file", "batch_file"):
        right, wrong = by_file[kind, "right"], by_file[kind, "wrong"]
        print(f"\n{kind}: {right} de {right + wrong} archivos agrupados sin error")
    print(f"\n({elapsed:.0f} s)", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({g: dict(c) for g, c in totals.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
