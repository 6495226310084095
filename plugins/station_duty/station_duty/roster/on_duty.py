"""The dispatch panel's section "On duty now" (the incident's station): its duty leader and phone, the
duty phone, the units on shift and how many are free; and the incident action's two hand-offs of the
leader's number (copy to the clipboard, ``tel:`` to the softphone).

The widget follows the roster session: a roster recorded or a unit freed shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from dispatch_desktop.api import DeskContext, Level
from station_duty.roster.session import leader_phone, session_for
from station_duty.roster.texts import readable_phone, shift_title


class OnDutyWidget(QFrame):
    """Put into the dispatch panel with ``desk.add_dispatch_section(widget, widget.show_incident)``."""

    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station_duty_on_duty")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._desk = desk
        self._session = session_for(desk)
        self._incident = ""
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.leader = QLabel(self)
        self.leader.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.duty_phone = QLabel(self)
        self.duty_phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.units = QLabel(self)
        self.units.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        for label in (self.title, self.leader, self.duty_phone, self.units):
            layout.addWidget(label)
        cancel = self._session.on_changed(self.refresh)
        self.destroyed.connect(lambda _object=None: cancel())
        self.show_incident("")

    def show_incident(self, incident_id: str) -> None:
        """Show the duty of the incident's station now ("" or an incident without a station: hidden)."""
        self._incident = incident_id
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        tr = self._desk.tr
        station = self._session.incident_station(self._incident) if self._incident else None
        self.setVisible(station is not None)
        if station is None:
            return
        roster = self._session.roster_now(station)
        data = roster.data
        self.title.setText(tr("On duty now at {station}: {shift}").format(
            station=self._session.station_name(station),
            shift=shift_title(roster.slot, self._desk.time_zone, tr, self._desk.language)))
        leader = f"{data.leader.name}  {readable_phone(data.leader.phone)}".strip()
        self.leader.setText(tr("Duty leader: {leader}").format(leader=leader))
        self.duty_phone.setText(tr("Duty phone: {phone}").format(phone=data.duty_phone or "—"))
        free, total = self._session.free_units(roster)
        self.units.setText(tr("Units on shift: {total}, free now: {free}").format(total=total, free=free))
        officers = "、".join(person.name for person in data.officers)
        self.setToolTip(tr("Duty officers: {names}").format(names=officers or "—"))

    def shown(self) -> list[str]:
        """The lines as shown (what a dispatcher reads)."""
        return [label.text() for label in (self.title, self.leader, self.duty_phone, self.units)]


def add_on_duty_section(desk: DeskContext) -> OnDutyWidget:
    """Build the section and hand it to the dispatch panel (call from ``activate``)."""
    widget = OnDutyWidget(desk)
    desk.add_dispatch_section(widget, widget.show_incident)
    return widget


def copy_leader_phone(desk: DeskContext, incident_id: str) -> None:
    """The incident action's handler: the duty leader's number to the clipboard, and to the softphone
    (a ``tel:`` link the system hands to whatever dials: a softphone, a phone link)."""
    number = leader_phone(desk, incident_id)
    if number is None:
        desk.notify(desk.tr("No duty leader's number is known for the station of {incident}.").format(
            incident=incident_id), Level.WARNING)
        return
    QGuiApplication.clipboard().setText(number)
    dialled = QDesktopServices.openUrl(QUrl(f"tel:{number}"))
    desk.notify(desk.tr("The duty leader's number {number} is on the clipboard.").format(number=number) if not dialled
                else desk.tr("Dialling the duty leader: {number} (also on the clipboard).").format(number=number))


def can_copy_leader_phone(desk: DeskContext, incident_id: str) -> bool:
    return leader_phone(desk, incident_id) is not None
