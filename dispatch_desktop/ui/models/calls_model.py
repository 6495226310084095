"""来电: the 110 calls ringing at the command center and those being taken, from the state's ``calls``.

Each row carries the caller's number and where the telephone network places the caller (the nearest
named place and district, with the accuracy), how long it has been ringing, and who took it. Ringing
calls sort first, the longest ringing on top: the one F2 answers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.intake import locate
from dispatch_desktop.domain.state import Call
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.keyed_table import Column, KeyedTableModel

WAITING = QT_TRANSLATE_NOOP("Calls", "Waiting")
NUMBER = QT_TRANSLATE_NOOP("Calls", "Number")
WHERE = QT_TRANSLATE_NOOP("Calls", "Caller's location (network)")
STATE = QT_TRANSLATE_NOOP("Calls", "State")
RINGING = QT_TRANSLATE_NOOP("Calls", "Ringing")
TAKEN_BY = QT_TRANSLATE_NOOP("Calls", "Taken by {desk}")
TAKEN_HERE = QT_TRANSLATE_NOOP("Calls", "Being taken here")
HUNG_UP = QT_TRANSLATE_NOOP("Calls", "caller hung up")
WITHHELD = QT_TRANSLATE_NOOP("Calls", "number withheld")
SIMULATED = QT_TRANSLATE_NOOP("Calls", "SIM")
DRILL = QT_TRANSLATE_NOOP("Calls", "DRILL")
NO_LOCATION = QT_TRANSLATE_NOOP("Calls", "no location from the network")
NEAR = QT_TRANSLATE_NOOP("Calls", "near {place}, {district} (±{metres} m)")
REGISTERED = QT_TRANSLATE_NOOP("Calls", "{address} (registered landline)")

RINGING_COLOR = "#ffcdd2"
_EPOCH_SPAN = 10**13


def _tr(text: str) -> str:
    return QCoreApplication.translate("Calls", text)


class CallsModel(KeyedTableModel):
    context = "Calls"

    def __init__(self, city_model: CityModel, city: City, workstation: str, parent: QObject | None = None) -> None:
        self._city_model = city_model
        self._city = city
        self._workstation = workstation
        self._where: dict[str, str] = {}  # call id -> place text (locating is not free; calls do not move)
        right = Qt.AlignmentFlag.AlignRight
        super().__init__(
            [
                Column(WAITING, lambda c: labels.duration_text(self._waited_ms(c)),
                       sort=lambda c: (1 if c.answered_by else 0) * _EPOCH_SPAN + c.offered_at, align=right),
                Column(NUMBER, self._number_text),
                Column(WHERE, self._where_text, tooltip=self._where_text),
                Column(STATE, self._state_text),
            ],
            parent,
            quiet_columns=[WAITING],
        )
        self._waiting_column = self.column_titled(WAITING)
        city_model.stateChanged.connect(lambda _state: self._resync())
        city_model.clockTicked.connect(lambda _now: self.refresh_column(self._waiting_column))
        self._resync()

    def record(self, key: str) -> Call | None:
        return self._city_model.state.calls.get(key)

    def ringing(self) -> list[str]:
        return [key for key in self.keys() if (c := self.record(key)) is not None and not c.answered_by]

    def row_background(self, key: str, record: Call) -> QColor | None:
        return QColor(RINGING_COLOR) if not record.answered_by else None

    def _resync(self) -> None:
        calls = self._city_model.state.calls
        gone = [key for key in self.keys() if key not in calls]
        for key in gone:
            self._where.pop(key, None)
        self.sync([*calls.keys(), *gone])

    def retranslate(self) -> None:
        self._where.clear()  # district names change with the language
        super().retranslate()

    def _waited_ms(self, call: Call) -> int:
        end = call.answered_at or self._city_model.now_ms()
        return end - call.offered_at

    def _number_text(self, call: Call) -> str:
        number = call.number or _tr(WITHHELD)
        if self._is_drill_call(call):  # the drill view shows live calls too: the drill's say so
            return f"{_tr(DRILL)} · {number}"
        return f"{_tr(SIMULATED)} · {number}" if call.simulated else number

    def _is_drill_call(self, call: Call) -> bool:
        """A call the running drill rang: its id starts with the drill's (``D-20261207-01:knife``, as the drill
        runner names them; the hub lets only the drill's trainer ring calls in a drill)."""
        drill = self._city_model.state.drill
        return drill is not None and call.id.startswith(f"{drill.drill}:")

    def _state_text(self, call: Call) -> str:
        if not call.answered_by:
            text = _tr(RINGING)
        elif call.answered_by == self._workstation:
            text = _tr(TAKEN_HERE)
        else:
            text = _tr(TAKEN_BY).format(desk=call.answered_by)
        return f"{text} · {_tr(HUNG_UP)}" if call.ended_at else text

    def _where_text(self, call: Call) -> str:
        cached = self._where.get(call.id)
        if cached is not None:
            return cached
        location = call.location
        if location is None:
            text = call.address or _tr(NO_LOCATION)
        elif location.method == "registered":
            text = _tr(REGISTERED).format(address=call.address or f"{location.lat:.5f}, {location.lon:.5f}")
        else:
            found = locate(self._city, location.lat, location.lon)
            place = found.place.name if found.place is not None else f"{location.lat:.4f}, {location.lon:.4f}"
            district = self._district_name(found.district)
            text = _tr(NEAR).format(place=place, district=district, metres=location.accuracy_m)
        self._where[call.id] = text
        return text

    def _district_name(self, adcode: str) -> str:
        try:
            return labels.district_name(adcode, self._city.district(adcode).name)
        except KeyError:
            return "—"
