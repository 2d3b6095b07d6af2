"""The plan header (title, document number, region, period, date of issue) and the section headings of a document.

All patterns run on folded text (:func:`gapcalc.draft.charmap.fold`): simplified characters, ASCII digits and
punctuation; they are rules of the lexicon (``document.*``, :mod:`gapcalc.draft.lexicon`). Lines that are no plan
text (comments at the top of a text file, the furniture of a web page, news headlines) are found here too
(:func:`furniture`). The title is a line of its own, else the name in 《…》, else the first line, with a note.
"""

from __future__ import annotations

import re
from collections import Counter

from gapcalc.draft.extraction import Heading, PlanReading
from gapcalc.draft.lexicon import LEXICON
from gapcalc.messages import t

PROVINCES = {
    "北京": "Beijing", "天津": "Tianjin", "上海": "Shanghai", "重庆": "Chongqing", "河北": "Hebei", "山西": "Shanxi",
    "辽宁": "Liaoning", "吉林": "Jilin", "黑龙江": "Heilongjiang", "江苏": "Jiangsu", "浙江": "Zhejiang",
    "安徽": "Anhui", "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong", "河南": "Henan", "湖北": "Hubei",
    "湖南": "Hunan", "广东": "Guangdong", "海南": "Hainan", "四川": "Sichuan", "贵州": "Guizhou", "云南": "Yunnan",
    "陕西": "Shaanxi", "甘肃": "Gansu", "青海": "Qinghai", "内蒙古": "Inner Mongolia", "广西": "Guangxi",
    "西藏": "Tibet", "宁夏": "Ningxia", "新疆": "Xinjiang",
}
MUNICIPALITIES = frozenset(LEXICON.words("document.municipality"))
"""The municipalities directly under the central government (直辖市): provincial-level regions."""
CITIES = {
    "绵阳": "Mianyang", "金华": "Jinhua", "淄博": "Zibo", "成都": "Chengdu", "杭州": "Hangzhou", "宁波": "Ningbo",
    "温州": "Wenzhou", "嘉兴": "Jiaxing", "湖州": "Huzhou", "绍兴": "Shaoxing", "台州": "Taizhou", "苏州": "Suzhou",
    "无锡": "Wuxi", "常州": "Changzhou", "南京": "Nanjing", "南通": "Nantong", "徐州": "Xuzhou", "青岛": "Qingdao",
    "济南": "Jinan", "烟台": "Yantai", "潍坊": "Weifang", "临沂": "Linyi", "威海": "Weihai", "广州": "Guangzhou",
    "深圳": "Shenzhen", "东莞": "Dongguan", "佛山": "Foshan", "珠海": "Zhuhai", "惠州": "Huizhou", "中山": "Zhongshan",
    "武汉": "Wuhan", "长沙": "Changsha", "株洲": "Zhuzhou", "郑州": "Zhengzhou", "洛阳": "Luoyang", "合肥": "Hefei",
    "芜湖": "Wuhu", "南昌": "Nanchang", "福州": "Fuzhou", "厦门": "Xiamen", "泉州": "Quanzhou", "西安": "Xi'an",
    "宝鸡": "Baoji", "兰州": "Lanzhou", "昆明": "Kunming", "贵阳": "Guiyang", "南宁": "Nanning", "柳州": "Liuzhou",
    "沈阳": "Shenyang", "大连": "Dalian", "长春": "Changchun", "哈尔滨": "Harbin", "石家庄": "Shijiazhuang",
    "唐山": "Tangshan", "保定": "Baoding", "太原": "Taiyuan", "呼和浩特": "Hohhot", "包头": "Baotou",
    "乌鲁木齐": "Urumqi", "银川": "Yinchuan", "西宁": "Xining", "拉萨": "Lhasa", "海口": "Haikou", "德阳": "Deyang",
    "宜宾": "Yibin", "泸州": "Luzhou", "南充": "Nanchong", "乐山": "Leshan", "自贡": "Zigong", "攀枝花": "Panzhihua",
    "遂宁": "Suining", "内江": "Neijiang", "达州": "Dazhou", "广元": "Guangyuan", "眉山": "Meishan", "雅安": "Ya'an",
    "资阳": "Ziyang", "广安": "Guang'an", "巴中": "Bazhong", "襄阳": "Xiangyang", "宜昌": "Yichang", "衢州": "Quzhou",
    "丽水": "Lishui", "舟山": "Zhoushan", "扬州": "Yangzhou", "镇江": "Zhenjiang", "泰州": "Taizhou",
    "盐城": "Yancheng", "连云港": "Lianyungang", "淮安": "Huai'an", "宿迁": "Suqian", "东营": "Dongying",
    "济宁": "Jining", "泰安": "Tai'an", "日照": "Rizhao", "德州": "Dezhou", "聊城": "Liaocheng", "滨州": "Binzhou",
    "菏泽": "Heze", "枣庄": "Zaozhuang",
}
_TITLE_END = LEXICON.compiled("document.title_end")
_TITLE_START = LEXICON.compiled("document.title_start")
_TITLE_QUOTED = LEXICON.compiled("document.title_quoted")
_DRAFT_MARK = LEXICON.compiled("document.draft_mark")
_DOC_NUMBER = LEXICON.compiled("document.number")
_DATE_LINE = LEXICON.compiled("document.date_line")
_YEAR_SPAN = LEXICON.compiled("period.span")
_TARGET_YEAR = LEXICON.compiled("period.by_year")
_FIVE_YEAR = {label: (int(years[0]), int(years[1])) for label, years in LEXICON.rule("period.five_year").map.items()}
_THREE_YEAR = LEXICON.compiled("document.three_year")
_ONE_YEAR = re.compile(LEXICON.regex("period.one_year"), re.MULTILINE)
_YEAR_TARGETS = LEXICON.compiled("period.year_targets")
_YEAR_OF_TARGETS = LEXICON.compiled("period.year_targets", "one_year")
_BASE_YEAR_PRINTED = LEXICON.compiled("period.base_year")
_MUNICIPALITY = LEXICON.rule("document.municipality")
_COMMENT = LEXICON.compiled("document.comment")
_URL = LEXICON.compiled("document.comment", "url")
_COMMENT_DATE = LEXICON.compiled("document.comment_date")
_BOILERPLATE = LEXICON.compiled("document.boilerplate")
_HEADLINE = LEXICON.compiled("document.headline")

HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (int(rule.get("level")), LEXICON.compiled(rule.name)) for rule in LEXICON.section("document.heading"))
_HEADING_CUT = re.compile(r"[。;:]")
_MAX_HEADING = 40
_MAX_FIRST_LINE = 60
_MAX_TITLE_TAIL = 20
"""Characters of a bracketed line that ends a title (``(2021—2025年)``, ``(征求意见稿)``)."""


def heading_of(line: str) -> tuple[int, str] | None:
    """The level and text of a heading line, or None. A numbered paragraph keeps only its first sentence."""
    stripped = line.strip()
    if not stripped:
        return None
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(stripped):
            text = _HEADING_CUT.split(stripped, maxsplit=1)[0] if level != 4 else stripped
            if level != 4 and len(text) > _MAX_HEADING and level in (1, 2):
                return None
            return level, text[:_MAX_HEADING * 2].strip()
    return None


def find_headings(lines: list[str]) -> list[Heading]:
    """Every heading of the document, with its 1-based line."""
    found: list[Heading] = []
    for number, line in enumerate(lines, start=1):
        heading = heading_of(line)
        if heading:
            found.append(Heading(heading[1], heading[0], number))
    return found


def furniture(lines: list[str], text_file: bool) -> tuple[set[int], str | None]:
    """The 0-based indices of the lines that are no plan text, and the address the comments give: the comment lines
    a text file begins with (``# source: …``), the furniture of a web page or a copy (``来源：``, ``(此件公开发布)``),
    and news headlines (never a heading); see ``document.comment``, ``document.boilerplate``, ``document.headline``."""
    skipped: set[int] = set()
    url = None
    index = 0
    while text_file and index < len(lines) and (_COMMENT.match(lines[index]) or not lines[index].strip()):
        found = _URL.search(lines[index])
        url = url or (found.group() if found else None)
        skipped.add(index)
        index += 1
    for number, line in enumerate(lines):
        stripped = line.strip()
        if number in skipped or not stripped or "\t" in line:
            continue
        if _BOILERPLATE.match(stripped) or (_HEADLINE.match(stripped) and heading_of(stripped) is None):
            skipped.add(number)
    return skipped, url


def comment_date(lines: list[str]) -> str | None:
    """The date the comment lines a text file begins with give (``# source: …, 2019-05-10, …``), if any."""
    for line in lines:
        if line.strip() and not _COMMENT.match(line):
            return None
        found = _COMMENT_DATE.search(line)
        if found:
            return f"{found.group('year')}-{found.group('mm')}-{found.group('dd')}"
    return None


def read_plan(lines: list[str], text: str, commented: str | None = None) -> PlanReading:
    """The plan header as the document states it; what it does not state is left empty with a note. Lines that are
    no plan text (:func:`furniture`) are expected blanked out; ``commented`` is the date comment lines give
    (:func:`comment_date`), taken when the text prints none."""
    reading = PlanReading()
    reading.title = _title(lines)
    if not reading.title:
        reading.title = _quoted_title(lines)
        if reading.title:
            reading.notes.append(t("draft: title taken from the 《》 that names the plan; check name_zh"))
    if not reading.title:
        reading.title = _first_line(lines)
        if reading.title:
            reading.notes.append(t("draft: title taken from the document's first line; check name_zh"))
    number = _DOC_NUMBER.search(text[:5000])
    if number:
        reading.document_number = re.sub(r"\s+", "", number.group())
    reading.published = _published(lines) or commented
    _region(reading, reading.title or text[:2000])
    reading.period = _period(reading.title, text, reading.published)
    reading.period_guessed = reading.period is not None and _start_guessed(reading.title, text, reading.published)
    year_targets = _year_targets(reading.title, text, reading.published)
    if year_targets is not None:
        reading.period, reading.year_targets = (year_targets, year_targets), True
    return reading


def _year_targets(title: str, text: str, published: str | None) -> int | None:
    """The year of a work report's or work meeting's main expected targets (``2025年主要预期目标是…``; the year of the
    report's date when it prints none), when the text states them and its title names no span of years."""
    found = _YEAR_TARGETS.search(text)
    news = None if found else _YEAR_OF_TARGETS.search(text)
    found = found or news
    if found is None or _YEAR_SPAN.search(title) or any(label in title for label in _FIVE_YEAR):
        return None
    year = int(found.group("year")) if found.group("year") else int(published[:4]) if published else None
    if news and year is not None and any(int(later) > year for later in _TARGET_YEAR.findall(text)):
        return None  # 今年…计划增长 in a text that also aims at 到2025年: not the targets of one year
    return year


def _title(lines: list[str]) -> str:
    """A title printed on lines of its own (``绵阳市…行动计划`` ``(2018—2020年)``)."""
    for index, line in enumerate(lines[:200]):
        stripped = line.strip()
        if not stripped or len(stripped) > 80 or re.search(r"[。《:]", stripped):
            continue
        if _TITLE_END.search(stripped) or (stripped.startswith("(") and _DRAFT_MARK.search(stripped)):
            parts = [stripped]
            back = index - 1
            while back >= 0 and lines[back].strip() and len(lines[back].strip()) < 40 and not re.search(
                    r"[。,:;]|\d", lines[back]) and len(parts) < 3:
                parts.insert(0, lines[back].strip())
                back -= 1
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            if following.startswith("(") and following.endswith(")") and len(following) <= _MAX_TITLE_TAIL:
                parts.append(following)
            title = "".join(parts)
            if _TITLE_START.search(title) or len(parts) > 1 or len(title) > 8:
                return title
    return ""


def _quoted_title(lines: list[str]) -> str:
    """The title in 《…》 (``印发《…行动计划(2023—2025年)》``), as a news item or a covering notice prints it."""
    for line in lines[:200]:
        for match in _TITLE_QUOTED.finditer(line):
            if _TITLE_END.search(match.group(1)):
                return match.group(1).strip()
    return ""


def _first_line(lines: list[str]) -> str:
    """The document's first line, when it reads as a heading (short, no full stop, not numbered)."""
    for line in lines[:50]:
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) <= _MAX_FIRST_LINE and not re.search(r"[。;]", stripped) and heading_of(stripped) is None:
            return stripped
        return ""
    return ""


def _published(lines: list[str]) -> str | None:
    for line in lines[:120]:
        match = _DATE_LINE.match(line)
        if match:
            year = match.group("year")
            month = match.group("month") or match.group("mm")
            day = match.group("day") or match.group("dd")
            return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def _region(reading: PlanReading, where: str) -> None:
    best: tuple[int, str, str, str] | None = None
    for table, level in ((PROVINCES, "provincial"), (CITIES, "municipal")):
        for zh, en in table.items():
            index = where.find(zh)
            if index >= 0 and (best is None or index < best[0]):
                best = (index, zh, en, level)
    if best is None:
        reading.notes.append(t("draft: no known region in the title; fill in region_zh and region_en"))
        reading.region_zh, reading.region_en = "待定", "Unknown"
        return
    reading.region_zh, reading.region_en, reading.admin_level = best[1], best[2], best[3]
    if best[1] in MUNICIPALITIES:
        reading.admin_level = str(_MUNICIPALITY.get("admin_level"))
        reading.notes.append(t("draft: {region} is a municipality directly under the central government (直辖市): "
                               "admin_level {level}; a plan of one of its districts is municipal", region=best[1],
                               level=reading.admin_level))


def _start_guessed(title: str, text: str, published: str | None) -> bool:
    """True when :func:`_period` found only a target year: no span, no five-year period, no date and no base year
    (比2023年) to start from."""
    return not published and not _YEAR_SPAN.search(title) and not _YEAR_SPAN.search(text[:3000]) \
        and not any(label in title or label in text for label in _FIVE_YEAR) and bool(_TARGET_YEAR.search(text)) \
        and not _BASE_YEAR_PRINTED.search(text)


def _period(title: str, text: str, published: str | None) -> tuple[int, int] | None:
    span = _YEAR_SPAN.search(title) or _YEAR_SPAN.search(text[:3000])
    if span and int(span.group(1)) < int(span.group(2)) <= int(span.group(1)) + 15:
        return int(span.group(1)), int(span.group(2))
    for label, years in _FIVE_YEAR.items():
        if label in title:
            return years
    targets = Counter(int(m.group(1)) for m in _TARGET_YEAR.finditer(text))
    published_year = int(published[:4]) if published else None
    if _THREE_YEAR.search(title) and published_year:
        return published_year, published_year + 2
    if targets:
        end = targets.most_common(1)[0][0]
        start = published_year if published_year and published_year <= end else end - 4
        for label, years in _FIVE_YEAR.items():
            if label in text and years[1] == end:
                return years
        return start, end
    one_year = _ONE_YEAR.search(text)
    if one_year:
        return int(one_year.group(1)), int(one_year.group(1))  # 2025年，是…之年: a plan for that year
    named = [(text.find(label), years) for label, years in _FIVE_YEAR.items()
             if label in text and (published_year is None or years[1] >= published_year)]
    if named:
        return min(named)[1]  # a report of a plan that names its period only as “十三五”: not the report's own year
    return None
