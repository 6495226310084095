"""The most any reading of the three-hour count can catch of the generator's surges at a given false-alarm rate.

``bench/analytics.py`` measures the levels and an oracle on surges injected into a generated year. This asks
what no run can show: could some other threshold do better? It computes, from the generator's own truth
and without drawing a single incident, the share of its surges that the best possible threshold test
catches at ``F`` false alarms a day:

- **what the test knows**: everything the generator knows but the day's own factor: each district's true
  surge-free mean per hour (``history.expected_rate``, an ordinary week of the bench year: 2026-05-11 to
  2026-05-17) and the day factor's dispersion (``history.DISPERSION_SHAPE``), updated by the day so far as
  the levels update it (the day's hours before the window, at their expected count);
- **what it reads**: the count of the surge's three hours, read once the third hour is over (slot ``s + 2``,
  the last reading the goal allows). For a surge of known start and length that count is the likelihood-ratio
  statistic: no test of the three slots does better at that reading. The windows of one and two hours
  read earlier cost false alarms of their own (the oracle's equal thresholds over the 1, 2 and 3 h windows
  catch less than the three-hour window alone: see docs/ANALYTICS.md, "The goals");
- **its thresholds**: either one tail probability for every district and hour (as the levels use), or the
  best allocation of the false alarms between the 11 districts × 168 hours of the week, chosen knowing
  where and when the generator puts its surges (district by population, hour by the day curve): a Lagrange
  multiplier on the false alarms, each district-hour at its best threshold for it;
- **the surges**: as ``history_anomalies`` draws them: factor uniform in ``SURGE_FACTOR``, three hours.

Counted as the bench counts: a false alarm is a district-hour reading over the threshold with no surge.
Run: ``.venv/bin/python bench/analytics_ceiling.py`` (about a minute).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from dispatch_desktop.analytics.counts import Area, AreaKind
from dispatch_desktop.analytics.history import DISPERSION_SHAPE, expected_rate
from dispatch_desktop.analytics.history_anomalies import SURGE_FACTOR, SURGE_HOURS
from dispatch_desktop.analytics.history_calendar import DAY_CURVE, local_midnight_slot
from dispatch_desktop.analytics.normal import upper_tail
from dispatch_desktop.city import generate_city

WEEK_START = date(2026, 5, 11)  # a Monday of an ordinary week of the bench year (after the May Day holidays)
FACTORS = np.linspace(*SURGE_FACTOR, 51)
SIZES = ((1.3, 1.4), (1.4, 1.6), (1.6, 1.8))


@dataclass(frozen=True)
class Cell:
    """One district and hour of the week: how often a surge starts there, and each threshold's trade-off."""

    weight: float  # the share of the generator's surges that start here
    false_alarm: np.ndarray  # by threshold: P(reading over it | no surge)
    caught: np.ndarray  # by factor × threshold: P(reading over it | a surge of that factor)

    @property
    def mean_caught(self) -> np.ndarray:
        """By threshold, over the factors (uniform)."""
        return np.asarray(self.caught.mean(axis=0))


def cells(dispersion: float) -> list[Cell]:
    city = generate_city()
    population = np.array([d.population for d in city.districts], dtype=np.float64)
    district_weight = population / population.sum()
    hour_weight = DAY_CURVE / DAY_CURVE.sum()
    first = local_midnight_slot(WEEK_START)
    last = local_midnight_slot(WEEK_START + timedelta(days=7)) + 24  # the windows of Sunday night run on
    out: list[Cell] = []
    for district, d_weight in zip(city.districts, district_weight, strict=True):
        area = Area(AreaKind.DISTRICT, district.adcode)
        mean = np.array([expected_rate(city, area, slot) for slot in range(first, last)])
        for start in range(7 * 24):
            hour = start % 24
            within = start + min(SURGE_HOURS, 24 - hour)  # the window's hours in the day it starts in
            out.append(_cell(float(d_weight * hour_weight[hour] / 7), day_so_far=float(mean[start - hour:start].sum()),
                             in_day=float(mean[start:within].sum()),
                             after=float(mean[within:start + SURGE_HOURS].sum()), dispersion=dispersion))
    return out


def _cell(weight: float, *, day_so_far: float, in_day: float, after: float, dispersion: float) -> Cell:
    """A window of ``in_day`` expected incidents in the day it starts in (whose earlier hours held
    ``day_so_far``) and ``after`` in the next."""
    # The day factor given the day so far: its variance shrinks as the day's hours come in. The hours after
    # midnight have a new day's factor, unconditioned.
    day_variance = 1.0 / (1.0 / dispersion + day_so_far) if dispersion > 0 else 0.0
    total = in_day + after

    def variance(factor: float) -> float:
        return factor * total + day_variance * (factor * in_day) ** 2 + dispersion * (factor * after) ** 2

    null_variance = variance(1.0)
    # Every count from the mean to far in the tail: an alarm when the window holds more than it.
    thresholds = np.arange(int(total), int(total + 12 * np.sqrt(null_variance)) + 2)

    def over(factor: float) -> np.ndarray:
        return upper_tail(thresholds + 1, np.full(thresholds.shape, factor * total),
                          np.full(thresholds.shape, variance(factor)))

    return Cell(weight, over(1.0), np.array([over(f) for f in FACTORS]))


@dataclass(frozen=True)
class Reading:
    false_alarms_per_day: float
    caught: float  # share of all surges
    caught_by_size: tuple[float, ...]  # within SIZES


def _false_alarms_per_day(chosen: Sequence[tuple[Cell, int]]) -> float:
    return sum(float(c.false_alarm[i]) for c, i in chosen) / 7  # readings over a week → a day


def _read(chosen: Sequence[tuple[Cell, int]]) -> Reading:
    weights = np.array([c.weight for c, _ in chosen])
    by_factor = np.column_stack([c.caught[:, i] for c, i in chosen]) @ weights / weights.sum()
    sizes = tuple(float(by_factor[(lo <= FACTORS) & (hi >= FACTORS)].mean()) for lo, hi in SIZES)
    return Reading(_false_alarms_per_day(chosen), float(by_factor.mean()), sizes)


def _settle(choose: Callable[[float], list[tuple[Cell, int]]], low: float, high: float, per_day: float,
            *, rising: bool) -> Reading:
    """Bisects ``choose``'s parameter (on a log scale) to the most false alarms up to ``per_day``; ``rising``:
    false alarms rise with the parameter."""
    for _ in range(60):
        middle = float(np.sqrt(low * high))
        over = _false_alarms_per_day(choose(middle)) > per_day
        if over == rising:
            high = middle
        else:
            low = middle
    return _read(choose(low if rising else high))


def one_threshold(all_cells: Sequence[Cell], per_day: float) -> Reading:
    """One tail probability for every district-hour, set to give ``per_day`` false alarms: each cell's
    threshold the lowest count whose tail is at most that probability."""
    def choose(nominal: float) -> list[tuple[Cell, int]]:
        return [(c, int(np.argmax(c.false_alarm <= nominal))) for c in all_cells]

    return _settle(choose, 1e-9, 0.5, per_day, rising=True)


def best_allocation(all_cells: Sequence[Cell], per_day: float) -> Reading:
    """Each district-hour's threshold chosen to catch the most surges for the false alarms it costs, at a
    price per false alarm (a Lagrange multiplier) that spends ``per_day``."""
    def choose(price: float) -> list[tuple[Cell, int]]:
        return [(c, int(np.argmax(c.weight * c.mean_caught - price * c.false_alarm / 7))) for c in all_cells]

    return _settle(choose, 1e-6, 1e6, per_day, rising=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-day", type=float, nargs="+", default=[0.5, 0.71, 1.0, 2.0, 3.0],
                        help="false alarms a day to read the ceiling at")
    args = parser.parse_args(argv)
    sizes = "   ".join(f"+{round((lo - 1) * 100)}..{round((hi - 1) * 100)} %" for lo, hi in SIZES)
    for label, dispersion in (("the generator's day factor (10 %), the day so far known", 1.0 / DISPERSION_SHAPE),
                              ("no day factor: Poisson counts", 0.0)):
        every = cells(dispersion)
        print(f"{label}:\n  false alarms/day   one threshold   best allocation   (best, by size: {sizes})")
        for per_day in args.per_day:
            one, best = one_threshold(every, per_day), best_allocation(every, per_day)
            by_size = "   ".join(f"{share:8.1%}" for share in best.caught_by_size)
            print(f"  {per_day:16.2f}   {one.caught:13.1%}   {best.caught:15.1%}   {by_size}"
                  f"   (at {one.false_alarms_per_day:.2f} / {best.false_alarms_per_day:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
