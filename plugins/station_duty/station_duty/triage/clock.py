"""The hour a call's description names ("晚上十一点" → 23, "凌晨3点" → 3): the noise rule goes by it when the
call's own time is unknown."""

from __future__ import annotations

import re

_CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                   "九": 9, "十": 10}
_CLOCK = re.compile(r"(凌晨|半夜|深夜|夜里|夜晚|晚上|早上|上午|中午|下午)\s*"
                    r"([0-9]{1,2}|[零一二两三四五六七八九十]{1,3})\s*[点點]")


def clock_hour(text: str) -> int | None:
    """The hour a description names ("晚上十一点" → 23, "凌晨3点" → 3), or None."""
    match = _CLOCK.search(text)
    if not match:
        return None
    part, number = match.groups()
    if number.isdigit():
        hour = int(number)
    else:
        tens, _, ones = number.partition("十")
        if "十" in number:
            hour = (_CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CHINESE_DIGITS.get(ones, 0) if ones else 0)
        else:
            hour = _CHINESE_DIGITS.get(number, 0)
    if part in ("晚上", "夜晚", "下午") and hour < 12 and not (part in ("晚上", "夜晚") and hour <= 4):
        hour += 12
    elif part in ("晚上", "夜晚", "凌晨", "半夜", "深夜", "夜里") and hour == 12:
        hour = 0  # "晚上十二点" is midnight
    return hour % 24 if hour <= 24 else None
