"""The plugin's events: a plan activated on an incident, deactivated, a step ticked or unticked by hand,
an overdue step escalated. Qt-free: the hub imports this module to check each event before storing it.

``PlanActivated`` carries the plan's checklist as it was activated (titles, required forces, every step with
its text, deadline, condition, mandatory flag and escalation — not the map data), so that a replay, or a desk
with another version of the plan file, shows the checklist the commander worked from. Ticks made by a
condition are not recorded: every desk works them out from the same events. Each event encodes to at most
``MAX_EVENT_BYTES`` (the desk's limit for one plugin event); ``activation_event`` checks it.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from dispatch_desktop.api import AppliedEvent
from dispatch_desktop.api import events as ev
from emergency_plans.model import ForceRequirement, ItemId, Plan, PlanId, Step, Text

PLUGIN_ID = "emergency_plans"
MAX_EVENT_BYTES = 16_384
"""The most bytes one plugin event's data may take on the wire (``[[events]] max_bytes``)."""

ActivationId = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$")]
Operator = Annotated[str, msgspec.Meta(max_length=200)]
Note = Annotated[str, msgspec.Meta(max_length=500)]


class _Event(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """Every event of this plugin names the activation (one plan on one incident) it concerns."""

    activation: ActivationId


class PlanActivated(_Event, frozen=True):
    plan: PlanId
    version: Annotated[int, msgspec.Meta(ge=1)]
    incident: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    title: Text
    steps: Annotated[tuple[Step, ...], msgspec.Meta(min_length=1, max_length=100)]
    forces: tuple[ForceRequirement, ...] = ()
    by: Operator = ""  # who activated it (name and badge), for the report


class PlanDeactivated(_Event, frozen=True):
    reason: Note = ""
    by: Operator = ""


class StepTicked(_Event, frozen=True):
    """A step ticked by hand (a condition's ticks are worked out by every desk, never recorded)."""

    step: ItemId
    manual: bool = True
    note: Note = ""
    by: Operator = ""


class StepUnticked(_Event, frozen=True):
    """A tick taken back by hand; the step's condition ticks it again only on a new event."""

    step: ItemId
    reason: Note = ""
    by: Operator = ""


class StepEscalated(_Event, frozen=True):
    """An overdue step raised to its escalation's role; recorded by one desk (two desks recording it
    at once is harmless: the checklist counts the step escalated once)."""

    step: ItemId


class ReportExported(_Event, frozen=True):
    """A plan report written to a file at a desk (facts are events: who exported what, and when)."""

    format: Literal["html", "csv"]
    file: Annotated[str, msgspec.Meta(max_length=200)] = ""  # the file's name, not its folder
    by: Operator = ""


PlanEvent = PlanActivated | PlanDeactivated | StepTicked | StepUnticked | StepEscalated | ReportExported

SCHEMAS: dict[str, type[PlanEvent]] = {
    "plan_activated": PlanActivated,
    "plan_deactivated": PlanDeactivated,
    "step_ticked": StepTicked,
    "step_unticked": StepUnticked,
    "step_escalated": StepEscalated,
    "report_exported": ReportExported,
}
"""The event names (the manifest's ``[[events]] name``) and their schemas."""

NAMES: dict[type[PlanEvent], str] = {schema: name for name, schema in SCHEMAS.items()}


def decode(event: AppliedEvent) -> PlanEvent | None:
    """One of this plugin's events as its struct; None for any other event, or one that does not decode
    (an event written by a newer plugin version this desk cannot read: it is skipped, not fatal)."""
    body = event.body
    if not isinstance(body, ev.PluginEvent) or body.plugin != PLUGIN_ID:
        return None
    schema = SCHEMAS.get(body.name)
    if schema is None:
        return None
    try:
        return msgspec.msgpack.decode(body.data, type=schema)
    except msgspec.ValidationError:
        return None


def activation_event(activation: str, plan: Plan, incident: str, by: str = "") -> PlanActivated:
    """The event that activates ``plan`` on ``incident``, with the plan's checklist copied in.

    Raises ValueError, naming the plan and its size, when it would not fit in one event: the plan's texts
    must then be shortened (a plan of 30 steps with long texts in both languages still fits)."""
    activated = PlanActivated(activation=activation, plan=plan.id, version=plan.version, incident=incident,
                              title=plan.title, steps=plan.steps, forces=plan.forces, by=by)
    size = len(msgspec.msgpack.encode(activated))
    if size > MAX_EVENT_BYTES:
        raise ValueError(f"plan {plan.id} (version {plan.version}) takes {size} bytes as an activation event, "
                         f"more than the {MAX_EVENT_BYTES} one event may carry: shorten its step texts "
                         f"or split it into two plans")
    return activated


def activation_id(incident: str, plan: str, gseq: int) -> str:
    """A new activation's id: the incident, the plan and the last gseq the activating desk had seen, so
    that activating the same plan again after a deactivation gets a new id (cut to the event's 64 chars)."""
    return f"{incident}:{plan}:{gseq}"[-64:]
