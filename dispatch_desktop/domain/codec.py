"""Binary encoding of events (MessagePack through msgspec): one codec for the wire and the log."""

from __future__ import annotations

import msgspec

from dispatch_desktop.domain.events import ENVELOPE_VERSION, Envelope

_encoder = msgspec.msgpack.Encoder()
_envelope_decoder = msgspec.msgpack.Decoder(Envelope)

DecodeError = msgspec.DecodeError
ValidationError = msgspec.ValidationError


def encode(event: Envelope) -> bytes:
    return _encoder.encode(event)


class UnsupportedVersion(msgspec.ValidationError):
    """The envelope is well formed but of a protocol version this program does not speak."""


def decode(data: bytes | memoryview) -> Envelope:
    """Decode and validate one envelope; raises ``DecodeError`` (``ValidationError`` and
    ``UnsupportedVersion`` are subclasses)."""
    try:
        event = _envelope_decoder.decode(data)
    except UnicodeDecodeError as error:  # msgspec lets invalid UTF-8 in a string through as this
        raise DecodeError(f"invalid UTF-8 in a string: {error.reason}") from None
    if event.v != ENVELOPE_VERSION:
        raise UnsupportedVersion(f"envelope version {event.v} is not supported (expected {ENVELOPE_VERSION})")
    return event
