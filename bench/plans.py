"""bench/plans.py: how long the emergency plans take to find the plans a new incident matches, and how many of
the shipped plans' steps tick themselves.

1. **Matching** (goal: ≤ 10 ms per new incident with 500 plans). The plans are indexed once
   (``emergency_plans.matching.PlanMatcher``, over the default city's reference: its districts, stations and
   places, as a desk builds it); then each new incident is matched. Two plan sets: the shipped plans, and
   500 generated plans (``emergency_plans.synthetic``: random valid triggers of every area kind, time windows,
   keywords). Two incident streams, each near the city's named places at random times of a week:
   "realistic", types drawn with the taxonomy's daily rates (most incidents are thefts and disputes no plan
   is about), and "plan types only", every incident of a type some plan triggers on (the worst case).
   Beside each, the raw baseline measured in the same run, round by round: a plain loop testing every
   plan's trigger (``match_by_loop``, the same per-plan test without the index). Both must give the same
   answers (checked on every incident). Prints the median and p99 per incident, in microseconds.
2. **Self-ticking** (goal: ≥ 60 % of the steps). ``bench/plans_selftick.py``: each shipped plan driven
   through the simulated city's usual flow of events; the share of its steps that ticked themselves.

    .venv/bin/python bench/plans.py [--incidents 5000] [--rounds 3]

No assertions: it prints a table (a few seconds).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins" / "emergency_plans"))  # run from a checkout without installing it

from emergency_plans.library import load_shipped  # noqa: E402
from emergency_plans.matching import PlanMatch, PlanMatcher, match_by_loop  # noqa: E402
from emergency_plans.model import Plan  # noqa: E402
from emergency_plans.reference import Reference, reference_from_city  # noqa: E402
from emergency_plans.synthetic import SyntheticIncident, generate_incidents, generate_plans  # noqa: E402
from plans_selftick import selftick  # noqa: E402

from dispatch_desktop.city import generate_city  # noqa: E402
from dispatch_desktop.domain import taxonomy  # noqa: E402

GOAL_MS = 10.0


def realistic_stream(reference: Reference, count: int, seed: int = 3) -> list[SyntheticIncident]:
    """Incidents near the named places with types drawn at the taxonomy's daily rates."""
    rng = random.Random(seed)
    incidents = generate_incidents(count, reference, ["theft"], seed=seed)
    return [replace(incident, incident_type=taxonomy.draw(rng).code) for incident in incidents]


def timed(match: Callable[[SyntheticIncident], list[PlanMatch]],
          incidents: Sequence[SyntheticIncident]) -> tuple[list[float], list[list[PlanMatch]]]:
    """Microseconds per incident, and the answers."""
    times, answers = [], []
    for incident in incidents:
        start = time.perf_counter_ns()
        answer = match(incident)
        times.append((time.perf_counter_ns() - start) / 1000.0)
        answers.append(answer)
    return times, answers


def p99(values: Sequence[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * 0.99))]


def measure(name: str, plans: Sequence[Plan], streams: dict[str, list[SyntheticIncident]], reference: Reference,
            rounds: int) -> None:
    start = time.perf_counter()
    matcher = PlanMatcher(plans, reference)
    build_ms = (time.perf_counter() - start) * 1000
    print(f"\n{name}: {len(plans)} plans, index built in {build_ms:.1f} ms")
    print(f"  {'stream':<18} {'matched':>8}  {'index median':>13} {'p99':>8}  {'loop median':>12} {'p99':>8}  "
          f"{'speed-up':>8}")
    for stream, incidents in streams.items():
        indexed: list[float] = []
        looped: list[float] = []
        for _ in range(rounds):  # alternate, so both see the same machine state
            times, answers = timed(matcher.match, incidents)
            indexed += times
            loop_times, loop_answers = timed(lambda incident: match_by_loop(matcher.compiled, incident), incidents)
            looped += loop_times
            if answers != loop_answers:
                raise SystemExit(f"{name}, {stream}: the index and the loop disagree")
        matched = sum(bool(answer) for answer in answers) / len(incidents)
        index_median, loop_median = statistics.median(indexed), statistics.median(looped)
        print(f"  {stream:<18} {matched:>8.0%}  {index_median:>10.1f} µs {p99(indexed):>5.1f} µs  "
              f"{loop_median:>9.1f} µs {p99(looped):>5.1f} µs  {loop_median / index_median:>7.1f}×")
        worst_ms = p99(indexed) / 1000
        verdict = "met" if worst_ms <= GOAL_MS else "MISSED"
        print(f"  {'':<18} goal ≤ {GOAL_MS:g} ms per incident: {verdict} (p99 {worst_ms:.3f} ms)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--incidents", type=int, default=5000, help="incidents per stream (default 5000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per measurement (default 3)")
    args = parser.parse_args(argv)
    reference = reference_from_city(generate_city(cameras=0))
    shipped = load_shipped(reference)
    if shipped.problems:
        print("\n".join(f"skipped: {problem}" for problem in shipped.problems))
    generated = generate_plans(500, reference)
    print(f"Plan matching per new incident ({args.incidents} incidents a stream, {args.rounds} rounds, "
          "times per incident)")
    for name, plans in (("shipped plans", shipped.plans), ("500 generated plans", generated)):
        plan_types = sorted({code for plan in plans for code in plan.trigger.incident_types})
        streams = {"realistic": realistic_stream(reference, args.incidents),
                   "plan types only": generate_incidents(args.incidents, reference, plan_types)}
        measure(name, plans, streams, reference, args.rounds)
    runs = selftick(shipped.plans)
    steps = sum(run.steps for run in runs)
    ticked = sum(run.self_ticked for run in runs)
    print(f"\nSelf-ticking, shipped plans in a simulated run (bench/plans_selftick.py for the detail): "
          f"{ticked}/{steps} steps = {ticked / steps:.0%} (goal ≥ 60 %); worst plan "
          f"{min(run.share for run in runs):.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
