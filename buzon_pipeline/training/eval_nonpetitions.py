"""How many pages that are no petition the batch discards on its own (issue 13, item 6).

    python -m buzon_pipeline.training.eval_nonpetitions --split dev --n 33 [--workers 1]

Pages come from ``synth.nonpetitions`` (its kinds in turn: the six of ``synth.other`` and
notices, shopping lists, commercial flyers, tickets, forms of other institutions), each
written as its own TIFF and run through the real batch against a throw-away registry. Counts
per kind: discarded (what the procedure wants, act. 42), sent to review, anything else (a
wrong outcome), with the review reasons seen.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import replace

from buzon_pipeline.config import Settings
from buzon_pipeline.evaluation.harness import run_documents
from buzon_pipeline.synth.nonpetitions import KINDS, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--n", type=int, default=2 * len(KINDS))
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    docs = {f"otro-{index:03d}": generate(args.split, index) for index in range(args.n)}
    pairs = run_documents(docs, replace(Settings(), workers=args.workers))
    counts: dict[str, Counter] = defaultdict(Counter)
    reasons: Counter = Counter()
    for pair in pairs:
        kind = pair.truth["subtipo"]
        outcome = pair.pred["outcome"] if pair.pred else "sin registro"
        counts[kind][outcome if outcome in ("descartado", "revision") else "otro"] += 1
        if outcome == "revision":
            reasons.update(r.split(":")[0].split("(")[0].strip() for r in pair.pred["reasons"])
    print(f"# No peticiones — {args.split}, {args.n} páginas\n")
    print("| tipo de página | páginas | descartadas | a revisión | otro destino |")
    print("|---|---|---|---|---|")
    total: Counter = Counter()
    for kind in KINDS:
        c = counts.get(kind, Counter())
        total.update(c)
        print(f"| {kind} | {sum(c.values())} | {c['descartado']} | {c['revision']} | {c['otro']} |")
    n = sum(total.values()) or 1
    print(f"| **todas** | {sum(total.values())} | {total['descartado']} "
          f"({total['descartado'] / n:.0%}) | {total['revision']} | {total['otro']} |")
    print("\nMotivos de revisión (inicio):")
    for reason, k in reasons.most_common(8):
        print(f"- {k} × {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
