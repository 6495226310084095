"""The analytics configuration: the shipped file loads, and every problem of an edited one is named as
file:line: field: what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.analytics.config import SHIPPED, Colour, ConfigProblem, load_config

VALID = SHIPPED.read_text(encoding="utf-8")


def test_the_shipped_configuration_loads_with_a_rule_for_every_colour() -> None:
    config = load_config()
    assert config.windows_h == (1, 2, 3, 24)
    assert config.red_p < config.yellow_p < config.blue_p
    assert {rule.level for rule in config.staffing} == set(Colour)
    assert "2026-10-01" in config.holidays
    assert config.thresholds(1) == (config.blue_p, config.yellow_p, config.red_p)
    assert config.thresholds(24) == pytest.approx((config.blue_p / 10, config.yellow_p / 10, config.red_p / 10))


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "analytics.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigProblem) as raised:
        load_config(path)
    return [str(problem) for problem in raised.value.problems]


def test_each_problem_names_the_file_line_and_field(tmp_path: Path) -> None:
    text = (VALID.replace("min_excess: 5", "min_excess: -2")
            .replace("  - level: blue", "  - level: purple")
            .replace("refit_days: 14", "refit_days: 14\nrefit_hours: 3"))
    lines = text.splitlines()
    file = str(tmp_path / "analytics.yaml")
    problems = _problems(tmp_path, text)
    assert f"{file}:{lines.index('min_excess: -2') + 1}: min_excess: must be at least 0, got the number -2" in problems
    assert any(p.startswith(f"{file}:{lines.index('  - level: purple') + 1}: staffing[2].level: expected one of "
                            "green, blue, yellow, red") for p in problems)
    assert any(p.startswith(f"{file}:{lines.index('refit_hours: 3') + 1}: refit_hours: unknown key")
               for p in problems)


def test_thresholds_out_of_order_and_a_window_given_twice_are_refused(tmp_path: Path) -> None:
    text = (VALID.replace("windows_h: [1, 2, 3, 24]", "windows_h: [1, 3, 3]").replace("red_p: 0.0001", "red_p: 0.5")
            .replace("scale_by_window: {24: 0.1}", "scale_by_window: {24: 0.1, 6: 0.5}"))
    problems = _problems(tmp_path, text)
    assert any("windows_h[2]: the 3 h window is given twice" in p for p in problems)
    assert any("red_p: the thresholds must fall from blue to red" in p for p in problems)
    assert any("scale_by_window: scales the 6 h window, which is not among windows_h (1, 3, 3)" in p for p in problems)


def test_an_impossible_date_and_an_unreadable_file_are_named(tmp_path: Path) -> None:
    problems = _problems(tmp_path, VALID.replace("2026-10-07", "2026-10-32"))
    assert problems[0].endswith("not a valid date: day is out of range for month; write dates as 2026-10-01")
    with pytest.raises(ConfigProblem, match=r"no-such\.yaml: cannot be read"):
        load_config(tmp_path / "no-such.yaml")
