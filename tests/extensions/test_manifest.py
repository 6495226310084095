"""A plugin's manifest: read without importing the plugin, every problem named by file, field and value."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dispatch_desktop.extensions.keys import key_problem
from dispatch_desktop.extensions.manifest import DEFAULT_ROLES, MAX_EVENT_BYTES, read_manifest
from dispatch_desktop.extensions.problems import ManifestError
from tests.extensions.plugin_dists import manifest_text

FULL = manifest_text("night_log", extra="""
    description = "Handover notes of the shift"
    settings = "night_log.settings:Settings"

    [[panels]]
    id = "night_log.entries"
    title = "Night log"
    area = "right"
    tab_group = "core.dispatch"
    factory = "night_log.panel:ShiftLogPanel"

    [[map_layers]]
    id = "night_log.places"
    title = "Night log entries"

    [[incident_actions]]
    id = "night_log.note_incident"
    title = "Write the incident in the night log"
    key = "Ctrl+Shift+L"
    handler = "night_log.actions:note_incident"
    enabled = "night_log.actions:can_note"

    [[events]]
    name = "entry_added"
    schema = "night_log.events:EntryAdded"

    [[events]]
    name = "entry_struck"
    schema = "night_log.events:EntryStruck"
    roles = ["commander"]
    max_bytes = 512

    [[commands]]
    name = "night-log"
    help = "Print the night log"
    entry = "night_log.cli:main"
    """)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dispatch_plugin.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ManifestError) as raised:
        read_manifest(_write(tmp_path, text))
    return [str(problem) for problem in raised.value.problems]


def test_a_full_manifest_reads_into_its_contributions_with_defaults(tmp_path: Path) -> None:
    manifest = read_manifest(_write(tmp_path, FULL))
    assert (manifest.id, manifest.name, manifest.version, manifest.module) == (
        "night_log", "Night log", "1.0.0", "night_log.plugin")
    assert manifest.panels[0].area == "right" and manifest.panels[0].tab_group == "core.dispatch"
    assert manifest.map_layers[0].visible is True
    assert manifest.incident_actions[0].key == "Ctrl+Shift+L"
    added, struck = manifest.events
    assert (added.roles, added.max_bytes) == (DEFAULT_ROLES, MAX_EVENT_BYTES)
    assert (struck.roles, struck.max_bytes) == (("commander",), 512)
    assert manifest.commands[0].name == "night-log"
    assert manifest.source == tmp_path / "dispatch_plugin.toml"


@pytest.mark.parametrize(
    ("api", "version", "supported"),
    [(">=1.0,<2", "1.0", True), (">=1.0,<2", "1.7", True), (">=1.0,<2", "2.0", False), (">=1.1", "1.0", False),
     ("~=1.0", "1.3", True)],
)
def test_the_api_range_decides_which_desks_a_plugin_supports(tmp_path: Path, api: str, version: str,
                                                            supported: bool) -> None:
    manifest = read_manifest(_write(tmp_path, manifest_text("night_log", api=api)))
    assert manifest.supports(version) is supported


def test_every_problem_is_reported_at_once_with_file_field_and_value(tmp_path: Path) -> None:
    text = FULL.replace('area = "right"', 'area = "middle"').replace('max_bytes = 512', 'max_bytes = 20000')
    problems = _problems(tmp_path, text.replace('key = "Ctrl+Shift+L"', 'key = "Ctrl+Shft+L"'))
    file = str(tmp_path / "dispatch_plugin.toml")
    assert problems == [
        f'{file}: panels[0].area is "middle"; it must be one of left, right, top, bottom.',
        f'{file}: incident_actions[0].key is "Ctrl+Shft+L"; "Shft" is not a modifier (use Ctrl, Shift, Alt, Meta, '
        'Num); write it like "Ctrl+Shift+L" or "F6".',
        f"{file}: events[1].max_bytes is 20000; it must be between 1 and 16384.",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('id = "night_log"', 'id = "Shift-Log"', 'plugin.id is "Shift-Log"; an id is 2 to 40 lower-case'),
        ('id = "night_log"', 'id = "core"', 'plugin.id is "core"; it is reserved for the built-in panels'),
        ('id = "night_log.entries"', 'id = "entries"',
         'panels[0].id is "entries"; a panel id starts with the plugin id and a dot'),
        ('id = "night_log.places"', 'id = "radio.places"', 'map_layers[0].id is "radio.places"; a map layer id starts'),
        ('name = "entry_struck"', 'name = "entry_added"',
         'events[1].name is "entry_added"; events[0].name has it too'),
        ('name = "entry_added"', 'name = "Entry added"', 'events[0].name is "Entry added"; an event name is'),
        ('roles = ["commander"]', 'roles = ["commander", "admin"]',
         'events[1].roles[1] is "admin"; it must be one of dispatcher, commander, supervisor'),
        ('roles = ["commander"]', "roles = []", "events[1].roles is []; it must be a non-empty list"),
        ('name = "night-log"', 'name = "hub"', 'commands[0].name is "hub"; dispatch-desktop has a built-in subcommand'),
        ('name = "night-log"', 'name = "plugins"', 'commands[0].name is "plugins"; dispatch-desktop has a built-in'),
        ('factory = "night_log.panel:ShiftLogPanel"', 'factory = "night_log.panel.ShiftLogPanel"',
         'panels[0].factory is "night_log.panel.ShiftLogPanel"; it must be "module:attribute"'),
        ('api = ">=1.0,<2"', 'api = "1.0"', 'plugin.api is "1.0"; it is not a range of API versions'),
        ('api = ">=1.0,<2"', 'api = ""', 'plugin.api is ""; it must not be empty'),
        ('api = ">=1.0,<2"', 'api = ","', 'plugin.api is ","; give the API versions the plugin supports'),
        ('version = "1.0.0"', 'version = "first"', 'plugin.version is "first"; it is not a version number'),
        ('tab_group = "core.dispatch"', 'tab_grup = "core.dispatch"',
         "panels[0].tab_grup is not a field of a panel (did you mean tab_group?)"),
        ('visible = true', "", ""),  # not in FULL: nothing to replace, no problem (a control for the harness)
        ('title = "Night log entries"', 'title = "Night log entries"\nvisible = "yes"',
         'map_layers[0].visible is "yes"; it must be true or false'),
        ('module = "night_log.plugin"', "", "plugin.module is missing; it is required"),
    ],
)
def test_each_rule_names_the_field_and_the_value(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = FULL.replace(old, new, 1)
    if not expected:
        read_manifest(_write(tmp_path, text))
        return
    problems = _problems(tmp_path, text)
    assert len(problems) == 1, problems
    assert expected in problems[0]
    assert problems[0].startswith(str(tmp_path / "dispatch_plugin.toml"))


def test_a_manifest_that_is_not_toml_names_the_file_and_the_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, '[plugin]\nid = "night_log\n')
    assert len(problems) == 1
    assert "dispatch_plugin.toml: the manifest is not valid TOML" in problems[0] and "line 2" in problems[0]


def test_a_manifest_without_its_plugin_table_or_with_a_strange_section_says_so(tmp_path: Path) -> None:
    problems = _problems(tmp_path, textwrap.dedent("""\
        [[widgets]]
        id = "x.y"
        """))
    assert any("widgets is not a field of a plugin manifest" in problem for problem in problems)
    assert any("the [plugin] table is missing" in problem for problem in problems)


def test_a_missing_manifest_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="the manifest file does not exist"):
        read_manifest(tmp_path / "nowhere.toml")


@pytest.mark.parametrize("key", ["Ctrl+Shift+L", "F6", "Ctrl++", "Ctrl+K, Ctrl+C", "alt+del", "Meta+,"])
def test_keys_qt_reads_are_accepted(key: str) -> None:
    assert key_problem(key) is None


@pytest.mark.parametrize(
    ("key", "why"),
    [("Ctrl+", "names no key"), ("Ctrl+Shift", "has only modifiers"), ("Ctrl+Ctrl+S", "the modifier Ctrl twice"),
     ("Hyper+S", '"Hyper" is not a modifier'), ("Ctrl+Enterr", '"Enterr" is not a key'), ("", "cannot be empty"),
     ("A, B, C, D, E", "at most 4 chords")],
)
def test_keys_qt_would_not_read_are_refused_with_the_reason(key: str, why: str) -> None:
    problem = key_problem(key)
    assert problem is not None and why in problem
