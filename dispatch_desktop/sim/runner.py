"""Drives the engine in real time (times a compression factor) against a real hub.

One thread does everything: it steps the engine to the simulated "now", hands each unit's reports to
that unit's own ``FieldClient`` (a real bus client with its own key, resending until acknowledged), the
simulated telephony gateway's calls and the simulated desk's commands each to a ``WorkstationClient`` of
their own (roles ``telephony`` and ``dispatcher``), polls all the field sockets (orders come back
through them and go to ``engine.on_order``), and feeds the hub's published events to
``engine.observe``. ``stop()`` (from any thread) ends it.

Time on the wire: the hub checks event times against its own clock, so everything sent carries
wall-clock time. At speed ×k the engine's simulated clock runs k times faster from the same start; a
simulated time t goes out as ``start + (t - start) / k`` — an hour of simulated city in a minute of the
desk's time. Call ids carry a tag of the run's start, so a restarted simulator (whose simulated clock
may revisit minutes an earlier, faster run already simulated) never reuses one; incident numbers follow
the desks' own scheme and carry on from the ones the desk finds in the hub's state.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace

import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.hub import Endpoints
from dispatch_desktop.bus.keys import ClientCurve, KeyDirectory, KeyRing, Kind, Role
from dispatch_desktop.bus.session import Session
from dispatch_desktop.bus.sockets import Context
from dispatch_desktop.bus.workstation import CommandReply, Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.state import State
from dispatch_desktop.sim.engine import Engine, SimConfig
from dispatch_desktop.sim.world import choose_units, registration

log = logging.getLogger(__name__)

# A handset resends an unacknowledged report after this long. Longer than a real handset's 2 s: a
# thousand simulated handsets in one process resending into a hub that is merely slow would bury it.
_RESEND_AFTER_S = 10.0
_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class Timebase:
    """Maps simulated time to wire (wall-clock) time: both start at ``start_ms``, simulated time runs
    ``speed`` times faster, and stands still while ``paused`` (``lag_ms`` in all)."""

    start_ms: int
    speed: float = 1.0
    lag_ms: int = 0

    def __post_init__(self) -> None:
        if not self.speed > 0:
            raise ValueError(f"speed must be positive, got {self.speed}")

    def sim(self, wall_ms: int) -> int:
        return self.start_ms + round((wall_ms - self.start_ms - self.lag_ms) * self.speed)

    def wire(self, sim_ms: int) -> int:
        return self.start_ms + self.lag_ms + round((sim_ms - self.start_ms) / self.speed)

    def pause(self, ms: int) -> None:
        """The simulated clock stood still for ``ms`` of wall-clock time."""
        self.lag_ms += max(0, ms)


def simulated_roster(city: City, units: int) -> list[ev.UnitRegistered]:
    """Registrations for the units a simulator of ``units`` units runs: what the hub must bootstrap
    (only the hub registers units). With up to the roster's size these are a subset of the city's own
    ``registration_events``; more are the patrol groups' individual officers."""
    return [registration(u) for u in choose_units(city, units)]


def run_tag(wall_ms: int) -> str:
    """A short base-36 tag of the start second, e.g. "SB2K9QX"."""
    n = wall_ms // 1000
    digits = ""
    while n:
        n, r = divmod(n, 36)
        digits = _BASE36[r] + digits
    return digits or "0"


class SimulationRunner:
    """See the module docstring. ``keys``: the key directory to take (and create missing) unit, desk and
    gateway keys from (the desk and the gateway are ``config.desk`` and ``config.phone``); None for a hub
    in plain mode, which must know ``config.phone`` as a telephony gateway (``PlainSecurity.roles``).
    ``context``: share the hub's ZeroMQ context to use ``inproc://`` endpoints; it must allow a socket per
    unit (``zmq.MAX_SOCKETS``, set before its first socket). ``max_backlog``: unacknowledged reports above
    which the simulated clock pauses (default: three per unit, at least 2,000). ``session_key``: the
    hub's signing key, if it signs (``bus.signing``)."""

    def __init__(
        self,
        city: City,
        config: SimConfig,
        endpoints: Endpoints,
        *,
        speed: float = 1.0,
        keys: KeyDirectory | None = None,
        context: Context | None = None,
        clock: Callable[[], float] = time.time,
        tick: float = 0.05,
        sync_timeout: float = 30.0,
        max_backlog: int | None = None,
        session_key: bytes = b"",
    ) -> None:
        if not speed > 0:
            raise ValueError(f"speed must be positive, got {speed}")
        self.city = city
        self.config = config
        self.endpoints = endpoints
        self.speed = speed
        self.keys = keys
        self.session = Session(session_key)  # holds nothing but the key: one serves every client
        self._own_context = context is None
        if context is None:
            context = zmq.Context()
            # One socket per unit: ZeroMQ's default limit (1,023) must be raised before the first socket.
            context.set(zmq.MAX_SOCKETS, max(context.get(zmq.MAX_SOCKETS), config.units + 64))
        self.context = context
        self.clock = clock
        self.tick = tick
        self.sync_timeout = sync_timeout
        self.engine: Engine | None = None
        self.timebase: Timebase | None = None
        self.counts: Counter[str] = Counter()
        """What happened: ``sent.<kind>``, ``orders``, ``refused.<code>``, ``nack.<code>``, ``resyncs``
        (the simulated clock's pauses for a slow hub are in ``timebase.lag_ms``)."""
        self.ready = threading.Event()
        """Set once the engine runs (after the first snapshot from the hub)."""
        self.failure: BaseException | None = None
        self.max_backlog = max(2_000, 3 * config.units) if max_backlog is None else max_backlog
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # The desk's updates, from its thread: lists of new (gseq, event), or (gseq, whole state) after a
        # resynchronisation.
        self._published: queue.SimpleQueue[list[Published] | tuple[int, State]] = queue.SimpleQueue()
        self._seen_gseq = 0
        self._answers: queue.SimpleQueue[tuple[ev.AnyBody, Future[CommandReply]]] = queue.SimpleQueue()

    # --- lifecycle ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Run on a background thread (the app's embedded simulator)."""
        self._thread = threading.Thread(target=self._main, name="dispatch-sim", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(self, duration_s: float | None = None) -> None:
        """Run in the calling thread until ``stop()`` or for ``duration_s`` wall-clock seconds."""
        self._main(duration_s)
        if self.failure is not None:
            raise self.failure

    def _main(self, duration_s: float | None = None) -> None:
        desk: WorkstationClient | None = None
        phone: WorkstationClient | None = None
        fleet: FieldFleet | None = None
        try:
            self._prepare_keys()
            desk = self._desk()
            desk.start()
            phone = self._workstation(self.config.phone)
            phone.start()
            state = self._wait_for_snapshot(desk)
            if state is None:
                return
            wall0 = int(self.clock() * 1000)
            self.timebase = Timebase(wall0, self.speed)
            config = replace(self.config, call_prefix=f"{self.config.call_prefix}{run_tag(wall0)}-")
            self.engine = Engine(self.city, config, start_ms=wall0, state=state, wire=self.timebase.wire)
            missing = self.engine.registrations(state)
            if missing:
                log.warning("%d simulated units are not on the hub's roster (e.g. %s): their reports will be "
                            "refused; start the hub with simulated_roster(city, %d) as its bootstrap",
                            len(missing), missing[0].unit, self.config.units)
            fleet = self._fleet()
            # The city starts now, not when the engine was made: connecting every unit takes a while.
            self.timebase.pause(int(self.clock() * 1000) - wall0)
            self.ready.set()
            log.info("simulating %d units at x%g against %s", len(self.engine.units), self.speed,
                     self.endpoints.field)
            self._loop(fleet, {config.desk: desk, config.phone: phone},
                       None if duration_s is None else time.monotonic() + duration_s)
        except BaseException as error:
            log.exception("the simulator stopped on an unexpected error")
            self.failure = error
        finally:
            if fleet is not None:
                fleet.close()
            for client in (desk, phone):
                if client is not None:
                    client.stop()
            if self._own_context:
                self.context.term()
            self._stop.set()

    # --- set-up ---------------------------------------------------------------------------------------

    def _prepare_keys(self) -> None:
        """Create the keys the desk and the units lack, all before any of them connects."""
        if self.keys is None:
            return
        units = choose_units(self.city, self.config.units)
        wanted = [(self.config.desk, Kind.WORKSTATION, Role.DISPATCHER),
                  (self.config.phone, Kind.WORKSTATION, Role.TELEPHONY)] + [(u.id, Kind.UNIT, None) for u in units]
        created = 0
        for name, kind, role in wanted:
            if not (self.keys.private / f"{name}.key_secret").exists():
                self.keys.create(name, kind, role)
                created += 1
        if created:
            log.info("created %d keys in %s", created, self.keys.root)
            # Give the hub a full rescan of its key directory first: a client whose handshake is refused
            # (its key not loaded yet) is not retried by ZeroMQ.
            self._stop.wait(KeyRing.FULL_SCAN_INTERVAL + 0.5)

    def _credentials(self, name: str) -> ClientCurve | None:
        return None if self.keys is None else self.keys.client_credentials(name)

    def _workstation(self, name: str) -> WorkstationClient:
        return WorkstationClient(name, command_endpoint=self.endpoints.workstation,
                                 publish_endpoint=self.endpoints.publish, curve=self._credentials(name),
                                 context=self.context, session=self.session)

    def _desk(self) -> WorkstationClient:
        desk = self._workstation(self.config.desk)

        def updated(state: State, changed: list[Published] | None) -> None:
            # Called on the desk's thread: a whole state comes with the gseq it is as of.
            self._published.put((desk.gseq, state) if changed is None else changed)

        desk.on_state = updated
        return desk

    def _wait_for_snapshot(self, desk: WorkstationClient) -> State | None:
        deadline = time.monotonic() + self.sync_timeout
        while not desk.wait_synced(0.1):
            if self._stop.is_set():
                return None
            if time.monotonic() > deadline:
                raise TimeoutError(f"no snapshot from the hub at {self.endpoints.workstation} "
                                   f"within {self.sync_timeout:g} s")
        # Read while the desk's thread may apply more: the gseq first, so nothing newer than the state
        # is skipped later. An event seen twice this way is harmless: the fold refuses the repeat.
        self._seen_gseq = desk.gseq
        return desk.state

    def _fleet(self) -> FieldFleet:
        assert self.engine is not None
        fleet = FieldFleet(context=self.context)
        for unit in self.engine.ids:
            fleet.add(FieldClient(unit, self.endpoints.field, context=self.context,
                                  curve=self._credentials(unit), on_order=self._on_order, on_nack=self._on_nack,
                                  clock=self.clock, resend_after=_RESEND_AFTER_S, session=self.session))
        return fleet

    # --- the loop -------------------------------------------------------------------------------------

    def _loop(self, fleet: FieldFleet, workstations: dict[str, WorkstationClient], deadline: float | None) -> None:
        """``workstations``: the desk's and the gateway's clients, by their ids (the ``Outgoing`` sources)."""
        engine, timebase = self.engine, self.timebase
        assert engine is not None and timebase is not None
        last_wall = int(self.clock() * 1000)
        paused = False
        while not self._stop.is_set() and (deadline is None or time.monotonic() < deadline):
            wall = int(self.clock() * 1000)
            if paused:
                timebase.pause(wall - last_wall)
            last_wall = wall
            # A hub that cannot keep up must not be buried: while too much is unacknowledged the simulated
            # clock stands still (and everything after goes out that much later).
            backlog = fleet.unacked() > self.max_backlog
            if backlog != paused:
                paused = backlog
                log.warning("the hub is %s (%d reports unacknowledged)", "falling behind: pausing the city"
                            if backlog else "keeping up again: resuming", fleet.unacked())
            for source, body, t_ms in engine.step(max(engine.now_ms, timebase.sim(wall))):
                workstation = workstations.get(source)
                if workstation is not None:
                    future = workstation.send_command(body)
                    future.add_done_callback(functools.partial(self._answered, body))
                else:
                    fleet.client(source).report(body, t_src=timebase.wire(t_ms))
                self.counts[f"sent.{body.kind}"] += 1
            fleet.poll(self.tick)
            self._drain()

    def _on_order(self, order: p.Order) -> None:
        assert self.engine is not None
        self.counts["orders"] += 1
        self.engine.on_order(order.unit, order)

    def _answered(self, command: ev.AnyBody, done: Future[CommandReply]) -> None:
        self._answers.put((command, done))  # from the workstation's thread: _drain reads them on ours

    def _on_nack(self, nack: p.Nack) -> None:
        self.counts[f"nack.{nack.code}"] += 1

    def _drain(self) -> None:
        assert self.engine is not None
        while True:
            try:
                item = self._published.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, tuple):
                gseq, state = item
                if gseq > self._seen_gseq:  # not the snapshot we started from, or an older one
                    self._seen_gseq = gseq
                    self.counts["resyncs"] += 1
                    self.engine.resync(state)
                continue
            for gseq, event in item:
                if gseq > self._seen_gseq:
                    self._seen_gseq = gseq
                    self.engine.observe(event)
        while True:
            try:
                command, done = self._answers.get_nowait()
            except queue.Empty:
                break
            error = done.exception()
            reply = None if error is not None else done.result()
            if reply is None or not reply.accepted:
                why = reply.code if reply is not None else type(error).__name__
                self.counts[f"refused.{why}"] += 1
                log.debug("the hub did not take a simulated desk command (%s): %s", why, command)
            self.engine.answered(command, accepted=reply is not None and reply.accepted)
