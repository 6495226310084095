"""The workstation's side of the bus: a live copy of the hub's state, and commands with replies.

``WorkstationClient`` follows the Clone pattern: it subscribes to the hub's PUB socket first, asks for a
snapshot (the state as of gseq N), then applies the published events after N. It repairs its copy by
itself whenever it notices that it missed something. After a gap — a published batch whose ``prev`` is
beyond the last gseq it applied, or a heartbeat announcing a newer gseq — it *catches up*: it asks the
hub for the stored events after its gseq (``events_request``), folds them in, then the batches published
meanwhile, so that every event is applied, and reported, exactly once and in gseq order. It takes a fresh
snapshot instead when catching up cannot work: at start, after a silence of the hub, when the hub
restarted, when the gap is over ``catchup_limit`` events, or when the hub does not answer in time or
refuses. PUB/SUB drops messages silently when a subscriber falls behind, so these checks, not the
high-water marks, are what keep the copy exact.

The client runs on its own thread and reports through plain callbacks, called on that thread:

- ``on_state(state, changed_events)``: after a burst of updates, and after each catch-up, with the
  ``(gseq, Envelope)`` pairs just applied, in order (together, these lists hold every event once);
  ``changed_events`` is ``None`` when the whole state was replaced by a snapshot (the first sync, and a
  resync that could not catch up): the events in between are then not reported;
- ``on_connection(up)``: ``False`` within ``hub_timeout`` (default 2.5 s) of the hub's last message,
  ``True`` once synchronised again;
- ``on_reply(reply)``: every ``CommandReply`` (the same object also completes the command's future).

A Qt UI marshals these to its GUI thread (a queued signal); nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import clock_seq
from dispatch_desktop.bus.keys import ClientCurve
from dispatch_desktop.bus.session import Session, decode_payload
from dispatch_desktop.bus.sockets import Context, Socket
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.replay import Replay
from dispatch_desktop.domain.state import State, decode_state

log = logging.getLogger(__name__)

Published = tuple[int, ev.Envelope]
_wake_ids = itertools.count()
_MAX_BUFFERED = 500_000  # live events buffered while syncing, beyond which the answer is not coming
_SNAPSHOT, _CATCHUP = "snapshot", "catch-up"  # what a syncing client waits for


class CommandTimeout(TimeoutError):
    """The hub did not answer a command before its deadline; it may or may not have been stored."""


@dataclass(frozen=True)
class CommandReply:
    """The hub's answer to a command. ``accepted`` with its ``gseq``; or refused with a reason ``code``,
    a ``message`` and its ``params`` (``gseq`` > 0 when the refusal itself was stored)."""

    seq: int
    accepted: bool
    gseq: int = 0
    code: str = ""
    message: str = ""
    params: dict[str, str] = field(default_factory=dict)
    duplicate: bool = False


@dataclass
class _Command:
    seq: int
    frame: bytes
    future: Future[CommandReply]
    deadline: float
    sent_at: float = 0.0


class WorkstationClient:
    """A workstation's connection to the hub; see the module docstring.

    ``name``: the workstation id (the ``source`` of its commands; with Curve, the name of its key).
    ``command_endpoint`` / ``publish_endpoint``: the hub's workstation ROUTER and PUB sockets.
    ``curve``: the workstation's key pair and the hub's public key; None only against a plain hub.
    """

    def __init__(
        self,
        name: str,
        *,
        command_endpoint: str,
        publish_endpoint: str,
        curve: ClientCurve | None = None,
        session: Session | None = None,
        context: Context | None = None,
        on_state: Callable[[State, list[Published] | None], None] | None = None,
        on_connection: Callable[[bool], None] | None = None,
        on_reply: Callable[[CommandReply], None] | None = None,
        hub_timeout: float = 2.5,
        command_timeout: float = 2.0,
        command_deadline: float = 60.0,
        snapshot_timeout: float = 3.0,
        sub_hwm: int = 10_000,
        first_seq: int | None = None,
        catchup_limit: int = 200_000,
    ) -> None:
        self.name = name
        self.command_endpoint = command_endpoint
        self.publish_endpoint = publish_endpoint
        self.curve = curve
        self.session = session or Session()
        shared: Context = zmq.Context.instance()
        self.context = context or shared
        self.on_state = on_state
        self.on_connection = on_connection
        self.on_reply = on_reply
        self.hub_timeout = hub_timeout
        self.command_timeout = command_timeout
        self.command_deadline = command_deadline
        self.snapshot_timeout = snapshot_timeout
        """Seconds to wait for a snapshot (then asked again) or a catch-up page (then a snapshot)."""
        self.catchup_limit = catchup_limit
        """A gap of more events than this is repaired by a snapshot rather than caught up."""
        self.sub_hwm = sub_hwm
        self.next_seq = first_seq if first_seq is not None else clock_seq()

        self.state = State()
        self.gseq = 0
        """gseq of the last event in ``state`` (0 before the first snapshot)."""
        self.connected = False
        self.synced = threading.Event()
        """Set while the state is a faithful copy (after a snapshot, until a gap or a silence)."""
        self.hub_instance = ""
        self.last_heard = 0.0
        """Monotonic time of the hub's last message."""
        self.resyncs = 0
        """Snapshots installed (the first sync included)."""
        self.catchups = 0
        """Gaps repaired by catching up."""
        self.gaps = 0

        self._outgoing: queue.SimpleQueue[tuple[ev.Envelope, Future[CommandReply]]] = queue.SimpleQueue()
        self._seq_lock = threading.Lock()  # seqs are handed out on the caller's thread, raised on ours
        self._pending: dict[int, _Command] = {}
        self._buffer: list[p.Events] = []
        self._buffered = 0
        self._syncing = True
        self._waiting_for = _SNAPSHOT
        self._snapshot_request = 0
        self._catchup_request = 0
        self._sync_sent = 0.0  # when the snapshot or catch-up page being waited for was asked for
        self._copy_hub = ""  # the hub instance whose log the copy follows: only it can fill a gap
        self._caught: list[Published] = []  # applied by the catch-up under way, reported at its end
        self._lost = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        wake = f"inproc://dispatch-ws-wake-{id(self)}-{next(_wake_ids)}"
        self._wake_pull = self.context.socket(zmq.PAIR)
        self._wake_pull.bind(wake)
        self._wake_push = self.context.socket(zmq.PAIR)
        self._wake_push.connect(wake)
        self._wake_lock = threading.Lock()

    # --- public API ---------------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"dispatch-ws-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout)
        with self._wake_lock:
            self._wake_push.close(linger=0)

    def __enter__(self) -> WorkstationClient:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def send_command(self, body: ev.AnyBody, *, mode: Mode = Mode.LIVE) -> Future[CommandReply]:
        """Send a command (thread-safe). The future completes with the hub's ``CommandReply``; the
        command is resent with the same seq every ``command_timeout`` s until answered, and fails with
        ``CommandTimeout`` after ``command_deadline`` s."""
        return self.send_envelope(self.new_envelope(body, mode=mode))

    def new_envelope(self, body: ev.AnyBody, *, mode: Mode = Mode.LIVE) -> ev.Envelope:
        """The envelope ``send_command`` would send: the next seq of this workstation, stamped now.
        Made apart from sending so that a caller can keep it (on disk, say) and send the very same
        envelope again later: the hub answers an exact resend of a stored command as a duplicate."""
        with self._seq_lock:
            seq = self.next_seq
            self.next_seq += 1
        return ev.envelope(self.name, seq, body, int(time.time() * 1000), mode=mode)

    def send_envelope(self, event: ev.Envelope) -> Future[CommandReply]:
        """Send an envelope made by ``new_envelope`` (now or in an earlier run), as ``send_command``."""
        future: Future[CommandReply] = Future()
        if event.source != self.name:
            raise ValueError(f"envelope from {event.source!r} given to workstation {self.name!r}")
        if self._stop.is_set():
            future.set_exception(CommandTimeout("the workstation client is stopped"))
            return future
        self._outgoing.put((event, future))
        self._wake()
        return future

    def wait_synced(self, timeout: float) -> bool:
        return self.synced.wait(timeout)

    def _wake(self) -> None:
        # A full queue means a wake-up is already pending; a closed socket, that the client stopped.
        with self._wake_lock, contextlib.suppress(zmq.ZMQError):
            self._wake_push.send(b"", zmq.NOBLOCK)

    # --- the thread ---------------------------------------------------------------------------------

    def _run(self) -> None:
        sub = self._socket(zmq.SUB)
        sub.rcvhwm = self.sub_hwm
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        sub.connect(self.publish_endpoint)
        dealer = self._socket(zmq.DEALER)
        dealer.connect(self.command_endpoint)
        poller = zmq.Poller()
        for socket in (sub, dealer, self._wake_pull):
            poller.register(socket, zmq.POLLIN)
        self._dealer = dealer
        self._send(p.HELLO, p.Hello(source=self.name))
        self._request_snapshot()
        self.last_heard = time.monotonic()
        try:
            while not self._stop.is_set():
                ready = dict(poller.poll(100))
                if self._wake_pull in ready:
                    self._drain_wake()
                if dealer in ready:
                    self._drain_dealer(dealer)
                if sub in ready:
                    self._drain_sub(sub)
                self._timers()
        except Exception:
            log.exception("workstation client %s stopped on an unexpected error", self.name)
        finally:
            self._fail_pending("the workstation client stopped")
            for socket in (sub, dealer, self._wake_pull):
                socket.close(linger=0)

    def _socket(self, kind: int) -> Socket:
        socket = self.context.socket(kind)
        socket.linger = 0
        socket.setsockopt(zmq.RECONNECT_IVL, 100)
        socket.setsockopt(zmq.RECONNECT_IVL_MAX, 1000)
        socket.setsockopt(zmq.HEARTBEAT_IVL, 1000)
        socket.setsockopt(zmq.HEARTBEAT_TIMEOUT, 3000)
        if self.curve is not None:
            self.curve.apply(socket)
        return socket

    def _send(self, msg_type: bytes, payload: object) -> bool:
        try:
            self._dealer.send_multipart(self.session.pack(msg_type, payload), zmq.NOBLOCK)
        except zmq.Again:
            return False
        return True

    def _drain_wake(self) -> None:
        while True:
            try:
                self._wake_pull.recv(zmq.NOBLOCK)
            except zmq.Again:
                break
        now = time.monotonic()
        while True:
            try:
                event, future = self._outgoing.get_nowait()
            except queue.Empty:
                break
            if not future.set_running_or_notify_cancel():
                continue
            earlier = self._pending.get(event.seq)
            if earlier is not None:  # the same envelope again while its first copy waits: one answer for both
                earlier.future.add_done_callback(functools.partial(_copy_outcome, into=future))
                continue
            command = _Command(event.seq, self.session.frame(p.COMMAND, codec.encode(event)), future,
                               now + self.command_deadline)
            self._pending[event.seq] = command
            self._transmit(command, now)

    def _transmit(self, command: _Command, now: float) -> None:
        try:
            self._dealer.send(command.frame, zmq.NOBLOCK)
            command.sent_at = now
        except zmq.Again:
            command.sent_at = now - self.command_timeout / 2  # retry soon

    # --- replies ------------------------------------------------------------------------------------

    def _drain_dealer(self, dealer: Socket) -> None:
        while True:
            try:
                frames = dealer.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                return
            try:
                self._on_reply(frames)
            except p.BusError as error:
                log.warning("%s: bad message from the hub: %s", self.name, error)

    def _on_reply(self, frames: list[bytes]) -> None:
        message = self.session.parse(frames)
        kind = message.type
        if kind == p.ACK:
            ack: p.Ack = decode_payload(message.payload, p.Ack)
            for entry in ack.acks:
                if entry.source == self.name:
                    self._resolve(CommandReply(entry.seq, True, entry.gseq, duplicate=entry.duplicate))
        elif kind == p.NACK:
            nack: p.Nack = decode_payload(message.payload, p.Nack)
            if nack.source == self.name:
                self._resolve(CommandReply(nack.seq, False, nack.gseq, nack.code, nack.message, dict(nack.params)))
            else:
                log.warning("%s: hub refused a message: %s %s", self.name, nack.code, nack.message)
        elif kind == p.SNAPSHOT:
            snapshot: p.Snapshot = decode_payload(message.payload, p.Snapshot)
            if snapshot.request == self._snapshot_request and self._syncing and self._waiting_for == _SNAPSHOT:
                self._install(snapshot, message.data or b"")
        elif kind == p.CATCHUP:
            page: p.Catchup = decode_payload(message.payload, p.Catchup)
            if page.request == self._catchup_request and self._syncing and self._waiting_for == _CATCHUP:
                self._on_catchup(page)
        elif kind == p.WELCOME:
            welcome: p.Welcome = decode_payload(message.payload, p.Welcome)
            with self._seq_lock:
                if welcome.high_water >= self.next_seq:
                    self.next_seq = welcome.high_water + 1

    def _resolve(self, reply: CommandReply) -> None:
        command = self._pending.pop(reply.seq, None)
        if command is None:
            return  # an answer to a resend of something already answered
        command.future.set_result(reply)
        self._call(self.on_reply, reply)

    # --- updates ------------------------------------------------------------------------------------

    def _drain_sub(self, sub: Socket) -> None:
        changed: list[Published] = []
        budget = time.monotonic() + 0.05  # hand the UI a state at least 20 times a second under load
        while time.monotonic() < budget:
            try:
                frame = sub.recv(zmq.NOBLOCK)
            except zmq.Again:
                break
            try:
                message = self.session.parse([frame])
                self._heard()
                if message.type == p.EVENTS:
                    self._on_events(decode_payload(message.payload, p.Events), changed)
                elif message.type == p.HEARTBEAT:
                    self._on_heartbeat(decode_payload(message.payload, p.Heartbeat))
            except p.BusError as error:
                log.warning("%s: bad published message: %s", self.name, error)
        if changed and not self._syncing:
            self._call(self.on_state, self.state, changed)

    def _on_events(self, batch: p.Events, changed: list[Published]) -> None:
        if self._syncing:
            self._buffer.append(batch)
            self._buffered += len(batch.events)
            if self._buffered > _MAX_BUFFERED:  # the answer is not coming: start over rather than grow
                self._resync("too much buffered")
            return
        if batch.prev > self.gseq:
            self._gap("gap", batch.prev)
            self._buffer.append(batch)
            self._buffered += len(batch.events)
            return
        self._apply(batch, changed)

    def _apply(self, batch: p.Events, changed: list[Published]) -> None:
        self._fold(batch.events, changed)

    def _fold(self, events: tuple[Published, ...], changed: list[Published]) -> None:
        replay, gseq = Replay(self.state), self.gseq  # position reports folded per unit: most of a batch
        for item in events:
            if item[0] > gseq:
                replay.event(item[1])
                gseq = item[0]
                changed.append(item)
        self.state, self.gseq = replay.state, gseq

    def _on_heartbeat(self, beat: p.Heartbeat) -> None:
        restarted = beat.hub != self.hub_instance
        if restarted:
            if self.hub_instance:
                log.info("%s: hub restarted (%s -> %s)", self.name, self.hub_instance, beat.hub)
            self.hub_instance = beat.hub
        if self._syncing:
            return
        # Events go out before the heartbeat that counts them, on the same socket: a newer gseq means
        # some were dropped. An older one is a beat sent before the snapshot we hold was taken —
        # unless the hub restarted with a different log.
        if restarted and beat.gseq != self.gseq:
            self.gaps += beat.gseq > self.gseq
            self._resync("hub restarted")
        elif beat.gseq > self.gseq:
            self._gap("heartbeat", beat.gseq)

    def _heard(self) -> None:
        self.last_heard = time.monotonic()
        if self._lost:
            self._lost = False
            self._resync("hub back")  # whatever happened meanwhile, start from a fresh snapshot

    def _resync(self, why: str) -> None:
        """Replace the copy by a fresh snapshot (what was caught up so far is dropped, unreported)."""
        log.info("%s: resynchronising (%s) at gseq %d", self.name, why, self.gseq)
        self._syncing = True
        self.synced.clear()
        self._buffer.clear()
        self._buffered = 0
        self._caught = []
        self._request_snapshot()

    def _request_snapshot(self) -> None:
        self._waiting_for = _SNAPSHOT
        self._snapshot_request += 1
        self._sync_sent = time.monotonic()
        self._send(p.SNAPSHOT_REQUEST, p.SnapshotRequest(request=self._snapshot_request))

    # --- catching up ----------------------------------------------------------------------------------

    def _gap(self, why: str, ahead: int) -> None:
        """Events up to at least ``ahead`` were missed: catch up, or resync if that is too far."""
        self.gaps += 1
        if ahead - self.gseq > self.catchup_limit:
            self._resync(f"{why}: {ahead - self.gseq} events missed, over the catch-up limit")
            return
        log.info("%s: catching up (%s) from gseq %d", self.name, why, self.gseq)
        self._syncing = True
        self.synced.clear()
        self._buffer.clear()
        self._buffered = 0
        self._caught = []
        self._request_catchup()

    def _request_catchup(self) -> None:
        self._waiting_for = _CATCHUP
        self._catchup_request += 1
        self._sync_sent = time.monotonic()
        self._send(p.EVENTS_REQUEST, p.EventsRequest(request=self._catchup_request, after=self.gseq))

    def _on_catchup(self, page: p.Catchup) -> None:
        if page.code or page.hub != self._copy_hub or page.after != self.gseq:
            self._resync(f"catch-up not possible: {page.code or 'another hub instance'}")
            return
        self._fold(page.events, self._caught)
        if len(self._caught) > self.catchup_limit:
            self._resync("the catch-up grew over its limit")
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
        changed, self._caught = self._caught, []
        self._syncing = False
        self.catchups += 1
        self._call(self.on_state, self.state, changed)
        self._synchronised()

    def _install(self, snapshot: p.Snapshot, data: bytes) -> None:
        try:
            state = decode_state(data)
        except Exception as error:  # a corrupt snapshot: ask again rather than show it
            log.warning("%s: undecodable snapshot: %s", self.name, error)
            self._request_snapshot()
            return
        self.state, self.gseq = state, snapshot.gseq
        self.hub_instance = self._copy_hub = snapshot.hub
        buffered, self._buffer, self._buffered = self._buffer, [], 0
        ignored: list[Published] = []
        for batch in buffered:
            if batch.prev > self.gseq:  # the buffer does not reach back to the snapshot
                self._request_snapshot()
                return
            self._apply(batch, ignored)
        self._syncing = False
        self.resyncs += 1
        self._call(self.on_state, self.state, None)
        self._synchronised()

    def _synchronised(self) -> None:
        if not self.connected:
            self.connected = True
            self._call(self.on_connection, True)
        self.synced.set()  # last: whoever waits on it finds the listeners already told

    # --- timers -------------------------------------------------------------------------------------

    def _timers(self) -> None:
        now = time.monotonic()
        if now - self.last_heard > self.hub_timeout:
            if self.connected:
                self.connected = False
                self.synced.clear()
                self._call(self.on_connection, False)
            self._lost = True  # the copy may be stale: resync as soon as the hub speaks again
        if self._syncing and now - self._sync_sent > self.snapshot_timeout:
            if self._waiting_for == _CATCHUP:
                self._resync("no answer to the catch-up")
            else:
                self._request_snapshot()
        for command in list(self._pending.values()):
            if now > command.deadline:
                del self._pending[command.seq]
                command.future.set_exception(CommandTimeout(f"no answer from the hub to command {command.seq}"))
            elif now - command.sent_at >= self.command_timeout:
                self._transmit(command, now)

    def _fail_pending(self, why: str) -> None:
        for command in self._pending.values():
            if not command.future.done():
                command.future.set_exception(CommandTimeout(why))
        self._pending.clear()
        while True:
            try:
                _event, future = self._outgoing.get_nowait()
            except queue.Empty:
                break
            if future.set_running_or_notify_cancel():
                future.set_exception(CommandTimeout(why))

    def _call(self, callback: Callable[..., None] | None, *args: object) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            log.exception("%s: a listener failed", self.name)


def _copy_outcome(done: Future[CommandReply], into: Future[CommandReply]) -> None:
    error = done.exception()
    if error is not None:
        into.set_exception(error)
    else:
        into.set_result(done.result())
