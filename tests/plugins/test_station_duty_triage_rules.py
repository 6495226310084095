"""The triage rules file a command center edits: checked on load, every problem named by file, line and
field; a command center's edits change the suggestions (Qt-free)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from station_duty.triage import DEFAULT_RULES, RulesError, Triage, load_rules

from tests.plugins.triage_rule_files import NOISE_AND_NEGATION, rules_file

TRIAGE_RULES_DEPARTMENTS = {"公安", "街道", "环保", "城管", "劳动", "市场监管", "卫生", "水务", "供电", "燃气",
                            "交通运输", "住建", "民政", "教育", "消防", "急救", "物业"}
"""/work/shared/TRIAGE_RULES.md's names (工商 is merged into 市场监管)."""

MINIMAL = """\
version = 1

[police]
threshold = 2.0

[[police.triggers]]
name = "暴力"
strong = ["打人"]

""" + NOISE_AND_NEGATION + """

[[departments]]
name = "街道"
strong = ["押金"]
"""


def write(tmp_path: Path, text: str) -> Path:
    return rules_file(tmp_path, text)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    return [str(problem) for problem in caught.value.problems]


def test_the_shipped_rules_load_and_use_exactly_the_departments_of_triage_rules() -> None:
    rules = load_rules()
    assert rules.police_department == "公安"
    names = {rule.name for rule in rules.departments} | {rules.police_department}
    assert names == TRIAGE_RULES_DEPARTMENTS
    hinted = {department for department, _ in rules.type_hints.values()}
    assert hinted <= names


def test_a_minimal_rules_file_works(tmp_path: Path) -> None:
    triage = Triage.from_file(write(tmp_path, MINIMAL))
    assert triage.suggest("房东不退押金", "", 10).department == "街道"
    assert triage.suggest("他打人了", "", 10).police


def test_every_problem_is_named_with_file_line_and_field(tmp_path: Path) -> None:
    bad = MINIMAL.replace("threshold = 2.0", 'threshold = "high"') \
        .replace('strong = ["打人"]', 'strong = ["打人", "打 人"]') \
        .replace("night_start = 22", "night_start = 25") \
        .replace('night = "公安"', 'night = "派出所"') \
        .replace('strong = ["押金"]', 'strong = ["押金"]\ncolour = "red"')
    path = write(tmp_path, bad)
    problems = problems_of(path)
    lines = bad.splitlines()

    def line_of(fragment: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if fragment in line)

    expected = [
        (line_of("threshold"), "police.threshold", "'high'"),
        (line_of('"打 人"'), "police.triggers[1].strong", "'打 人'"),
        (line_of("night_start"), "noise.night_start", "25"),
        (line_of("派出所"), "noise.sources[1].night", "派出所"),
        (line_of("colour"), "departments[1].colour", "not a field"),
    ]
    assert len(problems) == len(expected), problems
    for (line, field, detail), problem in zip(expected, problems, strict=True):
        assert problem.startswith(f"{path}, line {line}, {field}: "), problem
        assert detail in problem


def test_a_bad_synonym_is_named_with_its_line(tmp_path: Path) -> None:
    text = MINIMAL + '\n[synonyms]\n"屋企" = "家"\n"俾人" = ""\n"打交" = "打交"\n'
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"{path}, line {len(MINIMAL.splitlines()) + 4}, synonyms.俾人: "), problems
    assert problems[1].startswith(f"{path}, line {len(MINIMAL.splitlines()) + 5}, synonyms.打交: "), problems
    good = write(tmp_path, MINIMAL + '\n[synonyms]\n"俾人" = "被人"\n"打交" = "打人"\n')
    assert Triage.from_file(good).suggest("佢俾人打交", "", 10).police


def test_a_file_that_is_not_toml_names_the_line(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, MINIMAL.replace('words = ["吵"]', 'words = ["吵"')))
    assert str(tmp_path / "rules.toml") in problem and "not valid TOML" in problem
    assert re.search(r"line \d+", problem)


def test_missing_sections_and_unreadable_files_are_problems_not_crashes(tmp_path: Path) -> None:
    problems = problems_of(write(tmp_path, "version = 1\n"))
    assert any("police.triggers" in problem and "missing" in problem for problem in problems)
    assert any("departments" in problem and "missing" in problem for problem in problems)
    assert problems_of(tmp_path / "absent.toml") == [f"{tmp_path / 'absent.toml'}, file: cannot be read "
                                                     "(No such file or directory)."]
    (tmp_path / "latin.toml").write_bytes("name = '街道'".encode("gb18030"))
    [problem] = problems_of(tmp_path / "latin.toml")
    assert "not UTF-8" in problem


def test_a_department_named_nowhere_and_a_word_listed_twice_are_reported(tmp_path: Path) -> None:
    text = MINIMAL + '\n[[type_hints]]\ndepartment = "城建"\nweight = 2.0\ntypes = ["noise"]\n'
    text = text.replace('strong = ["押金"]', 'strong = ["押金"]\nweak = ["押金"]')
    problems = problems_of(write(tmp_path, text))
    assert any("type_hints[1].department" in p and "“城建”" in p and "not a department" in p for p in problems)
    assert any("departments[1].weak" in p and "“押金” is listed twice" in p for p in problems)


def test_a_command_center_s_edits_change_the_suggestions(tmp_path: Path) -> None:
    shipped = DEFAULT_RULES.read_text(encoding="utf-8")
    text = "楼上邻居唱歌很吵"
    assert Triage.from_file().suggest(text, "", 22).department == "公安"
    later_night = Triage.from_file(write(tmp_path, shipped.replace("night_start = 22", "night_start = 23")))
    assert later_night.suggest(text, "", 22).department == "街道"
    assert later_night.suggest(text, "", 23).department == "公安"
