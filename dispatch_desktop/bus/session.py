"""Session: builds, signs, parses and verifies DDP messages (after jupyter_client's ``Session``).

A message is the frame ``b"DD1" + type ‖ signature ‖ payload`` optionally followed by one data frame.
The signature is HMAC-SHA256 over the header, the payload and the data frame, present only when the
session has a key (both ends must agree). Under CurveZMQ every frame is already authenticated and
encrypted by the transport, so the key is empty by default; it exists for plain-TCP deployments on a
trusted network that still want message integrity.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any, NamedTuple, TypeVar

import msgspec

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.domain import codec
from dispatch_desktop.domain.events import ENVELOPE_VERSION, Envelope

_encoder = msgspec.msgpack.Encoder()
_PREFIX = p.PREFIX
_MAX_PAYLOAD = p.MAX_PAYLOAD
_DATA_FRAME_TYPES = p.DATA_FRAME_TYPES
_REPORT_HEADER = p.PREFIX + p.REPORT


class Message(NamedTuple):
    type: bytes
    payload: memoryview
    data: bytes | None


class Session:
    def __init__(self, key: bytes = b"") -> None:
        self.key = key
        self._sig = p.SIGNATURE_SIZE if key else 0

    # --- building -------------------------------------------------------------------------------

    def frame(self, msg_type: bytes, payload: bytes, data: bytes | None = None) -> bytes:
        header = p.PREFIX + msg_type
        if not self.key:
            return header + payload
        return header + self._sign(header, payload, data) + payload

    def pack(self, msg_type: bytes, obj: Any, data: bytes | None = None) -> list[bytes]:
        """Frames for one message (without routing id)."""
        frame = self.frame(msg_type, _encoder.encode(obj), data)
        return [frame] if data is None else [frame, data]

    def envelope_frames(self, msg_type: bytes, event: Envelope) -> list[bytes]:
        return [self.frame(msg_type, codec.encode(event))]

    # --- parsing --------------------------------------------------------------------------------

    def report_payload(self, frames: list[bytes]) -> memoryview | None:
        """The payload of an unsigned one-frame REPORT, or None for any other message (then ``parse``
        it): what ``parse`` would return for one, without building a Message, for the hub's hot path."""
        if len(frames) == 1 and not self.key:
            first = frames[0]
            if first.startswith(_REPORT_HEADER) and len(first) <= _MAX_PAYLOAD:
                return memoryview(first)[p.HEADER_SIZE:]
        return None

    def parse(self, frames: list[bytes]) -> Message:
        """Split and verify one message (routing id already removed). Raises ``BusError``."""
        # The common case first, in as few steps as possible: it runs for every report.
        if len(frames) == 1 and not self.key:
            first = frames[0]
            if first[:3] == _PREFIX and 4 <= len(first) <= _MAX_PAYLOAD:
                msg_type = first[3:4]
                if msg_type not in _DATA_FRAME_TYPES:
                    return Message(msg_type, memoryview(first)[4:], None)
        return self._parse(frames)

    def _parse(self, frames: list[bytes]) -> Message:
        if not frames or len(frames) > p.MAX_FRAMES:
            raise p.BusError("bad_frames")
        first = frames[0]
        if len(first) < p.HEADER_SIZE or bytes(first[:2]) != p.MAGIC:
            raise p.BusError("bad_frames")
        if bytes(first[2:3]) != p.VERSION:
            raise p.BusError("bad_version", version=bytes(first[2:3]), expected=p.VERSION)
        msg_type = bytes(first[3:4])
        if len(first) > p.MAX_PAYLOAD:
            raise p.BusError("oversized", size=len(first), limit=p.MAX_PAYLOAD)
        has_data = msg_type in p.DATA_FRAME_TYPES
        if len(frames) != (2 if has_data else 1):
            raise p.BusError("bad_frames")
        data = bytes(frames[1]) if has_data else None
        view = memoryview(first)
        payload = view[p.HEADER_SIZE + self._sig :]
        if self.key:
            if len(first) < p.HEADER_SIZE + self._sig:
                raise p.BusError("bad_signature")
            signature = bytes(view[p.HEADER_SIZE : p.HEADER_SIZE + self._sig])
            if not hmac.compare_digest(signature, self._sign(bytes(view[: p.HEADER_SIZE]), payload, data)):
                raise p.BusError("bad_signature")
        return Message(msg_type, payload, data)

    def _sign(self, header: bytes, payload: bytes | memoryview, data: bytes | None) -> bytes:
        mac = hmac.new(self.key, header, hashlib.sha256)
        mac.update(payload)
        if data is not None:
            mac.update(data)
        return mac.digest()


_decoders: dict[type, msgspec.msgpack.Decoder[Any]] = {}
_T = TypeVar("_T")


def decode_payload(payload: bytes | memoryview, cls: type[_T]) -> _T:
    """Strictly decode a payload struct; raises ``BusError`` with the matching reason code."""
    decoder: msgspec.msgpack.Decoder[_T] | None = _decoders.get(cls)
    if decoder is None:
        decoder = _decoders[cls] = msgspec.msgpack.Decoder(cls)
    try:
        return decoder.decode(payload)
    except msgspec.DecodeError as error:
        raise p.classify_decode_error(error) from None
    except UnicodeDecodeError as error:  # msgspec lets invalid UTF-8 in a string through as this
        raise p.BusError("malformed", detail=error) from None


def decode_envelope(payload: bytes | memoryview) -> Envelope:
    try:
        return codec.decode(payload)
    except codec.UnsupportedVersion:
        version = msgspec.msgpack.decode(payload).get("v")
        raise p.BusError("bad_version", version=version, expected=ENVELOPE_VERSION) from None
    except msgspec.DecodeError as error:
        raise p.classify_decode_error(error) from None
    except UnicodeDecodeError as error:
        raise p.BusError("malformed", detail=error) from None
