"""Pinyin and English for Chinese place names, so a call-taker can type "gzdz", "guangzhoudong" or
"Guangzhou East" and still find 广州东站.

Pinyin comes from ``pypinyin``. Its everyday readings are wrong for a few characters that Guangzhou
place names use the local way (涌 is chōng, "a creek", in 东涌 and 沙涌; 长 is cháng in 长湴), so those
readings are set once here, before any name is converted.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from pypinyin import Style, lazy_pinyin, load_phrases_dict, load_single_dict

# pypinyin keeps its dictionaries process-wide; nothing else in the program converts to pinyin, so
# setting the toponym readings globally is safe.
load_single_dict({ord("涌"): "chōng", ord("长"): "cháng", ord("滘"): "jiào"})
load_phrases_dict({"花都": [["huā"], ["dū"]], "区庄": [["ōu"], ["zhuāng"]], "厦滘": [["xià"], ["jiào"]]})

_ROADS = (("大道", "Avenue"), ("大街", "Street"), ("路", "Road"), ("街", "Street"))
_SIDES = (("东", "East"), ("西", "West"), ("南", "South"), ("北", "North"), ("中", "Middle"))

# The words that end generated names, longest first so "农贸市场" wins over "市场".
_SUFFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            ("地铁站", "Metro Station"),
            ("客运站", "Coach Station"),
            ("公交总站", "Bus Terminus"),
            ("文化广场", "Cultural Square"),
            ("广场", "Square"),
            ("购物中心", "Shopping Centre"),
            ("商业中心", "Commercial Centre"),
            ("百货", "Department Store"),
            ("农贸市场", "Farmers' Market"),
            ("批发市场", "Wholesale Market"),
            ("市场", "Market"),
            ("人民医院", "People's Hospital"),
            ("社区卫生服务中心", "Community Health Centre"),
            ("医院", "Hospital"),
            ("小学", "Primary School"),
            ("中学", "Middle School"),
            ("实验学校", "Experimental School"),
            ("湿地公园", "Wetland Park"),
            ("公园", "Park"),
            ("派出所", "Police Station"),
            ("应急巡逻区", "Emergency Patrol Area"),
            ("片区", "Area"),
            ("周边", "Vicinity"),
            ("屯警点", "Duty Point"),
            ("卡口", "Checkpoint"),
            ("出城", "City Exit"),
            ("区界", "District Border"),
            ("国道", "National Road"),
            ("省道", "Provincial Road"),
            ("高速", "Expressway"),
            *_ROADS,
            *((road + side, f"{word} {side_word}") for road, word in _ROADS for side, side_word in _SIDES),
        ),
        key=lambda pair: -len(pair[0]),
    )
)
# "二号", "十二号", "四十号": the ordinals the generator gives a second post of the same name.
_ORDINAL = re.compile(r"(?:(?P<tens>[二三四五六七八九]?)十)?(?P<ones>[一二三四五六七八九]?)号$")
_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
# What a search key keeps: letters, digits and CJK; spaces and punctuation ("Martyrs' Park",
# "Shi'ergong", full-width brackets) are dropped on both sides of the comparison.
_NOT_KEY = re.compile(r"[\W_]+")
_HAN = re.compile(r"[\u3400-\u9fff]+")


def normalise(text: str) -> str:
    """A search key: case-folded, without spaces or punctuation."""
    return _NOT_KEY.sub("", text.casefold())


@functools.lru_cache(maxsize=8192)
def syllables(text: str) -> tuple[str, ...]:
    """The pinyin of ``text`` without tones, one item per Chinese character (a run of anything else
    stays as it is, as one item)."""
    return tuple(lazy_pinyin(text, style=Style.NORMAL))


def pinyin_keys(text: str) -> tuple[str, str]:
    """(full pinyin, initials) as search keys: 广州东站 -> ("guangzhoudongzhan", "gzdz"),
    白云机场T2航站楼 -> ("baiyunjichangt2hangzhanlou", "byjct2hzl")."""
    full: list[str] = []
    initials: list[str] = []
    start = 0
    # One conversion per run of Chinese (conversion is the slow part: a search index converts
    # every place once); the initials are the first letters of the same syllables.
    for run in _HAN.finditer(text):
        other = text[start : run.start()]
        parts = syllables(run.group())
        full += [other, *parts]
        initials += [other, *(part[:1] for part in parts)]
        start = run.end()
    full.append(text[start:])
    initials.append(text[start:])
    return normalise("".join(full)), normalise("".join(initials))


def romanised(text: str) -> str:
    """One readable word: 珠牌 -> "Zhupai"."""
    word = "".join(syllables(text))
    return word[:1].upper() + word[1:]


class Romaniser:
    """English for Chinese place names: the name itself when it is known (``known`` maps shipped
    places and districts to their English), else a romanisation plus the English of the kind word
    that ends it: 珠牌地铁站 -> "Zhupai Metro Station", 天河区龙口派出所 -> "Tianhe District Longkou
    Police Station", 广州塔屯警点 -> "Canton Tower Duty Point"."""

    def __init__(self, known: Mapping[str, str] | None = None) -> None:
        self._known = dict(known or {})
        # Longest first, so a known name at the start of another ("天河区…") is taken whole.
        self._prefixes = sorted(self._known, key=len, reverse=True)

    def english(self, name: str) -> str:
        name = name.strip()
        if not name:
            return ""
        if name in self._known:
            return self._known[name]
        ordinal = _ORDINAL.search(name)
        if ordinal and ordinal.start() > 0 and len(ordinal.group()) > 1:
            tens, ones = ordinal.group("tens"), ordinal.group("ones")
            number = (10 * _DIGITS.get(tens, 1) if "十" in ordinal.group() else 0) + _DIGITS.get(ones, 0)
            return f"{self.english(name[: ordinal.start()])} No. {number}"
        for suffix, word in _SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                return f"{self.english(name[: -len(suffix)])} {word}"
        for prefix in self._prefixes:
            if name.startswith(prefix) and len(name) > len(prefix):
                return f"{self._known[prefix]} {self.english(name[len(prefix):])}"
        return romanised(name)

