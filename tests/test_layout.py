"""The layout holds: every import of gapcalc's modules — those made inside functions counted, those under
``if TYPE_CHECKING:`` (never run: they name types for the type checker) left out — follows the layer table of the
README's Layout section; no module imports another that imports it back, directly or through others; the core never
imports click or rich; and no renderer reads or writes a file or runs the engine.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "gapcalc"
CORE_FREE_OF = ("click", "rich")
"""Third-party packages only the command line and the renderers may import."""
OUTER = ("cli", "render")
RENDER_FORBIDDEN_CALLS = frozenset({
    "open", "read_text", "read_bytes", "write_text", "write_bytes", "mkdir", "touch", "read_plan_actuals",
    "report_batch", "batch_series", "report_of", "build_trajectory", "key_series",
})
"""Calls no renderer makes: file reads and writes, and the engine's entry points (a renderer is given the rows)."""
FILE_MODULES = frozenset({"os", "shutil", "tempfile", "io"})
"""Modules none of whose functions a renderer calls (``io.StringIO`` and ``io.BytesIO`` excepted: buffers)."""
IN_MEMORY = frozenset({"StringIO", "BytesIO"})


def module_name(path: Path, root: Path = REPO) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _run_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node that can run: the whole tree but the bodies of ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for child in node.orelse for n in (child, *_run_nodes(child)))
            continue
        yield node
        yield from _run_nodes(node)


def imports(path: Path) -> set[str]:
    """The modules ``path`` imports (absolute names, with each imported name as a possible submodule), wherever
    the import stands (inside functions too), except under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _run_nodes(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def modules_of(package: Path, root: Path = REPO) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted(package.rglob("*.py"))}


MODULES = modules_of(PACKAGE)


def module_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the package's modules it imports."""
    return {name: {m for m in imports(path) if m in modules and m != name} for name, path in modules.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph, as a path of names, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
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


def layer_of(module: str) -> str:
    """The layer of a module: its package under gapcalc (``gapcalc.plan.load`` → ``plan``), or the top-level
    module's own name (``gapcalc.errors`` → ``errors``; the package itself → ``gapcalc``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "gapcalc"


def layer_table(readme: str) -> dict[str, set[str]]:
    """The README's layer table: layer → what it may import (a layer, or ``layer.module`` for one module)."""
    block = readme.split("<!-- layout: begin -->", 1)[1].split("<!-- layout: end -->", 1)[0]
    table: dict[str, set[str]] = {}
    for line in block.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0].startswith("`"):
            table[cells[0].strip("`")] = set(re.findall(r"`([^`]+)`", cells[1]))
    return table


def allowed(importer: str, imported: str, table: dict[str, set[str]]) -> bool:
    """True when the layer table lets module ``importer`` import module ``imported``."""
    mine, theirs = layer_of(importer), layer_of(imported)
    if mine == theirs:
        return True
    names = table.get(mine, set())
    return theirs in names or ".".join(imported.split(".")[1:3]) in names


def arrows_against(edges: dict[str, set[str]], table: dict[str, set[str]]) -> list[str]:
    """Every import the table does not allow, as ``importer -> imported``."""
    return sorted(f"{a} -> {b}" for a, targets in edges.items() for b in targets if not allowed(a, b, table))


def package_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle between layers (packages), lazy imports counted."""
    layers: dict[str, set[str]] = {}
    for a, targets in edges.items():
        layers.setdefault(layer_of(a), set()).update(layer_of(b) for b in targets if layer_of(b) != layer_of(a))
    return find_cycle(layers)


ENGINE_ENTRY_POINTS = frozenset({"read_plan_actuals", "report_batch", "batch_series", "report_of",
                                 "build_trajectory", "key_series"})


def render_violations(path: Path, allowed: frozenset[str] = frozenset()) -> list[str]:
    """What a renderer must not do: the calls of :data:`RENDER_FORBIDDEN_CALLS` it makes (but ``allowed``), by
    line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in _run_nodes(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            owner = getattr(getattr(node.func, "value", None), "id", None)
            if (name in RENDER_FORBIDDEN_CALLS and name not in allowed) or (owner in FILE_MODULES and
                                                                            name not in IN_MEMORY):
                found.append(f"{path.name}:{node.lineno}: {f'{owner}.' if owner else ''}{name}()")
    return found


README = (REPO / "README.md").read_text(encoding="utf-8")
TABLE = layer_table(README)
EDGES = module_graph(MODULES)


def test_the_layer_table_names_every_layer() -> None:
    assert {layer_of(m) for m in MODULES} == set(TABLE)


def test_every_import_follows_the_layer_table() -> None:
    assert arrows_against(EDGES, TABLE) == []


def test_no_import_cycle_between_modules_lazy_imports_counted() -> None:
    assert find_cycle(EDGES) is None


def test_no_import_cycle_between_layers() -> None:
    assert package_cycle(EDGES) is None


def test_the_core_never_imports_click_or_rich() -> None:
    core = {name: path for name, path in MODULES.items() if layer_of(name) not in OUTER and name != "gapcalc.__main__"}
    assert len(core) > 50
    bad = {name: sorted(m for m in imports(path) if m.split(".")[0] in CORE_FREE_OF) for name, path in core.items()}
    assert {name: found for name, found in bad.items() if found} == {}


def test_no_renderer_reads_or_writes_a_file_or_runs_the_engine() -> None:
    renderers = [path for name, path in MODULES.items() if layer_of(name) == "render"]
    assert len(renderers) > 10
    assert [v for path in renderers for v in render_violations(path)] == []


def test_the_engine_reads_and_writes_no_file() -> None:
    engine = [path for name, path in MODULES.items() if layer_of(name) == "engine"]
    assert len(engine) > 5
    assert [v for path in engine for v in render_violations(path, allowed=ENGINE_ENTRY_POINTS)] == []


def test_every_module_is_in_the_readme_module_table() -> None:
    listed = set(re.findall(r"^\| `(gapcalc/[^`]+\.py)` \|", README, re.M))
    assert listed == {path.relative_to(REPO).as_posix() for path in MODULES.values()}


# The checks themselves, on planted code: each must fail where the layout is broken.

def plant(root: Path, files: dict[str, str]) -> dict[str, Path]:
    """A package ``gapcalc`` under ``root`` with the given modules (relative path → source)."""
    for relative, source in files.items():
        path = root / "gapcalc" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return modules_of(root / "gapcalc", root)


def test_a_planted_lazy_cycle_is_found(tmp_path: Path) -> None:
    modules = plant(tmp_path, {
        "__init__.py": "",
        "plan/__init__.py": "",
        "plan/load.py": "def f():\n    from gapcalc.infra.paths import where\n",
        "infra/__init__.py": "",
        "infra/paths.py": "def where():\n    from gapcalc.plan.load import f\n",
    })
    edges = module_graph(modules)
    assert find_cycle(edges) == ["gapcalc.infra.paths", "gapcalc.plan.load", "gapcalc.infra.paths"]
    assert package_cycle(edges) == ["infra", "plan", "infra"]
    assert arrows_against(edges, TABLE) == ["gapcalc.infra.paths -> gapcalc.plan.load"]


def test_a_type_only_import_is_allowed_and_said_so(tmp_path: Path) -> None:
    modules = plant(tmp_path, {
        "__init__.py": "",
        "infra/__init__.py": "",
        "infra/paths.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from gapcalc.plan.load import f\n",
    })
    assert module_graph(modules)["gapcalc.infra.paths"] == set()


def test_a_planted_render_file_read_is_found(tmp_path: Path) -> None:
    modules = plant(tmp_path, {
        "__init__.py": "",
        "render/__init__.py": "",
        "render/page.py": ("from pathlib import Path\n\ndef page(rows):\n"
                           "    names = Path('names.txt').read_text()\n"
                           "    from gapcalc.usecases.run import report_one\n    return names\n"),
    })
    path = modules["gapcalc.render.page"]
    assert render_violations(path) == ["page.py:4: read_text()"]
    (tmp_path / "w.py").write_text("import os\ndef w(t):\n    os.replace(t, 'x')\n    return 'a'.replace('a', 'b')\n")
    assert render_violations(tmp_path / "w.py") == ["w.py:3: os.replace()"]
    assert arrows_against(module_graph({**modules, "gapcalc.usecases.run": path}), TABLE) == [
        "gapcalc.render.page -> gapcalc.usecases.run"]


@pytest.mark.parametrize("edges, cycle", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
    ({"a": {"b"}, "b": set()}, None),
])
def test_the_cycle_finder_finds_cycles(edges: dict[str, set[str]], cycle: list[str] | None) -> None:
    assert find_cycle(edges) == cycle
