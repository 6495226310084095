"""Per-user preferences kept between sessions: window layout, language, the intranet tile server.

One INI file per user under the platformdirs config dir (``users/<name>.ini``), so two dispatchers
sharing a workstation each get their own arrangement of panels across their monitors.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

LAYOUT_VERSION = 1  # bump when the set of built-in panels changes incompatibly
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def settings_file_name(user: str) -> str:
    """A file name for the user: the name itself when it is plain, else a readable prefix and a hash
    (names may hold spaces, CJK characters or path separators)."""
    if not user.strip():
        raise ValueError("a user name is needed to keep per-user settings")
    if _SAFE_NAME.match(user) and user not in {".", ".."}:
        return f"{user}.ini"
    readable = re.sub(r"[^A-Za-z0-9_-]+", "_", user).strip("_")[:24] or "user"
    digest = hashlib.sha256(user.encode("utf-8")).hexdigest()[:12]
    return f"{readable}-{digest}.ini"


class UserSettings:
    def __init__(self, config_dir: Path, user: str) -> None:
        self.user = user
        self.path = Path(config_dir) / "users" / settings_file_name(user)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # --- simple values ----------------------------------------------------------------------------

    def language(self, default: str) -> str:
        return str(self._settings.value("ui/language", default))

    def set_language(self, language: str) -> None:
        self._settings.setValue("ui/language", language)
        self._settings.sync()  # kept at the next start even if this one ends in a crash

    def sound(self, default: bool) -> bool:
        return str(self._settings.value("alerts/sound", default)).lower() in ("true", "1")

    def set_sound(self, on: bool) -> None:
        self._settings.setValue("alerts/sound", on)
        self._settings.sync()

    def operator(self, workstation: str) -> str:
        """The last operator signed in at this workstation (offered at the next sign-in)."""
        return str(self._settings.value(f"operators/{workstation}", ""))

    def set_operator(self, workstation: str, signature: str) -> None:
        self._settings.setValue(f"operators/{workstation}", signature)
        self._settings.sync()

    def tile_url(self) -> str:
        return str(self._settings.value("map/tile_url", ""))

    # --- window layout ----------------------------------------------------------------------------

    def save_layout(self, window: QMainWindow, group: str = "layout") -> None:
        """``group``: one per kind of window (the desk's ``layout``, the replay's ``replay_layout``), so that
        arranging one never rearranges the other."""
        self._settings.setValue(f"{group}/version", LAYOUT_VERSION)
        self._settings.setValue(f"{group}/geometry", window.saveGeometry())
        self._settings.setValue(f"{group}/state", window.saveState(LAYOUT_VERSION))
        self._settings.sync()

    def restore_layout(self, window: QMainWindow, group: str = "layout") -> bool:
        """Put the window's docks back where this user left them; False if there is nothing (usable)
        saved, in which case the window keeps its default layout."""
        if self._settings.value(f"{group}/version") is None:
            return False
        geometry = self._settings.value(f"{group}/geometry")
        state = self._settings.value(f"{group}/state")
        if not isinstance(geometry, QByteArray) or not isinstance(state, QByteArray):
            return False
        window.restoreGeometry(geometry)
        return window.restoreState(state, LAYOUT_VERSION)

    def sync(self) -> None:
        self._settings.sync()
