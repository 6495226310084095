"""The video wall panel (see ``wall.py``); the Qt-free parts live in ``dispatch_desktop.video``."""

from dispatch_desktop.ui.video_wall.wall import VideoWall
from dispatch_desktop.ui.video_wall.wiring import IncidentFollower, follow_selection

__all__ = ["IncidentFollower", "VideoWall", "follow_selection"]
