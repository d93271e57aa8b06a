"""Train the petition classifier and write it to ``models/clasificador/``.

    python -m buzon_pipeline.training.train_classifier

Reproducible: fixed seed from ``classifier.cfg``, deterministic shuffles, single process.
The pipeline (see the config) has three independent text classifiers; this custom loop feeds
each one only the examples that carry its labels (tipo and servicio see petitions only), keeps
for each component the epoch with the best dev score, and then chooses the routing thresholds
on the dev split (``umbrales.json``). The test split is never read here.

Training also reads the register renderings of the train cores (``registro_train.jsonl``, from
``training/register.py``: no accents, colloquial, very short or long, several requests in one,
regional words) for tipo and servicio, and dev includes those of the dev cores
(``registro_dev.jsonl``), so epochs and thresholds are chosen on both registers.
``--sin-registro`` trains as before, for comparison.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, load_config, load_model_from_config, minibatch

from buzon_pipeline.core.vocab import SERVICIOS, TIPOS
from buzon_pipeline.deciding.textclass import (
    LABEL_CASO,
    LABEL_PETICION,
    THRESHOLDS_FILE,
    TextScores,
    default_model_dir,
    fit_idf,
    normalize_text,
    register_architecture,
    scores_from_cats,
)
from buzon_pipeline.training import classifier_metrics
from buzon_pipeline.training.classifier_metrics import Example

CONFIG_PATH = Path(__file__).resolve().parent / "classifier.cfg"
BINARY, TIPO, SERVICIO = "binario", "tipo", "servicio"
# Casos especiales are ~8 % of the texts and missing one is costly: show each one more often.
CASO_OVERSAMPLING = 3
# Files written by other training scripts into the same directory (the dedicated caso
# especial model, `train_special.py`; the non-petition kinds, `train_nonpetition.py`): kept
# when this script rewrites the spaCy model.
KEEP_FILES = ("casos_especiales.npz", "casos_especiales.json", "no_peticion.npz")


def cats_for(component: str, example: Example) -> dict[str, float] | None:
    """Gold cats for one component, or None when the example does not train it."""
    if component == BINARY:
        return {
            LABEL_PETICION: float(example.es_peticion),
            LABEL_CASO: float(example.caso_especial),
        }
    if not example.es_peticion:
        return None
    labels, gold = (TIPOS, example.tipo) if component == TIPO else (SERVICIOS, example.servicio)
    return {label: float(label == gold) for label in labels}


def spacy_examples(nlp: Language, data: Sequence[Example], component: str) -> list[SpacyExample]:
    out = []
    for example in data:
        cats = cats_for(component, example)
        if cats is not None:
            doc = nlp.make_doc(normalize_text(example.text))
            copies = CASO_OVERSAMPLING if component == BINARY and example.caso_especial else 1
            out.extend(SpacyExample.from_dict(doc, {"cats": cats}) for _ in range(copies))
    return out


def component_labels(component: str) -> Sequence[str]:
    return {BINARY: (LABEL_PETICION, LABEL_CASO), TIPO: TIPOS, SERVICIO: SERVICIOS}[component]


def predict(nlp: Language, texts: Sequence[str]) -> list[TextScores]:
    docs = nlp.pipe((normalize_text(text) for text in texts), batch_size=64)
    return [scores_from_cats(doc.cats) for doc in docs]


def component_score(component: str, dev: Sequence[Example], scores: Sequence[TextScores]) -> float:
    """Dev score used to keep each component's best epoch."""
    metrics = classifier_metrics.compute_metrics(dev, scores, thresholds=None)
    if component == BINARY:
        # Both thresholds are chosen later, so rank quality matters more than a 0.5 cut.
        pet_ap = classifier_metrics.average_precision(
            [e.es_peticion for e in dev], [s.es_peticion for s in scores]
        )
        caso_ap = classifier_metrics.average_precision(
            [e.caso_especial for e in dev], [s.caso_especial for s in scores]
        )
        return (pet_ap + caso_ap) / 2
    if component == TIPO:
        return metrics["tipo_macro_f1"]
    return metrics["servicio_accuracy"]


def train(
    nlp: Language,
    train_data: Sequence[Example],
    dev_data: Sequence[Example],
    seed: int,
    log: Callable[[str], None] = print,
    register_data: Sequence[Example] = (),
) -> dict[str, float]:
    """``register_data`` (petitions in other registers) trains tipo and servicio only: it has no
    non-petitions, and fed to the binary component it taught "petition" for any short or
    colloquial text (dev: non-petitions discarded without review 0.48 -> 0.31)."""
    training = nlp.config["training"]
    components = list(nlp.pipe_names)
    examples = {
        name: spacy_examples(
            nlp, list(train_data) + ([] if name == BINARY else list(register_data)), name
        )
        for name in components
    }
    for name in components:
        pipe = nlp.get_pipe(name)
        pipe.initialize(lambda name=name: examples[name], nlp=nlp, labels=component_labels(name))
        fit_idf(pipe.model, [example.reference for example in examples[name]])
    optimizer = nlp.create_optimizer()
    batch_size = int(training["batcher"]["size"])
    rng = random.Random(seed)
    best: dict[str, tuple[float, bytes]] = {}
    for epoch in range(1, int(training["max_epochs"]) + 1):
        losses: dict[str, float] = {}
        for name in components:
            batch_examples = list(examples[name])
            rng.shuffle(batch_examples)
            others = [other for other in components if other != name]
            for batch in minibatch(batch_examples, size=batch_size):
                nlp.update(
                    batch,
                    drop=float(training["dropout"]),
                    sgd=optimizer,
                    losses=losses,
                    exclude=others,
                )
        dev_scores = predict(nlp, [e.text for e in dev_data])
        summary = []
        for name in components:
            score = component_score(name, dev_data, dev_scores)
            summary.append(f"{name}={score:.3f}")
            if name not in best or score > best[name][0]:
                best[name] = (score, nlp.get_pipe(name).to_bytes())
        loss_text = " ".join(f"{k}:{v:.2f}" for k, v in losses.items())
        log(f"época {epoch:2d}  pérdida {loss_text}  dev {' '.join(summary)}")
    for name, (_, weights) in best.items():
        nlp.get_pipe(name).from_bytes(weights)
    return {name: score for name, (score, _) in best.items()}


def save(nlp: Language, out_dir: Path, umbrales: dict) -> None:
    kept = {n: (out_dir / n).read_bytes() for n in KEEP_FILES if (out_dir / n).is_file()}
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    for name, data in kept.items():
        (out_dir / name).write_bytes(data)
    text = json.dumps(umbrales, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (out_dir / THRESHOLDS_FILE).write_text(text, encoding="utf-8")


def thresholds_document(
    dev: Sequence[Example], dev_scores: Sequence[TextScores], seed: int, n_base: int | None = None
) -> dict:
    """Thresholds from dev scores. ``n_base``: how many of ``dev`` are the generator's own dev
    texts (the rest, registro_dev). The discard and caso cuts use all of dev: a petition in
    any register must stay above the discard cut. tipo_min uses the base dev only: it trades
    review for wrong tipos on the texts the batch is measured on, and the register texts would
    raise it (0.45 -> 0.49) and send right tipos of ordinary volantes to review."""
    thresholds = classifier_metrics.choose_thresholds(dev, dev_scores)
    if n_base is not None and n_base < len(dev):
        base = classifier_metrics.choose_thresholds(dev[:n_base], dev_scores[:n_base])
        thresholds = replace(thresholds, tipo_min=base.tipo_min)
    dev_metrics = classifier_metrics.compute_metrics(dev, dev_scores, thresholds)
    return {
        "es_peticion_descartar": thresholds.es_peticion_descartar,
        "tipo_min": thresholds.tipo_min,
        "caso_especial": thresholds.caso_especial,
        "criterios": {
            "es_peticion_descartar": (
                f"{classifier_metrics.DISCARD_MARGIN} x la P(petición) más baja de una "
                "petición de dev: "
                "por debajo se descarta sin revisión; entre este valor y 0.5, revisión humana"
            ),
            "tipo_min": (
                "probabilidad mínima del tipo más probable con la que los tipos aceptados en dev "
                f"(sin registro_dev) tienen exactitud >= {classifier_metrics.TIPO_TARGET_ACCURACY}"
            ),
            "caso_especial": (
                f"{classifier_metrics.CASO_MARGIN} x el corte más alto que conserva recall "
                "de dev >= "
                f"{classifier_metrics.CASO_RECALL} (tope {classifier_metrics.CASO_MAX})"
            ),
        },
        "dev": {k: v for k, v in dev_metrics.items() if k != "tipo_confusion"},
        "seed": seed,
        "spacy_version": spacy.__version__,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Entrena el clasificador de peticiones (spaCy).")
    parser.add_argument("--corpus", type=Path, default=classifier_metrics.CORPUS_DIR)
    parser.add_argument("--out", type=Path, default=default_model_dir())
    parser.add_argument("--config", type=Path, default=CONFIG_PATH)
    parser.add_argument(
        "--sin-registro",
        action="store_true",
        help="no usar los textos en otros registros (registro_train/registro_dev.jsonl)",
    )
    args = parser.parse_args(argv)

    started = time.monotonic()
    config = load_config(args.config)
    seed = int(config["system"]["seed"])
    fix_random_seed(seed)
    register_architecture()
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    nlp.meta.update(
        name="clasificador_buzon",
        version="1.0.0",
        description="Clasificador de peticiones de buzón IMSS (es_peticion, tipo, servicio, "
        "caso_especial); entrenado desde spacy.blank('es').",
    )
    train_data = classifier_metrics.load_split("train", args.corpus)
    dev_data = classifier_metrics.load_split("dev", args.corpus)
    n_base = len(dev_data)
    register_data: list[Example] = []
    if not args.sin_registro:
        register_data = classifier_metrics.load_split("registro_train", args.corpus)
        dev_data += classifier_metrics.load_split("registro_dev", args.corpus)
    print(
        f"entrenamiento: {len(train_data)} textos + {len(register_data)} en otros registros, "
        f"dev: {len(dev_data)} textos"
    )
    best = train(nlp, train_data, dev_data, seed, register_data=register_data)
    dev_scores = predict(nlp, [e.text for e in dev_data])
    umbrales = thresholds_document(dev_data, dev_scores, seed, n_base)
    save(nlp, args.out, umbrales)
    print("mejor dev por componente: " + ", ".join(f"{k}={v:.3f}" for k, v in best.items()))
    chosen = ("es_peticion_descartar", "tipo_min", "caso_especial")
    print("umbrales (dev): " + ", ".join(f"{k}={umbrales[k]}" for k in chosen))
    print(f"modelo guardado en {args.out} ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
