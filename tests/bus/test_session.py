"""The message layer: framing, versioning, signatures and how decode errors become reason codes."""

from __future__ import annotations

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.session import Session, decode_envelope, decode_payload
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev


def _code(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(p.BusError) as raised:
        call()
    return raised.value.code


def test_a_message_is_the_header_then_the_msgpack_payload() -> None:
    frames = Session().pack(p.HELLO, p.Hello(source="P-0001"))
    assert frames == [b"DD1H" + msgspec.msgpack.encode({"source": "P-0001"})]
    message = Session().parse(frames)
    assert message.type == p.HELLO and decode_payload(message.payload, p.Hello) == p.Hello("P-0001")


def test_signed_sessions_accept_their_own_messages_and_refuse_tampering() -> None:
    session = Session(b"shared secret")
    frames = session.pack(p.UPLOAD, p.Upload(sha256="0" * 64, size=3, offset=0), b"abc")
    assert len(frames[0]) == 4 + 32 + len(msgspec.msgpack.encode(p.Upload("0" * 64, 3, 0)))
    assert session.parse(frames).data == b"abc"
    assert _code(lambda: session.parse([frames[0], b"abd"])) == "bad_signature"
    assert _code(lambda: Session(b"other key").parse(frames)) == "bad_signature"
    assert _code(lambda: session.parse(Session().pack(p.HELLO, p.Hello("P-0001")))) == "bad_signature"


@pytest.mark.parametrize(
    ("frames", "code"),
    [
        ([], "bad_frames"),
        ([b"DD1"], "bad_frames"),
        ([b"XX1H\x80"], "bad_frames"),
        ([b"DD2H\x80"], "bad_version"),
        ([b"DD1H\x80", b"extra"], "bad_frames"),
        ([b"DD1U\x80"], "bad_frames"),  # an upload needs its data frame
        ([b"DD1H\x80", b"a", b"b"], "bad_frames"),
        ([b"DD1R" + b"\x00" * p.MAX_PAYLOAD], "oversized"),
    ],
)
def test_framing_errors(frames: list[bytes], code: str) -> None:
    assert _code(lambda: Session().parse(frames)) == code


GOOD = {"v": 1, "source": "P-0001", "seq": 1, "t_src": 5, "body": {"kind": "position", "lat": 23.1, "lon": 113.2}}


def _with(path: tuple[str, ...], value: object) -> bytes:
    data = msgspec.msgpack.decode(msgspec.msgpack.encode(GOOD))
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return msgspec.msgpack.encode(data)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b"\xc1", "malformed"),
        (msgspec.msgpack.encode(GOOD) + b"\x00", "malformed"),
        (msgspec.msgpack.encode([1, 2]), "malformed"),
        (_with(("body", "kind"), "teleport"), "unknown_kind"),
        (_with(("body", "altitude"), 3.0), "unknown_field"),
        (_with(("extra",), 1), "unknown_field"),
        (_with(("body", "lat"), KeyError), "missing_field"),
        (_with(("body", "lat"), 91.0), "bad_field"),
        (_with(("body", "lat"), "north"), "bad_field"),
        (_with(("source",), "P 0001"), "bad_field"),
        (_with(("seq",), 0), "bad_field"),
        (_with(("mode",), "exercise"), "bad_field"),
    ],
)
def test_envelope_decode_errors_map_to_reason_codes(payload: bytes, code: str) -> None:
    assert _code(lambda: decode_envelope(payload)) == code


def test_integers_are_accepted_where_floats_are_expected() -> None:
    event = decode_envelope(_with(("body", "lat"), 23))
    assert isinstance(event.body, ev.Position) and event.body.lat == 23.0


def test_every_reason_message_fills_its_template() -> None:
    error = p.BusError("seq_backwards", seq=4, source="P-0001", high_water=9)
    assert error.message == (
        "Sequence number 4 of P-0001 is not above its high water 9 and is not a resend of a stored event."
    )
    assert error.params == {"seq": "4", "source": "P-0001", "high_water": "9"}


def test_the_envelope_on_the_wire_is_the_domain_codec() -> None:
    event = ev.envelope("P-0001", 7, ev.Position(lat=23.1, lon=113.2), 1_763_780_000_000)
    frame = Session().envelope_frames(p.REPORT, event)[0]
    assert frame[:4] == b"DD1R" and codec.decode(frame[4:]) == event


def test_events_published_from_their_stored_bytes_decode_as_the_events_a_workstation_reads() -> None:
    """The hub publishes ``EncodedEvents`` (envelopes encoded once, when stored); a workstation decodes
    ``Events``. The two must be the same message on the wire."""
    stored = [(7, ev.envelope("P-0001", 3, ev.Position(lat=23.1, lon=113.3), 1_700_000_000_000, t_hub=1)),
              (8, ev.envelope("hub", 9, ev.OrderDelivered(order="O-1", unit="P-0001"), 1_700_000_000_001))]
    sent = p.EncodedEvents(prev=6, events=tuple((gseq, msgspec.Raw(codec.encode(e))) for gseq, e in stored))
    frames = Session().pack(p.EVENTS, sent)
    assert frames == Session().pack(p.EVENTS, p.Events(prev=6, events=tuple(stored)))
    assert decode_payload(Session().parse(frames).payload, p.Events) == p.Events(prev=6, events=tuple(stored))
