"""The intake's two resolving fields: where (a place of the gazetteer, a map click, the caller's
approximate location from the telephone network) and what (an incident type of the taxonomy).

Each owns its line edit, its list of matches and the line under it that says what was understood
(district and station; category, priority, department). The form reads ``location`` / ``kind`` and
listens to ``changed``; Enter in a field takes the first match. The address line (``AddressEdit``)
starts as the place picked and keeps a detail typed after it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City, Landmark, LandmarkKind
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.intake import Location, locate, search_types
from dispatch_desktop.domain.taxonomy import IncidentType
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.dispatch.completing import CompletingField
from dispatch_desktop.ui.dispatch.widgets import ErrorLabel

SHORT_MAX = 200
_LOCATION_HITS = 12


translate = QCoreApplication.translate


class LocationField(QObject):
    """Where the incident is. ``changed`` fires when the resolved location changes (or is lost)."""

    changed = Signal()
    picked = Signal(str)  # a place chosen by name: the address starts as that name

    def __init__(self, city: City, parent: QWidget) -> None:
        super().__init__(parent)
        self._city = city
        self.edit = QLineEdit(parent)
        self.edit.setMaxLength(SHORT_MAX)
        self.info = QLabel(parent)
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #37474f;")
        self.error = ErrorLabel(parent)
        self.location: Location | None = None
        self.accuracy_m = 0  # > 0 while the location is the network's approximate one
        self._text = ""  # the field's text when it was resolved
        self._hits: list[Landmark] = []
        self._completer = CompletingField(self.edit, parent)
        self._completer.picked.connect(lambda index: self.pick(self._hits[int(index)]))
        self.edit.textEdited.connect(self._on_edited)
        self.edit.editingFinished.connect(self.resolve_text)

    @property
    def completer(self) -> CompletingField:
        return self._completer

    def place_hint(self) -> str:
        """A readable name for the address line: the place picked or nearest the point."""
        place = self.location.place if self.location is not None else None
        return place.name if place is not None else ""

    def pick(self, place: Landmark) -> None:
        self.edit.setText(place.name)
        self._set(locate(self._city, place.lat, place.lon), place.name)
        self.picked.emit(place.name)

    def set_point(self, lat: float, lon: float, *, accuracy_m: int = 0) -> str:
        """A point from the map or from the telephone network; returns the text put in the field."""
        location = locate(self._city, lat, lon)
        text = f"{lat:.5f}, {lon:.5f}"
        if location.place is not None:
            text = f"{location.place.name} ({text})"
        if accuracy_m:
            text = translate("IntakeForm", "≈ {place} (±{metres} m, from the phone network)").format(
                place=location.place.name if location.place else f"{lat:.5f}, {lon:.5f}", metres=accuracy_m
            )
        self.edit.setText(text)
        self._set(location, text, accuracy_m=accuracy_m)
        return text

    def resolve_text(self) -> None:
        """Take the first match of what was typed (Enter, or leaving the field)."""
        text = self.edit.text().strip()
        if not text or text == self._text:
            return
        hits = self._city.search(text, limit=1)
        if hits:
            self.pick(hits[0])
        else:
            self.clear(keep_text=True)
            self.error.show_message(
                translate("IntakeForm", "No place matches “{text}”: try another name or click the map.").format(
                    text=text
                )
            )

    def clear(self, *, keep_text: bool = False) -> None:
        if not keep_text:
            self.edit.clear()
        changed = self.location is not None
        self.location = None
        self.accuracy_m = 0
        self._text = ""
        self._completer.hide()
        self.show_info()
        if changed:
            self.changed.emit()

    def show_info(self) -> None:
        location = self.location
        if location is None:
            self.info.setText("")
            self.info.hide()
            return
        station = self._station_name(location.station)
        if location.inside:
            text = translate("IntakeForm", "{district} · {station} · {lat}, {lon}").format(
                district=self.district_name(location.district),
                station=station,
                lat=f"{location.lat:.5f}",
                lon=f"{location.lon:.5f}",
            )
        else:
            text = translate(
                "IntakeForm", "Outside the service area · nearest station {station} · {lat}, {lon}"
            ).format(station=station, lat=f"{location.lat:.5f}", lon=f"{location.lon:.5f}")
        if self.accuracy_m:
            text = translate(
                "IntakeForm", "Approximate (±{metres} m): ask the caller where exactly, then type the place. {rest}"
            ).format(metres=self.accuracy_m, rest=text)
        self.info.setText(text)
        self.info.setStyleSheet("color: #e65100;" if self.accuracy_m else "color: #37474f;")
        self.info.show()

    def district_name(self, adcode: str) -> str:
        try:
            return labels.district_name(adcode, self._city.district(adcode).name)
        except KeyError:
            return adcode

    def _station_name(self, station_id: str) -> str:
        try:
            return self._city.station(station_id).name
        except KeyError:
            return station_id or "—"

    def _set(self, location: Location, text: str, *, accuracy_m: int = 0) -> None:
        self.location = location
        self.accuracy_m = accuracy_m
        self._text = text
        self._completer.hide()
        self.error.show_message("")
        self.show_info()
        self.changed.emit()

    def _on_edited(self, text: str) -> None:
        self.error.show_message("")
        self._hits = self._city.search(text, limit=_LOCATION_HITS) if text.strip() else []
        self._completer.offer([(self._place_text(p), p.name, n) for n, p in enumerate(self._hits)])

    def _place_text(self, place: Landmark) -> str:
        return f"{place.name}  ·  {_kind_text(place.kind)}  ·  {self.district_name(place.district)}"


class TypeField(QObject):
    """What happened. ``changed`` fires when the chosen type changes (or is lost)."""

    changed = Signal()

    def __init__(self, parent: QWidget, on_priority: Callable[[int], None]) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(parent)
        self.info = QLabel(parent)
        self.info.setWordWrap(True)
        self.error = ErrorLabel(parent)
        self.kind: IncidentType | None = None
        self._text = ""
        self._on_priority = on_priority
        self._completer = CompletingField(self.edit, parent)
        self._completer.picked.connect(lambda code: self.pick(taxonomy.incident_type(str(code))))
        self.edit.textEdited.connect(self._on_edited)
        self.edit.editingFinished.connect(self.resolve_text)

    @property
    def completer(self) -> CompletingField:
        return self._completer

    def pick(self, kind: IncidentType) -> None:
        self.kind = kind
        self._text = labels.incident_type_name(kind.code)
        self.edit.setText(self._text)
        self._completer.hide()
        self._on_priority(kind.priority)
        self.error.show_message("")
        self.show_info()
        self.changed.emit()

    def resolve_text(self) -> None:
        text = self.edit.text().strip()
        if not text or (self.kind is not None and text == self._text):
            return
        hits = search_types(text, limit=1)
        if hits:
            self.pick(hits[0])
        else:
            self.kind = None
            self.show_info()
            self.error.show_message(translate("IntakeForm", "No incident type matches “{text}”.").format(text=text))
            self.changed.emit()

    def clear(self) -> None:
        self.edit.clear()
        self.kind = None
        self._text = ""
        self.show_info()

    def retranslate(self) -> None:
        if self.kind is not None:
            self._text = labels.incident_type_name(self.kind.code)
            self.edit.setText(self._text)
        self.show_info()

    def show_info(self) -> None:
        kind = self.kind
        if kind is None:
            self.info.hide()
            return
        if kind.category is Category.NON_POLICE and kind.department is not None:
            text = translate(
                "IntakeForm", "Not police business: belongs to {department}. Create it, then transfer it (F7)."
            ).format(department=labels.department_name(kind.department.value))
            style = "color: #e65100; font-weight: bold;"
        else:
            text = labels.category(kind.category) + " · " + labels.priority(kind.priority)
            if kind.department is not None:
                department = labels.department_name(kind.department.value)
                text += " · " + translate("IntakeForm", "with {department}").format(department=department)
            if kind.rapid_response:
                text += " · " + translate("IntakeForm", "rapid-response team first")
            style = "color: #37474f;"
        self.info.setText(text)
        self.info.setStyleSheet(style)
        self.info.show()

    def _on_edited(self, text: str) -> None:
        self.error.show_message("")
        if self.kind is not None:
            self.kind = None
            self.show_info()
            self.changed.emit()
        offers = []
        for kind in search_types(text):
            shown = labels.incident_type_name(kind.code)
            other = kind.name_en if shown == kind.name_zh else kind.name_zh
            offers.append((f"{shown}  ·  {other}", shown, kind.code))
        self._completer.offer(offers)


def _kind_text(kind: LandmarkKind) -> str:
    return texts.tr(texts.PLACE_KIND[kind])


class AddressEdit(QLineEdit):
    """Tab into a line edit selects its whole text, and typing replaces it. When the text is the place
    the form filled in, a detail typed next ("3楼", "东门") belongs after it: the cursor goes to the end."""

    filled = ""  # the address the form filled in (a new location may replace it; a typed one it may not)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.filled and self.text() == self.filled:
            self.deselect()
            self.end(False)
