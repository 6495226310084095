"""The outbox: a command is never dropped silently, survives a crash, and goes out as the same envelope."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from dispatch_desktop.bus.workstation import CommandReply, CommandTimeout
from dispatch_desktop.controllers.outbox import CommandWithdrawn, EntryState, Outbox
from dispatch_desktop.controllers.persist import LatestWriter
from dispatch_desktop.domain import events as ev


class Link:
    """Stands in for the bus client: records every envelope sent and lets the test answer it."""

    def __init__(self) -> None:
        self.sent: list[ev.Envelope] = []
        self.futures: list[Future[CommandReply]] = []
        self.lock = threading.Lock()

    def __call__(self, event: ev.Envelope) -> Future[CommandReply]:
        future: Future[CommandReply] = Future()
        with self.lock:
            self.sent.append(event)
            self.futures.append(future)
        return future

    def answer(self, index: int, accepted: bool = True, code: str = "") -> None:
        self.futures[index].set_result(CommandReply(self.sent[index].seq, accepted, gseq=1, code=code))

    def time_out(self, index: int) -> None:
        self.futures[index].set_exception(CommandTimeout("no answer from the hub"))


def envelope(seq: int, incident: str = "J-1") -> ev.Envelope:
    body = ev.IncidentClosed(incident=incident, disposition="resolved", operator="张伟 012345")
    return ev.envelope("ws-1", seq, body, t_src=1_763_794_800_000 + seq)


@pytest.fixture
def writer():  # type: ignore[no-untyped-def]
    made = LatestWriter()
    yield made
    made.close()


def test_an_answered_command_leaves_the_outbox_and_its_future_has_the_answer(tmp_path: Path,
                                                                             writer: LatestWriter) -> None:
    link = Link()
    outbox = Outbox(link, tmp_path / "outbox", writer=writer)
    future = outbox.submit(envelope(1))
    assert [e.state for e in outbox.entries()] == [EntryState.SENDING]
    link.answer(0, accepted=False, code="incident_closed")
    assert future.result(1).code == "incident_closed"
    assert outbox.entries() == []
    writer.flush()
    assert not (tmp_path / "outbox").exists()


def test_an_unanswered_command_is_shown_queued_then_sent_again_as_the_same_envelope(writer: LatestWriter) -> None:
    link = Link()
    now = [1000.0]
    outbox = Outbox(link, writer=writer, clock=lambda: now[0])
    future = outbox.submit(envelope(7))
    now[0] += 3.5
    outbox.tick()
    assert outbox.entries()[0].state is EntryState.QUEUED
    link.time_out(0)  # the bus client gave up after its deadline: the outbox does not
    deadline = time.monotonic() + 5
    while len(link.sent) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [e.seq for e in link.sent] == [7, 7] and link.sent[1] == link.sent[0]
    assert not future.done()
    assert outbox.entries()[0].attempts == 2
    link.answer(1)
    assert future.result(1).accepted


def test_commands_survive_a_crash_and_come_back_held_until_the_dispatcher_decides(tmp_path: Path) -> None:
    first = LatestWriter()
    path = tmp_path / "outbox"
    outbox = Outbox(Link(), path, writer=first)
    outbox.submit(envelope(1, "J-1"))
    outbox.submit(envelope(2, "J-2"))
    first.flush()
    # kill -9 here: nothing more is written. The next start:
    second = LatestWriter()
    link = Link()
    again = Outbox(link, path, writer=second)
    assert [(e.key, e.state) for e in again.entries()] == [(1, EntryState.HELD), (2, EntryState.HELD)]
    assert link.sent == []  # not resent blindly
    again.withdraw(1)
    [future] = again.resend_held()
    assert link.sent == [envelope(2, "J-2")]  # exactly as it was: the hub answers a stored one as a duplicate
    link.answer(0)
    assert future.result(1).accepted
    second.flush()
    assert not path.exists()
    first.close()
    second.close()


def test_a_withdrawn_command_is_not_retried_and_its_future_says_so(writer: LatestWriter) -> None:
    link = Link()
    outbox = Outbox(link, writer=writer)
    future = outbox.submit(envelope(3))
    assert outbox.withdraw(3)
    with pytest.raises(CommandWithdrawn):
        future.result(1)
    link.time_out(0)
    time.sleep(1.3)
    assert len(link.sent) == 1


def test_an_unreadable_outbox_file_is_set_aside_not_deleted(tmp_path: Path, writer: LatestWriter) -> None:
    path = tmp_path / "outbox"
    path.write_bytes(b"\x00garbage")
    outbox = Outbox(Link(), path, writer=writer)
    assert outbox.entries() == []
    assert (tmp_path / "outbox.unreadable").read_bytes() == b"\x00garbage"


def test_a_closed_outbox_stops_retrying_and_keeps_what_is_unanswered(tmp_path: Path) -> None:
    writer = LatestWriter()
    link = Link()
    outbox = Outbox(link, tmp_path / "outbox", writer=writer)
    outbox.submit(envelope(5))
    outbox.close()
    link.time_out(0)  # what the bus client's stop does to every pending command
    time.sleep(1.3)
    assert len(link.sent) == 1
    writer.close()
    assert [e.key for e in Outbox(Link(), tmp_path / "outbox", writer=LatestWriter()).held()] == [5]
