"""Bad input, one reason code at a time: answered with a NACK carrying the code, counted, logged, never
stored, and the hub carries on."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.session import Session
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import FieldRecordKind
from tests.bus.conftest import INSIDE, RawPeer, Running, now_ms

pytestmark = pytest.mark.timeout(60)

SESSION = Session()


def _envelope(seq: int = 1, body: ev.Body | None = None, source: str = "P-0001", t: int | None = None) -> ev.Envelope:
    return ev.envelope(source, seq, body or ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms() if t is None else t)


def _plain(seq: int = 1) -> dict[str, Any]:
    return msgspec.to_builtins(_envelope(seq))  # type: ignore[no-any-return]


def _report(payload: dict[str, Any] | ev.Envelope, header: bytes = b"DD1R") -> list[bytes]:
    data = codec.encode(payload) if isinstance(payload, ev.Envelope) else msgspec.msgpack.encode(payload)
    return [header + data]


def _edit(change: Callable[[dict[str, Any]], None]) -> list[bytes]:
    data = _plain()
    change(data)
    return _report(data)


def _upload(sha256: str, size: int, offset: int, chunk: bytes) -> list[bytes]:
    return SESSION.pack(p.UPLOAD, p.Upload(sha256=sha256, size=size, offset=offset), chunk)


PHOTO = b"not really a jpeg"
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()

CASES: list[tuple[str, Callable[[], list[bytes]]]] = [
    ("bad_frames", lambda: [*_report(_envelope()), b"stray frame"]),
    ("bad_frames", lambda: [b"hello hub"]),
    ("bad_version", lambda: _report(_envelope(), header=b"DD2R")),
    ("bad_version", lambda: _edit(lambda d: d.update(v=2))),
    ("unknown_type", lambda: [b"DD1Z\x80"]),
    ("unknown_type", lambda: _report(_envelope(), header=b"DD1C")),  # a command on the field socket
    ("oversized", lambda: [b"DD1R" + b"\x00" * (300 * 1024)]),
    ("malformed", lambda: [b"DD1R\xc1\xc1\xc1"]),
    ("malformed", lambda: [b"DD1R" + msgspec.msgpack.encode([1, 2, 3])]),
    ("unknown_kind", lambda: _edit(lambda d: d["body"].update(kind="teleport"))),
    ("unknown_field", lambda: _edit(lambda d: d["body"].update(altitude=12.5))),
    ("missing_field", lambda: _edit(lambda d: d["body"].pop("lat"))),
    ("bad_field", lambda: _edit(lambda d: d["body"].update(lat=95.0))),
    ("bad_field", lambda: _edit(lambda d: d["body"].update(heading=-1.0))),
    ("bad_field", lambda: _edit(lambda d: d.update(seq=-5))),
    ("kind_not_allowed", lambda: _report(_envelope(body=ev.IncidentNote(incident="J-1", text="hi")))),
    ("not_on_roster", lambda: _report(_envelope(source="P-9999"))),
    ("outside_area", lambda: _report(_envelope(body=ev.Position(lat=39.9, lon=116.4)))),  # Beijing
    ("outside_area", lambda: _report(_envelope(body=ev.Sos(lat=0.0, lon=0.0)))),
    ("time_future", lambda: _report(_envelope(t=now_ms() + 3_600_000))),
    ("time_past", lambda: _report(_envelope(t=now_ms() - 2 * 86_400_000))),
    ("attachment_missing", lambda: _report(_envelope(body=ev.FieldRecord(
        record=FieldRecordKind.INFO_COLLECTION, record_id="R-1",
        attachments=(ev.Attachment(sha256=PHOTO_SHA, mime="image/jpeg", size=len(PHOTO)),))))),
    ("upload_offset", lambda: _upload(PHOTO_SHA, len(PHOTO), 5, PHOTO[5:])),
    ("upload_mismatch", lambda: _upload(PHOTO_SHA, len(PHOTO), 0, b"x" * len(PHOTO))),
    ("malformed", lambda: [b"DD1U\x93\x01\x02\x03", b"data"]),
    ("unknown_field", lambda: [b"DD1U\x81\xa1x\x01", b"data"]),
    ("bad_field", lambda: _upload("not-a-hash", 3, 0, b"abc")),
]


@pytest.mark.parametrize(("code", "frames"), CASES, ids=[f"{c}-{i}" for i, (c, _f) in enumerate(CASES)])
def test_bad_input_is_nacked_counted_and_not_stored(code: str, frames: Callable[[], list[bytes]],
                                                    make_hub: Callable[..., Running],
                                                    raw_peers: Callable[..., RawPeer],
                                                    caplog: pytest.LogCaptureFixture) -> None:
    running = make_hub()
    unit = raw_peers(running.endpoints.field)
    before = running.stored()
    unit.send(frames())
    kind, nack = unit.answer()
    assert kind == p.NACK and nack["code"] == code, nack
    assert nack["gseq"] == 0 and nack["message"]
    assert running.hub.stats()["nacks"] == {code: 1}
    assert running.stored() == before
    assert any(code in record.getMessage() for record in caplog.records)
    unit.report(_envelope(seq=2))  # and the hub carries on
    assert unit.answer()[0] == p.ACK


def test_nack_names_the_report_it_refuses(make_hub: Callable[..., Running],
                                          raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub()
    unit = raw_peers(running.endpoints.field)
    unit.send(_edit(lambda d: d["body"].update(altitude=1.0)))
    _, nack = unit.answer()
    assert (nack["source"], nack["seq"]) == ("P-0001", 1)  # so the unit can drop it from its outbox


def test_seq_going_backwards(make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub()
    unit = raw_peers(running.endpoints.field)
    t = now_ms()
    unit.report(_envelope(seq=50, t=t))
    assert unit.answer()[0] == p.ACK
    stored = running.stored()
    unit.report(_envelope(seq=49, t=t + 10))
    kind, nack = unit.answer()
    assert (kind, nack["code"], nack["params"]["high_water"]) == (p.NACK, "seq_backwards", "50")
    assert running.stored() == stored and running.hub.stats()["nacks"] == {"seq_backwards": 1}


def test_a_wrong_signature_is_refused(make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]) -> None:
    running = make_hub(session_key=b"hub secret")
    unit = raw_peers(running.endpoints.field)
    unit.session = Session(b"another secret")
    unit.report(_envelope())
    unit.session = Session(b"hub secret")  # to read the answer
    kind, nack = unit.answer()
    assert (kind, nack["code"]) == (p.NACK, "bad_signature")
    unit.report(_envelope(seq=2))
    assert unit.answer()[0] == p.ACK


def test_a_frame_beyond_the_transport_limit_drops_only_that_connection(
    make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer]
) -> None:
    running = make_hub()
    flooder = raw_peers(running.endpoints.field)
    flooder.send([b"DD1R" + b"\x00" * (2 * p.MAX_FRAME)])
    assert flooder.receive(timeout=1.0) is None  # ZMQ_MAXMSGSIZE: disconnected, nothing to answer
    unit = raw_peers(running.endpoints.field)
    unit.report(_envelope())
    assert unit.answer()[0] == p.ACK


def test_every_reason_code_is_exercised() -> None:
    covered = {code for code, _frames in CASES} | {"seq_backwards", "bad_signature"}
    elsewhere = {"wrong_source", "unauthorized", "read_only"}  # need keys: test_curve.py
    elsewhere |= {"unknown_code"}  # a command's: test_admission.py, test_orders_and_commands.py
    elsewhere |= {"plugin_event_undeclared", "plugin_event_oversized"}  # a known plugin's: test_plugin_events.py
    elsewhere |= {"no_drill", "not_enrolled", "drill_live_only"}  # a drill's: test_drill_hub.py
    unreachable = {"internal_error"}  # a hub bug, answered rather than crashing
    assert covered | elsewhere | unreachable == set(p.NACK_TEMPLATES)
