"""A peer for the speed of the roll-up: the plans and actuals of a benchmark dataset consolidated in two CSV files,
and one query of a one-thread SQL engine (DuckDB) that computes the core of ``gapcalc report --all YEAR``: for every
indicator with a numeric target, the year's target (the stated milestone, the stock a quota series reaches, or the
path from the base to a relative change's final level), the final target, the base, the latest actual, the gap, the
attainment and the growth observed and still required. Both files are parsed on every run, as gapcalc reads its
files on every run.

    python bench/sql_peer.py consolidate ROOT     # ROOT/consolidated/{targets,actuals}.csv from ROOT's files
    python bench/sql_peer.py query ROOT YEAR      # the query; its CSV on standard output

The peer does less than gapcalc: no comparators, breakdowns, units, texts or checks of the
inputs, 15 columns instead of gapcalc's. It is a floor for what reading the same numbers and computing the same
core figures costs in a column engine, not a second implementation of gapcalc. Needs ``pip install duckdb``.
"""

from __future__ import annotations

import csv
import sys
from decimal import Decimal
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the benchmark runs on 3.11 and later
    import tomli as tomllib

TARGET_FIELDS = ("plan", "indicator", "direction", "kind", "change", "year", "value", "base_year", "final_year")
ACTUAL_FIELDS = ("plan", "indicator", "year", "value")

QUERY = """
WITH t AS (
    SELECT * FROM read_csv('{targets}', header = true, auto_detect = false,
        columns = {{'plan': 'VARCHAR', 'indicator': 'VARCHAR', 'direction': 'VARCHAR', 'kind': 'VARCHAR',
                   'change': 'VARCHAR',
                   'year': 'INTEGER', 'value': 'DOUBLE', 'base_year': 'INTEGER', 'final_year': 'INTEGER'}})
), a AS (
    SELECT * FROM read_csv('{actuals}', header = true, auto_detect = false,
        columns = {{'plan': 'VARCHAR', 'indicator': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE'}})
), keys AS (
    SELECT plan, indicator, any_value(direction) AS direction, any_value(base_year) AS base_year,
           any_value(final_year) AS final_year
    FROM t WHERE kind NOT IN ('baseline', 'qualitative') GROUP BY plan, indicator
), base AS (
    SELECT k.plan, k.indicator, k.direction, k.base_year, k.final_year,
           coalesce(s.value, o.value) AS base_value
    FROM keys k
    LEFT JOIN t s ON s.plan = k.plan AND s.indicator = k.indicator AND s.kind = 'baseline' AND s.year = k.base_year
    LEFT JOIN a o ON o.plan = k.plan AND o.indicator = k.indicator AND o.year = k.base_year
), levels AS (
    SELECT plan, indicator, year, value AS level FROM t WHERE kind = 'level'
    UNION ALL
    SELECT q.plan, q.indicator, q.year,
           b.base_value + sum(q.value) OVER (PARTITION BY q.plan, q.indicator ORDER BY q.year)
    FROM t q JOIN base b USING (plan, indicator) WHERE q.kind = 'new_in_year'
    UNION ALL
    SELECT c.plan, c.indicator, c.year,
           b.base_value * (1 + (CASE WHEN c.change = 'decrease' THEN -1 ELSE 1 END) * c.value / 100)
    FROM t c JOIN base b USING (plan, indicator) WHERE c.kind = 'change_vs_baseline'
), latest AS (
    SELECT plan, indicator, max(year) AS actual_year, arg_max(value, year) AS actual
    FROM a WHERE year <= {year} GROUP BY plan, indicator
), figures AS (
    SELECT b.plan, b.indicator, b.direction, b.base_year, b.base_value, b.final_year,
           (SELECT l.level FROM levels l WHERE l.plan = b.plan AND l.indicator = b.indicator
                AND l.year = b.final_year) AS final_target,
           (SELECT arg_min(l.level, l.year) FROM levels l WHERE l.plan = b.plan AND l.indicator = b.indicator
                AND l.year >= {year}) AS next_level,
           (SELECT min(l.year) FROM levels l WHERE l.plan = b.plan AND l.indicator = b.indicator
                AND l.year >= {year}) AS next_year,
           x.actual_year, x.actual
    FROM base b LEFT JOIN latest x USING (plan, indicator)
), targets AS (
    SELECT *, CASE WHEN next_year = {year} THEN next_level
                   WHEN next_year IS NULL OR base_value IS NULL THEN NULL
                   ELSE base_value + (next_level - base_value) * ({year} - base_year) / (next_year - base_year)
              END AS target
    FROM figures
)
SELECT plan, indicator, {year} AS year, round(target, 4) AS target, round(final_target, 4) AS final_target,
       base_year, round(base_value, 4) AS baseline, actual_year, actual,
       round(actual - target, 4) AS gap, round(100 * actual / target, 4) AS attainment_pct,
       round(100 * (pow(actual / base_value, 1.0 / nullif(actual_year - base_year, 0)) - 1), 4)
           AS observed_cagr_pct,
       round(100 * (pow(final_target / actual, 1.0 / nullif(final_year - actual_year, 0)) - 1), 4)
           AS required_cagr_pct,
       CASE WHEN actual IS NULL OR target IS NULL THEN 'no_data'
            WHEN (direction = 'down' AND actual <= target) OR (direction <> 'down' AND actual >= target) THEN 'met'
            ELSE 'not_met' END AS status,
       final_year
FROM targets ORDER BY plan, indicator
"""


def consolidate(root: Path) -> Path:
    """``root/consolidated/targets.csv`` and ``actuals.csv``: every stated number of every plan, a row each, and
    every actuals row with its plan."""
    out = root / "consolidated"
    out.mkdir(exist_ok=True)
    with (out / "targets.csv").open("w", newline="", encoding="utf-8") as targets:
        writer = csv.writer(targets)
        writer.writerow(TARGET_FIELDS)
        for path in sorted((root / "targets").glob("*.toml")):
            plan = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
            header = plan["plan"]
            base_year = header.get("baseline_year", header["period"][0] - 1)
            for indicator in plan["indicators"]:
                for series in indicator["series"]:
                    for value in series["values"]:
                        if "value" in value:
                            writer.writerow((header["id"], indicator["id"], indicator["direction"], series["kind"],
                                             series.get("change", ""), value["year"], value["value"], base_year,
                                             header["period"][1]))
    with (out / "actuals.csv").open("w", newline="", encoding="utf-8") as actuals:
        writer = csv.writer(actuals)
        writer.writerow(ACTUAL_FIELDS)
        for path in sorted((root / "actuals").glob("*.csv")):
            with path.open(newline="", encoding="utf-8") as stream:
                for row in csv.DictReader(stream):
                    writer.writerow((path.stem, row["indicator"], row["year"], row["value"]))
    return out


def query(root: Path, year: int) -> None:
    """Run the query over ``root``'s consolidated files with one thread; its CSV on standard output."""
    import duckdb

    folder = root / "consolidated"
    connection = duckdb.connect(config={"threads": 1})
    sql = QUERY.format(targets=folder / "targets.csv", actuals=folder / "actuals.csv", year=int(year))
    connection.execute(f"COPY ({sql}) TO '/dev/stdout' (FORMAT csv, HEADER true)")


def main(argv: list[str]) -> None:
    if len(argv) >= 2 and argv[0] == "consolidate":
        print(consolidate(Path(argv[1])))
    elif len(argv) >= 3 and argv[0] == "query":
        query(Path(argv[1]), int(argv[2]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
