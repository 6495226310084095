"""The workstation's side of the bus: a live copy of the hub's state, and commands with replies.

``WorkstationClient`` keeps a live copy of the hub's state (``bus.state_copy.StateCopy``: a snapshot,
then the published events, repaired by catching up from the hub's log after a gap, or by a fresh
snapshot when that cannot work) and sends commands, resent until answered (``bus.pending_commands``). ``request_events``
reads a stretch of the hub's log (a plugin's own events, for one) apart from the copy (``bus.history``).

The client runs on its own thread and reports through plain callbacks, called on that thread:

- ``on_state(state, changed_events)``: after a burst of updates, and after each catch-up, with the
  ``(gseq, Envelope)`` pairs just applied, in order (together, these lists hold every event once);
  ``changed_events`` is ``None`` when the whole state was replaced by a snapshot (the first sync, and a
  resync that could not catch up, a switch of view): the events in between are then not reported. In
  drill view (``follow_drill``) the states are the running drill's (``state.mode is Mode.DRILL``);
- ``on_connection(up)``: ``False`` within ``hub_timeout`` (default 2.5 s) of the hub's last message,
  ``True`` once synchronised again;
- ``on_reply(reply)``: every ``CommandReply`` (the same object also completes the command's future).

A Qt UI marshals these to its GUI thread (a queued signal); nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future

import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.command_reply import CommandReply as CommandReply  # re-exported
from dispatch_desktop.bus.command_reply import CommandTimeout as CommandTimeout  # re-exported
from dispatch_desktop.bus.field import clock_seq
from dispatch_desktop.bus.history import HistoryQueries, HistoryRequest
from dispatch_desktop.bus.history import HistoryUnavailable as HistoryUnavailable  # re-exported
from dispatch_desktop.bus.keys import ClientCurve
from dispatch_desktop.bus.pending_commands import PendingCommands, claimed
from dispatch_desktop.bus.session import Session, decode_payload
from dispatch_desktop.bus.sockets import Context, Socket
from dispatch_desktop.bus.state_copy import Published as Published  # re-exported: what on_state reports
from dispatch_desktop.bus.state_copy import StateCopy
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import State

log = logging.getLogger(__name__)

_wake_ids = itertools.count()


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
        self.sub_hwm = sub_hwm
        self.next_seq = first_seq if first_seq is not None else clock_seq()

        self.copy = StateCopy(name, send=self._send, report=self._report, synchronised=self._synchronised,
                              unsynchronised=self._unsynchronised, snapshot_timeout=snapshot_timeout,
                              catchup_limit=catchup_limit)
        self.connected = False
        self.synced = threading.Event()
        """Set while the state is a faithful copy (after a snapshot, until a gap or a silence)."""
        self.last_heard = 0.0
        """Monotonic time of the hub's last message."""

        self.commands = PendingCommands(self.session, self._send_frames)
        self._history_asked: queue.SimpleQueue[tuple[HistoryRequest, Future[list[Published]]]] = queue.SimpleQueue()
        self.history = HistoryQueries(self._send, retry_after=snapshot_timeout, deadline=command_deadline)
        self._seq_lock = threading.Lock()  # seqs are handed out on the caller's thread, raised on ours
        self._lost = False
        self._follow = False  # what follow_drill asked for last; the thread hands it to the copy
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
        self.commands.put(event, future)
        self._wake()
        return future

    def request_events(self, after: int = 0, upto: int = 0, plugins: Sequence[str] = ()) -> Future[list[Published]]:
        """The stored events with ``after < gseq <= upto`` (``upto`` 0: up to the end of the log), only the
        plugin events of ``plugins`` if any are named, in gseq order (thread-safe). Read from the hub's log
        in pages on the client's thread, apart from the state copy; the future fails with
        ``HistoryUnavailable`` if the hub gives no page for ``command_deadline`` s. Raises ``ValueError``
        for a negative gseq or a malformed plugin id."""
        wanted = HistoryRequest.checked(after, upto, plugins)
        future: Future[list[Published]] = Future()
        if self._stop.is_set():
            future.set_exception(HistoryUnavailable("the workstation client is stopped"))
            return future
        self._history_asked.put((wanted, future))
        self._wake()
        return future

    def follow_drill(self, on: bool) -> None:
        """Show the running drill (thread-safe): while one runs, ``on_state`` reports the drill's state
        (live and drill events) instead of the live one, switching by itself when a drill starts or ends;
        ``False`` goes back to the live state (a resync either way). See ``bus.state_copy``."""
        self._follow = on
        self._wake()

    @property
    def following_drill(self) -> bool:
        """Was the client last asked to follow the drill?"""
        return self._follow

    @property
    def drill_view(self) -> bool:
        """Is ``state`` the running drill's state now (rather than the live one)?"""
        return self.copy.drill_view

    # The copy, as it stands after the last update (read on any thread: each is replaced whole).

    @property
    def state(self) -> State:
        return self.copy.state

    @property
    def gseq(self) -> int:
        """gseq of the last event in ``state`` (0 before the first snapshot)."""
        return self.copy.gseq

    @property
    def hub_instance(self) -> str:
        return self.copy.hub_instance

    @property
    def resyncs(self) -> int:
        """Snapshots installed (the first sync included)."""
        return self.copy.resyncs

    @property
    def catchups(self) -> int:
        """Gaps repaired by catching up."""
        return self.copy.catchups

    @property
    def gaps(self) -> int:
        return self.copy.gaps

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
        self.copy.follow(self._follow)
        self.copy.start()
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
        return self._send_frames(self.session.pack(msg_type, payload))

    def _send_frames(self, frames: list[bytes]) -> bool:
        try:
            self._dealer.send_multipart(frames, zmq.NOBLOCK)
        except zmq.Again:
            return False
        return True

    def _drain_wake(self) -> None:
        while True:
            try:
                self._wake_pull.recv(zmq.NOBLOCK)
            except zmq.Again:
                break
        self.copy.follow(self._follow)
        now = time.monotonic()
        for wanted, history in claimed(self._history_asked):
            self.history.start(wanted, history, now)
        self.commands.send_queued(now, resend_after=self.command_timeout, deadline=self.command_deadline)

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
            elif not self.copy.on_refused(nack):
                log.warning("%s: hub refused a message: %s %s", self.name, nack.code, nack.message)
        elif kind == p.SNAPSHOT:
            snapshot: p.Snapshot = decode_payload(message.payload, p.Snapshot)
            if self.copy.is_answer(p.SNAPSHOT, snapshot.request):
                self.copy.on_snapshot(snapshot, message.data or b"")
        elif kind == p.CATCHUP:
            page: p.Catchup = decode_payload(message.payload, p.Catchup)
            if self.history.owns(page.request):
                self.history.on_page(page, time.monotonic())
            elif self.copy.is_answer(p.CATCHUP, page.request):
                self.copy.on_catchup(page)
        elif kind == p.WELCOME:
            welcome: p.Welcome = decode_payload(message.payload, p.Welcome)
            with self._seq_lock:
                if welcome.high_water >= self.next_seq:
                    self.next_seq = welcome.high_water + 1

    def _resolve(self, reply: CommandReply) -> None:
        if self.commands.resolve(reply):  # not an answer to a resend of something already answered
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
                    self.copy.on_events(decode_payload(message.payload, p.Events), changed)
                elif message.type == p.HEARTBEAT:
                    self.copy.on_heartbeat(decode_payload(message.payload, p.Heartbeat))
            except p.BusError as error:
                log.warning("%s: bad published message: %s", self.name, error)
        if changed and not self.copy.syncing:
            self._report(self.copy.state, changed)

    def _heard(self) -> None:
        self.last_heard = time.monotonic()
        if self._lost:
            self._lost = False
            self.copy.recover("hub back")  # catch up on what happened meanwhile (a snapshot if it cannot)

    def _report(self, state: State, changed: list[Published] | None) -> None:
        self._call(self.on_state, state, changed)

    def _unsynchronised(self) -> None:
        self.synced.clear()

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
        self.copy.tick(now)
        self.history.tick(now)
        self.commands.tick(now, resend_after=self.command_timeout)

    def _fail_pending(self, why: str) -> None:
        self.commands.fail_all(why)
        self.history.fail_all(why)
        for _wanted, history in claimed(self._history_asked):
            history.set_exception(HistoryUnavailable(why))

    def _call(self, callback: Callable[..., None] | None, *args: object) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            log.exception("%s: a listener failed", self.name)
