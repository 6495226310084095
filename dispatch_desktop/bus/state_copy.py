"""The workstation's copy of the hub's state, and what keeps it exact (ZeroMQ's Clone pattern).

``StateCopy`` starts from a snapshot (the state as of gseq N), then folds the published events after N.
It repairs itself whenever the feed shows it missed something. After a gap — a published batch whose
``prev`` is beyond the last gseq it applied, or a heartbeat announcing a newer gseq — it *catches up*: it
asks the hub for the stored events after its gseq (``events_request``), folds them in, then the batches
published meanwhile, so that every event is applied, and reported, exactly once and in gseq order. It
does the same when the hub speaks again after a silence (``recover``): the catch-up's answer names the hub,
so a hub that restarted meanwhile is still found out. It takes a fresh snapshot instead when catching up
cannot work: when the hub restarted, when the gap is over ``catchup_limit`` events, or when the hub does
not answer in time or refuses. PUB/SUB drops messages silently when a subscriber falls behind, so these
checks, not the high-water marks, are what keep the copy exact.

**Drill view** (PROTOCOL.md 9.8): a copy told to ``follow`` the drill becomes, while a drill runs, the drill's
state (mode ``drill``: live and drill events folded in, as the hub keeps it) — at once if it hears
``drill_started`` (its live state at that event, in drill mode), else from a drill snapshot — and goes back
to a live snapshot when it hears ``drill_ended`` or stops following. Gaps are caught up in whichever mode
the copy is in, and a resync asks for the snapshot of that mode.

It owns no socket and no thread: ``WorkstationClient`` feeds it what arrives, on its own thread, and
gives it ``send`` for its requests, ``report`` for what it applied (``(gseq, Envelope)`` pairs, or None
when a snapshot replaced everything) and the two calls that say whether the copy is faithful.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import msgspec

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.replay import Replay
from dispatch_desktop.domain.state import State, decode_state

log = logging.getLogger("dispatch_desktop.bus.workstation")

Published = tuple[int, ev.Envelope]
Report = Callable[[State, "list[Published] | None"], None]
_MAX_BUFFERED = 500_000  # live events buffered while syncing, beyond which the answer is not coming
_SNAPSHOT, _CATCHUP = "snapshot", "catch-up"  # what a syncing copy waits for


class StateCopy:
    """See the module docstring. ``snapshot_timeout``: seconds to wait for a snapshot (then asked
    again) or a catch-up page (then a snapshot); ``catchup_limit``: a gap of more events than this is
    repaired by a snapshot rather than caught up."""

    def __init__(self, name: str, *, send: Callable[[bytes, object], object], report: Report,
                 synchronised: Callable[[], None], unsynchronised: Callable[[], None],
                 snapshot_timeout: float = 3.0, catchup_limit: int = 200_000) -> None:
        self.name = name
        self.snapshot_timeout = snapshot_timeout
        self.catchup_limit = catchup_limit
        self.state = State()
        self.gseq = 0
        """gseq of the last event in ``state`` (0 before the first snapshot)."""
        self.hub_instance = ""
        self.syncing = True
        """Waiting for a snapshot or a catch-up: live batches are buffered, not applied."""
        self.resyncs = 0
        """Snapshots installed (the first sync included)."""
        self.catchups = 0
        """Gaps repaired by catching up."""
        self.gaps = 0
        self.following = False
        """Show the running drill (drill view) whenever one runs; see the module docstring."""
        self._send = send
        self._report = report
        self._synchronised = synchronised
        self._unsynchronised = unsynchronised
        self._buffer: list[p.Events] = []
        self._buffered = 0
        self._waiting_for = _SNAPSHOT
        self._snapshot_request = 0
        self._catchup_request = 0
        self._sync_sent = 0.0  # when the snapshot or catch-up page being waited for was asked for
        self._copy_hub = ""  # the hub instance whose log the copy follows: only it can fill a gap
        self._caught: list[Published] = []  # applied by the catch-up under way, reported at its end
        self._snapshot_mode = Mode.LIVE  # of the snapshot asked for last
        self._left_drill = False  # a drill_ended was folded into the drill view: its state is no one's now
        self._drill_refused = False  # the hub had no drill snapshot: stay live until a drill_started is heard

    @property
    def drill_view(self) -> bool:
        """Is the copy the running drill's state (rather than the live one)?"""
        return self.state.mode is Mode.DRILL

    def follow(self, on: bool) -> None:
        """Follow the running drill (or stop): the copy switches view now if it is synced, else once it is."""
        if on == self.following:
            return
        self.following = on
        self._drill_refused = False
        if not self.syncing:
            self._settle_view()

    def _wanted_mode(self) -> Mode:
        running = self.following and self.state.drill is not None and not self._drill_refused
        return Mode.DRILL if running else Mode.LIVE

    def _settle_view(self) -> bool:
        """Resync to the view wanted now if the copy is not in it (a drill began or ended, or ``follow``
        changed); True if it did."""
        wanted = self._wanted_mode()
        if wanted is self.state.mode and not self._left_drill:
            return False
        self.resync(f"to the {wanted.value} view")
        return True

    def on_refused(self, nack: p.Nack) -> bool:
        """A NACK that names no command: if it refuses the drill snapshot being waited for (no drill runs
        now, or an older hub that serves none), ask for the live one; False if it is about something else."""
        refused = nack.params.get("request") == str(self._snapshot_request) or (
            nack.code == "unknown_field" and not nack.source)
        if self.syncing and self._waiting_for == _SNAPSHOT and self._snapshot_mode is Mode.DRILL and refused:
            log.info("%s: no drill snapshot (%s): back to the live view", self.name, nack.code)
            self._drill_refused = True
            self._request_snapshot()
            return True
        return False

    def start(self) -> None:
        self._request_snapshot()

    def tick(self, now: float) -> None:
        """Ask again, or give up catching up, when the hub has not answered in time."""
        if self.syncing and now - self._sync_sent > self.snapshot_timeout:
            if self._waiting_for == _CATCHUP:
                self.resync("no answer to the catch-up")
            else:
                self._request_snapshot()

    def is_answer(self, kind: bytes, request: int) -> bool:
        """Is a snapshot (``p.SNAPSHOT``) or catch-up page (``p.CATCHUP``) numbered ``request`` the one
        being waited for?"""
        if not self.syncing:
            return False
        if kind == p.SNAPSHOT:
            return self._waiting_for == _SNAPSHOT and request == self._snapshot_request
        return self._waiting_for == _CATCHUP and request == self._catchup_request

    def on_events(self, batch: p.Events, changed: list[Published]) -> None:
        if self.syncing:
            self._buffer.append(batch)
            self._buffered += len(batch.events)
            if self._buffered > _MAX_BUFFERED:  # the answer is not coming: start over rather than grow
                self.resync("too much buffered")
            return
        if batch.prev > self.gseq:
            self._gap("gap", batch.prev)
            self._buffer.append(batch)
            self._buffered += len(batch.events)
            return
        self._apply(batch, changed)
        self._settle_view()

    def _apply(self, batch: p.Events, changed: list[Published]) -> None:
        self._fold(batch.events, changed)

    def _fold(self, events: tuple[Published, ...], changed: list[Published]) -> None:
        replay, gseq = Replay(self.state), self.gseq  # position reports folded per unit: most of a batch
        # The one drill event that changes the view, looked for only when it would (rarely: the rest pay
        # one comparison per event).
        watch = self._view_changer()
        for item in events:
            if item[0] > gseq:
                if watch is not None and type(item[1].body) is watch:
                    replay, watch = self._change_view(replay)
                replay.event(item[1])
                gseq = item[0]
                changed.append(item)
        self.state, self.gseq = replay.state, gseq

    def _view_changer(self) -> type | None:
        if self.state.mode is Mode.DRILL:
            return None if self._left_drill else ev.DrillEnded
        return ev.DrillStarted if self.following else None

    def _change_view(self, replay: Replay) -> tuple[Replay, type | None]:
        """At a ``drill_started`` in live view: the drill's state is the live state at that event, in drill
        mode (as the hub makes it), so the copy joins the drill here with no snapshot. At a ``drill_ended``
        in drill view: that view ends; what follows is folded in vain until the live snapshot replaces it."""
        state = replay.state
        if state.mode is Mode.DRILL:
            self._left_drill = True
            return replay, None
        self._drill_refused = False
        return Replay(msgspec.structs.replace(state, mode=Mode.DRILL)), ev.DrillEnded

    def on_heartbeat(self, beat: p.Heartbeat) -> None:
        restarted = beat.hub != self.hub_instance
        if restarted:
            if self.hub_instance:
                log.info("%s: hub restarted (%s -> %s)", self.name, self.hub_instance, beat.hub)
            self.hub_instance = beat.hub
        if self.syncing:
            return
        # Events go out before the heartbeat that counts them, on the same socket: a newer gseq means
        # some were dropped. An older one is a beat sent before the snapshot we hold was taken —
        # unless the hub restarted with a different log.
        if restarted and beat.gseq != self.gseq:
            self.gaps += beat.gseq > self.gseq
            self.resync("hub restarted")
        elif beat.gseq > self.gseq:
            self._gap("heartbeat", beat.gseq)

    def recover(self, why: str) -> None:
        """The hub spoke again after a silence: catch up on what was missed (every event applied and
        reported once, as after a gap) when the copy follows a hub's log; the catch-up's answer names the
        hub, so a hub that restarted meanwhile is still found out and answered with a snapshot."""
        if self.syncing or not self._copy_hub:
            self.resync(why)
            return
        log.info("%s: catching up (%s) from gseq %d", self.name, why, self.gseq)
        self._start_syncing()
        self._request_catchup()

    def resync(self, why: str) -> None:
        """Replace the copy by a fresh snapshot (what was caught up so far is dropped, unreported)."""
        log.info("%s: resynchronising (%s) at gseq %d", self.name, why, self.gseq)
        self._start_syncing()
        self._request_snapshot()

    def _start_syncing(self) -> None:
        """From now until the answer: live batches are buffered, and the copy is not to be trusted."""
        self.syncing = True
        self._unsynchronised()
        self._buffer.clear()
        self._buffered = 0
        self._caught = []

    def _request_snapshot(self) -> None:
        self._waiting_for = _SNAPSHOT
        self._snapshot_request += 1
        self._sync_sent = time.monotonic()
        self._snapshot_mode = self._wanted_mode()
        self._send(p.SNAPSHOT_REQUEST, p.SnapshotRequest(request=self._snapshot_request, mode=self._snapshot_mode))

    # --- catching up ----------------------------------------------------------------------------------

    def _gap(self, why: str, ahead: int) -> None:
        """Events up to at least ``ahead`` were missed: catch up, or resync if that is too far."""
        self.gaps += 1
        if ahead - self.gseq > self.catchup_limit:
            self.resync(f"{why}: {ahead - self.gseq} events missed, over the catch-up limit")
            return
        log.info("%s: catching up (%s) from gseq %d", self.name, why, self.gseq)
        self._start_syncing()
        self._request_catchup()

    def _request_catchup(self) -> None:
        self._waiting_for = _CATCHUP
        self._catchup_request += 1
        self._sync_sent = time.monotonic()
        self._send(p.EVENTS_REQUEST, p.EventsRequest(request=self._catchup_request, after=self.gseq))

    def on_catchup(self, page: p.Catchup) -> None:
        if page.code or page.hub != self._copy_hub or page.after != self.gseq:
            self.resync(f"catch-up not possible: {page.code or 'another hub instance'}")
            return
        self._fold(page.events, self._caught)
        if len(self._caught) > self.catchup_limit:
            self.resync("the catch-up grew over its limit")
        elif page.more:
            self._request_catchup()
        else:
            self._finish_catchup()

    def _finish_catchup(self) -> None:
        """The log is read up to where it ended: apply the batches published meanwhile, and report."""
        buffered, self._buffer, self._buffered = self._buffer, [], 0
        for index, batch in enumerate(buffered):
            if batch.prev > self.gseq:  # more were lost after the hub read its log: read on from here
                self._buffer = buffered[index:]
                self._buffered = sum(len(rest.events) for rest in self._buffer)
                self._request_catchup()
                return
            self._apply(batch, self._caught)
        self.syncing = False
        if self._settle_view():
            return
        changed, self._caught = self._caught, []
        self.catchups += 1
        self._report(self.state, changed)
        self._synchronised()

    def on_snapshot(self, snapshot: p.Snapshot, data: bytes) -> None:
        try:
            state = decode_state(data)
        except Exception as error:  # a corrupt snapshot: ask again rather than show it
            log.warning("%s: undecodable snapshot: %s", self.name, error)
            self._request_snapshot()
            return
        self.state, self.gseq, self._left_drill = state, snapshot.gseq, False
        # A drill snapshot answered with another state: asking again would loop; stay in its view.
        self._drill_refused |= state.mode is not self._snapshot_mode
        self.hub_instance = self._copy_hub = snapshot.hub
        buffered, self._buffer, self._buffered = self._buffer, [], 0
        ignored: list[Published] = []
        for batch in buffered:
            if batch.prev > self.gseq:  # the buffer does not reach back to the snapshot
                self._request_snapshot()
                return
            self._apply(batch, ignored)
        self.syncing = False
        self.resyncs += 1
        if self._settle_view():
            return
        self._report(self.state, None)
        self._synchronised()
