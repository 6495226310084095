"""The stored form of a position report: the fast encoder writes exactly what the general one writes."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch_desktop.domain import events as ev
from dispatch_desktop.store.rows import _BY_TYPE, _encode_position, decode_position

_general = _BY_TYPE[ev.Position].encode
# Handset-like values, and the awkward ones: signed zeros, values no fixed point holds, inf and nan.
_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-1_800_000_000, 1_800_000_000).map(lambda n: n / 1e7),
    st.integers(0, 36_000).map(lambda n: n / 100),
    st.sampled_from([0.0, -0.0, 0.1 + 0.2, 359.99, 1e-300, -1e-300, 5e-324]),
)


@settings(max_examples=2_000, deadline=None)
@given(_numbers, _numbers, _numbers, _numbers)
def test_the_position_fast_path_writes_the_same_bytes(lat: float, lon: float, heading: float, speed: float) -> None:
    body = ev.Position(lat=lat, lon=lon, heading=heading, speed=speed)
    try:
        expected = _general(body)
    except OverflowError:  # beyond 64-bit fixed point (no valid report is): both refuse
        with pytest.raises(OverflowError):
            _encode_position(body)
        return
    data = _encode_position(body)
    assert data == expected
    back = decode_position(data)
    for before, after in zip(msgspec_values(body), msgspec_values(back), strict=True):
        assert (math.isnan(before) and math.isnan(after)) or (
            before == after and math.copysign(1.0, before) == math.copysign(1.0, after)
        )


def msgspec_values(body: ev.Position) -> tuple[float, float, float, float]:
    return body.lat, body.lon, body.heading, body.speed
