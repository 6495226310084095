"""Labelled calls (JSON lines: id, text, optional type and hour, police, department, optional hard and part):
what the triage's model learns from and what the bench measures with. A command center names its own file
in the rules' ``[model]`` table, so a bad line must be named (file, line, field) rather than crash the desk.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station_duty.triage.problems import Problem

SHIPPED_CALLS = Path(__file__).resolve().parent.parent / "data" / "labelled_calls.jsonl"
"""The calls shipped with the plugin (data/labelled_calls.README.md says how they were written)."""


@dataclass(frozen=True)
class LabelledCall:
    id: str
    text: str
    type: str
    hour: int | None
    police: bool
    department: str
    hard: bool = False
    part: str = ""


def read_labelled_calls(path: Path, departments: Iterable[str] | None = None) -> tuple[list[LabelledCall],
                                                                                      list[Problem]]:
    """The calls of a file and every problem with it; ``departments``: the names a label may use (None: any)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        return [], [Problem(str(path), None, "file", f"cannot be read ({error.strerror or error}).")]
    except UnicodeDecodeError as error:
        return [], [Problem(str(path), None, "file", f"is not UTF-8 text (byte {error.start}); save it as UTF-8.")]
    known = frozenset(departments) if departments is not None else None
    calls: list[LabelledCall] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found: list[tuple[str, str]] = []  # (field, what is wrong)
        call = _call(line, known, found)
        problems.extend(Problem(str(path), number, field, message) for field, message in found)
        if call is not None and not found:
            calls.append(call)
    return calls, problems


def _call(line: str, known: frozenset[str] | None, problems: list[tuple[str, str]]) -> LabelledCall | None:
    try:
        item = json.loads(line)
    except ValueError as error:
        problems.append(("line", f"is not JSON ({error}); write one object per line, like "
                                 "{\"id\": \"a1\", \"text\": \"…\", \"police\": false, \"department\": \"城管\"}."))
        return None
    if not isinstance(item, dict):
        problems.append(("line", "is not a JSON object; write {\"id\": …, \"text\": …, \"police\": …, "
                                 "\"department\": …}."))
        return None
    call_id, text = item.get("id"), item.get("text")
    if isinstance(call_id, bool) or not isinstance(call_id, str | int):
        problems.append(("id", f"must be a text or a number naming the call, not {call_id!r}."))
    if not isinstance(text, str) or not text.strip():
        problems.append(("text", f"must be the call's description, a non-empty text, not {text!r}."))
    incident_type = item.get("type", "")
    if not isinstance(incident_type, str):
        problems.append(("type", f"must be an incident type code (text), not {incident_type!r}."))
    hour = item.get("hour")
    if hour is not None and (isinstance(hour, bool) or not isinstance(hour, int) or not 0 <= hour <= 23):
        problems.append(("hour", f"must be a whole number from 0 to 23, not {hour!r}."))
    police, department = item.get("police"), item.get("department")
    if not isinstance(police, bool):
        problems.append(("police", f"must be true or false, not {police!r}."))
    if not isinstance(department, str) or not department.strip():
        problems.append(("department", f"must be a department name of the rules (公安 for police business), "
                                       f"not {department!r}."))
    elif known is not None and department.strip() not in known:
        problems.append(("department", f"is “{department}”, which is not a department of the rules file "
                                       f"(known: {'、'.join(sorted(known))})."))
    if problems:
        return None
    return LabelledCall(str(call_id), str(text), str(incident_type), _hour(hour), bool(police),
                        str(department).strip(), bool(item.get("hard", False)), str(item.get("part", "")))


def _hour(value: Any) -> int | None:
    return value if isinstance(value, int) else None
