"""The inbox: what each message that reaches the hub sets in motion.

``Inbox.field`` and ``Inbox.workstation`` handle one message from the field or the workstation socket
(``transport.drain`` calls them; a ``p.BusError`` they raise is answered with a NACK and nothing else
happens). A report or command is checked (``admission``), then answered at once as a resend of what is
stored or queued, or queued in the batch being received (``pipeline``) with the domain's verdict: stored
as it is, stored as a refusal, or, beyond its source's refusal budget, answered ``suppressed`` at once
and counted (``refusal_budget``). A ``hello`` is welcomed, an ``order_ack`` queues the order's delivery,
an upload chunk is stored, a snapshot request waits for the end of the turn, a catch-up request goes to
the reader thread (``catchup``).
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.area import Area, Skew
from dispatch_desktop.bus.blobs import BlobStore
from dispatch_desktop.bus.hub import admission
from dispatch_desktop.bus.hub.admission import FIELD, ORDER_BODIES, WORKSTATION, Channel
from dispatch_desktop.bus.hub.catchup import CatchupReader
from dispatch_desktop.bus.hub.config import Socket
from dispatch_desktop.bus.hub.orders import OrderRouter
from dispatch_desktop.bus.hub.peers import Peer, Peers
from dispatch_desktop.bus.hub.pipeline import Batch, Pipeline
from dispatch_desktop.bus.hub.transport import Count, Transport
from dispatch_desktop.bus.plugin_policy import PluginEventPolicy
from dispatch_desktop.bus.refusal_budget import RefusalBudget
from dispatch_desktop.bus.session import Session, decode_envelope, decode_payload
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.projection import apply, check
from dispatch_desktop.domain.state import State


class Inbox:
    """The hub's handlers for what it receives; they run on the hub's loop thread only."""

    def __init__(self, *, session: Session, transport: Transport, peers: Peers, pipeline: Pipeline,
                 orders: OrderRouter, blobs: BlobStore, refusals: RefusalBudget, catchup: CatchupReader, area: Area,
                 skew: Skew, plugins: PluginEventPolicy, count: Count, now_ms: Callable[[], int]) -> None:
        self.catchup = catchup
        self.plugins = plugins
        self.session = session
        self.transport = transport
        self.peers = peers
        self.pipeline = pipeline
        self.orders = orders
        self.blobs = blobs
        self._has_blob = blobs.has  # made once: it is passed for every report
        self.refusals = refusals
        self.area = area
        self.skew = skew
        self._count = count
        self._now_ms = now_ms
        # The router sends a drill's orders from the drill's state, which the pipeline keeps.
        orders.drill_state = lambda: pipeline.drill

    # --- field socket -----------------------------------------------------------------------------

    def field(self, socket: Socket, rid: bytes, peer: Peer, frames: list[bytes]) -> None:
        report = self.session.report_payload(frames)
        if report is not None:  # nearly every message
            self._report(socket, rid, peer, decode_envelope(report))
            return
        message = self.session.parse(frames)
        kind = message.type
        if kind == p.REPORT:
            self._report(socket, rid, peer, decode_envelope(message.payload))
        elif kind == p.HELLO:
            hello: p.Hello = decode_payload(message.payload, p.Hello)
            self._hello(socket, rid, peer, hello.source)
            if self._routable(hello.source):
                self.orders.route(socket, hello.source, rid, self.pipeline.state.orders, force=True)
        elif kind == p.ORDER_ACK:
            ack: p.OrderAck = decode_payload(message.payload, p.OrderAck)
            self.peers.authorize(peer)
            admission.check_source(peer.name, ack.unit)
            if not self.pipeline.order_acknowledged(ack, self.pipeline.batch):
                self._count("order_acks_stale", 1)
        elif kind == p.UPLOAD:
            self._upload(socket, rid, peer, message.payload, message.data)
        else:
            raise p.BusError("unknown_type", type=kind)

    def _report(self, socket: Socket, rid: bytes, peer: Peer, event: ev.Envelope) -> None:
        self._accept(socket, rid, peer, event, FIELD)
        source = event.source
        if self.orders.routes.get(source) != rid and self._routable(source):  # nearly always known
            self.orders.route(socket, source, rid, self.pipeline.state.orders)

    def _routable(self, unit: str) -> bool:
        """May orders go to ``unit``: is it on the roster, or simulated for the running drill?"""
        if unit in self.pipeline.state.units:
            return True
        drill = self.pipeline.drill
        return drill is not None and drill.drill is not None and unit in drill.drill.simulated

    # --- workstation socket -----------------------------------------------------------------------

    def workstation(self, socket: Socket, rid: bytes, peer: Peer, frames: list[bytes]) -> None:
        message = self.session.parse(frames)
        kind = message.type
        if kind == p.COMMAND:
            self._accept(socket, rid, peer, decode_envelope(message.payload), WORKSTATION)
        elif kind == p.SNAPSHOT_REQUEST:
            request: p.SnapshotRequest = decode_payload(message.payload, p.SnapshotRequest)
            self.peers.authorize(peer)
            self.pipeline.batch.snapshots.append((rid, request.request, request.mode))
        elif kind == p.EVENTS_REQUEST:
            wanted: p.EventsRequest = decode_payload(message.payload, p.EventsRequest)
            self.peers.authorize(peer)
            refused = self.catchup.request(rid, wanted)  # read on the reader's thread, sent by the loop
            self._count("catchup_requests", 1)
            if refused is not None:
                self.transport.send_frames(socket, rid, refused)
        elif kind == p.HELLO:
            hello: p.Hello = decode_payload(message.payload, p.Hello)
            self._hello(socket, rid, peer, hello.source)
        elif kind == p.UPLOAD:  # a note's attachment
            self._upload(socket, rid, peer, message.payload, message.data)
        else:
            raise p.BusError("unknown_type", type=kind)

    # --- either socket ----------------------------------------------------------------------------

    def _hello(self, socket: Socket, rid: bytes, peer: Peer, source: str) -> None:
        self.peers.authorize(peer)
        admission.check_source(peer.name, source)
        self.transport.welcome(socket, rid, source, self.pipeline.hw.get(source, 0), self._now_ms())

    def _upload(self, socket: Socket, rid: bytes, peer: Peer, payload: memoryview, chunk: bytes | None) -> None:
        upload: p.Upload = decode_payload(payload, p.Upload)
        self.peers.authorize(peer)
        data = chunk or b""
        if len(data) > p.MAX_CHUNK:
            raise p.BusError("oversized", size=len(data), limit=p.MAX_CHUNK)
        received, complete = self.blobs.receive(upload.sha256, upload.size, upload.offset, data)
        self._count("upload_chunks", 1)
        self.transport.send(socket, rid, p.UPLOAD_ACK, p.UploadAck(upload.sha256, received, complete))

    def _accept(self, socket: Socket, rid: bytes, peer: Peer, event: ev.Envelope, channel: Channel) -> None:
        """Validate one report or command and queue it for the commit, or answer it now."""
        pipeline = self.pipeline
        batch = pipeline.batch
        source, seq = event.source, event.seq
        now = batch.now
        drill: State | None = None
        try:
            if channel.by_role:
                role = self.peers.role(peer, source)
            else:
                role = self.peers.authorize(peer) if peer.name else None
            admission.check_sender(event, channel, peer.name, role, self.plugins)
            event = admission.stamp(event, now)
            stored = pipeline.hw.get(source, 0)
            queued = pipeline.queued(source, batch)
            below = seq <= stored or (queued is not None and seq <= queued[0])
            if below and pipeline.resend(socket, rid, event, batch, stored, queued):
                return
            roster = pipeline.state.units
            if event.mode is Mode.DRILL:  # checked against the drill's own state, never the live one
                drill = pipeline.drill_tentative(batch)
                admission.check_drill(event, None if drill is None else drill.drill)
                assert drill is not None  # check_drill refuses a drill event while none runs
                roster = drill.units  # its simulated units are on it too
            # positional, and the bound method made once: keyword arguments cost on every report
            admission.check_content(event, now, self.skew, self.area, roster, self._has_blob)
            if type(event.body) is ev.Position:
                # The fast path: a position from a unit on the roster cannot break a rule
                # (``projection._position`` refuses only unknown units), so it skips ``check``.
                batch.add(event, socket, rid)
                return
        except p.BusError as error:
            self.transport.nack(socket, rid, error, source, seq)
            return
        tentative = pipeline.tentative(batch) if drill is None else drill
        refusal = check(tentative, event)
        if refusal is not None:
            if not self.refusals.admit(source, refusal.code, now):
                # Answered at once as not stored, and nothing applied: a flood of them costs the hub no
                # state, no commit and no publication.
                self.transport.nack_suppressed(socket, rid, event, refusal)
                return
            event = admission.refused(event, refusal)
        if drill is None:
            batch.tentative = apply(tentative, event)
            self._follow_in_drill(batch, event)
        else:
            batch.drill, batch.drill_touched = apply(drill, event), True
        batch.orders = batch.orders or isinstance(event.body, ORDER_BODIES)
        batch.add(event, socket, rid, refusal)

    def _follow_in_drill(self, batch: Batch, event: ev.Envelope) -> None:
        """A live command accepted while a drill runs changes the drill's state too (the drill runs on the
        real city); an accepted ``drill_started`` begins that state, from the live one."""
        drill = self.pipeline.drill_tentative(batch)
        if drill is not None:
            followed = apply(drill, event)
            batch.drill, batch.drill_touched = (followed if followed.drill is not None else None), True
        elif type(event.body) is ev.DrillStarted and batch.tentative is not None:
            batch.drill, batch.drill_touched = msgspec.structs.replace(batch.tentative, mode=Mode.DRILL), True
