"""What changed between two reports, in words: the sentence a bureau writes
(``本期新增数据3项，修订2项，删除0项；状态变化：绿色工厂由未达标转为达标``) and its English, and the terminal table
of the changes.

The sentence is renderer-independent text: the terminal prints it under the table, machine formats put it on stderr.
Status and outlook words are those of every other output (:data:`gapcalc.render.i18n.STATUS_WORDS` and
:data:`~gapcalc.render.i18n.OUTLOOK_WORDS`), without their symbol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gapcalc.render.cells import cell_text
from gapcalc.render.i18n import page_word, status_word

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.engine.diff import Change, Diff

SENTENCES: dict[str, dict[str, str]] = {
    "zh": {"counts": "本期新增数据{added}项，修订{revised}项，删除{removed}项", "status": "状态变化：{items}",
           "outlook": "展望变化：{items}", "warning": "年内预警变化：{items}", "item": "{name}由{old}转为{new}",
           "item_new": "{name}新纳入年内监测，为{new}", "rows_added": "新增指标{count}项：{items}",
           "rows_removed": "删除指标{count}项：{items}", "none": "本期数据无变化。"},
    "en": {"counts": "{added} figure{s} added, {revised} revised, {removed} removed",
           "status": "status changes: {items}",
           "outlook": "outlook changes: {items}", "warning": "in-year warning changes: {items}",
           "item": "{name} from {old} to {new}", "item_new": "{name} newly monitored in-year: {new}",
           "rows_added": "{count} indicator{s} added: {items}", "rows_removed": "{count} indicator{s} removed: {items}",
           "none": "No changes."},
}
"""The parts of the sentence, in each language."""
SEPARATORS: dict[str, tuple[str, str, str, str]] = {"zh": ("；", "，", "、", "。"), "en": ("; ", ", ", ", ", ".")}
"""Between parts, between changes, between names, and at the end."""

CHANGE_WORDS: dict[str, dict[str, str]] = {
    "zh": {"added": "新增数据", "revised": "修订", "removed": "删除", "status": "状态变化", "outlook": "展望变化",
           "warning": "预警变化", "row_added": "新增指标", "row_removed": "删除指标"},
    "en": {"added": "added", "revised": "revised", "removed": "removed", "status": "status", "outlook": "outlook",
           "warning": "warning", "row_added": "row added", "row_removed": "row removed"},
}
"""Each kind of change (:data:`gapcalc.engine.diff.CHANGE_KINDS`) in the terminal table."""
TABLE_HEADINGS: dict[str, tuple[str, ...]] = {
    "zh": ("变化", "指标", "项目", "原值", "新值", "变化量", "变化率 %"),
    "en": ("Change", "Indicator", "Cell", "Old", "New", "Delta", "Delta %"),
}
FIELD_WORDS = {"actual": "actual", "actual_year": "actual_year", "actual_comparator": "comparator",
               "status": "status", "outlook": "outlook"}
"""A changed cell → its heading among the page's words (:func:`gapcalc.render.i18n.page_word`)."""
AS_OF = {"zh": "截至", "en": "As of"}
IN_YEAR = {"zh": "年内预警", "en": "In-year warning"}
TITLES = {"zh": "{name} {year}年：{old} → {new}", "en": "{name} {year}: {old} → {new}"}
KNOWN_NOW = {"zh": "当前全部数据", "en": "all known now"}
"""The new side of a plan's diff when none is named: the plan's actuals, all that is known."""


def diff_title(name: str, year: int, old: str | None, new: str | None, lang: str) -> str:
    """The title of a plan's diff: its name, the year, and the two sides as given (``重庆… 2024年：2024-01-01 →
    当前全部数据``)."""
    lang = "zh" if lang == "zh" else "en"
    return TITLES[lang].format(name=name, year=year, old=old or KNOWN_NOW[lang], new=new or KNOWN_NOW[lang])


def bare_word(key: str, lang: str, kind: str = "status") -> str:
    """A status, outlook or in-year warning level in words, without its symbol (``not_met`` → ``未达标``,
    ``not met``; ``yellow`` → ``黄色预警``); a blank one as —."""
    if not key:
        return page_word("none_stated", lang)
    if kind == "warning":
        key = f"warning_{key}"
    symbol, _, word = status_word(key, lang).partition(" ")
    return word or symbol


def change_name(change: Change, lang: str, with_plan: bool = False) -> str:
    """The indicator of a change in ``lang``, with its breakdown (``企业研发机构（国家级）``)."""
    zh = lang == "zh"
    name = (change.name_zh if zh else change.name_en) or change.name_zh or change.indicator
    breakdown = (change.breakdown_zh if zh else change.breakdown_en) or change.breakdown
    if breakdown:
        name += f"（{breakdown}）" if zh else f" ({breakdown})"
    return f"{change.plan} {name}" if with_plan else name


def diff_sentence(diff: Diff, lang: str) -> str:
    """The changes in one sentence: counts of figures, then each status and outlook change, then the rows one
    report lacks (``3 figures added, 2 revised, 0 removed; status changes: Green factories from not met to met``)."""
    lang = "zh" if lang == "zh" else "en"
    words, (between_parts, between_items, between_names, end) = SENTENCES[lang], SEPARATORS[lang]
    if not diff.changed:
        return words["none"]
    counts = diff.counts()
    parts = [words["counts"].format(added=counts.added, revised=counts.revised, removed=counts.removed,
                                    s="" if counts.added == 1 else "s")]
    with_plan = len({change.plan for change in diff.changes}) > 1
    for kind in ("status", "outlook", "warning"):
        items = [words["item_new" if kind == "warning" and not c.old else "item"].format(
            name=change_name(c, lang, with_plan), old=bare_word(c.old, lang, kind), new=bare_word(c.new, lang, kind))
            for c in diff.of_kind(kind)]
        if items:
            parts.append(words[kind].format(items=between_items.join(items)))
    for kind, part in (("row_added", "rows_added"), ("row_removed", "rows_removed")):
        names = [change_name(c, lang, with_plan) for c in diff.of_kind(kind)]
        if names:
            parts.append(words[part].format(count=len(names), s="" if len(names) == 1 else "s",
                                                  items=between_names.join(names)))
    return between_parts.join(parts) + end


def table_cells(change: Change, lang: str) -> tuple[str, ...]:
    """A change as a row of the terminal table: statuses and outlooks in words, numbers as stated."""
    lang = "zh" if lang == "zh" else "en"
    field = {"as_of": AS_OF[lang], "warning": IN_YEAR[lang]}.get(change.field) or (
        page_word(FIELD_WORDS[change.field], lang) if change.field in FIELD_WORDS else change.field)
    old, new = change.old, change.new
    if change.change in ("status", "outlook", "warning"):
        old, new = bare_word(old, lang, change.change), bare_word(new, lang, change.change)
    return (CHANGE_WORDS[lang].get(change.change, change.change), change_name(change, lang), field, old, new,
            cell_text(change.delta), cell_text(change.delta_pct))


def print_diff(console: Any, diff: Diff, title: str, lang: str) -> None:
    """The changes as a table on the terminal (none when nothing changed), then the sentence."""
    from rich import box
    from rich.table import Table

    if diff.changed:
        lang = "zh" if lang == "zh" else "en"
        table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
        for at, heading in enumerate(TABLE_HEADINGS[lang]):
            table.add_column(heading, justify="right" if at >= 5 else "left", overflow="fold")
        for change in diff.changes:
            table.add_row(*table_cells(change, lang))
        console.print(table)
    console.print(diff_sentence(diff, lang), soft_wrap=True, markup=False)
