"""The emergency plans' checklist, folded from the events: steps that tick themselves from what units report,
deadlines that turn amber and overdue, escalations recorded once, manual ticks and unticks, every desk and a
replay seeing the same checklist."""

from __future__ import annotations

from emergency_plans.checklist import Activation, Checklists, StepState, StepView
from emergency_plans.events import PlanDeactivated, StepEscalated, StepTicked, StepUnticked

from dispatch_desktop.api import events as ev
from dispatch_desktop.domain import projection
from dispatch_desktop.domain.enums import FieldRecordKind
from dispatch_desktop.domain.state import State
from tests.plugins.emergency_plans_log import DESK, INCIDENT, Log, knife_plan, ms


def started(activate_at: float = 30) -> Log:
    log = Log()
    log.units()
    log.incident(at_s=20)
    log.activate(knife_plan(), at_s=activate_at)
    return log


def fold(log: Log) -> Checklists:
    checklists = Checklists()
    for event in log.events:
        checklists.apply(event)
    return checklists


def activation(checklists: Checklists, activation_id: str = "act-1") -> Activation:
    found = checklists.activation(activation_id)
    assert found is not None
    return found


def steps(checklists: Checklists, now_s: float, activation: str = "act-1") -> dict[str, StepView]:
    return {view.step.id: view for view in checklists.view(activation, ms(now_s))}


def test_the_rapid_response_teams_arrival_ticks_its_step_without_a_click() -> None:
    log = started()
    log.dispatch("rrt-1", 40)
    log.dispatch("pg-1", 45)
    log.arrive("pg-1", 150)  # a patrol's arrival is not the team's
    assert not steps(fold(log), 150)["rrt_arrived"].tick
    arrival = log.arrive("rrt-1", 200)
    view = steps(fold(log), 200)
    tick = view["rrt_arrived"].tick
    assert tick is not None and not tick.manual
    assert (tick.mark.gseq, tick.mark.kind, tick.mark.unit, tick.time) == (arrival.gseq, "arrival", "rrt-1", ms(200))
    assert view["rrt_arrived"].state is StepState.DONE
    dispatched = view["rrt_dispatched"].tick
    assert dispatched is not None and (dispatched.mark.kind, dispatched.mark.unit) == ("unit_dispatched", "rrt-1")


def test_a_deadline_turns_amber_at_three_quarters_and_overdue_at_its_end() -> None:
    checklists = fold(started())
    # "rrt_arrived": 4 minutes from the call
    assert steps(checklists, 179)["rrt_arrived"].state is StepState.ON_TIME
    assert steps(checklists, 180)["rrt_arrived"].state is StepState.AMBER
    assert steps(checklists, 239)["rrt_arrived"].state is StepState.AMBER
    assert steps(checklists, 240)["rrt_arrived"].state is StepState.OVERDUE
    assert steps(checklists, 240)["rrt_arrived"].due_ms == ms(240)
    # "railway_police": 5 minutes from the activation at 30 s
    assert steps(checklists, 254)["railway_police"].state is StepState.ON_TIME
    assert steps(checklists, 255)["railway_police"].state is StepState.AMBER
    assert steps(checklists, 330)["railway_police"].due_ms == ms(330)


def test_a_deadline_counts_only_once_its_anchor_has_happened() -> None:
    log = started()
    assert steps(fold(log), 3000)["scene_held"].due_ms is None  # nobody has arrived: nothing to count from
    assert steps(fold(log), 3000)["scene_held"].state is StepState.ON_TIME
    log.dispatch("pg-1", 50)
    log.arrive("pg-1", 100)
    view = steps(fold(log), 399)["scene_held"]
    assert (view.anchor_ms, view.due_ms, view.state) == (ms(100), ms(400), StepState.AMBER)


def test_units_sent_before_the_plan_was_activated_tick_its_steps_with_their_own_events() -> None:
    log = Log()
    log.units()
    log.incident(at_s=20)
    sent = log.dispatch("rrt-1", 25)
    log.activate(knife_plan(), at_s=90)
    tick = steps(fold(log), 90)["rrt_dispatched"].tick
    assert tick is not None and tick.mark.gseq == sent.gseq and tick.time == ms(25)
    assert not steps(fold(log), 90)["rrt_dispatched"].late


def test_a_recalled_unit_does_not_count_as_dispatched() -> None:
    log = started()
    log.dispatch("pg-1", 40)
    log.recall("pg-1", 50)
    log.dispatch("pg-2", 60)
    assert steps(fold(log), 60)["patrols_dispatched"].tick is None
    second = log.dispatch("pg-3", 70)
    tick = steps(fold(log), 70)["patrols_dispatched"].tick
    assert tick is not None and tick.mark.gseq == second.gseq


def test_units_on_scene_count_only_when_they_are_there_at_the_same_time() -> None:
    log = started()
    for unit in ("pg-1", "pg-2", "rrt-1"):
        log.dispatch(unit, 40)
    log.arrive("pg-1", 100)
    log.recall("pg-1", 110)  # sent on elsewhere before the second arrived
    log.arrive("pg-2", 120)
    assert steps(fold(log), 120)["scene_held"].tick is None
    third = log.arrive("rrt-1", 130)
    tick = steps(fold(log), 130)["scene_held"].tick
    assert tick is not None and tick.mark.gseq == third.gseq
    # ... and a step that depends on it and on the team's arrival ticks with the same event
    report = steps(fold(log), 130)["report_up"].tick
    assert report is not None and report.mark.gseq == third.gseq


def test_field_records_and_notes_tick_the_steps_that_wait_for_them() -> None:
    log = started()
    log.dispatch("pg-1", 40)
    log.arrive("pg-1", 100)
    log.add("pg-1", ev.FieldRecord(record=FieldRecordKind.INFO_COLLECTION, record_id="r1", incident=INCIDENT), 200)
    log.note("已通知铁路局", 210)  # not the railway police
    assert steps(fold(log), 210)["survey"].tick is None
    assert steps(fold(log), 210)["railway_police"].tick is None
    log.add("pg-1", ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY, record_id="r2", incident=INCIDENT), 300)
    log.note("已通知铁路公安值班室", 310)
    view = steps(fold(log), 310)
    assert view["survey"].tick is not None and view["survey"].tick.mark.unit == "pg-1"
    assert view["railway_police"].tick is not None and view["railway_police"].tick.time == ms(310)


def test_an_overdue_step_asks_for_its_escalation_once_whichever_desks_record_it() -> None:
    log = started()
    checklists = fold(log)
    assert checklists.escalations_due(ms(59)) == []
    assert checklists.escalations_due(ms(60)) == [("act-1", "rrt_dispatched")]
    assert ("act-1", "rrt_arrived") in checklists.escalations_due(ms(240))
    log.own(StepEscalated(activation="act-1", step="rrt_dispatched"), 61, desk="ws-1")
    log.own(StepEscalated(activation="act-1", step="rrt_dispatched"), 61, desk="ws-2")  # both desks saw it late
    checklists = fold(log)
    assert checklists.escalations_due(ms(100)) == []
    escalated = steps(checklists, 100)["rrt_dispatched"].escalated
    assert escalated is not None and escalated.gseq == log.events[-2].gseq
    # a step without an escalation is overdue but asks for none
    assert steps(checklists, 3000)["press_line"].state is StepState.OVERDUE
    assert ("act-1", "press_line") not in checklists.escalations_due(ms(3000))


def test_a_step_ticked_by_hand_says_who_ticked_it_and_why() -> None:
    log = started()
    ticked = log.own(StepTicked(activation="act-1", step="press_line", note="口径已定", by="李指挥 0042"), 400)
    tick = steps(fold(log), 400)["press_line"].tick
    assert tick is not None and tick.manual
    assert (tick.by, tick.note, tick.time, tick.mark.gseq) == ("李指挥 0042", "口径已定", ms(400), ticked.gseq)


def test_an_untick_holds_until_a_new_event_meets_the_condition_again() -> None:
    log = started()
    log.dispatch("rrt-1", 40)
    log.own(StepUnticked(activation="act-1", step="rrt_dispatched", reason="sent to the wrong square"), 50)
    assert steps(fold(log), 50)["rrt_dispatched"].tick is None
    log.note("突击队在路上", 55)  # still one team out, but nothing new for this step
    log.dispatch("pg-1", 56)  # a patrol does not meet "a rapid-response team dispatched"
    checklists = fold(log)
    view = steps(checklists, 56)["rrt_dispatched"]
    assert view.tick is None and view.state is StepState.AMBER  # counting down again
    assert activation(checklists).steps["rrt_dispatched"].unticks[0].undid.mark.unit == "rrt-1"  # kept for the report
    second = log.dispatch("rrt-2", 58)
    tick = steps(fold(log), 58)["rrt_dispatched"].tick
    assert tick is not None and tick.mark.gseq == second.gseq


def test_two_desks_activating_the_same_plan_share_one_checklist() -> None:
    log = started()
    log.activate(knife_plan(), at_s=31, activation="act-2", desk="ws-2")
    log.own(StepTicked(activation="act-2", step="press_line"), 40, desk="ws-2")
    checklists = fold(log)
    assert [a.id for a in checklists.activations(INCIDENT)] == ["act-1"]
    assert steps(checklists, 40, activation="act-2") == steps(checklists, 40, activation="act-1")
    assert steps(checklists, 40)["press_line"].tick is not None


def test_a_replay_shows_the_checklist_as_activated_whatever_the_plan_file_says_now() -> None:
    log = started()
    log.dispatch("rrt-1", 40)
    log.own(StepTicked(activation="act-1", step="press_line"), 50)
    first = fold(log)
    replayed = fold(log)  # on a desk whose plan file has since become version 4, with other steps
    assert [view.step for view in replayed.view("act-1", ms(60))] == list(knife_plan().steps)
    assert activation(replayed).version == 3
    assert steps(replayed, 60) == steps(first, 60)


def test_a_closed_incidents_checklist_stops_counting_and_asks_for_no_escalation() -> None:
    log = started()
    log.add(DESK, ev.IncidentClosed(incident=INCIDENT, disposition="invalid"), 300)  # a false alarm
    checklists = fold(log)
    assert checklists.escalations_due(ms(3000)) == []
    view = steps(checklists, 3000)
    assert view["rrt_arrived"].state is StepState.OVERDUE  # overdue when it closed, and it stays so
    assert view["railway_police"].state is StepState.AMBER  # the clock stopped at 300 s, before its 330 s


def test_a_deactivated_plan_asks_for_no_escalation() -> None:
    log = started()
    log.own(PlanDeactivated(activation="act-1", reason="not a knife attack"), 45)
    checklists = fold(log)
    assert checklists.escalations_due(ms(3000)) == []
    assert not activation(checklists).active


def test_a_desk_started_mid_incident_rebuilds_the_facts_from_the_incidents_timeline() -> None:
    log = started()
    log.dispatch("rrt-1", 40)
    log.dispatch("pg-1", 41)
    log.ack("rrt-1", 50)
    log.arrive("rrt-1", 150)
    log.arrive("pg-1", 160)
    log.add("pg-1", ev.FieldRecord(record=FieldRecordKind.SCENE_SURVEY, record_id="r2", incident=INCIDENT), 300)
    log.note("已通知铁路公安", 310)
    state = projection.apply_all(State(), (applied.event for applied in log.events))
    assert state.refusal_count == 0
    whole = fold(log)
    # A second desk starts now: it hears only the plugin's own events, after its state came in.
    late = Checklists(unit_kind_of=lambda unit: state.units[unit].kind.value if unit in state.units else None)
    late.reset(state.incidents.values())
    for applied in log.events:
        if applied.kind == "plugin_event":
            late.apply(applied)
    done_whole = {step: view.state for step, view in steps(whole, 320).items()}
    assert {step: view.state for step, view in steps(late, 320).items()} == done_whole
    assert done_whole["scene_held"] is StepState.DONE and done_whole["survey"] is StepState.DONE

