"""A plugin's manifest, ``dispatch_plugin.toml``: who the plugin is and what it contributes, read and
checked without importing the plugin (npe2's habit), so a broken plugin can be listed and explained.

Reading checks every rule below and reports every problem (``ManifestError.problems``), each naming the
file, the field as a dotted path (``panels[1].area``) and the value:

- ``plugin.id``: 2 to 40 of ``a-z 0-9 _`` starting with a letter; ``core`` is reserved (the built-in
  panels' namespace);
- contribution ids (panels, map layers, incident actions) start with ``<plugin id>.`` and are unique
  within their kind; event names and command names are unique too;
- ``panels[].area`` is left, right, top or bottom; ``events[].max_bytes`` at most 16384;
  ``events[].roles`` among dispatcher, commander, supervisor;
- ``commands[].name`` does not shadow a built-in subcommand of ``dispatch-desktop``;
- ``incident_actions[].key`` is a key sequence (``keys.key_problem``);
- ``factory``, ``handler``, ``enabled``, ``schema``, ``settings``, ``entry`` are ``"module:attribute"``;
- ``plugin.api`` is a version range (``packaging`` specifier set, ``">=1.0,<2"``), ``plugin.version``
  a version.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from dispatch_desktop.extensions.fields import Rule, Table, choice_rule, pattern_rule, tables
from dispatch_desktop.extensions.keys import key_problem
from dispatch_desktop.extensions.problems import ManifestError, Problem, Problems
from dispatch_desktop.extensions.references import MODULE, REFERENCE

MANIFEST_NAME = "dispatch_plugin.toml"
PLUGIN_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
RESERVED_IDS = frozenset({"core"})
EVENT_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
COMMAND_NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
CONTRIBUTION_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}(\.[a-z][a-z0-9_]{0,39})+$")
AREAS = ("left", "right", "top", "bottom")
ROLES = ("dispatcher", "commander", "supervisor")
DEFAULT_ROLES = ("dispatcher", "commander")
MAX_EVENT_BYTES = 16384
"""The largest ``data`` of a plugin event the hub accepts, whatever a manifest declares."""

_ID_RULE = "an id is 2 to 40 lower-case letters, digits or _, starting with a letter"
_REFERENCE_RULE = pattern_rule(REFERENCE, 'it must be "module:attribute", e.g. "shift_log.panel:ShiftLogPanel"')
_MODULE_RULE = pattern_rule(MODULE, 'it must be a module name, e.g. "shift_log.plugin"')


def _builtin_commands() -> tuple[str, ...]:
    # Read from the command line itself, so a subcommand added there is protected here at once.
    from dispatch_desktop.cli import SUBCOMMANDS

    return SUBCOMMANDS


@dataclass(frozen=True, slots=True)
class PanelSpec:
    id: str
    title: str
    area: str
    factory: str
    tab_group: str = ""


@dataclass(frozen=True, slots=True)
class MapLayerSpec:
    id: str
    title: str
    visible: bool = True


@dataclass(frozen=True, slots=True)
class IncidentActionSpec:
    id: str
    title: str
    handler: str
    key: str = ""
    enabled: str = ""


@dataclass(frozen=True, slots=True)
class EventSpec:
    name: str
    schema: str
    roles: tuple[str, ...] = DEFAULT_ROLES
    max_bytes: int = MAX_EVENT_BYTES


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    help: str
    entry: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """A checked manifest. ``source`` is the file it was read from (None when parsed from a mapping)."""

    id: str
    name: str
    version: str
    api: str
    module: str
    description: str = ""
    translations: str = ""
    settings: str = ""
    panels: tuple[PanelSpec, ...] = ()
    map_layers: tuple[MapLayerSpec, ...] = ()
    incident_actions: tuple[IncidentActionSpec, ...] = ()
    events: tuple[EventSpec, ...] = ()
    commands: tuple[CommandSpec, ...] = ()
    source: Path | None = None

    def supports(self, api_version: str) -> bool:
        """Does the declared range ``api`` include ``api_version`` (e.g. ``API_VERSION``)?"""
        return Version(api_version) in SpecifierSet(self.api)

    def event(self, name: str) -> EventSpec | None:
        return next((spec for spec in self.events if spec.name == name), None)


def read_manifest(path: Path) -> Manifest:
    """Reads and checks the manifest file at ``path``; ManifestError lists every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ManifestError([Problem(str(path), "", "the manifest file does not exist.")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError([Problem(str(path), "", f"the manifest cannot be read: {error}.")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ManifestError([Problem(str(path), "", f"the manifest is not valid TOML: {error}.")]) from None
    return parse_manifest(data, str(path), source=path)


def parse_manifest(data: Mapping[str, object], where: str, source: Path | None = None) -> Manifest:
    """Checks a manifest already read from TOML; ``where`` names it in the problems."""
    problems = Problems(where)
    sections = ("plugin", "panels", "map_layers", "incident_actions", "events", "commands")
    Table(data, "", "a plugin manifest", sections, problems)  # reports unknown sections
    plugin = data.get("plugin")
    if not isinstance(plugin, dict):
        problems.add("plugin", "the [plugin] table is missing; it names the plugin (id, name, version, api, module).")
        raise ManifestError(problems.found)
    head = Table(plugin, "plugin", "[plugin]", ("id", "name", "version", "api", "module", "description",
                                                "translations", "settings"), problems)
    plugin_id = head.text("id", required=True, rule=_plugin_id_problem, example='"shift_log"')
    contributions = _Contributions(data, plugin_id, problems)  # "" when bad: namespaces not checked then
    manifest = Manifest(
        id=plugin_id,
        name=head.text("name", required=True, example='"Shift log"'),
        version=head.text("version", required=True, rule=_version_problem, example='"1.0.0"'),
        api=head.text("api", required=True, rule=_api_problem, example='">=1.0,<2"'),
        module=head.text("module", required=True, rule=_MODULE_RULE, example='"shift_log.plugin"'),
        description=head.text("description"),
        translations=head.text("translations", rule=_relative_dir_problem),
        settings=head.text("settings", rule=_REFERENCE_RULE),
        panels=contributions.panels(),
        map_layers=contributions.map_layers(),
        incident_actions=contributions.incident_actions(),
        events=contributions.events(),
        commands=contributions.commands(),
        source=source,
    )
    problems.raise_if_any()
    return manifest


def _plugin_id_problem(text: str) -> str | None:
    if text in RESERVED_IDS:
        return "it is reserved for the built-in panels; choose another id"
    return None if PLUGIN_ID.match(text) else _ID_RULE


def _version_problem(text: str) -> str | None:
    try:
        Version(text)
    except InvalidVersion:
        return 'it is not a version number; write one like "1.0.0"'
    return None


def _api_problem(text: str) -> str | None:
    try:
        specifiers = SpecifierSet(text)
    except InvalidSpecifier:
        return 'it is not a range of API versions; write one like ">=1.0,<2" (a comma means "and")'
    return None if len(specifiers) else 'give the API versions the plugin supports, e.g. ">=1.0,<2"'


def _relative_dir_problem(text: str) -> str | None:
    path = Path(text)
    if path.is_absolute() or ".." in path.parts:
        return "it must be a folder inside the plugin's package, e.g. \"translations\""
    return None


class _Contributions:
    """Reads the arrays of tables, checking namespacing and uniqueness across each kind."""

    def __init__(self, data: Mapping[str, object], plugin_id: str, problems: Problems) -> None:
        self.data = data
        self.plugin_id = plugin_id
        self.problems = problems

    def _entries(self, key: str, what: str, fields: tuple[str, ...]) -> list[Table]:
        return [Table(entry, f"{key}[{index}]", what, fields, self.problems)
                for index, entry in enumerate(tables(self.data, key, self.problems))]

    def _unique(self, table: Table, key: str, value: str, seen: dict[str, str], what: str) -> None:
        if not value:
            return
        if value in seen:
            self.problems.bad_value(table.path(key), value, f"{seen[value]} has it too; each {what} needs its own")
        else:
            seen[value] = table.path(key)

    def _id(self, table: Table, seen: dict[str, str], what: str) -> str:
        prefix = f"{self.plugin_id or 'my_plugin'}."
        example = f'"{prefix}{what.replace(" ", "_")}"'

        def rule(text: str) -> str | None:
            if self.plugin_id and not text.startswith(prefix):
                return f"a {what} id starts with the plugin id and a dot, e.g. {example}"
            if not CONTRIBUTION_ID.match(text):
                return f"after the plugin id, use lower-case letters, digits or _, e.g. {example}"
            return None

        value = table.text("id", required=True, rule=rule, example=example)
        self._unique(table, "id", value, seen, f"{what} id")
        return value

    def panels(self) -> tuple[PanelSpec, ...]:
        seen: dict[str, str] = {}
        tab_rule = pattern_rule(CONTRIBUTION_ID, 'it must be the id of a panel, e.g. "core.dispatch"')
        return tuple(
            PanelSpec(id=self._id(t, seen, "panel"), title=t.text("title", required=True),
                      area=t.text("area", required=True, rule=choice_rule(AREAS), example='"right"'),
                      factory=t.text("factory", required=True, rule=_REFERENCE_RULE),
                      tab_group=t.text("tab_group", rule=tab_rule))
            for t in self._entries("panels", "a panel", ("id", "title", "area", "tab_group", "factory")))

    def map_layers(self) -> tuple[MapLayerSpec, ...]:
        seen: dict[str, str] = {}
        return tuple(
            MapLayerSpec(id=self._id(t, seen, "map layer"), title=t.text("title", required=True),
                         visible=t.flag("visible", True))
            for t in self._entries("map_layers", "a map layer", ("id", "title", "visible")))

    def incident_actions(self) -> tuple[IncidentActionSpec, ...]:
        seen: dict[str, str] = {}
        return tuple(
            IncidentActionSpec(id=self._id(t, seen, "incident action"), title=t.text("title", required=True),
                               handler=t.text("handler", required=True, rule=_REFERENCE_RULE),
                               key=t.text("key", rule=key_problem), enabled=t.text("enabled", rule=_REFERENCE_RULE))
            for t in self._entries("incident_actions", "an incident action",
                                   ("id", "title", "key", "handler", "enabled")))

    def events(self) -> tuple[EventSpec, ...]:
        seen: dict[str, str] = {}
        name_rule = pattern_rule(EVENT_NAME, "an event name is 1 to 40 lower-case letters, digits or _, "
                                             "starting with a letter")
        role_rule: Rule = choice_rule(ROLES)
        specs = []
        for t in self._entries("events", "an event", ("name", "schema", "roles", "max_bytes")):
            name = t.text("name", required=True, rule=name_rule, example='"entry_added"')
            self._unique(t, "name", name, seen, "event name")
            specs.append(EventSpec(name=name, schema=t.text("schema", required=True, rule=_REFERENCE_RULE),
                                   roles=t.texts("roles", DEFAULT_ROLES, role_rule),
                                   max_bytes=t.number("max_bytes", MAX_EVENT_BYTES, 1, MAX_EVENT_BYTES)))
        return tuple(specs)

    def commands(self) -> tuple[CommandSpec, ...]:
        seen: dict[str, str] = {}
        builtin = _builtin_commands()

        def name_rule(text: str) -> str | None:
            if text in builtin:
                return f"dispatch-desktop has a built-in subcommand of that name ({', '.join(builtin)}); choose another"
            if not COMMAND_NAME.match(text):
                return "a command name is 1 to 40 lower-case letters, digits or -, starting with a letter"
            return None

        specs = []
        for t in self._entries("commands", "a command", ("name", "help", "entry")):
            name = t.text("name", required=True, rule=name_rule, example='"shift-log"')
            self._unique(t, "name", name, seen, "command name")
            specs.append(CommandSpec(name=name, help=t.text("help", required=True),
                                     entry=t.text("entry", required=True, rule=_REFERENCE_RULE)))
        return tuple(specs)
