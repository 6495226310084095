"""Counter-based random numbers: the n-th draw for unit i is a pure function of (seed, salt, i, n).

Speeds are drawn this way rather than from a shared stream so that what a unit does depends only on the
seed and the time, never on how the caller slices time into steps or on which other units happened to
move in the same step.
"""

from __future__ import annotations

_MASK = 0xFFFFFFFFFFFFFFFF
_GOLDEN, _MUL1, _MUL2 = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB
_TWO_TO_MINUS_53 = 1.0 / (1 << 53)


def _mix(z: int) -> int:
    """splitmix64's finaliser on a Python int."""
    z = (z + _GOLDEN) & _MASK
    z = ((z ^ (z >> 30)) * _MUL1) & _MASK
    z = ((z ^ (z >> 27)) * _MUL2) & _MASK
    return z ^ (z >> 31)


def stream_key(seed: int, salt: int) -> int:
    """A key naming one purpose's stream under one seed."""
    return _mix(_mix(seed & _MASK) ^ salt)


def uniform(key: int, unit: int, counter: int) -> float:
    """One draw in [0, 1) (53-bit)."""
    return (_mix(_mix(key ^ unit) ^ counter) >> 11) * _TWO_TO_MINUS_53
