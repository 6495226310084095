"""A hostile peer throws over 100,000 malformed frames at the hub while a real unit keeps reporting.

The fuzzer holds a genuine unit key (so the frames get past CurveZMQ and reach the parser) for a unit
that is not on the roster: nothing it sends can be a valid report, so nothing it sends may be stored.
Frames come from Hypothesis (random byte strings, random MessagePack structures) and from mutating
valid envelopes (bit flips, truncation, insertion, duplication, other units' ids), with random frame
counts. The real unit must be acknowledged all the way through, and the log must hold its reports and
nothing else.
"""

from __future__ import annotations

import os
import random
import threading

import msgspec
import pytest
import zmq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.keys import KeyDirectory, Kind
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import FieldRecordKind, UnitStatus
from tests.bus.conftest import INSIDE, HubFactory, Running, now_ms, on_both_backends

TOTAL = int(os.environ.get("FUZZ_TOTAL", "100000"))
EXAMPLES = 400
PER_EXAMPLE = TOTAL // EXAMPLES + 1

TEMPLATES: list[ev.Body] = [
    ev.Position(lat=INSIDE[0], lon=INSIDE[1], heading=90.0, speed=10.0),
    ev.StatusReport(status=UnitStatus.AVAILABLE, note="on duty"),
    ev.DispatchAck(incident="J-1", order="ws-01:5"),
    ev.Sos(lat=INSIDE[0], lon=INSIDE[1], note="help"),
    ev.FieldRecord(record=FieldRecordKind.VEHICLE_CHECK_REQUEST, record_id="R-9", fields={"plate": "粤A12345"}),
]
TYPES = [p.REPORT, p.HELLO, p.UPLOAD, p.ORDER_ACK, p.COMMAND, b"Z", b"\x00"]

json_like = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.floats() | st.text(max_size=20)
    | st.binary(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)


def _mutate(rng: random.Random, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        position = rng.randrange(len(buffer) + 1)
        if choice < 0.35 and buffer:
            buffer[min(position, len(buffer) - 1)] ^= 1 << rng.randrange(8)
        elif choice < 0.5:
            del buffer[position:]
        elif choice < 0.7:
            buffer[position:position] = rng.randbytes(rng.randint(1, 8))
        elif choice < 0.85 and buffer:
            end = min(len(buffer), position + rng.randint(1, 16))
            buffer[position:position] = buffer[position:end]
        else:
            buffer[position:position + rng.randint(1, 4)] = b""
    return bytes(buffer)


def _valid(rng: random.Random) -> bytes:
    body = rng.choice(TEMPLATES)
    source = rng.choice(["FUZZ", "FUZZ", "P-0001", "P-0002", "hub"])
    event = ev.envelope(source, rng.randint(1, 10**6), body, now_ms() + rng.randint(-1000, 1000))
    return codec.encode(event)


class Fuzzer:
    def __init__(self, running: Running, keys: KeyDirectory) -> None:
        self.context = zmq.Context()
        self.socket = self.context.socket(zmq.DEALER)
        self.socket.linger = 0
        keys.client_credentials("FUZZ").apply(self.socket)
        self.socket.connect(running.endpoints.field)
        self.sent = 0
        self.answers = 0

    def send(self, frames: list[bytes]) -> None:
        self.socket.send_multipart(frames)
        self.sent += 1
        while self.socket.poll(0):
            self.socket.recv_multipart()
            self.answers += 1

    def close(self) -> None:
        self.socket.close(0)
        self.context.term()


class ValidUnit(threading.Thread):
    """P-0001 on its handset: a position every 20 ms, for as long as the fuzzing lasts."""

    def __init__(self, running: Running, keys: KeyDirectory, fuzzer: Fuzzer) -> None:
        super().__init__(daemon=True)
        self.running, self.keys, self.fuzzer = running, keys, fuzzer
        self.stop = threading.Event()
        self.acked_at: list[int] = []  # how many fuzz messages had been sent at each acknowledgement
        self.sent: list[int] = []
        self.left = -1

    def run(self) -> None:
        with FieldFleet() as fleet:
            client = fleet.add(FieldClient(
                "P-0001", self.running.endpoints.field, context=fleet.context,
                curve=self.keys.client_credentials("P-0001"),
                on_ack=lambda seq, gseq, dup: self.acked_at.append(self.fuzzer.sent)))
            step = 0
            while not self.stop.is_set():
                self.sent.append(client.position(INSIDE[0] + step * 1e-6, INSIDE[1]))
                step += 1
                fleet.poll(0.02)
            fleet.run_until(lambda: client.unacked == 0, timeout=30)
            self.left = client.unacked


@pytest.mark.slow
@pytest.mark.timeout(300)
@on_both_backends
def test_a_flood_of_garbage_neither_stops_the_hub_nor_gets_stored(make_hub: HubFactory, keys: KeyDirectory) -> None:
    keys.create("FUZZ", Kind.UNIT)
    running = make_hub(keys=keys)
    fuzzer = Fuzzer(running, keys)
    unit = ValidUnit(running, keys, fuzzer)
    unit.start()

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(junk=st.lists(st.binary(max_size=600), min_size=1, max_size=6), structure=json_like,
           seed=st.integers(0, 2**32))
    def throw(junk: list[bytes], structure: object, seed: int) -> None:
        rng = random.Random(seed)  # plain Random for the bulk: a Hypothesis draw per byte would be slow
        fuzzer.send(junk)  # raw bytes, any number of frames
        fuzzer.send([b"DD1R" + msgspec.msgpack.encode(structure)])  # well-formed MessagePack, wrong shape
        for _ in range(PER_EXAMPLE - 2):
            frame = b"DD1" + rng.choice(TYPES) + _mutate(rng, _valid(rng))
            extra = [rng.randbytes(rng.randint(0, 40)) for _ in range(rng.choice((0, 0, 0, 1, 2, 5)))]
            fuzzer.send([frame, *extra])

    try:
        throw()
    finally:
        unit.stop.set()
        unit.join(60)
        fuzzer.close()
    assert fuzzer.sent >= TOTAL
    assert unit.left == 0, "the real unit's reports were not all acknowledged"
    # acknowledged throughout: in every quarter of the flood, not just before and after it
    quarters = {min(3, 4 * sent // fuzzer.sent) for sent in unit.acked_at}
    assert quarters == {0, 1, 2, 3}
    stored = running.stored()
    assert {e.source for _g, e in stored} <= {"hub", "P-0001"}
    assert sorted(e.seq for _g, e in stored if e.source == "P-0001") == sorted(unit.sent)
    assert not any(isinstance(e.body, ev.Refused) for _g, e in stored)
    stats = running.hub.stats()
    assert sum(stats["nacks"].values()) > TOTAL // 2
