"""Replaying the event log (Qt-free): the state at any instant and the instants after it (``engine``),
the units between their fixes (``interpolate``). The replay window (``ui.replay``) drives it."""

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
"""The replay's playback speeds, times real time."""
