"""Indicator ids: the shared vocabulary of docs/target-format.md, and readable ascii ids for everything else.

A name that matches a shared concept gets its shared id, so ``gapcalc compare`` puts a drafted plan beside the
others at once. Any other name gets an id built from English words for the keywords it contains
(``智能制造示范园区`` → ``smart_mfg_demo_parks``), or ``indicator_<n>`` when none is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SharedConcept:
    """One entry of the shared vocabulary."""

    id: str
    name_en: str
    pattern: re.Pattern[str]
    rate: bool | None
    """True: only for a % indicator; False: only for a count or amount; None: either."""


def _concept(id_: str, name_en: str, pattern: str, rate: bool | None) -> SharedConcept:
    return SharedConcept(id_, name_en, re.compile(pattern), rate)


SHARED: tuple[SharedConcept, ...] = (
    _concept("nc_rate_key_processes", "NC machining rate of key processes", r"关键工序数控化率", True),
    _concept("digital_rnd_tools_rate", "Penetration of digital R&D and design tools",
             r"数字化研发设计工具普及率", True),
    _concept("digital_workshop_smart_factory_rate", "Share of enterprises with digital workshops or smart factories",
             r"(数字化车间|智能工厂).{0,6}普及率", True),
    _concept("enterprises_on_cloud", "Enterprises on the cloud", r"上云", False),
    _concept("smart_production_lines", "Smart production lines", r"智能(化)?生产线", False),
    _concept("smart_factories", "Smart factories", r"^(建成|建设|培育|打造)?(省级|市级|国家级)?智能工厂$", False),
    _concept("digital_workshops", "Digital workshops",
             r"^(建成|建设|培育|打造)?(省级|市级|国家级)?(数字化|智能)车间$", False),
    _concept("ii_integration_index", "Industrialisation-informatisation integration index",
             r"两化融合发展(指数|水平)|信息化(和|与|、)工业化融合(发展)?指数", None),
    _concept("ii_integration_certified", "Enterprises certified to the integration management standard",
             r"两化融合.{0,6}贯标", False),
    _concept("green_factories", "Green factories", r"绿色工厂", False),
    _concept("green_parks", "Green industrial parks", r"绿色园区", False),
    _concept("green_supply_chains", "Green supply chains", r"绿色供应链", False),
    _concept("green_products", "Green products", r"绿色产品", False),
    _concept("energy_per_unit_iva", "Energy consumption per unit of industrial value added",
             r"(单位|万元)(工业)?增加值(能耗|能源消耗)", None),
    _concept("water_per_unit_iva", "Water use per unit of industrial value added",
             r"(单位|万元)(工业)?增加值(用水量|水耗)", None),
    _concept("solid_waste_utilisation_rate", "Utilisation rate of industrial solid waste",
             r"(工业)?固(体)?(废|废物|废弃物).{0,6}利用率", True),
    _concept("rnd_intensity", "R&D intensity (R&D expenditure as a share of revenue)",
             r"研发(经费|投入)?(投入)?强度|(研发|R&D).{0,8}(占|与).{0,6}(营业|主营业务)收入(的)?(比重|比例)", True),
    _concept("rnd_expenditure", "R&D expenditure", r"研发(经费)?投入$", False),
    _concept("industrial_output", "Industrial output", r"工业总(产值|规模)", False),
    _concept("above_scale_enterprises", "Above-scale industrial enterprises", r"^(全市|全省)?规模以上(工业)?企业(数)?$",
             False),
    _concept("high_tech_enterprises", "High-tech enterprises", r"高新技术企业(数)?$", False),
    _concept("specialised_sme", "Specialised and sophisticated SMEs", r"专精特新.{0,4}企业$", False),
    _concept("high_tech_mfg_share", "Share of high-tech manufacturing", r"高技术(制造业|产业).{0,12}(占|比重)", True),
    _concept("mfg_labour_productivity", "Manufacturing labour productivity", r"制造业(全员)?劳动生产率", None),
    _concept("mfg_share_gdp", "Manufacturing value added as a share of GDP",
             r"制造业(增加值)?(占|比重).{0,10}(GDP|生产总值)?", True),
    _concept("industrial_robots", "Industrial robots in service", r"工业机器人", False),
    _concept("listed_companies", "Listed companies", r"上市(挂牌)?(企业|公司)", False),
    _concept("industrial_internet_platforms", "Industrial internet platforms", r"工业互联网平台", False),
    _concept("single_champions", "Manufacturing single champions", r"单项冠军", False),
    _concept("local_sourcing_rate", "Local sourcing rate", r"本地配套率", True),
    _concept("industrial_design_centres", "Industrial design centres", r"工业设计中心", False),
    _concept("service_mfg_demo_enterprises", "Service-oriented manufacturing demonstration enterprises",
             r"服务型制造示范企业", False),
    _concept("key_industrial_chains", "Key (flagship) industrial chains", r"(重点|标志性)产业链$", False),
    _concept("leading_enterprises", "Leading enterprises", r"(领军|龙头)企业$", False),
)

# keyword → English word, longest keywords first when building ids
KEYWORDS: dict[str, str] = {
    "智能制造": "smart_mfg", "智能化": "smart", "智能": "smart", "数字化": "digital", "数字": "digital",
    "网络化": "networked", "工业互联网": "industrial_internet", "互联网": "internet", "平台": "platforms",
    "5G": "5g", "工厂": "factories", "车间": "workshops", "生产线": "production_lines", "园区": "parks",
    "企业": "enterprises", "项目": "projects", "示范": "demo", "试点": "pilot", "标杆": "benchmark",
    "绿色": "green", "低碳": "low_carbon", "节能": "energy_saving", "节水": "water_saving", "能耗": "energy_use",
    "水耗": "water_use", "用水": "water_use", "碳排放": "carbon_emissions", "排放": "emissions",
    "研发": "rnd", "创新": "innovation", "技术": "technology", "专利": "patents", "发明": "invention",
    "标准": "standards", "品牌": "brands", "商标": "trademarks", "质量": "quality", "产品": "products",
    "新产品": "new_products", "产值": "output", "营业收入": "revenue", "营收": "revenue", "收入": "revenue",
    "增加值": "value_added", "税收": "tax", "利润": "profit", "投资": "investment", "技改": "tech_upgrade",
    "改造": "upgrade", "产业链": "industrial_chains", "供应链": "supply_chains", "产业集群": "clusters",
    "集群": "clusters", "产业": "industry", "工业": "industrial", "制造业": "mfg", "制造": "mfg",
    "服务型": "service", "服务商": "service_providers", "服务": "services", "中心": "centres",
    "机器人": "robots", "机器": "machines", "装备": "equipment", "设备": "equipment", "数控化": "nc",
    "联网": "networked", "上云": "cloud", "云": "cloud", "普及率": "rate", "覆盖率": "coverage",
    "利用率": "utilisation_rate", "配套": "supporting", "本地": "local", "采购": "purchases",
    "上市": "listed", "挂牌": "quoted", "龙头": "leading", "领军": "leading", "骨干": "backbone",
    "中小企业": "smes", "小微": "small", "专精特新": "specialised", "冠军": "champions", "隐形冠军": "hidden_champions",
    "高新技术": "high_tech", "高技术": "high_tech", "科技型": "tech", "规模以上": "above_scale",
    "亩均": "per_mu", "人才": "talent", "培训": "training", "人次": "person_times", "就业": "jobs",
    "出口": "exports", "外贸": "trade", "电子商务": "ecommerce", "电商": "ecommerce", "物流": "logistics",
    "软件": "software", "信息": "information", "数据": "data", "大数据": "big_data", "新能源": "new_energy",
    "汽车": "vehicles", "材料": "materials", "新材料": "new_materials", "医药": "pharma", "生物": "bio",
    "化工": "chemicals", "钢铁": "steel", "纺织": "textiles", "食品": "food", "国家级": "national",
    "省级": "provincial", "市级": "municipal", "区县": "county", "诊断": "diagnoses", "案例": "cases",
    "贯标": "certified", "两化融合": "ii_integration", "设计": "design", "效率": "efficiency",
    "成本": "cost", "周期": "cycle", "不良品率": "defect_rate", "能源": "energy", "比重": "share",
    "占比": "share", "比例": "share", "增速": "growth", "增长": "growth", "规模": "size", "总量": "total",
    "资源": "resources", "回收": "recycling", "固废": "solid_waste", "循环": "circular", "安全": "safety",
    "基地": "bases", "小镇": "towns", "载体": "carriers", "孵化": "incubators", "基金": "funds",
    "融资": "financing", "贷款": "loans", "土地": "land", "用地": "land", "培育": "cultivated",
    "新增": "new", "累计": "cumulative", "在役": "in_service", "系统解决方案": "solution_providers",
    "供应商": "suppliers", "集成": "integration", "交流会": "events", "对接": "matchmaking",
}
_KEYWORD_RE = re.compile("|".join(sorted((re.escape(k) for k in KEYWORDS), key=len, reverse=True)))
_MAX_WORDS = 4


def shared_concept(name_zh: str, unit: str) -> SharedConcept | None:
    """The shared concept a name stands for, if any (a rate concept only for a % unit, a count only otherwise)."""
    is_rate = unit == "%"
    for concept in SHARED:
        if concept.rate is not None and concept.rate != is_rate:
            continue
        if concept.pattern.search(name_zh):
            return concept
    return None


def english_words(name_zh: str) -> list[str]:
    """English words for the known keywords of a Chinese name, in order, without repeats."""
    words: list[str] = []
    for match in _KEYWORD_RE.finditer(name_zh):
        word = KEYWORDS[match.group()]
        if word not in words:
            words.append(word)
    return words


def readable_id(name_zh: str, unit: str) -> str:
    """An ascii id for a name outside the shared vocabulary (``indicator`` when no keyword is known)."""
    words = english_words(name_zh)[-_MAX_WORDS:]
    if unit == "%" and not any(w.endswith(("rate", "share", "coverage")) for w in words):
        words.append("rate")
    return "_".join(words) if words else "indicator"


def english_name(name_zh: str) -> str | None:
    """A rough English name from keywords, for a reviewer to correct, or None when nothing is known."""
    words = english_words(name_zh)
    if not words:
        return None
    text = " ".join(words).replace("_", " ")
    return text[:1].upper() + text[1:]


class IdAllocator:
    """Hands out indicator ids, every one unique in the file."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._counter = 0

    def allocate(self, wanted: str) -> str:
        """``wanted`` if free, else ``wanted_2``, ``wanted_3``…; ``indicator`` becomes ``indicator_<n>``."""
        if wanted == "indicator":
            self._counter += 1
            wanted = f"indicator_{self._counter}"
        if not wanted[:1].isalpha():
            wanted = f"n{wanted}"
        candidate, suffix = wanted[:60], 2
        while candidate in self._used:
            candidate = f"{wanted[:56]}_{suffix}"
            suffix += 1
        self._used.add(candidate)
        return candidate
