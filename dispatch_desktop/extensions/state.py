"""Which plugins each user has disabled, in ``plugins.json`` in the user's config dir.

A plugin never chosen is enabled (installing it says the user wants it). A choice is kept when its
plugin disappears: the plugin manager lists it as missing, and it applies again if the plugin comes back
(napari#7135: a disabled plugin that was uninstalled broke the next launch; here it never matters). A
damaged file is set aside as ``plugins.json.bad`` with a warning, and every plugin starts enabled.
"""

from __future__ import annotations

import datetime
import enum
import logging
from pathlib import Path

import msgspec

from dispatch_desktop.extensions import paths
from dispatch_desktop.extensions.files import set_aside, write_atomically

log = logging.getLogger(__name__)

STATE_FILE = "plugins.json"
FORMAT = 1


class Reason(enum.StrEnum):
    USER = "user"
    CRASHED = "crashed"


CRASHED_MESSAGE = "crashed the desk at its last start; re-enable it in the plugin manager"


class PluginStateError(Exception):
    """The choices could not be saved; the message names the file and why."""


class Choice(msgspec.Struct, frozen=True):
    enabled: bool
    reason: Reason = Reason.USER  # why it is disabled (meaningless when enabled)
    message: str = ""  # what the user is told, for a reason other than their own choice
    changed: str = ""  # ISO time of the choice, for the curious


class _File(msgspec.Struct):
    format: int = FORMAT
    plugins: dict[str, Choice] = msgspec.field(default_factory=dict)


class PluginStates:
    """The user's choices; ``load``, query and change, then ``save``. ``warning`` is set when the file
    was damaged (a sentence to show the user)."""

    def __init__(self, path: Path, choices: dict[str, Choice] | None = None, warning: str | None = None) -> None:
        self.path = path
        self.choices = dict(choices or {})
        self.warning = warning

    @classmethod
    def load(cls, directory: Path | None = None) -> PluginStates:
        path = (directory if directory is not None else paths.config_dir()) / STATE_FILE
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return cls(path)
        except OSError as error:
            return cls(path, warning=f"{path} cannot be read ({error.strerror or error}); every plugin starts "
                                     "enabled this time.")
        try:
            stored = msgspec.json.decode(data, type=_File)
        except msgspec.DecodeError as error:
            return cls(path, warning=_damaged(path, str(error)))
        if stored.format != FORMAT:
            return cls(path, warning=_damaged(path, f"it is of format {stored.format}, this desk reads {FORMAT}"))
        return cls(path, stored.plugins)

    def is_enabled(self, plugin_id: str) -> bool:
        choice = self.choices.get(plugin_id)
        return choice is None or choice.enabled

    def disabled_because(self, plugin_id: str) -> Choice | None:
        """The choice that disables the plugin, None if it is enabled."""
        choice = self.choices.get(plugin_id)
        return choice if choice is not None and not choice.enabled else None

    def enable(self, plugin_id: str) -> None:
        self.choices[plugin_id] = Choice(enabled=True, changed=_now())

    def disable(self, plugin_id: str, reason: Reason = Reason.USER, message: str = "") -> None:
        self.choices[plugin_id] = Choice(enabled=False, reason=reason, message=message, changed=_now())

    def forget(self, plugin_id: str) -> None:
        """Drops the choice (the plugin manager's "remove" of a missing plugin)."""
        self.choices.pop(plugin_id, None)

    def save(self) -> None:
        data = msgspec.json.format(msgspec.json.encode(_File(plugins=dict(sorted(self.choices.items())))))
        try:
            write_atomically(self.path, data + b"\n")
        except OSError as error:
            raise PluginStateError(f"cannot save the plugin choices to {self.path}: {error.strerror or error}; "
                                   "make the folder writable.") from None


def _damaged(path: Path, why: str) -> str:
    try:
        kept = f"it is kept as {set_aside(path)}"
    except OSError as error:
        kept = f"it could not be set aside ({error.strerror or error}) and will be replaced at the next change"
    message = f"{path} is damaged ({why}); every plugin starts enabled, {kept}."
    log.warning("%s", message)
    return message


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
