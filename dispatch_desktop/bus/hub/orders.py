"""Order routing: the hub hands each stored dispatch, recall and message to its unit as an ``order``,
and repeats it until the unit answers ``order_ack`` (then the hub stores ``order_delivered``).

A unit is reached over the connection it last spoke on: a ROUTER can only send to a routing id it has
heard from. A unit that (re)appears with ``hello`` or a report gets its pending orders at once.

A drill's orders live in the drill's state (the pipeline's), not the live one: ``drill_state`` gives it, and
each of them goes out with ``mode = "drill"``, to a unit enrolled in the drill or simulated for it only.
A live order and a drill order to the same unit are sent and repeated each on its own: neither waits.

Each order is repeated ``resend_interval`` (2 s) after it last went out, not at the next fixed round
after that: ``next_due`` tells the loop when the earliest repeat is due, so that it wakes up then.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub.admission import ORDER_BODIES
from dispatch_desktop.bus.hub.config import Socket
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import PendingOrder, State

Send = Callable[[Socket, bytes, bytes, object], bool]
Count = Callable[[str], None]


class OrderRouter:
    """The routing id each unit was last heard on, and when each pending order last went out."""

    def __init__(self, send: Send, count: Count, resend_interval: float) -> None:
        self._send = send
        self._count = count
        self.resend_interval = resend_interval
        self.routes: dict[str, bytes] = {}
        self._sent: dict[str, float] = {}  # order id -> time.monotonic() of its last sending
        self.next_due = math.inf  # time.monotonic() when the earliest repeat is due
        self.drill_state: Callable[[], State | None] = _no_drill  # the running drill's state (the inbox sets it)

    def _drill_orders(self) -> Mapping[str, PendingOrder]:
        """The running drill's own pending orders (its state also holds the live ones, folded in)."""
        drill = self.drill_state()
        if drill is None or drill.drill is None:
            return {}
        running = drill.drill
        return {o.order: o for o in drill.orders.values() if o.mode is Mode.DRILL and running.takes_part(o.unit)}

    def _pending(self, orders: Mapping[str, PendingOrder]) -> Iterator[PendingOrder]:
        yield from orders.values()
        yield from self._drill_orders().values()

    def route(self, socket: Socket, unit: str, rid: bytes, orders: Mapping[str, PendingOrder], *,
              force: bool = False) -> None:
        """``unit`` spoke on ``rid``: send it there from now on (``force``: even if nothing changed)."""
        if self.routes.get(unit) == rid and not force:
            return
        self.routes[unit] = rid
        # A unit that (re)appears gets its pending orders now, not at the next resend round.
        for order in self._pending(orders):
            if order.unit == unit:
                self.send(socket, order)

    def forget(self, rid: bytes) -> None:
        """The connection ``rid`` is gone: its units are unreachable until they speak again."""
        for unit, known in list(self.routes.items()):
            if known == rid:
                del self.routes[unit]

    def send(self, socket: Socket, order: PendingOrder) -> None:
        rid = self.routes.get(order.unit)
        if rid is None:  # nowhere to send it: it goes out when the unit speaks again (``route``)
            self._sent.pop(order.order, None)
            return
        message = p.Order(order=order.order, unit=order.unit, kind=order.kind, incident=order.incident,
                          text=order.text, time=order.time, mode=order.mode)
        now = time.monotonic()
        if self._send(socket, rid, p.ORDER, message):
            self._count("orders_sent")
        # Sent, or dropped by a full queue: either way the next try is one interval from now.
        self._sent[order.order] = now
        self.next_due = min(self.next_due, now + self.resend_interval)

    def stored(self, socket: Socket, events: Iterable[ev.Envelope], orders: Mapping[str, PendingOrder]) -> None:
        """Newly stored ``events``: send the orders they created, forget the ones they delivered."""
        drill_orders: Mapping[str, PendingOrder] | None = None
        for event in events:
            body = event.body
            if isinstance(body, ORDER_BODIES):
                if event.mode is Mode.DRILL:
                    drill_orders = self._drill_orders() if drill_orders is None else drill_orders
                    order = drill_orders.get(body.order)
                else:
                    order = orders.get(body.order)
                if order is not None:
                    self.send(socket, order)
            elif isinstance(body, ev.OrderDelivered):
                self._sent.pop(body.order, None)
                self._count("orders_delivered")

    def resend(self, socket: Socket, now: float, orders: Mapping[str, PendingOrder]) -> None:
        """Send again each pending order whose repeat is due at ``now`` (monotonic), and each one that
        could not be sent yet; then work out when the next repeat is due."""
        sent, interval = self._sent, self.resend_interval
        drill_orders = self._drill_orders()
        for order_id in [o for o in sent if o not in orders and o not in drill_orders]:
            del sent[order_id]
        for order in chain(orders.values(), drill_orders.values()):
            last = sent.get(order.order)
            if last is None or last + interval <= now:
                self.send(socket, order)
        self.next_due = min(sent.values(), default=math.inf) + interval


def _no_drill() -> State | None:
    return None
