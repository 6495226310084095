"""``dispatch-desktop triage [FILE] [--rules FILE] [--hour H] [--lang en]``: the triage of past calls, headless.

Reads JSON lines (``id``, ``text``, optional ``type``, optional ``hour`` 0-23 or ``time``) from FILE or
stdin and writes one JSON line per call (``id``, ``police``, ``department``, ``reason``, ``confidence``;
``--lang en``: the reason in English, the department's English name in ``department_name``),
so a command center can check its rules against its own calls. A bad line is reported on stderr with its
number and skipped; the exit status is then 1. A bad rules file: every problem on stderr, status 2.
Also ``python -m station_duty.triage`` (no desk needed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from station_duty.triage.engine import Suggestion, Triage
from station_duty.triage.explain import department_name, english
from station_duty.triage.problems import RulesError
from station_duty.triage.rules import load_rules

if TYPE_CHECKING:
    from dispatch_desktop.api import CliContext

LOCAL_ZONE = ZoneInfo("Asia/Shanghai")
"""A ``time`` with a UTC offset is read in the command center's zone (the product's default) for its hour."""


class BadLine(ValueError):
    pass


def main(argv: list[str], cli: CliContext | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")  # Chinese out whatever the terminal's locale
    prog = f"dispatch-desktop {cli.command}" if cli is not None else "python -m station_duty.triage"
    return run(argv, sys.stdin, sys.stdout, sys.stderr, prog)


def run(argv: list[str], stdin: IO[str], stdout: IO[str], stderr: IO[str], prog: str = "triage") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Suggest police / non-police and the department for "
                                     "calls given as JSON lines (id, text, optional type, hour or time).")
    parser.add_argument("file", nargs="?", type=Path, help="JSON lines file (default: standard input)")
    parser.add_argument("--rules", type=Path, help="check and use this rules file instead of the shipped one")
    parser.add_argument("--hour", type=int, choices=range(24), metavar="H",
                        help="hour of the calls (0-23) for lines that give neither hour nor time")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help="language of the reason (default zh: the rules' own sentence)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse has printed the usage and the error
        return int(stop.code or 0)
    try:
        triage = Triage(load_rules(args.rules))
    except RulesError as error:
        print(f"The rules file cannot be used ({len(error.problems)} problem(s)); nothing was triaged:",
              file=stderr)
        for problem in error.problems:
            print(f"  {problem}", file=stderr)
        return 2
    if args.file is None:
        return _triage_lines(triage, stdin, stdout, stderr, "standard input", args.hour, args.lang)
    try:
        with args.file.open(encoding="utf-8-sig") as lines:
            return _triage_lines(triage, lines, stdout, stderr, str(args.file), args.hour, args.lang)
    except OSError as error:
        print(f"{args.file}: cannot be read ({error.strerror or error}).", file=stderr)
        return 2
    except UnicodeDecodeError as error:
        print(f"{args.file}: is not UTF-8 text (byte {error.start}); save it as UTF-8.", file=stderr)
        return 2


def _triage_lines(triage: Triage, lines: Iterable[str], stdout: IO[str], stderr: IO[str], source: str,
                  default_hour: int | None, language: str = "zh") -> int:
    bad = 0
    for number, line in enumerate(lines, 1):
        line = line.lstrip("\ufeff").strip()
        if not line:
            continue
        try:
            call_id, text, incident_type, hour = read_call(line)
        except BadLine as error:
            bad += 1
            print(f"{source}, line {number}: {error}; line skipped.", file=stderr)
            continue
        suggestion = triage.suggest(text, incident_type, hour if hour is not None else default_hour)
        stdout.write(json.dumps(_answer(call_id, suggestion, language), ensure_ascii=False) + "\n")
    stdout.flush()
    if bad:
        print(f"{source}: {bad} line(s) skipped, see above.", file=stderr)
    return 1 if bad else 0


def _answer(call_id: Any, suggestion: Suggestion, language: str) -> dict[str, Any]:
    answer = {"id": call_id, "police": suggestion.police, "department": suggestion.department,
              "reason": suggestion.reason, "confidence": suggestion.confidence}
    if language == "en":
        answer["department_name"] = department_name(suggestion.department)
        answer["reason"] = english(suggestion.explanation)
    return answer


def read_call(line: str) -> tuple[Any, str, str, int | None]:
    """``(id, text, type, hour)`` of one input line; ``BadLine`` says in a sentence what is wrong."""
    try:
        item = json.loads(line)
    except ValueError as error:
        raise BadLine(f"not JSON ({error})") from None
    if not isinstance(item, dict):
        raise BadLine("not a JSON object; write {\"id\": ..., \"text\": ...}")
    if "id" not in item or not isinstance(item["id"], str | int) or isinstance(item["id"], bool):
        raise BadLine("no \"id\" (a text or a number) to answer with")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadLine(f"\"text\" must be the call's description, a non-empty text, not {text!r}")
    incident_type = item.get("type", "")
    if not isinstance(incident_type, str):
        raise BadLine(f"\"type\" must be an incident type code (text), not {incident_type!r}")
    return item["id"], text, incident_type, _hour(item)


def _hour(item: dict[str, Any]) -> int | None:
    hour = item.get("hour")
    if hour is not None:
        if isinstance(hour, bool) or not isinstance(hour, int) or not 0 <= hour <= 23:
            raise BadLine(f"\"hour\" must be a whole number from 0 to 23, not {hour!r}")
        return hour
    when = item.get("time")
    if when is None:
        return None
    if not isinstance(when, str):
        raise BadLine(f"\"time\" must be a text like \"23:15\" or \"2026-12-06T23:15:00+08:00\", not {when!r}")
    try:
        if len(when) <= 5 and ":" in when:
            return int(datetime.strptime(when, "%H:%M").hour)
        moment = datetime.fromisoformat(when)
    except ValueError:
        raise BadLine(f"\"time\" is {when!r}; write it like \"23:15\" or \"2026-12-06T23:15:00+08:00\"") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(LOCAL_ZONE)
    return moment.hour
