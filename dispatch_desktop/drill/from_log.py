"""A past shift becomes a drill: the calls of a time range of the log turned into a scenario file.

Each incident created in the range (a 110 call, or one entered by hand) becomes a ``call`` inject at its
offset from the range's start, the caller anonymised ("报警人N", 138****000N, and so wherever the note repeats
the name or number) but the place, the incident type, the priority and what the caller said kept; what the
shift did with it becomes the expectations to beat: dispatched, on scene, referred (without a unit) and
closed within the times the shift took. The units the shift sent are enrolled. Drill events of the log are
left out: a drill is not a shift to replay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import msgspec
import yaml

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.localtime import date_time_text
from dispatch_desktop.drill.scenario import (
    FORMAT,
    Call,
    Closed,
    Dispatched,
    Expectation,
    Inject,
    LocalText,
    OnScene,
    ReferredNotDispatched,
    Scenario,
    Units,
    drill_ms,
    drill_time,
)

if TYPE_CHECKING:
    from dispatch_desktop.store import EventStore

OUTCOME_MARGIN_MS = 60 * 60_000
"""How long after the range the shift's handling of its calls is still read (a call at the range's end is
dispatched and closed after it)."""
POINTS = 10  # each expectation: the outcome to beat is the shift's own, no step weighs more than another


def caller_name(n: int) -> str:
    return f"报警人{n}"


def caller_number(n: int) -> str:
    """A masked number that still tells the callers apart: 138****0001, 138****0002…"""
    return f"138****{n % 10_000:04d}"


@dataclass
class _Handled:
    """One incident of the range and what the shift did with it (wall times, epoch ms)."""

    created: ev.IncidentCreated
    anchor_ms: int  # the call (or the entry, when later than the range's start)
    dispatched_ms: int | None = None
    arrived_ms: int | None = None
    referred: tuple[int, str] | None = None
    closed_ms: int | None = None
    units: list[str] = field(default_factory=list)


def scenario_from_events(events: Iterable[tuple[int, ev.Envelope]], start_ms: int, end_ms: int, *,
                         scenario_id: str = "") -> Scenario:
    """The scenario of the incidents created in ``start_ms <= t < end_ms`` among ``events`` (hub-time order,
    which may run past ``end_ms``: the handling after the range's end still counts)."""
    handled: dict[str, _Handled] = {}
    for _gseq, envelope in events:
        if envelope.mode is Mode.DRILL:
            continue
        body, at = envelope.body, envelope.t_hub
        if isinstance(body, ev.IncidentCreated):
            if start_ms <= at < end_ms and body.incident not in handled:
                call_ms = body.call_time if 0 < body.call_time <= at else at
                handled[body.incident] = _Handled(body, max(start_ms, call_ms))
            continue
        incident = handled.get(getattr(body, "incident", ""))
        if incident is not None:
            _note(incident, body, at)
    injects, expectations, enrolled = [], [], []
    span = end_ms - start_ms
    for n, incident in enumerate(handled.values(), start=1):
        inject_id = f"call_{n:03d}"
        injects.append(Inject(id=inject_id, at=drill_time(incident.anchor_ms - start_ms), call=_call(incident, n)))
        found = _expectations(inject_id, incident)
        expectations += found
        enrolled += [unit for unit in incident.units if unit not in enrolled]
        span = max([span, *(drill_ms(injects[-1].at or "+00:00") + drill_ms(e.deadline.within) for e in found)])
    begin, end = date_time_text(start_ms), date_time_text(end_ms)
    title = f"{begin[:16]}–{end[11:16]}"
    return Scenario(
        format=FORMAT, version=1,
        id=scenario_id or "shift_" + begin.replace("-", "").replace(":", "").replace(" ", "_")[:13],
        title=LocalText(zh=f"往日班次重演 {title}", en=f"Past shift {title} replayed"),
        description=LocalText(
            zh=f"{begin}至{end}的{len(injects)}起警情，报警人已匿名；期望为当班实际处置用时，力争超越。",
            en=f"The {len(injects)} incidents of {begin} to {end}, callers anonymised; the expectations are the "
               "times the shift took: the outcome to beat."),
        duration=drill_time(-(-span // 60_000) * 60_000),  # whole minutes, never shorter than a deadline
        injects=tuple(injects), units=Units(enrolled=tuple(enrolled)), expectations=tuple(expectations))


def scenario_from_log(store: EventStore, start_ms: int, end_ms: int, *, scenario_id: str = "") -> Scenario:
    """The scenario of the log's range ``start_ms <= t < end_ms`` (the handling read up to
    ``OUTCOME_MARGIN_MS`` past it; no position report is read at all)."""
    events = store.read_time_range(start_ms, end_ms + OUTCOME_MARGIN_MS, positions_of=())
    return scenario_from_events(events, start_ms, end_ms, scenario_id=scenario_id)


def _note(incident: _Handled, body: ev.Body, at: int) -> None:
    if isinstance(body, ev.UnitDispatched):
        incident.dispatched_ms = incident.dispatched_ms or at
        if body.unit not in incident.units:
            incident.units.append(body.unit)
    elif isinstance(body, ev.Arrival):
        incident.arrived_ms = incident.arrived_ms or at
    elif isinstance(body, ev.IncidentReferred):
        incident.referred = incident.referred or (at, body.department)
    elif isinstance(body, ev.IncidentClosed):
        incident.closed_ms = incident.closed_ms or at


def _call(incident: _Handled, n: int) -> Call:
    created = incident.created
    kind = taxonomy.incident_type(created.incident_type) if taxonomy.is_known(created.incident_type) else None
    description = created.description or created.address or (kind.name_zh if kind else created.incident_type)
    return Call(caller=caller_name(n), number=caller_number(n), type=created.incident_type,
                description=_anonymised(description, created, n), position=(created.lat, created.lon),
                address=_anonymised(created.address, created, n)[:200], priority=min(max(created.priority, 1), 4))


def _anonymised(text: str, created: ev.IncidentCreated, n: int) -> str:
    """``text`` without the caller's name and number where it repeats them ("报警人杨女士称…" is how an
    intake note starts): the drill's alias and masked number instead."""
    if created.caller_name:
        text = text.replace(f"报警人{created.caller_name}", caller_name(n)).replace(created.caller_name, caller_name(n))
    if created.caller_number:
        text = text.replace(created.caller_number, caller_number(n))
    return text


def _expectations(inject_id: str, incident: _Handled) -> list[Expectation]:
    def expect(name: str, zh: str, en: str, at_ms: int, **check: object) -> Expectation:
        within = drill_time(max(at_ms - incident.anchor_ms, 1000))
        text = {"zh": f"{zh}（当班用时{within[1:]}）", "en": f"{en} (the shift took {within[1:]})"}
        return msgspec.convert({"id": f"{inject_id}_{name}", "points": POINTS, "text": text,
                                "deadline": {"inject": inject_id, "within": within}, **check}, Expectation)

    found = []
    if incident.dispatched_ms is not None:
        found.append(expect("dispatched", "派警", "A unit dispatched", incident.dispatched_ms,
                            dispatched=msgspec.to_builtins(Dispatched())))
    if incident.arrived_ms is not None:
        found.append(expect("on_scene", "到场", "A unit on scene", incident.arrived_ms,
                            on_scene=msgspec.to_builtins(OnScene())))
    if incident.referred is not None and incident.dispatched_ms is None:
        at, department = incident.referred
        found.append(expect("referred", "移交、不派警", "Referred, no unit sent", at,
                            referred_not_dispatched=msgspec.to_builtins(ReferredNotDispatched(department=department))))
    if incident.closed_ms is not None:
        found.append(expect("closed", "结案", "Closed", incident.closed_ms, closed=msgspec.to_builtins(Closed())))
    return found


def scenario_yaml(scenario: Scenario, header: str = "") -> str:
    """The scenario as the YAML file ``loading`` reads back (comment lines from ``header`` first)."""
    comments = "".join(f"# {line}\n" for line in header.splitlines())
    body = yaml.safe_dump(msgspec.to_builtins(scenario), allow_unicode=True, sort_keys=False, width=110,
                          default_flow_style=None)  # leaves on one line: position: [23.15, 113.25]
    return comments + body
