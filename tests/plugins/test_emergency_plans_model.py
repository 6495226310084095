"""The emergency plans model of one desk, as a dispatcher meets it through the panels: a matching plan
suggested, activated with one command, the forces it requires at the top of the dispatch list, steps that
tick themselves from the units' reports, an overdue step in the alerts panel until it is done, refusals in
a sentence that leave nothing half done, the report exported, and the same checklist again from the log."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from emergency_plans.checklist import StepState
from emergency_plans.desk_model import PlanError, PlansModel
from emergency_plans.events import PLUGIN_ID, PlanActivated, PlanEvent, ReportExported, StepEscalated, StepTicked
from emergency_plans.reference import Reference, default_reference

from dispatch_desktop.api import AppliedEvent, ForceRequirement, Level, Outcome, UnitKind
from dispatch_desktop.api import events as ev
from tests.plugins.emergency_plans_fake_desk import PlansDesk, loaded
from tests.plugins.emergency_plans_log import INCIDENT, Log, knife_plan, ms

TITLE = "Knife attack at a railway station"


@pytest.fixture(scope="module")
def reference() -> Reference:
    return default_reference()


def _desk(reference: Reference, log: Log | None = None) -> tuple[PlansDesk, PlansModel, Log]:
    desk = PlansDesk()
    model = PlansModel(desk, loaded([knife_plan()], reference))  # type: ignore[arg-type]
    log = log or Log()
    if not log.events:
        log.units()
        log.incident()
    desk.apply(*log.events)
    return desk, model, log


def _echo(desk: PlansDesk, log: Log, at_s: float, source: str = "ws-1") -> AppliedEvent:
    """The hub stores the last recorded event and every desk applies it."""
    recorded = desk.recorded[-1]
    data: PlanEvent = recorded.data  # type: ignore[assignment]  # the fake keeps any struct
    applied = log.own(data, at_s, source)
    desk.clock = max(desk.clock, applied.time)
    desk.apply(applied)
    return applied


def _activate(desk: PlansDesk, model: PlansModel, log: Log, at_s: float = 30) -> str:
    model.activate(INCIDENT, "railway_knife_attack")
    _echo(desk, log, at_s)
    [activation] = model.activations(INCIDENT)
    return activation.id


def test_the_matching_plan_is_suggested_and_one_command_activates_it_with_its_forces(reference: Reference) -> None:
    desk, model, log = _desk(reference)
    changed: list[frozenset[str]] = []
    model.on_change(changed.append)
    assert [plan.id for plan in model.suggestions(INCIDENT)] == ["railway_knife_attack"]
    assert not desk.required

    model.activate(INCIDENT, "railway_knife_attack")
    [recorded] = desk.recorded
    assert recorded.name == "plan_activated" and recorded.incident == INCIDENT
    assert isinstance(recorded.data, PlanActivated) and recorded.data.plan == "railway_knife_attack"
    assert model.activations(INCIDENT) == []  # nothing until the hub has it: every desk sees the same
    _echo(desk, log, 30)
    [activation] = model.activations(INCIDENT)
    assert activation.active and changed == [frozenset({INCIDENT})]
    assert model.suggestions(INCIDENT) == []  # active now: no longer suggested
    assert [(a.id, p.id if p else None) for a, p in model.active_plans()] == [(activation.id, "railway_knife_attack")]
    forces, reason = desk.required[INCIDENT]
    assert forces == [ForceRequirement(UnitKind.RAPID_RESPONSE), ForceRequirement(UnitKind.PATROL_GROUP, 2)]
    assert reason == TITLE


def test_refusals_are_sentences_and_record_nothing(reference: Reference) -> None:
    desk, model, log = _desk(reference)
    with pytest.raises(PlanError, match="No plan “bus_arson” in the plan library"):
        model.activate(INCIDENT, "bus_arson")
    with pytest.raises(PlanError, match="No incident inc-0 on this desk"):
        model.activate("inc-0", "railway_knife_attack")
    activation = _activate(desk, model, log)
    with pytest.raises(PlanError, match=f"already active on incident {INCIDENT}"):
        model.activate(INCIDENT, "railway_knife_attack")
    with pytest.raises(PlanError, match="has no step cordon"):
        model.tick(activation, "cordon")
    with pytest.raises(PlanError, match="“Agree the press line” of “Knife attack at a railway station” is not ticked"):
        model.untick(activation, "press_line", "by mistake")
    model.tick(activation, "press_line", note="agreed with the bureau")
    _echo(desk, log, 40)
    with pytest.raises(PlanError, match="is already ticked"):
        model.tick(activation, "press_line")
    with pytest.raises(PlanError, match="why the tick of “Agree the press line” is taken back"):
        model.untick(activation, "press_line", "  ")
    with pytest.raises(PlanError, match="No plan activation act-9 on this desk"):
        model.deactivate("act-9")
    desk.read_only = "This desk watches with a supervisor's key: it sends nothing."
    with pytest.raises(PlanError, match="supervisor's key"):
        model.deactivate(activation)
    assert [r.name for r in desk.recorded] == ["plan_activated", "step_ticked"]

    desk.read_only = ""
    model.deactivate(activation)
    _echo(desk, log, 50)
    with pytest.raises(PlanError, match="was stood down on incident"):
        model.tick(activation, "survey")
    desk.answer(Outcome(seq=1, accepted=False, code="refused", message="the hub is read-only"))
    assert desk.notices[-1][0] == "Not recorded: the hub is read-only"


def test_steps_tick_themselves_and_an_overdue_step_stands_in_the_alerts_until_done(reference: Reference) -> None:
    desk, model, log = _desk(reference)
    activation = _activate(desk, model, log)
    changed: list[frozenset[str]] = []
    model.on_change(changed.append)
    desk.clock = ms(50)  # 50 s of the minute the rapid-response team has to be sent: amber
    model.tick_clock()
    assert changed == [frozenset({INCIDENT})]
    assert {v.step.id: v.state for v in model.view(activation)}["rrt_dispatched"] is StepState.AMBER
    model.tick_clock()
    assert len(changed) == 1  # nothing new crossed: the views are not told again

    desk.clock = ms(61)
    model.tick_clock()
    key = f"{activation}/rrt_dispatched"
    assert desk.alerts[key] == ("Plan step overdue", f"{TITLE}: Dispatch the rapid-response team (due 08:01)",
                                INCIDENT)
    [escalation] = [r for r in desk.recorded if r.name == "step_escalated"]
    assert escalation.data == StepEscalated(activation=activation, step="rrt_dispatched")
    model.tick_clock()
    assert [r.name for r in desk.recorded].count("step_escalated") == 1  # asked once, not every second
    # The hub refused it (or never answered): the desk asks again rather than lose the escalation.
    desk.answer(Outcome(seq=1, accepted=False, code="timeout", message="no answer"),
                index=[r.name for r in desk.recorded].index("step_escalated"))
    model.tick_clock()
    assert [r.name for r in desk.recorded].count("step_escalated") == 2
    _echo(desk, log, 62)
    assert next(v for v in model.view(activation) if v.step.id == "rrt_dispatched").escalated is not None

    desk.apply(log.dispatch("rrt-1", 70))  # the dispatch ticks the step without a click
    [view] = [v for v in model.view(activation) if v.step.id == "rrt_dispatched"]
    assert view.state is StepState.DONE and view.tick is not None and not view.tick.manual
    assert key not in desk.alerts
    desk.apply(log.ack("rrt-1", 80), log.arrive("rrt-1", 200))
    [arrived] = [v for v in model.view(activation) if v.step.id == "rrt_arrived"]
    assert arrived.state is StepState.DONE and arrived.tick is not None and arrived.tick.mark.unit == "rrt-1"


def test_the_plan_ending_or_the_incident_closing_takes_its_forces_and_alerts_away(reference: Reference) -> None:
    desk, model, log = _desk(reference)
    activation = _activate(desk, model, log)
    desk.clock = ms(120)
    model.tick_clock()
    assert desk.required and desk.alerts
    model.deactivate(activation)
    _echo(desk, log, 130)
    assert not desk.required and not desk.alerts

    model.activate(INCIDENT, "railway_knife_attack")  # again, after the stand-down: a new activation
    _echo(desk, log, 140)
    model.tick_clock()
    assert desk.required and desk.alerts
    desk.apply(log.add("ws-1", ev.IncidentClosed(incident=INCIDENT, disposition="resolved"), 150))
    assert not desk.required and not desk.alerts
    model.deactivate(model.activations(INCIDENT)[0].id)
    _echo(desk, log, 160)
    with pytest.raises(PlanError, match=f"Incident {INCIDENT} is closed or referred"):
        model.activate(INCIDENT, "railway_knife_attack")


def test_the_report_is_exported_as_html_and_csv_and_the_export_recorded(reference: Reference, tmp_path: Path) -> None:
    desk, model, log = _desk(reference)
    activation = _activate(desk, model, log)
    model.export_report(activation, tmp_path / "report.html", "html")
    model.export_report(activation, tmp_path / "report.csv", "csv")
    assert TITLE in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert (tmp_path / "report.csv").read_bytes().startswith(b"\xef\xbb\xbfStep,Owner")
    assert [r.data for r in desk.recorded[1:]] == [ReportExported(activation=activation, format="html",
                                                                  file="report.html"),
                                                   ReportExported(activation=activation, format="csv",
                                                                  file="report.csv")]
    _echo(desk, log, 60)  # every desk hears of the export; the checklist is unchanged
    with pytest.raises(PlanError, match=f"could not be written to {tmp_path / 'none' / 'r.html'}"):
        model.export_report(activation, tmp_path / "none" / "r.html", "html")
    assert len(desk.recorded) == 3


def test_a_desk_started_later_and_a_replay_of_the_log_show_the_same_checklist(reference: Reference) -> None:
    desk, model, log = _desk(reference)
    activation = _activate(desk, model, log)
    desk.apply(log.dispatch("pg-1", 40), log.arrive("pg-1", 100), log.dispatch("rrt-1", 45))
    model.tick(activation, "press_line")
    _echo(desk, log, 110)
    desk.clock = ms(400)

    later, replayed, _log = _desk(reference, log)
    later.clock = desk.clock
    assert replayed.view(activation) == model.view(activation)
    assert {v.step.id for v in model.view(activation) if v.state is StepState.DONE} == {"rrt_dispatched",
                                                                                        "press_line"}
    ticked = msgspec.msgpack.decode(log.events[-1].body.data, type=StepTicked)  # type: ignore[union-attr]
    assert ticked.step == "press_line" and log.events[-1].body.plugin == PLUGIN_ID  # type: ignore[union-attr]


def test_the_library_loads_off_the_gui_thread_with_the_command_centers_own_plans(tmp_path: Path) -> None:
    from dispatch_desktop.api import default_city

    own = tmp_path / "plans"
    own.mkdir()
    (own / "broken.yaml").write_text("id: broken\nversion: 0\n", encoding="utf-8")
    desk = PlansDesk(city=default_city(), data_dir=tmp_path)
    model = PlansModel(desk)  # type: ignore[arg-type]
    model.wait_for_library()
    assert len(model.plans()) == 11
    problems = model.problems()
    assert "broken.yaml:2: version: must be at least 1, got the number 0" in problems
    assert "broken.yaml:1: title: is missing" in problems
    changed: list[frozenset[str]] = []
    model.on_change(changed.append)
    model.tick_clock()
    model.tick_clock()
    assert len(changed) == 1  # the views are told once that the library is in
    [(notice, level)] = desk.notices  # and the dispatcher, once, what was left out and why
    assert level is Level.WARNING and notice.startswith("The plan library has 4 problem(s)")
    assert "broken.yaml:2: version: must be at least 1" in notice


def test_a_replay_going_back_shows_the_checklist_as_it_stood_then(reference: Reference) -> None:
    from dispatch_desktop.domain.projection import apply

    desk, model, log = _desk(reference)
    activation = _activate(desk, model, log)
    desk.apply(log.dispatch("pg-1", 40), log.arrive("pg-1", 100))
    before_tick = len(log.events)
    model.tick(activation, "press_line")
    _echo(desk, log, 110)
    assert "press_line" in {v.step.id for v in model.view(activation) if v.state is StepState.DONE}

    # The replay seeks back to just before the tick: the state then, its reset, then the plan's own events
    # up to there again (as the desk's relay hands them on after a reset to an earlier point).
    earlier = desk.state.__class__()
    for event in log.events[:before_tick]:
        earlier = apply(earlier, event.event)
    desk.state = earlier
    for listener in desk._reset_listeners:
        listener(earlier)
    own = [event for event in log.events[:before_tick] if event.body.kind == "plugin_event"]
    desk.apply(*[AppliedEvent(event.gseq, event.event, True) for event in own])
    assert [a.id for a in model.activations(INCIDENT)] == [activation]
    assert "press_line" not in {v.step.id for v in model.view(activation) if v.state is StepState.DONE}
