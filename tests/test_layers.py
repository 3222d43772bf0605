"""The house: gzctl's packages are layers, and imports only go down.

Walks every module of the package with ``ast`` (imports inside functions and under
``TYPE_CHECKING`` count too) and fails on an import circle among gzctl modules, and on any
import of a module in a higher layer or in a sibling layer (documents and advisors stand side
by side and never import each other). The layers, bottom to top:

    core  <  network  <  documents | advisors  <  ops  <  wizard  <  cli  <  gzctl.__main__

``gzctl.api`` (the Python API for advisors' scripts) stands beside ``__main__`` at the top.

``gzctl`` itself (``__init__``: only ``__version__``) may be imported by anyone.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gzctl"

# layer of each top-level part of the package; equal numbers are siblings (no imports between)
LAYERS = {
    "core": 0,
    "network": 1,
    "documents": 2,
    "advisors": 2,
    "ops": 3,
    "wizard": 4,
    "cli": 5,
    "__main__": 6,
    "api": 6,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The gzctl modules that module `name` imports, wherever in the file."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # `from gzctl.x import y` imports the module gzctl.x.y when there is one
            targets = [
                f"{source}.{a.name}" if f"{source}.{a.name}" in known else source
                for a in node.names
            ]
        for target in targets:
            if target != "gzctl" and not target.startswith("gzctl."):
                continue
            while target not in known and "." in target:
                target = target.rpartition(".")[0]
            if target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imported(name, path, known) for name, path in mods.items()}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), as sorted lists."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {layer_of(m) for m in modules()} - {None}
    assert parts <= set(LAYERS), f"no layer for: {sorted(parts - set(LAYERS))}"


def test_no_import_circle() -> None:
    found = cycles(graph())
    assert not found, "import circles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_imports_only_go_down() -> None:
    wrong = []
    for module, targets in graph().items():
        here = layer_of(module)
        if here is None:
            continue
        for target in sorted(targets):
            there = layer_of(target)
            if there is None or there == here:
                continue  # gzctl/__init__ (the version) or within the same layer
            if LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module} ({here}) imports {target} ({there})")
    assert not wrong, "imports against the layer order:\n" + "\n".join(wrong)


# The checker itself: made-up graphs it must judge right (so a broken walker cannot pass).


def test_the_circle_finder_sees_a_circle_through_three_modules() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_walker_sees_imports_inside_functions(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text(
        "def f():\n    from gzctl.cli import app\n    import gzctl.core.store as s\n"
        "from gzctl.network import inventory\n",
        encoding="utf-8",
    )
    known = {
        "gzctl.cli",
        "gzctl.cli.app",
        "gzctl.core.store",
        "gzctl.network",
        "gzctl.network.inventory",
        "gzctl.core.mod",
    }
    found = imported("gzctl.core.mod", source, known)
    assert found == {"gzctl.cli.app", "gzctl.core.store", "gzctl.network.inventory"}


@pytest.mark.parametrize(
    ("low", "high"),
    [
        ("core", "network"),
        ("network", "documents"),
        ("documents", "ops"),
        ("advisors", "ops"),
        ("ops", "wizard"),
        ("documents", "wizard"),
        ("advisors", "cli"),
        ("wizard", "cli"),
    ],
)
def test_the_layer_order(low: str, high: str) -> None:
    assert LAYERS[low] < LAYERS[high]
