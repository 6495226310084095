"""The commit pipeline: the batch being received, the batch being committed, and what is stored.

The loop validates messages into ``batch``; when no commit is in progress it hands the batch to the
``Committer`` thread, which appends it to the store in one transaction (through the projector, which
also folds it into the authoritative ``State``) while the loop goes on receiving the next one. When the
commit has finished, and only then, ``complete`` acknowledges (or NACKs, for stored refusals) and
publishes the stored events with their gseq.

Commands are checked in hub order against a tentative state that already holds the earlier commands of
the same batch (and of the one being committed), so two dispatchers sending the same unit are decided
by arrival: the first is stored as the dispatch, the second as a ``Refused`` event with the reason.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

import msgspec
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub.admission import same
from dispatch_desktop.bus.hub.config import HUB_SOURCE, EventLog, Socket, StateProjector
from dispatch_desktop.bus.hub.drills import drill_after, rebuild_drill
from dispatch_desktop.bus.hub.transport import Transport
from dispatch_desktop.bus.ratelog import RateLimitedLog
from dispatch_desktop.bus.recent import RecentEvents
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import Refusal, State

Count = Callable[[str, int], None]
Outcome = tuple["Batch", list[Any] | None, State | None, Exception | None]
"""A finished commit: the batch, what the store answered per event and the new state, or the error."""


class Batch:
    """Messages validated since the last commit, in arrival order, with whom to answer."""

    __slots__ = ("delivered", "drill", "drill_after", "drill_touched", "events", "extra", "hub_seq", "hw", "keys",
                 "now", "orders", "replies", "snapshots", "tentative")

    def __init__(self, now: int, hub_seq: int = 0) -> None:
        self.now = now
        self.hub_seq = hub_seq  # the hub's own seq counter when the batch began
        self.events: list[ev.Envelope] = []
        # per event: (socket, routing id, refusal or None); None socket for the hub's own events
        self.replies: list[tuple[Socket | None, bytes, Refusal | None]] = []
        # (source, seq) -> index in events: built on the first resend that needs it (``find``), as
        # nearly every event is new and needs no lookup; kept up to date by ``add`` from then on.
        self.keys: dict[tuple[str, int], int] | None = None
        self.extra: list[tuple[int, Socket, bytes]] = []  # resends of a queued event, answered with it
        self.hw: dict[str, tuple[int, int]] = {}  # source -> (seq, t_src) of its newest queued event
        self.tentative: State | None = None
        # The running drill's tentative state (``Pipeline.drill_tentative``), once this batch changed it:
        # None then means the batch ended the drill.
        self.drill: State | None = None
        self.drill_touched = False
        self.drill_after: State | None = None  # the drill's state once the batch is stored (the committer's)
        self.delivered: set[str] = set()
        self.orders = False  # does it hold anything that creates or completes an order?
        self.snapshots: list[tuple[bytes, int, Mode]] = []  # (routing id, request number, which state)

    def add(self, event: ev.Envelope, socket: Socket | None, rid: bytes, refusal: Refusal | None = None) -> None:
        source, seq = event.source, event.seq
        if self.keys is not None:
            self.keys[(source, seq)] = len(self.events)
        self.events.append(event)
        self.replies.append((socket, rid, refusal))
        newest = self.hw.get(source)
        if newest is None or seq > newest[0]:
            self.hw[source] = (seq, event.t_src)

    def find(self, source: str, seq: int) -> int | None:
        """Index of the queued event ``(source, seq)``, if any."""
        if self.keys is None:
            self.keys = {(event.source, event.seq): index for index, event in enumerate(self.events)}
        return self.keys.get((source, seq))


class Committer:
    """Appends batches on a thread of its own, one at a time, so that the hub keeps receiving and
    validating the next batch while SQLite writes and syncs the current one. The hub's loop polls
    ``signal``; each message on it means ``take()`` has a finished batch."""

    def __init__(self, projector: StateProjector, context: zmq.Context[Socket], drill: State | None = None) -> None:
        self.projector = projector
        self.drill = drill  # the running drill's state as of the last batch stored, folded here, off the loop
        endpoint = f"inproc://dispatch-hub-commit-{id(self)}"
        self.signal = context.socket(zmq.PAIR)
        self.signal.bind(endpoint)
        self._notify = context.socket(zmq.PAIR)  # used by the committer thread only, once started
        self._notify.connect(endpoint)
        self._queue: queue.SimpleQueue[Batch | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="dispatch-hub-commit", daemon=True)
        self._thread.start()

    def submit(self, batch: Batch) -> None:
        self._queue.put(batch)

    def take(self) -> Outcome:
        self.signal.recv()
        return self._done.get_nowait()

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            try:
                before = self.projector.state
                appended, state = self.projector.append(batch.events)
                self.drill = batch.drill_after = drill_after(self.drill, before, batch.events, appended)
                self._done.put((batch, appended, state, None))
            except Exception as error:  # reported to the hub, which acknowledges nothing of it
                self._done.put((batch, None, None, error))
            self._notify.send(b"")

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(30)
        self._notify.close(linger=0)
        self.signal.close(linger=0)


class Pipeline:
    """What is stored (the committed state, each source's high water, the newest events) and what is on
    its way there (``batch``, being received; ``inflight``, being committed)."""

    def __init__(self, store: EventLog, projector: StateProjector, transport: Transport, *, recent_events: int,
                 count: Count, log: RateLimitedLog) -> None:
        self.store = store
        self.projector = projector
        self.transport = transport
        self.count = count
        self.log = log
        self.state = State()
        self.drill: State | None = None  # the running drill's state as of the last commit (None: no drill)
        self.hw: dict[str, int] = {}  # source -> seq of its newest stored event
        self._hw_t: dict[str, int] = {}  # source -> t_src of that event, looked up when first needed
        self.hub_seq = 0
        # The newest stored events by (source, seq): a resend is nearly always of one of these, and
        # answering it from memory keeps a storm of resends from turning into a storm of queries.
        # Each is kept as its published encoding: a tuple of an int and bytes is no work for the
        # garbage collector, while 10^5 envelopes would make every full collection walk them all.
        self.recent = RecentEvents(recent_events)
        self.batch = Batch(0)
        self.inflight: Batch | None = None
        self.committer: Committer | None = None

    def load(self) -> int:
        """Take up where the store left off; returns its last gseq."""
        self.state = self.projector.state
        self.drill = rebuild_drill(self.store, self.state, self.log)
        self.hw = dict(self.store.high_waters())
        self.hub_seq = self.hw.get(HUB_SOURCE, 0)
        return self.store.last_gseq()

    def store_now(self, bodies: list[ev.AnyBody], now: int) -> None:
        """Store and publish ``bodies`` as the hub's own events, before the loop starts (the roster's
        registrations: they create no orders). A failure raises."""
        batch = Batch(now, self.hub_seq)
        for body in bodies:
            batch.add(self.hub_event(body, now), None, b"")
        before = self.projector.state
        appended, state = self.projector.append(batch.events)
        batch.drill_after = drill_after(self.drill, before, batch.events, appended)
        self.complete((batch, appended, state, None), now)

    # --- the two batches --------------------------------------------------------------------------

    def start(self, context: zmq.Context[Socket], now: int) -> Committer:
        """Begin the first batch (after the hub's own events, if any) and the committer thread."""
        self.batch = Batch(now, self.hub_seq)
        self.committer = Committer(self.projector, context, self.drill)
        return self.committer

    def close(self) -> None:
        if self.committer is not None:
            self.committer.close()

    def submit(self, now: int) -> None:
        """Hand the batch received so far to the committer (when it is idle: ``inflight`` is None)."""
        assert self.committer is not None and self.inflight is None
        self.inflight, self.batch = self.batch, Batch(now, self.hub_seq)
        self.committer.submit(self.inflight)

    def tentative(self, batch: Batch) -> State:
        """The state that the next command is checked against: the committed state plus the commands
        already accepted in the batch being committed and in this one."""
        if batch.tentative is not None:
            return batch.tentative
        if self.inflight is not None and self.inflight.tentative is not None:
            return self.inflight.tentative
        return self.state

    def drill_tentative(self, batch: Batch) -> State | None:
        """The running drill's state that the next drill command is checked against (as ``tentative`` is
        for live commands); None when no drill runs."""
        if batch.drill_touched:
            return batch.drill
        if self.inflight is not None and self.inflight.drill_touched:
            return self.inflight.drill
        return self.drill

    def hub_event(self, body: ev.AnyBody, now: int, mode: Mode = Mode.LIVE) -> ev.Envelope:
        self.hub_seq += 1
        return ev.envelope(HUB_SOURCE, self.hub_seq, body, now, t_hub=now, mode=mode)

    def order_acknowledged(self, ack: p.OrderAck, batch: Batch) -> bool:
        """Queue ``order_delivered`` for a pending order its unit now holds, in the order's mode (a drill's
        order is delivered in the drill only); False if there is none (or one is already queued)."""
        inflight = self.inflight
        pending = self.tentative(batch).orders.get(ack.order)
        if pending is None:
            drill = self.drill_tentative(batch)
            pending = drill.orders.get(ack.order) if drill is not None else None
        if (pending is None or pending.unit != ack.unit or ack.order in batch.delivered
                or (inflight is not None and ack.order in inflight.delivered)):
            return False
        batch.delivered.add(ack.order)
        batch.orders = True
        delivered = ev.OrderDelivered(order=ack.order, unit=ack.unit)
        batch.add(self.hub_event(delivered, batch.now, pending.mode), None, b"")
        return True

    # --- resends ----------------------------------------------------------------------------------

    def queued(self, source: str, batch: Batch) -> tuple[int, int] | None:
        """(seq, t_src) of the newest event of ``source`` on its way to the store, if any."""
        queued = batch.hw.get(source)
        if self.inflight is not None:
            earlier = self.inflight.hw.get(source)
            if earlier is not None and (queued is None or earlier[0] > queued[0]):
                queued = earlier
        return queued

    def resend(self, socket: Socket, rid: bytes, event: ev.Envelope, batch: Batch,
               stored_hw: int, queued: tuple[int, int] | None) -> bool:
        """A seq at or below the source's high water. Answers and returns True for a resend of a stored
        or queued event; returns False for a late event that was never stored (it is then validated
        like a new one); raises ``seq_backwards`` otherwise. See PROTOCOL.md, "Sequence numbers"."""
        for pending in (batch, self.inflight):
            index = pending.find(event.source, event.seq) if pending is not None else None
            if index is not None:
                assert pending is not None
                if same(pending.events[index], event):
                    pending.extra.append((index, socket, rid))  # answered with it, once committed
                    return True
                raise _backwards(event, max(stored_hw, queued[0] if queued else 0))
        recent = self.recent.get((event.source, event.seq))
        found = None if recent is None else (recent[0], codec.decode(recent[1]))
        if found is None and event.seq <= stored_hw:
            found = self.store.get(event.source, event.seq)
        if found is not None:
            gseq, original = found
            if not same(original, event):
                raise _backwards(event, stored_hw)
            self.count("duplicates", 1)
            self._reply_stored(socket, rid, gseq, original, duplicate=True)
            return True
        # Never stored. Late (older than what its source sent since) is fine: a report lost with a
        # crashed hub and resent after newer ones got through. Newer data under an old number is not.
        newest_t = queued[1] if queued is not None and queued[0] >= stored_hw else self._t_at_hw(event.source)
        if event.t_src > newest_t:
            raise _backwards(event, max(stored_hw, queued[0] if queued else 0))
        return False

    def _t_at_hw(self, source: str) -> int:
        t = self._hw_t.get(source)
        if t is None:
            found = self.store.get(source, self.hw.get(source, 0))
            t = found[1].t_src if found is not None else 0
            self._hw_t[source] = t
        return t

    # --- completion -------------------------------------------------------------------------------

    def complete(self, outcome: Outcome, now: int) -> list[ev.Envelope] | None:
        """A batch is committed (or failed to be): answer its senders and publish it. Returns the newly
        stored events if some of them create or complete orders (for the router), else None."""
        batch, appended, state, error = outcome
        if batch is self.inflight:
            self.inflight = None
        if error is not None or appended is None or state is None:
            # Nothing is acknowledged: senders resend. The batch received meanwhile was checked
            # against a state that assumed this one stored, so it goes too (unanswered, resent).
            self.hub_seq = batch.hub_seq
            self.batch = Batch(now, self.hub_seq)
            self.count("store_errors", 1)
            self.log.warning("store_error", "store append failed (%d events not acknowledged): %r",
                             len(batch.events), error)
            return None
        self.state = state
        self.drill = batch.drill_after
        self.count("batches", 1)
        transport = self.transport
        acks: dict[tuple[Socket, bytes], list[p.AckEntry]] = {}
        published: list[tuple[int, msgspec.Raw]] = []
        published_keys: list[tuple[str, int]] = []
        refused = 0
        hw, hw_t, encode, raw, ack_entry = self.hw, self._hw_t, codec.encode, msgspec.Raw, p.AckEntry
        for event, (socket, rid, refusal), result in zip(batch.events, batch.replies, appended, strict=True):
            source, seq, gseq, duplicate = event.source, event.seq, result.gseq, result.duplicate
            if not duplicate:
                # Encoded once: the same bytes go out on PUB (as Raw) and stay in ``recent``.
                published.append((gseq, raw(encode(event))))
                published_keys.append((source, seq))
                if seq > hw.get(source, 0):
                    hw[source] = seq
                    hw_t[source] = event.t_src
            if socket is None:
                continue
            if refusal is not None:
                refused += 1
                self._nack_refusal(socket, rid, event, gseq)
            else:
                entries = acks.get((socket, rid))
                if entries is None:
                    entries = acks[(socket, rid)] = []
                entries.append(ack_entry(source, seq, gseq, duplicate))
        for index, socket, rid in batch.extra:  # copies that arrived while the first was pending
            event, result = batch.events[index], appended[index]
            self.count("duplicates", 1)
            self._reply_stored(socket, rid, result.gseq, event, duplicate=True)
        for (socket, rid), entries in acks.items():
            transport.send(socket, rid, p.ACK, p.Ack(tuple(entries)))
        self.count("stored", len(published))
        self.count("acked", sum(len(e) for e in acks.values()))
        if refused:
            self.count("refused", refused)
        transport.publish(published)
        self.recent.add(published_keys, published)
        if not batch.orders:
            return None
        return [event for event, result in zip(batch.events, appended, strict=True) if not result.duplicate]

    def _reply_stored(self, socket: Socket, rid: bytes, gseq: int, event: ev.Envelope, *, duplicate: bool) -> None:
        if isinstance(event.body, ev.Refused):
            self._nack_refusal(socket, rid, event, gseq)
        else:
            self.transport.send(socket, rid, p.ACK, p.Ack((p.AckEntry(event.source, event.seq, gseq, duplicate),)))

    def _nack_refusal(self, socket: Socket, rid: bytes, event: ev.Envelope, gseq: int) -> None:
        body = event.body
        assert isinstance(body, ev.Refused)  # only a stored refusal is answered with a nack
        nack = p.Nack(code=body.code, message=body.message, source=event.source, seq=event.seq, gseq=gseq,
                      params=dict(body.params))
        self.transport.send(socket, rid, p.NACK, nack)


def _backwards(event: ev.Envelope, high_water: int) -> p.BusError:
    return p.BusError("seq_backwards", seq=event.seq, source=event.source, high_water=high_water)
