"""Recommendation speed for a full Guangzhou roster (11,000 units): goal < 5 ms a ranking.

Prints the time of ``recommend`` (all statuses mixed, soon-free included, rapid-response rule on) and
of building the ``UnitTable`` from a state, with the ratio to a raw baseline: one vectorised haversine
over the same positions, the least any ranking must do.

    .venv/bin/python bench/bench_recommend.py
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

import immutables

from dispatch_desktop.domain.enums import Category, UnitKind, UnitStatus
from dispatch_desktop.domain.recommend import RecommendConfig, UnitTable, recommend
from dispatch_desktop.domain.state import Incident, State, Unit
from dispatch_desktop.domain.travel import haversine_m

UNITS = 11_000
NOW = 1_763_794_800_000


def roster(rng: random.Random) -> State:
    kinds = [UnitKind.PATROL_GROUP] * 8 + [UnitKind.OFFICER, UnitKind.TRAFFIC, UnitKind.STATION_CAR]
    statuses = [UnitStatus.AVAILABLE] * 6 + [UnitStatus.EN_ROUTE, UnitStatus.UNAVAILABLE, UnitStatus.OFF_DUTY]
    units = {}
    for n in range(UNITS):
        kind = UnitKind.RAPID_RESPONSE if n % 200 == 0 else rng.choice(kinds)
        units[f"U-{n:05d}"] = Unit(
            id=f"U-{n:05d}", kind=kind, station=f"S-{n % 255:03d}", name=f"巡{n}", status=rng.choice(statuses),
            lat=rng.uniform(22.6, 23.9), lon=rng.uniform(113.1, 113.9),
        )
    return State(units=immutables.Map(units), time=NOW)


def best_ms(fn: Callable[[], object], repeat: int = 50) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    state = roster(random.Random(7))
    incident = Incident(id="J-1", call_time=NOW, caller_number="110", lat=23.13, lon=113.32, address="",
                        district="440106", station="S-001", incident_type="knife_attack", priority=1,
                        category=Category.POLICE)
    table = UnitTable.from_state(state)
    config = RecommendConfig(include_soon_free=True)
    rank_min, rank_med = best_ms(lambda: recommend(table, incident, NOW, rapid_response=True, config=config))
    build_min, build_med = best_ms(lambda: UnitTable.from_state(state), repeat=10)
    base_min, _ = best_ms(lambda: haversine_m(table.lat, table.lon, incident.lat, incident.lon))
    print(f"units in table: {len(table)} of {UNITS}")
    for label, low, median in (("recommend", rank_min, rank_med), ("UnitTable build", build_min, build_med)):
        print(f"{label + ':':17} min {low:.2f} ms  median {median:.2f} ms  ({low / base_min:.1f}× baseline)")
    print(f"baseline haversine: {base_min:.3f} ms")


if __name__ == "__main__":
    main()
