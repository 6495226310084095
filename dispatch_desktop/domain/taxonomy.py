"""Incident types: what a call can be about, how urgent it is by default, and whose business it is.

About a third of Guangzhou's ~10,000 valid incidents a day are not police business (streets,
environment, city management, labour, commerce, health…): those carry the department that owns them
and get referred (职责清单). ``daily`` is the expected number a day in a city of that size, so a
simulator can draw realistic calls; police and non-police add up to 2:1. The figures are plausible
orders of magnitude for a city like Guangzhou, not published statistics.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import random

import msgspec

from dispatch_desktop.domain.enums import Category


class Department(enum.StrEnum):
    """Who handles an incident besides (or instead of) the patrol force."""

    ANTI_FRAUD = "anti_fraud"  # 反电信诈骗中心 (police)
    TRAFFIC_POLICE = "traffic_police"  # 交警 (police)
    FIRE = "fire"  # 消防救援 (119)
    MUNICIPAL = "municipal"  # 市政 (roads, street lights, manholes)
    WATER = "water"  # 水务 (supply, drainage)
    POWER = "power"  # 供电
    GAS = "gas"  # 燃气
    ENVIRONMENT = "environment"  # 生态环境
    CITY_MANAGEMENT = "city_management"  # 城管
    LABOUR = "labour"  # 人社 (wages, employment)
    MARKET_REGULATION = "market_regulation"  # 市场监管 (consumers, food safety)
    HEALTH = "health"  # 卫健 (120, medical practice)
    HOUSING = "housing"  # 住建 (property management, buildings)
    TRANSPORT = "transport"  # 交通运输 (taxis, buses)
    GREENING = "greening"  # 林业园林 (trees, parks)


DEPARTMENT_NAMES: dict[Department, tuple[str, str]] = {
    Department.ANTI_FRAUD: ("反电信诈骗中心", "Anti-telecom-fraud center"),
    Department.TRAFFIC_POLICE: ("交警", "Traffic police"),
    Department.FIRE: ("消防救援", "Fire and rescue"),
    Department.MUNICIPAL: ("市政", "Municipal works"),
    Department.WATER: ("水务", "Water authority"),
    Department.POWER: ("供电", "Power supply"),
    Department.GAS: ("燃气", "Gas supply"),
    Department.ENVIRONMENT: ("环保", "Environment"),
    Department.CITY_MANAGEMENT: ("城管", "City management"),
    Department.LABOUR: ("人社", "Labour and social security"),
    Department.MARKET_REGULATION: ("市场监管", "Market regulation"),
    Department.HEALTH: ("卫健", "Health"),
    Department.HOUSING: ("住建", "Housing and construction"),
    Department.TRANSPORT: ("交通运输", "Transport"),
    Department.GREENING: ("林业园林", "Forestry and parks"),
}
"""(Chinese, English) names; the wire carries the enum value."""

POLICE_DEPARTMENTS = frozenset({Department.ANTI_FRAUD, Department.TRAFFIC_POLICE})


class IncidentType(msgspec.Struct, frozen=True):
    code: str  # the incident_type carried by events
    name_zh: str
    name_en: str
    category: Category
    priority: int  # default priority, 1 = most urgent
    daily: float  # expected incidents a day in a city of ~10,000 a day
    violent: bool = False  # force used or threatened against people
    rapid_response: bool = False  # terror / extreme violence: suggest the 羊城突击队 first
    department: Department | None = None  # non-police: the owner; police: who handles it with us

    @property
    def is_police(self) -> bool:
        return self.category is Category.POLICE


class UnknownIncidentType(KeyError):
    def __str__(self) -> str:
        return f"unknown incident type {self.args[0]!r}"


_P = Category.POLICE
_N = Category.NON_POLICE

INCIDENT_TYPES: tuple[IncidentType, ...] = (
    # --- police business -------------------------------------------------------------------------
    IncidentType("terror", "暴恐袭击", "Terrorist attack", _P, 1, 0.02, violent=True, rapid_response=True),
    IncidentType("hostage", "劫持人质", "Hostage taking", _P, 1, 0.2, violent=True, rapid_response=True),
    IncidentType("firearm", "涉枪警情", "Firearm incident", _P, 1, 0.3, violent=True, rapid_response=True),
    IncidentType(
        "explosion", "爆炸", "Explosion", _P, 1, 0.3, violent=True, rapid_response=True,
        department=Department.FIRE,
    ),
    IncidentType("knife_attack", "持刀伤人", "Knife attack", _P, 1, 4, violent=True, rapid_response=True),
    IncidentType("armed_brawl", "持械聚众斗殴", "Armed mass brawl", _P, 1, 8, violent=True, rapid_response=True),
    IncidentType("robbery", "抢劫", "Robbery", _P, 1, 45, violent=True),
    IncidentType("snatch", "抢夺", "Snatch theft", _P, 2, 60),
    IncidentType("assault", "故意伤害", "Assault", _P, 2, 180, violent=True),
    IncidentType("fight", "打架斗殴", "Fight", _P, 2, 520, violent=True),
    IncidentType("sexual_offence", "猥亵性侵", "Sexual offence", _P, 2, 25, violent=True),
    IncidentType("mass_gathering", "群体性事件", "Mass gathering", _P, 1, 8),
    IncidentType("suicide", "跳楼轻生", "Suicide attempt", _P, 1, 35),
    IncidentType("fire", "火灾", "Fire", _P, 1, 55, department=Department.FIRE),
    IncidentType("burglary", "入室盗窃", "Burglary", _P, 2, 260),
    IncidentType("theft", "盗窃", "Theft", _P, 3, 1000),
    IncidentType("vehicle_theft", "盗窃车辆", "Vehicle theft", _P, 3, 420),
    IncidentType("telecom_fraud", "电信网络诈骗", "Telecom fraud", _P, 3, 500, department=Department.ANTI_FRAUD),
    IncidentType("fraud", "诈骗", "Fraud", _P, 3, 150),
    IncidentType(
        "traffic_injury", "交通事故（有人受伤）", "Traffic accident with injuries", _P, 2, 420,
        department=Department.TRAFFIC_POLICE,
    ),
    IncidentType(
        "traffic_damage", "交通事故（财损）", "Traffic accident, damage only", _P, 4, 600,
        department=Department.TRAFFIC_POLICE,
    ),
    IncidentType(
        "traffic_obstruction", "交通堵塞违停", "Traffic obstruction", _P, 4, 380,
        department=Department.TRAFFIC_POLICE,
    ),
    IncidentType("missing_person", "人员走失", "Missing person", _P, 2, 140),
    IncidentType("domestic", "家庭纠纷", "Domestic dispute", _P, 3, 420),
    IncidentType("dispute", "民间纠纷", "Civil dispute", _P, 3, 480),
    IncidentType("drunk", "醉酒滋事", "Drunk and disorderly", _P, 3, 180),
    IncidentType("harassment", "骚扰滋事", "Harassment", _P, 3, 120),
    IncidentType("suspicious", "可疑人员物品", "Suspicious person or object", _P, 3, 260),
    IncidentType("vice", "涉黄赌毒", "Drugs, gambling, prostitution", _P, 3, 90),
    IncidentType("help", "群众求助", "Request for help", _P, 3, 150),
    IncidentType("lost_property", "遗失物品", "Lost property", _P, 4, 156),
    # --- not police business: referred to the department that owns it ----------------------------
    IncidentType("road_damage", "道路井盖损坏", "Damaged road or manhole", _N, 3, 280, department=Department.MUNICIPAL),
    IncidentType("street_light", "路灯故障", "Street light out", _N, 4, 90, department=Department.MUNICIPAL),
    IncidentType("flooding", "排水内涝", "Drainage and flooding", _N, 3, 120, department=Department.WATER),
    IncidentType("water_outage", "停水爆管", "Water outage or burst main", _N, 3, 220, department=Department.WATER),
    IncidentType("power_outage", "停电", "Power cut", _N, 3, 200, department=Department.POWER),
    IncidentType("gas_leak", "燃气泄漏", "Gas leak", _N, 2, 25, department=Department.GAS),
    IncidentType("pollution", "油烟排污", "Pollution", _N, 4, 180, department=Department.ENVIRONMENT),
    IncidentType("noise", "噪音扰民", "Noise nuisance", _N, 4, 400, department=Department.ENVIRONMENT),
    IncidentType(
        "street_vending", "占道经营", "Street vending", _N, 4, 300, department=Department.CITY_MANAGEMENT
    ),
    IncidentType(
        "illegal_building", "违章搭建", "Illegal construction", _N, 4, 90, department=Department.CITY_MANAGEMENT
    ),
    IncidentType("garbage", "垃圾清运", "Uncollected rubbish", _N, 4, 120, department=Department.CITY_MANAGEMENT),
    IncidentType("stray_animal", "流浪动物", "Stray animals", _N, 4, 70, department=Department.CITY_MANAGEMENT),
    IncidentType("wage_arrears", "拖欠工资", "Unpaid wages", _N, 3, 270, department=Department.LABOUR),
    IncidentType(
        "consumer_dispute", "消费纠纷", "Consumer dispute", _N, 4, 330, department=Department.MARKET_REGULATION
    ),
    IncidentType("food_safety", "食品安全", "Food safety", _N, 3, 70, department=Department.MARKET_REGULATION),
    IncidentType("medical_help", "突发疾病求助", "Sudden illness", _N, 2, 208, department=Department.HEALTH),
    IncidentType("illegal_medical", "非法行医", "Unlicensed medical practice", _N, 4, 20, department=Department.HEALTH),
    IncidentType(
        "property_dispute", "物业纠纷", "Property management dispute", _N, 4, 170, department=Department.HOUSING
    ),
    IncidentType("taxi_complaint", "出租车网约车投诉", "Taxi complaint", _N, 4, 110, department=Department.TRANSPORT),
    IncidentType("fallen_tree", "树木倒伏", "Fallen tree", _N, 3, 60, department=Department.GREENING),
)

_BY_CODE = {t.code: t for t in INCIDENT_TYPES}
_CUMULATIVE = tuple(itertools.accumulate(t.daily for t in INCIDENT_TYPES))


def incident_type(code: str) -> IncidentType:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise UnknownIncidentType(code) from None


def is_known(code: str) -> bool:
    return code in _BY_CODE


def daily_total(category: Category | None = None) -> float:
    """Expected incidents a day, of one category or of all."""
    return sum(t.daily for t in INCIDENT_TYPES if category is None or t.category is category)


def draw(rng: random.Random) -> IncidentType:
    """One incident type, drawn with the daily frequencies as weights."""
    return INCIDENT_TYPES[bisect.bisect_right(_CUMULATIVE, rng.random() * _CUMULATIVE[-1])]


def department_name(department: Department | str, *, english: bool = False) -> str:
    zh, en = DEPARTMENT_NAMES[Department(department)]
    return en if english else zh
