"""The package's import rules (docs/design.md §3): dependencies point one way.

    cli → api → pipeline → reading, deciding → core;  registry → core;
    reports → registry, core;  desk → registry, deciding, reports, core;
    evaluation → api, synth;  synth → reading, deciding, core (the generator's ground truth
    uses the one routing table)

Every import counts, also those inside functions, so a lazy import cannot hide a wrong edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "buzon_pipeline"
LEAVES = {"errors", "config"}  # no internal imports of their own but errors; anyone may use them

# What each part may import (besides itself and the leaves).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "reading": {"core"},
    "deciding": {"core"},
    "registry": {"core"},
    "reports": {"core", "registry"},
    "desk": {"core", "registry", "deciding", "reports"},
    "pipeline": {"core", "reading", "deciding", "registry"},
    "api": {"core", "reading", "deciding", "registry", "reports", "desk", "pipeline"},
    # `buzon evaluar` runs the evaluation harness, itself a client of the api.
    "cli": {"core", "api", "evaluation"},
    "__main__": {"cli"},
    "errors": set(),
    "config": set(),
    "synth": {"core", "reading", "deciding"},
    "evaluation": {"core", "api", "synth"},
    "training": {"core", "reading", "deciding", "synth", "evaluation"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Internal modules imported anywhere in the file, as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("buzon_pipeline"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here if is_package else here[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if not module.startswith("buzon_pipeline"):
                continue
            # `from buzon_pipeline.reading import ocr` imports the module reading.ocr, not
            # the package's __init__
            folder = PACKAGE.parent / module.replace(".", "/")
            submodules = {a.name for a in node.names if (folder / f"{a.name}.py").exists()}
            found.update(f"{module}.{name}" for name in submodules)
            if len(submodules) < len(node.names):
                found.add(module)
    return found


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_every_part_has_a_rule() -> None:
    parts = {_part(_module_name(p)) for p in _sources()} - {""}
    assert parts <= set(ALLOWED), f"parts without an import rule: {parts - set(ALLOWED)}"


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path) -> None:
    here = _part(_module_name(path))
    if not here:
        return  # the package's own __init__
    allowed = ALLOWED[here] | LEAVES | {here}
    wrong = sorted(m for m in _imports(path) if _part(m) and _part(m) not in allowed)
    assert not wrong, f"{path.relative_to(PACKAGE)} ({here}) may not import {wrong}"


def test_no_import_cycles() -> None:
    graph = {_module_name(p): _imports(p) for p in _sources()}
    # A package's __init__ is not an edge of its own: only real modules count.
    graph = {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def test_the_checker_sees_a_wrong_edge(tmp_path: Path) -> None:
    """The rule test itself can fail: a reading module importing the registry is caught."""
    fake = PACKAGE / "reading" / "_probe_for_test.py"
    fake.write_text("from buzon_pipeline.registry.store import Registry\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match="may not import"):
            test_imports_point_one_way(fake)
    finally:
        fake.unlink()
