"""The plan header (title, document number, region, period, date of issue) and the section headings of a document.

All patterns run on folded text (:func:`gapcalc.draft.charmap.fold`): simplified characters, ASCII digits and
punctuation.
"""

from __future__ import annotations

import re
from collections import Counter

from gapcalc.draft.extraction import Heading, PlanReading
from gapcalc.messages import t

PROVINCES = {
    "北京": "Beijing", "天津": "Tianjin", "上海": "Shanghai", "重庆": "Chongqing", "河北": "Hebei", "山西": "Shanxi",
    "辽宁": "Liaoning", "吉林": "Jilin", "黑龙江": "Heilongjiang", "江苏": "Jiangsu", "浙江": "Zhejiang",
    "安徽": "Anhui", "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong", "河南": "Henan", "湖北": "Hubei",
    "湖南": "Hunan", "广东": "Guangdong", "海南": "Hainan", "四川": "Sichuan", "贵州": "Guizhou", "云南": "Yunnan",
    "陕西": "Shaanxi", "甘肃": "Gansu", "青海": "Qinghai", "内蒙古": "Inner Mongolia", "广西": "Guangxi",
    "西藏": "Tibet", "宁夏": "Ningxia", "新疆": "Xinjiang",
}
MUNICIPALITIES = {"北京", "天津", "上海", "重庆"}
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
_TITLE_END = re.compile(r"(计划|方案|意见|规划|通知|纲要|措施|办法|决定)(\([^)]*\))?$")
_TITLE_START = re.compile(r"^(关于|.{0,12}(省|市|县|区)(人民政府)?)")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[(【]\s*(19|20)\d\d\s*[〕\])】]\s*\d+\s*号")
_DATE_LINE = re.compile(r"^\s*((19|20)\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{2})-(\d{2}))\s*$")
_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*(?:年)?\s*[-—–~至到]\s*((?:19|20)\d\d)\s*年")
_TARGET_YEAR = re.compile(r"(?:到|至|截至)\s*((?:19|20)\d\d)\s*年")
_FIVE_YEAR = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_THREE_YEAR = re.compile(r"三年(行动|计划|攻坚)")

HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^[一二三四五六七八九十]+、\s*\S")),
    (2, re.compile(r"^\([一二三四五六七八九十]+\)\s*\S")),
    (3, re.compile(r"^\d{1,2}\s*[.、]\s*(?!\d)\S")),
    (4, re.compile(r"^(表|专栏)\s*\d+")),
    (4, re.compile(r"^——\S")),
)
_HEADING_CUT = re.compile(r"[。;:]")
_MAX_HEADING = 40


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


def read_plan(lines: list[str], text: str) -> PlanReading:
    """The plan header as the document states it; what it does not state is left empty with a note."""
    reading = PlanReading()
    reading.title = _title(lines)
    number = _DOC_NUMBER.search(text[:5000])
    if number:
        reading.document_number = re.sub(r"\s+", "", number.group())
    reading.published = _published(lines)
    _region(reading, reading.title or text[:2000])
    reading.period = _period(reading.title, text, reading.published)
    return reading


def _title(lines: list[str]) -> str:
    for index, line in enumerate(lines[:200]):
        stripped = line.strip()
        if not stripped or len(stripped) > 80 or re.search(r"[。《:]", stripped):
            continue
        if _TITLE_END.search(stripped) or (stripped.startswith("(") and "稿" in stripped):
            parts = [stripped]
            back = index - 1
            while back >= 0 and lines[back].strip() and len(lines[back].strip()) < 40 and not re.search(
                    r"[。,:;]|\d", lines[back]) and len(parts) < 3:
                parts.insert(0, lines[back].strip())
                back -= 1
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            if following.startswith("(") and following.endswith(")") and len(following) < 12:
                parts.append(following)
            title = "".join(parts)
            if _TITLE_START.search(title) or len(parts) > 1 or len(title) > 8:
                return title
    return ""


def _published(lines: list[str]) -> str | None:
    for line in lines[:120]:
        match = _DATE_LINE.match(line)
        if match:
            year = match.group(1)
            month = match.group(3) or match.group(5)
            day = match.group(4) or match.group(6)
            return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def _region(reading: PlanReading, where: str) -> None:
    best: tuple[int, str, str, str] | None = None
    for table, level in ((PROVINCES, "provincial"), (CITIES, "municipal")):
        for zh, en in table.items():
            index = where.find(zh)
            if index >= 0 and (best is None or index < best[0]):
                best = (index, zh, en, "municipal" if zh in MUNICIPALITIES else level)
    if best is None:
        reading.notes.append(t("draft: no known region in the title; fill in region_zh and region_en"))
        reading.region_zh, reading.region_en = "待定", "Unknown"
        return
    reading.region_zh, reading.region_en, reading.admin_level = best[1], best[2], best[3]


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
    return None
