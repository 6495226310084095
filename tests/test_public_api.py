"""The plugins' public API cannot drift unnoticed (jupyter_client's test_public_api, for our API): what
``dispatch_desktop.api`` exports is listed here, every name and every member of the plugin's handle is
documented in docs/PLUGINS.md, the API is typed and imports without Qt."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Annotated, Literal

import msgspec
import pytest

import dispatch_desktop
from dispatch_desktop import api
from dispatch_desktop.api import context, hookspecs, map_layers

DOCUMENT = (Path(__file__).parent.parent / "docs" / "PLUGINS.md").read_text(encoding="utf-8")

EXPORTED = [
    "API_VERSION", "INCIDENT_TYPES", "Actions", "AppliedEvent", "Call", "Camera", "Category", "ChangeListener",
    "City", "CliContext",
    "Department", "DeskContext", "District", "Envelope", "EventListener", "ForceRequirement", "Incident",
    "IncidentAction",
    "IncidentStatus", "IncidentType", "IntakeAdvice", "IntakeAdvisor", "IntakeDraft",
    "KeyConflict", "LegendEntry", "Level", "Line", "MapFeature", "MapLayer", "Mode", "Outcome", "OutcomeListener",
    "PanelHandle", "Point", "Polygon", "ResetListener", "Selection", "SelectionListener", "State", "Station",
    "Style", "Subscription", "Targets", "TimelineEntry", "Unit", "UnitKind", "UnitStatus", "default_city", "events",
    "hookimpl", "response_targets", "yaml_source",
]
"""Adding a name is a minor version of the API; removing or changing one, a major version."""


def test_the_api_exports_exactly_the_names_it_promises() -> None:
    assert sorted(api.__all__) == sorted(EXPORTED)
    for name in api.__all__:
        assert hasattr(api, name), name


def test_the_api_version_is_major_dot_minor() -> None:
    assert re.fullmatch(r"\d+\.\d+", api.API_VERSION)


def _members(protocol: type) -> set[str]:
    return {name for name, _ in inspect.getmembers(protocol) if not name.startswith("_")}


def test_every_exported_name_and_every_member_of_the_desk_context_is_documented() -> None:
    undocumented = [name for name in EXPORTED if f"`{name}" not in DOCUMENT and f"{name}(" not in DOCUMENT]
    assert undocumented == []
    desk_members = _members(context.DeskContext)
    assert {"state", "on_event", "record", "send", "map_layer", "panel", "selection", "actions"} <= desk_members
    table = DOCUMENT[DOCUMENT.index("### `DeskContext`"):DOCUMENT.index("### Events")]
    assert sorted(m for m in desk_members if f"`{m}" not in table) == []
    layer_members = _members(map_layers.MapLayer)
    section = DOCUMENT[DOCUMENT.index("### Map layers"):DOCUMENT.index("### Incident actions")]
    assert sorted(m for m in layer_members if m not in section) == []


def test_the_hooks_are_activate_and_deactivate_with_the_documented_arguments() -> None:
    hooks = {name: inspect.signature(getattr(hookspecs.DeskHooks, name))
             for name in ("activate", "deactivate")}
    assert list(hooks["activate"].parameters) == ["self", "desk"]
    assert list(hooks["deactivate"].parameters) == ["self"]
    assert sorted(name for name in vars(hookspecs.DeskHooks) if not name.startswith("_")) == ["activate",
                                                                                            "deactivate"]


def test_a_force_requirement_is_checked_when_it_is_made() -> None:
    assert api.ForceRequirement(api.UnitKind.PATROL_GROUP, 2).count == 2
    with pytest.raises(ValueError, match="at least one unit: count=0 for PATROL_GROUP"):
        api.ForceRequirement(api.UnitKind.PATROL_GROUP, 0)
    with pytest.raises(ValueError, match="UnitKind"):
        api.ForceRequirement("rapid")  # type: ignore[arg-type]


def test_the_package_is_typed_for_plugins() -> None:
    assert (Path(dispatch_desktop.__file__).parent / "py.typed").is_file()


class _Flag(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    colour: Literal["red", "blue"]
    at: Annotated[str, msgspec.Meta(pattern=r"^[0-2][0-9]:[0-5][0-9]$")]


def test_yaml_source_reads_a_plugins_file_with_every_problem_by_file_line_and_field() -> None:
    schema = api.yaml_source.Schema(_Flag, "a flag (colour, at)", {r"^[0-2][0-9]:[0-5][0-9]$": 'a time "HH:MM"'})
    document, problems = api.yaml_source.parse("colour: green\nat: 7:30\nsize: 3\n", "flag.yaml")
    assert document is not None and problems == []
    flag, problems = api.yaml_source.convert(document, schema)
    assert flag is None
    assert [str(problem) for problem in problems] == [
        'flag.yaml:1: colour: expected one of blue, red, got "green"',
        'flag.yaml:2: at: expected a time "HH:MM", got "7:30"',
        "flag.yaml:3: size: unknown key; expected one of colour, at",
    ]
    good, _problems = api.yaml_source.parse('colour: red\nat: "07:30"\n', "flag.yaml")
    assert good is not None and api.yaml_source.convert(good, schema) == (_Flag("red", "07:30"), [])
    _none, broken = api.yaml_source.parse("colour: [red\n", "flag.yaml")
    assert [problem.line for problem in broken] == [2] and "not valid YAML" in broken[0].message
