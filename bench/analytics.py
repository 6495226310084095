"""The alert levels on a generated year: false alarms, surges caught, fitting time, against EARS C2 and an oracle.

    .venv/bin/python bench/analytics.py [--db bench/out/year.sqlite3] [--weeks N] [--sweep] [--injected N]

The year is written by ``dispatch-desktop db generate --incidents-only --days 365 --start 2025-12-07 --db
sqlite:///bench/out/year.sqlite3`` with its ground
truth beside it (``<file>.truth.json``). The bench reads the hourly counts once (``counts.CountCache`` under
bench/out, so a second run reads only what the log gained), then walks the year as the desk would
(``analytics.walk``, which ``dispatch-desktop analytics levels --from --to`` uses too): every
``refit_days`` (14) it fits the normal values on the trailing ``training_weeks`` (8) up to the slot before,
and reads the level of every area at every hour slot until the next refit, with ``levels.window_tails`` and
``levels.colours`` (the code the desk runs). EARS C2 runs on the same district series in the same run.

Definitions (docs/ANALYTICS.md, "The bench", says why):
- a **quiet** district-slot: no injected anomaly (surge, event, outbreak) in the district or any of its
  station areas overlaps the slot or the 24 slots of its longest window; a **false alarm** is a quiet
  district-slot at yellow or red (for C2: flagged); **false alarms per day** = false alarms ÷ (quiet
  district-slots ÷ 24 ÷ districts), i.e. per citywide day of quiet time;
- a surge is **caught** when its district is at yellow or red (C2: flagged) at one of the slots ``s``, ``s+1``,
  ``s+2`` (``s`` the surge's first slot; the level at slot t reads the counts up to the end of t, so ``s+2`` is
  the first level that sees all three surge hours).
EARS C2 is also read with its threshold raised to the levels' false alarms, to compare at one trade-off point,
and so is the oracle (``analytics_oracle.py``: the same windows read with the generator's own true mean, the
most any level could catch).
The year's own ~60 surges leave the share caught uncertain by ±8 points (the interval is printed), so the bench
also adds 3,000 surges of its own to the year, drawn as the generator draws them, and reads each with the same
models (``analytics_injected.py``, ``--injected N``): the share of those caught is the figure to hold against
the goal.
Fitting time: each refit of all areas (11 districts + 255 station areas), median and worst, next to the raw
baseline: one ``numpy.linalg.lstsq`` per area of the same design size, what any regression must at least do.
Then the station areas: their outbreaks and large events caught while they last, and how often they are
yellow or red over their quiet periods (the map's station layer). ``--sweep`` adds the trade-off over other
thresholds. Takes about a minute and a half on the year. No assertions: it prints tables.
"""

from __future__ import annotations

import os

# OpenBLAS's threads spin for work: on a shared 2-core machine they turn a 0.3 s fit into 10 s; the desk's
# fitting process should set it too (docs/ANALYTICS.md, "Fitting time"). Set before numpy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from statsmodels.stats.proportion import proportion_confint

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analytics_injected import Injected, inject_surges  # noqa: E402  (beside this file)
from analytics_oracle import oracle_statistic  # noqa: E402

from dispatch_desktop.analytics.alerts import YELLOW_RANK  # noqa: E402
from dispatch_desktop.analytics.config import AnalyticsConfig, load_config  # noqa: E402
from dispatch_desktop.analytics.counts import SLOT_MS, Area, AreaKind, HourlyCounts  # noqa: E402
from dispatch_desktop.analytics.ears import ears_c2  # noqa: E402
from dispatch_desktop.analytics.fit_design import Design, design_matrix  # noqa: E402
from dispatch_desktop.analytics.history import Anomaly, GroundTruth  # noqa: E402
from dispatch_desktop.analytics.levels import WindowTails, colours  # noqa: E402
from dispatch_desktop.analytics.walk import Walk, WalkProgress, walk  # noqa: E402
from dispatch_desktop.city import generate_city  # noqa: E402

WEEK = 168


def walk_year(counts: HourlyCounts, config: AnalyticsConfig, weeks: int | None) -> Walk:
    first_at = counts.first_slot + config.training_weeks * WEEK
    last_at = counts.first_slot + counts.slots - 1
    if weeks is not None:
        last_at = min(last_at, first_at + weeks * WEEK - 1)
    if last_at < first_at:
        raise SystemExit(f"the log holds {counts.slots // 24} days: the walk needs more than the "
                         f"{config.training_weeks} training weeks")

    def refitted(done: WalkProgress) -> None:
        print(f"  refit {done.refits}: {done.last_fit_s:.2f} s", file=sys.stderr, flush=True)

    return walk(counts, config, first_at, last_at, progress=refitted)


def district_of(area: Area) -> str:
    return area.id if area.kind is AreaKind.DISTRICT else area.id.split("-")[1]


def quiet_mask(area: Area, anomalies: Sequence[Anomaly], first_at: int, slots: int, reach: int) -> np.ndarray:
    """True at each evaluated slot of the area that no anomaly comes near: for a district, none of it or of
    its stations; for a station area, none of it or of its district."""
    quiet = np.ones(slots, dtype=bool)
    for anomaly in anomalies:
        if area.kind is AreaKind.DISTRICT and district_of(anomaly.area) != area.id:
            continue
        if area.kind is AreaKind.STATION and anomaly.area not in (area, Area(AreaKind.DISTRICT, district_of(area))):
            continue
        start, end = anomaly.start_ms // SLOT_MS, -(-anomaly.end_ms // SLOT_MS)
        # slot t sees the anomaly when [t - reach + 1, t] meets [start, end)
        quiet[max(start - first_at, 0):max(min(end + reach - 1 - first_at, slots), 0)] = False
    return quiet


@dataclass(frozen=True)
class Figures:
    false_alarms_per_day: float
    caught: int
    surges: int

    @property
    def percent(self) -> str:
        return f"{self.caught / self.surges:.1%}" if self.surges else "—"  # 52 of 58 is 89.7 %, not "90 %"


def figures(alarm: dict[Area, np.ndarray], quiet: dict[Area, np.ndarray], surges: Sequence[Anomaly],
            first_at: int) -> Figures:
    false_alarms = sum(int((alarm[d] & quiet[d]).sum()) for d in alarm)
    quiet_days = sum(int(q.sum()) for q in quiet.values()) / 24 / max(len(quiet), 1)
    caught = 0
    for surge in surges:
        start = surge.start_ms // SLOT_MS - first_at
        caught += bool(alarm[surge.area][start:start + 3].any())
    return Figures(false_alarms / quiet_days if quiet_days else float("nan"), caught, len(surges))


def level_alarms(joined: dict[int, WindowTails], config: AnalyticsConfig) -> np.ndarray:
    rank, _window = colours(joined, config)
    return rank >= YELLOW_RANK


def raw_baseline(counts: HourlyCounts, config: AnalyticsConfig) -> float:
    """One lstsq per fit of the design sizes the fit uses: the city WEEK, the districts POOLED, the stations
    BORROWED."""
    slots = np.arange(counts.first_slot, counts.first_slot + config.training_weeks * WEEK)
    designs = {kind: design_matrix(kind, slots, int(slots.mean()), config.holidays)
               for kind in (Design.WEEK, Design.POOLED, Design.BORROWED)}
    y = counts.valid[:, :len(slots)].astype(float)
    began = time.perf_counter()
    np.linalg.lstsq(designs[Design.WEEK], y.sum(0), rcond=None)
    for row, area in enumerate(counts.areas):
        design = Design.POOLED if area.kind is AreaKind.DISTRICT else Design.BORROWED
        np.linalg.lstsq(designs[design], y[row], rcond=None)
    return time.perf_counter() - began


def report(counts: HourlyCounts, truth: GroundTruth, config: AnalyticsConfig, weeks: int | None,
           sweep: bool, injected_n: int = 3000) -> None:
    config = AnalyticsConfig(**{**config.__dict__, "holidays": config.holidays | frozenset(truth.holidays)})
    districts = [area for area in counts.areas if area.kind is AreaKind.DISTRICT]
    result = walk_year(counts, config, weeks)
    last_at = result.first_at + result.slots - 1
    in_walk = [a for a in truth.anomalies if result.first_at <= a.start_ms // SLOT_MS <= last_at - 2]
    surges = [a for a in in_walk if a.kind == "surge" and a.area.kind is AreaKind.DISTRICT]
    small = [a for a in surges if a.factor < 1.4]
    quiet = {d: quiet_mask(d, truth.anomalies, result.first_at, result.slots, max(config.windows_h))
             for d in districts}
    joined = {d: result.joined(d) for d in districts}
    levels = {d: level_alarms(j, config) if j is not None else np.zeros(result.slots, bool) for d, j in joined.items()}
    column = result.first_at - counts.first_slot
    c2_statistic = {d: np.nan_to_num(ears_c2(counts.series(d)).statistic[column:column + result.slots], nan=0.0)
                    for d in districts}
    c2 = {d: statistic > 3.0 for d, statistic in c2_statistic.items()}
    levels_false_alarms = figures(levels, quiet, surges, result.first_at).false_alarms_per_day
    matched = _matched_c2(c2_statistic, quiet, levels_false_alarms)
    city = generate_city()
    oracle = _matched_c2({d: oracle_statistic(counts, truth, city, d, result.first_at, last_at) for d in districts},
                         quiet, levels_false_alarms)
    days = result.slots / 24
    print(f"walked {days:.0f} days from slot {result.first_at} ({len(result.fit_seconds)} refits), "
          f"{len(districts)} districts, {len(counts.areas) - len(districts)} station areas; "
          f"thresholds blue {config.blue_p} yellow {config.yellow_p} red {config.red_p}, scaled "
          f"{dict(config.scale_by_window) or 'nowhere'}, min excess {config.min_excess}, windows {config.windows_h} h")
    names = ("levels (NB GLM)", "EARS C2 (3 sd, as published)", f"EARS C2 at {matched[0]:.1f} sd",
             f"oracle at p < {10 ** -oracle[0]:.1g}")
    print(f"the year's own surges:{'false alarms/day':>24}{'+30..80 % surges caught':>26}{'95 % interval':>15}"
          f"{'+30..40 % caught':>18}")
    for name, alarm in zip(names, (levels, c2, matched[1], oracle[1]), strict=True):
        every, near30 = figures(alarm, quiet, surges, result.first_at), figures(alarm, quiet, small, result.first_at)
        print(f"{name:<28}{every.false_alarms_per_day:>18.2f}{every.caught:>12} of {every.surges:<4} "
              f"{every.percent:>6}{_interval(every.caught, every.surges):>15}{near30.caught:>8} of "
              f"{near30.surges:<3} {near30.percent:>4}")
    injected: list[Injected] = []
    if injected_n:
        injected = inject_surges(counts, truth, city, result.periods, quiet, result.first_at, config.windows_h,
                                 injected_n)
        _injected_table(injected, names, (
            lambda one: bool(level_alarms(one.tails, config).any()), lambda one: bool((one.c2 > 3.0).any()),
            lambda one: bool((one.c2 > matched[0]).any()), lambda one: bool((one.oracle > oracle[0]).any())))
    print("goals: false alarms ≤ 1 a day citywide over quiet periods; ≥ 90 % of +30 % surges caught; the oracle "
          "(bench/analytics_oracle.py) reads the 1, 2, 3 h windows with the generator's own surge-free mean, at "
          "the levels' false alarms: the levels' reading with a perfect normal value (bench/analytics_ceiling.py: "
          "the most any threshold test can catch)")
    _by_window(joined, quiet, config, result.first_at)
    raw = raw_baseline(counts, config)
    print(f"fitting {len(counts.areas)} areas: median {statistics.median(result.fit_seconds):.2f} s, worst "
          f"{max(result.fit_seconds):.2f} s (goal ≤ 10 s); raw baseline, one numpy lstsq per area of the same "
          f"size: {raw:.2f} s")
    _stations(result, truth, counts, config)
    if sweep:
        _sweep(joined, quiet, surges, result.first_at, config, injected)


def _interval(caught: int, total: int) -> str:
    """The share's 95 % (Wilson score) interval."""
    if not total:
        return "—"
    low, high = proportion_confint(caught, total, alpha=0.05, method="wilson")
    return f"{low:.1%}–{high:.1%}"


FACTOR_BANDS = ((1.3, 1.4), (1.4, 1.6), (1.6, 1.8))


def _injected_table(injected: Sequence[Injected], names: Sequence[str],
                    caught_by: Sequence[Callable[[Injected], bool]]) -> None:
    """The share of the injected surges each method catches, by how large they are: the figure to read the
    goal against (the year's own ~60 surges leave it ±8 points)."""
    bands = "".join(f"{f'+{round(low * 100) - 100}..{round(high * 100) - 100} %':>12}" for low, high in FACTOR_BANDS)
    print(f"{len(injected)} surges injected (bench/analytics_injected.py):{'caught':>12}{'95 % interval':>15}{bands}")
    for name, caught in zip(names, caught_by, strict=True):
        hits = [caught(one) for one in injected]
        by_band = "".join(f"{_share(hits, injected, low, high):>12}" for low, high in FACTOR_BANDS)
        print(f"{name:<48}{sum(hits) / len(hits):>12.1%}{_interval(sum(hits), len(hits)):>15}{by_band}")


def _share(hits: Sequence[bool], injected: Sequence[Injected], low: float, high: float) -> str:
    inside = [hit for hit, one in zip(hits, injected, strict=True) if low <= one.factor < high]
    return f"{sum(inside) / len(inside):.1%}" if inside else "—"


def _matched_c2(statistic: dict[Area, np.ndarray], quiet: dict[Area, np.ndarray],
                false_alarms_per_day: float) -> tuple[float, dict[Area, np.ndarray]]:
    """A statistic (C2's, the oracle's) with its threshold raised until its false alarms per day match the
    levels': the same trade-off point, so the surges caught compare like with like."""
    quiet_values = np.concatenate([statistic[d][quiet[d]] for d in statistic])
    quiet_days = len(quiet_values) / 24 / max(len(statistic), 1)
    allowed = max(int(false_alarms_per_day * quiet_days), 1)
    threshold = float(np.sort(quiet_values)[-allowed - 1]) if allowed < len(quiet_values) else 3.0
    return threshold, {d: values > threshold for d, values in statistic.items()}


def _by_window(joined: dict[Area, dict[int, WindowTails] | None], quiet: dict[Area, np.ndarray],
               config: AnalyticsConfig, first_at: int) -> None:
    """Which window decided the false alarms, and in which local months they fell."""
    by_window: dict[int, int] = {}
    by_month: dict[str, int] = {}
    for district, tails in joined.items():
        if tails is None:
            continue
        rank, window = colours(tails, config)
        alarms = np.nonzero((rank >= YELLOW_RANK) & quiet[district])[0]
        for column in alarms:
            by_window[int(window[column])] = by_window.get(int(window[column]), 0) + 1
        for column in alarms:
            month = local_day_text(first_at + int(column))
            by_month[month] = by_month.get(month, 0) + 1
    print("false alarms by the window that decided: " + ", ".join(f"{w} h {n}" for w, n in sorted(by_window.items()))
          + "; by month: " + ", ".join(f"{m} {n}" for m, n in sorted(by_month.items())))


def local_day_text(slot: int) -> str:
    from dispatch_desktop.domain.localtime import local

    return local(slot * SLOT_MS).strftime("%Y-%m")



def _stations(result: Walk, truth: GroundTruth, counts: HourlyCounts, config: AnalyticsConfig) -> None:
    """The station areas' anomalies (outbreaks over days, large events over hours): caught while they last."""
    last_at = result.first_at + result.slots - 1
    for kind in ("outbreak", "event"):
        found = [a for a in truth.anomalies if a.kind == kind and a.area.kind is AreaKind.STATION
                 and result.first_at <= a.start_ms // SLOT_MS <= last_at]
        caught = 0
        for anomaly in found:
            joined = result.joined(anomaly.area)
            if joined is None:
                continue
            start = anomaly.start_ms // SLOT_MS - result.first_at
            end = -(-anomaly.end_ms // SLOT_MS) - result.first_at
            caught += bool(level_alarms(joined, config)[start:end].any())
        if found:
            print(f"station {kind}s caught while they last: {caught} of {len(found)}")
    stations = [area for area in counts.areas if area.kind is AreaKind.STATION]
    alarms = quiet_slots = 0
    for station in stations:
        joined = result.joined(station)
        quiet = quiet_mask(station, truth.anomalies, result.first_at, result.slots, max(config.windows_h))
        quiet_slots += int(quiet.sum())
        if joined is not None:
            alarms += int((level_alarms(joined, config) & quiet).sum())
    per_day = alarms / (quiet_slots / 24 / len(stations)) if quiet_slots else float("nan")
    print(f"station areas at yellow or red over their quiet periods: {per_day:.2f} a day citywide "
          f"({len(stations)} areas; the map's station layer)")


def _sweep(joined: dict[Area, dict[int, WindowTails] | None], quiet: dict[Area, np.ndarray],
           surges: Sequence[Anomaly], first_at: int, config: AnalyticsConfig, injected: Sequence[Injected]) -> None:
    """The trade-off: the same walk's p-values (and the injected surges') read with other yellow thresholds and
    scales of the longest window. False alarms are counted by the hour (the goal's figure) and by the run: a
    district yellow for three quiet hours in a row is one run."""
    longest = max(config.windows_h)
    print(f"{'yellow_p':>10}{f'{longest} h scale':>12}{'false alarms/day':>18}{'runs/day':>10}"
          f"{'year caught':>13}{'injected caught':>17}")
    for yellow in (0.01, 0.005, 0.003, 0.002, 0.0015, 0.001, 0.0005, 0.0003):
        for scale in (1.0, 0.1):
            trial = AnalyticsConfig(**{**config.__dict__, "yellow_p": yellow, "red_p": yellow / 10,
                                       "blue_p": max(yellow * 10, 0.05), "scale_by_window": ((longest, scale),)})
            alarm = {d: level_alarms(j, trial) if j is not None else np.zeros(len(quiet[d]), bool)
                     for d, j in joined.items()}
            result = figures(alarm, quiet, surges, first_at)
            began = {d: a & ~np.concatenate([[False], a[:-1]]) for d, a in alarm.items()}
            runs = figures(began, quiet, (), first_at).false_alarms_per_day
            caught = (f"{np.mean([bool((level_alarms(one.tails, trial)).any()) for one in injected]):.1%}"
                      if injected else "—")
            print(f"{yellow:>10}{scale:>12}{result.false_alarms_per_day:>18.2f}{runs:>10.2f}{result.percent:>13}"
                  f"{caught:>17}")


def read_year(db: str) -> tuple[HourlyCounts, GroundTruth]:
    from dispatch_desktop.analytics.counts_cache import CountCache
    from dispatch_desktop.city import generate_city
    from dispatch_desktop.store import EventStore

    url = db if "://" in db else f"sqlite:///{Path(db).resolve()}"
    truth = GroundTruth.read_beside(url)
    began = time.perf_counter()
    with EventStore.open(url, maintenance=False) as store:
        counts = CountCache(REPO / "bench" / "out" / "analytics-counts", url, generate_city()).update(store)
    print(f"counts of {counts.slots // 24} days read in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return counts, truth


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(REPO / "bench" / "out" / "year.sqlite3"),
                        help="the generated year (a SQLite file or a URL); its truth beside it")
    parser.add_argument("--weeks", type=int, help="walk only this many weeks after the training weeks")
    parser.add_argument("--config", type=Path, help="an analytics.yaml (default: the shipped one)")
    parser.add_argument("--sweep", action="store_true", help="also print the trade-off over other thresholds")
    parser.add_argument("--injected", type=int, default=3000, metavar="N",
                        help="surges to add to the year to read the share caught closely (0: none)")
    args = parser.parse_args(argv)
    counts, truth = read_year(args.db)
    report(counts, truth, load_config(args.config), args.weeks, args.sweep, args.injected)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
