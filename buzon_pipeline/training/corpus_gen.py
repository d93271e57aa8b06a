"""Build ``corpus/clasificador/{train,dev,test}.jsonl`` from the hand-written fragments.

``python -m buzon_pipeline.training.corpus_gen`` is deterministic (fixed seed).

The meaning of every petition comes from a hand-written core sentence; this module only wraps
it the way it reaches the classifier (a volante's description area, a whole volante, a letter
with greeting and signature block, a scribbled note) and damages it like handwriting and OCR
do. Train and dev come from ``fragments_train`` split by core sentence (so dev
measures unseen sentences, which is what the thresholds need); test comes only from
``fragments_test``, written separately.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import textwrap
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType

from buzon_pipeline.training import fragments_test, fragments_train

SEED = 20240611
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "corpus" / "clasificador"

SERVICIO_ABBR = {
    "ce": "consulta_externa",
    "urg": "urgencias",
    "hosp": "hospitalizacion",
    "far": "farmacia",
    "lab": "laboratorio_rayos_x",
    "afi": "afiliacion_vigencia",
    "inc": "incapacidades_prestaciones",
    "pen": "pensiones",
    "gua": "guarderias",
    "cit": "citas",
    "tra": "trato_personal_otro",
}
TIPO_BLOCKS = {
    "orientacion": "ORIENTACION",
    "gestion": "GESTION",
    "queja_servicio": "QUEJA_SERVICIO",
    "queja_administrativa": "QUEJA_ADMINISTRATIVA",
    "sugerencia": "SUGERENCIA",
    "reconocimiento": "RECONOCIMIENTO",
}
QUEJAS = ("queja_servicio", "queja_administrativa")

# Renders per core sentence / per non-petition document, by split.
RENDERS = {"train": (4, 6), "dev": (3, 5), "test": (2, 5)}
DEV_FRACTION = 0.2


@dataclass(frozen=True)
class Core:
    text: str
    tipo: str
    servicio: str
    caso: bool


@dataclass(frozen=True)
class Record:
    text: str
    es_peticion: bool
    tipo: str | None
    servicio: str | None
    caso_especial: bool


def parse_cores(pool: ModuleType) -> list[Core]:
    cores = []
    for tipo, block in TIPO_BLOCKS.items():
        for line in getattr(pool, block).strip().splitlines():
            head, text = (part.strip() for part in line.split("|", 1))
            caso = head.endswith("*")
            cores.append(Core(text, tipo, SERVICIO_ABBR[head.rstrip("*")], caso))
    return cores


def parse_negatives(pool: ModuleType) -> list[str]:
    return [doc.strip() for doc in pool.NO_PETICIONES.split("\n---\n") if doc.strip()]


# --- damage: handwriting spelling and OCR confusions ------------------------------------------

# Spellings seen in handwritten volantes (whole-word replacements).
_MISSPELLINGS = {
    "que": ["ke", "q"],
    "porque": ["xq", "porke", "por que"],
    "hace": ["ase"],
    "hay": ["ay", "ahi"],
    "ha": ["a"],
    "ya": ["lla"],
    "haber": ["aber", "a ver"],
    "muy": ["mui"],
    "vez": ["bes", "ves"],
    "hasta": ["asta"],
    "hacer": ["aser"],
    "estaba": ["estava"],
    "había": ["abia", "havia"],
    "hospital": ["ospital"],
    "también": ["tanbien"],
    "solo": ["nomas"],
    "nada": ["nadota"],
    "favor": ["fabor"],
    "servicio": ["serbicio"],
    "necesito": ["nesesito", "nececito"],
    "hice": ["ise"],
    "medicina": ["medisina"],
    "atención": ["atencion", "atension"],
    "clínica": ["clinica"],
    "vigencia": ["bigencia"],
    "llevo": ["yevo"],
    "llegué": ["llege", "yegue"],
    "hoy": ["oi"],
    "ahora": ["aora"],
    "ayer": ["alller"],
    "cita": ["sita"],
    "espera": ["espra"],
}
_OCR_CONFUSIONS = {
    "o": "0",
    "O": "0",
    "l": "1I|",
    "i": "l1",
    "I": "l1",
    "e": "c",
    "c": "e",
    "a": "o",
    "m": ["rn"],
    "u": "v",
    "h": "b",
    "s": "5",
    "S": "5",
    "B": "8",
    "g": "q9",
    "d": ["cl"],
    "t": "f",
    "n": ["ri"],
    "r": "n",
}
_NOISE_RATES = {0: 0.0, 1: 0.01, 2: 0.03, 3: 0.06}
_ACCENTS = str.maketrans("áéíóúÁÉÍÓÚ", "aeiouAEIOU")


def misspell(text: str, rng: random.Random, rate: float) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        options = _MISSPELLINGS.get(word.lower())
        if options and rng.random() < rate:
            return rng.choice(options)
        if len(word) > 4 and rng.random() < rate / 3:
            return _letter_swap(word, rng)
        return word

    return re.sub(r"\w+", swap, text)


def _letter_swap(word: str, rng: random.Random) -> str:
    pairs = [("v", "b"), ("b", "v"), ("s", "z"), ("c", "s"), ("ll", "y"), ("y", "ll"), ("x", "j")]
    rng.shuffle(pairs)
    for old, new in pairs:
        if old in word:
            return word.replace(old, new, 1)
    return word


def ocr_damage(text: str, rng: random.Random, rate: float) -> str:
    if rate <= 0:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if text.startswith("rn", i) and rng.random() < rate * 4:
            out.append("m")
            i += 2
            continue
        roll = rng.random()
        if roll < rate and ch in _OCR_CONFUSIONS:
            out.append(rng.choice(list(_OCR_CONFUSIONS[ch])))
        elif roll < rate * 1.3 and ch == " ":
            pass  # words merged
        elif roll < rate * 1.5 and ch.isalpha():
            out.append(ch + " ")  # word split
        elif roll < rate * 1.7 and ch.isalpha():
            pass  # character lost
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def wrap(text: str, rng: random.Random, width: int, hyphenate: bool) -> str:
    lines = []
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(paragraph, width=width, break_long_words=False) or [""]
        if hyphenate:
            wrapped = [_hyphen_break(line, rng) for line in wrapped]
        lines.extend(wrapped)
    return "\n".join(lines)


def _hyphen_break(line: str, rng: random.Random) -> str:
    words = line.split(" ")
    last = words[-1]
    if len(last) >= 7 and last.isalpha() and rng.random() < 0.5:
        cut = rng.randint(3, len(last) - 3)
        words[-1] = f"{last[:cut]}-\n{last[cut:]}"
    return " ".join(words)


def damage(text: str, rng: random.Random, handwritten: bool) -> str:
    level = rng.choices([0, 1, 2, 3], weights=[30, 35, 25, 10])[0]
    if handwritten or rng.random() < 0.4:
        text = text.translate(_ACCENTS)
    if handwritten:
        text = misspell(text, rng, rate=0.15 + 0.1 * level)
        if rng.random() < 0.3:
            text = re.sub(r"[¿¡,.;:]", "", text)
    case_roll = rng.random()
    if case_roll < 0.15:
        text = text.upper()
    elif case_roll < 0.3:
        text = text.lower()
    return ocr_damage(text, rng, _NOISE_RATES[level])


# --- rendering ----------------------------------------------------------------------------------


class Renderer:
    """Wraps fragments of one pool into texts; all randomness comes from ``rng``."""

    def __init__(self, pool: ModuleType, rng: random.Random) -> None:
        self.pool = pool
        self.rng = rng

    def fill(self, text: str) -> str:
        rng = self.rng
        slots = {
            "umf": lambda: str(rng.choice([1, 2, 7, 15, 20, 28, 33, 46, 52, 64, 77, 93])),
            "nombre": lambda: rng.choice(self.pool.NOMBRES),
            "medico": lambda: rng.choice(self.pool.MEDICOS),
            "nss": lambda: "".join(str(rng.randint(0, 9)) for _ in range(11)),
            "telefono": self.phone,
            "fecha": lambda: (
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/20{rng.randint(19, 25)}"
            ),
            "hora": lambda: (
                f"{rng.randint(7, 19):02d}:{rng.choice(['00', '15', '20', '30', '45'])}"
            ),
            "precio": lambda: f"{rng.randint(12, 950)}.{rng.choice(['00', '50', '90'])}",
            "folio": lambda: f"{rng.choice('ABCFGHKM')}{rng.randint(100000, 999999)}",
            "num": lambda: str(rng.randint(1, 120)),
        }
        return re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)](), text)

    def phone(self) -> str:
        digits = "".join(str(self.rng.randint(0, 9)) for _ in range(8))
        area = self.rng.choice(["55", "33", "81", "222", "442", "614", "999"])
        local = digits[: 10 - len(area)]
        formats = [f"{area}{local}", f"{area} {local[:4]} {local[4:]}", f"{area}-{local}"]
        return self.rng.choice(formats)

    def signature(self) -> str:
        rng = self.rng
        name = rng.choice(self.pool.NOMBRES)
        lines = [name.upper() if rng.random() < 0.3 else name]
        if rng.random() < 0.8:
            nss = self.fill("{nss}")
            label = rng.choice(["NSS: ", "NSS ", "No. de afiliación: ", "Num. seguro social "])
            lines.append(label + nss)
        if rng.random() < 0.8:
            lines.append(rng.choice(["Tel. ", "Cel: ", "Teléfono ", "tel "]) + self.phone())
        if rng.random() < 0.25:
            user = name.split()[0].lower().translate(_ACCENTS)
            number = rng.randint(1, 99)
            lines.append(f"correo: {user}{number}@{rng.choice(['gmail.com', 'hotmail.com'])}")
        return "\n".join(lines)

    def petition(self, core: Core) -> tuple[str, bool]:
        caso = core.caso
        body = [self.fill(core.text)]
        if core.tipo in QUEJAS and self.rng.random() < 0.08:
            body.append(self.rng.choice(self.pool.AGRAVANTES))
            caso = True
        style = self.rng.choices(["volante", "forma", "carta", "nota"], weights=[30, 10, 40, 20])[0]
        builder = getattr(self, f"_{style}")
        text = builder(core, body)
        return damage(text, self.rng, handwritten=style != "carta" or self.rng.random() < 0.4), caso

    def _closers(self, tipo: str) -> list[str]:
        out = []
        if self.rng.random() < 0.5:
            out.append(self.rng.choice(self.pool.CIERRES_POR_TIPO[tipo]))
        if self.rng.random() < 0.4:
            out.append(self.rng.choice(self.pool.CIERRES_NEUTROS))
        return out

    def _volante(self, core: Core, body: list[str]) -> str:
        parts = []
        if self.rng.random() < 0.2:
            parts.append(self.fill(self.rng.choice(self.pool.CONTEXTOS)))
        parts += body
        if self.rng.random() < 0.5:
            parts += self._closers(core.tipo)
        text = wrap(" ".join(parts), self.rng, self.rng.randint(45, 75), self.rng.random() < 0.4)
        if self.rng.random() < 0.25:
            text = f"{self.rng.choice(self.pool.ETIQUETAS_VOLANTE)}\n{text}"
        return text

    def _forma(self, core: Core, body: list[str]) -> str:
        rng = self.rng
        marks = {
            "queja_servicio": 0,
            "queja_administrativa": 0,
            "sugerencia": 1,
            "reconocimiento": 2,
        }
        checked = marks.get(core.tipo, 3) if rng.random() < 0.8 else rng.randint(0, 3)
        boxes = ["Queja", "Sugerencia", "Reconocimiento", "Otro"]
        ticks = "  ".join(f"{b} ({'X' if i == checked else ' '})" for i, b in enumerate(boxes))
        header = rng.choice(["VOLANTE DE BUZÓN", "Volante de buzon IMSS", "ANEXO 12"])
        contact = self.signature().split("\n")
        description = wrap(" ".join(body), rng, rng.randint(50, 80), rng.random() < 0.3)
        lines = [header, ticks, f"Nombre: {contact[0]}", *contact[1:], "Descripción:", description]
        return "\n".join(lines)

    def _carta(self, core: Core, body: list[str]) -> str:
        rng = self.rng
        parts = []
        if rng.random() < 0.85:
            parts.append(self.fill(rng.choice(self.pool.SALUDOS)))
        intro_roll = rng.random()
        if intro_roll < 0.45:
            parts.append(rng.choice(self.pool.INTROS_NEUTRAS))
        elif intro_roll < 0.8:
            parts.append(rng.choice(self.pool.INTROS_POR_TIPO[core.tipo]))
        contexts = rng.sample(self.pool.CONTEXTOS, k=rng.choice([0, 1, 1, 2]))
        paragraph = " ".join([self.fill(c) for c in contexts] + body)
        parts.append(wrap(paragraph, rng, rng.randint(60, 95), rng.random() < 0.3))
        parts += self._closers(core.tipo)
        farewell = rng.choice(self.pool.DESPEDIDAS)
        if farewell:
            parts.append(farewell)
        if rng.random() < 0.85:
            parts.append(self.signature())
        return "\n".join(parts)

    def _nota(self, core: Core, body: list[str]) -> str:
        parts = list(body)
        if self.rng.random() < 0.3:
            parts.insert(0, self.fill(self.rng.choice(self.pool.CONTEXTOS)))
        if self.rng.random() < 0.3:
            parts.append(self.rng.choice(self.pool.CIERRES_NEUTROS))
        return " ".join(parts)

    def negative(self, doc: str) -> str:
        return damage(self.fill(doc), self.rng, handwritten=self.rng.random() < 0.3)

    def shopping_list(self) -> str:
        items = self.rng.sample(self.pool.ARTICULOS, k=self.rng.randint(3, 9))
        lines = [
            f"{self.rng.randint(1, 3)} {item}" if self.rng.random() < 0.4 else item
            for item in items
        ]
        return damage("\n".join(lines), self.rng, handwritten=True)

    def garbage(self) -> str:
        symbols = "|/\\-_~.,;:'`^°oOIl1()[]{}<>=+*#%&" + "     "
        lines = ["".join(self.rng.choice(symbols) for _ in range(self.rng.randint(5, 40)))]
        lines += [
            "".join(self.rng.choice(symbols) for _ in range(self.rng.randint(5, 40)))
            for _ in range(self.rng.randint(0, 5))
        ]
        return "\n".join(lines)

    def letter_noise(self) -> str:
        """What OCR reads in a drawing or a stamp: a few stray letters, digits and marks."""
        alphabet = "abcdeilmnorstuxyzAEILMNORST01" + "|.-,'"
        words = [
            "".join(self.rng.choice(alphabet) for _ in range(self.rng.randint(1, 4)))
            for _ in range(self.rng.randint(1, 8))
        ]
        lines = [" ".join(words[i : i + 3]) for i in range(0, len(words), 3)]
        return "\n".join(lines)


# --- splits ------------------------------------------------------------------------------------


def split_dev(items: list, rng: random.Random) -> tuple[list, list]:
    shuffled = list(items)
    rng.shuffle(shuffled)
    n_dev = max(1, round(len(shuffled) * DEV_FRACTION))
    return shuffled[n_dev:], shuffled[:n_dev]


def split_cores(cores: list[Core], rng: random.Random) -> tuple[list[Core], list[Core]]:
    """Split by core sentence, stratified by tipo and caso, so dev sentences are unseen."""
    train: list[Core] = []
    dev: list[Core] = []
    for tipo in TIPO_BLOCKS:
        for caso in (False, True):
            group = [c for c in cores if c.tipo == tipo and c.caso == caso]
            if group:
                tr, dv = split_dev(group, rng)
                train += tr
                dev += dv
    return train, dev


def render_split(
    renderer: Renderer, cores: list[Core], negatives: list[str], split: str
) -> list[Record]:
    per_core, per_negative = RENDERS[split]
    records = [
        Record(text, True, core.tipo, core.servicio, caso)
        for core in cores
        for text, caso in (renderer.petition(core) for _ in range(per_core))
    ]
    negative_texts = [renderer.negative(doc) for doc in negatives for _ in range(per_negative)]
    n_generated = max(8, len(negatives))
    negative_texts += [renderer.shopping_list() for _ in range(n_generated)]
    negative_texts += [renderer.garbage() for _ in range(n_generated // 2)]
    if split != "test":
        # Added after the test split was frozen; kept out of it so its texts stay unchanged.
        negative_texts += [renderer.letter_noise() for _ in range(n_generated // 2)]
    records += [Record(text, False, None, None, False) for text in negative_texts]
    return _dedupe(records)


def _dedupe(records: list[Record]) -> list[Record]:
    seen: set[str] = set()
    out = []
    for record in records:
        if record.text not in seen:
            seen.add(record.text)
            out.append(record)
    return out


def build_corpus(seed: int = SEED) -> dict[str, list[Record]]:
    rng = random.Random(seed)
    train_cores, dev_cores = split_cores(parse_cores(fragments_train), rng)
    train_neg, dev_neg = split_dev(parse_negatives(fragments_train), rng)
    renderer = Renderer(fragments_train, rng)
    splits = {
        "train": render_split(renderer, train_cores, train_neg, "train"),
        "dev": render_split(renderer, dev_cores, dev_neg, "dev"),
    }
    test_renderer = Renderer(fragments_test, random.Random(seed + 1))
    splits["test"] = render_split(
        test_renderer, parse_cores(fragments_test), parse_negatives(fragments_test), "test"
    )
    for records in splits.values():
        random.Random(seed).shuffle(records)
    return splits


def write_jsonl(path: Path, records: list[Record]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Genera el corpus del clasificador de peticiones.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="directorio de salida")
    args = parser.parse_args(argv)
    for split, records in build_corpus().items():
        write_jsonl(args.out / f"{split}.jsonl", records)
        n_pet = sum(r.es_peticion for r in records)
        print(f"{split}: {len(records)} textos ({n_pet} peticiones, {len(records) - n_pet} no)")


if __name__ == "__main__":
    main()
