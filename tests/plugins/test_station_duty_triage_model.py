"""The triage's model as a call-taker and a command center meet it: it refers calls no rule matched to the
department similar labelled calls went to, says which words it relied on, never takes a call the police
words decided, learns the same from the same calls, and a bad labelled-calls file is named line by line;
the reason reads in the desk's language (Qt-free: a stub desk)."""

from __future__ import annotations

import io
import json
import random
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from station_duty.referral import TriageAdvisor
from station_duty.triage import DEFAULT_RULES, SHIPPED_CALLS, LabelledCall, RulesError, Triage, load_rules
from station_duty.triage import read_labelled_calls as read_calls
from station_duty.triage.cli import run
from station_duty.triage.model import WordModel

from dispatch_desktop.api import IntakeDraft

TS_FILE = DEFAULT_RULES.parents[1] / "translations" / "src" / "triage_zh_CN.ts"
FOUNTAIN_CALLS = ["小区中间的喷泉坏了，喷泉一直往外冒", "我们楼下的喷泉池臭了，喷泉好久没清理",
                  "喷泉那边的灯不亮，喷泉也停了好几天"]


def tiny_set(fountain_department: str = "物业") -> list[LabelledCall]:
    """Forty police calls of the shipped set and three about a fountain, a word no rule lists."""
    shipped, _ = read_calls(SHIPPED_CALLS)
    police = [call for call in shipped if call.police][:40]
    return police + [LabelledCall(f"f{index}", text, "", 14, False, fountain_department)
                     for index, text in enumerate(FOUNTAIN_CALLS)]


@pytest.fixture(scope="module")
def rules_only() -> Triage:
    return Triage(load_rules(), training=())


def test_where_no_rule_matches_the_model_refers_the_call_and_says_which_words(rules_only: Triage) -> None:
    text = "喷泉又坏了，好几天了"
    assert rules_only.suggest(text, "", 14).police  # the rules are silent: the police keep it
    found = Triage(load_rules(), training=tiny_set()).suggest(text, "", 14)
    assert (found.police, found.department) == (False, "物业"), found.reason
    assert "“喷泉”" in found.reason and found.explanation.kind == "model"
    assert 0.5 <= found.confidence <= 0.6  # a middling confidence: the call-taker reads it first


def test_a_call_that_says_nothing_stays_with_the_police() -> None:
    found = Triage(load_rules(), training=tiny_set()).suggest("喂，你好，我想问一下", "", 14)
    assert found.police and found.confidence <= 0.3


def test_the_model_never_takes_a_call_the_police_words_decided() -> None:
    poisoned = [LabelledCall(f"p{index}", f"有人拿刀砍人，第{index}次", "", 14, False, "城管") for index in range(30)]
    found = Triage(load_rules(), training=tiny_set() + poisoned).suggest("有人拿刀砍人", "", 14)
    assert (found.police, found.department) == (True, "公安") and found.reason.startswith("警情优先")


def test_the_same_calls_in_any_order_train_the_same_model() -> None:
    triage = Triage(load_rules(), training=())
    examples = [(triage.features(call.text), call.department) for call in tiny_set()]
    shuffled = list(examples)
    random.Random(7).shuffle(shuffled)
    call = triage.features("喷泉又坏了，好几天了")
    assert WordModel(examples).scores(call) == WordModel(shuffled).scores(call)
    assert WordModel(examples).guess(call) == WordModel(shuffled).guess(call)


def write_rules(tmp_path: Path, calls_text: str) -> Path:
    (tmp_path / "ours.jsonl").write_text(calls_text, encoding="utf-8")
    rules = DEFAULT_RULES.read_text(encoding="utf-8").replace("calls = []", 'calls = ["ours.jsonl"]')
    path = tmp_path / "rules.toml"
    path.write_text(rules, encoding="utf-8")
    return path


def test_a_command_center_s_own_labelled_calls_teach_the_model(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"o{index}", "text": text, "police": False, "department": "城管"}, ensure_ascii=False)
             for index, text in enumerate(FOUNTAIN_CALLS * 4)]
    found = Triage(load_rules(write_rules(tmp_path, "\n".join(lines)))).suggest("喷泉又坏了，好几天了", "", 14)
    assert found.department == "城管", found.reason


def test_a_bad_labelled_calls_file_is_refused_naming_file_line_and_field(tmp_path: Path) -> None:
    good = '{"id": "a1", "text": "门口的喷泉坏了", "police": false, "department": "物业"}'
    path = write_rules(tmp_path, "\n".join([
        good, '{"id": "a2", "text": "", "police": false, "department": "物业"}',
        '{"id": "a3", "text": "喷泉坏了", "police": "no", "department": "物业局"}', "not json"]))
    with pytest.raises(RulesError) as raised:
        load_rules(path)
    problems = [(Path(p.file).name, p.line, p.field) for p in raised.value.problems]
    assert problems == [("ours.jsonl", 2, "text"), ("ours.jsonl", 3, "police"), ("ours.jsonl", 3, "department"),
                        ("ours.jsonl", 4, "line")]
    assert "物业局" in str(raised.value) and "not a department of the rules file" in str(raised.value)


def test_a_missing_labelled_calls_file_and_a_bad_model_key_are_named(tmp_path: Path) -> None:
    rules = DEFAULT_RULES.read_text(encoding="utf-8").replace("calls = []", 'calls = ["gone.jsonl"]\nsize = 3')
    (tmp_path / "rules.toml").write_text(rules, encoding="utf-8")
    with pytest.raises(RulesError) as raised:
        load_rules(tmp_path / "rules.toml")
    text = str(raised.value)
    assert "model.size: is not a field of [model]" in text and "gone.jsonl, file: cannot be read" in text


class StubDesk:
    """What TriageAdvisor asks of the desk: its language, time zone, catalogue and type names."""

    time_zone = ZoneInfo("Asia/Shanghai")

    def __init__(self, language: str) -> None:
        self.language = language

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return text

    def incident_type_name(self, code: str) -> str:
        return {"wage_arrears": "wage arrears"}.get(code, code)


def advice(language: str, text: str) -> tuple[str, str]:
    triage = Triage(load_rules(), training=())
    advisor = TriageAdvisor(StubDesk(language), triage)  # type: ignore[arg-type]  # a stub of DeskContext
    assert advisor.ready.wait(30)
    draft = IntakeDraft(description=text, incident_type="", call_time=0)
    given = advisor(draft)
    assert given is not None
    return given.reason, triage.suggest(text).reason


@pytest.mark.parametrize(("text", "english_words"), [
    ("老板跑了，我们三十几个工人三个月工资没发", ("Not police business", "Labour and social security", "“工资”")),
    ("老板欠工资不给，工人说再不给钱就拿刀去找他", ("Police business first", "weapons", "Labour and social security")),
    ("旁边工地在打桩，噪音很大", ("Noise rule", "construction noise", "Housing and construction", "“打桩”")),
    ("厨房燃气味很大，没有着火", ("Gas supply", "“着火” not counted")),
])
def test_the_english_desk_reads_the_reason_in_english_with_the_callers_words_quoted(
        text: str, english_words: tuple[str, ...]) -> None:
    english, _ = advice("en", text)
    assert all(word in english for word in english_words), english
    chinese_outside_quotes = re.sub(r"“[^”]*”", "", english)
    assert not re.search(r"[\u4e00-\u9fff]", chinese_outside_quotes), english


def test_the_chinese_desk_reads_the_rules_own_sentence() -> None:
    shown, reason = advice("zh_CN", "老板跑了，我们三十几个工人三个月工资没发")
    assert shown == reason and shown.startswith("非警务，劳动职责")


def test_the_cli_writes_the_reason_in_english_on_request() -> None:
    out, err = io.StringIO(), io.StringIO()
    line = json.dumps({"id": 1, "text": "马路上水管爆了，附近都停水了", "hour": 14}, ensure_ascii=False)
    assert run(["--lang", "en"], io.StringIO(line), out, err) == 0
    answer = json.loads(out.getvalue())
    assert answer["department"] == "水务" and answer["department_name"] == "Water authority"
    assert answer["reason"].startswith("Not police business, a matter for Water authority")


def test_every_english_text_of_the_reason_has_a_chinese_translation() -> None:
    source = (DEFAULT_RULES.parents[1] / "triage" / "explain.py").read_text(encoding="utf-8")
    texts = set(re.findall(r'tr\("((?:[^"\\]|\\.)*)"\)', source))
    names = set(re.findall(r'"[^"]+": "([^"]+)"', source))
    catalogue = TS_FILE.read_text(encoding="utf-8").replace("&amp;", "&")
    translated = set(re.findall(r"<source>(.*?)</source>\s*<translation>[^<]+</translation>", catalogue))
    assert (texts | names) - translated == set()
