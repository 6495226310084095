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


def blob_dir_for(database_url: str) -> Path:
    """Attachments (photos, snapshots) live beside a SQLite database file, else in the data dir."""
    prefix = "sqlite:///"
    if database_url.startswith(prefix) and database_url[len(prefix):] not in ("", ":memory:"):
        database = Path(database_url[len(prefix):])
        return database.with_name(database.name + ".blobs")
    return data_dir() / "blobs"
