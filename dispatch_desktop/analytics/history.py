"""A generated year (or any number of days) of valid incidents, for the analytics to learn from.

Only ``incident_created`` events (live, ``simulated``), no calls, positions or closings, straight through
``EventStore.append`` with no keyframes: an archive, not a log to run a desk on (a desk would rebuild
millions of incidents). The rate of each station area and hour is its share of the city's ~10,000 a day
(by the people living there) times the calendar (``history_calendar``: day curve, weekdays, public
holidays, the Spring Festival dip, a slow trend), a day-level gamma effect per district (mild
over-dispersion: real days are not Poisson), and the anomalies (``history_anomalies``: large events,
injected surges and outbreaks). The anomalies are the ground truth (``GroundTruth``), written beside the
log as JSON. The same seed, start and days give the very same log and truth.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import msgspec
import numpy as np

from dispatch_desktop.analytics.counts import SLOT_MS, Area, AreaKind
from dispatch_desktop.analytics.history_anomalies import Anomaly, draw_anomalies
from dispatch_desktop.analytics.history_calendar import (
    check_span,
    day_factors,
    holidays_between,
    local_day,
    local_midnight_slot,
    slot_factor,
    trend,
)
from dispatch_desktop.analytics.history_draw import IncidentDrawer, local_day_text
from dispatch_desktop.domain import events as ev

if TYPE_CHECKING:
    from dispatch_desktop.domain.city import City
    from dispatch_desktop.store import EventStore

__all__ = ["CITY_PER_DAY", "SOURCE", "Anomaly", "GroundTruth", "HistoryProgress", "WritingCancelled",
           "day_effects", "expected_rate", "truth_path", "write_history"]

CITY_PER_DAY = 10_000.0
"""Guangzhou's valid incidents a day (DOMAIN.md)."""
DISPERSION_SHAPE = 100.0
"""Shape of the day-level gamma effect per district (mean 1, coefficient of variation 1/sqrt(shape) = 10 %)."""
SOURCE = "history"
"""The events' source: the generator, not a desk."""
_SALT_DAY = 0x4157


@dataclass(frozen=True)
class GroundTruth:
    seed: int
    start_ms: int
    days: int
    anomalies: tuple[Anomaly, ...]
    holidays: tuple[str, ...]  # local dates "2026-10-01" of public holidays in the span
    scale: float = 1.0  # the rate multiplier the log was written with (expected_rate is at 1.0)

    def to_json(self) -> str:
        return msgspec.json.format(msgspec.json.encode(self).decode())

    @classmethod
    def from_json(cls, text: str) -> GroundTruth:
        return msgspec.json.decode(text, type=cls)

    @classmethod
    def read_beside(cls, db_url: str) -> GroundTruth:
        """The truth written beside the SQLite log at ``db_url`` (``truth_path``)."""
        path = truth_path(db_url)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise FileNotFoundError(f"no ground truth at {path}: it is written there by 'dispatch-desktop db "
                                    "generate --incidents-only'") from None
        try:
            return cls.from_json(text)
        except msgspec.DecodeError as error:
            raise ValueError(f"{path}: not a ground truth of the generated history: {error}") from None


def truth_path(db_url: str) -> Path:
    """``<file>.truth.json`` beside a SQLite log; ValueError for other databases (give a file instead)."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise ValueError(f"{url.render_as_string(hide_password=True)} is not a SQLite file: its ground truth has no "
                         "place beside it; name a file for it (db generate --truth FILE)")
    return Path(url.database + ".truth.json")


class HistoryProgress(NamedTuple):
    fraction: float  # of the days written
    reached_ms: int  # the end of the last day written
    incidents: int  # written so far
    elapsed_s: float


class WritingCancelled(Exception):
    """``cancelled()`` said stop: the whole days before ``truth.days`` are written (``truth`` covers them)."""

    def __init__(self, truth: GroundTruth) -> None:
        super().__init__(f"stopped after {truth.days} days")
        self.truth = truth


# --- the rate ---------------------------------------------------------------------------------------


def _station_shares(city: City) -> np.ndarray:
    population = np.array([max(s.population, 1) for s in city.stations], dtype=np.float64)
    return np.asarray(population / population.sum(), dtype=np.float64)


_SHARES: dict[int, tuple[City, dict[Area, float]]] = {}
"""id(city) -> (the city, each area's share of the city's incidents): expected_rate is asked per slot."""


def _area_share(city: City, area: Area) -> float:
    known = _SHARES.get(id(city))
    if known is None or known[0] is not city:
        shares = _station_shares(city).tolist()
        by_area = {Area(AreaKind.STATION, s.id): share for s, share in zip(city.stations, shares, strict=True)}
        for s, share in zip(city.stations, shares, strict=True):
            district = Area(AreaKind.DISTRICT, s.district)
            by_area[district] = by_area.get(district, 0.0) + share
        known = _SHARES[id(city)] = (city, by_area)
    try:
        return known[1][area]
    except KeyError:
        raise KeyError(f"no {area.kind.value} {area.id!r} (with stations) in the city") from None


def expected_rate(city: City, area: Area, slot: int) -> float:
    """The generator's true mean of valid incidents in ``area`` during ``slot`` at scale 1: everything
    but the anomalies (large events, injected surges) and the day-level random effect, whose mean is 1."""
    return CITY_PER_DAY / 24.0 * _area_share(city, area) * slot_factor(slot)


def day_effects(seed: int, day: date, districts: int) -> np.ndarray:
    """The day-level gamma effect of each district (``City.districts`` order) on the local ``day`` of the
    history written with ``seed``: what ``expected_rate`` leaves out. The bench reads it to add a surge to a
    day of the log as the generator would have drawn it."""
    return _draw_effects(_day_rng(seed, day), districts)


def _day_rng(seed: int, day: date) -> np.random.Generator:
    return np.random.default_rng([seed, _SALT_DAY, day.toordinal()])


def _draw_effects(rng: np.random.Generator, districts: int) -> np.ndarray:
    """The first draw of a day's generator: the log written with a seed stays the same as long as it is."""
    return rng.gamma(DISPERSION_SHAPE, 1.0 / DISPERSION_SHAPE, districts)


def _anomaly_multipliers(city: City, anomalies: tuple[Anomaly, ...], first_slot: int, slots: int) -> np.ndarray:
    """Stations x slots: the product of the factors of the anomalies in force."""
    out = np.ones((len(city.stations), slots))
    station_index = {s.id: i for i, s in enumerate(city.stations)}
    for anomaly in anomalies:
        lo = max(anomaly.start_ms // SLOT_MS - first_slot, 0)
        hi = min(-(-anomaly.end_ms // SLOT_MS) - first_slot, slots)
        if lo >= hi:
            continue
        if anomaly.area.kind is AreaKind.STATION:
            rows = [station_index[anomaly.area.id]]
        else:
            rows = [i for i, s in enumerate(city.stations) if s.district == anomaly.area.id]
        out[rows, lo:hi] *= anomaly.factor
    return out


# --- writing ------------------------------------------------------------------------------------------


def write_history(store: EventStore, city: City, *, start_ms: int, days: int, seed: int, scale: float = 1.0,
                  progress: Callable[[HistoryProgress], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> GroundTruth:
    """Writes ``days`` local days of incidents from the local midnight ``start_ms`` (see the module
    docstring); one transaction a day. ``progress`` after each day; ``cancelled()`` true stops after the
    day being written with ``WritingCancelled`` (whose truth covers the days written)."""
    first_day = local_day(start_ms // SLOT_MS)
    if start_ms != local_midnight_slot(first_day) * SLOT_MS:
        raise ValueError(f"start_ms {start_ms} is not a local midnight: the history is written in whole days")
    if days < 1:
        raise ValueError(f"days must be at least 1, not {days}")
    if not scale > 0:
        raise ValueError(f"scale must be above 0, not {scale}")
    check_span(first_day, first_day + timedelta(days=days - 1))
    anomalies = draw_anomalies(city, seed, first_day, days)

    def truth(days_written: int) -> GroundTruth:
        end = start_ms + days_written * 86_400_000
        return GroundTruth(seed, start_ms, days_written, tuple(a for a in anomalies if a.start_ms < end),
                           holidays_between(first_day, first_day + timedelta(days=days_written - 1)), scale)

    drawer = IncidentDrawer(city, seed)
    shares = _station_shares(city)
    district_of = np.array([[d.adcode for d in city.districts].index(s.district) for s in city.stations])
    seq = store.high_water(SOURCE)
    began, written = time.monotonic(), 0
    carried: list[tuple[int, ev.IncidentCreated]] = []  # entered after the day it was called
    for n in range(days):
        day = first_day + timedelta(days=n)
        first_slot = local_midnight_slot(day)
        rng = _day_rng(seed, day)
        hourly = day_factors(day) * np.array([trend(first_slot + hour) for hour in range(24)])
        mean = (CITY_PER_DAY / 24.0 * scale) * np.outer(shares, hourly)
        effect = _draw_effects(rng, len(city.districts))[district_of]
        rate = mean * effect[:, None] * _anomaly_multipliers(city, anomalies, first_slot, 24)
        drawn = drawer.draw(rng, first_slot, rng.poisson(rate))
        bodies = drawer.bodies(drawn, local_day_text(first_slot * SLOT_MS))
        pending = sorted([*carried, *zip(drawn.entered_ms.tolist(), bodies, strict=True)], key=lambda e: e[0])
        day_end = (first_slot + 24) * SLOT_MS
        now = [item for item in pending if item[0] < day_end] if n < days - 1 else pending
        carried = pending[len(now):]
        seq = _append(store, seq, now)
        written += len(now)
        if progress is not None:
            progress(HistoryProgress((n + 1) / days, day_end, written, time.monotonic() - began))
        if cancelled is not None and cancelled() and n < days - 1:
            _append(store, seq, carried)  # the day's last, entered after midnight: they belong to the days written
            raise WritingCancelled(truth(n + 1))
    return truth(days)



def _append(store: EventStore, seq: int, entered: list[tuple[int, ev.IncidentCreated]]) -> int:
    """Appends the bodies as the desk's events at the times they were entered; returns the last seq."""
    if entered:
        store.append([ev.envelope(SOURCE, seq + i, body, t_ms, t_hub=t_ms)
                      for i, (t_ms, body) in enumerate(entered, 1)])
    return seq + len(entered)
