"""The hub: the one place where reports and commands become stored events.

One thread owns every socket (field ROUTER, workstation ROUTER, PUB) and runs a loop:

1. wait until something is readable, a commit has finished, or a timer is due;
2. drain what is readable into the next batch, up to ``max_batch`` messages, validating each one as it
   arrives — bad input is NACKed on the spot, resends of stored events are re-answered from memory or
   the store, snapshot requests are answered from the committed state, the rest is queued;
3. when no commit is in progress, hand the batch to the committer thread, which appends it to the store
   in one transaction (through the ``Projector``, which also folds it into the authoritative ``State``)
   while the loop goes on receiving and validating the next batch; the ``dispatch-desktop hub`` command
   gives it a projector whose appends are done by another process (``store.StoreWriter``), so that the
   store's Python work does not compete with the loop for the interpreter lock;
4. when the commit has finished, and only then, ACK (or NACK, for stored refusals), publish the stored
   events with their gseq and route new orders to their units;
5. heartbeats, order resends and key reloads when due.

Commands are checked in hub order against a tentative state that already holds the earlier commands of
the same batch, so two dispatchers sending the same unit are decided by arrival: the first is stored as
the dispatch, the second as a ``Refused`` event carrying the domain's reason.
"""

from __future__ import annotations

import gc
import logging
import os
import queue
import re
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import msgspec
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.area import DEFAULT_SKEW, EVERYWHERE, Area, Skew
from dispatch_desktop.bus.blobs import BlobStore
from dispatch_desktop.bus.keys import READ_ONLY_ROLES, KeyDirectory, KeyRing, Role
from dispatch_desktop.bus.limits import raise_open_file_limit
from dispatch_desktop.bus.ratelog import RateLimitedLog
from dispatch_desktop.bus.recent import RecentEvents
from dispatch_desktop.bus.session import Session, decode_envelope, decode_payload
from dispatch_desktop.bus.zap import FIELD_DOMAIN, KEY_PROPERTY, WORKSTATION_DOMAIN, ZapHandler
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.projection import apply, check
from dispatch_desktop.domain.state import PendingOrder, Refusal, State, encode_state

log = logging.getLogger(__name__)

HUB_SOURCE = "hub"
_GC_YOUNG = 50_000
_SWITCH_INTERVAL = 0.001  # seconds
_GATHER_MS = 5

UNIT_REPORT_TYPES: frozenset[type[ev.Body]] = frozenset(ev.BODY_TYPES[k] for k in ev.UNIT_REPORT_KINDS)
COMMAND_TYPES: frozenset[type[ev.Body]] = frozenset({
    ev.IncidentCreated, ev.IncidentReclassified, ev.UnitDispatched, ev.UnitRecalled, ev.IncidentReferred,
    ev.IncidentClosed, ev.IncidentNote, ev.UnitStatusSet, ev.SosAcknowledged, ev.MessageSent,
    ev.CallAnswered, ev.CallClosed,
})
"""Bodies a dispatcher's or commander's desk may send; the others come from units, gateways or the hub."""
TELEPHONY_TYPES: frozenset[type[ev.Body]] = frozenset({ev.CallOffered, ev.CallEnded})
"""Bodies a telephony gateway (a workstation of role ``telephony``) may send, and no one else."""
WORKSTATION_BODY_TYPES = COMMAND_TYPES | TELEPHONY_TYPES
"""Everything accepted on the workstation socket; which of it a sender may send depends on its role."""
_ORDER_BODIES = (ev.UnitDispatched, ev.UnitRecalled, ev.MessageSent)
_PLACED_BODIES = (ev.Sos, ev.IncidentCreated)  # bodies with lat/lon checked against the service area
_ORDER_IDS = frozenset({ev.UnitDispatched, ev.UnitRecalled})  # bodies whose order id the hub fills in


# --- collaborators ----------------------------------------------------------------------------------


class Appended(Protocol):
    gseq: int
    duplicate: bool


class EventLog(Protocol):
    """What the hub needs from ``dispatch_desktop.store.EventStore``."""

    def high_waters(self) -> dict[str, int]: ...

    def last_gseq(self) -> int: ...

    def get(self, source: str, seq: int) -> tuple[int, ev.Envelope] | None: ...


class StateProjector(Protocol):
    """What the hub needs from ``dispatch_desktop.store.Projector``."""

    @property
    def state(self) -> State: ...

    def append(self, events: Sequence[ev.Envelope]) -> tuple[list[Any], State]: ...


@dataclass(frozen=True)
class CurveSecurity:
    """CurveZMQ with per-unit and per-workstation keys from a key directory (see ``bus.keys``)."""

    keys_dir: Path


@dataclass(frozen=True)
class PlainSecurity:
    """No encryption, no authentication: in-process use and tests only. Workstation roles come from
    ``roles`` (default dispatcher; a telephony gateway must be named here); any connection may report as
    any unit."""

    roles: Mapping[str, Role] = field(default_factory=dict)


Security = CurveSecurity | PlainSecurity


@dataclass(frozen=True)
class Endpoints:
    field: str
    workstation: str
    publish: str


@dataclass(frozen=True)
class _Peer:
    name: str
    key: bytes


_PLAIN_PEER = _Peer("", b"")


class _Batch:
    """Messages validated since the last commit, in arrival order, with whom to answer."""

    __slots__ = ("delivered", "events", "extra", "hub_seq", "hw", "keys", "now", "orders", "replies", "snapshots",
                 "tentative")

    def __init__(self, now: int, hub_seq: int = 0) -> None:
        self.now = now
        self.hub_seq = hub_seq  # the hub's own seq counter when the batch began
        self.events: list[ev.Envelope] = []
        # per event: (socket, routing id, refusal or None); None socket for the hub's own events
        self.replies: list[tuple[zmq.Socket | None, bytes, Refusal | None]] = []  # type: ignore[type-arg]
        # (source, seq) -> index in events: built on the first resend that needs it (``find``), as
        # nearly every event is new and needs no lookup; kept up to date by ``add`` from then on.
        self.keys: dict[tuple[str, int], int] | None = None
        self.extra: list[tuple[int, zmq.Socket, bytes]] = []  # type: ignore[type-arg]
        self.hw: dict[str, tuple[int, int]] = {}  # source -> (seq, t_src) of its newest queued event
        self.tentative: State | None = None
        self.delivered: set[str] = set()
        self.orders = False  # does it hold anything that creates or completes an order?
        self.snapshots: list[tuple[bytes, int]] = []

    def add(self, event: ev.Envelope, socket: zmq.Socket | None, rid: bytes,  # type: ignore[type-arg]
            refusal: Refusal | None = None) -> None:
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


class _Committer:
    """Appends batches on a thread of its own, one at a time, so that the hub keeps receiving and
    validating the next batch while SQLite writes and syncs the current one. The hub's loop polls
    ``signal``; each message on it means ``take()`` has a finished batch."""

    def __init__(self, projector: StateProjector, context: zmq.Context) -> None:  # type: ignore[type-arg]
        self.projector = projector
        endpoint = f"inproc://dispatch-hub-commit-{id(self)}"
        self.signal = context.socket(zmq.PAIR)
        self.signal.bind(endpoint)
        self._notify = context.socket(zmq.PAIR)  # used by the committer thread only, once started
        self._notify.connect(endpoint)
        self._queue: queue.SimpleQueue[_Batch | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[tuple[_Batch, list[Any] | None, State | None, Exception | None]] = (
            queue.SimpleQueue())
        self._thread = threading.Thread(target=self._run, name="dispatch-hub-commit", daemon=True)
        self._thread.start()

    def submit(self, batch: _Batch) -> None:
        self._queue.put(batch)

    def take(self) -> tuple[_Batch, list[Any] | None, State | None, Exception | None]:
        self.signal.recv()
        return self._done.get_nowait()

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            try:
                appended, state = self.projector.append(batch.events)
                self._done.put((batch, appended, state, None))
            except Exception as error:  # reported to the hub, which acknowledges nothing of it
                self._done.put((batch, None, None, error))
            self._notify.send(b"")

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(30)
        self._notify.close(linger=0)
        self.signal.close(linger=0)


def next_port(endpoint: str, offset: int) -> str:
    """The hub's sockets sit on consecutive ports: field, workstation (+1), publish (+2)."""
    base, _, port = endpoint.rpartition(":")
    if not endpoint.startswith("tcp://") or not port.isdigit():
        raise ValueError(f"hub endpoint {endpoint!r} is not of the form tcp://HOST:PORT")
    return f"{base}:{int(port) + offset}"


# --- the hub ----------------------------------------------------------------------------------------


class Hub:
    """Receives, validates, stores, acknowledges and publishes; see the module docstring.

    ``store`` is the event store (``EventStore``), ``projector`` the ``Projector`` over it (built from the
    store if omitted). ``security`` must be given explicitly: ``CurveSecurity(keys_dir)`` in production,
    ``PlainSecurity()`` only in-process or in tests. Endpoints may use port ``*`` (any free port); the
    bound ones are in ``hub.endpoints`` once ``start()`` returns.
    """

    def __init__(
        self,
        store: EventLog,
        *,
        security: Security,
        blob_dir: Path | str,
        projector: StateProjector | None = None,
        field_endpoint: str = "tcp://127.0.0.1:5555",
        workstation_endpoint: str = "tcp://127.0.0.1:5556",
        publish_endpoint: str = "tcp://127.0.0.1:5557",
        area: Area = EVERYWHERE,
        skew: Skew = DEFAULT_SKEW,
        bootstrap: Sequence[ev.Body] = (),
        session_key: bytes = b"",
        max_batch: int = 2000,
        publish_hwm: int = 1000,
        recent_events: int = 100_000,
        heartbeat_interval: float = 1.0,
        order_resend_interval: float = 2.0,
        clock: Callable[[], float] = time.time,
        context: zmq.Context | None = None,  # type: ignore[type-arg]
    ) -> None:
        self.store = store
        if projector is None:
            from dispatch_desktop.store import Projector  # the store package is a peer of the bus

            projector = Projector(store)  # type: ignore[call-arg]
        self.projector = projector
        self.security = security
        self.blobs = BlobStore(blob_dir)
        self.area = area
        self.skew = skew
        self._future_ms, self._past_ms = skew.future_ms, skew.past_ms
        self.bootstrap = tuple(bootstrap)
        self.session = Session(session_key)
        self.max_batch = max_batch
        self.publish_hwm = publish_hwm
        self.recent_events = recent_events
        self.heartbeat_interval = heartbeat_interval
        self.order_resend_interval = order_resend_interval
        self.clock = clock
        self._own_context = context is None
        self.context = context if context is not None else zmq.Context()
        self._requested = Endpoints(field_endpoint, workstation_endpoint, publish_endpoint)
        self.endpoints: Endpoints | None = None
        self.instance = uuid.uuid4().hex[:12]

        self.keyring: KeyRing | None = None
        self._zap: ZapHandler | None = None
        self._state: State = State()
        self._hw: dict[str, int] = {}
        self._hw_t: dict[str, int] = {}
        self._hub_seq = 0
        self._last_gseq = 0
        self._routes: dict[str, bytes] = {}
        self._peers: dict[int, dict[bytes, _Peer]] = {}
        self._order_sent: dict[str, float] = {}
        # The newest stored events by (source, seq): a resend is nearly always of one of these, and
        # answering it from memory keeps a storm of resends from turning into a storm of queries.
        # Each is kept as its published encoding: a tuple of an int and bytes is no work for the
        # garbage collector, while 10^5 envelopes would make every full collection walk them all.
        self._recent = RecentEvents(recent_events)
        self._snapshot_cache: tuple[int, bytes] | None = None
        self._counters: Counter[str] = Counter()
        self._counter_lock = threading.Lock()
        self._log = RateLimitedLog(log)
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._sockets: list[zmq.Socket] = []  # type: ignore[type-arg]
        self._batch = _Batch(0)  # being received and validated
        self._inflight: _Batch | None = None  # being committed by the committer thread
        self._committer: _Committer | None = None

    # --- lifecycle --------------------------------------------------------------------------------

    def start(self, timeout: float = 30.0, *, owns_process: bool = False) -> Endpoints:
        """Run the hub on a background thread; returns once its sockets are bound. ``owns_process``:
        nothing else of note runs in this process, so tune it for the hub as ``run`` does."""
        self._thread = threading.Thread(target=self._main, args=(owns_process,), name="dispatch-hub", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the hub did not start in time")
        if self._failure is not None:
            raise RuntimeError(f"the hub failed to start: {self._failure}") from self._failure
        assert self.endpoints is not None
        return self.endpoints

    def run(self) -> None:
        """Run the hub in the calling thread until ``stop()`` (the ``dispatch-desktop hub`` command).
        The hub then owns the process, and tunes its garbage collector and thread switching (see
        ``_main``)."""
        self._main(own_process=True)
        if self._failure is not None:
            raise self._failure

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def __enter__(self) -> Hub:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def state(self) -> State:
        """The authoritative state as of the last commit (read-only; swapped atomically)."""
        return self._state

    def stats(self) -> dict[str, Any]:
        """Counters (``received``, ``stored``, ``acked``, ``duplicates``, ``refused``, ``nack.<code>``,
        ``auth_denied``, ``store_errors``, ``published``, ``orders_sent``, ``orders_delivered``…) and
        gauges (``last_gseq``, ``units_routed``, ``pending_orders``, ``rss_bytes``, ``authorized_keys``)."""
        with self._counter_lock:
            out: dict[str, Any] = dict(self._counters)
        out["nacks"] = {k[5:]: v for k, v in out.items() if k.startswith("nack.")}
        out["last_gseq"] = self._last_gseq
        out["units_routed"] = len(self._routes)
        out["pending_orders"] = len(self._state.orders)
        out["authorized_keys"] = len(self.keyring) if self.keyring is not None else None
        out["rss_bytes"] = _rss()
        return out

    def _count(self, key: str, n: int = 1) -> None:
        with self._counter_lock:
            self._counters[key] += n

    # --- setup ------------------------------------------------------------------------------------

    def _main(self, own_process: bool = False) -> None:
        sockets: list[zmq.Socket] = []  # type: ignore[type-arg]
        try:
            sockets = self._setup()
        except BaseException as error:
            self._failure = error
            self._ready.set()
            self._teardown(sockets)
            return
        if own_process:
            # Everything loaded so far (modules, SQLAlchemy, the state) lives as long as the process:
            # without this, each full collection walks it all again, 0.1-0.3 s with the loop stopped,
            # every few seconds under load; frozen objects are still freed by reference counting.
            gc.freeze()
            # Under load a report allocates some twenty objects that live until its batch is
            # committed: at the default threshold (700) the young generation is collected hundreds of
            # times a second, every batch in flight is walked again each time and pushed into the
            # old generations, whose collections it then triggers. Collecting every 50,000
            # allocations lets almost all of them die first; the rare cycle (an exception and its
            # traceback) is still collected, a little later.
            gc.set_threshold(_GC_YOUNG, 20, 10)
            # The committer gives the GIL up at every SQLite step and commit; taking it back from the
            # loop thread, busy receiving, waits out the switch interval each time. At the default
            # 5 ms those waits stretched a small batch's commit to tens of ms (p50 at 11,000
            # reports/s: 830 ms, against 340 ms at 1 ms, on the shared two-core machine).
            sys.setswitchinterval(_SWITCH_INTERVAL)
        self._ready.set()
        try:
            self._loop(*sockets)
        except BaseException as error:
            log.exception("the hub stopped on an unexpected error")
            self._failure = error
        finally:
            self._teardown(sockets)

    def _setup(self) -> list[zmq.Socket]:  # type: ignore[type-arg]
        raise_open_file_limit()  # one descriptor per connected handset
        self._state = self.projector.state
        self._hw = dict(self.store.high_waters())
        self._hub_seq = self._hw.get(HUB_SOURCE, 0)
        self._last_gseq = self.store.last_gseq()
        curve = None
        if isinstance(self.security, CurveSecurity):
            self.keyring = KeyRing(Path(self.security.keys_dir) / "authorized")
            curve = KeyDirectory(self.security.keys_dir).hub_certificate()
            self._zap = ZapHandler(self.context, self.keyring,
                                   on_denied=lambda why: self._count("auth_denied"))
            self._zap.start()  # before any CURVE socket is bound
        else:
            log.warning("hub running WITHOUT authentication or encryption (plain mode)")
        sockets = []
        for kind, endpoint, domain in (
            (zmq.ROUTER, self._requested.field, FIELD_DOMAIN),
            (zmq.ROUTER, self._requested.workstation, WORKSTATION_DOMAIN),
            (zmq.PUB, self._requested.publish, WORKSTATION_DOMAIN),
        ):
            socket = self.context.socket(kind)
            socket.linger = 0
            if kind == zmq.ROUTER:
                socket.router_mandatory = 1
                socket.maxmsgsize = p.MAX_FRAME
                socket.rcvhwm = 1000
                socket.sndhwm = 1000
            else:
                socket.sndhwm = self.publish_hwm  # messages (batches); subscribers detect gaps and resync
            socket.setsockopt(zmq.HEARTBEAT_IVL, 2000)
            socket.setsockopt(zmq.HEARTBEAT_TIMEOUT, 6000)
            if curve is not None:
                socket.curve_server = True
                socket.curve_publickey = curve.public_key
                socket.curve_secretkey = curve.secret_key
                socket.zap_domain = domain
            sockets.append(socket)
            socket.bind(endpoint)
        field_socket, ws_socket, pub_socket = sockets
        self._sockets = sockets
        self.endpoints = Endpoints(*(s.getsockopt_string(zmq.LAST_ENDPOINT) for s in sockets))
        self._peers = {id(field_socket): {}, id(ws_socket): {}}
        self._register_bootstrap(pub_socket)
        self._batch = _Batch(self._now_ms(), self._hub_seq)
        log.info("hub %s: field %s, workstations %s, publish %s, %s, gseq %d", self.instance,
                 self.endpoints.field, self.endpoints.workstation, self.endpoints.publish,
                 "curve" if curve else "PLAIN", self._last_gseq)
        return sockets

    def _register_bootstrap(self, pub: zmq.Socket) -> None:  # type: ignore[type-arg]
        """Store the roster entries the state does not have yet, as the hub's own events."""
        missing = [body for body in self.bootstrap
                   if not isinstance(body, ev.UnitRegistered) or body.unit not in self._state.units]
        if not missing:
            return
        batch = _Batch(self._now_ms(), self._hub_seq)
        for body in missing:
            batch.add(self._hub_event(body, batch.now), None, b"")
        appended, state = self.projector.append(batch.events)  # a failure here fails start()
        self._complete(batch, appended, state, None, pub)

    def _teardown(self, sockets: list[zmq.Socket]) -> None:  # type: ignore[type-arg]
        if self._committer is not None:
            self._committer.close()
        for socket in sockets:
            socket.close(linger=0)
        if self._zap is not None:
            self._zap.stop()
        if self._own_context:
            self.context.term()

    # --- the loop ---------------------------------------------------------------------------------

    def _loop(self, field_socket: zmq.Socket, ws_socket: zmq.Socket,  # type: ignore[type-arg]
              pub: zmq.Socket) -> None:  # type: ignore[type-arg]
        committer = self._committer = _Committer(self.projector, self.context)
        receiving = zmq.Poller()  # while the next batch has room
        for socket in (field_socket, ws_socket, committer.signal):
            receiving.register(socket, zmq.POLLIN)
        waiting = zmq.Poller()  # while it is full: only the commit in progress can free it
        waiting.register(committer.signal, zmq.POLLIN)
        next_beat = 0.0
        next_orders = time.monotonic() + self.order_resend_interval
        while not self._stop.is_set():
            try:
                now = time.monotonic()
                wait_ms = max(0, int(1000 * (min(next_beat, next_orders) - now)))
                if len(self._batch.events) >= self.max_batch:
                    ready = dict(waiting.poll(min(wait_ms, 100)))
                elif self._inflight is not None:
                    # A commit is under way and the next batch waits for it anyway: let reports gather
                    # for a few ms (or until it ends), then take them in one turn. At thousands a
                    # second a turn per handful of reports costs more in wake-ups and GIL hand-overs
                    # than the reports themselves, and slows down the commit that shares the GIL.
                    ready = dict(waiting.poll(min(wait_ms, _GATHER_MS)))
                    ready.update(receiving.poll(0))
                else:
                    ready = dict(receiving.poll(min(wait_ms, 100)))
                if committer.signal in ready:
                    self._complete(*committer.take(), pub)
                if field_socket in ready or ws_socket in ready:
                    self._turn(field_socket, ws_socket)
                if self._inflight is None and self._batch.events:
                    self._inflight, self._batch = self._batch, _Batch(self._now_ms(), self._hub_seq)
                    committer.submit(self._inflight)
                now = time.monotonic()
                if now >= next_beat:
                    next_beat = now + self.heartbeat_interval
                    self._heartbeat(pub)
                if now >= next_orders:
                    next_orders = now + self.order_resend_interval
                    self._resend_orders(field_socket, now)
            except Exception:  # never let one bad turn end the hub; unacknowledged input is resent
                self._count("internal_error")
                self._log.log(logging.ERROR, "loop_error", "hub loop error", exc_info=True)
        if self._inflight is not None and committer.signal.poll(30_000):  # let the commit finish, answer it
            self._complete(*committer.take(), pub)

    def _turn(self, field_socket: zmq.Socket, ws_socket: zmq.Socket) -> None:  # type: ignore[type-arg]
        """Receive and validate what is readable into the next batch, up to ``max_batch``."""
        if self.keyring is not None:
            self.keyring.refresh()
        batch = self._batch
        batch.now = self._now_ms()
        share = max(1, self.max_batch // 4)  # workstations are served even while units flood in
        # A turn ends after max_batch messages even if few were valid: garbage adds no events, and a
        # flood of it must not keep the batch from being committed (and the valid reports acked).
        received = 0
        while (room := min(self.max_batch - len(batch.events), self.max_batch - received)) > 0:
            got = self._drain(ws_socket, batch, min(share, room), self._on_workstation)
            got += self._drain(field_socket, batch, max(0, room - got), self._on_field)
            received += got
            if not got:
                break
        if batch.snapshots:
            self._serve_snapshots(ws_socket, batch.snapshots)
            batch.snapshots = []

    def _drain(self, socket: zmq.Socket, batch: _Batch, budget: int,  # type: ignore[type-arg]
               handler: Callable[..., None]) -> int:
        received = 0
        recv = socket.recv
        peers = self._peers[id(socket)]
        curve = self.keyring is not None
        while received < budget:
            try:
                # The routing id as bytes: cheaper than a Frame, and its metadata is on every frame.
                rid = recv(zmq.NOBLOCK)
            except zmq.Again:
                break
            received += 1
            # A ROUTER always has the peer's message after the routing id: at least one frame.
            first = frame = recv(copy=False)
            frames: list[bytes] = [frame.bytes]
            while frame.more:
                frame = recv(copy=False)
                if len(frames) <= p.MAX_FRAMES:  # keep reading, but do not keep, a flood of frames
                    frames.append(frame.bytes)
            peer = peers.get(rid)
            if peer is None:
                peer = self._identify(first, peers, rid) if curve else _PLAIN_PEER
            try:
                handler(socket, rid, peer, frames, batch)
            except p.BusError as error:
                self._nack(socket, rid, error, *self._ids(frames))
            except Exception:  # a bug must cost one message, never the hub
                self._log.log(logging.ERROR, "internal_error", "could not process a message", exc_info=True)
                self._nack(socket, rid, p.BusError("internal_error"), "", 0)
        if received:
            self._count("received", received)
        return received

    def _identify(self, frame: zmq.Frame, peers: dict[bytes, _Peer], rid: bytes) -> _Peer:
        if len(peers) > 100_000:  # routing ids of closed connections are never reused: forget them
            peers.clear()
        peer = _Peer(frame.get("User-Id"), frame.get(KEY_PROPERTY).encode("ascii"))
        peers[rid] = peer
        return peer

    def _authorize(self, peer: _Peer) -> Role | None:
        """The peer's role if its key is still authorized (Curve); raises ``unauthorized`` if revoked."""
        if self.keyring is None:
            return None
        cert = self.keyring.by_name(peer.name)
        if cert is None or cert.public_key != peer.key:
            raise p.BusError("unauthorized", identity=peer.name)
        return cert.role

    # --- field socket -----------------------------------------------------------------------------

    def _on_report(self, socket: zmq.Socket, rid: bytes, peer: _Peer, event: ev.Envelope,  # type: ignore[type-arg]
                   batch: _Batch) -> None:
        self._accept(socket, rid, peer, event, batch, UNIT_REPORT_TYPES, "field unit")
        source = event.source
        if self._routes.get(source) != rid and source in self._state.units:  # nearly always known
            self._route(source, rid, socket)

    def _on_field(self, socket: zmq.Socket, rid: bytes, peer: _Peer, frames: list[bytes],  # type: ignore[type-arg]
                  batch: _Batch) -> None:
        report = self.session.report_payload(frames)
        if report is not None:  # nearly every message
            self._on_report(socket, rid, peer, decode_envelope(report), batch)
            return
        message = self.session.parse(frames)
        kind = message.type
        if kind == p.REPORT:
            self._on_report(socket, rid, peer, decode_envelope(message.payload), batch)
        elif kind == p.HELLO:
            hello: p.Hello = decode_payload(message.payload, p.Hello)
            self._authorize(peer)
            self._check_identity(peer, hello.source)
            self._welcome(socket, rid, hello.source)
            if hello.source in self._state.units:
                self._route(hello.source, rid, socket, force=True)
        elif kind == p.ORDER_ACK:
            ack: p.OrderAck = decode_payload(message.payload, p.OrderAck)
            self._authorize(peer)
            self._check_identity(peer, ack.unit)
            self._order_acknowledged(ack, batch)
        elif kind == p.UPLOAD:
            upload: p.Upload = decode_payload(message.payload, p.Upload)
            self._authorize(peer)
            self._upload(socket, rid, upload, message.data or b"")
        else:
            raise p.BusError("unknown_type", type=kind)

    def _upload(self, socket: zmq.Socket, rid: bytes, upload: p.Upload, chunk: bytes) -> None:  # type: ignore[type-arg]
        if len(chunk) > p.MAX_CHUNK:
            raise p.BusError("oversized", size=len(chunk), limit=p.MAX_CHUNK)
        received, complete = self.blobs.receive(upload.sha256, upload.size, upload.offset, chunk)
        self._count("upload_chunks")
        self._send(socket, rid, p.UPLOAD_ACK, p.UploadAck(upload.sha256, received, complete))

    def _order_acknowledged(self, ack: p.OrderAck, batch: _Batch) -> None:
        inflight = self._inflight
        pending = self._tentative(batch).orders.get(ack.order)
        if (pending is None or pending.unit != ack.unit or ack.order in batch.delivered
                or (inflight is not None and ack.order in inflight.delivered)):
            self._count("order_acks_stale")
            return
        batch.delivered.add(ack.order)
        batch.orders = True
        batch.add(self._hub_event(ev.OrderDelivered(order=ack.order, unit=ack.unit), batch.now), None, b"")

    # --- workstation socket -----------------------------------------------------------------------

    def _on_workstation(self, socket: zmq.Socket, rid: bytes, peer: _Peer,  # type: ignore[type-arg]
                        frames: list[bytes], batch: _Batch) -> None:
        message = self.session.parse(frames)
        kind = message.type
        if kind == p.COMMAND:
            event = decode_envelope(message.payload)
            self._accept(socket, rid, peer, event, batch, WORKSTATION_BODY_TYPES, "workstation")
        elif kind == p.SNAPSHOT_REQUEST:
            request: p.SnapshotRequest = decode_payload(message.payload, p.SnapshotRequest)
            self._authorize(peer)
            batch.snapshots.append((rid, request.request))
        elif kind == p.HELLO:
            hello: p.Hello = decode_payload(message.payload, p.Hello)
            self._authorize(peer)
            self._check_identity(peer, hello.source)
            self._welcome(socket, rid, hello.source)
        elif kind == p.UPLOAD:  # a note's attachment
            upload: p.Upload = decode_payload(message.payload, p.Upload)
            self._authorize(peer)
            self._upload(socket, rid, upload, message.data or b"")
        else:
            raise p.BusError("unknown_type", type=kind)

    # --- validating one event ---------------------------------------------------------------------

    def _check_identity(self, peer: _Peer, source: str) -> None:
        if peer.name and source != peer.name:
            raise p.BusError("wrong_source", identity=peer.name, source=source)

    def _accept(self, socket: zmq.Socket, rid: bytes, peer: _Peer, event: ev.Envelope,  # type: ignore[type-arg]
                batch: _Batch, allowed: frozenset[type[ev.Body]], sender: str) -> None:
        """Validate one report or command and queue it for the commit, or answer it now."""
        source, seq, body = event.source, event.seq, event.body
        now = batch.now
        try:
            role = self._authorize(peer) if peer.name else None
            if event.v != ev.ENVELOPE_VERSION:
                raise p.BusError("bad_version", version=event.v, expected=ev.ENVELOPE_VERSION)
            body_type = type(body)
            if body_type not in allowed:
                raise p.BusError("kind_not_allowed", sender=sender, kind=event.kind)
            if peer.name and source != peer.name:
                raise p.BusError("wrong_source", identity=peer.name, source=source)
            if allowed is WORKSTATION_BODY_TYPES:
                if role is None and isinstance(self.security, PlainSecurity):
                    role = self.security.roles.get(source, Role.DISPATCHER)
                if role in READ_ONLY_ROLES:
                    raise p.BusError("read_only", identity=source, role=role)
                # A gateway speaks for the telephone network only, and only a gateway does.
                if (body_type in TELEPHONY_TYPES) != (role is Role.TELEPHONY):
                    raise p.BusError("kind_not_allowed", sender=f"{role or 'unknown'} workstation",
                                     kind=event.kind)
            event = self._enrich(event, now)
            stored = self._hw.get(source, 0)
            queued = batch.hw.get(source)
            if self._inflight is not None:
                earlier = self._inflight.hw.get(source)
                if earlier is not None and (queued is None or earlier[0] > queued[0]):
                    queued = earlier
            below = seq <= stored or (queued is not None and seq <= queued[0])
            if below and self._resend(socket, rid, event, batch, stored, queued):
                return
            t_src = event.t_src
            if t_src > now + self._future_ms:
                raise p.BusError("time_future", skew_s=(t_src - now) // 1000, limit_s=self._future_ms // 1000)
            if t_src < now - self._past_ms:
                raise p.BusError("time_past", skew_s=(now - t_src) // 1000, limit_s=self._past_ms // 1000)
            placed = body_type is ev.Position or isinstance(body, _PLACED_BODIES)
            if placed and not self.area.contains(body.lat, body.lon):  # type: ignore[attr-defined]
                raise p.BusError("outside_area", lat=body.lat, lon=body.lon)  # type: ignore[attr-defined]
            if body_type in UNIT_REPORT_TYPES and source not in self._state.units:
                raise p.BusError("not_on_roster", unit=source)
            if body_type is ev.Position:
                # The fast path: a position from a unit on the roster cannot break a rule
                # (``projection._position`` refuses only unknown units), so it skips ``check``.
                batch.add(event, socket, rid)
                return
            located = body.location if isinstance(body, ev.CallOffered) else None
            if located is not None and not self.area.contains(located.lat, located.lon):
                raise p.BusError("outside_area", lat=located.lat, lon=located.lon)
            attachments = getattr(body, "attachments", ())
            if attachments:
                self._check_attachments(attachments)
        except p.BusError as error:
            self._nack(socket, rid, error, source, seq)
            return
        tentative = self._tentative(batch)
        refusal = check(tentative, event)
        if refusal is not None:
            event = self._refused(event, refusal)
        batch.tentative = apply(tentative, event)
        batch.orders = batch.orders or isinstance(event.body, _ORDER_BODIES)
        batch.add(event, socket, rid, refusal)

    def _tentative(self, batch: _Batch) -> State:
        """The state that the next command is checked against: the committed state plus the commands
        already accepted in the batch being committed and in this one."""
        if batch.tentative is not None:
            return batch.tentative
        if self._inflight is not None and self._inflight.tentative is not None:
            return self._inflight.tentative
        return self._state

    def _enrich(self, event: ev.Envelope, now: int) -> ev.Envelope:
        """Stamp the hub's receive time; give dispatches and recalls an order id if they lack one."""
        body = event.body
        if type(body) in _ORDER_IDS and not body.order:  # type: ignore[attr-defined]
            body = msgspec.structs.replace(body, order=f"{event.source}:{event.seq}")
            return msgspec.structs.replace(event, body=body, t_hub=now)
        return msgspec.structs.replace(event, t_hub=now)

    def _refused(self, event: ev.Envelope, refusal: Refusal) -> ev.Envelope:
        target = ""
        for attribute in ("incident", "unit", "order", "call"):
            target = getattr(event.body, attribute, "") or ""
            if target:
                break
        body = ev.Refused(refused_kind=event.kind, code=refusal.code, message=refusal.message,
                          target=target, params=dict(refusal.params))
        return msgspec.structs.replace(event, body=body)

    def _check_attachments(self, attachments: tuple[ev.Attachment, ...]) -> None:
        for attachment in attachments:
            if not self.blobs.has(attachment.sha256, attachment.size):
                raise p.BusError("attachment_missing", sha256=attachment.sha256, size=attachment.size)

    def _resend(self, socket: zmq.Socket, rid: bytes, event: ev.Envelope, batch: _Batch,  # type: ignore[type-arg]
                stored_hw: int, queued: tuple[int, int] | None) -> bool:
        """A seq at or below the source's high water. Answers and returns True for a resend of a stored
        or queued event; returns False for a late event that was never stored (it is then validated
        like a new one); raises ``seq_backwards`` otherwise. See PROTOCOL.md, "Sequence numbers"."""
        for pending in (batch, self._inflight):
            index = pending.find(event.source, event.seq) if pending is not None else None
            if index is not None:
                assert pending is not None
                if _same(pending.events[index], event):
                    pending.extra.append((index, socket, rid))  # answered with it, once committed
                    return True
                raise self._backwards(event, max(stored_hw, queued[0] if queued else 0))
        recent = self._recent.get((event.source, event.seq))
        found = None if recent is None else (recent[0], codec.decode(recent[1]))
        if found is None and event.seq <= stored_hw:
            found = self.store.get(event.source, event.seq)
        if found is not None:
            gseq, original = found
            if not _same(original, event):
                raise self._backwards(event, stored_hw)
            self._count("duplicates")
            self._reply_stored(socket, rid, gseq, original, duplicate=True)
            return True
        # Never stored. Late (older than what its source sent since) is fine: a report lost with a
        # crashed hub and resent after newer ones got through. Newer data under an old number is not.
        newest_t = queued[1] if queued is not None and queued[0] >= stored_hw else self._t_at_hw(event.source)
        if event.t_src > newest_t:
            raise self._backwards(event, max(stored_hw, queued[0] if queued else 0))
        return False

    def _backwards(self, event: ev.Envelope, high_water: int) -> p.BusError:
        return p.BusError("seq_backwards", seq=event.seq, source=event.source, high_water=high_water)

    def _t_at_hw(self, source: str) -> int:
        t = self._hw_t.get(source)
        if t is None:
            found = self.store.get(source, self._hw.get(source, 0))
            t = found[1].t_src if found is not None else 0
            self._hw_t[source] = t
        return t

    def _hub_event(self, body: ev.Body, now: int) -> ev.Envelope:
        self._hub_seq += 1
        return ev.envelope(HUB_SOURCE, self._hub_seq, body, now, t_hub=now)

    # --- commit, answer, publish ------------------------------------------------------------------

    def _complete(self, batch: _Batch, appended: list[Any] | None, state: State | None,
                  error: Exception | None, pub: zmq.Socket) -> None:  # type: ignore[type-arg]
        """A batch is committed (or failed to be): answer, publish, route orders."""
        if batch is self._inflight:
            self._inflight = None
        if error is not None or appended is None or state is None:
            # Nothing is acknowledged: senders resend. The batch received meanwhile was checked
            # against a state that assumed this one stored, so it goes too (unanswered, resent).
            self._hub_seq = batch.hub_seq
            self._batch = _Batch(self._now_ms(), self._hub_seq)
            self._count("store_errors")
            self._log.warning("store_error", "store append failed (%d events not acknowledged): %r",
                              len(batch.events), error)
            return
        self._state = state
        self._count("batches")
        acks: dict[tuple[zmq.Socket, bytes], list[p.AckEntry]] = {}  # type: ignore[type-arg]
        published: list[tuple[int, msgspec.Raw]] = []
        published_keys: list[tuple[str, int]] = []
        refused = 0
        hw, hw_t, encode, raw, ack_entry = self._hw, self._hw_t, codec.encode, msgspec.Raw, p.AckEntry
        for event, (socket, rid, refusal), result in zip(batch.events, batch.replies, appended, strict=True):
            source, seq, gseq, duplicate = event.source, event.seq, result.gseq, result.duplicate
            if not duplicate:
                # Encoded once: the same bytes go out on PUB (as Raw) and stay in ``_recent``.
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
            self._count("duplicates")
            self._reply_stored(socket, rid, result.gseq, event, duplicate=True)
        for (socket, rid), entries in acks.items():
            self._send(socket, rid, p.ACK, p.Ack(tuple(entries)))
        self._count("stored", len(published))
        self._count("acked", sum(len(e) for e in acks.values()))
        if refused:
            self._count("refused", refused)
        self._publish(pub, published)
        self._recent.add(published_keys, published)
        if batch.orders:
            self._route_new_orders([event for event, result in zip(batch.events, appended, strict=True)
                                    if not result.duplicate])

    def _reply_stored(self, socket: zmq.Socket, rid: bytes, gseq: int, event: ev.Envelope,  # type: ignore[type-arg]
                      *, duplicate: bool) -> None:
        body = event.body
        if isinstance(body, ev.Refused):
            self._nack_refusal(socket, rid, event, gseq)
        else:
            self._send(socket, rid, p.ACK, p.Ack((p.AckEntry(event.source, event.seq, gseq, duplicate),)))

    def _nack_refusal(self, socket: zmq.Socket, rid: bytes, event: ev.Envelope, gseq: int) -> None:  # type: ignore[type-arg]
        body: ev.Refused = event.body  # type: ignore[assignment]
        nack = p.Nack(code=body.code, message=body.message, source=event.source, seq=event.seq, gseq=gseq,
                      params=dict(body.params))
        self._send(socket, rid, p.NACK, nack)

    def _nack(self, socket: zmq.Socket, rid: bytes, error: p.BusError, source: str, seq: int) -> None:  # type: ignore[type-arg]
        self._count(f"nack.{error.code}")
        self._log.warning(error.code, "NACK %s from %s#%s: %s", error.code, source or "?", seq, error.message)
        if source and not _ID.match(source):
            source = ""
        nack = p.Nack(code=error.code, message=error.message, source=source, seq=max(seq, 0), gseq=0,
                      params=error.params)
        self._send(socket, rid, p.NACK, nack)

    def _send(self, socket: zmq.Socket, rid: bytes, msg_type: bytes, payload: object,  # type: ignore[type-arg]
              data: bytes | None = None) -> bool:
        frames = self.session.pack(msg_type, payload, data)
        try:
            socket.send(rid, zmq.SNDMORE | zmq.NOBLOCK)
            for frame in frames[:-1]:
                socket.send(frame, zmq.SNDMORE | zmq.NOBLOCK)
            socket.send(frames[-1], zmq.NOBLOCK)
        except zmq.ZMQError as error:  # gone (EHOSTUNREACH) or not reading (EAGAIN): it will resend
            self._count("send_dropped")
            if error.errno == zmq.EHOSTUNREACH and self._sockets and socket is self._sockets[0]:
                self._forget_route(rid)
            return False
        return True

    def _publish(self, pub: zmq.Socket, published: list[tuple[int, msgspec.Raw]]) -> None:  # type: ignore[type-arg]
        """``published``: (gseq, encoded envelope); ``Raw`` puts the bytes in the message as they are."""
        for start in range(0, len(published), 500):
            chunk = tuple(published[start : start + 500])
            frames = self.session.pack(p.EVENTS, p.Events(prev=self._last_gseq, events=chunk))
            self._last_gseq = chunk[-1][0]
            try:
                pub.send(frames[0], zmq.NOBLOCK)
            except zmq.Again:  # PUB never blocks, but be certain the hub does not either
                self._count("publish_dropped")
        self._count("published", len(published))

    def _heartbeat(self, pub: zmq.Socket) -> None:  # type: ignore[type-arg]
        beat = p.Heartbeat(gseq=self._last_gseq, hub=self.instance, time=self._now_ms())
        try:
            pub.send(self.session.pack(p.HEARTBEAT, beat)[0], zmq.NOBLOCK)
        except zmq.Again:
            self._count("publish_dropped")

    def _serve_snapshots(self, socket: zmq.Socket, requests: list[tuple[bytes, int]]) -> None:  # type: ignore[type-arg]
        if self._snapshot_cache is None or self._snapshot_cache[0] != self._last_gseq:
            self._snapshot_cache = (self._last_gseq, encode_state(self._state))
        gseq, data = self._snapshot_cache
        for rid, request in requests:
            self._send(socket, rid, p.SNAPSHOT, p.Snapshot(request=request, gseq=gseq, hub=self.instance), data)
        self._count("snapshots", len(requests))

    def _welcome(self, socket: zmq.Socket, rid: bytes, source: str) -> None:  # type: ignore[type-arg]
        welcome = p.Welcome(source=source, high_water=self._hw.get(source, 0), gseq=self._last_gseq,
                            hub=self.instance, time=self._now_ms())
        self._send(socket, rid, p.WELCOME, welcome)

    # --- orders -----------------------------------------------------------------------------------

    def _route(self, unit: str, rid: bytes, socket: zmq.Socket, *, force: bool = False) -> None:  # type: ignore[type-arg]
        if self._routes.get(unit) == rid and not force:
            return
        self._routes[unit] = rid
        # A unit that (re)appears gets its pending orders now, not at the next resend round.
        for order in self._state.orders.values():
            if order.unit == unit:
                self._send_order(socket, order)

    def _forget_route(self, rid: bytes) -> None:
        for unit, known in list(self._routes.items()):
            if known == rid:
                del self._routes[unit]

    def _send_order(self, socket: zmq.Socket, order: PendingOrder) -> None:  # type: ignore[type-arg]
        rid = self._routes.get(order.unit)
        if rid is None:
            return
        message = p.Order(order=order.order, unit=order.unit, kind=order.kind, incident=order.incident,
                          text=order.text, time=order.time)
        if self._send(socket, rid, p.ORDER, message):
            self._order_sent[order.order] = time.monotonic()
            self._count("orders_sent")

    def _route_new_orders(self, stored: list[ev.Envelope]) -> None:
        field_socket = self._field_socket
        for event in stored:
            body = event.body
            if isinstance(body, _ORDER_BODIES):
                order = self._state.orders.get(body.order)
                if order is not None:
                    self._send_order(field_socket, order)
            elif isinstance(body, ev.OrderDelivered):
                self._order_sent.pop(body.order, None)
                self._count("orders_delivered")

    def _resend_orders(self, field_socket: zmq.Socket, now: float) -> None:  # type: ignore[type-arg]
        orders = self._state.orders
        for order_id in [o for o in self._order_sent if o not in orders]:
            del self._order_sent[order_id]
        for order in orders.values():
            if now - self._order_sent.get(order.order, 0.0) >= self.order_resend_interval:
                self._send_order(field_socket, order)

    # --- small helpers ----------------------------------------------------------------------------

    @property
    def _field_socket(self) -> zmq.Socket:  # type: ignore[type-arg]
        return self._sockets[0]

    def _ids(self, frames: list[bytes]) -> tuple[str, int]:
        return _best_effort_ids(frames, p.HEADER_SIZE + (p.SIGNATURE_SIZE if self.session.key else 0))

    def _now_ms(self) -> int:
        return int(self.clock() * 1000)


def _same(stored: ev.Envelope, event: ev.Envelope) -> bool:
    """Is ``event`` an exact resend of ``stored`` (as stored: a refusal keeps the time and kind only)?"""
    if stored.t_src != event.t_src or stored.mode != event.mode:
        return False
    if isinstance(stored.body, ev.Refused) and not isinstance(event.body, ev.Refused):
        return stored.body.refused_kind == event.kind
    return stored.body == event.body


_lenient = msgspec.msgpack.Decoder()
_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")


def _best_effort_ids(frames: list[bytes], offset: int) -> tuple[str, int]:
    """(source, seq) of a message that failed validation, if they can be read, so that the sender can
    match the NACK to what it sent."""
    if len(frames) != 1 or len(frames[0]) <= offset:
        return "", 0
    try:
        data = _lenient.decode(frames[0][offset:])
    except (msgspec.DecodeError, ValueError, RecursionError):  # ValueError: invalid UTF-8
        return "", 0
    if not isinstance(data, dict):
        return "", 0
    source, seq = data.get("source"), data.get("seq")
    if not isinstance(source, str) or not isinstance(seq, int) or isinstance(seq, bool):
        return "", 0
    return source, seq if 0 < seq < 2**63 else 0


def _rss() -> int | None:
    try:
        import psutil

        return int(psutil.Process(os.getpid()).memory_info().rss)
    except Exception:  # psutil missing or the platform refuses: the gauge is optional
        return None
