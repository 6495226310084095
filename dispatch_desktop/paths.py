"""Where things live: the user's data dir (platformdirs) and the repository's resources.

``DISPATCH_DESKTOP_DATA`` moves everything that belongs to one desk, settings and caches included, so a
portable install or a second desk on the same machine shares nothing with the first.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "dispatch-desktop"
DATA_ENV = "DISPATCH_DESKTOP_DATA"
DATABASE_NAME = "events.sqlite3"

REPO_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = REPO_ROOT / "resources"
DISTRICTS_GEOJSON = RESOURCES / "guangzhou_districts.geojson"


class DataDirError(Exception):
    """The data directory (or a folder in it) cannot be created or written to. The message names the
    directory, says why and what to do, in one paragraph for the person at the terminal."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        if os.environ.get(DATA_ENV):
            advice = f"Set {DATA_ENV} to a directory you can write to (it is now {os.environ[DATA_ENV]!r})."
        else:
            advice = (f"Make it writable for your user, or set {DATA_ENV} to a directory you can write to, "
                      f"e.g. {DATA_ENV}=$HOME/dispatch-data.")
        super().__init__(f"cannot use the data directory {path}: {reason}.\n  {advice}")


def _data_dir_path() -> Path:
    override = os.environ.get(DATA_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _not_a_directory(path: Path) -> Path | None:
    """The first part of ``path`` that exists but is not a directory."""
    for part in [*reversed(path.parents), path]:
        if part.exists() and not part.is_dir():
            return part
    return None


def _nearest_existing(path: Path) -> Path:
    return next((part for part in [path, *path.parents] if part.exists()), Path("/"))


def _make_dir(path: Path, data: Path) -> Path:
    """Creates ``path`` if needed; ``data`` is the data dir the error names (the user chose that one,
    not its subfolders)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        blocker = _not_a_directory(path)
        if blocker is not None:
            raise DataDirError(data, f"{blocker} is a file, not a directory") from None
        if isinstance(error, PermissionError):
            raise DataDirError(data, f"you may not create folders in {_nearest_existing(path)}") from None
        raise DataDirError(data, error.strerror or str(error)) from None
    return path


def data_dir() -> Path:
    """The user's data directory, created if missing; ``DISPATCH_DESKTOP_DATA`` overrides it (tests,
    portable installs). Raises ``DataDirError`` when it cannot be created or written to."""
    path = _data_dir_path()
    _make_dir(path, path)
    # os.access also answers for root on a read-only file system (EROFS), where chmod tricks do not.
    if not os.access(path, os.W_OK | os.X_OK):
        raise DataDirError(path, f"you may not write to {path}")
    return path


def config_dir() -> Path:
    """Per-user settings (window layouts, language): platformdirs' config dir, or ``config`` in the data
    dir when ``DISPATCH_DESKTOP_DATA`` is set, so a second desk keeps its own layouts."""
    if os.environ.get(DATA_ENV):
        return data_dir() / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What can be rebuilt (the map page, compiled catalogues): platformdirs' cache dir, or ``cache`` in
    the data dir when ``DISPATCH_DESKTOP_DATA`` is set."""
    if os.environ.get(DATA_ENV):
        return data_dir() / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def default_database_url() -> str:
    return f"sqlite:///{default_database_path()}"


def keys_dir() -> Path:
    # Created but not required to be writable: an administrator may hand a desk a read-only key folder.
    data = data_dir()
    return _make_dir(data / "keys", data)


def blob_dir_for(database_url: str) -> Path:
    """Attachments (photos, snapshots) live beside a SQLite database file, else in the data dir."""
    prefix = "sqlite:///"
    if database_url.startswith(prefix) and database_url[len(prefix):] not in ("", ":memory:"):
        database = Path(database_url[len(prefix):])
        return database.with_name(database.name + ".blobs")
    return data_dir() / "blobs"
