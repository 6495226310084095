"""What the desk is showing: the live city, a drill on top of it, or a replay of the past."""

from __future__ import annotations

import enum


class DisplayMode(enum.StrEnum):
    LIVE = "live"  # 实战
    DRILL = "drill"  # 演练
    REPLAY = "replay"  # 回放
