"""``dispatch-desktop triage``: JSON lines in, JSON lines out, bad lines named and skipped, a bad rules
file refused with its problems (Qt-free)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from station_duty.triage import DEFAULT_RULES
from station_duty.triage.cli import run


def triage(lines: list[str], *args: str) -> tuple[int, list[dict[str, object]], str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run(list(args), io.StringIO("\n".join(lines) + "\n"), stdout, stderr)
    answers = [json.loads(line) for line in stdout.getvalue().splitlines()]
    return status, answers, stderr.getvalue()


def test_one_answer_per_call_with_the_fields_a_command_center_checks() -> None:
    status, answers, errors = triage([
        json.dumps({"id": "a1", "text": "有人在地铁上偷手机", "type": "theft"}, ensure_ascii=False),
        json.dumps({"id": 2, "text": "整条街停电了，已经两个小时", "hour": 19}, ensure_ascii=False),
    ])
    assert (status, errors) == (0, "")
    assert [answer["id"] for answer in answers] == ["a1", 2]
    assert all(set(answer) == {"id", "police", "department", "reason", "confidence"} for answer in answers)
    assert (answers[0]["police"], answers[0]["department"]) == (True, "公安")
    assert (answers[1]["police"], answers[1]["department"]) == (False, "供电")
    assert 0.0 <= float(answers[1]["confidence"]) <= 1.0  # type: ignore[arg-type]


def test_the_hour_comes_from_hour_time_or_the_hour_option() -> None:
    noise = "楼上邻居开派对放音乐，吵得睡不着"
    lines = [
        json.dumps({"id": "hour", "text": noise, "hour": 23}, ensure_ascii=False),
        json.dumps({"id": "clock", "text": noise, "time": "14:30"}, ensure_ascii=False),
        json.dumps({"id": "utc", "text": noise, "time": "2026-12-06T15:30:00+00:00"}, ensure_ascii=False),  # 23:30
        json.dumps({"id": "none", "text": noise}, ensure_ascii=False),
    ]
    status, answers, _ = triage(lines, "--hour", "10")
    assert status == 0
    assert {str(a["id"]): a["department"] for a in answers} == {"hour": "公安", "clock": "街道", "utc": "公安",
                                                                 "none": "街道"}


def test_a_bad_line_is_named_on_stderr_and_skipped_and_the_status_says_so() -> None:
    status, answers, errors = triage([
        '{"id": 1, "text": "有人打架"}',
        "not json at all",
        '{"text": "没有编号"}',
        '{"id": 4, "text": "有人打架", "hour": 24}',
        "",
        '{"id": 6, "text": "有人打架", "time": "昨晚"}',
        '{"id": 7, "text": "整条街停电了"}',
    ])
    assert status == 1
    assert [answer["id"] for answer in answers] == [1, 7]
    for number, detail in ((2, "not JSON"), (3, '"id"'), (4, '"hour"'), (6, '"time"')):
        assert f"standard input, line {number}: " in errors and detail in errors
    assert "line 5" not in errors and "4 line(s) skipped" in errors


def test_a_bad_rules_file_is_refused_with_its_problems_and_nothing_is_triaged(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(DEFAULT_RULES.read_text(encoding="utf-8").replace("night_start = 22", "night_start = 30"),
                     encoding="utf-8")
    status, answers, errors = triage(['{"id": 1, "text": "有人打架"}'], "--rules", str(rules))
    assert (status, answers) == (2, [])
    assert f"{rules}, line" in errors and "noise.night_start" in errors and "30" in errors


def test_another_rules_file_is_used(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    # The model off too: learned from the shipped calls (d119 "成条街停电"), it would refer the call to 供电 anyway.
    edited_rules = DEFAULT_RULES.read_text(encoding="utf-8").replace('"停电", ', '"停电了", ')
    rules.write_text(edited_rules.replace("shipped_calls = true", "shipped_calls = false"), encoding="utf-8")
    _, shipped, _ = triage(['{"id": 1, "text": "整条街停电"}'])
    _, edited, _ = triage(['{"id": 1, "text": "整条街停电"}'], "--rules", str(rules))
    assert shipped[0]["department"] == "供电" and edited[0]["department"] != "供电"


def test_python_m_reads_a_file_and_writes_utf8_chinese(tmp_path: Path) -> None:
    calls = tmp_path / "calls.jsonl"
    calls.write_text('{"id": "x", "text": "小区电梯坏了三天没人修"}\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "station_duty.triage", str(calls)], capture_output=True,
                          env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    line = done.stdout.decode("utf-8")
    assert '"department": "物业"' in line and "\\u" not in line
    assert done.stderr == b""
