"""A plausible roster for every station of the generated city and every shift, the same on every run
and every desk. Qt-free.

Each station has a staff of its own, drawn from a seed derived from its id: four leaders (所长, 教导员 and
two deputies in real life) and twelve officers, each with a stable mobile number (13x/15x/18x), and a duty
landline (020-8xxxxxxx). Who of them is on a shift is drawn from a seed derived from the station id, the
date and the shift. Draws come from BLAKE2 digests, not ``random``, so no Python version changes them.
The units on shift are all the station's units: the simulated city runs every unit around the clock, so
a roster that sent some home would disagree with the map; an imported or edited roster says otherwise.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from datetime import date

from station_duty.roster.events import Person, RosterSet

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志海波宇浩鹏辉俊峰健斌文博嘉婷雪琳晨欣怡子豪凯"
MOBILE_PREFIXES = ("13", "15", "18")
LEADERS = 4
OFFICERS = 12


class Draw:
    """A stream of numbers from a text seed: ``Draw("S-1|2025-05-06|day").below(10)``."""

    def __init__(self, seed: str) -> None:
        self._seed = seed.encode()
        self._counter = 0

    def below(self, bound: int) -> int:
        self._counter += 1
        digest = hashlib.blake2b(self._seed + self._counter.to_bytes(4, "big"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % bound

    def digits(self, count: int) -> str:
        return "".join(str(self.below(10)) for _ in range(count))

    def pick(self, text: str) -> str:
        return text[self.below(len(text))]


def _name(draw: Draw) -> str:
    given = draw.pick(GIVEN) + (draw.pick(GIVEN) if draw.below(3) else "")
    return draw.pick(SURNAMES) + given


def _mobile(draw: Draw) -> str:
    return MOBILE_PREFIXES[draw.below(len(MOBILE_PREFIXES))] + str(draw.below(10)) + draw.digits(8)


@functools.lru_cache(maxsize=512)  # every station of the city, asked on every refresh
def staff(station_id: str) -> tuple[tuple[Person, ...], tuple[Person, ...], str]:
    """The station's leaders, officers (distinct names) and duty landline."""
    draw = Draw(f"staff|{station_id}")
    people: list[Person] = []
    names: set[str] = set()
    while len(people) < LEADERS + OFFICERS:
        name = _name(draw)
        if name not in names:
            names.add(name)
            people.append(Person(name, _mobile(draw)))
    return tuple(people[:LEADERS]), tuple(people[LEADERS:]), "020-8" + draw.digits(7)


def generated_roster(station_id: str, day: date, shift_id: str, shift_index: int,
                     units: Iterable[str]) -> RosterSet:
    """The generated roster of the station for that shift; ``shift_index`` 0 (the first shift of the
    day) has three officers, the others two; ``units``: the station's unit ids."""
    leaders, officers, duty_phone = staff(station_id)
    draw = Draw(f"roster|{station_id}|{day.isoformat()}|{shift_id}")
    leader = leaders[draw.below(len(leaders))]
    pool = list(officers)
    on_duty = []
    for _ in range(3 if shift_index == 0 else 2):
        on_duty.append(pool.pop(draw.below(len(pool))))
    return RosterSet(station=station_id, date=day.isoformat(), shift=shift_id, leader=leader,
                     officers=tuple(on_duty), units=tuple(sorted(units)), duty_phone=duty_phone)
