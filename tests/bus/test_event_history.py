"""A desk reads a stretch of the hub's log, a plugin's own events for one (``request_events``): in pages,
bounded, apart from its state copy; and what it does when the hub is busy, silent or at the end of its log
(``bus.history``, with no sockets)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.history import FIRST_REQUEST, HistoryQueries, HistoryRequest, HistoryUnavailable
from dispatch_desktop.bus.workstation import Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitStatus
from tests.bus.conftest import UNITS, RawPeer, Running, now_ms

pytestmark = pytest.mark.timeout(60)


def recorded(client: WorkstationClient, plugin: str, n: int, size: int = 16) -> int:
    """Record a plugin event of ``size`` bytes of data; its gseq."""
    data = msgspec.msgpack.encode({"n": n, "pad": b"x" * max(0, size - 16)})
    answer = client.send_command(ev.PluginEvent(plugin=plugin, name="entry_added", data=data)).result(10)
    assert answer.accepted
    return answer.gseq


def numbers(events: list[Published]) -> list[tuple[str, int]]:
    out = []
    for _gseq, event in events:
        assert isinstance(event.body, ev.PluginEvent)
        out.append((event.body.plugin, msgspec.msgpack.decode(event.body.data)["n"]))
    return out


def test_a_desk_reads_the_events_of_its_plugins_in_a_stretch_of_the_log(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]
) -> None:
    running = make_hub(real=True)
    desk = workstations(running)
    gseqs = []
    for n in range(6):
        gseqs.append(recorded(desk, "shift_log" if n % 2 else "duty_list", n))
        assert desk.send_command(ev.UnitStatusSet(unit=UNITS[0], status=UnitStatus.UNAVAILABLE
                                                  if n % 2 else UnitStatus.AVAILABLE)).result(10).accepted
    everything = desk.request_events(0, 0, ()).result(10)
    assert [gseq for gseq, _e in everything] == [gseq for gseq, _e in running.stored()]
    assert numbers(desk.request_events(0, 0, ["shift_log"]).result(10)) == [("shift_log", 1), ("shift_log", 3),
                                                                             ("shift_log", 5)]
    between = desk.request_events(gseqs[1], gseqs[4], ["shift_log", "duty_list"]).result(10)
    assert numbers(between) == [("duty_list", 2), ("shift_log", 3), ("duty_list", 4)]
    assert desk.request_events(0, 0, ["nobody"]).result(10) == []
    assert desk.request_events(running.store.last_gseq() + 10, 0, ["shift_log"]).result(10) == []
    assert (desk.resyncs, desk.catchups) == (1, 0)  # the copy took none of it for its own


def test_a_history_longer_than_a_message_comes_in_pages(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient], raw_peers: Callable[..., RawPeer]
) -> None:
    running = make_hub(real=True)
    desk = workstations(running)
    for n in range(24):  # 24 x 16 KiB: more than one answer of at most 256 KiB can hold
        recorded(desk, "shift_log", n, size=16_000)
    peer = raw_peers(running.endpoints.workstation)
    peer.send(peer.session.pack(p.EVENTS_REQUEST, p.EventsRequest(request=7, plugins=("shift_log",))))
    got = peer.receive()
    assert got is not None and got[0] == p.CATCHUP
    assert got[1]["more"] and 0 < len(got[1]["events"]) < 24  # the hub cut it into pages
    assert numbers(desk.request_events(0, 0, ["shift_log"]).result(20)) == [("shift_log", n) for n in range(24)]


def test_the_hub_answers_a_bounded_request_up_to_its_bound(
    make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]
) -> None:
    running = make_hub(real=True)
    unit = raw_peers(running.endpoints.field)
    for seq in range(1, 6):
        unit.report(ev.envelope(UNITS[0], seq, ev.Position(lat=23.12, lon=113.26), now_ms()))
        assert unit.answer()[0] == p.ACK
    first = running.stored()[0][0]
    peer = raw_peers(running.endpoints.workstation)
    peer.send(peer.session.pack(p.EVENTS_REQUEST, p.EventsRequest(request=1, after=first, upto=first + 2)))
    got = peer.receive()
    assert got is not None and got[0] == p.CATCHUP
    assert ([gseq for gseq, _e in got[1]["events"]], got[1]["more"]) == ([first + 1, first + 2], False)


def test_the_client_says_what_is_wrong_with_a_request_before_sending_it(
    make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]
) -> None:
    desk = workstations(make_hub())
    with pytest.raises(ValueError, match="'Shift-Log' is not a plugin id"):
        desk.request_events(0, 0, ["Shift-Log"])
    with pytest.raises(ValueError, match="must be gseqs"):
        desk.request_events(-1, 0, [])
    with pytest.raises(ValueError, match="not the string 'shift_log'"):
        desk.request_events(0, 0, "shift_log")
    desk.stop()
    with pytest.raises(HistoryUnavailable, match="stopped"):
        desk.request_events(0, 0, ["shift_log"]).result(1)


# --- paging, retrying and giving up, without a hub ----------------------------------------------------


class Sent(list[p.EventsRequest]):
    def __call__(self, msg_type: bytes, payload: object) -> bool:
        assert msg_type == p.EVENTS_REQUEST and isinstance(payload, p.EventsRequest)
        self.append(payload)
        return True


def page(request: p.EventsRequest, gseqs: list[int], *, more: bool = False, code: str = "") -> p.Catchup:
    body = ev.PluginEvent(plugin="shift_log", name="e", data=b"\x01")
    events = tuple((gseq, ev.envelope("ws-01", gseq, body, 1)) for gseq in gseqs)
    return p.Catchup(request=request.request, hub="h", after=request.after, last=99, more=more, events=events,
                     code=code)


def started(after: int = 0, upto: int = 0) -> tuple[HistoryQueries, Sent, Future[list[Published]]]:
    sent = Sent()
    queries = HistoryQueries(sent, retry_after=3.0, deadline=60.0)
    future: Future[list[Published]] = Future()
    queries.start(HistoryRequest.checked(after, upto, ["shift_log"]), future, now=0.0)
    return queries, sent, future


def test_pages_follow_each_other_from_the_last_event_received() -> None:
    queries, sent, future = started(after=5, upto=90)
    assert (sent[0].after, sent[0].upto, sent[0].plugins) == (5, 90, ("shift_log",))
    assert sent[0].request >= FIRST_REQUEST and queries.owns(sent[0].request) and not queries.owns(1)
    queries.on_page(page(sent[0], [7, 9], more=True), now=1.0)
    assert sent[1].after == 9 and sent[1].request != sent[0].request
    queries.on_page(page(sent[1], [12]), now=2.0)
    assert [gseq for gseq, _e in future.result(0)] == [7, 9, 12]


def test_a_busy_or_silent_hub_is_asked_again_and_a_late_answer_is_ignored() -> None:
    queries, sent, future = started()
    queries.tick(2.9)
    assert len(sent) == 1
    queries.tick(3.0)  # no answer in 3 s: asked again, under a new number
    assert len(sent) == 2 and sent[1].after == 0
    queries.on_page(page(sent[0], [4]), now=3.5)  # the first answer, late: not taken
    queries.on_page(page(sent[1], [], code=p.CATCHUP_UNAVAILABLE), now=3.6)
    queries.tick(5.9)
    assert len(sent) == 2
    queries.tick(6.0)  # unavailable: asked again once retry_after has passed
    queries.on_page(page(sent[2], [4, 5]), now=6.1)
    assert [gseq for gseq, _e in future.result(0)] == [4, 5]


def test_a_hub_that_never_answers_fails_the_request_after_the_deadline() -> None:
    queries, _sent, future = started()
    for second in range(1, 61):
        queries.tick(float(second))
    assert not future.done()
    queries.tick(60.5)
    with pytest.raises(HistoryUnavailable, match="events of shift_log after gseq 0: no answer from the hub for 60 s"):
        future.result(0)


def test_the_end_of_the_log_and_an_empty_range_are_empty_histories() -> None:
    queries, sent, future = started(after=500)
    queries.on_page(page(sent[0], [], code=p.CATCHUP_BEYOND_END), now=1.0)
    assert future.result(0) == []
    _queries, sent, future = started(after=9, upto=9)
    assert sent == [] and future.result(0) == []
