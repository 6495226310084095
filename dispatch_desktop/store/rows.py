"""Envelope <-> table row, compactly and losslessly.

A body is stored as a MessagePack array of its field values in declaration order (no field names, no
kind tag: the ``kind`` column says which struct it is), with trailing values that equal their
defaults left out. Coordinates, headings and speeds are stored as fixed-point integers when that is
exact: a handset's GPS fix has six or seven decimals, so ``23.129163`` becomes ``231291630`` (5 bytes
instead of 9). A value the fixed point cannot reproduce bit for bit stays a float, so decoding always
gives back the very value that was appended.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from math import copysign
from typing import Any, Generic, NamedTuple, TypeVar

import msgspec

from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.events import BODY_TYPES, KIND_CODES, AnyBody, Envelope, PluginEvent, Position
from dispatch_desktop.domain.replay import Replay
from dispatch_desktop.store.schema import DRILL_CODE

FIXED_POINT: dict[str, float] = {"lat": 1e7, "lon": 1e7, "heading": 100.0, "speed": 100.0}
"""Scale per float field name: 1e-7 degree is ~1 cm; 0.01 degree and 0.01 m/s are finer than any
handset reports. Floats, because int * float converts the int on every call (hot path)."""

MODE_CODES: dict[Mode, int] = {Mode.LIVE: 0, Mode.DRILL: DRILL_CODE}
MODES: dict[int, Mode] = {code: mode for mode, code in MODE_CODES.items()}

_encoder = msgspec.msgpack.Encoder()
_decode_list = msgspec.msgpack.Decoder(list).decode
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_NO_DEFAULT = msgspec.NODEFAULT
_new_tuple = tuple.__new__


def _same(value: Any, default: Any) -> bool:
    """Equal, and for zeros of the same sign too: -0.0 == 0.0, yet it must come back as -0.0."""
    return value == default and (value != 0 or copysign(1.0, value) == copysign(1.0, default))


def _plain(annotation: Any) -> Any:
    """The type without its ``Annotated`` constraints: reading back must never reject what was
    stored, so decoding checks shapes and types, not limits."""
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation


def _default(field: msgspec.structs.FieldInfo) -> Any:
    if field.default_factory is not _NO_DEFAULT:
        return field.default_factory()
    return field.default


_B = TypeVar("_B", bound=AnyBody)


class _BodyCodec(Generic[_B]):
    """Encoder and decoder of one body kind's value array."""

    def __init__(self, kind: str, cls: type[_B]) -> None:
        fields = msgspec.structs.fields(cls)
        self.cls = cls
        self.code = KIND_CODES[kind]
        self.defaults = tuple(_default(field) for field in fields)
        self.scaled = tuple(
            (index, FIXED_POINT[field.name])
            for index, field in enumerate(fields)
            if field.name in FIXED_POINT and _plain(field.type) is float
        )
        scaled_names = {fields[index].name for index, _scale in self.scaled}
        # Per field: its fixed-point scale, 0.0 for fields that are never scaled.
        self.scales = tuple(FIXED_POINT[f.name] if f.name in scaled_names else 0.0 for f in fields)
        # Bodies of plain numbers and strings (positions!) need no typed decoding: a plain list of
        # values goes straight into the constructor, several times faster.
        self._untyped = all(_plain(field.type) in (int, float, str) for field in fields)
        # The array is decoded into a mirror struct: typed (enums, nested structs come back as such),
        # trailing fields optional, and a fixed-point field accepts the int it may be stored as.
        mirror_fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        for field in fields:
            annotation = int | float if field.name in scaled_names else _plain(field.type)
            if field.required:
                mirror_fields.append((field.name, annotation))
            elif field.default_factory is not _NO_DEFAULT:
                mirror_fields.append((field.name, annotation, msgspec.field(default_factory=field.default_factory)))
            else:
                mirror_fields.append((field.name, annotation, msgspec.field(default=field.default)))
        mirror = msgspec.defstruct(f"{cls.__name__}Values", mirror_fields, array_like=True)
        self.decode = self._decoder(msgspec.msgpack.Decoder(mirror).decode)

    def encode(self, body: _B) -> bytes:
        values = list(msgspec.structs.astuple(body))
        defaults = self.defaults
        end = len(values)
        while end and defaults[end - 1] is not _NO_DEFAULT and _same(values[end - 1], defaults[end - 1]):
            end -= 1
        del values[end:]
        for index, scale in self.scaled:
            if index < end:
                values[index] = _fixed(values[index], scale)
        return _encoder.encode(values)

    def _decoder(self, decode_mirror: Callable[[bytes], Any]) -> Callable[[bytes], _B]:
        """``decode(data) -> body``, built once per kind with everything bound locally: every replay
        runs it once per event."""
        # The values are the stored array's, in field order, typed by the mirror struct (or plain numbers
        # and strings): which argument is which is known only at run time.
        cls: Callable[..., _B] = self.cls
        scales, astuple = self.scales, msgspec.structs.astuple

        def values_of(data: bytes) -> Sequence[Any]:
            return astuple(decode_mirror(data))

        read = _decode_list if self._untyped else values_of
        if not self.scaled:
            return lambda data: cls(*read(data))
        return lambda data: cls(*[v / s if s and type(v) is int else v for v, s in zip(read(data), scales)])  # noqa: B905


_ENVELOPE_FIELDS = ("v", "source", "seq", "t_src", "body", "t_hub", "mode")
if tuple(field.name for field in msgspec.structs.fields(Envelope)) != _ENVELOPE_FIELDS:
    raise RuntimeError("Envelope's fields changed: update decode_rows, which builds it positionally")

# Position's codec is kept typed as such for decode_position; the table holds every kind's, one per class.
_POSITION_CODEC = _BodyCodec("position", Position)
_BY_TYPE: dict[type[AnyBody], _BodyCodec[Any]] = {
    cls: _POSITION_CODEC if cls is Position else _BodyCodec(kind, cls) for kind, cls in BODY_TYPES.items()
}
_DECODERS: dict[int, Callable[[bytes], AnyBody]] = {codec.code: codec.decode for codec in _BY_TYPE.values()}


class EncodedEvent(NamedTuple):
    """An envelope's row values that do not depend on where it lands in the log."""

    source: str
    seq: int
    t_hub: int
    t_lag: int
    kind: int
    mode: int
    v: int
    body: bytes


def encode_event(event: Envelope) -> EncodedEvent:
    """Raises ``TypeError`` for anything that is not an envelope with a known body kind, ValueError
    for a number no database column can hold. Other field constraints are not checked again: an
    envelope from the wire has been validated by ``codec.decode``."""
    if type(event) is not Envelope:
        raise TypeError(f"expected an Envelope, got {type(event).__name__}")
    codec = _BY_TYPE.get(type(event.body))
    if codec is None:
        raise TypeError(f"event {event.source}#{event.seq}: {type(event.body).__name__} is not an event body")
    mode = MODE_CODES.get(event.mode)
    if mode is None:
        raise TypeError(f"event {event.source}#{event.seq}: mode {event.mode!r} is not a Mode")
    seq, t_hub, v = event.seq, event.t_hub, event.v
    t_lag = t_hub - event.t_src
    if not (_INT64_MIN <= seq <= _INT64_MAX and _INT64_MIN <= t_hub <= _INT64_MAX
            and _INT64_MIN <= t_lag <= _INT64_MAX and _INT64_MIN <= v <= _INT64_MAX):
        values = {"seq": seq, "t_hub": t_hub, "t_hub - t_src": t_lag, "v": v}
        name, value = next((n, x) for n, x in values.items() if not _INT64_MIN <= x <= _INT64_MAX)
        raise ValueError(f"event {event.source}#{seq}: {name} = {value} does not fit in 64 bits")
    body = event.body
    data = _encode_position(body) if type(body) is Position else codec.encode(body)
    # tuple.__new__ straight: a NamedTuple's own __new__ is a Python function, a call per event more.
    return _new_tuple(EncodedEvent, (event.source, seq, t_hub, t_lag, codec.code, mode, v, data))


def _fixed(value: float, scale: float) -> float | int:
    """``value`` as a fixed-point int at ``scale`` when that gives it back bit for bit, else itself."""
    try:
        scaled = round(value * scale)
    except (OverflowError, ValueError):  # inf, nan
        return value
    return scaled if scaled / scale == value and (scaled or copysign(1.0, value) > 0.0) else value


_LAT, _LON, _HEADING, _SPEED = (FIXED_POINT[name] for name in ("lat", "lon", "heading", "speed"))


def _encode_position(body: Position) -> bytes:
    """``_BodyCodec.encode`` of a Position, byte for byte, in a third of the time: nearly every stored
    event is one (tests/store/test_rows.py checks the two agree)."""
    lat, lon, heading, speed = body.lat, body.lon, body.heading, body.speed
    values: list[float]  # ints where the fixed point is exact
    if heading and speed:
        # The usual fix (moving, with a heading), ``_fixed`` inlined: a few calls less per report.
        try:
            values = [round(lat * _LAT), round(lon * _LON), round(heading * _HEADING), round(speed * _SPEED)]
        except (OverflowError, ValueError):  # inf, nan: the general path keeps them as floats
            pass
        else:
            if (values[0] / _LAT == lat and values[1] / _LON == lon and values[2] / _HEADING == heading
                    and values[3] / _SPEED == speed and all(values)):
                return _encoder.encode(values)
    if not _same(speed, 0.0):
        values = [_fixed(lat, _LAT), _fixed(lon, _LON), _fixed(heading, _HEADING), _fixed(speed, _SPEED)]
    elif not _same(heading, 0.0):
        values = [_fixed(lat, _LAT), _fixed(lon, _LON), _fixed(heading, _HEADING)]
    else:
        values = [_fixed(lat, _LAT), _fixed(lon, _LON)]
    return _encoder.encode(values)


def decode_rows(rows: Iterable[Sequence[Any]], names: Mapping[int, str]) -> list[tuple[int, Envelope]]:
    """``(gseq, envelope)`` for ``events`` rows (columns in table order, source ids resolved through
    ``names``). One tight loop, as every replay goes through here."""
    out: list[tuple[int, Envelope]] = []
    decoders, modes, append = _DECODERS, MODES, out.append
    for gseq, source_id, seq, t_hub, t_lag, kind, mode, v, body in rows:
        decode = decoders.get(kind)
        if decode is None:
            raise ValueError(f"stored event gseq {gseq} has kind code {kind}, unknown to this version")
        # Positional (cheaper than keywords), in _ENVELOPE_FIELDS order.
        append((gseq, Envelope(v, names[source_id], seq, t_hub - t_lag, decode(body), t_hub, modes[mode])))
    return out


_PLUGIN_FIELDS = msgspec.structs.fields(PluginEvent)
if _PLUGIN_FIELDS[0].name != "plugin" or not _PLUGIN_FIELDS[0].required or len(_PLUGIN_FIELDS) > 15:
    raise RuntimeError("PluginEvent changed: update plugin_id_bytes, which finds the plugin id in a stored body")
PLUGIN_ID_POSITION = 2
"""Where a stored plugin event's plugin id starts in its ``body``, counting from 1 as SQL's ``substr`` does:
the body is an array of at most 15 values (a one-byte header) whose first value, the plugin id, is required
and so never left out."""


def plugin_id_bytes(plugin: str) -> bytes:
    """The bytes a stored plugin event of ``plugin`` has at ``PLUGIN_ID_POSITION``: the MessagePack string,
    its length in its header, so that no other id (not even a longer one starting the same) matches."""
    return _encoder.encode(plugin)


_POSITION = _POSITION_CODEC.code
decode_position: Callable[[bytes], Position] = _POSITION_CODEC.decode


def replay_rows(replay: Replay, rows: Iterable[Sequence[Any]], names: Mapping[int, str]) -> None:
    """Folds ``events`` rows into ``replay``: position reports go in still encoded (``Replay`` decodes
    the few that stay standing), anything else as a decoded envelope."""
    position, event, code, drill = replay.position, replay.event, _POSITION, DRILL_CODE
    for row in rows:
        _gseq, source_id, _seq, t_hub, t_lag, kind, mode, _v, body = row
        if kind != code or not position(names[source_id], t_hub - t_lag, t_hub, mode == drill, body):
            event(decode_rows((row,), names)[0][1])
