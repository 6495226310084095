"""What makes a call an incident: the rules of the 110 intake form, without the form.

The widget collects what was typed and picked into an ``IntakeInput``; ``build_incident`` says what is
missing (field and a stable code the UI words in the user's language) or gives the ``IncidentCreated``
command. A 110 call needs the caller's number, which the telephone network usually delivers with the
call (ANI); a walk-in report (来所报警) or an incident an officer found (巡逻发现) needs none.
"""

from __future__ import annotations

from dataclasses import dataclass

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, IncidentOrigin
from dispatch_desktop.domain.intake import Location, normalise_phone
from dispatch_desktop.domain.taxonomy import IncidentType

ORIGINS = (IncidentOrigin.CALL, IncidentOrigin.WALK_IN, IncidentOrigin.OFFICER)
"""Where an incident can come from, in the order the intake form offers them."""
SHORT_MAX = 200  # the events' Short fields
TEXT_MAX = 2000  # the events' Text fields


@dataclass(frozen=True)
class IntakeInput:
    origin: IncidentOrigin
    caller_number: str  # as typed or as the network gave it
    caller_name: str
    location: Location | None
    address: str
    incident_type: IncidentType | None
    priority: int
    description: str
    duplicate_of: str = ""
    call: str = ""  # the telephony call answered for it
    call_time: int = 0
    simulated: bool = False
    advice: tuple[bool, str] | None = None  # (police, department) the call-taker took from advice


@dataclass(frozen=True)
class Problem:
    field: str  # "caller_number", "location", "address", "type", "description"
    code: str  # "number_missing", "number_invalid", "location_missing", "address_missing", "type_missing",
    #             "description_too_long"


def problems(form: IntakeInput) -> list[Problem]:
    """Everything that stops the incident from being created, in the order of the form."""
    found: list[Problem] = []
    number = form.caller_number.strip()
    if number and normalise_phone(number) is None:
        found.append(Problem("caller_number", "number_invalid"))
    elif not number and form.origin is IncidentOrigin.CALL and not form.call:
        # A call answered from the telephone system may come without a number (withheld); one typed by
        # hand (the telephone link is down) must give it, so the caller can be called back.
        found.append(Problem("caller_number", "number_missing"))
    if form.location is None:
        found.append(Problem("location", "location_missing"))
    if not form.address.strip():
        found.append(Problem("address", "address_missing"))
    if form.incident_type is None:
        found.append(Problem("type", "type_missing"))
    if len(form.description.strip()) > TEXT_MAX:
        found.append(Problem("description", "description_too_long"))
    return found


def build_incident(form: IntakeInput, incident_id: str, operator: str) -> ev.IncidentCreated:
    """The command for a form without ``problems`` (call that first)."""
    assert form.location is not None and form.incident_type is not None, "check problems() first"
    kind = form.incident_type
    category = kind.category
    department = kind.department.value if kind.department is not None else ""
    if form.advice is not None:  # the call-taker took advice: it decides, whatever the type's default
        police, department = form.advice
        category = Category.POLICE if police else Category.NON_POLICE
    number = normalise_phone(form.caller_number) or ""
    return ev.IncidentCreated(
        incident=incident_id, call_time=form.call_time, caller_number=number,
        lat=form.location.lat, lon=form.location.lon, address=form.address.strip()[:SHORT_MAX],
        district=form.location.district, station=form.location.station, incident_type=kind.code,
        priority=form.priority, category=category,
        department=department if category is Category.NON_POLICE else "",
        caller_name=form.caller_name.strip(), description=form.description.strip(),
        duplicate_of=form.duplicate_of, origin=form.origin, call=form.call, simulated=form.simulated,
        operator=operator,
    )
