"""Runs of alert hours: consecutive hours an area stood at yellow or red, what a commander counts as one alert.

Numpy only, so the desk's GUI thread may use it without importing the statistics.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

YELLOW_RANK = 2  # colour ranks: 0 green, 1 blue, 2 yellow, 3 red (levels.RANKED); −1 no colour


@dataclass(frozen=True)
class AlertRun:
    first: int  # the index of its first hour
    hours: int
    worst: int  # its highest rank: 2 yellow, 3 red


def alert_runs(ranks: np.ndarray) -> list[AlertRun]:
    """The runs of hours at yellow or red in ``ranks``, in order."""
    ranks = np.asarray(ranks)
    alarm = np.concatenate([[0], (ranks >= YELLOW_RANK).astype(np.int8), [0]])
    edges = np.flatnonzero(np.diff(alarm))
    return [AlertRun(int(a), int(b - a), int(ranks[a:b].max())) for a, b in zip(edges[::2], edges[1::2], strict=True)]
