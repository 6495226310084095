"""Keyframe snapshots of the projected state: ``encode_state`` bytes, zlib-compressed.

Level 1: a state is MessagePack full of repeated ids and enum strings, which even the fastest level
shrinks severalfold; higher levels gain a few percent for several times the CPU, and a keyframe is
written inline in the hub's append path.
"""

from __future__ import annotations

import zlib

from dispatch_desktop.domain.state import State, decode_state, encode_state

LEVEL = 1


def pack(state: State) -> bytes:
    return zlib.compress(encode_state(state), LEVEL)


def unpack(data: bytes) -> State:
    return decode_state(zlib.decompress(data))
