"""Simulated field units for the bus benchmarks: position reports from many units over a few DEALER
connections (plain mode: one generator impersonates them all), and the acknowledgements counted."""

from __future__ import annotations

import time

import msgspec
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.session import Session
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev

LAT, LON = 23.12, 113.26


class _AckCount(msgspec.Struct):
    """An ``Ack`` read only as far as counting its entries: the load generator shares the two cores
    with the hub, and validating every entry (as a field unit does) would take CPU from what is measured."""

    acks: list[msgspec.Raw]


_ack_count = msgspec.msgpack.Decoder(_AckCount)


class FieldLoad:
    """Report ``n`` comes from ``units[n % len(units)]`` with that unit's next seq, over connection
    ``n % connections``."""

    def __init__(self, endpoint: str, units: list[str], connections: int = 4) -> None:
        self.units = units
        self._context = zmq.Context()
        self._dealers = []
        self._poller = zmq.Poller()
        for _ in range(connections):
            dealer = self._context.socket(zmq.DEALER)
            dealer.sndhwm = dealer.rcvhwm = 0
            dealer.connect(endpoint)
            self._dealers.append(dealer)
            self._poller.register(dealer, zmq.POLLIN)
        self._session = Session()
        self._seqs = dict.fromkeys(units, time.time_ns() // 1000)
        self._position = ev.Position(lat=LAT, lon=LON, heading=90.0, speed=8.0)

    def send(self, n: int) -> None:
        unit = self.units[n % len(self.units)]
        self._seqs[unit] += 1
        event = ev.envelope(unit, self._seqs[unit], self._position, int(time.time() * 1000))
        self._dealers[n % len(self._dealers)].send(self._session.frame(p.REPORT, codec.encode(event)))

    def send_payload(self, n: int, payload: bytes) -> None:
        """Any report payload (another unit's, or one that is not valid at all), framed as a report,
        over connection ``n % connections``."""
        self._dealers[n % len(self._dealers)].send(self._session.frame(p.REPORT, payload))

    def acks(self, timeout_ms: int) -> int:
        """Reports acknowledged in what arrives within ``timeout_ms`` (0: only what is there)."""
        acked = 0
        for dealer, _event in self._poller.poll(timeout_ms):
            while True:
                try:
                    reply = dealer.recv(zmq.NOBLOCK)
                except zmq.Again:
                    break
                if reply[3:4] == p.ACK:
                    acked += len(_ack_count.decode(memoryview(reply)[p.HEADER_SIZE:]).acks)
        return acked

    def close(self) -> None:
        for dealer in self._dealers:
            dealer.close(0)
        self._context.term()
