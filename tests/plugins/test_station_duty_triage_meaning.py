"""The triage's general signs of police business, in words no labelled call uses: a department's word yields
to being touched, followed, held or deceived, to a fight or harm done on purpose, to children filmed by a
stranger and to a failed traffic signal; and a police word that is only an opinion, an accusation or part of
an injection yields to the department's plain matter (Qt-free)."""

from __future__ import annotations

import json

import pytest
from station_duty.triage import DEFAULT_RULES

from tests.plugins.triage_rule_files import rules_suggest

LABELLED = DEFAULT_RULES.parent / "labelled_calls.jsonl"


def _labelled_texts() -> list[str]:
    return [json.loads(line)["text"] for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]


# (description, the department word it also names, the phrase that carries the police nature)
POLICE_SAID_OTHERWISE = [
    ("公交车上有个男的老是用下身顶我", "公交车", "用下身顶我"),  # unwanted body contact
    ("小区保安和收废品的为了纸皮大打出手，物业也不管", "物业", "大打出手"),  # a fight in other words
    ("菜市场两个摆摊的为了位置动起手来，一个满脸是血", "摆摊", "动起手来"),
    ("遛狗的邻居故意放狗追我家小孩", "遛狗", "故意放狗追"),  # harm done on purpose with an animal
    ("有个男的在幼儿园附近转了半天，拿相机一直拍小孩", "幼儿园", "一直拍小孩"),  # filming children
    ("打车，司机不肯让我下车，一直往郊外开", "打车", "不肯让我下车"),  # a passenger held
    ("说是燃气公司来检查的师傅，非要我换个八百块的阀门，工作证一看就是假的", "燃气公司", "工作证一看就是假的"),
    ("商业街路口的红路灯全灭了", "路灯", "红路灯全灭"),  # a misheard 红绿灯 that fails
]


@pytest.mark.parametrize(("text", "department_word", "phrase"), POLICE_SAID_OTHERWISE)
def test_a_department_s_word_yields_to_police_business_said_in_other_words(
        text: str, department_word: str, phrase: str) -> None:
    found = rules_suggest(text, "", 14)
    assert (found.police, found.department) == (True, "公安"), found.reason
    assert found.reason.startswith("警情优先"), found.reason
    # Written for the rules, not copied from the set: no labelled call says it this way.
    assert not any(phrase in labelled for labelled in _labelled_texts())
    assert department_word in text


@pytest.mark.parametrize(("text", "department", "weak_word"), [
    ("街坊都话天桥底个乞丐好可疑，但佢冇搞过人", "民政", "可疑"),  # suspicion is the neighbours' opinion
    ("在大排档吃完拉肚子去找老板，他反说我讹他", "市场监管", "讹"),  # the caller accused, not extorted
    ("在社区卫生站打了一支针，手臂一直肿", "卫生", "打"),  # an injection, not a blow
    ("阿婆在街市跌倒，头都破了，流好多血", "急救", "头~破了"),  # an injury from a fall, not a fight
])
def test_a_weak_police_word_yields_to_the_department_s_plain_matter(text: str, department: str,
                                                                   weak_word: str) -> None:
    found = rules_suggest(text, "", 14)
    assert (found.police, found.department) == (False, department), found.reason
    assert weak_word not in found.matched
    assert text not in _labelled_texts()


def test_fear_alone_refers_nothing_to_the_police_but_adds_to_another_sign() -> None:
    wasps = rules_suggest("阳台外面有个马蜂窝，小孩好害怕不敢出门", "", 14)
    assert (wasps.police, wasps.department) == (False, "消防"), wasps.reason
    loitering = rules_suggest("有个男人在我家楼下转悠了好几天，我好害怕", "", 14)
    assert loitering.police and {"转悠", "好害怕"} <= set(loitering.matched), loitering.reason


def test_a_factory_named_as_its_kind_is_industrial_noise_at_any_hour() -> None:
    found = rules_suggest("纸箱厂半夜还在冲压，吵到睡不着", "", 2)
    assert (found.police, found.department) == (False, "环保"), found.reason
    assert found.reason.startswith("噪音规则：工业噪音"), found.reason
