"""Where the host keeps each user's plugin files. Everything follows ``dispatch_desktop.paths``, so
``DISPATCH_DESKTOP_DATA`` moves it all with the rest of the desk's data (tests, a second desk).

- ``config_dir()/plugins.json``: which plugins the user disabled (``state``);
- ``config_dir()/plugins/<id>.json``: each plugin's settings (``settings``);
- ``state_dir()/plugin-starting``: the crash sentinel (``sentinel``);
- ``data_dir()/plugins/<id>/``: each plugin's own files (``DeskContext.data_dir``, ``CliContext.data_dir``).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from dispatch_desktop import paths


def config_dir() -> Path:
    return paths.config_dir()


def settings_dir() -> Path:
    return paths.config_dir() / "plugins"


def state_dir() -> Path:
    """The user's state dir (what a run leaves for the next): platformdirs', or ``state`` in the data dir
    when ``DISPATCH_DESKTOP_DATA`` is set."""
    if os.environ.get(paths.DATA_ENV):
        return paths.data_dir() / "state"
    return Path(platformdirs.user_state_dir(paths.APP_NAME, appauthor=False))


def plugin_data_dir(plugin_id: str) -> Path:
    """The plugin's own folder in the user's data dir, created if missing (DataDirError if it cannot be)."""
    data = paths.data_dir()
    folder = data / "plugins" / plugin_id
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise paths.DataDirError(data, f"cannot create {folder}: {error.strerror or error}") from None
    return folder
