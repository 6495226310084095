"""How promptly the GUI thread gets Python's interpreter lock back from the desk's worker threads.

A widget's paint calls back into Python many times (every pyqtgraph item's ``boundingRect`` and ``paint``,
every model's ``data``); between two callbacks the GUI thread runs C++ without the lock, and a worker busy in
Python (the replay's frame builder, the bus client's fold) takes it. Each time, the GUI thread waits up to the
switch interval to get it back: at Python's default 5 ms a paint of the replay's timeline during ×64 playback
waited out dozens of them (stalls of 100-150 ms seen). At 1 ms the replay's seek → painted p90 fell from ~190
to ~140 ms and its ×64 stall p99 from ~48 to ~44 ms (bench/replay.py, same machine and load); the live desk's
stall was unchanged (bench/gui.py: p99 13 ms either way). The hub uses the same interval (bus/limits.py).
"""

from __future__ import annotations

import sys

SWITCH_INTERVAL_S = 0.001


def hand_the_gil_back_promptly() -> None:
    """Set the interpreter's switch interval for a process with a GUI thread (once, at start)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
