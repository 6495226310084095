"""A workstation on a city with 300 units on duty and 40 incidents, and a way to ask its map page
things, shared by the map's test modules."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dispatch_desktop.domain.city import City
from dispatch_desktop.ui.workstation import Workstation
from tests.ui.builders import EventLog, city_log
from tests.ui.conftest import NOW

LABELS = ".leaflet-dm-labels-pane .dm-district-label"
"""The district names on the map (the legend shows one more, as a sample)."""


def js(qtbot, window: Workstation, expression: str) -> Any:  # type: ignore[no-untyped-def]
    """The value of a JavaScript expression in the map page (plain data only: a Leaflet object does not
    cross back)."""
    box: list[Any] = []
    window.map_view.page().runJavaScript(f"JSON.stringify(({expression}))", 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return json.loads(box[0]) if box[0] else None


class Desk:
    def __init__(self, qtbot, window: Workstation, log: EventLog) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.window = window
        self.log = log

    def js(self, expression: str) -> Any:
        return js(self.qtbot, self.window, expression)

    def run(self, statements: str) -> None:
        js(self.qtbot, self.window, f"(function () {{ {statements}; return true; }})()")

    def push(self) -> None:
        self.window.feed.push(self.log.state, self.log.take_published())
        self.qtbot.waitUntil(lambda: self.window.city_model.state is self.log.state)


def reporting_log(city: City) -> EventLog:
    """The city with 300 units on duty whose handsets reported within the last minute of the desk's
    clock (``NOW``), so none is stale unless a test makes it so."""
    log = city_log(city, on_duty=300, incidents=40)
    log.time = NOW - 60_000
    for spec in city.units[:300]:
        unit = log.state.units[spec.id]
        log.move(spec.id, unit.lat, unit.lon)
    log.take()
    return log


@pytest.fixture
def desk(qtbot, make_workstation, city: City) -> Desk:  # type: ignore[no-untyped-def]
    log = reporting_log(city)
    window = make_workstation()
    window.resize(2000, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.feed.push(log.state, None)
    qtbot.waitUntil(lambda: window.map_view.ready, timeout=30_000)
    desk = Desk(qtbot, window, log)
    on_map = sum(1 for unit in log.state.units.values() if unit.status != "off_duty")
    qtbot.waitUntil(lambda: desk.js("Object.keys(DispatchMap.units).length") == len(log.state.units))
    assert on_map == 300
    return desk
