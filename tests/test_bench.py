"""The benchmark's before-and-after table: medians of interleaved runs, ratios of this checkout to the other."""

from __future__ import annotations

from conftest import load_bench


def test_the_versus_table_gives_medians_and_ratios() -> None:
    bench = load_bench()
    row = bench.Versus("roll-up", here=[(0.9, 0.8), (1.0, 0.9), (2.0, 1.9)],
                       there=[(1.0, 1.0), (1.25, 1.2), (0.5, 0.4)])
    lines = bench.versus_section([row], "v0.1.0")
    assert lines[1] == "## Against another installation"
    assert "against v0.1.0 (`--versus`)" in lines[3] and "3 times" in lines[3]
    assert lines[-1] == "| roll-up | 1.000 | 1.000 | 1.00 | 0.900 | 1.000 | 0.90 |"
