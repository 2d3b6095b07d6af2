"""The layout holds: no import cycle between gapcalc's modules, and the core never imports a renderer, the command
line, click or rich.

The core is every module outside ``gapcalc/render`` and ``gapcalc/cli``; its data path runs target file → plan →
compiled plan → engine → rows, and only ``render/`` (then ``cli/``) turns rows into text.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "gapcalc"
OUTER = ("gapcalc.render", "gapcalc.cli")
ENTRY_POINTS = ("gapcalc.__main__",)
"""`python -m gapcalc` is the command line, not the core."""
FORBIDDEN_IN_CORE = ("click", "rich")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, top_level_only: bool) -> set[str]:
    """The modules ``path`` imports (absolute names); with ``top_level_only``, those imported when it is loaded."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.If) and top_level_only:  # TYPE_CHECKING blocks do not run
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def graph(top_level_only: bool) -> dict[str, set[str]]:
    return {name: {m for m in imports(path, top_level_only) if m in MODULES and m != name}
            for name, path in MODULES.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph, as a path of module names, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle_between_modules() -> None:
    assert find_cycle(graph(top_level_only=True)) is None


def test_the_core_never_imports_render_cli_click_or_rich() -> None:
    for name, path in MODULES.items():
        if name.startswith(OUTER) or name in ENTRY_POINTS:
            continue
        bad = sorted(m for m in imports(path, top_level_only=False)
                     if m.startswith(OUTER) or m.split(".")[0] in FORBIDDEN_IN_CORE)
        assert bad == [], f"{name} imports {bad}"


@pytest.mark.parametrize("edges, cycle", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
    ({"a": {"b"}, "b": set()}, None),
])
def test_the_cycle_finder_finds_cycles(edges: dict[str, set[str]], cycle: list[str] | None) -> None:
    assert find_cycle(edges) == cycle


def test_the_import_reader_sees_core_to_render_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from gapcalc.render.cells import cell_text\n", encoding="utf-8")
    assert "gapcalc.render.cells" in imports(module, top_level_only=False)
    assert "gapcalc.render.cells" not in imports(module, top_level_only=True)
