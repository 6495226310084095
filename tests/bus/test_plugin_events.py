"""Plugin events at the hub: stored and forwarded whether the hub knows the plugin or not, checked for their
form always, for their declared schema, names, size and roles where the plugin is installed beside the hub
(PROTOCOL.md, "Plugin events"); and they change nothing in the state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

from dispatch_desktop.bus.hub.build import HubConfig, build_hub
from dispatch_desktop.bus.hub.config import Endpoints, PlainSecurity
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.plugin_policy import DeclaredEvent, DeclaredPolicy
from dispatch_desktop.bus.workstation import CommandReply, Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.projection import apply
from dispatch_desktop.domain.state import State
from tests.bus.conftest import ANY, AREA, Running, incident, roster, wait_for

pytestmark = pytest.mark.timeout(60)

ROLES = {"ws-sup": Role.SUPERVISOR, "gw-110": Role.TELEPHONY, "ws-cmd": Role.COMMANDER}


class EntryAdded(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The shift log's schema, as a plugin would declare it."""

    text: str
    shift: int


class BoardRead(msgspec.Struct, frozen=True):
    """An event a supervisor may write (the plugin says so), and a dispatcher may not."""

    board: str


SHIFT_LOG = DeclaredPolicy({"shift_log": {
    "entry_added": DeclaredEvent(EntryAdded, max_bytes=64),
    "board_read": DeclaredEvent(BoardRead, roles=frozenset({Role.SUPERVISOR})),
}})


def plugin_event(data: object = None, *, plugin: str = "shift_log", name: str = "entry_added",
                 raw: bytes | None = None) -> ev.PluginEvent:
    encoded = raw if raw is not None else msgspec.msgpack.encode(data if data is not None else EntryAdded("交班", 1))
    return ev.PluginEvent(plugin=plugin, name=name, data=encoded, incident="J-1", operator="李娜 010233")


def reply(client: WorkstationClient, body: ev.Body) -> CommandReply:
    return client.send_command(body).result(timeout=10)


def refused(reply: CommandReply) -> tuple[bool, str, int]:
    return reply.accepted, reply.code, reply.gseq


# --- the generic rules: a hub that knows no plugin -----------------------------------------------------


def test_a_desk_records_an_event_of_a_plugin_the_hub_does_not_know_and_every_desk_gets_it(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]
) -> None:
    running = make_hub(roles=ROLES)
    seen: list[Published] = []
    workstations(running, "ws-02", on_state=lambda _state, changed: seen.extend(changed or []))
    desk = workstations(running, "ws-01")
    before = running.hub.state
    body = plugin_event({"anything": ["the hub", "does not know"]}, plugin="roster_board", name="changed")
    answer = reply(desk, body)
    assert answer.accepted and answer.gseq > 0
    assert running.stored()[-1][1].body == body  # stored as sent
    wait_for(lambda: any(event.body == body for _gseq, event in seen))  # forwarded to the other desk
    after = running.hub.state
    assert after.applied == before.applied + 1  # counted, and nothing else changed
    assert msgspec.structs.replace(after, applied=before.applied, time=before.time) == before


def test_commanders_may_write_plugin_events_and_supervisors_and_gateways_may_not(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]
) -> None:
    running = make_hub(roles=ROLES)
    assert reply(workstations(running, "ws-cmd"), plugin_event()).accepted
    stored = running.stored()
    supervisor = reply(workstations(running, "ws-sup"), plugin_event())
    assert refused(supervisor) == (False, "kind_not_allowed", 0)
    assert "supervisor workstation may not send shift_log.entry_added" in supervisor.message
    gateway = reply(workstations(running, "gw-110"), plugin_event())
    assert refused(gateway) == (False, "kind_not_allowed", 0) and "plugin_event" in gateway.message
    assert running.stored() == stored  # nothing of either


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (plugin_event(raw=b"\xc1"), "not one well-formed MessagePack value"),
        (plugin_event(raw=msgspec.msgpack.encode({"a": 1}) + b"\x01"), "trailing characters"),
        (plugin_event(raw=b"\x91" * 16_000), "not one well-formed MessagePack value"),  # nested too deep
        (plugin_event(raw=b""), "length >= 1"),
        (plugin_event(raw=b"\xc4" + b"x" * 16_384), "length <= 16384"),
        (plugin_event(plugin="Shift-Log"), "$.body.plugin"),
        (plugin_event(plugin="core" + "x" * 40), "$.body.plugin"),
        (plugin_event(name="1st"), "$.body.name"),
    ],
    ids=["opcode", "trailing", "deep", "empty", "too-big", "id-pattern", "id-length", "name-pattern"],
)
def test_a_plugin_event_of_the_wrong_form_is_refused_by_any_hub(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient], body: ev.PluginEvent,
    words: str,
) -> None:
    running = make_hub()
    answer = reply(workstations(running), body)
    assert refused(answer) == (False, "bad_field", 0)
    assert words in answer.message


# --- a hub that knows the plugin ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "body", "code", "words"),
    [
        ("ws-01", plugin_event({"text": "交班"}), "bad_field", "Object missing required field `shift`"),
        ("ws-01", plugin_event({"text": 7, "shift": 1}), "bad_field", "Expected `str`, got `int` - at `$.text`"),
        ("ws-01", plugin_event(raw=b"\x01"), "bad_field", "does not match its schema EntryAdded"),
        ("ws-01", plugin_event(name="entry_removed"), "plugin_event_undeclared",
         "declares no event named entry_removed"),
        ("ws-01", plugin_event(EntryAdded("长" * 30, 1)), "plugin_event_oversized", "the plugin declares at most 64"),
        ("ws-01", plugin_event(BoardRead("wall"), name="board_read"), "kind_not_allowed",
         "dispatcher workstation may not send shift_log.board_read"),
        ("ws-sup", plugin_event(), "kind_not_allowed", "supervisor workstation may not send shift_log.entry_added"),
    ],
    ids=["missing-field", "wrong-type", "not-the-schema", "undeclared", "oversized", "dispatcher", "supervisor"],
)
def test_a_hub_that_knows_the_plugin_refuses_what_its_declarations_do_not_allow(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient], sender: str,
    body: ev.PluginEvent, code: str, words: str,
) -> None:
    running = make_hub(roles=ROLES, plugin_policy=SHIFT_LOG)
    stored = running.stored()
    answer = reply(workstations(running, sender), body)
    assert refused(answer) == (False, code, 0)
    assert words in answer.message
    assert running.stored() == stored


def test_a_hub_that_knows_the_plugin_stores_what_its_declarations_allow(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]
) -> None:
    running = make_hub(roles=ROLES, plugin_policy=SHIFT_LOG)
    assert reply(workstations(running, "ws-01"), plugin_event()).accepted
    assert reply(workstations(running, "ws-sup"), plugin_event(BoardRead("wall"), name="board_read")).accepted
    # a plugin it does not know: the generic rules, as before
    assert reply(workstations(running, "ws-cmd"), plugin_event({"x": 1}, plugin="other_plugin")).accepted
    names = [e.body.name for _g, e in running.stored() if isinstance(e.body, ev.PluginEvent)]
    assert names == ["entry_added", "board_read", "entry_added"]


def test_the_hub_the_application_builds_checks_by_the_policy_in_its_configuration(tmp_path: Path) -> None:
    from dispatch_desktop.store import EventStore

    config = HubConfig(security=PlainSecurity(), endpoints=Endpoints(ANY, ANY, ANY), blob_dir=tmp_path / "blobs",
                       area=AREA, bootstrap=tuple(roster()), plugin_policy=SHIFT_LOG)
    with EventStore.open(f"sqlite:///{tmp_path / 'events.sqlite3'}") as store:
        hub = build_hub(config, store)
        endpoints = hub.start()
        client = WorkstationClient("ws-01", command_endpoint=endpoints.workstation, publish_endpoint=endpoints.publish)
        try:
            client.start()
            assert client.wait_synced(10)
            assert reply(client, plugin_event(name="entry_removed")).code == "plugin_event_undeclared"
            assert reply(client, plugin_event()).accepted
        finally:
            client.stop()
            hub.stop()


def test_a_declaration_that_no_hub_could_honour_is_refused_when_it_is_made() -> None:
    with pytest.raises(ValueError, match="max_bytes 20000 is not between 1 and 16384"):
        DeclaredEvent(EntryAdded, max_bytes=20_000)
    with pytest.raises(ValueError, match="a telephony gateway never writes plugin events"):
        DeclaredEvent(EntryAdded, roles=frozenset({Role.TELEPHONY}))


# --- the state ---------------------------------------------------------------------------------------------


def test_a_plugin_event_changes_nothing_in_the_state_but_its_count_and_time() -> None:
    state = apply(State(), ev.envelope("hub", 1, roster()[0], 1_000, t_hub=1_000))
    state = apply(state, ev.envelope("ws-01", 1, incident("J-1"), 2_000, t_hub=2_000))
    after = apply(state, ev.envelope("ws-01", 2, plugin_event(), 3_000, t_hub=3_000))
    assert (after.applied, after.time) == (state.applied + 1, 3_000)
    assert msgspec.structs.replace(after, applied=state.applied, time=state.time) == state
