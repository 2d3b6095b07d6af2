"""The TOML locator: every key path tomllib sees has a position, and the position is where the key is written."""

from __future__ import annotations

import json
import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gapcalc.plan.locate import TomlLocator

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = st.sampled_from(["a", "b", "id", "value", "year", "名称", "x-y", "k_1", "quote"])
SCALARS = st.one_of(
    st.integers(-10**6, 10**6),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8),
    st.booleans(),
)


def key_text(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isalnum() and key.isascii()
    return key if bare else json.dumps(key, ensure_ascii=False)


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[\n  " + ",\n  ".join(value_text(v) for v in value) + ",\n]" if value else "[]"
    return "{ " + ", ".join(f"{key_text(k)} = {value_text(v)}" for k, v in value.items()) + " }"


inline = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=3), st.dictionaries(KEYS, children, max_size=3)), max_leaves=8)
tables = st.dictionaries(KEYS, inline, min_size=1, max_size=4)
documents = st.tuples(tables, st.dictionaries(st.sampled_from(["t", "u"]), st.lists(tables, min_size=1, max_size=3),
                                              max_size=2))


def render(doc: tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]) -> str:
    top, arrays = doc
    lines = [f"{key_text(k)} = {value_text(v)}  # comment" for k, v in top.items()]
    for name, items in arrays.items():
        if name in top:
            continue
        for item in items:
            lines += ["", f"[[{name}]]"] + [f"{key_text(k)} = {value_text(v)}" for k, v in item.items()]
    return "\n".join(lines) + "\n"


def leaf_paths(data: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    paths = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            paths += leaf_paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            paths += leaf_paths(value, prefix + (index,))
    return paths


@settings(max_examples=150, deadline=None)
@given(documents)
def test_every_path_is_located(doc: tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]) -> None:
    text = render(doc)
    data = tomllib.loads(text)
    locator = TomlLocator(text)
    lines = text.split("\n")
    paths = leaf_paths(data)
    assert paths  # the top table has at least one key
    for path in paths:
        position = locator.exact(path)
        assert position is not None, (path, text)
        line, col = position
        written = lines[line - 1][col - 1:]
        if isinstance(path[-1], str):
            key = key_text(path[-1])
            assert written.startswith(key) or written.startswith(f"[[{key}]]"), (path, written)
        elif len(path) == 2 and path[0] in ("t", "u"):
            assert written.startswith(f"[[{path[0]}]]"), (path, written)


def test_positions_in_a_target_file() -> None:
    text = (
        '[plan]\nid = "x"\n\n[[indicators]]\nid = "a"\n\n[[indicators.series]]\nkind = "level"\n'
        'values = [\n  { year = 2018, value = 32 },\n  { year = 2019, value = "46" },\n]\n\n'
        '[[indicators]]\nid = "b"\nsource.table = "表2"\n'
    )
    locator = TomlLocator(text)
    assert locator.exact(("plan", "id")) == (2, 1)
    assert locator.exact(("indicators", 0, "series", 0, "values", 1, "value")) == (11, 18)
    assert locator.exact(("indicators", 0, "series", 0, "values", 1)) == (11, 3)
    assert locator.exact(("indicators", 1)) == (14, 1)
    assert locator.exact(("indicators", 1, "source", "table")) == (16, 8)
    assert locator.find(("indicators", 1, "series", 3, "kind")) == (14, 1)
    assert locator.find(("nowhere",)) == (1, 1)


def test_strings_with_brackets_and_comments_do_not_confuse_it() -> None:
    text = 'a = "[[x]] # not a comment"\nb = """\n[[y]]\nz = 1\n"""\nc = \'{ d = 1 }\'\n[t]\ne = [1, # c\n 2]\n'
    locator = TomlLocator(text)
    assert locator.exact(("b",)) == (2, 1)
    assert locator.exact(("c",)) == (6, 1)
    assert locator.exact(("t", "e", 1)) == (9, 2)
    assert ("y",) not in locator.paths()
