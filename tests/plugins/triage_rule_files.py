"""Small rules files of a command center's own, for the triage's mechanism tests: the parts every file needs
(negation and noise) once, and the triage of a file written to the test's folder."""

from __future__ import annotations

from pathlib import Path

from station_duty.triage import Triage

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
