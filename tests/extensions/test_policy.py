"""The hub checks the events of the plugins installed beside it by their manifests; a plugin whose
schema cannot be imported is checked like one that is not installed."""

from __future__ import annotations

import logging
import sys

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev
from dispatch_desktop.extensions.discovery import discover
from dispatch_desktop.extensions.policy import ManifestPolicy, build_policy
from tests.extensions.plugin_dists import PluginDists, manifest_text

EVENTS = """
    [[events]]
    name = "entry_added"
    schema = "night_log.events:EntryAdded"

    [[events]]
    name = "entry_struck"
    schema = "night_log.events:EntryStruck"
    roles = ["commander"]
    max_bytes = 64
    """
SCHEMAS = """\
    import msgspec

    class EntryAdded(msgspec.Struct, frozen=True):
        text: str
        hours: int = 1

    class EntryStruck(msgspec.Struct, frozen=True):
        entry: int
        reason: str = ""
    """


def _policy(plugin_dists: PluginDists, schemas: str = SCHEMAS, api: str = ">=1.0,<2") -> ManifestPolicy:
    plugin_dists.make("night_log", manifest_text("night_log", extra=EVENTS, api=api), {"events.py": schemas})
    return build_policy(discover(plugin_dists.entry_points()))


def _event(name: str, data: object, plugin: str = "night_log") -> ev.PluginEvent:
    return ev.PluginEvent(plugin=plugin, name=name, data=msgspec.msgpack.encode(data))


def _refusal(policy: ManifestPolicy, event: ev.PluginEvent, role: Role | None) -> str:
    with pytest.raises(p.BusError) as raised:
        policy.check(event, role)
    return raised.value.code


def test_a_declared_event_in_its_schema_from_an_allowed_role_passes(plugin_dists: PluginDists) -> None:
    policy = _policy(plugin_dists)
    assert policy.knows("night_log") and not policy.knows("radio")
    policy.check(_event("entry_added", {"text": "handover at 08:00"}), Role.DISPATCHER)
    policy.check(_event("entry_struck", {"entry": 3}), Role.COMMANDER)


def test_the_schema_module_is_imported_at_the_plugins_first_event_not_at_the_hubs_start(
        plugin_dists: PluginDists) -> None:
    policy = _policy(plugin_dists)
    assert "night_log.events" not in sys.modules
    assert policy.plugins() == ["night_log"]
    policy.knows("night_log")
    assert "night_log.events" in sys.modules
    assert "night_log" in sys.modules and "night_log.plugin" not in sys.modules  # the desk's module: not the hub's


@pytest.mark.parametrize(
    ("event", "role", "code"),
    [
        (_event("entry_added", {"text": 5}), Role.DISPATCHER, "bad_field"),
        (_event("entry_added", {"hours": 2}), Role.DISPATCHER, "bad_field"),
        (_event("entry_added", ["not", "a", "map"]), Role.DISPATCHER, "bad_field"),
        (_event("entry_renamed", {"text": "x"}), Role.DISPATCHER, "plugin_event_undeclared"),
        (_event("entry_struck", {"entry": 3}), Role.DISPATCHER, "kind_not_allowed"),
        (_event("entry_added", {"text": "x"}), Role.SUPERVISOR, "kind_not_allowed"),
        (_event("entry_struck", {"entry": 3, "reason": "x" * 80}), Role.COMMANDER, "plugin_event_oversized"),
    ],
)
def test_the_manifests_declarations_are_enforced(plugin_dists: PluginDists, event: ev.PluginEvent, role: Role,
                                                 code: str) -> None:
    assert _refusal(_policy(plugin_dists), event, role) == code


def test_the_bad_field_refusal_carries_the_schemas_own_words(plugin_dists: PluginDists) -> None:
    with pytest.raises(p.BusError) as raised:
        _policy(plugin_dists).check(_event("entry_added", {"text": 5}), Role.DISPATCHER)
    assert "EntryAdded" in raised.value.message and "Expected `str`, got `int`" in raised.value.message


@pytest.mark.parametrize(
    "schemas",
    ["raise ImportError('no PySide6 here')\n",
     "import msgspec\nclass EntryAdded(msgspec.Struct):\n    text: str\nEntryStruck = EntryAdded\n",
     "EntryAdded = EntryStruck = dict\n"],
)
def test_a_plugin_whose_schemas_cannot_be_used_is_unknown_to_the_hub_with_a_warning(
        plugin_dists: PluginDists, caplog: pytest.LogCaptureFixture, schemas: str) -> None:
    policy = _policy(plugin_dists, schemas)
    with caplog.at_level(logging.WARNING, logger="dispatch_desktop.extensions.policy"):
        assert not policy.knows("night_log")
        assert not policy.knows("night_log")  # one warning, not one per event
    (record,) = caplog.records
    assert "plugin night_log: events[0].schema 'night_log.events:EntryAdded'" in record.getMessage()
    assert "generic rules only" in record.getMessage()
    # the generic rules: any well-formed data from a dispatcher, nothing from a supervisor
    policy.check(_event("entry_renamed", {"anything": 1}), Role.DISPATCHER)
    assert _refusal(policy, _event("entry_renamed", {}), Role.SUPERVISOR) == "kind_not_allowed"


def test_an_incompatible_or_broken_plugin_is_left_to_the_generic_rules(plugin_dists: PluginDists) -> None:
    assert not _policy(plugin_dists, api=">=2").knows("night_log")
    plugin_dists.make("radio", manifest_text("radio", extra=EVENTS).replace('api = ">=1.0,<2"', 'api = "1.0"'))
    assert not build_policy(discover(plugin_dists.entry_points())).knows("radio")
