"""From the triage's department names (TRIAGE_RULES: 城管, 街道, 急救 …) to the desk's department codes
(``api.Department``), which the hub knows and the referral (F7) offers; and the triage as intake advice."""

from __future__ import annotations

import threading
from datetime import datetime

from dispatch_desktop.api import Department, DeskContext, IntakeAdvice, IntakeDraft
from station_duty.triage import Suggestion, Triage
from station_duty.triage.explain import english

POLICE = "公安"
TO_DEPARTMENT: dict[str, Department] = {
    "街道": Department.STREET_OFFICE,
    "环保": Department.ENVIRONMENT,
    "城管": Department.CITY_MANAGEMENT,
    "劳动": Department.LABOUR,
    "工商": Department.MARKET_REGULATION,  # merged into 市场监管 in 2018
    "市场监管": Department.MARKET_REGULATION,
    "卫生": Department.HEALTH,
    "水务": Department.WATER,
    "供电": Department.POWER,
    "燃气": Department.GAS,
    "交通运输": Department.TRANSPORT,
    "住建": Department.HOUSING,
    "民政": Department.CIVIL_AFFAIRS,
    "教育": Department.EDUCATION,
    "消防": Department.FIRE,
    "急救": Department.HEALTH,  # 120 is run by the health commission
    "物业": Department.HOUSING,  # property management answers to housing and construction
}
"""Every department of the triage rules; a test holds the rules file to this list."""


def department_code(name: str) -> str:
    """The desk's code for a triage department name ("" for police business or a name not mapped)."""
    if name == POLICE:
        return ""
    code = TO_DEPARTMENT.get(name)
    return code.value if code is not None else ""


class TriageAdvisor:
    """The triage as the desk's intake advice. The word segmenter loads its dictionary (about a second)
    on a thread of its own at start-up; until it is ready the advisor stays silent rather than hold the
    desk."""

    def __init__(self, desk: DeskContext, triage: Triage) -> None:
        self._desk = desk
        self._triage = triage
        self.ready = threading.Event()
        # The thread holds the triage and the event only: were it to hold the desk, a desk closed before the
        # dictionary loaded would be let go of, and its Qt objects destroyed, on this thread.
        threading.Thread(target=_warm_up, args=(triage, self.ready), name="station-duty-triage", daemon=True).start()

    def __call__(self, draft: IntakeDraft) -> IntakeAdvice | None:
        if not self.ready.is_set() or not draft.description.strip():
            return None
        hour = datetime.fromtimestamp(draft.call_time / 1000, self._desk.time_zone).hour if draft.call_time else None
        found = self._triage.suggest(draft.description, draft.incident_type, hour)
        department = "" if found.police else department_code(found.department)
        if not found.police and not department:
            return None  # a department the desk cannot refer to: say nothing rather than mislead
        return IntakeAdvice(police=found.police, department=department, reason=self.reason(found),
                            confidence=max(0.0, min(1.0, found.confidence)))

    def reason(self, found: Suggestion) -> str:
        """The reason in the desk's language: the rules' own sentence on a Chinese desk, else the English one
        (department names in English, the caller's words as said, in quotes)."""
        if self._desk.language.startswith("zh"):
            return found.reason
        return english(found.explanation, self._desk.tr, self._desk.incident_type_name)


def _warm_up(triage: Triage, ready: threading.Event) -> None:
    triage.warm_up()
    ready.set()
