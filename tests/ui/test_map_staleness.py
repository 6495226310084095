"""Units whose handsets fell silent: greyed on the map by the clock alone, and told apart in the tooltip."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.domain.staleness import StalenessPolicy
from dispatch_desktop.ui.map.bridge import MapBridge
from dispatch_desktop.ui.map.symbols import STALE_BIT, STALE_STYLE
from dispatch_desktop.ui.map.texts import MAP_UI
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from tests.ui import map_desk
from tests.ui.builders import T0, EventLog
from tests.ui.conftest import NOW
from tests.ui.map_desk import Desk
from tests.ui.test_city_model import _show

desk = map_desk.desk  # the fixture


def report(log: EventLog, unit: str, at_ms: int) -> None:
    log.time = at_ms - 1000  # the log stamps its next event one second on
    log.move(unit, 23.13, 113.32)


class Page:
    """A bridge whose page said it is ready, recording the deltas it is sent, on a clock the test turns."""

    def __init__(self, log: EventLog, policy: StalenessPolicy | None = None) -> None:
        self.log = log
        self.now = T0
        self.model = CityModel(clock=lambda: self.now)
        _show(self.model, log)
        extra: dict[str, Any] = {"staleness": policy} if policy is not None else {}
        self.bridge = MapBridge(self.model, SelectionModel(), **extra)
        self.deltas: list[dict[str, Any]] = []
        self.bridge.delta.connect(lambda text: self.deltas.append(json.loads(text)))
        self.bridge.pageReady()

    def tick(self, at_ms: int) -> dict[str, Any] | None:
        """The model's clock ticks at ``at_ms``; the delta that sends, if any."""
        self.now = at_ms
        self.model.clockTicked.emit(at_ms)
        return self.flush()

    def show(self) -> dict[str, Any] | None:
        _show(self.model, self.log)
        return self.flush()

    def flush(self) -> dict[str, Any] | None:
        before = len(self.deltas)
        self.bridge.flush()
        return self.deltas[-1] if len(self.deltas) > before else None

    def stale_flags(self, delta: dict[str, Any]) -> dict[str, bool]:
        rows = delta["u"]
        return {rows[n]: bool(rows[n + 3] & STALE_BIT) for n in range(0, len(rows), 4)}


@pytest.fixture
def three_units(qapp) -> EventLog:  # type: ignore[no-untyped-def]
    """P-1 last reported at T0 + 10 s, P-2 at T0 + 70 s; OFF never went on duty."""
    log = EventLog()
    for unit in ("P-1", "P-2", "OFF"):
        log.register(unit)
    log.time = T0 + 9_000
    log.on_duty("P-1")
    log.on_duty("P-2")
    report(log, "P-1", T0 + 10_000)
    report(log, "P-2", T0 + 70_000)
    return log


def test_a_unit_turns_stale_on_the_clock_alone_and_only_it_is_sent(three_units: EventLog) -> None:
    page = Page(three_units)
    assert page.stale_flags(page.deltas[0]) == {"P-1": False, "P-2": False, "OFF": False}
    assert page.tick(T0 + 130_000) is None  # P-1's report is exactly two minutes old: not yet
    delta = page.tick(T0 + 131_000)
    assert delta is not None and page.stale_flags(delta) == {"P-1": True}
    assert delta["lr"] == {"P-1": T0 + 10_000}  # for its tooltip: how old its report is
    assert [page.tick(t) for t in range(T0 + 132_000, T0 + 191_000, 1000)] == [None] * 59
    delta = page.tick(T0 + 191_000)
    assert delta is not None and page.stale_flags(delta) == {"P-2": True}
    assert page.bridge.stale_units() == {"P-1", "P-2"}  # OFF is off duty: nothing to report


def test_a_new_report_makes_a_stale_unit_fresh_and_starts_its_count_again(three_units: EventLog) -> None:
    page = Page(three_units)
    page.tick(T0 + 200_000)
    report(three_units, "P-1", T0 + 200_000)
    delta = page.show()
    assert delta is not None and page.stale_flags(delta) == {"P-1": False} and "lr" not in delta
    assert page.tick(T0 + 320_000) is None
    delta = page.tick(T0 + 321_000)
    assert delta is not None and page.stale_flags(delta) == {"P-1": True}


def test_the_limit_comes_from_the_policy_the_bridge_is_given(three_units: EventLog) -> None:
    three_units.register("T-1", kind=UnitKind.TRAFFIC)
    three_units.time = T0 + 9_000
    three_units.on_duty("T-1")
    report(three_units, "T-1", T0 + 10_000)
    page = Page(three_units, StalenessPolicy(default_s=300, by_kind={UnitKind.TRAFFIC: 30}))
    delta = page.tick(T0 + 41_000)
    assert delta is not None and page.stale_flags(delta) == {"T-1": True}
    assert page.tick(T0 + 310_000) is None
    delta = page.tick(T0 + 311_000)
    assert delta is not None and page.stale_flags(delta) == {"P-1": True}
    stale_text = page.bridge.labels_payload()["ui"]["stale"]
    assert QCoreApplication.translate("MapLayers", MAP_UI["minutes"]).format(n=5) in stale_text


def test_a_clock_set_back_by_a_replay_makes_stale_units_fresh_again(three_units: EventLog) -> None:
    page = Page(three_units)
    page.tick(T0 + 200_000)
    assert page.bridge.stale_units() == {"P-1", "P-2"}
    delta = page.tick(T0 + 150_000)  # P-2 reported 80 s before this instant
    assert delta is not None and page.stale_flags(delta) == {"P-2": False}
    assert page.bridge.stale_units() == {"P-1"}


def test_ticks_send_nothing_while_no_unit_crosses_its_limit(qapp) -> None:  # type: ignore[no-untyped-def]
    log = EventLog()
    for n in range(500):
        log.register(f"P-{n}")
        log.on_duty(f"P-{n}")
    log.time = T0 + 1_000_000
    for n in range(500):
        log.move(f"P-{n}", 23.13, 113.32)  # one a second: the last at T0 + 1,500 s
    page = Page(log)
    sent = [page.tick(t) for t in range(T0 + 1_001_000, T0 + 1_121_000, 1000)]
    assert sent == [None] * 120
    delta = page.tick(T0 + 1_123_000)  # the first two are past their two minutes
    assert delta is not None and page.stale_flags(delta) == {"P-0": True, "P-1": True}


def _fresh_unit(desk: Desk) -> str:
    return next(u.id for u in desk.log.state.units.values() if u.status == "available")


def test_a_silent_unit_is_drawn_hollow_and_dashed_and_says_how_old_its_last_report_is(desk: Desk,
                                                                                       city: City) -> None:
    silent = city.units[400].id  # not on duty in the fixture
    desk.log.time = NOW - 10 * 60_000 - 1000
    desk.log.on_duty(silent)
    desk.push()
    desk.qtbot.waitUntil(lambda: desk.js(f"DispatchMap.units['{silent}'].code & {STALE_BIT}") == STALE_BIT)
    look = desk.js(f"DispatchMap.unitLook('{silent}')")
    assert look["dashArray"] == STALE_STYLE["dashArray"]
    assert (look["fillColor"], look["color"]) == (STALE_STYLE["fillColor"], STALE_STYLE["color"])
    assert desk.js(f"DispatchMap.unitLook('{_fresh_unit(desk)}').dashArray") is None

    desk.run(f"DispatchMap.units['{silent}'].marker.fire('mouseover', {{}}, true)")
    tooltip = desk.js("document.querySelector('.leaflet-tooltip').textContent")
    age = QCoreApplication.translate("MapLayers", MAP_UI["minutes"]).format(n=10)
    assert QCoreApplication.translate("MapLayers", MAP_UI["lastReport"]).format(age=age) in tooltip
