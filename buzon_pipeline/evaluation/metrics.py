"""Metrics comparing pipeline results with synthetic ground truth.

Pure functions over plain dicts so they can be unit-tested on hand-made predictions:
`truth` is a generator truth dict, `pred` a `--json` record of the document (or None when the
pipeline produced no document for those pages).

Handwriting is scored apart by who wrote it (issue 12, writer-disjoint evaluation): the truth's
``mano`` names the family and its split. "visto" = a family used for training (the train
split, the old five fonts included), "no_visto" = a test family no training or tuning step
saw, "dev" = a family used to choose models and thresholds; typed documents apart. Pairs whose
truth has ``control_vistos`` are the same seeds written again in training hands: they feed
only the by-hand figures, never the overall ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from buzon_pipeline.core.model import Outcome
from buzon_pipeline.core.rules import strip_accents
from buzon_pipeline.core.vocab import CONTACT_DATA, TIPOS

FIELDS = CONTACT_DATA
# The batch's outcomes (a batch closes nothing por desinterés) and "none" for a missed document.
OUTCOMES = (*(str(o) for o in Outcome if o is not Outcome.CERRADO_DESINTERES), "ninguno")


@dataclass(frozen=True)
class Pair:
    truth: dict
    pred: dict | None
    seconds: float = 0.0
    pages: int = 1


def canonical(name: str, value: str | None) -> str | None:
    """Exact-value comparison, except that names ignore case, accents and spacing."""
    if value is None:
        return None
    if name == "nombre":
        return " ".join(strip_accents(value).upper().split())
    return value.strip().lower() if name == "correo" else value.strip()


def outcome_of(pair: Pair) -> str:
    return pair.pred["outcome"] if pair.pred else "ninguno"


def pred_value(pair: Pair, name: str) -> str | None:
    if not pair.pred:
        return None
    return canonical(name, pair.pred["fields"].get(name, {}).get("value"))


@dataclass
class PR:
    tp: int = 0
    predicted: int = 0
    actual: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.actual if self.actual else None

    def as_dict(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "tp": self.tp,
            "predicted": self.predicted,
            "actual": self.actual,
        }


def field_pr(pairs: list[Pair], name: str) -> PR:
    pr = PR()
    for pair in pairs:
        expected = canonical(name, pair.truth["fields"].get(name))
        got = pred_value(pair, name)
        if got is not None:
            pr.predicted += 1
            pr.tp += int(got == expected)
        pr.actual += int(expected is not None)
    return pr


def f1_scores(pairs: list[Pair]) -> dict[str, float]:
    """Per-type F1 over documents that truly are petitions (a missing type counts as wrong)."""
    scores = {}
    petitions = [p for p in pairs if p.truth.get("es_peticion")]
    for tipo in TIPOS:
        tp = sum(
            1 for p in petitions if p.truth["tipo"] == tipo and (p.pred or {}).get("tipo") == tipo
        )
        predicted = sum(1 for p in petitions if (p.pred or {}).get("tipo") == tipo)
        actual = sum(1 for p in petitions if p.truth["tipo"] == tipo)
        if actual == 0 and predicted == 0:
            continue
        scores[tipo] = 2 * tp / (predicted + actual) if predicted + actual else 0.0
    return scores


@dataclass
class Report:
    n: int
    routing_accuracy: float
    confusion: dict[str, dict[str, int]]
    false_discards: int
    fields_all: dict[str, dict]
    fields_no_review: dict[str, dict]
    nss_by_font: dict[str, dict]
    tipo_f1: dict[str, float]
    tipo_macro_f1: float | None
    petition: dict
    straight_through: float
    straight_through_field_precision: float | None
    seconds_per_page: float
    notes: list[str] = field(default_factory=list)
    # Writer-disjoint figures: group (HAND_GROUPS) -> n, routing, straight-through, fields.
    by_hand: dict[str, dict] = field(default_factory=dict)
    hands: str = ""  # the harness's --manuscritos mode (HANDS_LABELS)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


# Groups of the by-hand figures, in report order, with their Spanish labels.
HAND_GROUPS = {
    "no_visto": "manuscrito no visto (familias de prueba)",
    "visto": "manuscrito visto (familias de entrenamiento)",
    "dev": "manuscrito de ajuste (familias dev)",
    "manuscrito": "manuscrito (sin registro de familia)",
    "mecanografiado": "mecanografiado",
}
HANDS_LABELS = {
    "ambos": "familias de la partición, y las mismas semillas manuscritas otra vez con "
    "familias de entrenamiento como control (visto)",
    "particion": "familias de la partición",
    "anterior": "modo anterior: las cinco fuentes Debian de siempre en todas las particiones "
    "(también usadas en entrenamiento; mide memoria de esas fuentes, no generalización)",
}


def hand_group(truth: dict) -> str | None:
    """Who wrote the document: a HAND_GROUPS key, or None for a page with no writing."""
    kind = truth.get("font_kind")
    if kind is None:
        return None
    if kind == "typed":
        return "mecanografiado"
    split = (truth.get("mano") or {}).get("particion")
    return {"train": "visto", "test": "no_visto", "dev": "dev"}.get(split or "", "manuscrito")


def _is_control(pair: Pair) -> bool:
    return bool(pair.truth.get("control_vistos"))


def _group_figures(pairs: list[Pair]) -> dict:
    reviewed = {"revision", "error", "ninguno"}
    no_review = [p for p in pairs if outcome_of(p) not in reviewed]
    straight = [field_pr(no_review, name) for name in FIELDS]
    tp, predicted = sum(x.tp for x in straight), sum(x.predicted for x in straight)
    n = len(pairs)
    return {
        "n": n,
        "routing_accuracy": sum(outcome_of(p) == p.truth["outcome"] for p in pairs) / n,
        "false_discards": sum(
            1 for p in pairs if p.truth.get("es_peticion") and outcome_of(p) == "descartado"
        ),
        "straight_through": len(no_review) / n,
        "straight_through_field_precision": tp / predicted if predicted else None,
        "fields": {name: field_pr(pairs, name).as_dict() for name in FIELDS},
        "families": sorted(
            {str((p.truth.get("mano") or {}).get("familia")) for p in pairs}
            - {"None"}
        ),
    }


def by_hand(pairs: list[Pair]) -> dict[str, dict]:
    groups: dict[str, list[Pair]] = {}
    for pair in pairs:
        group = hand_group(pair.truth)
        if group is not None:
            groups.setdefault(group, []).append(pair)
    return {g: _group_figures(groups[g]) for g in HAND_GROUPS if g in groups}


def evaluate(pairs: list[Pair], hands: str = "") -> Report:
    everything = pairs
    pairs = [p for p in pairs if not _is_control(p)]
    n = len(pairs)
    confusion: dict[str, Counter] = {}
    for pair in pairs:
        confusion.setdefault(pair.truth["outcome"], Counter())[outcome_of(pair)] += 1
    correct = sum(1 for p in pairs if outcome_of(p) == p.truth["outcome"])
    false_discards = sum(
        1 for p in pairs if p.truth.get("es_peticion") and outcome_of(p) == "descartado"
    )
    reviewed = {"revision", "error", "ninguno"}
    no_review = [p for p in pairs if outcome_of(p) not in reviewed]
    pet = PR()
    for pair in pairs:
        predicted = outcome_of(pair) not in {"descartado", "ninguno", "error"}
        pet.predicted += int(predicted)
        pet.actual += int(bool(pair.truth.get("es_peticion")))
        pet.tp += int(predicted and bool(pair.truth.get("es_peticion")))
    f1 = f1_scores(pairs)
    straight_pr = [field_pr(no_review, name) for name in FIELDS]
    tp, predicted = sum(x.tp for x in straight_pr), sum(x.predicted for x in straight_pr)
    pages = sum(p.pages for p in pairs) or 1
    return Report(
        n=n,
        routing_accuracy=correct / n if n else 0.0,
        confusion={k: dict(v) for k, v in sorted(confusion.items())},
        false_discards=false_discards,
        fields_all={name: field_pr(pairs, name).as_dict() for name in FIELDS},
        fields_no_review={name: field_pr(no_review, name).as_dict() for name in FIELDS},
        nss_by_font={
            kind: field_pr([p for p in pairs if p.truth.get("font_kind") == kind], "nss").as_dict()
            for kind in ("typed", "handwriting")
        },
        tipo_f1=f1,
        tipo_macro_f1=sum(f1.values()) / len(f1) if f1 else None,
        petition=pet.as_dict(),
        straight_through=len(no_review) / n if n else 0.0,
        straight_through_field_precision=tp / predicted if predicted else None,
        seconds_per_page=sum(p.seconds for p in pairs) / pages,
        by_hand=by_hand(everything),
        hands=hands,
    )


TARGETS = [
    ("routing_accuracy", "Exactitud de ruteo ≥ 95 %", lambda r: r.routing_accuracy >= 0.95),
    ("false_discards", "Descartes falsos = 0", lambda r: r.false_discards == 0),
    (
        "nss_precision",
        "NSS precisión ≥ 99 %",
        lambda r: (r.fields_all["nss"]["precision"] or 0) >= 0.99,
    ),
    (
        "nss_recall_typed",
        "NSS recall mecanografiado ≥ 95 %",
        lambda r: (r.nss_by_font["typed"]["recall"] or 0) >= 0.95,
    ),
    (
        "nss_recall_hand",
        "NSS recall manuscrito ≥ 80 %",
        lambda r: (r.nss_by_font["handwriting"]["recall"] or 0) >= 0.80,
    ),
    (
        "telefono_precision",
        "Teléfono precisión ≥ 98 %",
        lambda r: (r.fields_all["telefono"]["precision"] or 0) >= 0.98,
    ),
    (
        "correo_precision",
        "Correo precisión ≥ 98 %",
        lambda r: (r.fields_all["correo"]["precision"] or 0) >= 0.98,
    ),
    ("straight_through", "Sin revisión ≥ 70 %", lambda r: r.straight_through >= 0.70),
    (
        "straight_precision",
        "Precisión de campos sin revisión ≥ 99 %",
        lambda r: (r.straight_through_field_precision or 0) >= 0.99,
    ),
]


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def markdown(report: Report, title: str) -> str:
    lines = [
        f"## {title}",
        "",
        f"Documentos: {report.n} · tiempo por página: {report.seconds_per_page:.2f} s",
        "",
        *([f"Manuscritos: {HANDS_LABELS.get(report.hands, report.hands)}.", ""]
          if report.hands else []),
        "| métrica | valor |",
        "|---|---|",
        f"| exactitud de ruteo | {_pct(report.routing_accuracy)} |",
        f"| descartes falsos | {report.false_discards} |",
        f"| sin revisión (straight-through) | {_pct(report.straight_through)} |",
        f"| precisión de campos sin revisión | {_pct(report.straight_through_field_precision)} |",
        f"| es petición: precisión / recall | {_pct(report.petition['precision'])} / "
        f"{_pct(report.petition['recall'])} |",
        f"| tipo: macro-F1 | {_pct(report.tipo_macro_f1)} |",
        "",
        "| campo | precisión | recall | precisión sin revisión | recall sin revisión |",
        "|---|---|---|---|---|",
    ]
    for name in FIELDS:
        a, b = report.fields_all[name], report.fields_no_review[name]
        lines.append(
            f"| {name} | {_pct(a['precision'])} | {_pct(a['recall'])} | "
            f"{_pct(b['precision'])} | {_pct(b['recall'])} |"
        )
    for kind, label in (("typed", "mecanografiado"), ("handwriting", "manuscrito")):
        pr = report.nss_by_font[kind]
        lines.append(f"| nss {label} | {_pct(pr['precision'])} | {_pct(pr['recall'])} | | |")
    lines += _hand_section(report)
    lines += ["", "| tipo | F1 |", "|---|---|"]
    lines += [f"| {t} | {_pct(v)} |" for t, v in report.tipo_f1.items()]
    outcomes = [
        o
        for o in OUTCOMES
        if any(o in row for row in report.confusion.values()) or o in report.confusion
    ]
    lines += [
        "",
        "Matriz de confusión (filas: esperado, columnas: obtenido)",
        "",
        "| esperado \\ obtenido | " + " | ".join(outcomes) + " |",
        "|---" * (len(outcomes) + 1) + "|",
    ]
    for expected, row in report.confusion.items():
        lines.append(f"| {expected} | " + " | ".join(str(row.get(o, 0)) for o in outcomes) + " |")
    lines += ["", "| objetivo | ¿cumple? |", "|---|---|"]
    lines += [f"| {label} | {'sí' if check(report) else 'NO'} |" for _, label, check in TARGETS]
    lines += _closing_note(report)
    return "\n".join(lines) + "\n"


def _pr(stats: dict) -> str:
    return f"{_pct(stats['precision'])} / {_pct(stats['recall'])} ({stats['actual']})"


def _hand_section(report: Report) -> list[str]:
    """Field precision / recall by who wrote the document (seen, unseen, typed)."""
    groups = [g for g in HAND_GROUPS if g in report.by_hand]
    if not groups:
        return []
    lines = [
        "",
        "### Por tipo de letra (precisión / recall (campos escritos))",
        "",
        "| | " + " | ".join(HAND_GROUPS[g] for g in groups) + " |",
        "|---" * (len(groups) + 1) + "|",
        "| documentos | " + " | ".join(str(report.by_hand[g]["n"]) for g in groups) + " |",
        "| familias | "
        + " | ".join(str(len(report.by_hand[g]["families"])) for g in groups)
        + " |",
    ]
    for name in FIELDS:
        cells = [_pr(report.by_hand[g]["fields"][name]) for g in groups]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for key, label in (
        ("routing_accuracy", "exactitud de ruteo"),
        ("straight_through", "sin revisión"),
        ("straight_through_field_precision", "precisión de campos sin revisión"),
    ):
        lines.append(f"| {label} | " + " | ".join(_pct(report.by_hand[g][key]) for g in groups)
                     + " |")
    lines.append(
        "| descartes falsos | "
        + " | ".join(str(report.by_hand[g]["false_discards"]) for g in groups)
        + " |"
    )
    if "visto" in report.by_hand and report.hands == "ambos":
        lines += ["", "La columna «visto» son las mismas semillas manuscritas escritas otra vez "
                  "con familias de entrenamiento (control); no entra en las cifras generales."]
    return lines


def _closing_note(report: Report) -> list[str]:
    """Quote the unseen-handwriting figures (issue 12): they are what real hands will get."""
    unseen = report.by_hand.get("no_visto")
    if report.hands == "anterior":
        return ["", "Nota: evaluación en modo anterior; la letra manuscrita viene de las "
                "fuentes de entrenamiento, así que estas cifras no miden la lectura de letra "
                "nueva."]
    if not unseen:
        return []
    parts = [f"{name} {_pr(unseen['fields'][name])}" for name in FIELDS]
    note = ["", "Nota: en letra no vista (" + ", ".join(unseen["families"]) + "), precisión / "
            "recall: " + "; ".join(parts) + f"; sin revisión {_pct(unseen['straight_through'])}."]
    seen = report.by_hand.get("visto")
    if seen:
        parts = [f"{name} {_pr(seen['fields'][name])}" for name in FIELDS]
        note.append(f"En letra vista: {'; '.join(parts)}; sin revisión "
                    f"{_pct(seen['straight_through'])}.")
    return note
