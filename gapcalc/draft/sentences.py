"""Targets stated in running text: ``到2025年，X达到Y%以上``, lists sharing one verb (``分别达到4.5万家、8000家``),
quotas (``每年新增…``), running and period totals (``累计``), changes (``下降16%``, ``提高5个百分点``,
``年均增长10%``, ``翻番``), ranges (``1—2家``), Chinese numerals, qualitative targets (``基本建立``).

What is not a target is skipped by form: award and subsidy amounts, thresholds inside a name (``10亿元以上的企业``),
size classes (``千亿级``), labels in quotes (``"246"``), dates, document and article numbers, numbers in titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from gapcalc.draft.cells import CHANGE_WORDS, COUNT_UNITS, QUANTITY_RE, Quantity, quantity_at
from gapcalc.draft.extraction import Statement, ValueReading
from gapcalc.messages import t

_SENTENCE_END = re.compile(r"[。;!?]")
_CLAUSE_SPLIT = re.compile(r"[,:]")
_YEAR_TARGET = re.compile(r"(?:到|至|截至|截止到|截止|于|在)?\s*((?:19|20)\d\d)\s*年(?:底|末|前)?")
_BASE_YEAR = re.compile(r"(?:比|较|在|相比|与)\s*((?:19|20)\d\d)\s*年(?:底|末)?(?:基础上|相比)?")
_SUBSIDY = re.compile(r"奖励|补助|补贴|资助|奖补|给予|贴息|扶持资金|最高不超过|一次性")
_QUOTED = re.compile(r"“[^”]{0,10}”|\"[^\"]{0,10}\"|《[^》]*》|〔[^〕]*〕")
_PER_YEAR = re.compile(r"每年|年均新增|逐年|全年|今年|本年度?|年度")
_PERIOD_WORDS = re.compile(r"“?十[三四五]五”?期间|期间|三年|五年|[一二三四五]年内|今后[一二三四五]年")
_FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
              "十五五": (2026, 2030)}
_QUALITATIVE = re.compile(
    r"(基本建立|基本建成|初步建成|初步形成|基本形成|基本实现|全面建成|居全省前列|走在全省前列|位居全国前列|全国领先|"
    r"全省领先|显著提升|明显提升|显著提高|明显提高|稳步提升|持续提高|进一步增强|明显增强|显著增强|基本完善|全覆盖|"
    r"稳中有升|基本稳定|大幅提高|显著改善|跃上新台阶|迈入全国先进行列|更加完善|不断提高|持续增强)$")
_LEADING = re.compile(
    r"^(?:(?:到|至|截至)?\s*(?:19|20)\d\d\s*年(?:底|末)?|“?十[三四五]五”?期间|至少|力争|努力|争取|确保|全力|其中|同时|并且|并|再|以及|和|及|"
    r"使|让|推动|推进|实现|完成|培育|建成|建设|打造|创建|新建|引进|认定|开发|形成|拥有|组织实施|实施|开展|遴选|新增|"
    r"累计|每年|年均|通过|争创|支持|带动|发展|全年|分行业|新培育|新认定|筛选|努力将|推广|的|、|\s)+")
_TRAILING = re.compile(
    r"(?:分别达到|分别为|分别|力争|努力|争取|确保|达到|达|为|突破|超过|超出|超|提高到|提升到|提高至|提升至|增长到|增至|增长至|达至|"
    r"控制在|保持在|稳定在|不低于|不少于|至少|累计达到|总量|年均增长|年均提高|年均|提高|提升|增长|下降|降低|减少|"
    r"缩短|压减|约|以上|实现|开展|举办|至少|培育|建成|建设|打造|新增|累计|完成|认定|引进|组织实施|实施|有|拥有|共|共有|总数|"
    r"数量|全部翻番|翻番|比\s*(?:19|20)\d\d\s*年|较.{0,8}末|在\s*(?:19|20)\d\d\s*年基础上|\s|的|、)+$")
_LEVEL_LABEL = re.compile(r"^(国家级|省级|市级|区县级|县级)")
_LEVEL_NAMES = ("国家级", "省级", "市级", "区县级", "县级")
_LEVEL_INSIDE = re.compile(r"(国家级|省级|市级|区县级|县级)")
_PAST_MARKERS = re.compile(r"已|现有|目前|截至|截止|以来|共有|累计.{0,4}(建成|培育|认定)了")
_THIS_YEAR = re.compile(r"全年|今年|本年度?")
_MAKING_VERB = re.compile(
    r"\s*(?:重点|加快|大力|着力|积极|全力|力争)?\s*(?:培育|打造|建成|建设|创建|引进|认定|新增|新建)")
_SESSION_AFTER = re.compile(
    r"(?:\s*[、和及]\s*(?:[一二三四五六七八九十]+|\d+)\s*[次届])*\s*(?:全会|全体会议|会议|党代会|常委会|代表大会)")
_AMBIGUOUS_VERB = re.compile(r"培育|新建|建设|打造|创建|引进|实施|开发|推动|认定|遴选")


@dataclass(frozen=True)
class TextContext:
    """What reading a sentence needs from the document around it."""

    period: tuple[int, int]
    base_year: int
    section: str
    baseline_section: bool
    target_section: bool


@dataclass
class YearState:
    """The target year carried from one sentence to the next within a section."""

    year: int | None = None


def read_line(line: str, folded: str, number: int, context: TextContext, state: YearState) -> list[Statement]:
    """The statements of one line of running text (``line`` as printed, ``folded`` for matching)."""
    statements: list[Statement] = []
    start = 0
    for end_match in [*_SENTENCE_END.finditer(folded), None]:
        end = end_match.start() if end_match else len(folded)
        if end > start:
            statements.extend(_read_sentence(line, folded, start, end, number, context, state))
        start = end + 1
    return statements


def _masked(folded: str, start: int, end: int) -> str:
    """The sentence with labels in quotes, titles and bracketed numbers blanked out (same length)."""
    sentence = folded[start:end]
    return _QUOTED.sub(lambda m: m.group() if not re.search(r"\d", m.group()) else " " * len(m.group()), sentence)


def _read_sentence(line: str, folded: str, start: int, end: int, number: int, context: TextContext,
                   state: YearState) -> list[Statement]:
    masked = _masked(folded, start, end)
    quantities = [q for q in _quantities(masked) if q is not None]
    sentence = folded[start:end]
    statements: list[Statement] = []
    year, inherited = _sentence_year(masked, context, state)
    baseline = _is_baseline(sentence, context, year)
    groups = _groups(sentence, quantities)
    floor = Floor()
    for index, group in enumerate(groups):
        limit = groups[index + 1][0].start if index + 1 < len(groups) else len(sentence)
        statements.extend(_group_statements(line, sentence, start, group, number, context, year, inherited, baseline,
                                            floor, limit))
    statements = _share_noun_after_levels(statements)
    if "翻番" in sentence or "翻一番" in sentence:
        statements.extend(_doubling(line, sentence, start, number, context, year, inherited))
    if not quantities and context.target_section and not baseline:
        statements.extend(_qualitative(line, sentence, start, number, context, year))
    return statements


def _quantities(sentence: str) -> list[Quantity | None]:
    found: list[Quantity | None] = []
    for match in QUANTITY_RE.finditer(sentence):
        quantity = quantity_at(sentence, match)
        if quantity is None or not _is_target_number(sentence, match, quantity):
            continue
        found.append(quantity)
    return found


def _is_target_number(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    num = match.group("num")
    before = sentence[max(0, match.start() - 3):match.start()].rstrip()[-1:]
    after = sentence[quantity.unit_end:quantity.unit_end + 3]
    if not quantity.unit:
        return _unitless_target(sentence, match, quantity)
    if before in ("第", "G", "V") or re.match(r"[A-Za-z]", before) or re.match(r"\s*[A-Za-z+]", after):
        return False
    if quantity.chinese and (num in ("一", "几", "十") or quantity.value < 2 or not _chinese_unit_ok(quantity)):
        return False
    if re.match(r"(?:以上|以下|及以上)?的|级", sentence[quantity.unit_end:quantity.unit_end + 4].lstrip()):
        return False  # a threshold inside a name (10亿元以上的企业) or a size class (千亿级)
    if re.match(r"\s*(?:以上|以下)?(?:企业|项目|产业集群|集群|大企业|骨干企业|龙头企业)", after + sentence[
            quantity.unit_end + 3:quantity.unit_end + 8]) and quantity.unit.endswith("元"):
        return False
    if quantity.unit.endswith("元") and _SUBSIDY.search(sentence):
        return False
    if quantity.unit.endswith("元") and re.match(r"\s*(?:以上|以下)\s*[\u4e00-\u9fff]", sentence[quantity.unit_end:]) \
            and not re.match(r"\s*(?:以上|以下)\s*[和及与或]", sentence[quantity.unit_end:]):
        return False  # an amount qualifying what follows (亩均税收万元以下用地)
    if re.search(r"(?:超|超额完成|超过)(?:目标|计划)?任务$|超额完成$", sentence[:match.start()].rstrip()):
        return False  # the margin by which a past target was beaten
    if _is_enumeration_count(sentence, match, quantity):
        return False
    if quantity.unit == "人" and re.search(r"联系人|负责人", sentence):
        return False
    return not _is_session_number(sentence, match, quantity)


def _is_enumeration_count(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    """``《…方案》等5个``, ``电子、汽车、装备3个``: the count of the titles or items just listed, not a target."""
    if quantity.unit not in COUNT_UNITS or quantity.comparator != "=":
        return False
    before = sentence[_clause_start(sentence, match.start()):match.start()].rstrip()
    if re.search(r"[》”\"]等$", before):
        return True
    if _MAKING_VERB.match(before):
        return False  # 重点培育A、B、C等3家…: the named items are the target
    items = re.split(r"[、]", before)
    with_and = re.split(r"[、和及]", before)
    return len(items) >= 3 and quantity.value in (len(items), len(with_and))


def _is_session_number(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    """``十一届三次、四次全会``, ``第五次会议``: the ordinal of a meeting, not a count."""
    if quantity.unit not in ("次", "届"):
        return False
    if sentence[max(0, match.start() - 1):match.start()] in ("届", "第"):
        return True
    return bool(_SESSION_AFTER.match(sentence, quantity.unit_end))


def _chinese_unit_ok(quantity: Quantity) -> bool:
    return quantity.unit in COUNT_UNITS or quantity.unit.endswith("元")


def _unitless_target(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    if quantity.chinese or match.group("num2"):
        return False
    if re.fullmatch(r"(19|20)\d\d", match.group("num")):
        return False
    before = sentence[max(0, match.start() - 3):match.start()].rstrip()
    after = sentence[match.end():match.end() + 1]
    return bool(re.search(r"(达到|达|为|提高到|提升到|保持在)$", before)) and (after in ("", ",", "、", " ", ";")
                                                                   or after in "左以")


def _sentence_year(sentence: str, context: TextContext, state: YearState) -> tuple[int, bool]:
    base_spans = [m.span() for m in _BASE_YEAR.finditer(sentence)]
    years = [int(m.group(1)) for m in _YEAR_TARGET.finditer(sentence)
             if not any(s <= m.start(1) < e for s, e in base_spans)
             and not re.match(r"\s*[-—–~至]", sentence[m.end(1):m.end(1) + 2])
             and not sentence[m.end():m.end() + 1].isdigit() and "月" not in sentence[m.end():m.end() + 3]
             and not re.match(r"\s*(?:以来|起|开始)", sentence[m.end():])]
    if years:
        state.year = years[0]
        return years[0], False
    past = [end for label, (_, end) in _FIVE_YEAR.items() if label in sentence and end < context.period[0]]
    if past:
        state.year = past[0]
        return past[0], False
    if state.year is not None:
        return state.year, True
    return context.period[1], True


def _is_baseline(sentence: str, context: TextContext, year: int) -> bool:
    if year < context.period[0]:
        return True
    if context.baseline_section and not re.search(r"到\s*20\d\d|力争|目标", sentence):
        return True
    return bool(_PAST_MARKERS.search(sentence)) and not re.search(r"到\s*20\d\d|力争|达到", sentence)


def _groups(sentence: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Quantities joined only by ``、`` (or ``和``) form one list sharing a verb; every other quantity stands alone."""
    groups: list[list[Quantity]] = []
    for quantity in quantities:
        if groups:
            gap = sentence[groups[-1][-1].end:quantity.start]
            if re.fullmatch(r"\s*[、和及]\s*(?:国家级|省级|市级|区县级|县级)?\s*", gap):
                groups[-1].append(quantity)
                continue
        groups.append([quantity])
    return groups


def _clause_start(sentence: str, index: int) -> int:
    cut = max((m.end() for m in _CLAUSE_SPLIT.finditer(sentence, 0, index)), default=0)
    return cut


@dataclass
class Floor:
    """Where the text the previous list of numbers used ends, within the sentence, and whether its name followed it."""

    end: int = 0
    name_after: bool = False


def _head_start(sentence: str, first: Quantity, floor: Floor) -> int:
    """Where the name of a list of numbers may start: the clause start, or after the previous list when the text
    between them names this one (``达到40%、其中制造业占比稳定在30%``) or the previous name followed its number
    (``培育15家省级平台和3家国家级平台``)."""
    clause_start = _clause_start(sentence, first.start)
    if floor.end <= clause_start:
        return clause_start
    if _clean_name(sentence[floor.end:first.start]) or floor.name_after:
        return floor.end
    return clause_start


def _group_statements(line: str, sentence: str, offset: int, group: list[Quantity], number: int,
                      context: TextContext, year: int, inherited: bool, baseline: bool, floor: Floor,
                      limit: int) -> list[Statement]:
    first = group[0]
    clause_start = _head_start(sentence, first, floor)
    head = sentence[clause_start:first.start]
    names = _names_for(head, sentence, group, limit)
    floor.end, floor.name_after = group[-1].end, False
    statements = []
    for index, quantity in enumerate(group):
        local_start = clause_start if index == 0 else group[index - 1].end
        name, breakdown, note = names[index]
        quote_start = clause_start if len(group) > 1 else _quote_start(sentence, clause_start, first.start, name)
        quote_end = group[-1].end if len(group) > 1 else _quote_end(sentence, quantity, name)
        if quote_end > quantity.end:
            floor.end, floor.name_after = quote_end, True
        quote = line[offset + quote_start:offset + quote_end].strip(" ,、和及")
        statement = _statement(sentence[local_start:quantity.start], sentence[clause_start:quantity.start],
                               sentence, quantity, name, context, year, inherited, baseline)
        statement.quote, statement.line = quote, number
        if breakdown:
            statement.breakdown_name = breakdown
        if note:
            statement.notes.append(note)
        statements.append(statement)
    return statements


_BARE_LEVEL = re.compile(r"[\u4e00-\u9fff]{1,4}级")
_LEVEL_AND_NOUN = re.compile(r"([\u4e00-\u9fff]{1,4}?级)([\u4e00-\u9fff“”]{2,})")


def _share_noun_after_levels(statements: list[Statement]) -> list[Statement]:
    """``1—2个世界级、7个万亿级先进制造业集群``: a number naming only a class (世界级) counts the noun of the next
    number, each with its class as the breakdown."""
    for current, following in zip(statements, statements[1:], strict=False):
        if not _BARE_LEVEL.fullmatch(current.name_zh) or current.breakdown_name:
            continue
        match = _LEVEL_AND_NOUN.fullmatch(following.name_zh)
        if match is None or following.breakdown_name or current.unit != following.unit:
            continue
        current.breakdown_name, current.name_zh = current.name_zh, match.group(2)
        following.breakdown_name, following.name_zh = match.group(1), match.group(2)
    return statements


def _names_for(head: str, sentence: str, group: list[Quantity],
               limit: int) -> list[tuple[str, str | None, str | None]]:
    subject = _clean_name(head)
    if len(group) > 1 and re.search(r"分别", head):
        parts = [p for p in re.split(r"[、和及]", re.sub(r"分别.*$", "", head)) if p.strip()]
        parts = [_clean_name(p) for p in parts]
        if len(parts) == len(group):
            return _shared_noun(parts)
        return [(subject, None, t("draft: a list of numbers whose names could not be paired; split by hand"))
                for _ in group]
    result: list[tuple[str, str | None, str | None]] = []
    for index, quantity in enumerate(group):
        local = subject if index == 0 else _clean_name(sentence[group[index - 1].end:quantity.start])
        if index > 0 and (not local or _LEVEL_LABEL.match(local) and len(local) <= 4):
            level = _LEVEL_LABEL.match(local) if local else None
            base = _LEVEL_LABEL.sub("", result[0][0]) or result[0][0]
            result.append((base, level.group(1) if level else None, None))
            continue
        if not local:
            local = _name_after(sentence, quantity, limit)
        level = _LEVEL_INSIDE.search(local)
        if index == 0 and len(group) > 1 and level:
            result.append((_LEVEL_INSIDE.sub("", local, count=1) or local, level.group(1), None))
        else:
            result.append((local, None, None))
    return result


def _shared_noun(parts: list[str]) -> list[tuple[str, str | None, str | None]]:
    """``国家、省级绿色工厂分别…``: short levels before the last part share its noun (国家级绿色工厂, 省级绿色工厂)."""
    last = _LEVEL_LABEL.match(parts[-1])
    short = all(len(p) <= 3 and "级" not in p for p in parts[:-1])
    if not last or not short:
        return [(p, None, None) for p in parts]
    noun = parts[-1][last.end():]
    levels = [p if p.endswith("级") else f"{p}级" for p in parts[:-1]] + [last.group(1)]
    return [(noun, level if level in _LEVEL_NAMES else None, None) if noun else (level, None, None)
            for level in levels]


def _clean_name(text: str) -> str:
    previous = None
    name = text.strip()
    while previous != name:
        previous = name
        name = _LEADING.sub("", name)
        name = _TRAILING.sub("", name)
        name = name.strip(" ,、“”\"")
    if name.count("“") != name.count("”"):
        name = name.replace("“", "").replace("”", "")  # a label in quotes cut at the number (“5G+工业互联网”)
    return name


def _name_after(sentence: str, quantity: Quantity, limit: int) -> str:
    """The name printed after its number (``建设100家示范工厂``), up to the next number; class labels listed before
    the noun stay with it (``5个行业级、区域级标识解析二级节点``)."""
    tail = re.sub(r"^\s*[(（][^)）]{1,3}[)）]", "", sentence[quantity.end:max(limit, quantity.end)])
    pieces = re.split(r"([,;、])", tail)
    name = pieces[0]
    while _BARE_LEVEL.fullmatch(name.split("、")[-1].strip()) and len(pieces) > 2 and pieces[1] == "、" \
            and pieces[2].strip() and not re.search(r"\d", pieces[2]):
        name, pieces = f"{name}、{pieces[2]}", pieces[2:]
    name = re.sub(r"[和及与或]\s*$", "", name)
    return _clean_name(name)[:30]


def _quote_start(sentence: str, clause_start: int, number_start: int, name: str) -> int:
    if name:
        found = sentence.rfind(name[:4], clause_start, number_start)
        if found >= 0:
            return found
    return clause_start


def _quote_end(sentence: str, quantity: Quantity, name: str) -> int:
    if name and sentence.find(name[:4], quantity.end) == quantity.end or (
            name and sentence.find(name[:4], quantity.end, quantity.end + 12) >= 0
            and sentence.rfind(name[:4], 0, quantity.start) < 0):
        found = sentence.find(name[-4:] if len(name) > 4 else name, quantity.end)
        if found >= 0:
            return found + min(4, len(name))
    return quantity.end


def _statement(local: str, clause: str, sentence: str, quantity: Quantity, name: str, context: TextContext,
               year: int, inherited: bool, baseline: bool) -> Statement:
    notes: list[str] = []
    unit = quantity.unit or "-"
    values_year = year
    kind, change, base_year, period = _kind(local, clause, sentence, quantity, context, baseline)
    if not name:
        name = "未命名指标"
        notes.append(t("draft: no name found before or after the number; name the indicator"))
    if kind == "baseline":
        values_year = year if year < context.period[0] else context.base_year
        if year >= context.period[0]:
            notes.append(t("draft: a stated situation read as the baseline of {year}", year=values_year))
    elif inherited:
        notes.append(t("draft: no year in the sentence; {year} is taken from an earlier sentence or the plan's end",
                       year=year))
    if not quantity.unit:
        notes.append(t("draft: no unit printed; index or ratio assumed"))
    values: list[ValueReading]
    reading = ValueReading(values_year, quantity.value, quantity.comparator, quantity.upper, quantity.printed)
    if kind == "new_in_year" and _THIS_YEAR.search(_last_quota_marker(sentence[:quantity.start])):
        values = [replace(reading, year=context.period[0])]
        notes.append(t("draft: 全年 read as the additions of {year}, the plan's first year", year=context.period[0]))
    elif kind == "new_in_year":
        first_year = max(context.period[0], context.base_year + 1)
        values = [ValueReading(y, quantity.value, quantity.comparator, quantity.upper, quantity.printed)
                  for y in range(first_year, max(values_year, context.period[1]) + 1)]
        notes.append(t("draft: 每年 read as a quota for every year of the plan period"))
    else:
        values = [reading]
    if kind == "cumulative" and _AMBIGUOUS_VERB.search(clause) and not re.search(r"累计|达到|总量|总数", clause):
        notes.append(t("draft: read as the stock in the target year (cumulative); the verb may mean additions"))
    if kind == "period_total" and "累计" not in clause:
        notes.append(t("draft: 新增 without 每年 read as the total over the plan period"))
    statement = Statement(name, unit, kind, values, "", 0, section=context.section, change=change,
                          base_year=base_year, period=period, notes=notes)
    statement.direction = _direction(name, change, kind)
    return statement


def _kind(local: str, clause: str, sentence: str, quantity: Quantity, context: TextContext,
          baseline: bool) -> tuple[str, str | None, int | None, tuple[int, int] | None]:
    near = local[-8:]
    change = _change_word(near)
    base = _BASE_YEAR.search(clause)
    base_year = int(base.group(1)) if base else None
    if baseline:
        return "baseline", None, None, None
    if quantity.unit == "个百分点":
        return "pp_change", change or "increase", base_year, None
    if re.search(r"年均(增长|增速|提高|提升)?\s*$", near) or ("年均" in near and quantity.unit == "%"):
        return "annual_growth", change or "increase", base_year, None
    if quantity.unit == "%" and change and not re.search(r"(到|至|为)\s*$", near):
        return "change_vs_baseline", change, base_year, None
    before = sentence[:quantity.start]
    if re.search(r"累计|总量|合计|共计", clause) and _PERIOD_WORDS.search(clause):
        return "period_total", None, None, _period_of(clause, context)
    if _is_quota(before) and quantity.unit != "%":
        return "new_in_year", None, None, None
    if "新增" in clause and quantity.unit != "%":
        return "period_total", None, None, context.period
    if quantity.unit in COUNT_UNITS or quantity.unit.endswith(("家", "个", "户")):
        return "cumulative", None, None, None
    return "level", None, None, None


def _change_word(text: str) -> str | None:
    """The change a verb states (下降, 提高…); ``增加值`` (value added) is a noun, not the verb 增加."""
    plain = text.replace("增加值", "")
    return next((direction for word, direction in CHANGE_WORDS if word in plain), None)


def _is_quota(before: str) -> bool:
    """``每年…`` before the number, with no target year (``到2022年``) between them: a yearly quota."""
    marker = _last_quota_marker(before)
    return bool(marker) and not re.search(r"(?:到|至)\s*(?:19|20)\d\d\s*年", before[before.rfind(marker):])


def _last_quota_marker(before: str) -> str:
    markers = _PER_YEAR.findall(before)
    return markers[-1] if markers else ""


def _period_of(clause: str, context: TextContext) -> tuple[int, int]:
    for label, years in _FIVE_YEAR.items():
        if label in clause:
            return years
    return context.period


def _direction(name: str, change: str | None, kind: str) -> str:
    if re.search(r"能耗|水耗|用水量|排放|成本|周期|不良品率|事故|污染", name):
        return "down"
    if kind == "change_vs_baseline" and change == "decrease":
        return "down"
    return "up"


def _doubling(line: str, sentence: str, offset: int, number: int, context: TextContext, year: int,
              inherited: bool) -> list[Statement]:
    match = re.search(r"翻(一)?番", sentence)
    if match is None:
        return []
    clause_start = _clause_start(sentence, match.start())
    head = sentence[clause_start:match.start()]
    names = [n for n in (_clean_name(p) for p in re.split(r"、|和", re.sub(r"(数量|全部|均|都).*$", "", head)))
             if n]
    printed = match.group()
    quote = line[offset + clause_start:offset + match.end()].strip(" ,")
    statements = []
    for name in names or ["未命名指标"]:
        statement = Statement(name, "-", "change_vs_baseline",
                              [ValueReading(year, Decimal(100), "=", None, printed)], quote, number,
                              section=context.section, change="increase",
                              notes=[t("draft: 翻番 read as a 100 % increase over the baseline; fill in the unit")])
        if inherited:
            statement.notes.append(t("draft: no year in the sentence; {year} is taken from an earlier sentence",
                                     year=year))
        statements.append(statement)
    return statements


def _qualitative(line: str, sentence: str, offset: int, number: int, context: TextContext,
                 year: int) -> list[Statement]:
    statements = []
    position = 0
    for part in re.split(r"([,;])", sentence):
        if part in (",", ";"):
            position += 1
            continue
        stripped = part.rstrip()
        match = _QUALITATIVE.search(stripped)
        if match:
            name = _clean_name(stripped[:match.start()])
            if 2 <= len(name) <= 40:
                quote = line[offset + position:offset + position + len(stripped)].strip()
                statements.append(Statement(name, "-", "qualitative", [ValueReading(year, text=match.group())],
                                            quote, number, section=context.section))
        position += len(part)
    return statements
