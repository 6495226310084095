"""Keyframe snapshots of the projected state, stored so that consecutive keyframes share what did not change.

A keyframe is a *head* (counters, units, pending orders, recent refusals, the calls on the lines, and the
list of its incident blocks) plus *blocks* of incidents. Incidents are sorted by when they were entered and
cut into blocks of ``BLOCK``; a block is stored once, under the hash of its content, however many
keyframes refer to it. An incident changes for an hour or two and then stays closed, so from one keyframe
to the next only the newest block or two are new: keyframes can be dense (short replays) and still cost
little disk, and writing one (inline in the hub's append path) encodes only the blocks that changed.

Both directions remember recent blocks: ``KeyframeCodec.pack`` recognises an unchanged block by the
identity of its incidents (states are immutable, so the same objects mean the same content) and
``unpack`` reuses blocks it has decoded before. Time travel over one day therefore decodes each old block
once per process, not once per question.

Compression: zlib level 1. A block is MessagePack full of repeated ids and enum strings, which the
fastest level already shrinks severalfold; higher levels gain a few percent for several times the CPU.

Keyframes written before blocks existed (one zlib stream of ``encode_state``) are still read.
"""

from __future__ import annotations

import hashlib
import operator
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple

import immutables
import msgspec

from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import (
    Call,
    DrillInfo,
    Incident,
    PendingOrder,
    RefusalRecord,
    State,
    Unit,
    decode_state,
)

LEVEL = 1
BLOCK = 256
"""Incidents per block: small enough that a changed incident rewrites little, large enough that a day's
10,000 incidents are some 40 rows."""
MAGIC = b"DDK2"
"""Starts every head. A zlib stream (the keyframes of before) starts with 0x78, so the two never mix."""
CACHED_BLOCKS = 128
"""Decoded blocks kept for reuse: 32,000 incidents, three days of Guangzhou, a few tens of MB."""


class _Head(msgspec.Struct, array_like=True, frozen=True):
    mode: Mode
    time: int
    applied: int
    units: list[Unit]
    orders: list[PendingOrder]
    refusals: tuple[RefusalRecord, ...]
    refusal_count: int
    blocks: list[bytes]  # hashes, in incident order
    calls: list[Call] = []  # a head written before calls existed ends at ``blocks``
    drill: DrillInfo | None = None  # the drill that ran; a head written before drills existed ends at ``calls``


class Packed(NamedTuple):
    head: bytes
    new_blocks: dict[bytes, bytes]
    """hash -> stored block, for the blocks the codec has not seen stored yet; the others are in the
    table already (``KeyframeCodec.stored`` tells the codec once a keyframe is committed)."""
    blocks: tuple[tuple[Incident, ...], ...]
    hashes: tuple[bytes, ...]


BlockFetcher = Callable[[Collection[bytes]], dict[bytes, bytes]]
"""hashes -> {hash: stored block}, from the keyframe_blocks table."""

_encode = msgspec.msgpack.Encoder().encode
_decode_head = msgspec.msgpack.Decoder(_Head).decode
_decode_block = msgspec.msgpack.Decoder(tuple[Incident, ...]).decode
_ENTERED = operator.attrgetter("created_at", "id")


def block_hash(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def _head(data: bytes) -> _Head:
    return _decode_head(zlib.decompress(memoryview(data)[len(MAGIC):]))


def blocks_of(data: bytes) -> list[bytes]:
    """The hashes of the blocks a stored keyframe refers to (none for one of the format before)."""
    return _head(data).blocks if data.startswith(MAGIC) else []


class KeyframeCodec:
    """Thread-safe: one lock around its memories (a rebuild and the hub's keyframe may overlap)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stored: list[tuple[tuple[Incident, ...], bytes]] = []  # the last committed keyframe's blocks
        self._decoded: OrderedDict[bytes, tuple[Incident, ...]] = OrderedDict()

    def pack(self, state: State, *, remembered: bool = True) -> Packed:
        """``remembered=False``: every block is encoded and offered for writing, as if none were stored."""
        with self._lock:
            return self._pack(state, self._stored if remembered else [])

    def _pack(self, state: State, stored: list[tuple[tuple[Incident, ...], bytes]]) -> Packed:
        incidents = sorted(state.incidents.values(), key=_ENTERED)
        blocks = tuple(tuple(incidents[i:i + BLOCK]) for i in range(0, len(incidents), BLOCK))
        hashes: list[bytes] = []
        new_blocks: dict[bytes, bytes] = {}
        for index, block in enumerate(blocks):
            known = stored[index] if index < len(stored) else None
            if known is not None and len(known[0]) == len(block) and all(
                a is b for a, b in zip(known[0], block, strict=True)
            ):
                hashes.append(known[1])
                continue
            raw = _encode(block)
            digest = block_hash(raw)
            hashes.append(digest)
            new_blocks[digest] = zlib.compress(raw, LEVEL)
        head = _Head(
            mode=state.mode, time=state.time, applied=state.applied, units=list(state.units.values()),
            orders=list(state.orders.values()), refusals=state.refusals, refusal_count=state.refusal_count,
            blocks=hashes, calls=list(state.calls.values()), drill=state.drill,
        )
        return Packed(MAGIC + zlib.compress(_encode(head), LEVEL), new_blocks, blocks, tuple(hashes))

    def stored(self, packed: Packed) -> None:
        """``packed`` is committed: its blocks need not be encoded or written again."""
        with self._lock:
            self._stored = list(zip(packed.blocks, packed.hashes, strict=True))

    def unpack(self, data: bytes, fetch: BlockFetcher) -> State:
        if not data.startswith(MAGIC):
            return decode_state(zlib.decompress(data))
        head = _head(data)
        with self._lock:
            blocks = self._blocks(head.blocks, fetch)
        return State(
            mode=head.mode, time=head.time, applied=head.applied,
            units=immutables.Map({unit.id: unit for unit in head.units}),
            incidents=immutables.Map({incident.id: incident for block in blocks for incident in block}),
            orders=immutables.Map({order.order: order for order in head.orders}),
            refusals=head.refusals, refusal_count=head.refusal_count,
            calls=immutables.Map({call.id: call for call in head.calls}), drill=head.drill,
        )

    def _blocks(self, hashes: Sequence[bytes], fetch: BlockFetcher) -> list[tuple[Incident, ...]]:
        cache = self._decoded
        missing = {digest for digest in hashes if digest not in cache}
        fetched = fetch(missing) if missing else {}
        if len(fetched) != len(missing):
            lost = sorted(digest.hex() for digest in missing - fetched.keys())
            raise LookupError(f"keyframe refers to {len(lost)} incident block(s) that are not stored: {lost[:3]}")
        blocks = []
        for digest in hashes:
            block = cache.get(digest)
            if block is None:
                block = cache[digest] = _decode_block(zlib.decompress(fetched[digest]))
                if len(cache) > CACHED_BLOCKS:
                    cache.popitem(last=False)
            else:
                cache.move_to_end(digest)
            blocks.append(block)
        return blocks
