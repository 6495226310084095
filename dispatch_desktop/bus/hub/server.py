"""``Hub``, the facade: its lifecycle and its loop (what each kind of message sets in motion is ``inbox``).

One thread owns every socket (``transport``) and runs a loop:

1. wait until something is readable, a commit has finished, or a timer is due;
2. drain what is readable into the next batch, up to ``max_batch`` messages, validating each one as it
   arrives (``inbox``, ``admission``) — bad input is NACKed on the spot, resends of stored events are re-answered
   from memory or the store, snapshot requests are answered from the committed state, catch-up
   requests go to the reader thread (``catchup``), the rest is queued;
3. when no commit is in progress, hand the batch to the committer thread (``pipeline``), which appends
   it to the store in one transaction while the loop goes on receiving and validating the next batch;
   the ``dispatch-desktop hub`` command gives it a projector whose appends are done by another process
   (``store.StoreWriter``), so that the store's Python work does not compete with the loop for the
   interpreter lock;
4. when the commit has finished, and only then, ACK (or NACK, for stored refusals), publish the stored
   events with their gseq and route new orders to their units (``orders``); send the catch-up answers
   the reader has ready;
5. heartbeats, order resends and key reloads (``peers``) when due.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import zmq

from dispatch_desktop.bus.area import DEFAULT_SKEW, EVERYWHERE, Area, Skew
from dispatch_desktop.bus.blobs import BlobStore
from dispatch_desktop.bus.hub.catchup import CatchupReader
from dispatch_desktop.bus.hub.config import CannotListen, Endpoints, EventLog, Security, Socket, StateProjector
from dispatch_desktop.bus.hub.inbox import Inbox
from dispatch_desktop.bus.hub.orders import OrderRouter
from dispatch_desktop.bus.hub.peers import Peers
from dispatch_desktop.bus.hub.pipeline import Pipeline
from dispatch_desktop.bus.hub.transport import Transport
from dispatch_desktop.bus.limits import raise_open_file_limit, resident_bytes, tune_interpreter
from dispatch_desktop.bus.plugin_policy import GENERIC_POLICY, PluginEventPolicy
from dispatch_desktop.bus.ratelog import RateLimitedLog
from dispatch_desktop.bus.refusal_budget import DEFAULT_PER_MINUTE, RefusalBudget
from dispatch_desktop.bus.session import Session
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.projection import apply
from dispatch_desktop.domain.state import State, Unit

log = logging.getLogger("dispatch_desktop.bus.hub")

_GATHER_MS = 5


class Hub:
    """Receives, validates, stores, acknowledges and publishes; see the module docstring.

    ``store`` is the event store (``EventStore``), ``projector`` the ``Projector`` over it (see
    ``build.build_hub``). ``security`` must be given explicitly: ``CurveSecurity(keys_dir)`` in
    production, ``PlainSecurity()`` only in-process or in tests. Endpoints may use port ``*`` (any free
    port); the bound ones are in ``hub.endpoints`` once ``start()`` returns. ``plugin_policy``: what the
    hub knows of the plugins installed beside it, to check their events by (``bus.plugin_policy``).
    """

    def __init__(
        self,
        store: EventLog,
        *,
        security: Security,
        blob_dir: Path | str,
        projector: StateProjector,
        field_endpoint: str = "tcp://127.0.0.1:5555",
        workstation_endpoint: str = "tcp://127.0.0.1:5556",
        publish_endpoint: str = "tcp://127.0.0.1:5557",
        area: Area = EVERYWHERE,
        skew: Skew = DEFAULT_SKEW,
        bootstrap: Sequence[ev.AnyBody] = (),
        session_key: bytes = b"",
        max_batch: int = 2000,
        publish_hwm: int = 1000,
        recent_events: int = 100_000,
        heartbeat_interval: float = 1.0,
        order_resend_interval: float = 2.0,
        refusal_budget: int = DEFAULT_PER_MINUTE,
        plugin_policy: PluginEventPolicy = GENERIC_POLICY,
        clock: Callable[[], float] = time.time,
        context: zmq.Context[Socket] | None = None,
    ) -> None:
        self.store = store
        self.projector = projector
        self.security = security
        self.blobs = BlobStore(blob_dir)
        self.area = area
        self.skew = skew
        self.bootstrap = tuple(bootstrap)
        self.session = Session(session_key)
        self.max_batch = max_batch
        self.heartbeat_interval = heartbeat_interval
        self.clock = clock
        self._own_context = context is None
        self.context = context if context is not None else zmq.Context()
        self.endpoints: Endpoints | None = None
        self.instance = uuid.uuid4().hex[:12]

        self._counters: Counter[str] = Counter()
        self._counter_lock = threading.Lock()
        self._log = RateLimitedLog(log)
        self.peers = Peers(security, self.context, on_denied=lambda why: self._count("auth_denied"))
        self.transport = Transport(
            self.context, self.session, Endpoints(field_endpoint, workstation_endpoint, publish_endpoint),
            publish_hwm=publish_hwm, instance=self.instance, count=self._count, log=self._log)
        self.orders = OrderRouter(self.transport.send, self._count, order_resend_interval)
        self.transport.on_unreachable = self.orders.forget
        self.pipeline = Pipeline(store, projector, self.transport, recent_events=recent_events, count=self._count,
                                 log=self._log)
        self.refusals = RefusalBudget(refusal_budget)
        self._to_register: queue.SimpleQueue[list[ev.UnitRegistered]] = queue.SimpleQueue()
        self.catchup = CatchupReader(store, self.session, self.instance)
        self.inbox = Inbox(session=self.session, transport=self.transport, peers=self.peers, pipeline=self.pipeline,
                           orders=self.orders, blobs=self.blobs, refusals=self.refusals, catchup=self.catchup,
                           area=area, skew=skew, plugins=plugin_policy, count=self._count, now_ms=self._now_ms)
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle --------------------------------------------------------------------------------

    def start(self, timeout: float = 30.0, *, owns_process: bool = False) -> Endpoints:
        """Run the hub on a background thread; returns once its sockets are bound. ``owns_process``:
        nothing else of note runs in this process, so tune it for the hub as ``run`` does. Raises
        ``CannotListen`` if an endpoint cannot be bound (a port taken: another hub?)."""
        self._thread = threading.Thread(target=self._main, args=(owns_process,), name="dispatch-hub", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the hub did not start in time")
        if isinstance(self._failure, CannotListen):  # says all there is to say, endpoint included
            raise self._failure
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
        return self.pipeline.state

    def stats(self) -> dict[str, Any]:
        """Counters (``received``, ``stored``, ``acked``, ``duplicates``, ``refused``, ``nack.<code>``,
        ``auth_denied``, ``store_errors``, ``published``, ``orders_sent``, ``orders_delivered``…) and
        gauges (``last_gseq``, ``units_routed``, ``pending_orders``, ``rss_bytes``, ``authorized_keys``)."""
        with self._counter_lock:
            out: dict[str, Any] = dict(self._counters)
        out["nacks"] = {k[5:]: v for k, v in out.items() if k.startswith("nack.")}
        out["last_gseq"] = self.transport.last_gseq
        out["units_routed"] = len(self.orders.routes)
        out["pending_orders"] = len(self.pipeline.state.orders)
        out["authorized_keys"] = self.peers.authorized_keys()
        out["rss_bytes"] = resident_bytes()
        return out

    def register(self, bodies: Sequence[ev.UnitRegistered]) -> None:
        """Have units registered while the hub runs (the unit registry read again: ``dispatch-desktop hub``
        does it on SIGHUP). Those the hub lacks, or has with other details, are stored as its own events
        within a second; the rest change nothing. Thread-safe: the loop takes them at its next tick."""
        self._to_register.put(list(bodies))

    def _count(self, key: str, n: int = 1) -> None:
        with self._counter_lock:
            self._counters[key] += n

    # --- setup ------------------------------------------------------------------------------------

    def _main(self, own_process: bool = False) -> None:
        try:
            self._setup()
        except BaseException as error:
            self._failure = error
            self._ready.set()
            self._teardown()
            return
        if own_process:
            tune_interpreter()
        self._ready.set()
        try:
            self._loop()
        except BaseException as error:
            log.exception("the hub stopped on an unexpected error")
            self._failure = error
        finally:
            self._teardown()

    def _setup(self) -> None:
        raise_open_file_limit()  # one descriptor per connected handset
        self.transport.last_gseq = self.pipeline.load()
        curve = self.peers.start()
        self.endpoints = self.transport.bind(curve)
        self._register_bootstrap()
        log.info("hub %s: field %s, workstations %s, publish %s, %s, %s, gseq %d", self.instance,
                 self.endpoints.field, self.endpoints.workstation, self.endpoints.publish,
                 "curve" if curve else "PLAIN", "signed" if self.session.key else "unsigned",
                 self.transport.last_gseq)

    def _register_bootstrap(self) -> None:
        """Store the roster entries the state does not have yet, or has with other details (a unit
        re-imported with a new station or name), as the hub's own events."""
        units = self.pipeline.state.units
        missing = [body for body in self.bootstrap if not isinstance(body, ev.UnitRegistered)
                   or _registered_differently(units.get(body.unit), body)]
        if missing:
            self.pipeline.store_now(missing, self._now_ms())  # a failure here fails start()

    def _teardown(self) -> None:
        self.pipeline.close()
        self.catchup.close()
        self.transport.close()
        self.peers.stop()
        if self._own_context:
            self.context.term()

    # --- the loop ---------------------------------------------------------------------------------

    def _loop(self) -> None:
        transport, pipeline = self.transport, self.pipeline
        field_socket, ws_socket = transport.field, transport.workstation
        committer = pipeline.start(self.context, self._now_ms())
        caught_up = self.catchup.start(self.context)  # catch-up answers read from the store, to send
        receiving = zmq.Poller()  # while the next batch has room
        for socket in (field_socket, ws_socket, committer.signal, caught_up):
            receiving.register(socket, zmq.POLLIN)
        waiting = zmq.Poller()  # while it is full: only the commit in progress can free it
        waiting.register(committer.signal, zmq.POLLIN)
        waiting.register(caught_up, zmq.POLLIN)
        orders = self.orders
        next_beat = 0.0
        while not self._stop.is_set():
            try:
                now = time.monotonic()
                wait_ms = max(0, int(1000 * (min(next_beat, orders.next_due) - now)))
                if len(pipeline.batch.events) >= self.max_batch:
                    ready = dict(waiting.poll(min(wait_ms, 100)))
                elif pipeline.inflight is not None:
                    # A commit is under way and the next batch waits for it anyway: let reports gather
                    # for a few ms (or until it ends), then take them in one turn. At thousands a
                    # second a turn per handful of reports costs more in wake-ups and GIL hand-overs
                    # than the reports themselves, and slows down the commit that shares the GIL.
                    ready = dict(waiting.poll(min(wait_ms, _GATHER_MS)))
                    ready.update(receiving.poll(0))
                else:
                    ready = dict(receiving.poll(min(wait_ms, 100)))
                if committer.signal in ready:
                    self._complete()
                if caught_up in ready:
                    for rid, frames in self.catchup.take():
                        transport.send_frames(ws_socket, rid, frames)
                if field_socket in ready or ws_socket in ready:
                    self._turn()
                if pipeline.inflight is None and pipeline.batch.events:
                    pipeline.submit(self._now_ms())
                now = time.monotonic()
                if now >= next_beat:
                    next_beat = now + self.heartbeat_interval
                    transport.heartbeat(self._now_ms())
                    self._summarise_refusals(self.refusals.due(self._now_ms()))
                    self._register_new_units()
                if now >= orders.next_due:
                    orders.resend(field_socket, now, pipeline.state.orders)
            except Exception:  # never let one bad turn end the hub; unacknowledged input is resent
                self._count("internal_error")
                self._log.log(logging.ERROR, "loop_error", "hub loop error", exc_info=True)
        if pipeline.inflight is not None and committer.signal.poll(30_000):  # let the commit finish, answer it
            self._complete()
        if self.refusals.pending() and pipeline.inflight is None:  # what was counted is stored before the hub goes
            self._summarise_refusals(self.refusals.flush())
            pipeline.submit(self._now_ms())
            if committer.signal.poll(30_000):
                self._complete()

    def _complete(self) -> None:
        assert self.pipeline.committer is not None
        stored = self.pipeline.complete(self.pipeline.committer.take(), self._now_ms())
        if stored is not None:
            self.orders.stored(self.transport.field, stored, self.pipeline.state.orders)

    def _turn(self) -> None:
        """Receive and validate what is readable into the next batch, up to ``max_batch``."""
        self.peers.refresh()
        transport, peers, inbox, max_batch = self.transport, self.peers, self.inbox, self.max_batch
        batch = self.pipeline.batch
        batch.now = self._now_ms()
        share = max(1, max_batch // 4)  # workstations are served even while units flood in
        # A turn ends after max_batch messages even if few were valid: garbage adds no events, and a
        # flood of it must not keep the batch from being committed (and the valid reports acked).
        received = 0
        while (room := min(max_batch - len(batch.events), max_batch - received)) > 0:
            got = transport.drain(transport.workstation, min(share, room), peers, inbox.workstation)
            got += transport.drain(transport.field, max(0, room - got), peers, inbox.field)
            received += got
            if not got:
                break
        if batch.snapshots:
            transport.serve_snapshots(batch.snapshots, self.pipeline.state, self.pipeline.drill)
            batch.snapshots = []

    # --- the refusal budget (see ``refusal_budget``) --------------------------------------------------

    def _register_new_units(self) -> None:
        """Queue the registrations asked for by ``register`` that change the roster, into the batch
        being received (and its tentative state, so that a command in the same batch may name them)."""
        pipeline = self.pipeline
        batch = pipeline.batch
        while True:
            try:
                bodies = self._to_register.get_nowait()
            except queue.Empty:
                return
            for body in bodies:
                tentative = pipeline.tentative(batch)
                if _registered_differently(tentative.units.get(body.unit), body):
                    event = pipeline.hub_event(body, batch.now)
                    batch.tentative = apply(tentative, event)
                    batch.add(event, None, b"")
                    self._count("units_registered")

    def _summarise_refusals(self, summaries: list[ev.RefusalsSuppressed]) -> None:
        batch = self.pipeline.batch
        for summary in summaries:
            batch.add(self.pipeline.hub_event(summary, batch.now), None, b"")

    # --- small helpers ----------------------------------------------------------------------------

    def _now_ms(self) -> int:
        return int(self.clock() * 1000)


def _registered_differently(unit: Unit | None, body: ev.UnitRegistered) -> bool:
    return unit is None or (unit.kind, unit.station, unit.name, unit.members) != (
        body.unit_kind, body.station, body.name, body.members)
