"""Units patrol where they belong, at believable speeds, reporting evenly spread in time."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest
import shapely

from dispatch_desktop.domain.city import City, plane_xy
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.domain.events import Position
from dispatch_desktop.sim.engine import Engine, Outgoing, SimConfig
from tests.sim.conftest import MINUTE_MS, START_MS


def run(engine: Engine, minutes: float, step_ms: int = 1000) -> list[Outgoing]:
    out: list[Outgoing] = []
    end = START_MS + int(minutes * MINUTE_MS)
    now = START_MS
    while now < end:
        now = min(now + step_ms, end)
        out += engine.step(now)
    return out


def tracks(out: list[Outgoing]) -> dict[str, np.ndarray]:
    """Per unit: rows of (t, lat, lon, heading, speed)."""
    rows: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    for source, body, t in out:
        if isinstance(body, Position):
            rows[source].append((t, body.lat, body.lon, body.heading, body.speed))
    return {unit: np.array(r) for unit, r in rows.items()}


@pytest.fixture(scope="module")
def patrol(city: City) -> tuple[Engine, dict[str, np.ndarray]]:
    engine = Engine(city, SimConfig(units=1100, auto_dispatch=False), start_ms=START_MS)
    return engine, tracks(run(engine, 10))


def test_every_unit_reports_every_five_seconds_with_phases_spread_evenly(
    patrol: tuple[Engine, dict[str, np.ndarray]],
) -> None:
    engine, by_unit = patrol
    assert len(by_unit) == 1100
    assert {u.kind for u in engine.units} == {UnitKind.PATROL_GROUP}
    phases = []
    for track in by_unit.values():
        assert np.all(np.diff(track[:, 0]) == 5000)
        phases.append(track[0, 0] - START_MS)
    per_second = np.bincount((np.array(phases) // 1000).astype(int), minlength=5)
    assert per_second.min() >= 210 and per_second.max() <= 230  # 1,100 units over 5 s: 220 a second


def test_patrols_stay_inside_their_station_area_or_at_most_their_district(
    city: City, patrol: tuple[Engine, dict[str, np.ndarray]],
) -> None:
    engine, by_unit = patrol
    in_station = 0
    total = 0
    for unit in engine.units:
        track = by_unit[unit.id]
        lat, lon = track[:, 1], track[:, 2]
        station = shapely.contains_xy(city.station(unit.station).shape, lon, lat)
        district = shapely.contains_xy(city.district(unit.district).shape, lon, lat)
        assert np.all(station | district), unit.id
        in_station += int(station.sum())
        total += len(track)
    # Patrol groups pass through an emergency patrol area now and then; most of the time they are home.
    assert in_station / total > 0.85


def test_patrols_move_and_their_reports_agree_with_their_movement(city: City) -> None:
    engine = Engine(city, SimConfig(units=300, auto_dispatch=False, gps_noise_m=0.0), start_ms=START_MS)
    by_unit = tracks(run(engine, 10))
    moving = 0
    checked = 0
    for track in by_unit.values():
        speed = track[:, 4]
        assert np.all((speed == 0) | ((speed >= 8) & (speed <= 14)))
        x, y = plane_xy(track[:, 1], track[:, 2])
        step = np.hypot(np.diff(x), np.diff(y))
        assert np.all(step <= 14 * 5 + 1)  # never faster than a car drives
        moving += int(np.count_nonzero(speed > 0))
        # Between two reports on one straight leg (same speed, same heading), the distance covered
        # is speed x time and its direction is the reported heading.
        heading = track[:, 3]
        same_leg = np.flatnonzero((speed[1:] > 0) & (speed[1:] == speed[:-1]) & (heading[1:] == heading[:-1]))
        for i in same_leg:
            assert abs(step[i] - speed[i + 1] * 5) < 0.5
            bearing = np.degrees(np.arctan2(x[i + 1] - x[i], y[i + 1] - y[i])) % 360
            assert abs((bearing - heading[i + 1] + 180) % 360 - 180) < 0.5
            checked += 1
    assert moving > 0.8 * sum(len(t) for t in by_unit.values())
    assert checked > 10_000


def test_gps_noise_is_small(city: City) -> None:
    noisy = tracks(run(Engine(city, SimConfig(units=50, auto_dispatch=False), start_ms=START_MS), 5))
    clean = tracks(run(Engine(city, SimConfig(units=50, auto_dispatch=False, gps_noise_m=0.0),
                           start_ms=START_MS), 5))
    errors = []
    for unit, track in noisy.items():
        x1, y1 = plane_xy(track[:, 1], track[:, 2])
        x0, y0 = plane_xy(clean[unit][:, 1], clean[unit][:, 2])
        errors.append(np.hypot(x1 - x0, y1 - y0))
    error = np.concatenate(errors)
    assert 2.0 < float(np.median(error)) < 8.0
    assert float(error.max()) <= 12.5


def test_the_output_does_not_depend_on_how_time_is_sliced(city: City) -> None:
    config = SimConfig(units=200, auto_dispatch=False)
    even = run(Engine(city, config, start_ms=START_MS), 10, step_ms=1000)
    engine = Engine(city, config, start_ms=START_MS)
    ragged: list[Outgoing] = []
    rng = np.random.default_rng(1)
    now = START_MS
    while now < START_MS + 10 * MINUTE_MS:
        now = min(now + int(rng.integers(1, 30_000)), START_MS + 10 * MINUTE_MS)
        ragged += engine.step(now)
    assert even == ragged
    assert any(o.body.kind == "call_offered" for o in even)  # calls ring (answering needs the hub's word)


def test_eleven_thousand_officers_walk_their_beats(city: City) -> None:
    engine = Engine(city, SimConfig(units=11_000, auto_dispatch=False), start_ms=START_MS)
    assert len(engine.units) == len({u.id for u in engine.units}) == 11_000
    assert {u.kind for u in engine.units} == {UnitKind.OFFICER}
    groups = {u.id.rsplit(".", 1)[0] for u in engine.units}
    assert len(groups) == 1100  # every patrol group split into its ten officers
    assert len(engine.registrations()) == 11_000
    by_unit = tracks(run(engine, 1))
    assert len(by_unit) == 11_000
    speeds = np.concatenate([t[:, 4] for t in by_unit.values()])
    assert np.all((speeds == 0) | ((speeds >= 1.2) & (speeds <= 1.6)))
    for unit in engine.units[::50]:
        track = by_unit[unit.id]
        assert np.all(shapely.contains_xy(city.station(unit.station).shape, track[:, 2], track[:, 1]))


def test_fewer_units_than_the_roster_cover_every_station(city: City) -> None:
    engine = Engine(city, SimConfig(units=255, auto_dispatch=False), start_ms=START_MS)
    assert {u.station for u in engine.units} == {s.id for s in city.stations}
    everyone = Engine(city, SimConfig(units=len(city.units), auto_dispatch=False), start_ms=START_MS)
    assert {u.id for u in everyone.units} == {u.id for u in city.units}
    with pytest.raises(ValueError, match="negative"):
        SimConfig(units=-1)
