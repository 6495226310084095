"""Each plugin's settings, per user: the manifest's ``settings = "module:Struct"`` names a msgspec Struct
with a default for every field; the user's values are stored as JSON in
``config_dir()/plugins/<id>.json``. Fields the file lacks take their defaults and fields the struct no
longer has are ignored, so a plugin can add or drop settings between versions. A file that is damaged or
no longer valid (a value of the wrong type) is set aside as ``<id>.json.bad``, the defaults are used, and
``warning`` says so in a sentence for the user.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Generic, TypeVar

import msgspec

from dispatch_desktop.extensions import paths
from dispatch_desktop.extensions.files import set_aside, write_atomically
from dispatch_desktop.extensions.manifest import Manifest
from dispatch_desktop.extensions.references import LoadError, load_reference

log = logging.getLogger(__name__)

S = TypeVar("S", bound=msgspec.Struct)


class SettingsError(Exception):
    """The plugin's settings cannot be used: its struct is not a Struct or lacks defaults, or they
    cannot be saved. The message names the plugin, the reference or file, and what to do."""


def settings_schema(manifest: Manifest) -> type[msgspec.Struct] | None:
    """Imports the struct the manifest names (plugin code: call it guarded); None if it names none."""
    if not manifest.settings:
        return None
    where = f"plugin {manifest.id}: plugin.settings {manifest.settings!r}"
    try:
        schema = load_reference(manifest.settings)
    except LoadError as error:
        raise SettingsError(f"{where}: {error}") from error
    if not (isinstance(schema, type) and issubclass(schema, msgspec.Struct)):
        raise SettingsError(f"{where} is not a msgspec.Struct class.")
    try:
        schema()
    except TypeError as error:
        raise SettingsError(f"{where} needs a default for every field ({error}).") from None
    return schema


class PluginSettings(Generic[S]):
    """The stored settings of one plugin. ``load`` never fails for the file's sake (``warning`` then says
    what happened); ``save`` raises SettingsError when the file cannot be written."""

    def __init__(self, plugin_id: str, schema: type[S], directory: Path | None = None) -> None:
        self.plugin_id = plugin_id
        self.schema = schema
        self.path = (directory if directory is not None else paths.settings_dir()) / f"{plugin_id}.json"
        self.warning: str | None = None

    def load(self) -> S:
        self.warning = None
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return self.schema()
        except OSError as error:
            self.warning = (f"The settings of plugin {self.plugin_id} cannot be read from {self.path} "
                            f"({error.strerror or error}); it uses its defaults this time.")
            return self.schema()
        try:
            return msgspec.json.decode(data, type=self.schema)
        except msgspec.DecodeError as error:
            self.warning = self._set_aside(str(error))
            return self.schema()

    def save(self, settings: S) -> None:
        if not isinstance(settings, self.schema):
            raise SettingsError(f"plugin {self.plugin_id}: settings must be a {self.schema.__name__}, "
                                f"not a {type(settings).__name__}.")
        try:
            write_atomically(self.path, msgspec.json.format(msgspec.json.encode(settings)) + b"\n")
        except OSError as error:
            raise SettingsError(f"cannot save the settings of plugin {self.plugin_id} to {self.path}: "
                                f"{error.strerror or error}; make the folder writable.") from None

    def _set_aside(self, why: str) -> str:
        try:
            kept = f"the file is kept as {set_aside(self.path)}"
        except OSError as error:
            kept = f"the file could not be set aside ({error.strerror or error})"
        message = (f"The settings of plugin {self.plugin_id} in {self.path} are damaged or no longer valid "
                   f"({why}); it uses its defaults, {kept}.")
        log.warning("%s", message)
        return message
