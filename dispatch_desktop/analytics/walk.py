"""The levels over a span of hours, as a desk running through it would have read them.

A desk refits the normal values every ``refit_days`` on the ``training_weeks`` before, and reads every area
every hour with the model it has. ``walk`` does the same over a span: from its first hour it fits on the weeks
up to the hour before, reads every area's windows at every hour of the next ``refit_days`` with that model
(``levels.window_tails``, a run of hours at once), fits again, and so on. ``bench/analytics.py`` measures the
levels this way on a generated year, and ``dispatch-desktop analytics levels --from --to`` writes a span's
levels for a supervisor (``level_history``), so both read what the desk shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from dispatch_desktop.analytics.config import AnalyticsConfig
from dispatch_desktop.analytics.counts import Area, HourlyCounts
from dispatch_desktop.analytics.levels import WindowTails, colours, window_tails
from dispatch_desktop.analytics.normal import THIN, NormalModel, fit_normal

__all__ = ["AreaHistory", "Period", "Walk", "WalkProgress", "level_history", "walk"]


@dataclass(frozen=True)
class Period:
    """One refit of the walk: its model is read at the slots ``first`` to ``last``."""

    first: int
    last: int
    model: NormalModel


@dataclass(frozen=True)
class WalkProgress:
    fraction: float  # of the span's hours read
    refits: int  # done so far
    last_fit_s: float  # how long the last refit took
    elapsed_s: float


@dataclass
class Walk:
    """Every area's window figures at every slot of the span, and each refit."""

    first_at: int  # the first slot read
    slots: int
    tails: dict[Area, dict[int, list[WindowTails]]]  # area -> window -> one run of slots per period
    fit_seconds: list[float]
    periods: list[Period]

    def joined(self, area: Area) -> dict[int, WindowTails] | None:
        """The area's windows over the whole span, or None for an area the walk did not read."""
        parts = self.tails.get(area)
        if not parts:
            return None
        return {w: WindowTails(*(np.concatenate([getattr(p, name) for p in pieces])
                                 for name in ("observed", "expected", "p_value"))) for w, pieces in parts.items()}


def walk(counts: HourlyCounts, config: AnalyticsConfig, first_at: int, last_at: int, *,
         areas: Sequence[Area] | None = None, progress: Callable[[WalkProgress], None] | None = None) -> Walk:
    """Reads ``areas`` (default: all of the counts') at every slot from ``first_at`` to ``last_at``, refitting
    every ``config.refit_days``. An area with no colour in a period (too little history, a failed fit with
    no older one) reads observed 0, expected 0, p 1 there: never an alarm; ``Period.model`` says which.
    ``progress`` after each period (the command line stops it with Ctrl-C)."""
    if last_at < first_at:
        raise ValueError(f"the span ends (slot {last_at}) before it begins (slot {first_at})")
    read = list(counts.areas if areas is None else areas)
    result = Walk(first_at, last_at - first_at + 1, {}, [], [])
    began = time.perf_counter()
    model: NormalModel | None = None
    step = config.refit_days * 24
    for refit in range(first_at, last_at + 1, step):
        fit_began = time.perf_counter()
        model = fit_normal(counts, config, until_slot=refit - 1, previous=model)
        result.fit_seconds.append(time.perf_counter() - fit_began)
        end = min(refit + step - 1, last_at)
        result.periods.append(Period(refit, end, model))
        for area in read:
            for w in config.windows_h:
                tails = window_tails(counts, model, area, w, refit, end)
                if tails is None:
                    n = end - refit + 1
                    tails = WindowTails(np.zeros(n, np.int64), np.zeros(n), np.ones(n))
                result.tails.setdefault(area, {}).setdefault(w, []).append(tails)
        if progress is not None:
            progress(WalkProgress((end - first_at + 1) / result.slots, len(result.periods), result.fit_seconds[-1],
                                  time.perf_counter() - began))
    return result


@dataclass(frozen=True)
class AreaHistory:
    """One area's level at each slot of a walk (index i: the hour ending with slot ``first_at + i``)."""

    area: Area
    rank: np.ndarray  # 0 green … 3 red; −1 where the area had no colour (see ``status``)
    status: np.ndarray  # the model's status of the area at each slot: "ok", "thin" or "failed"
    window_h: np.ndarray  # the window that decided
    observed: np.ndarray
    expected: np.ndarray
    p_value: np.ndarray


def level_history(result: Walk, config: AnalyticsConfig, area: Area) -> AreaHistory | None:
    """``area``'s levels over the walk, the worst window deciding as on the desk (``levels.colours``); None for
    an area the walk did not read."""
    tails = result.joined(area)
    if tails is None:
        return None
    rank, decided = colours(tails, config)
    lengths = [p.last - p.first + 1 for p in result.periods]
    status = np.repeat([p.model.status_by_area.get(area, THIN) for p in result.periods], lengths)
    has_colour = np.repeat([_has_colour(p.model, area) for p in result.periods], lengths)
    rows = {w: i for i, w in enumerate(sorted(tails))}
    pick = np.array([rows[int(w)] for w in decided])
    stacked = {name: np.stack([getattr(tails[w], name) for w in sorted(tails)]) for name in
               ("observed", "expected", "p_value")}
    at = np.arange(len(pick))
    return AreaHistory(area, np.where(has_colour, rank, -1), status, np.asarray(decided),
                       stacked["observed"][pick, at], stacked["expected"][pick, at], stacked["p_value"][pick, at])


def _has_colour(model: NormalModel, area: Area) -> bool:
    """As ``levels.level_of`` decides: enough history and a fit (its own, or for a failed one an older one)."""
    return model.status_by_area.get(area, THIN) != THIN and area in model.fits
