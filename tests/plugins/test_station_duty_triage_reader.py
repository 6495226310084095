"""The triage's second reader as a call-taker and a command center meet it: where it disagrees with the rules it
decides, and the reason says what the rules had said; the noise rule (the clock) is never overruled; a command
center can switch it off, and a bad switch is named (Qt-free)."""

from __future__ import annotations

from pathlib import Path

import pytest
from station_duty.triage import DEFAULT_RULES, RulesError, Triage, default_triage, explain, load_rules

# h010 of the labelled set, a blind call the rules refer to 街道 (a landlord, moving out) although the tenant is
# locked in: the reader learned from it that it is the police's.
LOCKED_IN = "房东今日带咗几个纹身佬嚟，锁咗我喺房入面唔俾出，逼我即刻搬走"
# Street stalls filling a footbridge: a police word ("过不去", a road blocked) against a reader all but sure of city
# management. Written for this test: no labelled call says it this way.
STALLS = "天桥上摆满了卖手机壳和玩具的小摊，轮椅都过不去"
# A threat with a knife in a wage dispute: the reader, which reads the wage dispute, is as sure of 劳动.
WAGE_THREAT = "老板跑了三个月工资没发，工人说再不给钱就拿刀去找他"


@pytest.fixture(scope="module")
def triage() -> Triage:
    found = default_triage()
    found.warm_up()
    return found


def test_where_the_reader_disagrees_it_decides_and_says_what_the_rules_had_said(triage: Triage) -> None:
    found = triage.suggest(LOCKED_IN, "", 21)
    assert (found.police, found.department) == (True, "公安"), found.reason
    assert found.explanation.kind == explain.READER
    assert found.explanation.rival == "街道" and "房东" in found.explanation.rival_words
    assert found.reason.startswith("与已标注来电比对，属警情") and "规则判为街道" in found.reason
    assert "未采用" in found.reason and 0.6 <= found.confidence <= 0.99
    english = explain.english(found.explanation)
    assert english.startswith("Read against the labelled calls: police business")
    assert "the rules said Street office" in english


def test_violence_threats_and_weapons_stand_whatever_the_reader_says(triage: Triage) -> None:
    assert triage._reader is not None
    reading = triage._reader.read(WAGE_THREAT)
    assert reading.best == "劳动" and reading.department_p >= 0.6 and reading.police < 0.2
    found = triage.suggest(WAGE_THREAT, "", 15)
    assert (found.police, found.explanation.kind) == (True, explain.POLICE), found.reason
    assert {"威胁", "凶器"} <= set(found.explanation.rules)


def test_other_police_words_yield_to_a_reader_all_but_sure_of_a_department(triage: Triage) -> None:
    found = triage.suggest(STALLS, "", 15)
    assert (found.police, found.department, found.explanation.kind) == (False, "城管", explain.READER), found.reason
    assert found.explanation.rival == "公安" and "过不去" in found.explanation.rival_words
    assert "规则判为公安（命中“过不去”），未采用" in found.reason
    assert "the rules said Police (matched “过不去”), not followed" in explain.english(found.explanation)


def test_a_command_center_chooses_which_police_words_the_reader_never_overrules(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace(
        'never_overruled = ["暴力", "威胁", "凶器"]', "never_overruled = []"), encoding="utf-8")
    found = Triage.from_file(path).suggest(WAGE_THREAT, "", 15)
    assert (found.police, found.department, found.explanation.kind) == (False, "劳动", explain.READER)


def test_an_unknown_trigger_in_never_overruled_is_named(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace(
        'never_overruled = ["暴力", "威胁", "凶器"]', 'never_overruled = ["暴力", "打劫"]'), encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert any("model.never_overruled" in str(problem) and "“打劫”" in str(problem) and "凶器" in str(problem)
               for problem in caught.value.problems), caught.value.problems


def test_where_the_two_agree_the_rules_reason_stands(triage: Triage) -> None:
    found = triage.suggest("两个男的在大排档打起来了，一个拿着酒瓶", "", 21)
    assert found.police and found.explanation.kind == explain.POLICE


def test_the_noise_rule_goes_by_the_clock_and_is_never_overruled(triage: Triage) -> None:
    text = "楼下烧烤摊的人一直在大声划拳"
    assert triage.suggest(text, "", 23).explanation.kind == explain.NOISE
    assert triage.suggest(text, "", 23).department == "公安"  # 23:00: people's noise at night


def test_a_command_center_can_switch_the_reader_off(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace("overrule = true", "overrule = false"),
                    encoding="utf-8")
    rules_alone = Triage.from_file(path).suggest(LOCKED_IN, "", 21)
    assert (rules_alone.police, rules_alone.department) == (False, "街道")


def test_a_bad_switch_is_named(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace("overrule = true", 'overrule = "yes"'),
                    encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert any("model.overrule" in str(problem) and "write true or false" in str(problem)
               for problem in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(("text", "department"), [
    ("半夜有辆货车把砖头和碎瓷砖卸在公园门口", "城管"),  # dumped construction waste: bricks are no weapon
    ("在诊所打针的时候护士手抖，打了两次", "卫生"),  # a needle, not a blow: a clinic's care
    ("老师把我儿子关在办公室罚站一个钟", "教育"),  # kept in by a teacher, nobody harmed
    # Plain matters of a department the reader gives the police at 0.5-0.6: on the untuned blind calls the reader
    # was right in that band 13 times for each time it was wrong (bench/triage_chronological.py).
    ("我老伴刚才去厕所，不知怎么的就倒在厕所地上了，我一个人扶不动", "急救"),
    ("一个老婆婆在讨饭，就在我们医院停车场出口", "民政"),
    ("今天下午两点，办公室窗边有个马蜂窝，保安说要拿竹竿去捅它", "消防"),
    ("他给我的一百块的耳机是假的", "市场监管"),
])
def test_the_reader_s_known_costs_the_rules_answer_stays_in_sight(triage: Triage, text: str, department: str) -> None:
    # Calls written to sit next to police business, which the rules answer right and the reader overrules: the
    # price of a reader that is right more often on calls nobody tuned for (bench/triage_chronological.py). The
    # rules keep their answer, and the call-taker reads it in the reason.
    assert Triage(load_rules(), training=()).suggest(text, "", 14).department == department
    found = triage.suggest(text, "", 14)
    assert found.explanation.kind == explain.READER and found.explanation.rival == department
    assert f"规则判为{department}" in found.reason
    # Runs of function characters weigh without telling the call-taker anything: never shown as telling words.
    assert not set(found.explanation.words) & {"一个", "几个", "的一", "我的", "有个", "说要"}, found.reason
