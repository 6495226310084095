"""Hourly counts read from a log (``analytics.counts``) and kept in a file (``CountCache``): what a leader's
figures are built on, so drills, duplicates and another log's events must never get in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dispatch_desktop.analytics.counts import (
    SLOT_MS,
    Area,
    AreaKind,
    CountCache,
    CountingCancelled,
    HourlyCounts,
    city_areas,
    read_counts,
)
from dispatch_desktop.city import generate_city
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City, Station
from dispatch_desktop.domain.enums import Category, Mode
from dispatch_desktop.domain.localtime import zone
from dispatch_desktop.store import EventStore


def _ms(text: str) -> int:
    """A local time of the command center, "2026-10-31T23:30", as epoch ms."""
    return round(datetime.fromisoformat(text).replace(tzinfo=zone()).timestamp() * 1000)


@pytest.fixture(scope="module")
def city() -> City:
    return generate_city(cameras=0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EventStore]:
    with EventStore.open(f"sqlite:///{tmp_path / 'live.sqlite3'}") as opened:
        yield opened


class Desk:
    """Writes a desk's events into a store, numbered as a desk numbers them."""

    def __init__(self, store: EventStore, source: str = "ws-01") -> None:
        self.store, self.source, self.seq = store, source, store.high_water(source)

    def send(self, body: ev.AnyBody, at_ms: int, mode: Mode = Mode.LIVE) -> None:
        self.seq += 1
        self.store.append([ev.envelope(self.source, self.seq, body, at_ms, t_hub=at_ms, mode=mode)])

    def incident(self, incident: str, call: str, station: Station, *, mode: Mode = Mode.LIVE,
                 category: Category = Category.POLICE, duplicate_of: str = "", located: bool = True) -> None:
        """An incident called at the local time ``call`` at ``station``'s own position, entered a minute later;
        ``located=False`` leaves its district and station for the reader to find from lat/lon."""
        body = ev.IncidentCreated(
            incident=incident, call_time=_ms(call), caller_number="13800138000", lat=station.lat, lon=station.lon,
            address="门口", district=station.district if located else "", station=station.id if located else "",
            incident_type="theft", priority=3, category=category, duplicate_of=duplicate_of)
        self.send(body, _ms(call) + 60_000, mode)

    def reclassify(self, incident: str, at: str, category: Category) -> None:
        self.send(ev.IncidentReclassified(incident=incident, incident_type="noise", priority=4, category=category),
                  _ms(at))

    def call(self, call: str, at: str, mode: Mode = Mode.LIVE) -> None:
        self.send(ev.CallOffered(call=call), _ms(at), mode)


def _at(counts: HourlyCounts, area: Area, local: str) -> int:
    return int(counts.valid[counts.row(area), _ms(local) // SLOT_MS - counts.first_slot])


def _station(city: City, index: int) -> tuple[Station, Area, Area]:
    station = city.stations[index]
    assert city.station_at(station.lat, station.lon) == station  # the fixtures' incidents are placed there
    return station, Area(AreaKind.STATION, station.id), Area(AreaKind.DISTRICT, station.district)


def test_valid_live_incidents_count_by_call_time_and_drills_and_duplicates_never(
        store: EventStore, city: City) -> None:
    station, station_area, district_area = _station(city, 3)
    desk = Desk(store)
    desk.incident("J1", "2026-11-02T09:10", station)
    desk.incident("J2", "2026-11-02T09:59", station)
    desk.incident("J3", "2026-11-02T10:05", station, located=False)  # found from lat/lon
    desk.incident("J4", "2026-11-02T09:30", station, duplicate_of="J1")
    desk.incident("D1", "2026-11-02T09:20", station, mode=Mode.DRILL)
    counts = read_counts(store, city)
    assert _at(counts, station_area, "2026-11-02T09:00") == 2
    assert _at(counts, district_area, "2026-11-02T09:00") == 2
    assert _at(counts, station_area, "2026-11-02T10:00") == 1
    assert int(counts.valid.sum()) == 2 * 3  # each incident once in its district and once in its station
    assert counts.last_gseq == store.last_gseq()


def test_the_non_police_count_follows_the_last_classification(store: EventStore, city: City) -> None:
    station, station_area, _district = _station(city, 3)
    desk = Desk(store)
    desk.incident("J1", "2026-11-02T09:10", station)
    desk.incident("J2", "2026-11-02T09:20", station, category=Category.NON_POLICE)
    desk.reclassify("J1", "2026-11-02T11:00", Category.NON_POLICE)
    desk.reclassify("J2", "2026-11-02T11:00", Category.POLICE)
    desk.reclassify("J2", "2026-11-02T11:05", Category.NON_POLICE)
    counts = read_counts(store, city)
    column = _ms("2026-11-02T09:00") // SLOT_MS - counts.first_slot
    assert counts.non_police[counts.row(station_area), column] == 2
    assert counts.valid[counts.row(station_area), column] == 2


def test_calls_offered_count_citywide_and_drill_calls_never(store: EventStore, city: City) -> None:
    desk = Desk(store, "phone")
    for n in range(3):
        desk.call(f"C{n}", f"2026-11-02T09:{10 + n}")
    desk.call("C9", "2026-11-02T09:15", Mode.DRILL)
    counts = read_counts(store, city)
    assert counts.calls.tolist() == [3]


def test_monthly_totals_follow_the_command_centers_calendar(store: EventStore, city: City) -> None:
    station, station_area, _district = _station(city, 3)
    desk = Desk(store)
    desk.incident("J1", "2026-10-31T23:30", station)  # 15:30 UTC: still October in Guangzhou
    desk.incident("J2", "2026-11-01T00:30", station)  # 16:30 UTC on 31 October, November here
    desk.incident("J3", "2026-12-01T08:00", station)
    assert read_counts(store, city).monthly(station_area) == {"2026-10": 1, "2026-11": 1, "2026-12": 1}


def test_since_leaves_out_what_was_called_before(store: EventStore, city: City) -> None:
    station, station_area, _district = _station(city, 3)
    desk = Desk(store)
    desk.incident("J1", "2026-11-01T08:00", station)
    desk.incident("J2", "2026-11-03T08:00", station)
    counts = read_counts(store, city, since_ms=_ms("2026-11-02T00:00"))
    assert int(counts.series(station_area).sum()) == 1


def test_combined_counts_add_up_over_both_spans(city: City) -> None:
    areas = city_areas(city)
    history = HourlyCounts(100, areas, np.ones((len(areas), 3), np.int32), np.zeros((len(areas), 3), np.int32),
                           np.full(3, 2, np.int32), 50)
    live = HourlyCounts(102, areas, np.ones((len(areas), 2), np.int32), np.ones((len(areas), 2), np.int32),
                        np.ones(2, np.int32), 7)
    both = live.combined(history)
    assert (both.first_slot, both.slots, both.last_gseq) == (100, 4, 7)
    assert both.valid[0].tolist() == [1, 1, 2, 1]
    assert both.non_police[0].tolist() == [0, 0, 1, 1]
    assert both.calls.tolist() == [2, 2, 3, 1]


def test_an_unknown_area_is_a_key_error_that_names_it(store: EventStore, city: City) -> None:
    with pytest.raises(KeyError, match="S-nowhere"):
        read_counts(store, city).row(Area(AreaKind.STATION, "S-nowhere"))


# --- the cache ---------------------------------------------------------------------------------------


class Spy:
    """Wraps a store's ``read_kinds`` to note where each read starts."""

    def __init__(self, store: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.starts: list[int] = []
        real = store.read_kinds

        def read_kinds(kinds: Any, after_gseq: int = 0, **options: Any) -> Any:
            self.starts.append(after_gseq)
            return real(kinds, after_gseq, **options)

        monkeypatch.setattr(store, "read_kinds", read_kinds)


def _same(one: HourlyCounts, other: HourlyCounts) -> bool:
    return (one.first_slot == other.first_slot and one.last_gseq == other.last_gseq
            and np.array_equal(one.valid, other.valid) and np.array_equal(one.non_police, other.non_police)
            and np.array_equal(one.calls, other.calls))


def test_the_cache_reads_only_the_events_added_since_and_counts_as_a_full_read_would(
        store: EventStore, city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    station, _area, _district = _station(city, 3)
    desk = Desk(store)
    desk.incident("J1", "2026-11-02T09:10", station)
    desk.incident("J2", "2026-11-02T09:20", station)
    spy = Spy(store, monkeypatch)
    CountCache(tmp_path / "cache", "sqlite:///live", city).update(store)
    read_up_to = store.last_gseq()
    desk.reclassify("J1", "2026-11-02T12:00", Category.NON_POLICE)  # still moves a counted incident
    desk.incident("J3", "2026-11-02T13:10", station)
    updated = CountCache(tmp_path / "cache", "sqlite:///live", city).update(store)  # a new process: the file
    assert spy.starts == [0, read_up_to]
    assert _same(updated, read_counts(store, city))


def test_the_cache_counts_another_log_at_the_same_address_afresh(
        city: City, tmp_path: Path) -> None:
    station, area, _district = _station(city, 3)
    cache = CountCache(tmp_path / "cache", "sqlite:///history", city)
    with EventStore.open(f"sqlite:///{tmp_path / 'a.sqlite3'}") as first:
        for n in range(3):
            Desk(first).incident(f"J{n}", f"2026-11-02T09:1{n}", station)
        assert int(cache.update(first).series(area).sum()) == 3
    with EventStore.open(f"sqlite:///{tmp_path / 'b.sqlite3'}") as second:  # regenerated: longer, other events
        for n in range(5):
            Desk(second, "ws-02").incident(f"K{n}", f"2026-11-05T09:1{n}", station)
        recounted = cache.update(second)
    assert int(recounted.series(area).sum()) == 5
    assert recounted.first_slot == _ms("2026-11-05T09:00") // SLOT_MS


def test_the_cache_counts_a_rewritten_log_afresh_even_where_the_event_it_read_up_to_is_the_same(
        city: City, tmp_path: Path) -> None:
    station, area, _district = _station(city, 3)
    cache = CountCache(tmp_path / "cache", "sqlite:///history", city)
    with EventStore.open(f"sqlite:///{tmp_path / 'a.sqlite3'}") as first:
        Desk(first).incident("J1", "2026-11-02T09:10", station)
        Desk(first).incident("J2", "2026-11-02T09:20", station)
        cache.update(first)
        kept = [event for _gseq, event in first.read()]
    with EventStore.open(f"sqlite:///{tmp_path / 'b.sqlite3'}") as second:  # its second event is the same
        Desk(second, "phone").call("C1", "2026-11-05T09:00")
        second.append([kept[1]])
        Desk(second, "ws-02").incident("K2", "2026-11-05T09:30", station)
        recounted = cache.update(second)
    assert int(recounted.series(area).sum()) == 2  # J2 and K2: J1 was never in this log
    assert int(recounted.calls.sum()) == 1


def test_a_cancelled_count_raises_and_leaves_the_cache_as_it_was(
        store: EventStore, city: City, tmp_path: Path) -> None:
    station, _area, _district = _station(city, 3)
    desk = Desk(store)
    desk.incident("J1", "2026-11-02T09:10", station)
    cache = CountCache(tmp_path / "cache", "sqlite:///live", city)
    cache.update(store)
    before = cache.path.read_bytes()
    store.append([ev.envelope("bulk", n, ev.CallOffered(call=f"C{n}"), _ms("2026-11-02T10:00"),
                              t_hub=_ms("2026-11-02T10:00")) for n in range(1, 20_001)])
    with pytest.raises(CountingCancelled):
        cache.update(store, cancelled=lambda: True)
    assert cache.path.read_bytes() == before
    assert int(cache.update(store).calls.sum()) == 20_000


def test_the_store_reads_the_kinds_asked_for_from_a_time_on(store: EventStore, city: City) -> None:
    station, _area, _district = _station(city, 3)
    desk = Desk(store)
    desk.call("C1", "2026-11-02T08:00")
    desk.incident("J1", "2026-11-02T09:00", station)
    desk.call("C2", "2026-11-02T10:00")
    desk.call("C3", "2026-11-02T10:05", Mode.DRILL)
    calls = [event.body for _gseq, event in store.read_kinds(["call_offered"], mode=Mode.LIVE,
                                                              from_time_ms=_ms("2026-11-02T09:30"))]
    assert calls == [ev.CallOffered(call="C2")]
    with pytest.raises(ValueError, match="unknown event kinds incident_opened"):
        list(store.read_kinds(["incident_opened"]))
