"""Where things live: the user's data dir (platformdirs) and the repository's resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "dispatch-desktop"

REPO_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = REPO_ROOT / "resources"
DISTRICTS_GEOJSON = RESOURCES / "guangzhou_districts.geojson"


def data_dir() -> Path:
    """The user's data directory; ``DISPATCH_DESKTOP_DATA`` overrides it (tests, portable installs)."""
    override = os.environ.get("DISPATCH_DESKTOP_DATA")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'events.sqlite3'}"


def keys_dir() -> Path:
    path = data_dir() / "keys"
    path.mkdir(parents=True, exist_ok=True)
    return path
