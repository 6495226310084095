"""The envelope and its strict validation: what the wire and the log accept."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import given

from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from tests.domain.event_sequences import mixed_logs


@given(mixed_logs(max_size=40))
def test_every_event_round_trips_through_the_codec(log: list[ev.Envelope]) -> None:
    for event in log:
        assert codec.decode(codec.encode(event)) == event


def test_every_kind_has_a_stable_code_and_a_distinct_tag() -> None:
    assert len(ev.KIND_CODES) == len(ev.BODY_TYPES) == len(set(ev.KIND_CODES.values()))
    assert ev.KIND_CODES["position"] == 1  # stored in the log: codes must never move


def test_event_id_is_source_and_sequence() -> None:
    event = ev.envelope("P-0001", 42, ev.Position(lat=23.1, lon=113.3), t_src=1)
    assert event.event_id == "P-0001#42" and event.kind == "position"


def _raw(**changes: object) -> bytes:
    base = msgspec.to_builtins(ev.envelope("P-1", 1, ev.Position(lat=23.1, lon=113.3), t_src=1))
    base.update(changes)
    return msgspec.msgpack.encode(base)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (_raw(v=2), "version 2"),
        (_raw(extra=1), "unknown field"),
        (_raw(seq=0), "seq"),
        (_raw(source=""), "source"),
        (_raw(source="P 1; drop table"), "source"),
        (_raw(body={"kind": "teleport", "lat": 1.0, "lon": 2.0}), "kind"),
        (_raw(body={"kind": "position", "lat": 91.0, "lon": 2.0}), "lat"),
        (_raw(body={"kind": "position", "lat": 23.0, "lon": 113.0, "speed": 500.0}), "speed"),
        (_raw(body={"kind": "position", "lat": 23.0, "lon": 113.0, "colour": "red"}), "unknown field"),
        (_raw(mode="exercise"), "mode"),
        (b"\xc1garbage", "MessagePack"),
        (_raw(source="P-1").replace(b"P-1", b"P\xff1"), "UTF-8"),
    ],
)
def test_malformed_envelopes_are_refused_with_the_reason(raw: bytes, fragment: str) -> None:
    with pytest.raises(codec.DecodeError) as error:
        codec.decode(raw)
    assert fragment.lower() in str(error.value).lower()
