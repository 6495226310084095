"""Replaying the event log (Qt-free): the state at any instant and the instants after it (``engine``),
the units between their fixes (``interpolate``). The replay window (``ui.replay``) drives it."""
