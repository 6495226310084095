"""Fictional but plausible Chinese names: places, roads, people.

Place names are two characters drawn from syllables common in Lingnan toponyms (岗, 塘, 涌, 滘, 洲…),
so they read like Guangzhou without pointing at any real station or street on purpose.
"""

from __future__ import annotations

import random

_PLACE_FIRST = (
    "龙石沙东新华江岗塘洲元兴棠凤金银黄白花南北西珠瑞榕桂荔云鹤竹松梅莲泮杨柳冼罗"
    "林大小长高平安康永宝福德和美丰盛锦翠碧青"
)
_PLACE_SECOND = "口牌岗塘园湾埔头洲村涌沙坑围滘坊桥田冈岭基场庄寨湖溪浦坦墩边街门亭"

_ROAD_SUFFIXES = ("路", "路", "路", "大道", "大街", "街")
_ROAD_SIDES = ("", "", "", "东", "西", "南", "北", "中")

SURNAMES = (
    "陈李黄张梁林刘吴罗何郑杨谢郭王周叶邓冯曾苏钟卢蔡许潘朱彭赖胡徐莫余江区麦邝欧关古谭"
)
_GIVEN = "伟军强华建明志勇俊杰文斌浩宇子豪嘉敏丽婷颖欣静雯思晓海鹏亮辉锋振国永健峰洪涛"


class NamePool:
    """Unique two-character place names for the whole city, handed out in a seeded order."""

    def __init__(self, rng: random.Random):
        first = dict.fromkeys(_PLACE_FIRST)  # ordered de-duplication
        second = dict.fromkeys(_PLACE_SECOND)
        combos = [a + b for a in first for b in second if a != b]
        rng.shuffle(combos)
        self._free = combos

    def take(self) -> str:
        if not self._free:
            raise ValueError("out of place names: the city asks for more named places than can be made up")
        return self._free.pop()

    def take_many(self, n: int) -> list[str]:
        return [self.take() for _ in range(n)]


def road_names(places: list[str], rng: random.Random) -> list[str]:
    """One road per place name: "龙岗路", "金塘大道西"…"""
    out = []
    for place in places:
        suffix = rng.choice(_ROAD_SUFFIXES)
        side = rng.choice(_ROAD_SIDES) if suffix in ("路", "大道") else ""  # "…街中" is not a thing
        out.append(place + suffix + side)
    return out


def person_name(rng: random.Random) -> str:
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.75 else "")
    return rng.choice(SURNAMES) + given


def people(rng: random.Random, n: int) -> tuple[str, ...]:
    """``n`` different names."""
    out: list[str] = []
    while len(out) < n:
        name = person_name(rng)
        if name not in out:
            out.append(name)
    return tuple(out)


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals: 3 -> 三, 12 -> 十二, 40 -> 四十."""
    if not 1 <= n <= 99:
        raise ValueError(f"{n} is out of range 1..99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")
