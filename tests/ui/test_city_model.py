"""The city model turns each new state into the narrow signals views subscribe to."""

from __future__ import annotations

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.ui.models.changes import touched_ids
from dispatch_desktop.ui.models.city_model import CityModel
from tests.ui.builders import EventLog


class Recorder:
    """Every signal the model emits, in order."""

    def __init__(self, model: CityModel) -> None:
        self.units: list[set[str]] = []
        self.incidents: list[set[str]] = []
        self.modes: list[str] = []
        self.refusals = 0
        self.ticks: list[int] = []
        model.unitsChanged.connect(lambda ids: self.units.append(set(ids)))
        model.incidentsChanged.connect(lambda ids: self.incidents.append(set(ids)))
        model.modeChanged.connect(self.modes.append)
        model.refusalsChanged.connect(self._refused)
        model.clockTicked.connect(self.ticks.append)

    def _refused(self) -> None:
        self.refusals += 1


def _show(model: CityModel, log: EventLog) -> None:
    units, incidents = touched_ids(log.take())
    model.set_state(log.state, units, incidents)


def _two_units_on_an_incident() -> EventLog:
    log = EventLog()
    for unit in ("P-1", "P-2", "P-3"):
        log.register(unit)
        log.on_duty(unit)
    log.create("J-1")
    log.dispatch("J-1", "P-1")
    log.dispatch("J-1", "P-2")
    for unit in ("P-1", "P-2"):
        log.acknowledge("J-1", unit)
        log.arrive("J-1", unit)
    return log


def test_the_first_state_reports_every_unit_and_incident() -> None:
    log = _two_units_on_an_incident()
    model = CityModel()
    seen = Recorder(model)
    _show(model, log)
    assert seen.units == [{"P-1", "P-2", "P-3"}]
    assert seen.incidents == [{"J-1"}]


def test_a_dispatch_names_exactly_the_unit_and_the_incident() -> None:
    log = _two_units_on_an_incident()
    log.create("J-2")
    model = CityModel()
    _show(model, log)
    seen = Recorder(model)
    log.dispatch("J-2", "P-3")
    _show(model, log)
    assert seen.units == [{"P-3"}]
    assert seen.incidents == [{"J-2"}]


def test_a_clearance_reports_every_released_unit_though_the_event_names_one() -> None:
    log = _two_units_on_an_incident()
    model = CityModel()
    _show(model, log)
    seen = Recorder(model)
    log.clear("J-1", "P-1")  # P-2 is released too, without being named
    _show(model, log)
    assert seen.units == [{"P-1", "P-2"}]
    assert seen.incidents == [{"J-1"}]


def test_a_late_position_fix_that_changes_nothing_is_silent() -> None:
    log = EventLog()
    log.register("P-1")
    log.move("P-1", 23.2, 113.3)
    model = CityModel()
    _show(model, log)
    seen = Recorder(model)
    late = ev.envelope("P-1", 99, ev.Position(lat=23.0, lon=113.0), t_src=log.time - 60_000)
    model.set_state(log.state, *touched_ids([late]))  # the projection ignored it: same state
    assert seen.units == []


def test_refusals_and_mode_changes_are_announced() -> None:
    log = EventLog(mode=Mode.DRILL)
    log.register("P-1")
    model = CityModel()
    seen = Recorder(model)
    _show(model, log)
    assert seen.modes == ["drill"]
    log.dispatch("J-404", "P-1")  # no such incident: refused
    _show(model, log)
    assert seen.refusals == 2  # once for the first state, once for the refusal
    model.set_replay(True)
    assert seen.modes[-1] == "replay"
    assert model.mode.value == "replay"


def test_the_clock_ticks_wall_time_and_the_replayed_time_in_a_replay(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = EventLog()
    log.register("P-1")
    model = CityModel(clock=lambda: 1_800_000_000_000)
    _show(model, log)
    seen = Recorder(model)
    model.start_clock()
    model.set_replay(True)
    model.stop_clock()
    assert seen.ticks == [1_800_000_000_000, log.state.time]
