"""The review page of a drafted plan: each statement beside its sentence in the document, with what was read, why,
and what to check.

:func:`review_page` takes a :class:`ReviewPlan` (plain data: :mod:`gapcalc.usecases.review` reads the target file
and the document's saved text) and returns one self-contained HTML page (inline CSS, no scripts, nothing fetched):
a summary on top (statements, how many still carry a ``draft:`` mark, the drafter's notes), the plan header's marks,
then per indicator a block per statement — the sentence with the quote underlined and the numbers read highlighted
(``<mark>``), the reading (value, year, comparator, kind, unit, indicator), why (the drafter's notes) and what to
check. Statements not reviewed yet are flagged; the page made after a partial review shows what is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gapcalc.engine.contracts import COMPARATOR_SIGNS
from gapcalc.render.i18n import kind_word
from gapcalc.render.page import esc, page_shell

REVIEW_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Review of the draft: {name}", "statements": "statements", "to_review": "to review",
        "reviewed": "reviewed", "notes": "draft notes", "indicators": "indicators",
        "intro": "Each statement read from the document, beside its sentence: the quote is underlined, the numbers "
                 "read are highlighted. Check each reading against the sentence, correct the target file, then "
                 "remove its draft: mark. gapcalc check --strict passes once no mark is left.",
        "target_file": "Target file", "source_file": "Document text", "no_source": "not found",
        "plan_marks": "Plan header", "read": "Read", "why": "Why", "check": "What to check",
        "value": "Value", "year": "Year", "comparator": "Comparator", "kind": "Kind", "unit": "Unit",
        "indicator": "Indicator", "breakdown": "Breakdown", "change": "Change", "source": "Place",
        "todo": "to review", "done": "reviewed", "shared": "its own marks reviewed; a plan note left",
        "no_note": "no note",
        "not_found": "The quote was not found in the document's text: compare it with the document.",
        "number_not_found": "Not printed in the quote as typed: {numbers}. Check the number.",
        "check_number": "{value} is the number the sentence states, in {unit}",
        "check_number_plain": "{value} is the number the sentence states (no unit)",
        "check_year": "{year} is the year the sentence means",
        "check_comparator": "the comparator “{sign}” fits the words",
        "check_kind": "the kind, {kind}, fits the verb",
        "check_indicator": "the indicator id and names fit what is measured (a shared id makes plans comparable)",
        "check_mark": "{field} (line {line}) is a draft: {reading}",
        "shared_reading": "plan {field} (line {line}): {reading} — {item}",
        "increase": "increase", "decrease": "decrease",
        "all_reviewed": "Every statement is reviewed.",
        "legend": "Orange: a statement that still carries a draft: mark (light: only a note of the plan header "
                  "names it). Green: reviewed. Highlighted: the "
                  "number read; underlined: the quote. Comparators: 达到/为 =, 以上/不低于 ≥, 超过/突破 >, "
                  "以内/不超过 ≤, 左右/约 ≈, 1—2 range. Kinds: a level (达到), a running total (累计, a count "
                  "reached), "
                  "a year's additions (新增), a change on the baseline (提高/下降).",
    },
    "zh": {
        "title": "草稿复核：{name}", "statements": "条陈述", "to_review": "待复核", "reviewed": "已复核",
        "notes": "条草稿说明", "indicators": "个指标",
        "intro": "从文件中读出的每条陈述与其原句并列：引文加下划线，读出的数字高亮。请逐条对照原句核对读数，"
                 "修改目标文件后删去 draft: 标记。没有标记后 gapcalc check --strict 即可通过。",
        "target_file": "目标文件", "source_file": "原文文本", "no_source": "未找到",
        "plan_marks": "规划信息", "read": "读数", "why": "原因", "check": "核对要点",
        "value": "数值", "year": "年份", "comparator": "比较", "kind": "类型", "unit": "单位",
        "indicator": "指标", "breakdown": "分项", "change": "变化方向", "source": "位置",
        "todo": "待复核", "done": "已复核", "shared": "本条标记已复核；规划说明待复核", "no_note": "无说明",
        "not_found": "原文文本中找不到该引文：请与原文对照。",
        "number_not_found": "引文中没有按原样印出：{numbers}。请核对数字。",
        "check_number": "{value} 是原句所述的数字，单位为 {unit}",
        "check_number_plain": "{value} 是原句所述的数字（无单位）",
        "check_year": "{year} 年是原句所指的年份",
        "check_comparator": "比较符 {sign} 与措辞一致",
        "check_kind": "类型“{kind}”与动词一致",
        "check_indicator": "指标代码和名称与所衡量的内容相符（共用代码便于规划间比较）",
        "check_mark": "{field}（第 {line} 行）为草稿：{reading}",
        "shared_reading": "规划 {field}（第 {line} 行）：{reading} — {item}", "increase": "增加", "decrease": "减少",
        "all_reviewed": "所有陈述均已复核。",
        "legend": "橙色：仍带 draft: 标记的陈述（浅色：仅规划信息的说明提及）。绿色：已复核。"
                  "高亮：读出的数字；下划线：引文。"
                  "比较符：达到/为 =，以上/不低于 ≥，超过/突破 >，以内/不超过 ≤，左右/约 ≈，1—2 为 range。"
                  "类型：水平值（达到）、累计值（累计，达到的数量）、当年新增（新增）、较基期变化（提高/下降）。",
    },
}
"""The words of the review page."""

REVIEW_CSS = """.stmt { border: 1px solid #ddd; border-left: 6px solid #3c8d40; border-radius: 4px; margin: 10px 0;
  padding: 8px 12px; display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 6px 22px;
  break-inside: avoid; page-break-inside: avoid; }
.stmt.todo { border-left-color: #e08a00; background: #fffaf2; }
.stmt.shared { border-left-color: #f0c27a; }
.stmt header { grid-column: 1 / -1; display: flex; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
.stmt header b { font-size: 0.95rem; }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 0.8rem; font-weight: 600;
  white-space: nowrap; }
.badge.todo { background: #e08a00; color: #fff; }
.badge.done { background: #e3f1e4; color: #2a6b2e; }
.badge.shared { background: #fbe9cc; color: #8a4b00; }
.passage { font-size: 1.02rem; line-height: 1.8; background: #fff; border: 1px solid #e4e4e4; border-radius: 4px;
  padding: 6px 10px; margin: 0; white-space: pre-wrap; tab-size: 4; }
.passage q { quotes: none; text-decoration: underline; text-decoration-color: #0b57a4; text-underline-offset: 4px;
  text-decoration-thickness: 2px; }
mark { background: #ffd54f; color: #1a1a1a; font-weight: 700; padding: 0 2px; border-radius: 2px; }
.passage q mark { text-decoration: underline; text-decoration-color: #0b57a4; text-underline-offset: 4px;
  text-decoration-thickness: 2px; }
.where { font-size: 0.78rem; color: #666; margin: 4px 0 0; }
.warn { color: #b3261e; font-size: 0.85rem; margin: 4px 0 0; }
.stmt dl { font-size: 0.86rem; margin: 0 0 4px; }
.stmt h4 { font-size: 0.8rem; color: #555; margin: 6px 0 2px; text-transform: uppercase; letter-spacing: 0.03em; }
.stmt ul { margin: 0; padding-left: 1.2rem; font-size: 0.86rem; }
li.marked { color: #8a4b00; }
.ind { margin-top: 1.4rem; }
.ind h2 { display: flex; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
.ind h2 .small { font-weight: 400; }
.cards .todo b { color: #e08a00; }
code { font-size: 0.85em; background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
@media (max-width: 820px) { .stmt { grid-template-columns: minmax(0, 1fr); } }
"""


_NAME_SHOWN = 40
"""Characters of an indicator's name its heading shows (the whole name is under Read)."""


@dataclass(frozen=True)
class Reading:
    """One reading of a value: what a ``draft:`` says (``marked``), or text already reviewed."""

    text: str
    marked: bool


@dataclass(frozen=True)
class MarkedField:
    """A value of the target file that carries a ``draft:`` mark."""

    field: str
    line: int
    readings: tuple[Reading, ...]


@dataclass(frozen=True)
class ReadValue:
    """One number (or wording) of a statement as the file states it."""

    year: int
    value: str = ""
    comparator: str = "="
    upper: str = ""
    printed: str = ""
    text: str = ""


@dataclass(frozen=True)
class Passage:
    """The sentence of the document a quote stands in: the text before the quote, the quote as pieces (``True``: a
    number read), the numbers read that the quote does not print, the text after; ``found`` False when the quote is
    not in the document (the quote alone)."""

    before: str
    quote: tuple[tuple[str, bool], ...]
    missing: tuple[str, ...]
    after: str
    found: bool
    line: int = 0
    """The line of the document's text the quote starts on (0: unknown)."""


@dataclass(frozen=True)
class ReviewStatement:
    """One statement of the file (a series), what the drafter read and the marks still on it."""

    line: int
    kind: str
    quote: str
    source: str
    values: tuple[ReadValue, ...]
    notes: tuple[Reading, ...]
    marks: tuple[MarkedField, ...]
    passage: Passage
    breakdown: str = ""
    change: str = ""

    @property
    def to_review(self) -> bool:
        """Whether a ``draft:`` mark is left on it (or on its indicator, for the indicator's first statement)."""
        return bool(self.marks)


@dataclass(frozen=True)
class ReviewIndicator:
    """An indicator of the file with its statements."""

    id: str
    name_zh: str
    name_en: str
    unit: str
    line: int
    statements: tuple[ReviewStatement, ...]


@dataclass(frozen=True)
class ReviewPlan:
    """What the review page shows of one target file."""

    plan_id: str
    name_zh: str
    target_file: str
    source_file: str
    header_marks: tuple[MarkedField, ...]
    indicators: tuple[ReviewIndicator, ...]

    @property
    def statements(self) -> list[ReviewStatement]:
        """Every statement, in file order."""
        return [s for indicator in self.indicators for s in indicator.statements]

    def note_count(self) -> int:
        """The drafter's notes still marked ``draft:``, header included."""
        marks = list(self.header_marks) + [m for s in self.statements for m in s.marks]
        return sum(1 for mark in marks for reading in mark.readings if reading.marked)


def _word(key: str, lang: str) -> str:
    return REVIEW_WORDS["zh" if lang == "zh" else "en"][key]


def _draft_text(value: str) -> str:
    """A name as the page shows it: without its ``draft:`` mark (the page flags the mark itself)."""
    return value[len("draft:"):].strip() if value.startswith("draft:") else value


def _passage_html(passage: Passage) -> str:
    quote = "".join(f"<mark>{esc(text)}</mark>" if number else esc(text) for text, number in passage.quote)
    return f'<p class="passage">{esc(passage.before)}<q>{quote}</q>{esc(passage.after)}</p>'


def _unit(unit: str) -> str:
    """A unit as shown beside a number: none for a dimensionless one (``-``)."""
    return "" if unit.strip() in ("", "-") else unit


def _value_text(value: ReadValue, unit: str) -> str:
    """``≥30 %``, ``1–2 个``, ``>20000 家 (2万)``; a target in words as its words."""
    if value.text and not value.value:
        return value.text
    number = f"{value.value}–{value.upper}" if value.comparator == "range" and value.upper else value.value
    parts = [COMPARATOR_SIGNS.get(value.comparator, "") + number, _unit(unit),
             f"({value.printed})" if value.printed else ""]
    return " ".join(part for part in parts if part)


def _comparator_text(comparator: str) -> str:
    """``≥ (>=)``; a comparator whose sign is itself once (``=``, ``>``, ``range``)."""
    sign = COMPARATOR_SIGNS.get(comparator) or comparator
    return comparator if sign == comparator else f"{sign} ({comparator})"


def _read_html(statement: ReviewStatement, indicator: ReviewIndicator, lang: str) -> str:
    values = statement.values
    comparators = ", ".join(dict.fromkeys(_comparator_text(v.comparator) for v in values))
    items = [
        ("value", "; ".join(_value_text(v, indicator.unit) for v in values)),
        ("year", ", ".join(str(v.year) for v in values)),
        ("comparator", comparators),
        ("kind", kind if (kind := kind_word(statement.kind, lang)) == statement.kind else f"{kind} ({statement.kind})"),
        ("unit", indicator.unit),
        ("indicator", f"{indicator.id} · {indicator.name_zh} · {_draft_text(indicator.name_en)}"),
    ]
    if statement.breakdown:
        items.append(("breakdown", statement.breakdown))
    if statement.change:
        items.append(("change", _word(statement.change, lang) if statement.change in ("increase", "decrease")
                      else statement.change))
    if statement.source:
        items.append(("source", statement.source))
    rows = "".join(f"<dt>{esc(_word(key, lang))}</dt><dd>{esc(text)}</dd>" for key, text in items if text)
    return f"<dl>{rows}</dl>"


def _why_html(statement: ReviewStatement, shared: list[str], lang: str) -> str:
    items = [f'<li class="marked">draft: {esc(note.text)}</li>' if note.marked else f"<li>{esc(note.text)}</li>"
             for note in statement.notes]
    items += [f'<li class="marked">{esc(text)}</li>' for text in shared]
    if not items:
        return f'<p class="small">{esc(_word("no_note", lang))}</p>'
    return f"<ul>{''.join(items)}</ul>"


def shared_readings(marks: tuple[MarkedField, ...], indicator_id: str, lang: str) -> list[str]:
    """The readings of the plan header that name an indicator (a note said once for many statements: ``no year in
    the sentence of 15 statements; …: mfg_share_gdp (2025), …``), each cut to what it says and this indicator's item."""
    found: list[str] = []
    item = re.compile(rf"(?<![\w.]){re.escape(indicator_id)}(?![\w.])(?:\s*\([^)]*\))?")
    for mark in marks:
        for reading in mark.readings:
            named = item.search(reading.text) if reading.marked else None
            if named is None:
                continue
            head = reading.text[:named.start()].rstrip()
            head = head[:head.rfind(": ")] if ": " in head else head.rstrip(":,;")
            found.append(_word("shared_reading", lang).format(field=mark.field, line=mark.line, reading=head,
                                                      item=named.group()))
    return found


def _checks(statement: ReviewStatement, indicator: ReviewIndicator, lang: str) -> list[tuple[str, bool]]:
    """What to check, as (text, from a mark): the marked values other than the notes (shown under Why) first, then
    what every reading needs."""
    checks = [(_word("check_mark", lang).format(field=mark.field, line=mark.line, reading=reading.text), True)
              for mark in statement.marks if not _is_note(mark.field)
              for reading in mark.readings if reading.marked]
    numeric = [v for v in statement.values if v.value]
    if numeric:
        shown = ", ".join(_value_text(v, "").strip() for v in numeric)
        key = "check_number" if _unit(indicator.unit) else "check_number_plain"
        checks.append((_word(key, lang).format(value=shown, unit=indicator.unit), False))
    checks.append((_word("check_year", lang).format(year=", ".join(str(v.year) for v in statement.values)), False))
    if numeric:
        signs = ", ".join(dict.fromkeys(_comparator_text(v.comparator) for v in numeric))
        checks.append((_word("check_comparator", lang).format(sign=signs), False))
    checks.append((_word("check_kind", lang).format(kind=kind_word(statement.kind, lang)), False))
    if statement is indicator.statements[0]:
        checks.append((_word("check_indicator", lang), False))
    return checks


def _is_note(field: str) -> bool:
    """A statement's note or a value's note (what Why shows), not an indicator's."""
    return field == "note" or (field.startswith("values[") and field.endswith(".note"))


def _summary(statement: ReviewStatement, indicator: ReviewIndicator) -> str:
    """``2025: ≥30 %`` — the reading in one line, for the block's heading."""
    return "; ".join(f"{v.year}: {_value_text(v, indicator.unit)}" for v in statement.values)


def _statement_html(statement: ReviewStatement, indicator: ReviewIndicator, plan: ReviewPlan, lang: str) -> str:
    target_file, source_file = plan.target_file, plan.source_file
    shared = shared_readings(plan.header_marks, indicator.id, lang)
    state = "todo" if statement.to_review else ("shared" if shared else "done")
    where = f"{target_file}:{statement.line}"
    if statement.passage.line and source_file:
        where += f" · {source_file}:{statement.passage.line}"
    warnings = []
    if not statement.passage.found:
        warnings.append(_word("not_found", lang))
    if statement.passage.missing:
        warnings.append(_word("number_not_found", lang).format(numbers=", ".join(statement.passage.missing)))
    warned = "".join(f'<p class="warn">{esc(text)}</p>' for text in warnings)
    checks = "".join(f'<li class="marked">{esc(text)}</li>' if marked else f"<li>{esc(text)}</li>"
                     for text, marked in _checks(statement, indicator, lang))
    breakdown = f"{esc(statement.breakdown)} · " if statement.breakdown else ""
    return (f'<section class="stmt {state}" id="line-{statement.line}">\n'
            f'<header><span class="badge {state}">{esc(_word(state, lang))}</span>'
            f"<b>{breakdown}{esc(_summary(statement, indicator))}</b>"
            f'<span class="small">{esc(where)}</span></header>\n'
            f'<div>{_passage_html(statement.passage)}{warned}'
            f'<h4>{esc(_word("why", lang))}</h4>'
            f'{_why_html(statement, shared, lang)}</div>\n'
            f'<div><h4>{esc(_word("read", lang))}</h4>{_read_html(statement, indicator, lang)}'
            f'<h4>{esc(_word("check", lang))}</h4><ul>{checks}</ul></div>\n'
            "</section>\n")


def _indicator_html(indicator: ReviewIndicator, plan: ReviewPlan, lang: str) -> str:
    todo = sum(1 for s in indicator.statements if s.to_review)
    badge = f' <span class="badge todo">{esc(_word("todo", lang))} {todo}</span>' if todo else ""
    english = esc(_draft_text(indicator.name_en))
    name = indicator.name_zh if len(indicator.name_zh) <= _NAME_SHOWN else indicator.name_zh[:_NAME_SHOWN] + "…"
    heading = (f'<h2>{esc(name)} <span class="small">{english} · <code>{esc(indicator.id)}</code> · '
               f'{esc(indicator.unit)} · {esc(plan.target_file)}:{indicator.line}</span>{badge}</h2>\n')
    blocks = "".join(_statement_html(s, indicator, plan, lang)
                     for s in indicator.statements)
    return f'<div class="ind">\n{heading}{blocks}</div>\n'


def _marks_html(marks: tuple[MarkedField, ...], lang: str) -> str:
    said = [_word("check_mark", lang).format(field=m.field, line=m.line, reading=r.text)
            for m in marks for r in m.readings if r.marked]
    items = "".join(f'<li class="marked">{esc(text)}</li>' for text in said)
    return (f'<h2>{esc(_word("plan_marks", lang))} <span class="badge todo">{esc(_word("todo", lang))}</span></h2>\n'
            f"<ul>{items}</ul>\n")


def review_page(plan: ReviewPlan, lang: str) -> str:
    """The review page of a drafted plan, in ``lang`` (``zh`` or ``en``)."""
    statements = plan.statements
    todo = sum(1 for s in statements if s.to_review)
    title = _word("title", lang).format(name=plan.name_zh)
    cards = [(len(statements), "statements", ""), (todo, "to_review", " todo"),
             (len(statements) - todo, "reviewed", ""), (plan.note_count(), "notes", ""),
             (len(plan.indicators), "indicators", "")]
    cards_html = "".join(f'<div class="card{extra}"><b>{count}</b><span>{esc(_word(key, lang))}</span></div>'
                         for count, key, extra in cards)
    source = plan.source_file or _word("no_source", lang)
    files = (f'<p class="sub">{esc(_word("target_file", lang))}: <code>{esc(plan.target_file)}</code> · '
             f'{esc(_word("source_file", lang))}: <code>{esc(source)}</code></p>\n')
    done = "" if todo or plan.header_marks else \
        f'<p><span class="badge done">{esc(_word("all_reviewed", lang))}</span></p>\n'
    body = (f"<h1>{esc(title)}</h1>\n{files}<div class=\"cards\">{cards_html}</div>\n{done}"
            f'<p class="legend">{esc(_word("intro", lang))} {esc(_word("legend", lang))}</p>\n')
    if plan.header_marks:
        body += _marks_html(plan.header_marks, lang)
    body += "".join(_indicator_html(indicator, plan, lang) for indicator in plan.indicators)
    page = page_shell(title, lang, body)
    return page.replace("</style>\n</head>", REVIEW_CSS + "</style>\n</head>", 1)
