"""Register variation of the TRAINING petition texts (issue 13, item 5).

The classifier learnt from texts in one register: the project's templates, a little damaged
by handwriting and OCR. People write in many others: no accents, all lower or upper case,
colloquial fillers, chat spellings and typos, three words or a whole page, two requests in
one, regional words. This module rewrites the project's own core sentences
(``fragments_train``) in those registers. Everything here was written for this module; the
second-writer corpus (``otros_escritores.jsonl``) is for measuring only and was not read to
write it.

Train and dev stay apart: ``register_split`` is given the cores of one split (``corpus_gen``
splits them by core sentence) and its own seed, so dev measures unseen sentences rendered by
unseen draws. The same seed gives the same texts.
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from buzon_pipeline.training import corpus_gen, fragments_train
from buzon_pipeline.training.corpus_gen import Core, Record, Renderer, misspell, ocr_damage

# Registers and how often each is drawn. "plano" keeps the sentence and only changes its
# surface (accents, case, spelling), which is most of what hand-written notes do.
REGISTERS = {"plano": 20, "coloquial": 25, "corto": 20, "largo": 15, "varias": 20}

# Colloquial openers, asides and endings that carry no tipo.
OPENERS = [
    "oiga", "oigan", "mire", "miren", "pues", "ps", "bueno", "fijese que", "fijense que",
    "la neta", "este", "a ver", "disculpe", "buenas", "que tal", "hola buenas",
    "nomas para decirles", "con todo respeto", "perdon la molestia", "una cosa",
]
ASIDES = [
    "o sea", "este", "pues", "la verdad", "como le digo", "y pues", "bueno", "ya ve",
    "imaginese", "nomas", "neta", "ni modo", "que le vamos a hacer",
]
ENDINGS = [
    "y ya", "es todo", "nomas eso", "ahi se los dejo", "ojala lean esto", "grasias",
    "gracias de antemano", "eso es todo lo que queria decir", "saludos", "bendiciones",
    "que tengan buen dia", "ojala alguien lea estos papeles", "atte un derechohabiente",
    "disculpen la letra",
]
# Narrative padding for the very long texts: who writes, why now, with no tipo of its own.
RAMBLES = [
    "yo ya tengo muchos años viniendo a esta clinica y nunca habia escrito",
    "no me gusta andar escribiendo en estos papeles pero ya no se que hacer",
    "le pedi a mi hija que me ayudara a escribir esto",
    "vine desde temprano y hasta ahorita me dio tiempo de escribir",
    "les cuento todo desde el principio para que me entiendan",
    "uno viene aqui porque no tiene para pagar un particular",
    "a mi me criaron con respeto y asi trato a la gente",
    "mi familia completa se atiende aqui desde hace años",
    "tengo que pedir permiso en el trabajo cada vez que vengo",
    "ya le comente esto a otra persona pero se me hace que no le paso el recado",
]

# Colloquial ways each tipo is asked for, as a person would say it. Tipo-specific on purpose:
# they are the signal the weak pairs (orientación/gestión, the quejas/sugerencia) need.
FRAMES = {
    "orientacion": [
        "nomas queria preguntar", "una pregunta", "alguien me puede decir", "tengo una duda",
        "a quien le pregunto esto", "como le hago", "no se a donde ir a preguntar",
        "me pueden explicar", "quisiera que me informaran", "pregunta",
    ],
    "gestion": [
        "ayudenme por favor", "necesito que me arreglen esto", "les encargo mi tramite",
        "haganme el favor", "ya me urge que me lo resuelvan", "les pido de favor",
        "solicito de la manera mas atenta", "me pueden ayudar con esto",
        "que me hagan el tramite", "ocupo que me lo resuelvan",
    ],
    "queja_servicio": [
        "que mal servicio", "ya estuvo bueno", "siempre es lo mismo aqui", "no hay derecho",
        "pesimo servicio", "asi no se puede", "que barbaridad", "es una verguenza",
        "ya nos tienen hartos", "queja",
    ],
    "queja_administrativa": [
        "quiero que se investigue", "que alguien ponga un alto a esto",
        "exijo una respuesta por escrito", "esto no se puede quedar asi",
        "quiero que me regresen lo que es mio", "denuncio", "pongo mi queja formal",
        "que sancionen al responsable", "esto es un abuso", "pido que revisen mi caso",
    ],
    "sugerencia": [
        "se me ocurre que", "estaria bien que", "a ver si pueden", "una idea",
        "ojala pudieran", "mi sugerencia", "no estaria mal que", "seria bueno que",
        "les propongo", "para que mejore",
    ],
    "reconocimiento": [
        "mil gracias", "que bonito trato", "un diez", "muy agradecido", "muy agradecida",
        "felicidades", "gracias de corazon", "que dios los bendiga", "bien atentos",
        "les quiero reconocer",
    ],
}
CONNECTORS = [
    "y otra cosa", "aparte", "tambien", "y de paso", "ademas", "y otra", "otra cosa",
    "y ya que estoy", "2.", "y tambien",
]

# Regional and colloquial words of Mexican Spanish, keyed by the accent-free lower-case word.
REGIONAL: dict[str, list[str]] = {
    "nino": ["chamaco", "escuincle", "huerco", "chiquillo", "morrito"],
    "nina": ["chamaca", "escuincla", "huerca", "chiquilla", "morrita"],
    "ninos": ["chamacos", "escuincles", "huercos", "chiquillos", "plebes"],
    "hijo": ["chamaco", "mijo", "muchacho"],
    "hija": ["chamaca", "mija", "muchacha"],
    "dinero": ["lana", "feria", "varo"],
    "pesos": ["varos", "pesotes"],
    "trabajo": ["chamba", "jale"],
    "doctor": ["dotor", "doc", "medico"],
    "doctora": ["dotora", "doc", "medica"],
    "muy": ["bien", "re", "super"],
    "mucho": ["un buen", "un monton", "bastante"],
    "mucha": ["un buen de", "un monton de"],
    "ahora": ["ahorita", "orita"],
    "rapido": ["de volada", "luego luego"],
    "esposo": ["viejo", "señor", "marido"],
    "esposa": ["vieja", "señora", "mujer"],
    "mama": ["ama", "jefa", "mami"],
    "papa": ["apa", "jefe", "papi"],
    "bebe": ["bebito", "chiquito", "nene"],
    "pequeno": ["chiquito"],
    "para": ["pa", "pa'"],
    "estoy": ["toy"],
    "nada": ["nadita", "ni madres"],
    "tambien": ["tmb", "tb"],
    "porque": ["xq", "pq", "porq"],
    "que": ["q", "k", "ke"],
    "por": ["x"],
    "favor": ["fa"],
    "imss": ["seguro", "imss", "issste"],
    "medicina": ["medicamento", "pastillas", "medisina"],
    "medicamento": ["medicina", "pastillas"],
    "enojado": ["encorajinado", "enchilado"],
    "camion": ["bus", "combi"],
    "autobus": ["camion", "combi"],
    "dolor": ["dolorsote"],
    "bien": ["chido", "padre", "bien"],
    "mal": ["gacho", "feo"],
    "tiempo": ["rato"],
    "nunca": ["jamas", "nunca jamas"],
    "persona": ["cristiano", "señor"],
    "casa": ["cantón", "casita"],
    "enfermera": ["señorita", "enfermerita"],
    "vigilante": ["poli", "guardia", "policia"],
}
# Chat and phonetic spellings, applied inside words (old, new).
PHONETIC = [
    ("ll", "y"), ("y", "ll"), ("v", "b"), ("b", "v"), ("ce", "se"), ("ci", "si"), ("z", "s"),
    ("s", "z"), ("qu", "k"), ("ge", "je"), ("gi", "ji"), ("x", "j"), ("cc", "c"), ("h", ""),
]
_ACCENT_FREE = str.maketrans("áéíóúüÁÉÍÓÚÜ", "aeiouuAEIOUU")
_WORD = re.compile(r"[^\W\d_]+")


def _key(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def regionalize(text: str, rng: random.Random, rate: float) -> str:
    """Swap words for regional or colloquial ones at ``rate``."""

    def swap(match: re.Match[str]) -> str:
        options = REGIONAL.get(_key(match.group(0)))
        return rng.choice(options) if options and rng.random() < rate else match.group(0)

    return _WORD.sub(swap, text)


def typo(word: str, rng: random.Random) -> str:
    """One typing or spelling slip: a phonetic spelling, a lost, doubled or swapped letter."""
    roll = rng.random()
    if roll < 0.4:
        pairs = list(PHONETIC)
        rng.shuffle(pairs)
        for old, new in pairs:
            if old in word:
                return word.replace(old, new, 1)
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    if roll < 0.6:
        return word[:i] + word[i + 1 :]
    if roll < 0.8:
        return word[:i] + word[i] + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def typos(text: str, rng: random.Random, rate: float) -> str:
    return _WORD.sub(lambda m: typo(m.group(0), rng) if rng.random() < rate else m.group(0), text)


# Words that carry the request itself; a shortened text keeps the clause that has them, so
# its label still holds (a bare "sale con un error en" would be any tipo).
_CUES = re.compile(
    r"\b(?:pido|pedir|solicito|solicitar|quiero|quisiera|necesito|ocupo|exijo|denuncio|sugiero|"
    r"propongo|deberian|seria|estaria|gracias|agradezco|felicito|reconozco|queja|como|donde|"
    r"cuando|que|cual|cuanto|puedo|pueden|favor|reembols\w*|investigue\w*|no hay|nunca|nadie)\b"
)


def clauses(text: str) -> list[str]:
    """The sentence's clauses (split at sentence marks and commas), empty ones dropped."""
    parts = re.split(r"[.;:!¡]+|,\s+", text)
    return [p.strip() for p in parts if len(p.split()) >= 2]


def shorten(text: str, rng: random.Random) -> str:
    """A very short version: one clause that carries the request, at most 14 words."""
    parts = clauses(text) or [text]
    cued = [p for p in parts if _CUES.search(_key(p))]
    part = rng.choice(cued) if cued else parts[0]
    words = part.split()
    if len(words) > 14:
        words = words[: rng.randint(10, 14)]
    return " ".join(words)


class RegisterRenderer:
    """Renders cores in other registers; all randomness comes from ``rng``."""

    def __init__(self, pool: ModuleType, rng: random.Random, cores: Sequence[Core]) -> None:
        self.pool = pool
        self.rng = rng
        self.base = Renderer(pool, rng)
        self.by_tipo: dict[str, list[Core]] = {}
        for core in cores:
            self.by_tipo.setdefault(core.tipo, []).append(core)

    def render(self, core: Core) -> tuple[str, str]:
        """(text, register name) for one core; tipo, servicio and caso stay the core's."""
        rng = self.rng
        register = rng.choices(list(REGISTERS), weights=list(REGISTERS.values()))[0]
        build: Callable[[Core], str] = getattr(self, f"_{register}")
        return self._surface(build(core)), register

    def _body(self, core: Core) -> str:
        return self.base.fill(core.text)

    def _plano(self, core: Core) -> str:
        return self._body(core)

    def _coloquial(self, core: Core) -> str:
        rng = self.rng
        body = regionalize(self._body(core), rng, rate=rng.uniform(0.3, 0.8))
        parts = []
        if rng.random() < 0.7:
            parts.append(rng.choice(OPENERS))
        if rng.random() < 0.5:
            parts.append(rng.choice(FRAMES[core.tipo]))
        words = body.split()
        if len(words) > 6 and rng.random() < 0.5:
            cut = rng.randrange(2, len(words) - 2)
            words.insert(cut, rng.choice(ASIDES))
        parts.append(" ".join(words))
        if rng.random() < 0.5:
            parts.append(rng.choice(ENDINGS))
        return " ".join(parts)

    def _corto(self, core: Core) -> str:
        rng = self.rng
        text = shorten(self._body(core), rng)
        if rng.random() < 0.3:
            text = f"{rng.choice(FRAMES[core.tipo])} {text}"
        return regionalize(text, rng, rate=0.3)

    def _largo(self, core: Core) -> str:
        rng = self.rng
        pool = self.pool
        parts = []
        if rng.random() < 0.6:
            parts.append(self.base.fill(rng.choice(pool.SALUDOS)))
        parts += [self.base.fill(c) for c in rng.sample(pool.CONTEXTOS, k=rng.randint(1, 3))]
        parts += rng.sample(RAMBLES, k=rng.randint(1, 3))
        parts.append(self._body(core))
        if rng.random() < 0.5:
            parts.append(rng.choice(FRAMES[core.tipo]))
        partner = self._partner(core)
        if partner is not None and rng.random() < 0.5:
            parts.append(f"{rng.choice(CONNECTORS)} {self.base.fill(partner.text)}")
        parts += rng.sample(RAMBLES, k=rng.randint(0, 2))
        parts.append(rng.choice(pool.CIERRES_POR_TIPO[core.tipo]))
        parts.append(rng.choice(ENDINGS + pool.CIERRES_NEUTROS))
        if rng.random() < 0.5:
            parts.append(self.base.signature())
        return regionalize("\n".join(parts), rng, rate=rng.uniform(0.0, 0.4))

    def _varias(self, core: Core) -> str:
        """Several requests in one: the core and one or two others of the same tipo."""
        rng = self.rng
        parts = [self._body(core)]
        for _ in range(rng.choice((1, 1, 2))):
            partner = self._partner(core)
            if partner is None:
                break
            parts.append(f"{rng.choice(CONNECTORS)} {self.base.fill(partner.text)}")
        if rng.random() < 0.4:
            parts.insert(0, rng.choice(FRAMES[core.tipo]))
        return regionalize(" ".join(parts), rng, rate=rng.uniform(0.0, 0.5))

    def _partner(self, core: Core) -> Core | None:
        """Another core of the same tipo, preferably about another servicio; never a caso
        especial unless the core is one (the label must stay the core's)."""
        same = [c for c in self.by_tipo.get(core.tipo, ()) if c != core and c.caso <= core.caso]
        other = [c for c in same if c.servicio != core.servicio]
        candidates = other or same
        return self.rng.choice(candidates) if candidates else None

    def _surface(self, text: str) -> str:
        """How it is written down: accents, punctuation, case, spelling, a little OCR."""
        rng = self.rng
        if rng.random() < 0.8:
            text = text.translate(_ACCENT_FREE)
        if rng.random() < 0.5:
            text = re.sub(r"[¿¡,.;:]", "", text)
        if rng.random() < 0.15:
            text = re.sub(r"([!?])", r"\1\1\1", text) + rng.choice(("!!", "...", "!!!", ""))
        text = misspell(text, rng, rate=rng.uniform(0.1, 0.5))
        text = typos(text, rng, rate=rng.choice((0.0, 0.03, 0.06, 0.1)))
        case_roll = rng.random()
        if case_roll < 0.35:
            text = text.lower()
        elif case_roll < 0.5:
            text = text.upper()
        if rng.random() < 0.3:
            text = ocr_damage(text, rng, rng.choice((0.01, 0.03)))
        return re.sub(r"[ \t]+", " ", text).strip()


def split_cores() -> tuple[list[Core], list[Core]]:
    """The train and dev cores exactly as ``corpus_gen.build_corpus`` splits them."""
    rng = random.Random(corpus_gen.SEED)
    return corpus_gen.split_cores(corpus_gen.parse_cores(fragments_train), rng)


def register_split(
    pool: ModuleType, cores: Sequence[Core], seed: int, per_core: int
) -> list[Record]:
    """``per_core`` register renderings of each core, deterministic from ``seed``."""
    rng = random.Random(seed)
    renderer = RegisterRenderer(pool, rng, cores)
    records: list[Record] = []
    seen: set[str] = set()
    for core in cores:
        for _ in range(per_core):
            text, _register = renderer.render(core)
            if text and text not in seen:
                seen.add(text)
                records.append(Record(text, True, core.tipo, core.servicio, core.caso))
    rng.shuffle(records)
    return records


# Seeds of the register renderings, apart from corpus_gen's so the two draw independently.
SEEDS = {"train": 7301, "dev": 7302}
PER_CORE = {"train": 3, "dev": 2}
FILES = {"train": "registro_train.jsonl", "dev": "registro_dev.jsonl"}


def build() -> dict[str, list[Record]]:
    train_cores, dev_cores = split_cores()
    cores = {"train": train_cores, "dev": dev_cores}
    return {
        split: register_split(fragments_train, cores[split], SEEDS[split], PER_CORE[split])
        for split in ("train", "dev")
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Genera los textos de entrenamiento y dev en otros registros."
    )
    parser.add_argument("--out", type=Path, default=corpus_gen.DEFAULT_OUT)
    args = parser.parse_args(argv)
    for split, records in build().items():
        corpus_gen.write_jsonl(args.out / FILES[split], records)
        print(f"{split}: {len(records)} textos en otros registros ({FILES[split]})")


if __name__ == "__main__":
    main()
