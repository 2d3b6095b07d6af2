"""The progress site: static, offline HTML pages of every plan of a targets directory, in Chinese and English.

:func:`site_pages` returns the pages of the plans' data as ``{relative path: text}`` (reading the plans and writing
the pages is :mod:`gapcalc.usecases.site`'s). The layout::

    index.html                          languages
    zh/index.html                       plans with their summary, shared indicators
    zh/plans/<plan>.html                the report page of a plan (gap table by subplan, charts, notes)
    zh/plans/<plan>/<indicator>.html    an indicator: chart, milestones, actuals with sources, the plan's quotes
    zh/shared/<indicator>.html          an indicator stated by two plans or more, compared across them
    en/…                                the same in English

Every link is relative and resolves inside the site (the only others are the sources' own ``http(s)`` addresses);
nothing is fetched, nothing runs, and the same input gives the same bytes (no dates, every collection sorted).
Every figure, chart and source is the report's: the engine's rows and :func:`gapcalc.usecases.charts.report_extra`,
as on the report page of ``gapcalc report -f html``.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gapcalc.engine.contracts import COMPARATOR_SIGNS
from gapcalc.engine.statement import Statement
from gapcalc.render.i18n import LANGS, kind_word, page_word
from gapcalc.render.numerals import quantity, rate_text
from gapcalc.render.page import (
    PageContext,
    esc,
    indicator_name,
    link_or_text,
    notes_html,
    page_shell,
    plan_heading,
    report_body,
    shown,
    table_html,
)
from gapcalc.render.prose import change_text
from gapcalc.render.rows import Row, row_key
from gapcalc.render.series import Observed
from gapcalc.render.svg import ChartData, indicator_svg
from gapcalc.render.words import foreign

Key = tuple[str, str]


@dataclass(frozen=True)
class PlanData:
    """Everything the site shows of one plan: the report rows, summary, charts and actuals as the report computes
    them (:func:`gapcalc.usecases.charts.report_extra`, the report page's path) and the numbers the plan states."""

    plan_id: str
    header: Any  # its title, region, document and period (gapcalc.plan.compiled.CompiledPlan has them)
    subplan_names: Mapping[str, tuple[str, str]]
    rows: list[Row]
    summary: list[Row]
    targets: list[Row]
    charts: Mapping[Key, ChartData]
    observed: Mapping[Key, Sequence[Observed]]
    actuals_notes: Sequence[str] = ()
    """What reading the plan's actuals reported (findings worth a line, and the accounting when there were any)."""
    actuals_errors: int = 0
    statements: Mapping[Key, Statement] = field(default_factory=dict)
    """Each row's statement: what the pages say of it."""
    year: int = 0
    """The year the plan is shown for: the site's year, or the plan's final year when the plan ended before it."""

    def name(self, lang: str) -> str:
        """The document's title in ``lang``."""
        return str(self.header.name_zh if lang == "zh" else self.header.name_en)

    def region(self, lang: str) -> str:
        """The region in ``lang``."""
        return str(self.header.region_zh if lang == "zh" else self.header.region_en)

    def indicators(self) -> list[str]:
        """The indicator ids of the report, in the plan's order."""
        return list(self.rows_by_indicator)

    @functools.cached_property
    def rows_by_indicator(self) -> dict[str, list[Row]]:
        """The report rows of each indicator, in the plan's order."""
        grouped: dict[str, list[Row]] = {}
        for row in self.rows:
            grouped.setdefault(str(row["indicator"]), []).append(row)
        return grouped

    @functools.cached_property
    def targets_by_key(self) -> dict[Key, list[Row]]:
        """The numbers the plan states for each indicator and breakdown."""
        grouped: dict[Key, list[Row]] = {}
        for target in self.targets:
            grouped.setdefault(row_key(target), []).append(target)
        return grouped

    @functools.cached_property
    def keyed_charts(self) -> dict[tuple[str, str, str], ChartData]:
        """The charts keyed as a page's context keys them: (plan, indicator, breakdown)."""
        return {(self.plan_id, *key): chart for key, chart in self.charts.items()}

    @functools.cached_property
    def keyed_statements(self) -> dict[tuple[str, str, str], Statement]:
        """The statements keyed as a page's context keys them: (plan, indicator, breakdown)."""
        return {(self.plan_id, *key): statement for key, statement in self.statements.items()}


def shared_indicators(plans: Sequence[PlanData]) -> dict[str, list[PlanData]]:
    """Indicator ids stated by two plans or more, sorted, with those plans."""
    holders: dict[str, list[PlanData]] = {}
    for plan in plans:
        for indicator in plan.indicators():
            holders.setdefault(indicator, []).append(plan)
    return {k: holders[k] for k in sorted(holders) if len(holders[k]) >= 2}


@functools.lru_cache(maxsize=4096)
def relative(source: str, target: str) -> str:
    """The relative link from page ``source`` to ``target`` (both relative to the site's root)."""
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(source) or ".")
    return f"{link}#{anchor}" if anchor else link


def plan_page(lang: str, plan_id: str) -> str:
    """Where a plan's report page is."""
    return f"{lang}/plans/{plan_id}.html"


def indicator_page(lang: str, plan_id: str, indicator: str) -> str:
    """Where an indicator's page is."""
    return f"{lang}/plans/{plan_id}/{indicator}.html"


def shared_page(lang: str, indicator: str) -> str:
    """Where a shared indicator's page is."""
    return f"{lang}/shared/{indicator}.html"


def anchor(breakdown: str) -> str:
    """The anchor of a breakdown's section on an indicator page (``headline`` for the headline figure)."""
    return f"b-{breakdown}" if breakdown else "headline"


def other_lang(lang: str) -> str:
    """The language the switch link leads to."""
    return "en" if lang == "zh" else "zh"


def nav_html(here: str, lang: str, langs: Sequence[str], crumbs: Sequence[tuple[str, str]]) -> str:
    """The navigation bar: breadcrumbs and the link to the same page in the other language."""
    links = [f'<a href="{esc(relative(here, path))}">{esc(label)}</a>' for label, path in crumbs]
    other = other_lang(lang)
    if other in langs:
        twin = other + here[len(lang):]
        links.append(f'<a class="lang" href="{esc(relative(here, twin))}" hreflang="{other}">'
                     f"{esc(page_word('language', lang))}</a>")
    return "<nav>" + "".join(links) + "</nav>\n"


@dataclass(frozen=True)
class Site:
    """The plans of the site, its year and languages."""

    plans: list[PlanData]
    year: int
    langs: tuple[str, ...]

    def shared(self) -> dict[str, list[PlanData]]:
        """Indicators stated by two plans or more."""
        return self.shared_holders

    @functools.cached_property
    def shared_holders(self) -> dict[str, list[PlanData]]:
        """What :meth:`shared` returns, found once."""
        return shared_indicators(self.plans)


def language_index(site: Site) -> str:
    """The root page: one link per language."""
    items = "".join(f'<li><a href="{lang}/index.html" hreflang="{lang}">'
                    f"{esc(page_word('site_title', lang).format(year=site.year))}</a></li>\n" for lang in site.langs)
    body = f"<h1>gapcalc {site.year}</h1>\n<ul>\n{items}</ul>\n"
    return page_shell(f"gapcalc {site.year}", "en", body)


def plans_table(site: Site, lang: str, here: str) -> str:
    """The index's table: one row per plan with its summary."""
    head = "".join(f"<th>{esc(page_word(k, lang))}</th>" for k in ("region", "plan", "document", "period"))
    head += "".join(f'<th class="num">{esc(page_word(k, lang))}</th>'
                    for k in ("targets", "assessed", "met", "not_met", "no_data", "met_share"))
    body = []
    for plan in site.plans:
        whole = next((s for s in plan.summary if s.get("subplan") == "*"), {})
        share = whole.get("met_share_pct")
        ended = plan.year and plan.year != site.year  # a plan that ended before the site's year: its final year
        shown_at = f'<br><span class="small">{esc(page_word("shown_at", lang).format(year=plan.year))}</span>' \
            if ended else ""
        cells = [esc(plan.region(lang)),
                 f'<a href="{esc(relative(here, plan_page(lang, plan.plan_id)))}">{esc(shown(plan.name(lang), lang))}'
                 f"</a>", esc(shown(plan.header.document, lang)),
                 f"{plan.header.period[0]}–{plan.header.period[1]}{shown_at}"]
        numbers = [whole.get(k, 0) for k in ("rows", "assessed", "met", "not_met", "no_data")]
        numbers.append("–" if share is None else f"{rate_text(share)}%")
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells)
                    + "".join(f'<td class="num">{esc(n)}</td>' for n in numbers) + "</tr>\n")
    widths = "".join(f'<col style="width:{w}">' for w in ("7%", "29%", "20%", "8%", *["6%"] * 6))
    return (f"<table>\n<colgroup>{widths}</colgroup>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{''.join(body)}</tbody>\n</table>\n")


def index_page(site: Site, lang: str) -> str:
    """A language's home: the plans with their summary, then the shared indicators."""
    here = f"{lang}/index.html"
    title = page_word("site_title", lang).format(year=site.year)
    shared = site.shared()
    items = []
    for indicator, plans in shared.items():
        row = next(r for r in plans[0].rows if r["indicator"] == indicator)
        label = page_word("stated_by", lang).format(count=len(plans))
        items.append(f'<li><a href="{esc(relative(here, shared_page(lang, indicator)))}">'
                     f"{esc(indicator_name({**row, 'breakdown': None}, lang))}</a> "
                     f'<span class="small"><code>{esc(indicator)}</code> · {esc(label)}</span></li>\n')
    body = (f"<h1>{esc(title)}</h1>\n<p class=\"sub\">{esc(page_word('site_intro', lang).format(year=site.year))}"
            f"</p>\n<h2>{esc(page_word('plans', lang))}</h2>\n{plans_table(site, lang, here)}"
            f"<h2>{esc(page_word('shared', lang))}</h2>\n<ul class=\"words\">\n{''.join(items)}</ul>\n")
    return page_shell(title, lang, body, nav_html(here, lang, site.langs, []))


def plan_report_page(site: Site, plan: PlanData, lang: str) -> str:
    """A plan's report page, its indicators linked to their pages."""
    here = plan_page(lang, plan.plan_id)
    names = {(plan.plan_id, k): (v[0] if lang == "zh" else v[1]) for k, v in plan.subplan_names.items()}
    context = PageContext(lang, charts={(plan.plan_id, *k): v for k, v in plan.charts.items()},
                          subplan_names=names, indicator_link=lambda row: relative(here, _indicator_target(row, lang)),
                          statements=plan.keyed_statements)
    header = plan.header
    title, subtitle = plan_heading({"region_zh": header.region_zh, "region_en": header.region_en,
                                    "name_zh": header.name_zh, "name_en": header.name_en,
                                    "document": header.document, "period": header.period},
                                   plan.year or site.year, lang)
    nav = nav_html(here, lang, site.langs, [(page_word("home", lang), f"{lang}/index.html")])
    return page_shell(title, lang, report_body(title, subtitle, plan.rows, plan.summary, context), nav)


def _indicator_target(row: Mapping[str, Any], lang: str) -> str:
    indicator, breakdown = row_key(row)
    return indicator_page(lang, str(row.get("plan")), indicator) + "#" + anchor(breakdown)


def figures_table(rows: Sequence[Row], context: PageContext) -> str:
    """The report columns of an indicator's rows (one per breakdown)."""
    return table_html(rows, context)


def milestones_html(targets: Sequence[Row], lang: str, statement: Statement | None = None) -> str:
    """What the plan states for one breakdown: year, kind, value as stated (a change on a base year worded as the
    plan words it, 较2017年下降18%, with the key's ``statement``), the level it sets (with its comparator), and the
    quote with its source."""
    if not targets:
        return ""
    head = "".join(f"<th>{esc(page_word(k, lang))}</th>" for k in ("year", "kind", "value", "target"))
    head += f"<th style=\"width:50%\">{esc(page_word('quotes', lang))}</th>"
    body = []
    for row in targets:
        level = quantity(row.get("level"), str(row.get("unit") or ""), lang)
        sign = COMPARATOR_SIGNS.get(str(row.get("comparator") or "="), "") if level else ""
        quote = f"“{esc(row.get('quote') or row.get('text') or '')}”" if row.get("quote") or row.get("text") else ""
        source = f'<br><span class="small">{esc(shown(row.get("source"), lang))}</span>' if row.get("source") else ""
        stated = _stated_text(row, lang, statement)
        cells = [esc(row.get("year")), esc(kind_word(str(row.get("kind")), lang)), esc(stated), esc(sign + level),
                 quote + source]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n")
    return (f"<h3>{esc(page_word('milestones', lang))}</h3>\n<table>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{''.join(body)}</tbody>\n</table>\n")


def _stated_text(row: Row, lang: str, statement: Statement | None) -> Any:
    """A stated number as the plan states it: a change on a base year in words (较2017年下降18%), else as written."""
    change = statement.final.change if statement is not None and statement.final is not None else None
    if row.get("kind") == "change_vs_baseline" and change is not None and row.get("value") is not None:
        return change_text(change.sign, Decimal(str(row["value"])), change.since, lang,
                           str(row.get("comparator") or "="))
    return row.get("value") if row.get("value") is not None else row.get("text")


def actuals_html(actuals: Sequence[Observed], unit: str | None, lang: str) -> str:
    """The actuals of one breakdown up to the report's year, each with the source, title and note of its actuals
    row exactly as the report row of that year carries them."""
    if not actuals:
        return f"<h3>{esc(page_word('actuals', lang))}</h3>\n<p>{esc(page_word('no_actuals', lang))}</p>\n"
    head = "".join(f"<th>{esc(page_word(k, lang))}</th>" for k in ("year", "value", "source", "note"))
    body = []
    for actual in actuals:
        source = " — ".join(x for x in (esc(shown(actual.source_title, lang)), link_or_text(actual.source or ""))
                            if x)
        said = f'<span class="small">{esc(page_word("note_foreign", lang))}</span> ' if actual.note and foreign(
            actual.note, lang) else ""
        cells = [esc(actual.year), esc(quantity(actual.value, unit or "", lang)), f'<span class="src">{source}</span>',
                 said + esc(shown(actual.note, lang))]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n")
    return (f"<h3>{esc(page_word('actuals', lang))}</h3>\n<table>\n<colgroup><col style=\"width:7%\">"
            f"<col style=\"width:12%\"><col style=\"width:40%\"><col></colgroup>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{''.join(body)}</tbody>\n</table>\n")


def breakdown_section(plan: PlanData, row: Row, context: PageContext) -> str:
    """One breakdown of an indicator: its big chart, its figures, the plan's statements and the actuals."""
    lang = context.lang
    key = row_key(row)
    title = page_word("chart_title", lang).format(name=indicator_name(row, lang))
    chart = indicator_svg(context.chart(row, plan.charts.get(key)), title, width=640, height=240, compact=False)
    targets = plan.targets_by_key.get(key, [])
    heading = indicator_name(row, lang)
    return (f'<section id="{anchor(key[1])}">\n<h2>{esc(heading)}</h2>\n{chart}\n'
            f"{figures_table([row], context)}{milestones_html(targets, lang, plan.statements.get(key))}"
            f"{actuals_html(plan.observed.get(key, ()), row.get('unit'), lang)}</section>\n")


def indicator_page_html(site: Site, plan: PlanData, indicator: str, lang: str) -> str:
    """An indicator of a plan: a section per breakdown, links to the plan and to the comparison across plans."""
    here = indicator_page(lang, plan.plan_id, indicator)
    rows = plan.rows_by_indicator[indicator]
    context = PageContext(lang, charts=plan.keyed_charts, statements=plan.keyed_statements)
    crumbs = [(page_word("home", lang), f"{lang}/index.html"),
              (plan.region(lang) + " · " + page_word("report_page", lang), plan_page(lang, plan.plan_id))]
    if indicator in site.shared():
        crumbs.append((page_word("shared", lang), shared_page(lang, indicator)))
    name = indicator_name({**rows[0], "breakdown": None, "breakdown_zh": None, "breakdown_en": None}, lang)
    subtitle = f"{esc(shown(plan.name(lang), lang))} · <code>{esc(indicator)}</code>"
    body = [f"<h1>{esc(name)}</h1>\n<p class=\"sub\">{subtitle}</p>\n"]
    body += [breakdown_section(plan, row, context) for row in rows]
    body.append(notes_html(context))
    return page_shell(f"{name} — {plan.region(lang)}", lang, "".join(body), nav_html(here, lang, site.langs, crumbs))


def shared_page_html(site: Site, indicator: str, plans: Sequence[PlanData], lang: str) -> str:
    """One indicator across the plans that state it: a row per plan and breakdown, each linked to its page."""
    here = shared_page(lang, indicator)
    rows = [r for p in plans for r in p.rows if r["indicator"] == indicator]
    charts = {(p.plan_id, *k): v for p in plans for k, v in p.charts.items() if k[0] == indicator}
    regions = {p.plan_id: p.region(lang) for p in plans}

    def link(row: Mapping[str, Any]) -> str:
        return relative(here, _indicator_target(row, lang))

    statements = {k: v for p in plans for k, v in p.keyed_statements.items() if k[1] == indicator}
    context = PageContext(lang, charts=charts, indicator_link=link, statements=statements)
    shown = [{**r, "name_zh": f"{regions[str(r['plan'])]} · {r['name_zh']}",
              "name_en": f"{regions[str(r['plan'])]} · {r.get('name_en') or r['name_zh']}"} for r in rows]
    name = indicator_name({**rows[0], "breakdown": None, "breakdown_zh": None, "breakdown_en": None}, lang)
    title = page_word("compare_title", lang).format(name=name, year=site.year)
    body = (f"<h1>{esc(title)}</h1>\n<p class=\"sub\"><code>{esc(indicator)}</code> · "
            f"{esc(page_word('stated_by', lang).format(count=len(plans)))}</p>\n"
            f"{table_html(shown, context)}{notes_html(context)}")
    crumbs = [(page_word("home", lang), f"{lang}/index.html")]
    return page_shell(title, lang, body, nav_html(here, lang, site.langs, crumbs))


def site_pages(plans: Sequence[PlanData], year: int, langs: Sequence[str] = LANGS) -> dict[str, str]:
    """Every page of the site of ``plans`` for ``year``, keyed by its path relative to the output directory."""
    site = Site(list(plans), year, tuple(langs))
    pages = {"index.html": language_index(site)}
    for lang in site.langs:
        pages[f"{lang}/index.html"] = index_page(site, lang)
        for plan in site.plans:
            pages[plan_page(lang, plan.plan_id)] = plan_report_page(site, plan, lang)
            for indicator in plan.indicators():
                pages[indicator_page(lang, plan.plan_id, indicator)] = indicator_page_html(site, plan, indicator, lang)
        for indicator, holders in site.shared().items():
            pages[shared_page(lang, indicator)] = shared_page_html(site, indicator, holders, lang)
    return dict(sorted(pages.items()))
