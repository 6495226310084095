"""Translatable words of the dispatch desk that come from domain codes (reasons, phases,
dispositions). Source texts are English, collected by ``pyside6-lupdate`` through
``QT_TRANSLATE_NOOP`` and translated when shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.domain.city import LandmarkKind
from dispatch_desktop.domain.recommend import Reason
from dispatch_desktop.domain.timers import Phase
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Dispatch"

REASON: dict[str, str] = {
    "fastest": QT_TRANSLATE_NOOP("Dispatch", "Fastest arrival: {km} km, about {minutes} min"),
    "slower": QT_TRANSLATE_NOOP("Dispatch", "{km} km, about {minutes} min: {extra} s after the fastest"),
    "stale": QT_TRANSLATE_NOOP("Dispatch", "Position {age} min old: listed after units whose position is current"),
    "rapid_first": QT_TRANSLATE_NOOP("Dispatch", "Violent / terror: rapid-response team first (+{extra} s)"),
    "rapid_backup": QT_TRANSLATE_NOOP("Dispatch", "Violent / terror: rapid-response back-up (+{extra} s)"),
    "own_station": QT_TRANSLATE_NOOP("Dispatch", "Incident's own station"),
    "soon_free_break": QT_TRANSLATE_NOOP("Dispatch", "Soon free: on a break"),
    "soon_free_scene": QT_TRANSLATE_NOOP("Dispatch", "Soon free: on scene at {incident}, about {minutes} min"),
    "required": QT_TRANSLATE_NOOP("Dispatch", "Required: {reason}"),
}

PHASE: dict[Phase, str] = {
    Phase.DISPATCH: QT_TRANSLATE_NOOP("Dispatch", "Call → dispatch"),
    Phase.ARRIVAL: QT_TRANSLATE_NOOP("Dispatch", "Dispatch → arrival"),
    Phase.CLEAR: QT_TRANSLATE_NOOP("Dispatch", "Arrival → clear"),
}

PLACE_KIND: dict[LandmarkKind, str] = {
    LandmarkKind.DISTRICT: QT_TRANSLATE_NOOP("Dispatch", "District"),
    LandmarkKind.STATION: QT_TRANSLATE_NOOP("Dispatch", "Police station"),
    LandmarkKind.PATROL_AREA: QT_TRANSLATE_NOOP("Dispatch", "Patrol area"),
    LandmarkKind.DUTY_POINT: QT_TRANSLATE_NOOP("Dispatch", "Duty point"),
    LandmarkKind.CHECKPOINT: QT_TRANSLATE_NOOP("Dispatch", "Checkpoint"),
    LandmarkKind.RAILWAY_STATION: QT_TRANSLATE_NOOP("Dispatch", "Railway station"),
    LandmarkKind.AIRPORT: QT_TRANSLATE_NOOP("Dispatch", "Airport"),
    LandmarkKind.METRO: QT_TRANSLATE_NOOP("Dispatch", "Metro station"),
    LandmarkKind.TRANSPORT: QT_TRANSLATE_NOOP("Dispatch", "Bus / coach station"),
    LandmarkKind.LANDMARK: QT_TRANSLATE_NOOP("Dispatch", "Landmark"),
    LandmarkKind.STADIUM: QT_TRANSLATE_NOOP("Dispatch", "Stadium / arena"),
    LandmarkKind.SQUARE: QT_TRANSLATE_NOOP("Dispatch", "Square"),
    LandmarkKind.MALL: QT_TRANSLATE_NOOP("Dispatch", "Shopping mall"),
    LandmarkKind.MARKET: QT_TRANSLATE_NOOP("Dispatch", "Market"),
    LandmarkKind.HOSPITAL: QT_TRANSLATE_NOOP("Dispatch", "Hospital"),
    LandmarkKind.UNIVERSITY: QT_TRANSLATE_NOOP("Dispatch", "University"),
    LandmarkKind.SCHOOL: QT_TRANSLATE_NOOP("Dispatch", "School"),
    LandmarkKind.PARK: QT_TRANSLATE_NOOP("Dispatch", "Park"),
}

RECOMMEND_COLUMNS: dict[str, str] = {
    "#": QT_TRANSLATE_NOOP("Dispatch", "#"),
    "unit": QT_TRANSLATE_NOOP("Dispatch", "Unit"),
    "kind": QT_TRANSLATE_NOOP("Dispatch", "Kind"),
    "station": QT_TRANSLATE_NOOP("Dispatch", "Station"),
    "eta": QT_TRANSLATE_NOOP("Dispatch", "ETA"),
    "distance": QT_TRANSLATE_NOOP("Dispatch", "Distance"),
    "status": QT_TRANSLATE_NOOP("Dispatch", "Status"),
    "reason": QT_TRANSLATE_NOOP("Dispatch", "Why"),
}

SENDING = QT_TRANSLATE_NOOP("Dispatch", "Sending…")
REQUIRED_NOTE = QT_TRANSLATE_NOOP("Dispatch", "Required forces first ({reasons}), in amber: {key} sends them all")
UNMET = QT_TRANSLATE_NOOP("Dispatch", "Required, but no free unit to send: {missing}")
UNMET_PART = QT_TRANSLATE_NOOP("Dispatch", "{count} × {kind} ({reason})")
STALE_MARK = QT_TRANSLATE_NOOP("Dispatch", "position stale")

TIMER = QT_TRANSLATE_NOOP("Dispatch", "{phase}\n{elapsed} / {target}")

DISPOSITIONS: tuple[tuple[str, str], ...] = (
    ("resolved", QT_TRANSLATE_NOOP("Dispatch", "Resolved")),
    ("advice_given", QT_TRANSLATE_NOOP("Dispatch", "Advice given")),
    ("no_trace", QT_TRANSLATE_NOOP("Dispatch", "Nothing found on arrival")),
    ("duplicate", QT_TRANSLATE_NOOP("Dispatch", "Duplicate call")),
    ("invalid", QT_TRANSLATE_NOOP("Dispatch", "Not a valid incident")),
    ("false_report", QT_TRANSLATE_NOOP("Dispatch", "False report")),
)
"""(value carried by IncidentClosed.disposition, source text) in the order the close dialog lists them."""

CALL_DISPOSITIONS: tuple[tuple[str, str], ...] = (
    ("advice", QT_TRANSLATE_NOOP("Dispatch", "Advice given, nothing to send")),
    ("transferred", QT_TRANSLATE_NOOP("Dispatch", "Passed on to another hotline (12345, 120, 119…)")),
    ("duplicate", QT_TRANSLATE_NOOP("Dispatch", "Already reported: a duplicate call")),
    ("silent", QT_TRANSLATE_NOOP("Dispatch", "Silent call or the caller hung up")),
    ("misdial", QT_TRANSLATE_NOOP("Dispatch", "Misdialled")),
    ("prank", QT_TRANSLATE_NOOP("Dispatch", "Prank or abusive call")),
)
"""(value carried by CallClosed.disposition, source text): how an answered call ends without an incident
(most calls do: in Qinzhou 2016, 419,787 calls gave 52,214 valid incidents)."""

# Unit history on an incident, from its timeline entry kinds.
UNIT_STEP: dict[str, str] = {
    "unit_dispatched": QT_TRANSLATE_NOOP("Dispatch", "Dispatched"),
    "dispatch_ack": QT_TRANSLATE_NOOP("Dispatch", "En route"),
    "arrival": QT_TRANSLATE_NOOP("Dispatch", "On scene"),
    "clearance": QT_TRANSLATE_NOOP("Dispatch", "Cleared"),
    "unit_recalled": QT_TRANSLATE_NOOP("Dispatch", "Recalled"),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def reason(value: Reason) -> str:
    source = REASON.get(value.code)
    if source is None:
        return value.code
    return tr(source).format(**value.params)


def reasons(values: tuple[Reason, ...]) -> str:
    return "; ".join(reason(v) for v in values)


def phase(value: Phase) -> str:
    return tr(PHASE[value])


def disposition(value: str) -> str:
    for code, source in DISPOSITIONS:
        if code == value:
            return tr(source)
    return value


def unit_step(kind: str) -> str:
    source = UNIT_STEP.get(kind)
    return tr(source) if source is not None else labels.timeline_kind(kind)


METRES = QT_TRANSLATE_NOOP("Dispatch", "{m} m")
KILOMETRES = QT_TRANSLATE_NOOP("Dispatch", "{km:.1f} km")


def distance(metres: float) -> str:
    if metres < 1000:
        return tr(METRES).format(m=round(metres))
    return tr(KILOMETRES).format(km=metres / 1000)
