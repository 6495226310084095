"""The triage's second reader against the rules, measured as a set nobody tuned for would measure it.

The fairest evidence of how the triage does on calls written by people who never saw its rules is each blind
part's **first run**: the suggestions the shipped triage gave the part once, before any rule was changed for it
(kept in bench/data/triage_first_runs/, one JSON line per call as ``dispatch-desktop triage`` printed it). For
each of those parts this bench trains the second reader (``station_duty/triage/reader.py``) only on the parts
written **before** it, in the order they were written, and prints, on that part:

- the rules' first run (the rules and model of that day);
- the reader alone;
- the two combined as the engine combines them (``Triage._second_opinion``: what police words or the noise
  rule decided stands; elsewhere the reader's answer wins when it gives the police ``READER_POLICE`` or a
  department ``READER_DEPARTMENT`` or more), with the bars around the shipped ones.

police / non-police accuracy, then department accuracy on the non-police calls. No assertions; a few seconds a
part (training the reader).

    .venv/bin/python bench/triage_chronological.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins" / "station_duty"))

from station_duty.triage import SHIPPED_CALLS, read_labelled_calls  # noqa: E402
from station_duty.triage.engine import READER_DEPARTMENT, READER_POLICE  # noqa: E402
from station_duty.triage.labelled import LabelledCall  # noqa: E402
from station_duty.triage.reader import CallReader, Reading  # noqa: E402

FIRST_RUNS = ROOT / "bench" / "data" / "triage_first_runs"
ORDER = ("dev", "held out", "fresh u", "fresh v", "fresh w", "fresh x", "fresh y", "fresh z", "fresh q",
         "blind b", "blind c", "blind d", "blind e", "blind f", "blind g", "blind h", "blind i", "blind j", "blind k",
         "blind l", "blind m", "blind n", "blind o", "blind p", "blind r")
"""The parts in the order they were written (data/labelled_calls.README.md)."""
POLICE = "公安"

Choice = Callable[[dict[str, object], Reading], str]


def rules(first: dict[str, object], _reading: Reading) -> str:
    return POLICE if first["police"] else str(first["department"])


def reader(_first: dict[str, object], reading: Reading) -> str:
    return reading.best


def combined(police_bar: float, department_bar: float) -> Choice:
    def choose(first: dict[str, object], reading: Reading) -> str:
        said = rules(first, reading)
        why = str(first["reason"])
        if why.startswith(("警情优先", "噪音规则")):  # police words or the noise rule decided
            return said
        if reading.police >= police_bar:
            return POLICE
        if reading.best != POLICE and reading.department_p >= department_bar:
            return reading.department
        return said
    return choose


def main() -> int:
    calls, problems = read_labelled_calls(SHIPPED_CALLS)
    if problems:
        raise SystemExit(f"the shipped calls have problems: {problems[:3]}")
    choices: list[tuple[str, Choice]] = [("rules, first run", rules), ("reader alone", reader)]
    for police_bar, department_bar in ((0.5, 0.5), (READER_POLICE, READER_DEPARTMENT), (0.7, 0.6)):
        shipped = " (shipped)" if (police_bar, department_bar) == (READER_POLICE, READER_DEPARTMENT) else ""
        choices.append((f"combined, bars {police_bar:g} / {department_bar:g}{shipped}",
                        combined(police_bar, department_bar)))
    totals = {name: [0, 0, 0, 0] for name, _ in choices}  # police right, calls, department right, non-police
    print(f"{'':<34}" + "".join(f"{path.stem:>16}" for path in sorted(FIRST_RUNS.glob("*.jsonl"))) + f"{'all':>16}")
    rows: dict[str, list[str]] = {name: [] for name, _ in choices}
    for path in sorted(FIRST_RUNS.glob("*.jsonl")):
        part = path.stem.replace("_", " ")
        before = set(ORDER[:ORDER.index(part)])
        trained = CallReader([call for call in calls if call.part in before], POLICE)
        tested: list[LabelledCall] = [call for call in calls if call.part == part]
        first = {line["id"]: line for line in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
        readings = {call.id: trained.read(call.text, call.type) for call in tested}
        for name, choose in choices:
            right = department_right = non_police = 0
            for call in tested:
                answer = choose(first[call.id], readings[call.id])
                right += (answer == POLICE) == call.police
                if not call.police:
                    non_police += 1
                    department_right += answer == call.department
            rows[name].append(f"{100 * right / len(tested):.1f} / {100 * department_right / non_police:.1f}")
            for index, value in enumerate((right, len(tested), department_right, non_police)):
                totals[name][index] += value
    for name, cells in rows.items():
        right, count, department_right, non_police = totals[name]
        print(f"{name:<34}" + "".join(f"{cell:>16}" for cell in cells)
              + f"{100 * right / count:.1f} / {100 * department_right / non_police:.1f}".rjust(16))
    print("police / non-police %  /  department % on the non-police calls; the reader learned only from the parts "
          "written before each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
