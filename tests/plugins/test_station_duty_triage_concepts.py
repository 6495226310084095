"""The triage's concepts of round twelve, in words no labelled call uses: a bag nobody claims, a banknote that
is not real, forged papers, a threat said as "I know where you live", harm to someone in another's care, a
stranger luring or following children, sex services behind a shop front; a place's word (学校, 养老院, 地铁)
never outweighs harm done there, and health words beat it; a police word that is only compared with, asked
about or suspected yields to the department's matter. Also the mechanisms a command center can use in its
own rules file: ``[setting]`` and an incidental phrase that cancels an event's word (Qt-free)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from station_duty.triage import DEFAULT_RULES, RulesError, Triage, explain, load_rules

from tests.plugins.triage_rule_files import NOISE_AND_NEGATION, rules_suggest, triage_of

LABELLED = DEFAULT_RULES.parent / "labelled_calls.jsonl"


def _labelled_texts() -> list[str]:
    return [json.loads(line)["text"] for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]


def _written_for_the_rules(text: str, phrase: str) -> None:
    """Not copied from the set: neither the call nor the phrase that carries its nature is in a labelled call."""
    assert phrase in text
    assert not any(phrase in labelled for labelled in _labelled_texts()), phrase


# (description, the phrase that carries the police nature, the sign that must decide)
POLICE_BY_CONCEPT = [
    # a bag nobody claims, the time and the nobody said in another clause than the bag
    ("高铁站候车厅有个蛇皮袋，放了一个多小时都没人理", "一个多小时都没人理", "{包裹}~~{时长}~{无人}"),
    # a box that looks made to harm
    ("商场门口有个纸皮箱，上面缠满胶带，还露出电线", "缠满胶带", "{可疑物}~~{可疑迹象}"),
    # a banknote that is not real, in Cantonese, and one that feels wrong
    ("有个师奶俾咗张一百蚊我，唔系真嘅", "唔系真嘅", "{张}~{面额}~~{是假}"),
    ("收银的时候收到一张五十的，摸上去太薄", "摸上去太薄", "{张}~{面额}~~{手感}~{异常}"),
    ("的士司机找给我的一百块是假的", "找给我的一百块", "{收到}~{面额}~~{是假}"),
    ("菜场收了一张50元，验钞机验不过", "验钞机验不过", "{防伪}~{异常}"),
    # forged papers, sold or shown
    ("有人在朋友圈卖高仿的毕业证书", "高仿的毕业证书", "{造假}~{证件}"),
    ("来收货的老板给我看的营业执照原来是假的", "营业执照原来是假的", "{证件}~{是假}"),
    # a threat without a threat's word
    ("网约车司机下车后还发微信说已经查到我家地址", "查到我家地址", "{知晓}~{对方}~{住处}"),
    # harm to someone in another's care
    ("养老院里我妈手上好多瘀青，问护工她不出声", "瘀青，问护工", "{伤痕}~~{照护者}"),
    # a stranger luring children
    ("幼儿园门口有个陌生男人拿零食给小朋友", "拿零食给小朋友", "{陌生人}~~{诱饵}~{递}~{孩子}"),
    ("校门口有个阿伯成日同啲细路讲嘢，仲想拖佢哋走", "仲想拖佢哋走", "{陌生人}~~{拐带}~{被带者}~{离开}"),
    # someone forced a way in
    ("仓库门锁被人锯断了，少了几箱货", "被人锯断", "被人~{破开}"),
    # sex services behind a shop front, and its touts (not a taxi's)
    ("发廊里面有不正经的生意，晚上门口有人拉客", "不正经的生意", "{暧昧}~{服务}"),
]


@pytest.mark.parametrize(("text", "phrase", "sign"), POLICE_BY_CONCEPT)
def test_police_business_is_read_by_its_concept_in_new_words(text: str, phrase: str, sign: str) -> None:
    found = rules_suggest(text, "", 14)
    assert (found.police, found.department) == (True, "公安"), found.reason
    assert sign in found.matched, found.reason
    _written_for_the_rules(text, phrase)


@pytest.mark.parametrize(("text", "place"), [
    ("幼儿园门口有个男的一直盯着小朋友看", "幼儿园"),  # staring: a medium police word against a place's word
    ("敬老院的护理员掐过我爸，他不敢说", "敬老院"),
    ("养老院里我妈手上好多瘀青，问护工她不出声", "养老院"),
])
def test_harm_done_in_a_place_is_the_police_s_whatever_the_place_s_department(text: str, place: str) -> None:
    found = rules_suggest(text, "", 14)
    assert found.police, found.reason
    assert place in found.explanation.rival_words, found.reason  # the place was read, and outweighed
    assert text not in _labelled_texts()


@pytest.mark.parametrize(("text", "department", "health_words"), [
    ("高铁站台有个孕妇说肚子一阵阵痛，宫缩很密", "急救", {"孕妇", "宫缩"}),  # labour beats the platform
    ("学校附近的水坑全是蚊子，有几个学生发烧了", "卫生", {"{病媒}~~{病症}"}),  # a vector with a disease
])
def test_health_words_beat_a_place_s_words(text: str, department: str, health_words: set[str]) -> None:
    found = rules_suggest(text, "", 14)
    assert (found.police, found.department) == (False, department), found.reason
    assert health_words <= set(found.matched), found.reason
    assert text not in _labelled_texts()


# (description, department, the police word that is only compared with, asked about or suspected)
FIGURATIVE = [
    ("老师把我儿子的篮球没收了，算不算抢", "教育", "抢"),  # a question whether it counts as a crime
    ("交了八千块补习班的学费什么都没学到，等于被人抢了钱", "教育", "抢"),  # a comparison
    ("物业把我的车位租给别人，好似俾人抢咗咁", "物业", "抢"),  # a Cantonese comparison ending in 咁
    ("天桥底有个阿伯跪喺度乞钱，我觉得佢系装嘅", "民政", "装的"),  # a suspicion with no victim
    ("房租押金被房东扣光了，等于被他吞了", "街道", "吞了"),  # not a swallowed object either
]


@pytest.mark.parametrize(("text", "department", "word"), FIGURATIVE)
def test_a_police_word_compared_with_asked_about_or_suspected_yields_to_the_department(
        text: str, department: str, word: str) -> None:
    found = rules_suggest(text, "", 14)
    assert (found.police, found.department) == (False, department), found.reason
    assert word not in found.matched
    assert text not in _labelled_texts()


def test_a_police_type_chosen_on_a_word_only_asked_about_does_not_hold_the_call() -> None:
    asked = rules_suggest("老师把我儿子的篮球没收了，算不算抢", "theft", 14)
    assert (asked.police, asked.department) == (False, "教育"), asked.reason
    happened = rules_suggest("老师的篮球被人抢了", "theft", 14)
    assert happened.police, happened.reason


@pytest.mark.parametrize("text", [
    "刚才是不是有人抢了你的包",  # asks whether it happened, not what it is called
    "好像被抢了差不多五百块",  # "好像" is "it seems", "差不多" "about": no comparison
    "抢咗佢部手机咁就走咗",  # "咁就" is "and then", not "as if"
    "我怀疑他是骗子，他骗了我两千块",  # a suspicion, and a victim
])
def test_the_same_words_said_of_what_happened_stay_with_the_police(text: str) -> None:
    found = rules_suggest(text, "", 14)
    assert found.police, found.reason
    assert text not in _labelled_texts()


@pytest.mark.parametrize(("text", "department"), [
    ("楼道里邻居放了几个纸箱，放了好久没人管", "街道"),  # clutter with an owner, not a bag nobody claims
    ("幼儿园老师给小朋友分糖果", "教育"),  # no stranger
    ("殡仪馆的一条龙服务太贵了", "民政"),  # a funeral parlour's service
    ("火车站门口有人拉客，说是拼车去深圳", "交通运输"),  # a taxi tout, no parlour
    ("花了一百块买的耳机是假的", "市场监管"),  # fake goods, not a fake banknote
    ("他给我的一百块的耳机是假的", "市场监管"),
    ("这个月工地的包工头又卷款走人了，工人都没拿到钱", "劳动"),  # the boss gone with the wages
])
def test_a_department_s_matter_near_the_new_concepts_stays_the_department_s(text: str, department: str) -> None:
    found = rules_suggest(text, "", 14)
    assert (found.police, found.department) == (False, department), found.reason
    assert text not in _labelled_texts()


def test_a_call_whose_only_police_word_is_asked_about_is_not_left_to_the_model() -> None:
    found = rules_suggest("这是不是诈骗", "", 14)
    assert (found.police, found.explanation.kind) == (True, explain.NOTHING), found.reason


# -- the mechanisms, in a rules file of a command center's own -------------------------------------------

RULES = """\
version = 1

[police]
threshold = 2.0

[[police.triggers]]
name = "可疑"
medium = ["盯着"]

[word_sets]
"等于" = ["等于"]

[incidental]
words = ["{等于}~吞了"]

[setting]
words = ["学校"]

""" + NOISE_AND_NEGATION + """

[[departments]]
name = "教育"
strong = ["学校"]
medium = ["学费"]

[[departments]]
name = "急救"
negatable = true
strong = ["吞了"]

[[departments]]
name = "街道"
strong = ["押金"]
"""


def _triage(tmp_path: Path, text: str = RULES) -> Triage:
    return triage_of(tmp_path, text)


def test_a_setting_word_weighs_half_against_police_words(tmp_path: Path) -> None:
    triage = _triage(tmp_path)
    assert triage.suggest("学校门口有人盯着", "", 10).police  # 2 against half of 3
    # the department's own matter with the place outweighs the same police word
    assert triage.suggest("学校门口有人盯着，学费的事", "", 10).department == "教育"
    # without [setting] the place's strong word wins, as it did before
    plain = _triage(tmp_path, RULES.replace('words = ["学校"]', "words = []"))
    assert plain.suggest("学校门口有人盯着", "", 10).department == "教育"


def test_an_incidental_phrase_cancels_an_event_word_of_a_negatable_department(tmp_path: Path) -> None:
    triage = _triage(tmp_path)
    assert triage.suggest("押金等于被他吞了", "", 10).department == "街道"
    assert triage.suggest("孩子吞了一颗纽扣", "", 10).department == "急救"


def test_a_setting_word_no_department_lists_is_named_with_its_line(tmp_path: Path) -> None:
    text = RULES.replace('words = ["学校"]', 'words = ["学校", "操场"]')
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    [problem] = [str(problem) for problem in caught.value.problems]
    line = next(number for number, row in enumerate(text.splitlines(), 1) if "操场" in row)
    assert problem.startswith(f"{path}, line {line}, setting.words: "), problem
    assert "“操场”" in problem and "no department lists" in problem
