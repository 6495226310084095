"""What the desk is showing: the live city, a simulated one, a drill on top of it, or a replay."""

from __future__ import annotations

import enum


class DisplayMode(enum.StrEnum):
    LIVE = "live"  # 实战
    SIMULATION = "simulation"  # 模拟: the embedded default's simulated city, never to be taken for live
    DRILL = "drill"  # 演练
    REPLAY = "replay"  # 回放
