"""Transport: the hub's three sockets, and everything that crosses them.

- the field ROUTER (units: reports, hello, order acks, uploads; the hub sends acks and orders back),
- the workstation ROUTER (commands, hello, snapshot and catch-up requests, uploads; acks, snapshots and
  catch-up answers back),
- the PUB (every stored event once, in gseq order, in batches of up to 500, and a heartbeat).

Nothing here blocks: a peer that does not read is dropped a message (it resends, or resyncs on a gap).
Only the hub's loop thread touches the sockets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import msgspec
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub.admission import best_effort_ids, nack_source
from dispatch_desktop.bus.hub.config import CannotListen, Endpoints, Socket
from dispatch_desktop.bus.hub.peers import PLAIN, Peer, Peers
from dispatch_desktop.bus.keys import Certificate
from dispatch_desktop.bus.ratelog import RateLimitedLog
from dispatch_desktop.bus.session import Session
from dispatch_desktop.bus.zap import FIELD_DOMAIN, WORKSTATION_DOMAIN
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import Refusal, State, encode_state

_PUBLISH_CHUNK = 500  # events per published message

Count = Callable[[str, int], None]
Handler = Callable[[Socket, bytes, Peer, list[bytes]], None]


class Transport:
    """Binds, receives, sends and publishes for the hub. ``count(key, n)`` adds to the hub's counters;
    ``on_unreachable(rid)`` is called when a field connection turns out to be gone."""

    def __init__(self, context: zmq.Context[Socket], session: Session, requested: Endpoints, *,
                 publish_hwm: int, instance: str, count: Count, log: RateLimitedLog) -> None:
        self.context = context
        self.session = session
        self.requested = requested
        self.publish_hwm = publish_hwm
        self.instance = instance
        self.count = count
        self.log = log
        self.on_unreachable: Callable[[bytes], None] = lambda rid: None
        self.sockets: list[Socket] = []
        self.last_gseq = 0  # of the newest published event
        self._snapshot_cache: dict[Mode, tuple[int, bytes]] = {}  # per mode: (gseq, encoded state)
        # a NACKed message's payload starts after the header and, with a key, the signature
        self._payload_offset = p.HEADER_SIZE + (p.SIGNATURE_SIZE if session.key else 0)

    # --- sockets ----------------------------------------------------------------------------------

    def bind(self, curve: Certificate | None) -> Endpoints:
        """Open and bind the three sockets (as a CURVE server with ``curve``); returns where they are.
        Raises ``CannotListen`` naming the endpoint that cannot be bound (the sockets opened so far are
        left for ``close``)."""
        for kind, endpoint, domain in (
            (zmq.ROUTER, self.requested.field, FIELD_DOMAIN),
            (zmq.ROUTER, self.requested.workstation, WORKSTATION_DOMAIN),
            (zmq.PUB, self.requested.publish, WORKSTATION_DOMAIN),
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
            self.sockets.append(socket)
            try:
                socket.bind(endpoint)
            except zmq.ZMQError as error:
                raise CannotListen(endpoint, error) from error
        return Endpoints(*(s.getsockopt_string(zmq.LAST_ENDPOINT) for s in self.sockets))

    @property
    def field(self) -> Socket:
        return self.sockets[0]

    @property
    def workstation(self) -> Socket:
        return self.sockets[1]

    @property
    def pub(self) -> Socket:
        return self.sockets[2]

    def close(self) -> None:
        for socket in self.sockets:
            socket.close(linger=0)

    # --- receiving --------------------------------------------------------------------------------

    def drain(self, socket: Socket, budget: int, peers: Peers, handler: Handler) -> int:
        """Receive up to ``budget`` messages from ``socket`` and hand each to ``handler``; a ``BusError``
        it raises is NACKed, any other exception costs that one message. Returns how many were read."""
        received = 0
        recv = socket.recv
        table = peers.table(socket)
        curve = peers.keyring is not None
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
            peer = table.get(rid)
            if peer is None:
                peer = peers.identify(first, table, rid) if curve else PLAIN
            try:
                handler(socket, rid, peer, frames)
            except p.BusError as error:
                self.nack(socket, rid, error, *best_effort_ids(frames, self._payload_offset))
            except Exception:  # a bug must cost one message, never the hub
                self.log.log(logging.ERROR, "internal_error", "could not process a message", exc_info=True)
                self.nack(socket, rid, p.BusError("internal_error"), "", 0)
        if received:
            self.count("received", received)
        return received

    # --- answering --------------------------------------------------------------------------------

    def send(self, socket: Socket, rid: bytes, msg_type: bytes, payload: object, data: bytes | None = None) -> bool:
        return self.send_frames(socket, rid, self.session.pack(msg_type, payload, data))

    def send_frames(self, socket: Socket, rid: bytes, frames: list[bytes]) -> bool:
        """Send a message already packed (by ``Session.pack``) to ``rid``; False if it could not go."""
        try:
            socket.send(rid, zmq.SNDMORE | zmq.NOBLOCK)
            for frame in frames[:-1]:
                socket.send(frame, zmq.SNDMORE | zmq.NOBLOCK)
            socket.send(frames[-1], zmq.NOBLOCK)
        except zmq.ZMQError as error:  # gone (EHOSTUNREACH) or not reading (EAGAIN): it will resend
            self.count("send_dropped", 1)
            if error.errno == zmq.EHOSTUNREACH and self.sockets and socket is self.sockets[0]:
                self.on_unreachable(rid)
            return False
        return True

    def nack(self, socket: Socket, rid: bytes, error: p.BusError, source: str, seq: int) -> None:
        self.count(f"nack.{error.code}", 1)
        self.log.warning(error.code, "NACK %s from %s#%s: %s", error.code, source or "?", seq, error.message)
        nack = p.Nack(code=error.code, message=error.message, source=nack_source(source), seq=max(seq, 0), gseq=0,
                      params=error.params)
        self.send(socket, rid, p.NACK, nack)

    def nack_suppressed(self, socket: Socket, rid: bytes, event: ev.Envelope, refusal: Refusal) -> None:
        """A domain refusal beyond its source's budget: its reason, but not stored (gseq 0), marked so."""
        self.count("refusals_suppressed", 1)
        nack = p.Nack(code=refusal.code, message=refusal.message, source=event.source, seq=event.seq, gseq=0,
                      params={**refusal.params, "suppressed": "1"})
        self.send(socket, rid, p.NACK, nack)

    def welcome(self, socket: Socket, rid: bytes, source: str, high_water: int, now_ms: int) -> None:
        welcome = p.Welcome(source=source, high_water=high_water, gseq=self.last_gseq, hub=self.instance,
                            time=now_ms)
        self.send(socket, rid, p.WELCOME, welcome)

    def serve_snapshots(self, requests: list[tuple[bytes, int, Mode]], state: State, drill: State | None) -> None:
        """Answer snapshot requests (routing id, request number, mode) on the workstation socket: a live one
        with ``state``, a drill one with ``drill`` (the running drill's state, None if none runs: refused
        ``no_drill``), both as of ``last_gseq``, each encoded once for all its requests (and again only
        when it moved on)."""
        for rid, request, mode in requests:
            data = self._encoded(mode, state if mode is Mode.LIVE else drill)
            if data is None:
                self.nack(self.workstation, rid, p.BusError("no_drill", kind="snapshot_request", request=request),
                          "", 0)
                continue
            self.send(self.workstation, rid, p.SNAPSHOT,
                      p.Snapshot(request=request, gseq=self.last_gseq, hub=self.instance), data)
            self.count("snapshots", 1)

    def _encoded(self, mode: Mode, state: State | None) -> bytes | None:
        if state is None:
            return None
        cached = self._snapshot_cache.get(mode)
        if cached is None or cached[0] != self.last_gseq:
            cached = self._snapshot_cache[mode] = (self.last_gseq, encode_state(state))
        return cached[1]

    # --- publishing -------------------------------------------------------------------------------

    def publish(self, published: list[tuple[int, msgspec.Raw]]) -> None:
        """``published``: (gseq, encoded envelope); ``Raw`` puts the bytes in the message as they are."""
        pub = self.pub
        for start in range(0, len(published), _PUBLISH_CHUNK):
            chunk = tuple(published[start : start + _PUBLISH_CHUNK])
            # Raw in place of an Envelope: the same bytes, encoded once in ``pipeline.complete``.
            events = p.EncodedEvents(prev=self.last_gseq, events=chunk)
            frames = self.session.pack(p.EVENTS, events)
            self.last_gseq = chunk[-1][0]
            try:
                pub.send(frames[0], zmq.NOBLOCK)
            except zmq.Again:  # PUB never blocks, but be certain the hub does not either
                self.count("publish_dropped", 1)
        self.count("published", len(published))

    def heartbeat(self, now_ms: int) -> None:
        beat = p.Heartbeat(gseq=self.last_gseq, hub=self.instance, time=now_ms)
        try:
            self.pub.send(self.session.pack(p.HEARTBEAT, beat)[0], zmq.NOBLOCK)
        except zmq.Again:
            self.count("publish_dropped", 1)
