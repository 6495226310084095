"""The simulated desk's incident numbers: the scheme every desk uses (``domain.intake``), carried on.

A desk numbers its incidents ``J{yyyymmdd}-{workstation}-{n}`` by the call's date, after every number it
has issued. The simulated desk learns its own numbers from what it sees accepted (and, when it joins or
resynchronises, from the hub's state), so a restarted simulator carries on where the last one stopped
instead of starting a new series.
"""

from __future__ import annotations

from dispatch_desktop.domain.intake import incident_prefix, next_incident_id
from dispatch_desktop.domain.state import Incident, State

_DAYS_KEPT = 2
"""A call is entered a minute or two after it rings: only today's and yesterday's numbers can matter."""


class IncidentNumbers:
    def __init__(self, workstation: str, state: State | None = None) -> None:
        self.workstation = workstation
        self._by_day: dict[str, set[str]] = {}  # prefix (the day) -> numbers known of that day
        if state is not None:
            self.learn(state)

    def learn(self, state: State) -> None:
        """The numbers this desk gave the incidents in ``state`` (on joining, after a resynchronisation)."""
        for incident in state.incidents.values():
            if entered_by(incident) == self.workstation:
                self.seen(incident.id)

    def seen(self, incident_id: str) -> None:
        """A number this desk gave, seen accepted."""
        self._by_day.setdefault(incident_id[:incident_id.rfind("-") + 1], set()).add(incident_id)
        self._forget_old_days()

    def next(self, call_time_ms: int) -> str:
        day = incident_prefix(self.workstation, call_time_ms)
        number = next_incident_id(self._by_day.get(day, ()), self.workstation, call_time_ms)
        self._by_day[day] = {number}  # the newest stands for all before it
        self._forget_old_days()
        return number

    def _forget_old_days(self) -> None:
        while len(self._by_day) > _DAYS_KEPT:
            del self._by_day[min(self._by_day)]  # the prefixes differ in their date only


def entered_by(incident: Incident) -> str:
    """The workstation that entered the incident (its timeline starts with that)."""
    return incident.timeline[0].source if incident.timeline else ""
