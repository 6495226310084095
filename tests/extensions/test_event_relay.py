"""Plugins hear every event once, in gseq order, with their own history first after a reset."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any

from dispatch_desktop.api.events import AppliedEvent
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.state import State
from dispatch_desktop.extensions.event_relay import EventRelay, Published

T0 = 1_763_780_000_000


def _note(gseq: int, incident: str = "I-1") -> Published:
    body = ev.IncidentNote(incident=incident, text=f"note {gseq}")
    return gseq, ev.envelope("ws-1", gseq, body, T0 + gseq)


class _Desk:
    """The relay's surroundings: history requests answered by hand, posted calls run at once."""

    def __init__(self) -> None:
        self.requests: list[tuple[int, int, list[str], Future[list[Published]]]] = []
        self.faults: list[str] = []
        self.errors: list[str] = []
        self.relay = EventRelay(self.fetch, lambda fn: fn(), self.call, on_history_error=self.errors.append)

    def fetch(self, after: int, upto: int, plugins: Sequence[str]) -> Future[list[Published]]:
        future: Future[list[Published]] = Future()
        self.requests.append((after, upto, list(plugins), future))
        return future

    def call(self, plugin: str, function: Callable[..., Any], *args: Any) -> Any:
        try:
            return function(*args)
        except Exception as error:
            self.faults.append(f"{plugin}: {error}")
            return None


def test_listeners_hear_each_event_once_in_order_filtered_by_kind() -> None:
    desk = _Desk()
    everything: list[int] = []
    notes: list[int] = []
    desk.relay.add_listener("a", lambda e: everything.append(e.gseq))
    desk.relay.add_listener("b", lambda e: notes.append(e.gseq), kinds={"incident_note"})
    registered = ev.UnitRegistered(unit="P-1", unit_kind="patrol_group", station="S-1", name="P-1")  # type: ignore[arg-type]
    desk.relay.deliver([_note(1), (2, ev.envelope("hub", 2, registered, T0)), _note(3)])
    desk.relay.deliver([_note(3), _note(4)])  # 3 again: an overlap is not heard twice
    assert everything == [1, 2, 3, 4]
    assert notes == [1, 3, 4]


def test_after_a_reset_a_plugin_gets_its_own_missed_events_first_then_the_live_ones_held_meanwhile() -> None:
    desk = _Desk()
    heard: list[tuple[int, bool]] = []
    resets: list[State] = []
    desk.relay.add_listener("shift_log", lambda e: heard.append((e.gseq, e.historical)))
    desk.relay.add_reset_listener("shift_log", resets.append)
    desk.relay.record_history_of("shift_log")
    desk.relay.deliver([_note(1), _note(2)])
    snapshot = State()
    desk.relay.reset(snapshot, 10)
    assert resets == [snapshot]
    after, upto, plugins, answer = desk.requests[0]
    assert (after, upto, plugins) == (2, 10, ["shift_log"])
    desk.relay.deliver([_note(11), _note(12)])  # live, while the history is on its way
    assert heard == [(1, False), (2, False)]
    mine = ev.envelope("ws-1", 5, ev.PluginEvent(plugin="shift_log", name="entry_added", data=b"\x80"), T0)
    theirs = ev.envelope("ws-1", 6, ev.PluginEvent(plugin="other", name="x", data=b"\x80"), T0)
    answer.set_result([(5, mine), (6, theirs)])
    assert heard == [(1, False), (2, False), (5, True), (11, False), (12, False)]
    assert not desk.relay.waiting_for_history


def test_a_history_that_cannot_be_read_is_reported_and_live_events_flow_again() -> None:
    desk = _Desk()
    heard: list[int] = []
    desk.relay.add_listener("p", lambda e: heard.append(e.gseq))
    desk.relay.record_history_of("p")
    desk.relay.reset(State(), 4)
    desk.relay.deliver([_note(5)])
    desk.requests[0][3].set_exception(TimeoutError("no answer from the hub"))
    assert desk.errors == ["no answer from the hub"]
    assert heard == [5]


def test_a_disabled_plugin_hears_nothing_more_and_a_failing_listener_does_not_stop_the_others() -> None:
    desk = _Desk()
    good: list[AppliedEvent] = []

    def failing(_event: AppliedEvent) -> None:
        raise RuntimeError("boom")

    desk.relay.add_listener("bad", failing)
    desk.relay.add_listener("good", good.append)
    desk.relay.deliver([_note(1)])
    desk.relay.drop_plugin("bad")
    desk.relay.deliver([_note(2)])
    assert desk.faults == ["bad: boom"]
    assert [e.gseq for e in good] == [1, 2]


def test_a_listener_that_cancels_and_subscribes_again_with_other_kinds_hears_the_next_events() -> None:
    desk = _Desk()
    heard: list[str] = []
    first = desk.relay.add_listener("p", lambda e: heard.append(f"old {e.gseq}"), kinds={"incident_note"})
    desk.relay.deliver([_note(1)])
    first.cancel()
    desk.relay.add_listener("p", lambda e: heard.append(f"new {e.gseq}"), kinds={"incident_note"})
    desk.relay.deliver([_note(2)])
    assert heard == ["old 1", "new 2"]


def test_a_kind_no_event_has_matches_nothing_and_listeners_hear_in_the_order_they_came() -> None:
    desk = _Desk()
    heard: list[str] = []
    desk.relay.add_listener("a", lambda e: heard.append("a"), kinds={"incident_note"})
    desk.relay.add_listener("b", lambda e: heard.append("b"))
    desk.relay.add_listener("c", lambda e: heard.append("c"), kinds={"incident_notes"})  # a typo
    desk.relay.deliver([_note(1)])
    assert heard == ["a", "b"]


def _position(gseq: int) -> Published:
    return gseq, ev.envelope("P-1", gseq, ev.Position(lat=23.1, lon=113.3), T0 + gseq)


def test_given_the_batch_without_its_position_reports_the_relay_hands_on_the_same_events() -> None:
    desk = _Desk()
    notes: list[int] = []
    everything: list[int] = []
    desk.relay.add_listener("a", lambda e: notes.append(e.gseq), kinds={"incident_note"})
    batch = [_position(1), _note(2), _position(3), _position(4), _note(5), _position(6)]
    notable = [item for item in batch if item[1].kind != "position"]
    desk.relay.deliver(batch, notable)
    assert notes == [2, 5] and desk.relay.delivered_gseq == 6
    desk.relay.add_listener("b", lambda e: everything.append(e.gseq), kinds={"position", "incident_note"})
    batch = [_position(7), _note(8)]
    desk.relay.deliver(batch, [batch[1]])  # someone wants positions now: the whole batch is walked
    assert notes == [2, 5, 8] and everything == [7, 8]


def test_a_reset_to_an_earlier_point_gives_a_plugin_its_own_events_again_from_the_start() -> None:
    desk = _Desk()
    heard: list[tuple[int, bool]] = []
    desk.relay.add_listener("shift_log", lambda e: heard.append((e.gseq, e.historical)))
    desk.relay.record_history_of("shift_log")
    mine = ev.envelope("ws-1", 5, ev.PluginEvent(plugin="shift_log", name="entry_added", data=b"\x80"), T0)
    desk.relay.deliver([_note(3), (5, mine), _note(40)])
    desk.relay.reset(State(), 20)  # a replay went back to gseq 20: the plugin dropped what it had folded
    after, upto, _plugins, answer = desk.requests[0]
    assert (after, upto) == (0, 20)
    answer.set_result([(5, mine)])
    assert heard[3:] == [(5, True)]
    desk.relay.deliver([_note(21)])
    assert heard[-1] == (21, False)
