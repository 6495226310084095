"""bench/plans_selftick.py: how many of the shipped plans' steps tick themselves in a simulated run (goal ≥ 60 %).

Each plan is activated on an incident of its first trigger type at its trigger's priority, and the incident is
driven through the simulated city's usual flow (``dispatch_desktop.sim``: its delays where it has them):

    call → incident entered 60 s later (sim intake 30–90 s) → plan activated 10 s after → the plan's required
    forces dispatched together 20 s after (the desk's one key; two patrol groups for a plan that lists none,
    as the sim sends to a priority-1 incident) → each unit acknowledges 12 s later (sim 5–20 s) → arrives
    after a drive that depends on its kind (rapid-response team 90 s from its force point, officer 2 min,
    patrol 4 min, traffic 5 min, station car 6 min) → each unit reports a scene survey 150 s after arriving
    (sim 60–240 s) → the first unit clears 30 min after the first arrival → the desk closes 2 min later.

Nothing else happens: no notes typed, no referral, no reclassification, no manual tick. A step ticks itself
when its ``done_when`` is met by those events; the others need a person (a step with no condition, or one
waiting for a note or a referral). The run is folded by ``emergency_plans.checklist.Checklists`` exactly as a
desk folds it. Prints each plan's share and the steps that did not tick, then the share over all plans.

Run: ``.venv/bin/python bench/plans_selftick.py [--plans DIR]``; ``selftick(plans)`` is what
``bench/plans.py`` calls.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins" / "emergency_plans"))  # run from a checkout without installing it

from emergency_plans.checklist import Checklists  # noqa: E402
from emergency_plans.events import NAMES, PLUGIN_ID, activation_event  # noqa: E402
from emergency_plans.library import SHIPPED_PLANS, load_library  # noqa: E402
from emergency_plans.model import Condition, Plan, local  # noqa: E402

from dispatch_desktop.api import AppliedEvent, Category, Envelope, UnitKind, UnitStatus  # noqa: E402
from dispatch_desktop.api import events as ev  # noqa: E402
from dispatch_desktop.domain.enums import FieldRecordKind  # noqa: E402

CALL_MS = 1_778_050_800_000  # 2026-05-06 15:00 Beijing, inside every shipped plan's time windows
INCIDENT = "sim-incident"
DESK = "sim-desk"
INTAKE_S, ACTIVATE_S, DISPATCH_S, ACK_S, SURVEY_S = 60, 10, 20, 12, 150
DRIVE_S = {UnitKind.RAPID_RESPONSE: 90, UnitKind.OFFICER: 120, UnitKind.PATROL_GROUP: 240,
           UnitKind.TRAFFIC: 300, UnitKind.STATION_CAR: 360}
CLEAR_AFTER_S, CLOSE_AFTER_S = 30 * 60, 2 * 60


@dataclass(frozen=True)
class PlanRun:
    plan: str
    steps: int
    self_ticked: int
    untouched: tuple[str, ...]  # "<step id>: <why>" for each step that did not tick itself

    @property
    def share(self) -> float:
        return self.self_ticked / self.steps


class _Run:
    """The events of one simulated incident, in gseq order, times in seconds after the call."""

    def __init__(self) -> None:
        self.events: list[tuple[float, str, ev.AnyBody]] = []

    def add(self, at_s: float, source: str, body: ev.AnyBody) -> None:
        self.events.append((at_s, source, body))

    def applied(self) -> list[AppliedEvent]:
        ordered = sorted(enumerate(self.events), key=lambda item: (item[1][0], item[0]))  # by time, stable
        seqs: dict[str, int] = {}
        out = []
        for gseq, (_, (at_s, source, body)) in enumerate(ordered, start=1):
            seqs[source] = seqs.get(source, 0) + 1
            time = CALL_MS + round(at_s * 1000)
            out.append(AppliedEvent(gseq, Envelope(v=1, source=source, seq=seqs[source], t_src=time, body=body,
                                                   t_hub=time)))
        return out


def simulated_run(plan: Plan) -> list[AppliedEvent]:
    """The events of one incident the plan matches, handled as the simulated city handles one."""
    forces = [(force.capability, force.count) for force in plan.forces] or [(UnitKind.PATROL_GROUP, 2)]
    units = [(f"{kind.value}-{n}", kind) for kind, count in forces for n in range(1, count + 1)]
    run = _Run()
    for unit, kind in units:
        run.add(-600, DESK, ev.UnitRegistered(unit=unit, unit_kind=kind, station="sim-station", name=unit))
        run.add(-590, unit, ev.StatusReport(status=UnitStatus.AVAILABLE))
    created = INTAKE_S
    run.add(created, DESK, ev.IncidentCreated(
        incident=INCIDENT, call_time=CALL_MS, caller_number="13800000000", lat=23.1487, lon=113.2545,
        address="simulated", district="", station="", incident_type=plan.trigger.incident_types[0],
        priority=plan.trigger.min_priority, category=Category.POLICE, description=""))
    activated = activation_event("sim-activation", plan, INCIDENT)
    run.add(created + ACTIVATE_S, DESK, ev.PluginEvent(plugin=PLUGIN_ID, name=NAMES[type(activated)],
                                                        data=msgspec.msgpack.encode(activated), incident=INCIDENT))
    dispatched = created + ACTIVATE_S + DISPATCH_S
    arrivals = []
    for unit, kind in units:
        run.add(dispatched, DESK, ev.UnitDispatched(incident=INCIDENT, unit=unit))
        run.add(dispatched + ACK_S, unit, ev.DispatchAck(incident=INCIDENT))
        arrived = dispatched + ACK_S + DRIVE_S[kind]
        arrivals.append(arrived)
        run.add(arrived, unit, ev.Arrival(incident=INCIDENT))
        run.add(arrived + SURVEY_S, unit, ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY,
                                                         record_id=f"{unit}:survey", incident=INCIDENT))
    cleared = min(arrivals) + CLEAR_AFTER_S
    run.add(cleared, units[0][0], ev.Clearance(incident=INCIDENT, result="resolved"))
    run.add(cleared + CLOSE_AFTER_S, DESK, ev.IncidentClosed(incident=INCIDENT, disposition="resolved"))
    return run.applied()


def selftick(plans: Iterable[Plan]) -> list[PlanRun]:
    """Each plan's simulated run: how many of its steps ticked themselves."""
    runs = []
    for plan in plans:
        checklists = Checklists()
        events = simulated_run(plan)
        for event in events:
            checklists.apply(event)
        views = checklists.view("sim-activation", events[-1].time)
        untouched = tuple(f"{view.step.id}: " + ("ticked by hand only" if view.step.done_when is None
                                                 else f"waits for {_wanted(view.step.done_when)}")
                          for view in views if view.tick is None or view.tick.manual)
        runs.append(PlanRun(plan.id, len(views), len(views) - len(untouched), untouched))
    return runs


def _wanted(condition: Condition) -> str:
    """What a condition the run did not meet waits for, in a few words."""
    parts = condition.all_of or condition.any_of
    if parts is not None:
        return "(" + (" and " if condition.all_of else " or ").join(_wanted(part) for part in parts) + ")"
    if condition.note is not None:
        return "a note with " + "/".join(condition.note.words[:3])
    if condition.field_record is not None:
        return f"a field record ({condition.field_record.record})"
    return f"{condition.kind} (not in the run)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--plans", type=Path, default=SHIPPED_PLANS, help="a directory of *.yaml plans")
    args = parser.parse_args(argv)
    library = load_library(args.plans)
    for problem in library.problems:
        print(f"skipped: {problem}")
    runs = selftick(library.plans)
    if not runs:
        print("no plan to run")
        return 1
    for run, plan in zip(runs, library.plans, strict=True):
        print(f"{run.share:6.0%}  {run.self_ticked:2d}/{run.steps:<2d}  {run.plan}  ({local(plan.title, 'en')})")
        for why in run.untouched:
            print(f"              not by itself: {why}")
    steps = sum(run.steps for run in runs)
    ticked = sum(run.self_ticked for run in runs)
    print(f"\nsteps that ticked themselves: {ticked}/{steps} = {ticked / steps:.0%} (goal ≥ 60 %) "
          f"over {len(runs)} plans; worst plan {min(run.share for run in runs):.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
