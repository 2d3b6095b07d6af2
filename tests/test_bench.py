"""The benchmark's before-and-after table: medians of interleaved runs, ratios of this checkout to the other."""

from __future__ import annotations

from conftest import REPO, load_bench


def test_the_versus_table_gives_medians_and_ratios() -> None:
    bench = load_bench()
    row = bench.Versus("roll-up", here=[(0.9, 0.8), (1.0, 0.9), (2.0, 1.9)],
                       there=[(1.0, 1.0), (1.25, 1.2), (0.5, 0.4)])
    lines = bench.versus_section([row], "v0.1.0")
    assert lines[1] == "## Against another installation"
    assert "against v0.1.0 (`--versus`)" in lines[3] and "3 times" in lines[3]
    assert lines[-1] == "| roll-up | 1.000 | 1.000 | 1.00 | 0.900 | 1.000 | 0.90 |"


def test_the_cold_table_gives_paired_ratios_to_warm_and_between_workers() -> None:
    bench = load_bench()
    warm = [(1.0, 1.0)] * 3
    here = bench.ColdLane("this checkout", [], REPO, 0, warm=warm,
                          cold={"1": [(6.0, 6.0), (7.0, 7.0), (8.0, 8.0)], "2": [(3.0, 6.3), (4.0, 7.7), (5.0, 8.8)]})
    other = bench.ColdLane("before", [], REPO, 1, warm=warm, cold={"1": [(8.0, 8.0), (9.0, 9.0), (10.0, 10.0)],
                                                                   "2": [(5.0, 8.8), (6.0, 9.9), (7.0, 11.0)]})
    lines = bench.cold_section([(1, [here, other]), (10, [here])])
    assert lines[1] == "## Cold runs with one and two worker processes"
    rows = [line for line in lines if line.startswith("| 1") and "×" in line.split("|")[1]]
    assert rows == [
        "| 1× (330 plans) | this checkout | 3 | 1.000 | 7.000 | 7.00 (7.00) | 4.000 | 4.00 (7.70) | 1.75× (1.10×) | "
        "≤ 4× warm: met |",
        "| 1× (330 plans) | before | 3 | 1.000 | 9.000 | 9.00 (9.00) | 6.000 | 6.00 (9.90) | 1.50× (1.10×) | "
        "≤ 4× warm: **missed** |",
        "| 10× (3300 plans) | this checkout | 3 | 1.000 | 7.000 | 7.00 (7.00) | 4.000 | 4.00 (7.70) | 1.75× (1.10×) "
        "|  |",
        "| 1× | before | 0.78 (0.78) | 0.67 (0.78) | 1.00 (1.00) |"]
    merged = bench.with_section("# Benchmarks\n\n## Notes\n\n* a\n", lines)
    assert merged.endswith("\n".join(lines[1:]) + "\n") and merged.count("## Cold runs") == 1
    assert bench.with_section(merged, lines) == merged


def test_a_section_kept_from_the_report_goes_back_as_it_was() -> None:
    bench = load_bench()
    report = "# B\n\nmain\n\n## One\n\nfirst\n\n## Two\n\nsecond\n"
    for heading in ("## One", "## Two"):
        assert bench.with_section(report, bench.section_of(report, heading)) == report
    assert bench.section_of(report, "## Three") == []
