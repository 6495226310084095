"""``RecentEvents``: the hub's memory of the newest stored events, so that a resend is answered without a
query to the store."""

from __future__ import annotations

from collections import deque

import msgspec

Key = tuple[str, int]
"""(source, seq)"""
Stored = tuple[int, msgspec.Raw]
"""(gseq, the envelope as published)"""

_MERGE_BELOW = 1024
"""Batches are appended to the previous one while it holds fewer events than this, so that a lookup that
finds nothing looks through a few hundred lists at most, however small the batches."""


class RecentEvents:
    """About the newest ``capacity`` stored events, by (source, seq).

    Kept a committed batch at a time, as the lists the hub builds anyway; a batch's index is built on the
    first lookup that reaches it. Nearly no event is ever looked up (a resend is the exception), so this
    costs next to nothing per event, where a dict of events cost an insert and an eviction each: a tenth
    of the hub loop's time at 20,000 reports/s."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._batches: deque[_Batch] = deque()
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, keys: list[Key], stored: list[Stored]) -> None:
        """The events of one commit, in gseq order; ``keys[i]`` is the identity of ``stored[i]``. The lists
        are kept as they are (and may be extended): the caller must not change them afterwards."""
        if not keys:
            return
        last = self._batches[-1] if self._batches else None
        if last is not None and last.index is None and len(last.keys) < _MERGE_BELOW:
            last.keys.extend(keys)
            last.stored.extend(stored)
        else:
            self._batches.append(_Batch(keys, stored))
        self._size += len(keys)
        while self._batches and self._size - len(self._batches[0].keys) >= self.capacity:
            self._size -= len(self._batches.popleft().keys)

    def get(self, key: Key) -> tuple[int, bytes] | None:
        """``(gseq, encoded envelope)`` of the stored event ``key``, if it is among the recent ones."""
        for batch in reversed(self._batches):
            index = batch.index
            if index is None:
                index = batch.index = {k: i for i, k in enumerate(batch.keys)}
            found = index.get(key)
            if found is not None:
                gseq, data = batch.stored[found]
                return gseq, bytes(data)
        return None


class _Batch:
    __slots__ = ("index", "keys", "stored")

    def __init__(self, keys: list[Key], stored: list[Stored]) -> None:
        self.keys = keys
        self.stored = stored
        self.index: dict[Key, int] | None = None
