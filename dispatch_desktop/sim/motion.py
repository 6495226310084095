"""Where every simulated unit is, as a function of time, in flat arrays.

Each unit is always on one straight *leg*: from (x0, y0) at t0 to (x1, y1) at t1, on the city's local
plane in metres, times in seconds since the fleet's epoch. A patrolling unit's legs follow its loop and
are advanced lazily when it is asked where it is; a unit sent somewhere holds still at the end of its
leg until told otherwise. Positions for thousands of units are then a few vectorised numpy operations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dispatch_desktop.sim.randomness import stream_key, uniform

_HOLD_S = 1e12  # a leg that never ends: standing still
_MIN_LEG_S = 1.0
_SALT_SPEED = 1
_SALT_NOISE = 2
_NOISE_MASK = (1 << 16) - 1  # table size - 1: a unit's errors repeat after 65,536 reports (91 h at 5 s)


@dataclass(frozen=True)
class Fix:
    """Positions of some units at some times (arrays aligned with the query)."""

    x: np.ndarray
    y: np.ndarray
    heading: np.ndarray  # degrees clockwise from north, [0, 360)
    speed: np.ndarray  # m/s


class Fleet:
    def __init__(
        self,
        loops: list[np.ndarray],
        speed_range: np.ndarray,
        *,
        seed: int,
        rng: np.random.Generator,
        gps_noise_m: float = 4.0,
    ) -> None:
        """``loops``: an (m, 2) array of waypoints per unit; ``speed_range``: (n, 2) lowest and highest
        speed in m/s per unit. Units start somewhere along their loop, drawn from ``rng``."""
        n = len(loops)
        self.loops = loops
        self.speed_range = np.asarray(speed_range, dtype=np.float64)
        self.gps_noise_m = gps_noise_m
        self._speed_key = stream_key(seed, _SALT_SPEED)
        # GPS noise: a fixed table of Gaussian errors (clipped at three sigmas: a fix never strays far)
        # that each unit walks through from its own offset. Far cheaper than drawing per report, and a
        # unit's n-th error still depends on nothing but the seed and n.
        noise_rng = np.random.default_rng([seed, _SALT_NOISE])
        noise = noise_rng.normal(0.0, gps_noise_m, (_NOISE_MASK + 1, 2))
        length = np.hypot(noise[:, 0], noise[:, 1])
        self._noise = noise * np.minimum(1.0, 3.0 * gps_noise_m / np.maximum(length, 1e-12))[:, None]
        self._noise_offset = noise_rng.integers(0, _NOISE_MASK + 1, n)
        self.x0 = np.empty(n)
        self.y0 = np.empty(n)
        self.x1 = np.empty(n)
        self.y1 = np.empty(n)
        self.t0 = np.empty(n)
        self.t1 = np.empty(n)
        self.heading = np.zeros(n)
        self.leg_speed = np.zeros(n)
        self.follow = np.ones(n, dtype=bool)  # patrolling: the next leg follows the loop
        self.target = np.zeros(n, dtype=np.int64)  # loop index the current patrol leg heads to
        self.legs = np.zeros(n, dtype=np.int64)  # legs started so far, the counter for speed draws
        self.reports = np.zeros(n, dtype=np.int64)  # reports made so far, the counter for noise draws
        start = rng.random(n)
        for i, loop in enumerate(loops):
            k = int(start[i] * len(loop)) % len(loop)
            self.x1[i], self.y1[i] = loop[k]
            self.t1[i] = 0.0
            self.target[i] = k
            self._next_patrol_leg(i)
        # Shift every first leg back by a random share, so the fleet starts spread along its loops.
        share = rng.random(n) * (self.t1 - self.t0)
        self.t0 -= share
        self.t1 -= share

    def __len__(self) -> int:
        return len(self.loops)

    # --- reading positions ------------------------------------------------------------------------

    def at(self, units: np.ndarray, t: np.ndarray) -> Fix:
        """True positions of ``units`` at times ``t`` (seconds). Per unit, times must not go back."""
        self._catch_up(units, t)
        t0 = self.t0[units]
        duration = self.t1[units] - t0
        share = ((t - t0) / duration).clip(0.0, 1.0)
        x0 = self.x0[units]
        y0 = self.y0[units]
        x = x0 + share * (self.x1[units] - x0)
        y = y0 + share * (self.y1[units] - y0)
        speed = np.where(share < 1.0, self.leg_speed[units], 0.0)
        return Fix(x=x, y=y, heading=self.heading[units], speed=speed)

    def reported(self, units: np.ndarray, t: np.ndarray) -> Fix:
        """Positions as a handset reports them: the true ones plus GPS noise (the unit's next draw)."""
        fix = self.at(units, t)
        counters = self.reports[units]
        self.reports[units] = counters + 1
        if self.gps_noise_m <= 0.0:
            return fix
        draw = (counters + self._noise_offset[units]) & _NOISE_MASK
        return Fix(x=fix.x + self._noise[draw, 0], y=fix.y + self._noise[draw, 1], heading=fix.heading,
                   speed=fix.speed)

    def where(self, unit: int, t: float) -> tuple[float, float]:
        fix = self.at(np.array([unit]), np.array([t]))
        return float(fix.x[0]), float(fix.y[0])

    def moving(self, unit: int) -> bool:
        return bool(self.leg_speed[unit] > 0.0)

    # --- giving directions ------------------------------------------------------------------------

    def go_to(self, unit: int, t: float, x: float, y: float, *, detour: float = 1.0) -> float:
        """Leave the current position at ``t`` for (x, y) and hold there; returns the arrival time.
        ``detour`` stretches the travel time for roads that are not straight."""
        here_x, here_y = self.where(unit, t)
        self.follow[unit] = False
        return self._leg(unit, t, here_x, here_y, x, y, detour)

    def hold(self, unit: int, t: float, at: tuple[float, float] | None = None) -> None:
        """Stand still from ``t`` on: where the unit is, or at ``at`` (taking up a known position)."""
        x, y = self.where(unit, t) if at is None else at
        self.follow[unit] = False
        self.x0[unit] = self.x1[unit] = x
        self.y0[unit] = self.y1[unit] = y
        self.t0[unit] = t
        self.t1[unit] = t + _HOLD_S
        self.leg_speed[unit] = 0.0

    def resume_patrol(self, unit: int, t: float, *, detour: float = 1.0) -> float:
        """Drive back to the nearest waypoint of the unit's loop and carry on patrolling from there;
        returns when it rejoins the loop."""
        here_x, here_y = self.where(unit, t)
        loop = self.loops[unit]
        k = int(np.argmin(np.hypot(loop[:, 0] - here_x, loop[:, 1] - here_y)))
        self.target[unit] = k
        self.follow[unit] = True
        return self._leg(unit, t, here_x, here_y, float(loop[k, 0]), float(loop[k, 1]), detour)

    # --- internals --------------------------------------------------------------------------------

    def _leg(self, unit: int, t: float, x0: float, y0: float, x1: float, y1: float, detour: float) -> float:
        dx, dy = x1 - x0, y1 - y0
        distance = math.hypot(dx, dy)
        speed = self._draw_speed(unit)
        self.x0[unit], self.y0[unit], self.x1[unit], self.y1[unit] = x0, y0, x1, y1
        self.t0[unit] = t
        self.t1[unit] = t + max(distance * detour / speed, _MIN_LEG_S)
        if distance > 0.0:
            # The second % turns the 360.0 that a tiny negative angle rounds to into 0.0: [0, 360) on the wire.
            self.heading[unit] = math.degrees(math.atan2(dx, dy)) % 360.0 % 360.0
        self.leg_speed[unit] = speed
        return float(self.t1[unit])

    def _draw_speed(self, unit: int) -> float:
        lo, hi = self.speed_range[unit]
        counter = int(self.legs[unit])
        self.legs[unit] = counter + 1
        return float(lo + (hi - lo) * uniform(self._speed_key, unit, counter))

    def _next_patrol_leg(self, unit: int) -> None:
        loop = self.loops[unit]
        here = int(self.target[unit])
        there = (here + 1) % len(loop)
        self.target[unit] = there
        self._leg(unit, float(self.t1[unit]), float(loop[here, 0]), float(loop[here, 1]),
                  float(loop[there, 0]), float(loop[there, 1]), 1.0)

    def _catch_up(self, units: np.ndarray, t: np.ndarray) -> None:
        """Start the patrol legs that began before ``t`` (rarely more than one per unit)."""
        behind = self.follow[units] & (t >= self.t1[units])
        for j in np.flatnonzero(behind):
            unit = int(units[j])
            while self.t1[unit] <= t[j]:
                self._next_patrol_leg(unit)
