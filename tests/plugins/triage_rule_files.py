"""Small rules files of a command center's own, for the triage's mechanism tests: the parts every file needs
(negation and noise) once, and the triage of a file written to the test's folder; and the shipped rules with the
second reader off, for the tests of what the rules themselves read."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from station_duty.triage import Suggestion, Triage, load_rules

NOISE_AND_NEGATION = """\
[negation]
words = ["没有"]

[noise]
night_start = 22
night_end = 8
words = ["吵"]

[[noise.sources]]
name = "社会生活噪音"
words = ["唱歌"]
day = "街道"
night = "公安"
default = true
"""
"""What a rules file must have besides its police triggers and departments; the tests' own words are elsewhere."""


def rules_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def triage_of(tmp_path: Path, text: str) -> Triage:
    return Triage.from_file(rules_file(tmp_path, text))


@lru_cache(maxsize=1)
def _rules_alone() -> Triage:
    return Triage(dataclasses.replace(load_rules(), overrule=False))


def rules_suggest(text: str, incident_type: str = "", hour: int | None = None) -> Suggestion:
    """What the shipped rules (and their word model) suggest with the second reader off: the concepts' tests
    test the rules; where the reader overrules them is tested in test_station_duty_triage_reader.py."""
    return _rules_alone().suggest(text, incident_type, hour)
