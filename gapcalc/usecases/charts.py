"""What a page shows beside the report rows: each row's chart and its actuals with their sources, the plans' names
and their subplans' names — made once from the engine's series for the report page, the workbook, the site and the
brief."""

from __future__ import annotations

from typing import Any

from gapcalc.actuals.columns import batch_of
from gapcalc.engine.batch import BatchReport
from gapcalc.engine.report import batch_series
from gapcalc.engine.statement import plan_facts, statement_of
from gapcalc.render.rows import clean_rows, row_key
from gapcalc.render.series import engine_chart, observed_actuals


def report_extra(report: BatchReport) -> dict[str, Any]:
    """What a page needs besides the rows of ``report``, keyed ``(plan, indicator, breakdown)``: ``charts`` (each
    row's chart) and ``observed`` (each row's actuals with their sources), both computed by the engine from the same
    compiled plan and actuals as the row (:func:`gapcalc.engine.report.batch_series`); ``plans`` (each plan's
    names, document and period), ``subplans`` keyed ``(plan, subplan)`` → (zh, en), and ``statements`` (each row's
    :class:`~gapcalc.engine.statement.Statement`, what the page says of it)."""
    rows = report.columns.rows()
    batch = batch_of(report.actuals)
    charts, observed = {}, {}
    for row, series in zip(rows, batch_series(report.plans, batch), strict=True):
        key = (str(row["plan"]), *row_key(row))
        charts[key] = engine_chart(row, series, batch.columns)
        observed[key] = observed_actuals(row, series, batch.columns)
    facts = {p.id: plan_facts(p) for p in report.plans}
    statements = {key: statement_of(facts[key[0]], row) for key, row in zip(charts, clean_rows(rows), strict=True)}
    plans = {p.id: {"name_zh": p.name_zh, "name_en": p.name_en, "region_zh": p.region_zh,
                    "region_en": p.region_en, "document": p.document, "period": p.period} for p in report.plans}
    subplans = {(p.id, s[0]): (s[1], s[2]) for p in report.plans for s in p.subplans}
    return {"charts": charts, "observed": observed, "plans": plans, "subplans": subplans, "statements": statements}
