"""The field unit's side of the bus: ``FieldClient`` (one handset) and ``FieldFleet`` (many, one thread).

A ``FieldClient`` never blocks and owns no thread. Call ``report(body)`` (or ``position(...)``) to send;
the report stays in the client's outbox until the hub acknowledges it and is resent, with the same
sequence number, every ``resend_after`` seconds until then. Drive it with ``FieldFleet.poll()``, even a
single client: the fleet also notices when ZeroMQ made a connection anew and has the units say ``hello``
at once, so that their pending orders come without waiting for the keep-alive (``client.pump()`` +
``client.resend_due()`` drive a client alone without that). Orders from the hub arrive through the
``on_order`` callback and are acknowledged to the hub automatically.

Typical use from a simulator (all calls on one thread)::

    fleet = FieldFleet()
    for unit in units:
        fleet.add(FieldClient(unit, "tcp://127.0.0.1:5555", context=fleet.context,
                              curve=keys.client_credentials(unit), on_order=my_orders))
    while running:
        fleet.client("P-0001").position(23.12, 113.26, heading=90.0, speed=8.5)
        fleet.poll(timeout=0.05)   # answers, orders, resends
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.fleet import FieldFleet as FieldFleet  # its own module; taken from here too
from dispatch_desktop.bus.keys import ClientCurve
from dispatch_desktop.bus.session import Session, decode_payload
from dispatch_desktop.bus.sockets import Context, Socket
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode

log = logging.getLogger(__name__)


def clock_seq() -> int:
    """A first sequence number from the clock (µs since the epoch): above any number this unit used
    before, as long as it sent fewer than a million reports a second — for handsets that cannot keep
    their counter across restarts."""
    return time.time_ns() // 1000


@dataclass
class _Outgoing:
    seq: int
    frame: bytes
    sent_at: float  # monotonic; 0 = not sent yet
    waits_for: tuple[str, ...] = ()  # attachment sha256s still uploading
    is_position: bool = False
    attempts: int = 0


@dataclass
class _UploadJob:
    attachment: ev.Attachment
    data: bytes
    offset: int = 0
    sent_at: float = 0.0


class FieldClient:
    """One field unit's connection to the hub (a DEALER socket).

    ``unit``: the unit id, the ``source`` of every report. ``endpoint``: the hub's field socket.
    ``curve``: this unit's key pair and the hub's public key (``KeyDirectory.client_credentials``);
    None only against a hub in plain mode. ``first_seq``: the first sequence number (default from the
    clock, see ``clock_seq``). Callbacks, all called from whatever thread drives the client:
    ``on_order(order: protocol.Order)`` once per order (duplicates are acknowledged silently),
    ``on_ack(seq, gseq, duplicate)``, ``on_nack(nack: protocol.Nack)``.
    """

    def __init__(
        self,
        unit: str,
        endpoint: str,
        *,
        context: Context | None = None,
        curve: ClientCurve | None = None,
        session: Session | None = None,
        first_seq: int | None = None,
        resend_after: float = 2.0,
        keepalive: float = 10.0,
        max_outbox: int = 10_000,
        on_order: Callable[[p.Order], None] | None = None,
        on_ack: Callable[[int, int, bool], None] | None = None,
        on_nack: Callable[[p.Nack], None] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.unit = unit
        self.endpoint = endpoint
        self.session = session or Session()
        self.resend_after = resend_after
        self.keepalive = keepalive
        self.max_outbox = max_outbox
        self.on_order = on_order
        self.on_ack = on_ack
        self.on_nack = on_nack
        self.clock = clock
        self.next_seq = first_seq if first_seq is not None else clock_seq()
        self.outbox: OrderedDict[int, _Outgoing] = OrderedDict()
        """Reports not yet acknowledged, in seq order."""
        self.acked = 0
        self.nacks: deque[p.Nack] = deque(maxlen=100)
        """The newest NACKs, for inspection."""
        self.dropped = 0  # positions dropped because the outbox was full
        self.welcome: p.Welcome | None = None
        self.last_heard = 0.0  # monotonic time of the last message from the hub
        self._uploads: dict[str, _UploadJob] = {}
        self._seen_orders: OrderedDict[str, None] = OrderedDict()
        # Incidents a drill's orders named: reports about them belong to the drill (``report``). Never
        # pruned while the client lives: a drill has a handful, and a report sent live about one of them
        # would be refused (no such incident live) or, worse, land in the live record.
        self._drill_incidents: set[str] = set()
        self._last_sent = 0.0
        self._hello_due = True
        self._hello = self.session.pack(p.HELLO, p.Hello(source=unit))  # the same frame every time
        shared: Context = zmq.Context.instance()
        self.socket: Socket = (context or shared).socket(zmq.DEALER)
        self.socket.linger = 0
        self.socket.sndhwm = 10_000
        self.socket.rcvhwm = 10_000
        self.socket.setsockopt(zmq.RECONNECT_IVL, 100)
        self.socket.setsockopt(zmq.RECONNECT_IVL_MAX, 2000)
        self.socket.setsockopt(zmq.HEARTBEAT_IVL, 2000)
        self.socket.setsockopt(zmq.HEARTBEAT_TIMEOUT, 6000)
        # Queue nothing in ZeroMQ while there is no connection: the outbox is the one buffer, so a long
        # outage does not leave thousands of stale copies to flush when the hub comes back.
        self.socket.immediate = 1
        if curve is not None:
            curve.apply(self.socket)
        self.socket.connect(endpoint)
        self.hello()

    # --- sending ------------------------------------------------------------------------------------

    def report(self, body: ev.AnyBody, *, t_src: int | None = None, mode: Mode | None = None) -> int:
        """Queue and send one report; returns its sequence number. A field record whose attachments are
        still uploading (see ``upload``) is sent as soon as they are complete. ``mode``: by default drill
        for a report about an incident a drill order sent the unit to (acknowledgement, arrival,
        clearance, its field records), else live."""
        if type(body) not in _REPORT_TYPES:
            raise ValueError(f"{type(body).__name__} is not a field-unit report")
        if mode is None:
            mode = Mode.DRILL if getattr(body, "incident", "") in self._drill_incidents else Mode.LIVE
        seq = self.next_seq
        self.next_seq += 1
        t = t_src if t_src is not None else int(self.clock() * 1000)
        event = ev.envelope(self.unit, seq, body, t, mode=mode)
        frame = self.session.frame(p.REPORT, codec.encode(event))
        waits = tuple(a.sha256 for a in getattr(body, "attachments", ()) if a.sha256 in self._uploads)
        self._make_room()
        item = _Outgoing(seq, frame, 0.0, waits, isinstance(body, ev.Position))
        self.outbox[seq] = item
        if not waits:
            self._transmit(item)
        return seq

    def position(self, lat: float, lon: float, heading: float = 0.0, speed: float = 0.0,
                 *, t_src: int | None = None) -> int:
        return self.report(ev.Position(lat=lat, lon=lon, heading=heading, speed=speed), t_src=t_src)

    def upload(self, data: bytes, mime: str, name: str = "") -> ev.Attachment:
        """Start uploading an attachment; returns its fingerprint to put in a ``FieldRecord``."""
        attachment = ev.Attachment(sha256=hashlib.sha256(data).hexdigest(), mime=mime, size=len(data), name=name)
        if attachment.sha256 not in self._uploads:
            job = _UploadJob(attachment, data)
            self._uploads[attachment.sha256] = job
            self._send_chunk(job)
        return attachment

    def hello(self) -> None:
        """Tell the hub who is on this connection (it then forwards any pending orders). Sent on
        creation, retried until it goes out, and repeated after ``keepalive`` s without traffic."""
        self._hello_due = not self._send(self._hello)

    def connection_made(self) -> None:
        """The socket's connection was made anew (the hub restarted, the network dropped): the hub
        knows this connection only once it hears from the unit on it, so say hello at the next
        ``resend_due``."""
        self._hello_due = True

    @property
    def unacked(self) -> int:
        return len(self.outbox)

    @property
    def uploading(self) -> int:
        return len(self._uploads)

    def _make_room(self) -> None:
        if len(self.outbox) < self.max_outbox:
            return
        # Positions age fastest: drop the oldest one; other reports are never dropped.
        for seq, item in self.outbox.items():
            if item.is_position:
                del self.outbox[seq]
                self.dropped += 1
                return

    def _transmit(self, item: _Outgoing) -> bool:
        if self._send([item.frame]):
            item.sent_at = time.monotonic()
            item.attempts += 1
            return True
        return False

    def _send(self, frames: list[bytes]) -> bool:
        try:
            self.socket.send_multipart(frames, zmq.NOBLOCK)
        except zmq.Again:  # not connected (IMMEDIATE) or the pipe is full: the resend timer retries
            return False
        self._last_sent = time.monotonic()
        return True

    def _send_chunk(self, job: _UploadJob) -> None:
        chunk = job.data[job.offset : job.offset + p.MAX_CHUNK]
        header = p.Upload(sha256=job.attachment.sha256, size=job.attachment.size, offset=job.offset)
        if self._send(self.session.pack(p.UPLOAD, header, chunk)):
            job.sent_at = time.monotonic()

    # --- receiving ----------------------------------------------------------------------------------

    def pump(self, limit: int = 1000) -> int:
        """Handle what the hub has sent, without blocking; returns how many messages."""
        handled = 0
        while handled < limit:
            try:
                frames = self.socket.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                break
            handled += 1
            try:
                self._handle(frames)
            except p.BusError as error:
                log.warning("%s: bad message from the hub: %s", self.unit, error)
        return handled

    def _handle(self, frames: list[bytes]) -> None:
        message = self.session.parse(frames)
        self.last_heard = time.monotonic()
        kind = message.type
        if kind == p.ACK:
            ack: p.Ack = decode_payload(message.payload, p.Ack)
            for entry in ack.acks:
                if entry.source == self.unit and self.outbox.pop(entry.seq, None) is not None:
                    self.acked += 1
                    if self.on_ack is not None:
                        self.on_ack(entry.seq, entry.gseq, entry.duplicate)
        elif kind == p.NACK:
            nack: p.Nack = decode_payload(message.payload, p.Nack)
            self.nacks.append(nack)
            # A NACK is final for that message: resending it would get the same answer.
            if nack.source == self.unit and self.outbox.pop(nack.seq, None) is not None:
                log.info("%s: report %d refused: %s %s", self.unit, nack.seq, nack.code, nack.message)
            if nack.code in ("upload_offset", "upload_mismatch"):
                self._restart_upload(nack)
            elif nack.code == "seq_backwards" and nack.params.get("high_water", "").isdigit():
                # The counter fell behind what the hub holds (a reset handset): continue above it.
                self.next_seq = max(self.next_seq, int(nack.params["high_water"]) + 1)
            if self.on_nack is not None:
                self.on_nack(nack)
        elif kind == p.ORDER:
            order: p.Order = decode_payload(message.payload, p.Order)
            if order.unit != self.unit:
                return
            self._send(self.session.pack(p.ORDER_ACK, p.OrderAck(order=order.order, unit=self.unit)))
            if order.mode is Mode.DRILL and order.incident:
                self._drill_incidents.add(order.incident)
            if order.order not in self._seen_orders:
                self._seen_orders[order.order] = None
                if len(self._seen_orders) > 1000:
                    self._seen_orders.popitem(last=False)
                if self.on_order is not None:
                    self.on_order(order)
        elif kind == p.UPLOAD_ACK:
            self._upload_progress(decode_payload(message.payload, p.UploadAck))
        elif kind == p.WELCOME:
            self.welcome = decode_payload(message.payload, p.Welcome)
            if self.welcome.high_water >= self.next_seq:
                self.next_seq = self.welcome.high_water + 1

    def _upload_progress(self, ack: p.UploadAck) -> None:
        job = self._uploads.get(ack.sha256)
        if job is None:
            return
        if ack.complete:
            del self._uploads[ack.sha256]
            self._release(ack.sha256)
        elif ack.received != job.offset:
            job.offset = ack.received
            self._send_chunk(job)

    def _restart_upload(self, nack: p.Nack) -> None:
        job = self._uploads.get(nack.params.get("sha256", ""))
        if job is not None:
            expected = nack.params.get("expected")
            job.offset = int(expected) if expected and expected.isdigit() else 0
            self._send_chunk(job)

    def _release(self, sha256: str) -> None:
        for item in self.outbox.values():
            if sha256 in item.waits_for:
                item.waits_for = tuple(s for s in item.waits_for if s != sha256)
                if not item.waits_for:
                    self._transmit(item)

    # --- timers -------------------------------------------------------------------------------------

    def resend_due(self, now: float | None = None) -> int:
        """Resend, in seq order, every report whose answer is overdue; returns how many. The wait doubles
        with each attempt, from ``resend_after`` up to eight times that, so that a hub that is slow
        rather than gone is not buried under copies."""
        now = time.monotonic() if now is None else now
        resent = 0
        for item in self.outbox.values():
            if item.waits_for or now - item.sent_at < self.resend_after * _BACKOFF[min(item.attempts, 4)]:
                continue
            if not self._transmit(item):
                break
            resent += 1
        for job in self._uploads.values():
            if now - job.sent_at >= self.resend_after:
                self._send_chunk(job)
        if self._hello_due or now - self._last_sent >= self.keepalive:
            self.hello()
        return resent

    def due(self, now: float) -> bool:
        """Has ``resend_due`` anything to do?"""
        return bool(self.outbox or self._uploads or self._hello_due or now - self._last_sent >= self.keepalive)

    def close(self) -> None:
        self.socket.close(linger=0)


_BACKOFF = (0, 1, 2, 4, 8)  # multiples of resend_after, by attempts so far
_REPORT_TYPES = frozenset(ev.BODY_TYPES[kind] for kind in ev.UNIT_REPORT_KINDS)
