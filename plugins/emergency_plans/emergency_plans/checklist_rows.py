"""What the checklist panel writes for each activation and each step, worked out without Qt.

``activation_rows`` turns one activation and its ``StepView``s (``PlansModel.view``) into texts: the plan's
title and version, who activated it when (and ended it), and for each step its number (the key that ticks it),
text in the desk's language, owner, countdown ("03:12 left", "+01:05" late), how it was done (by which unit's
event, a unit named by its call sign, or by whom by hand) and whether it was escalated. The widget only
shows these; a test reads them without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from emergency_plans.checklist import Activation, StepState, StepView, Tick
from emergency_plans.model import Anchor, Role, local

Translate = Callable[[str], str]
"""``desk.tr``: the English source text in the desk's language."""

ROLE_NAMES: dict[Role, str] = {
    Role.DISPATCHER: "Dispatcher", Role.SHIFT_COMMANDER: "Shift commander", Role.SUPERVISOR: "Supervisor",
    Role.STATION: "Station", Role.FIELD: "Units on scene",
}
ANCHOR_NAMES: dict[Anchor, str] = {
    Anchor.CALL: "the call", Anchor.CREATED: "creation", Anchor.FIRST_DISPATCH: "the first dispatch",
    Anchor.FIRST_ARRIVAL: "the first arrival", Anchor.ACTIVATED: "activation",
}
EVENT_NAMES: dict[str, str] = {
    "unit_dispatched": "dispatch of {unit}", "dispatch_ack": "acknowledgement by {unit}",
    "arrival": "arrival of {unit}", "clearance": "clearance by {unit}", "field_record": "field record by {unit}",
    "incident_note": "a note", "incident_referred": "the referral", "incident_closed": "the close",
    "incident_reclassified": "the reclassification",
}
"""The events that tick steps, as the "done" line names them (another kind shows as it is on the wire)."""
MAX_KEYED_STEPS = 9
"""Keys 1–9 tick the first nine steps of a checklist."""


@dataclass(frozen=True)
class StepRow:
    number: int  # 1-based: the key that ticks it (for the first nine)
    step_id: str
    text: str
    owner: str
    mandatory: bool
    state: StepState
    deadline: str  # "12 min from the first arrival", "" without one
    countdown: str  # "03:12 left", "+01:05"; "" when done, without a deadline or while its anchor has not happened
    done: str  # "08:01:12 — arrival of 突击1组", "08:03:40 — by hand: 王警官 (note)", "" while not done
    escalated: str  # "escalated to Shift commander 08:05:00", "" if not


@dataclass(frozen=True)
class ActivationRows:
    activation_id: str
    active: bool
    heading: str  # "Knife attack at a railway station — v3"
    byline: str  # "activated 08:00:20 by 王警官 010203", plus when it ended
    steps: tuple[StepRow, ...]


def activation_rows(activation: Activation, views: Sequence[StepView], *, tr: Translate, language: str,
                    zone: ZoneInfo, now_ms: int, stopped: bool, unit_name: Callable[[str], str]) -> ActivationRows:
    """The panel's texts for one activation at ``now_ms``. ``stopped``: the checklist no longer counts down
    (the plan was deactivated or its incident closed or referred), so no countdown is shown."""
    byline = tr("activated {time} by {who}").format(time=clock(activation.activated.time, zone),
                                                    who=activation.by or "?")
    if activation.deactivated is not None:
        byline += "; " + tr("ended {time} by {who}").format(time=clock(activation.deactivated.time, zone),
                                                             who=activation.deactivated_by or "?")
    heading = tr("{title} — v{version}").format(title=local(activation.title, language),
                                                version=activation.version)
    rows = tuple(
        StepRow(number=n, step_id=view.step.id, text=local(view.step.text, language),
                owner=tr(ROLE_NAMES[view.step.owner]), mandatory=view.step.mandatory, state=view.state,
                deadline=deadline_text(view, tr), countdown="" if stopped else countdown(view, now_ms, tr),
                done=done_text(view.tick, view, tr=tr, zone=zone, unit_name=unit_name),
                escalated=_escalated(view, tr, zone))
        for n, view in enumerate(views, start=1))
    return ActivationRows(activation.id, activation.active, heading, byline, rows)


def deadline_text(view: StepView, tr: Translate) -> str:
    deadline = view.step.deadline
    if deadline is None:
        return ""
    return tr("{minutes} min from {anchor}").format(minutes=f"{deadline.minutes:g}",
                                                    anchor=tr(ANCHOR_NAMES[deadline.from_]))


def countdown(view: StepView, now_ms: int, tr: Translate) -> str:
    """Time left to the step's deadline, or how late it is; "" for a step done, without a deadline, or
    whose deadline has not started (no dispatch yet …)."""
    if view.tick is not None or view.due_ms is None:
        return ""
    left = view.due_ms - now_ms
    if left > 0:
        return tr("{time} left").format(time=duration(left))
    return "+" + duration(-left)


def duration(ms: int) -> str:
    """``mm:ss`` (minutes past 59 keep counting: a deadline is minutes, rarely hours); whole seconds, rounded
    up while time is left so that "00:00 left" never shows before the step is overdue."""
    seconds = -(-ms // 1000)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def done_text(tick: Tick | None, view: StepView, *, tr: Translate, zone: ZoneInfo,
              unit_name: Callable[[str], str]) -> str:
    if tick is None:
        return ""
    if tick.manual:
        who = tick.by or "?"
        how = tr("by hand: {who}").format(who=f"{who} ({tick.note})" if tick.note else who)
    else:
        unit = unit_name(tick.mark.unit) if tick.mark.unit else ""
        how = tr(EVENT_NAMES[tick.mark.kind]).format(unit=unit) if tick.mark.kind in EVENT_NAMES else tick.mark.kind
    text = f"{clock(tick.time, zone)} — {how}"
    if view.late and view.due_ms is not None:
        text += " · " + tr("late by {time}").format(time=duration(tick.time - view.due_ms))
    return text


def _escalated(view: StepView, tr: Translate, zone: ZoneInfo) -> str:
    if view.escalated is None or view.step.escalate is None:
        return ""
    return tr("escalated to {role} {time}").format(role=tr(ROLE_NAMES[view.step.escalate.to]),
                                                   time=clock(view.escalated.time, zone))


def clock(time_ms: int, zone: ZoneInfo) -> str:
    return datetime.fromtimestamp(time_ms / 1000, zone).strftime("%H:%M:%S")


def step_cell(step: StepRow) -> str:
    """The step's text (``*`` when mandatory), its owner, then how it was done and its escalation."""
    lines = [f"* {step.text}" if step.mandatory else step.text, " · ".join(filter(None, (step.owner, step.deadline)))]
    if step.done:
        lines.append(f"✓ {step.done}")
    if step.escalated:
        lines.append(f"↑ {step.escalated}")
    return "\n".join(lines)
