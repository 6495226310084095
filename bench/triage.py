"""bench/triage.py: how well the station-duty triage suggests police / non-police and the department.

On the shipped labelled set (or ``--set FILE``, same JSON lines: id, text, optional type and hour, police,
department, hard) it prints, for the tokenizer engine and for a plain substring baseline measured in the
same run (the same rules, each word looked for with ``in`` on the raw text, no tokenizer, no negation):

- police / non-police accuracy (goal ≥ 95 %) and department accuracy on non-police calls (goal ≥ 85 %),
  on all calls, on the hard cases, and on each part of the set (a call's ``part`` field): "dev" (the
  rules were tuned on their misses), "held out" (written with them before the rules but never tuned on),
  "fresh u" … "fresh z", "fresh q", "blind b" … "blind p", "blind r", "blind s", "blind t", "blind a",
  "blind ba" … "blind bf" (each written after a round of rule writing and measured before the next, "blind"
  ones by someone who had not read the rules: the fairest estimate of a set nobody tuned for; the figures of
  their first run are in the data README);
- the misses, grouped as "expected → suggested";
- how often a suggestion is right per confidence band (is a high confidence worth trusting);
- the time per suggestion, median and p99 (goal ≤ 5 ms), jieba's one-off loading excluded;
- leave-one-part-out: for each part first run fresh or blind (and held out), the model trained on every
  other part, the rules alone against the rules with that model, per part and overall. The rules were
  tuned on every part, so with the shipped rules this only shows what the model costs; ``--rules`` with
  an older rules file from git (the README names the commits) shows what it brings on calls the rules
  never saw.

Run: ``.venv/bin/python bench/triage.py [--set FILE] [--rules FILE] [--misses N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins" / "station_duty"))  # run from a checkout without installing the plugin

from station_duty.triage import LabelledCall, Rules, RulesError, Suggestion, Triage, load_rules  # noqa: E402
from station_duty.triage import read_labelled_calls as read_calls  # noqa: E402

SHIPPED_SET = ROOT / "plugins" / "station_duty" / "station_duty" / "data" / "labelled_calls.jsonl"
BANDS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.5, 0.7), (0.0, 0.5))
HELD_OUT_PARTS = ("held out", "fresh u", "fresh v", "fresh w", "fresh x", "fresh y", "fresh z", "fresh q",
                  "blind b", "blind c", "blind d", "blind e", "blind f", "blind g",
                  "blind h", "blind i", "blind j", "blind k",
                  "blind l", "blind m", "blind n", "blind o", "blind p", "blind r", "blind s", "blind t", "blind a",
                  "blind ba", "blind bb", "blind bc", "blind bd", "blind be", "blind bf")


@dataclass(frozen=True)
class Result:
    call: LabelledCall
    suggestion: Suggestion
    seconds: float

    @property
    def police_right(self) -> bool:
        return bool(self.suggestion.police == self.call.police)

    @property
    def department_right(self) -> bool:
        return bool(self.suggestion.department == self.call.department)


def read_set(path: Path) -> list[LabelledCall]:
    calls, problems = read_calls(path)
    if problems:
        raise SystemExit("\n".join(str(problem) for problem in problems))
    return calls


def run(triage: Triage, calls: list[LabelledCall]) -> list[Result]:
    results = []
    for call in calls:
        start = time.perf_counter()
        suggestion = triage.suggest(call.text, call.type, call.hour)
        results.append(Result(call, suggestion, time.perf_counter() - start))
    return results


def accuracy(results: list[Result]) -> str:
    if not results:
        return "      (none)"
    police = sum(r.police_right for r in results) / len(results)
    non_police = [r for r in results if not r.call.police]
    department = sum(r.department_right for r in non_police) / len(non_police) if non_police else float("nan")
    return f"police/non-police {police:6.1%}   department (non-police) {department:6.1%}   ({len(results)} calls, " \
           f"{len(non_police)} non-police)"


def timing(results: list[Result]) -> str:
    times = sorted(r.seconds * 1000 for r in results)
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    return f"median {statistics.median(times):.3f} ms, p99 {p99:.3f} ms"


def report(name: str, results: list[Result], misses: int) -> None:
    print(f"\n== {name}")
    print(f"  all        {accuracy(results)}")
    print(f"  hard       {accuracy([r for r in results if r.call.hard])}")
    for part in dict.fromkeys(r.call.part for r in results if r.call.part):  # in the order of the file
        print(f"  {part:<10} {accuracy([r for r in results if r.call.part == part])}")
    print(f"  time       {timing(results)}")
    wrong = [r for r in results if not r.department_right]
    confusion = Counter(f"{r.call.department} → {r.suggestion.department}" for r in wrong)
    print(f"  misses     {len(wrong)}: " + ", ".join(f"{pair} ×{count}" for pair, count in confusion.most_common()))
    print("  confidence band: right / suggestions")
    for low, high in BANDS:
        band = [r for r in results if low <= r.suggestion.confidence < high]
        if band:
            right = sum(r.department_right for r in band)
            print(f"    {low:.1f}–{min(high, 1.0):.1f}  {right}/{len(band)} ({right / len(band):.0%})")
    for r in wrong[:misses]:
        print(f"    {r.call.id} [{r.call.department} → {r.suggestion.department} {r.suggestion.confidence:.2f}] "
              f"{r.call.text} | {r.suggestion.reason}")


def cross_validate(rules: Rules, calls: list[LabelledCall]) -> None:
    """Leave-one-part-out: each part judged by the rules alone and by the rules with a model that never saw it."""
    print("\n== leave-one-part-out: rules alone → rules + model trained on the other parts")
    rules_only = run(Triage(rules, training=()), calls)
    alone: list[Result] = []
    combined: list[Result] = []
    for part in HELD_OUT_PARTS:
        held = [result for result in rules_only if result.call.part == part]
        if not held:
            continue
        triage = Triage(rules, training=[call for call in calls if call.part != part])
        with_model = run(triage, [result.call for result in held])
        alone += held
        combined += with_model
        print(f"  {part:<10} {figures(held)}  →  {figures(with_model)}")
    print(f"  {'all':<10} {figures(alone)}  →  {figures(combined)}   ({len(alone)} calls)")
    referred = [r for r in combined if r.suggestion.explanation.kind == "model"]
    right = sum(r.department_right for r in referred)
    print(f"  the model decided {len(referred)} calls no rule matched, {right} of them right; "
          f"confidence {', '.join(sorted({f'{r.suggestion.confidence:.2f}' for r in referred}))}")


def figures(results: list[Result]) -> str:
    police = sum(r.police_right for r in results) / len(results)
    non_police = [r for r in results if not r.call.police]
    department = sum(r.department_right for r in non_police) / len(non_police) if non_police else float("nan")
    return f"police {police:6.1%} department {department:6.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=SHIPPED_SET, help="labelled calls (JSON lines)")
    parser.add_argument("--rules", type=Path, default=None, help="rules file (default: the shipped rules)")
    parser.add_argument("--misses", type=int, default=0, help="print the first N misses of each engine")
    args = parser.parse_args(argv)
    calls = read_set(args.set)
    try:
        rules = load_rules(args.rules)
    except RulesError as error:
        raise SystemExit(str(error)) from None
    engine, baseline = Triage(rules), Triage(rules, substring_baseline=True)
    start = time.perf_counter()
    engine.warm_up()
    print(f"{len(calls)} calls from {args.set}; rules {rules.source}; jieba loaded in "
          f"{time.perf_counter() - start:.2f} s (once per process, not counted below)")
    for name, triage in (("jieba engine", engine), ("substring baseline", baseline)):
        run(triage, calls[:20])  # warm the caches, as a desk that has taken a few calls has
        report(name, run(triage, calls), args.misses)
    cross_validate(rules, calls)
    print("\ngoals: police/non-police ≥ 95 %, department on non-police ≥ 85 %, ≤ 5 ms per suggestion")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
