"""The triage as a set nobody tuned for would measure it: each blind part read by a triage that learned only from
the parts written before it.

The rules were last changed for a blind part at the thirteenth round, before blind h was written; every part
from h on is untuned (data/labelled_calls.README.md). For each of those parts, in the order they were written,
this bench builds the triage of today's rules whose word model and second reader (``reader.py``) learned only
from the parts written **before** it, and prints on that part:

- the first run: what the shipped triage of that day said, once, before anything was changed for the part
  (bench/data/triage_first_runs*/, one JSON line per call as ``dispatch-desktop triage`` printed it);
- today's rules with the reader off;
- the reader alone (its most probable answer);
- the rules and the reader combined as the engine combines them (``Triage._second_opinion``) with the shipped
  ``ReaderBars``, and with session 10's bars (police words never overruled, 0.6 / 0.5) for comparison.

police / non-police accuracy, then department accuracy on the non-police calls; under the table, over all the
parts, how many police calls each sent away and how many of the departments' calls it sent to the police. No
assertions; about five seconds a part (training the reader), two minutes in all.

    .venv/bin/python bench/triage_chronological.py
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins" / "station_duty"))

from station_duty.triage import SHIPPED_CALLS, Triage, load_rules, read_labelled_calls  # noqa: E402
from station_duty.triage.labelled import LabelledCall  # noqa: E402
from station_duty.triage.reader import ReaderBars, trained_reader  # noqa: E402

FIRST_RUNS = (ROOT / "bench" / "data" / "triage_first_runs", ROOT / "bench" / "data" / "triage_first_runs_reader")
ORDER = ("dev", "held out", "fresh u", "fresh v", "fresh w", "fresh x", "fresh y", "fresh z", "fresh q",
         "blind b", "blind c", "blind d", "blind e", "blind f", "blind g", "blind h", "blind i", "blind j", "blind k",
         "blind l", "blind m", "blind n", "blind o", "blind p", "blind r", "blind s", "blind t", "blind a",
         "blind ba", "blind bb", "blind bc", "blind bd", "blind be", "blind bf")
"""The parts in the order they were written (data/labelled_calls.README.md)."""
UNTUNED_FROM = "blind h"
SESSION_10_BARS = ReaderBars(police=0.6, department=0.5, against_police_words=0.0)

Answer = Callable[[LabelledCall], str]


def first_runs() -> dict[str, str]:
    """Call id -> the answer of its part's first run."""
    answers: dict[str, str] = {}
    for folder in FIRST_RUNS:
        for path in folder.glob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                said = json.loads(line)
                answers[said["id"]] = "公安" if said["police"] else str(said["department"])
    return answers


def answers_for(before: Sequence[LabelledCall], police: str) -> list[tuple[str, Answer]]:
    rules = load_rules(None)
    reader = trained_reader(tuple(before), police)

    def triage_of(triage: Triage) -> Answer:
        def answer(call: LabelledCall) -> str:
            found = triage.suggest(call.text, call.type, call.hour)
            return police if found.police else found.department
        return answer

    return [
        ("today's rules, reader off", triage_of(Triage(dataclasses.replace(rules, overrule=False), training=before))),
        ("the reader alone", lambda call: reader.read(call.text, call.type).best),
        ("combined, session 10's bars", triage_of(Triage(rules, training=before, reader_bars=SESSION_10_BARS))),
        ("combined, shipped bars", triage_of(Triage(rules, training=before))),
    ]


def main() -> int:
    calls, problems = read_labelled_calls(SHIPPED_CALLS)
    if problems:
        raise SystemExit(f"the shipped calls have problems: {problems[:3]}")
    police = load_rules(None).police_department
    kept = first_runs()
    parts = ORDER[ORDER.index(UNTUNED_FROM):]
    rows: dict[str, list[str]] = {}
    totals: dict[str, list[int]] = {}  # police right, calls, department right, non-police, sent away, sent to us
    for part in parts:
        before = [call for call in calls if call.part in set(ORDER[:ORDER.index(part)])]
        tested = [call for call in calls if call.part == part]
        named: list[tuple[str, Answer]] = [("first run (that day's triage)", lambda call: kept[call.id])]
        for name, answer in [*named, *answers_for(before, police)]:
            said = {call.id: answer(call) for call in tested if call.id in kept or name != named[0][0]}
            scored = [call for call in tested if call.id in said]
            right = sum((said[call.id] == police) == call.police for call in scored)
            non_police = [call for call in scored if not call.police]
            department = sum(said[call.id] == call.department for call in non_police)
            away = sum(call.police and said[call.id] != police for call in scored)
            to_us = sum(not call.police and said[call.id] == police for call in scored)
            cell = f"{100 * right / len(scored):.1f}/{100 * department / len(non_police):.1f}"
            rows.setdefault(name, []).append(cell)
            total = totals.setdefault(name, [0] * 6)
            for index, value in enumerate((right, len(scored), department, len(non_police), away, to_us)):
                total[index] += value
        print(f"  {part}: done", file=sys.stderr, flush=True)
    print(f"{'':<32}" + "".join(f"{part.split()[1]:>12}" for part in parts) + f"{'all':>13}")
    for name, cells in rows.items():
        right, count, department_right, non_police_count, _, _ = totals[name]
        print(f"{name:<32}" + "".join(f"{cell:>12}" for cell in cells)
              + f"{100 * right / count:.1f}/{100 * department_right / non_police_count:.1f}".rjust(13))
    print("police / non-police % / department % on the non-police calls; each part read by a triage that learned "
          "only from the parts written before it")
    for name, (_, count, _, _, away, to_us) in totals.items():
        print(f"{name:<32} of {count} calls: {away} police calls sent away, {to_us} departments' calls sent to the "
              "police")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
