"""One desk's shift log: the book of entries fed by the plugin's events, and who is told of changes.

The panel, the map layer and the incident action of one desk share one session (``session_for``): the
desk builds the panel before it calls ``activate``, so whichever comes first opens it. Qt-free: it only
talks to the desk through ``DeskContext``.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from dispatch_desktop.api import AppliedEvent, DeskContext, Subscription
from shift_log.book import Entry, ShiftBook, entry_of
from shift_log.events import EntryAdded
from shift_log.settings import Settings
from shift_log.shifts import Span, Window, window

EVENT = "entry_added"
PANEL_ID = "shift_log.entries"
LAYER_ID = "shift_log.places"


class ShiftLogSession:
    def __init__(self, desk: DeskContext) -> None:
        self.desk = desk
        settings = desk.settings
        self.settings = settings if isinstance(settings, Settings) else Settings()
        self.book = ShiftBook()
        self._listeners: list[Callable[[], None]] = []
        self._subscriptions: list[Subscription] = [
            desk.on_event(self._on_event, kinds={"plugin_event"}),
            desk.on_change(self._on_change),
            # Incident type names and the views' texts read in the new language.
            desk.on_language(lambda _language: self._changed()),
        ]

    def close(self) -> None:
        for subscription in self._subscriptions:
            subscription.cancel()
        self._subscriptions.clear()
        self._listeners.clear()

    # --- what the views read --------------------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        """The command center's zone, the desk's: shifts start and entries are stamped in it."""
        return self.desk.time_zone

    def window(self, span: Span) -> Window:
        return window(span, self.desk.now_ms(), self.settings.starts(), self.zone)

    def entries(self, span: Span) -> list[Entry]:
        """The entries of the shift under way (or the last 24 hours), newest first."""
        return self.book.entries(self.window(span))

    def incident_label(self, incident_id: str) -> str:
        """``"<id> · <type name>"`` (盗窃, Theft: the desk's language) while the desk knows the incident,
        else its id."""
        incident = self.desk.state.incidents.get(incident_id)
        if incident is None:
            return incident_id
        return f"{incident_id} · {self.desk.incident_type_name(incident.incident_type)}"

    def incident_reference(self, incident_id: str) -> str:
        """What a note about the incident starts with: its id, type name and address."""
        incident = self.desk.state.incidents.get(incident_id)
        if incident is None:
            return incident_id
        parts = (incident_id, self.desk.incident_type_name(incident.incident_type), incident.address)
        return " · ".join(part for part in parts if part)

    # --- changes ----------------------------------------------------------------------------------------

    def on_changed(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener`` after an entry arrived, a logged incident changed, time moved on, or the
        desk's language changed; returns the function that stops it (a panel that is deleted stops
        listening)."""
        self._listeners.append(listener)

        def cancel() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return cancel

    def tick(self) -> None:
        """Time moved on (a shift may have ended, the last 24 hours slid): let the views look again."""
        self._changed()

    def _on_event(self, applied: AppliedEvent) -> None:
        data = self.desk.decode(applied)
        if isinstance(data, EntryAdded) and self.book.add(entry_of(applied, data)):
            self._changed()

    def _on_change(self, _units: frozenset[str], incidents: frozenset[str]) -> None:
        if incidents and not incidents.isdisjoint(self.book.incidents()):
            self._changed()

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()


_sessions: dict[int, ShiftLogSession] = {}


def session_for(desk: DeskContext) -> ShiftLogSession:
    """The session of ``desk``, opened on first use."""
    session = _sessions.get(id(desk))
    if session is None or session.desk is not desk:
        session = _sessions[id(desk)] = ShiftLogSession(desk)
    return session


def close_sessions() -> None:
    """The plugin stops: no session listens any more."""
    for session in _sessions.values():
        session.close()
    _sessions.clear()
