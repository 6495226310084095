"""Words for the domain's closed vocabularies, in the user's language.

The domain speaks short ASCII values (``"en_route"``); people read "出警途中". Every label here is a
source text in English marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` collects it, and is
translated when it is shown, so a language switch takes effect on the next repaint.

Incident types and departments carry both names in the domain's taxonomy, so they are chosen by the
current language instead of going through the translation files twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.domain import localtime, taxonomy
from dispatch_desktop.domain.enums import Category, IncidentStatus, Mode, UnitKind, UnitStatus
from dispatch_desktop.domain.reasons import SUMMARIES, TEMPLATES
from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

UNIT_STATUS: dict[UnitStatus, str] = {
    UnitStatus.OFF_DUTY: QT_TRANSLATE_NOOP("UnitStatus", "Off duty"),
    UnitStatus.AVAILABLE: QT_TRANSLATE_NOOP("UnitStatus", "Available"),
    UnitStatus.DISPATCHED: QT_TRANSLATE_NOOP("UnitStatus", "Dispatched"),
    UnitStatus.EN_ROUTE: QT_TRANSLATE_NOOP("UnitStatus", "En route"),
    UnitStatus.ON_SCENE: QT_TRANSLATE_NOOP("UnitStatus", "On scene"),
    UnitStatus.UNAVAILABLE: QT_TRANSLATE_NOOP("UnitStatus", "Unavailable"),
}

INCIDENT_STATUS: dict[IncidentStatus, str] = {
    IncidentStatus.NEW: QT_TRANSLATE_NOOP("IncidentStatus", "Awaiting dispatch"),
    IncidentStatus.DISPATCHED: QT_TRANSLATE_NOOP("IncidentStatus", "Dispatched"),
    IncidentStatus.ON_SCENE: QT_TRANSLATE_NOOP("IncidentStatus", "Being handled"),
    IncidentStatus.CLEARED: QT_TRANSLATE_NOOP("IncidentStatus", "Cleared"),
    IncidentStatus.REFERRED: QT_TRANSLATE_NOOP("IncidentStatus", "Referred"),
    IncidentStatus.CLOSED: QT_TRANSLATE_NOOP("IncidentStatus", "Closed"),
}

UNIT_KIND: dict[UnitKind, str] = {
    UnitKind.PATROL_GROUP: QT_TRANSLATE_NOOP("UnitKind", "Patrol group"),
    UnitKind.RAPID_RESPONSE: QT_TRANSLATE_NOOP("UnitKind", "Rapid-response team"),
    UnitKind.TRAFFIC: QT_TRANSLATE_NOOP("UnitKind", "Traffic police"),
    UnitKind.STATION_CAR: QT_TRANSLATE_NOOP("UnitKind", "Station car"),
    UnitKind.OFFICER: QT_TRANSLATE_NOOP("UnitKind", "Officer"),
}

DISPLAY_MODE: dict[DisplayMode, str] = {
    DisplayMode.LIVE: QT_TRANSLATE_NOOP("Mode", "Live"),
    DisplayMode.SIMULATION: QT_TRANSLATE_NOOP("Mode", "Simulation"),
    DisplayMode.DRILL: QT_TRANSLATE_NOOP("Mode", "Drill"),
    DisplayMode.REPLAY: QT_TRANSLATE_NOOP("Mode", "Replay"),
}

CATEGORY: dict[Category, str] = {
    Category.POLICE: QT_TRANSLATE_NOOP("Category", "Police"),
    Category.NON_POLICE: QT_TRANSLATE_NOOP("Category", "Non-police"),
}

PRIORITY: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("Priority", "P1 critical"),
    2: QT_TRANSLATE_NOOP("Priority", "P2 urgent"),
    3: QT_TRANSLATE_NOOP("Priority", "P3 routine"),
    4: QT_TRANSLATE_NOOP("Priority", "P4 low"),
}

TIMELINE_KIND: dict[str, str] = {
    "incident_created": QT_TRANSLATE_NOOP("TimelineKind", "Incident created"),
    "incident_reclassified": QT_TRANSLATE_NOOP("TimelineKind", "Reclassified"),
    "unit_dispatched": QT_TRANSLATE_NOOP("TimelineKind", "Unit dispatched"),
    "dispatch_ack": QT_TRANSLATE_NOOP("TimelineKind", "Dispatch acknowledged"),
    "arrival": QT_TRANSLATE_NOOP("TimelineKind", "Arrived on scene"),
    "clearance": QT_TRANSLATE_NOOP("TimelineKind", "Cleared on scene"),
    "unit_recalled": QT_TRANSLATE_NOOP("TimelineKind", "Unit recalled"),
    "incident_referred": QT_TRANSLATE_NOOP("TimelineKind", "Referred"),
    "incident_closed": QT_TRANSLATE_NOOP("TimelineKind", "Closed"),
    "incident_note": QT_TRANSLATE_NOOP("TimelineKind", "Note"),
    "field_record": QT_TRANSLATE_NOOP("TimelineKind", "Field record"),
    "refused": QT_TRANSLATE_NOOP("TimelineKind", "Refused"),
}

# The English text of each refusal, identical to ``reasons.TEMPLATES`` (a test holds them equal):
# repeated here because lupdate only collects literal strings.
REFUSAL: dict[str, str] = {
    "unknown_unit": QT_TRANSLATE_NOOP("Refusal", "Unit {unit} is not on the roster."),
    "unknown_incident": QT_TRANSLATE_NOOP("Refusal", "Incident {incident} does not exist."),
    "incident_exists": QT_TRANSLATE_NOOP("Refusal", "Incident {incident} already exists."),
    "incident_closed": QT_TRANSLATE_NOOP(
        "Refusal", "Incident {incident} is already {status}; it cannot be changed."
    ),
    "unit_not_available": QT_TRANSLATE_NOOP(
        "Refusal", "Unit {unit} is {status}, not available: it cannot be dispatched."
    ),
    "unit_already_assigned": QT_TRANSLATE_NOOP(
        "Refusal", "Unit {unit} is already assigned to incident {incident}."
    ),
    "unit_not_assigned": QT_TRANSLATE_NOOP("Refusal", "Unit {unit} is not assigned to incident {incident}."),
    "unit_not_dispatched": QT_TRANSLATE_NOOP(
        "Refusal", "Unit {unit} is {status}; there is no dispatch to acknowledge."
    ),
    "unit_not_en_route": QT_TRANSLATE_NOOP(
        "Refusal", "Unit {unit} is {status}; it cannot arrive at incident {incident}."
    ),
    "unit_not_on_scene": QT_TRANSLATE_NOOP(
        "Refusal", "Unit {unit} is {status}, not on scene at incident {incident}."
    ),
    "status_needs_dispatch_flow": QT_TRANSLATE_NOOP(
        "Refusal",
        "Unit {unit} cannot be set to {status} by hand: dispatched, en route and on scene follow "
        "from dispatch, acknowledgement and arrival.",
    ),
    "unit_busy_on_incident": QT_TRANSLATE_NOOP(
        "Refusal",
        "Unit {unit} is working incident {incident}: clear or recall it before changing its status.",
    ),
    "illegal_unit_transition": QT_TRANSLATE_NOOP(
        "Refusal", "Unit {unit} cannot go from {from_status} to {to_status}."
    ),
    "illegal_incident_transition": QT_TRANSLATE_NOOP(
        "Refusal", "Incident {incident} cannot go from {from_status} to {to_status}."
    ),
    "units_still_assigned": QT_TRANSLATE_NOOP(
        "Refusal", "Incident {incident} still has units assigned ({units}): recall or clear them first."
    ),
    "refer_needs_new": QT_TRANSLATE_NOOP(
        "Refusal", "Incident {incident} is {status}: only an undispatched incident can be referred."
    ),
    "duplicate_of_unknown": QT_TRANSLATE_NOOP(
        "Refusal", "Incident {incident} is marked duplicate of {duplicate_of}, which does not exist."
    ),
    "unknown_order": QT_TRANSLATE_NOOP("Refusal", "Order {order} is not pending for unit {unit}."),
    "no_sos": QT_TRANSLATE_NOOP("Refusal", "Unit {unit} has no emergency to acknowledge."),
    "call_exists": QT_TRANSLATE_NOOP("Refusal", "Call {call} has already been offered."),
    "unknown_call": QT_TRANSLATE_NOOP("Refusal", "Call {call} is not on the lines: it is over, or it never rang."),
    "call_taken": QT_TRANSLATE_NOOP(
        "Refusal", "Call {call} has already been answered at workstation {workstation}."
    ),
    "call_not_yours": QT_TRANSLATE_NOOP("Refusal", "Call {call} was not answered at this workstation."),
    "drill_running": QT_TRANSLATE_NOOP("Refusal", "Drill {running} is running: end it before starting drill {drill}."),
    "drill_not_running": QT_TRANSLATE_NOOP("Refusal", "Drill {drill} is not running, so it cannot be ended."),
    "drill_unit_unknown": QT_TRANSLATE_NOOP(
        "Refusal", "Unit {unit} cannot be enrolled in drill {drill}: it is not on the roster."
    ),
    "drill_unit_not_available": QT_TRANSLATE_NOOP(
        "Refusal", "Unit {unit} is {status}, not available: it cannot be enrolled in drill {drill}."
    ),
    "drill_unit_real": QT_TRANSLATE_NOOP(
        "Refusal",
        "Simulated unit {unit} of drill {drill} has the id of a real unit: give the simulated unit another id.",
    ),
}
REFUSAL_SUMMARY: dict[str, str] = {
    "refusals_suppressed": QT_TRANSLATE_NOOP(
        "Refusal", "{count} more refusals of {unit} within a minute were answered but not stored."),
}
"""The domain's ``SUMMARIES``: records that stand for many refusals, translated like the refusals."""

DISTRICT: dict[str, str] = {
    "440103": QT_TRANSLATE_NOOP("District", "Liwan"),
    "440104": QT_TRANSLATE_NOOP("District", "Yuexiu"),
    "440105": QT_TRANSLATE_NOOP("District", "Haizhu"),
    "440106": QT_TRANSLATE_NOOP("District", "Tianhe"),
    "440111": QT_TRANSLATE_NOOP("District", "Baiyun"),
    "440112": QT_TRANSLATE_NOOP("District", "Huangpu"),
    "440113": QT_TRANSLATE_NOOP("District", "Panyu"),
    "440114": QT_TRANSLATE_NOOP("District", "Huadu"),
    "440115": QT_TRANSLATE_NOOP("District", "Nansha"),
    "440117": QT_TRANSLATE_NOOP("District", "Conghua"),
    "440118": QT_TRANSLATE_NOOP("District", "Zengcheng"),
}

# Qt's own trick (QGuiApplication uses "QT_LAYOUT_DIRECTION"): a marker string whose translation names
# the language of the installed catalogue, so code can pick among names the data carries in both.
LANGUAGE_MARKER = QT_TRANSLATE_NOOP("Language", "LANGUAGE_CODE")


def current_language() -> str:
    """``"zh_CN"`` when the Chinese catalogue is installed, else ``"en"`` (the source language)."""
    code = translate("Language", LANGUAGE_MARKER)
    return code if code != LANGUAGE_MARKER else "en"


def is_chinese() -> bool:
    return current_language().startswith("zh")


def _lookup(context: str, table: Mapping[Any, str], value: object) -> str:
    """``table``'s text for ``value`` (tables are keyed by enum members, ints or codes), translated; a value
    it lacks is shown as it is."""
    source = table.get(value)
    return translate(context, source) if source is not None else str(value)


def unit_status(value: UnitStatus | str) -> str:
    return _lookup("UnitStatus", UNIT_STATUS, _enum(UnitStatus, value))


def incident_status(value: IncidentStatus | str) -> str:
    return _lookup("IncidentStatus", INCIDENT_STATUS, _enum(IncidentStatus, value))


def unit_kind(value: UnitKind | str) -> str:
    return _lookup("UnitKind", UNIT_KIND, _enum(UnitKind, value))


def display_mode(value: DisplayMode | Mode | str) -> str:
    return _lookup("Mode", DISPLAY_MODE, _enum(DisplayMode, str(value)))


def category(value: Category | str) -> str:
    return _lookup("Category", CATEGORY, _enum(Category, value))


def priority(value: int) -> str:
    return _lookup("Priority", PRIORITY, value)


def timeline_kind(kind: str) -> str:
    return _lookup("TimelineKind", TIMELINE_KIND, kind)


def district_name(adcode: str, data_name: str) -> str:
    """The district as the user reads it: the data's Chinese name, or its English name."""
    if adcode not in DISTRICT:
        return data_name
    return data_name if is_chinese() else translate("District", DISTRICT[adcode])


def incident_type_name(code: str) -> str:
    if not taxonomy.is_known(code):
        return code
    kind = taxonomy.incident_type(code)
    return kind.name_zh if is_chinese() else kind.name_en


def department_name(code: str) -> str:
    try:
        return taxonomy.department_name(code, english=not is_chinese())
    except ValueError:  # a free-text department typed by a dispatcher
        return code


def _enum(kind: type, value: object) -> object:
    try:
        return kind(value)
    except ValueError:
        return value


# --- refusals ---------------------------------------------------------------------------------------

_FIELD = re.compile(r"\{(\w+)\}")
_STATUS_PARAMS = ("status", "from_status", "to_status")


def _template_pattern(template: str) -> re.Pattern[str]:
    parts = _FIELD.split(template)
    # split() alternates literal text and field names
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(f"^{regex}$", re.DOTALL)


_PATTERNS = {code: _template_pattern(text) for code, text in {**TEMPLATES, **SUMMARIES}.items()}


def refusal_params(code: str, message: str) -> dict[str, str] | None:
    """Recover a refusal's parameters from its English message.

    The state keeps only the message of past refusals (``RefusalRecord`` has no params), so the UI reads
    them back out of the sentence the template made; None if the message does not fit its template.
    """
    pattern = _PATTERNS.get(code)
    match = pattern.match(message) if pattern is not None else None
    return match.groupdict() if match is not None else None


def refusal_text(code: str, message: str, *, unit_name: Callable[[str], str] | None = None) -> str:
    """A refusal in the user's language, its status words translated too and, given ``unit_name``, its
    units named by call sign (荔湾巡01组, not PG-440103-01-01); the original message when the code is
    unknown to this version of the UI."""
    params = refusal_params(code, message)
    template = REFUSAL.get(code) or REFUSAL_SUMMARY.get(code)
    if params is None or template is None:
        return message
    if unit_name is not None:
        if "unit" in params:
            params["unit"] = unit_name(params["unit"])
        if "units" in params:
            params["units"] = "、".join(unit_name(u.strip()) for u in params["units"].split(","))
    # The status words belong to the unit when the refusal names one, else to the incident.
    status_word = unit_status if "unit" in params else incident_status
    chinese = is_chinese()
    for key in _STATUS_PARAMS:
        if key in params:
            word = status_word(params[key])
            # Labels are capitalised for table cells; inside an English sentence they are not.
            params[key] = word if chinese else word[:1].lower() + word[1:]
    return translate("Refusal", template).format(**params)


def refusal_message_text(message: str) -> str:
    """A refusal sentence whose code is not at hand (a timeline note), translated if it fits a template."""
    for code, pattern in _PATTERNS.items():
        if pattern.match(message):
            return refusal_text(code, message)
    return message


# --- times ------------------------------------------------------------------------------------------


def clock_text(ms: int) -> str:
    """The command center's wall-clock time of an epoch-milliseconds instant, e.g. ``"14:03:27"``
    (never the machine's own zone: see ``domain.localtime``)."""
    return localtime.clock_text(ms)


def date_time_text(ms: int) -> str:
    return localtime.date_time_text(ms)


def duration_text(ms: int) -> str:
    """``"4:07"`` or ``"1:02:07"``; negative durations (clock skew) read as zero."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
