"""The roster CSV's columns and cells, shared by the reader and the writer. Qt-free.

One row is one station's roster for one shift of one date. Columns, in any order, under an English or
a Chinese header (matched without case, spaces, ``_`` and ``-``, and without a note in brackets such
as ``领导电话(手机)``)::

    station (站点, 派出所)      the station's id (S-440106-03), name (天河区龙口派出所) or short name (龙口所)
    date (日期)                 2025-05-06 (also 2025/5/6, 2025.5.6, 2025年5月6日: what Excel makes of it)
    shift (班次)                day / night, 白班 / 夜班, or the shift's start 08:00
    leader (值班领导)           the duty leader's name
    leader_phone (领导电话)     a mobile (13812345678) or a landline with its area code (020-83112110)
    officers (值班民警)         names separated by ；or ; (or 、)
    officer_phones (民警电话)   their phones in the same order, separated the same way (or empty)
    units (在岗警力)            the station's units by call sign (天河巡12组) or id (PG-440106-03-01),
                                separated the same way (or by spaces); exports write call signs
    duty_phone (值班电话)       the station's duty phone

``station``, ``date``, ``shift`` and ``leader`` are required. Files are UTF-8 (with or without BOM) or
GB18030; the desk writes UTF-8 with a BOM (Excel opens it) or, on request, GB18030.
"""

from __future__ import annotations

import re
import unicodedata

HEADERS: dict[str, tuple[str, ...]] = {
    "station": ("station", "站点", "派出所", "所属派出所"),
    "date": ("date", "日期", "值班日期"),
    "shift": ("shift", "班次"),
    "leader": ("leader", "值班领导", "带班领导"),
    "leader_phone": ("leader_phone", "领导电话", "值班领导电话"),
    "officers": ("officers", "值班民警", "值班人员"),
    "officer_phones": ("officer_phones", "民警电话", "值班民警电话"),
    "units": ("units", "在岗警力", "警力"),
    "duty_phone": ("duty_phone", "值班电话"),
}
REQUIRED = ("station", "date", "shift", "leader")
COLUMNS = tuple(HEADERS)

LIST_SEPARATORS = re.compile(r"\s*[;；、]\s*")
UNIT_SEPARATORS = re.compile(r"[\s;；、,，]+")
_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_IGNORED = re.compile(r"[\s_\-]+")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_SHORT = re.compile(r"^\d{3,8}$")  # an internal extension or a service number (110, 12345)


def header_key(text: str) -> str:
    return _IGNORED.sub("", _NOTE.sub("", unicodedata.normalize("NFKC", text).strip())).casefold()


def header_names(language: str) -> dict[str, str]:
    """The header an export writes for each column: the Chinese one on a Chinese desk, else English."""
    return {column: names[1] if language == "zh_CN" else names[0] for column, names in HEADERS.items()}


def phone(text: str) -> str | None:
    """The phone number a cell holds, normalised (full-width digits, spaces and dots dropped); "" for an
    empty cell; None when it is no phone number."""
    cleaned = re.sub(r"[\s.()（）]", "", unicodedata.normalize("NFKC", text)).removeprefix("+86")
    if not cleaned:
        return ""
    if _MOBILE.match(cleaned) or _LANDLINE.match(cleaned) or _SHORT.match(cleaned):
        return cleaned
    return None


def split_list(text: str) -> list[str]:
    return [part for part in LIST_SEPARATORS.split(text.strip()) if part] if text.strip() else []
