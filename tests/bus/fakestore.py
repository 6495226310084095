"""An in-memory stand-in for the event store, for the bus's unit tests (the end-to-end tests use the
real ``dispatch_desktop.store``). Same contract: one append is one all-or-nothing transaction, and
``(source, seq)`` is stored once."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dispatch_desktop.domain.events import Envelope
from dispatch_desktop.domain.projection import apply
from dispatch_desktop.domain.state import State


@dataclass(frozen=True)
class Appended:
    gseq: int
    duplicate: bool


class FakeStore:
    def __init__(self) -> None:
        self.log: list[Envelope] = []
        self.index: dict[tuple[str, int], int] = {}
        self.gate = threading.Event()
        self.gate.set()  # clear it to make append block, as a commit that never finishes

    def append(self, events: Sequence[Envelope]) -> list[Appended]:
        self.gate.wait()
        out = []
        for event in events:
            key = (event.source, event.seq)
            if key in self.index:
                out.append(Appended(self.index[key], True))
                continue
            self.log.append(event)
            self.index[key] = len(self.log)
            out.append(Appended(len(self.log), False))
        return out

    def high_water(self, source: str) -> int:
        return max((seq for s, seq in self.index if s == source), default=0)

    def high_waters(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for source, seq in self.index:
            out[source] = max(out.get(source, 0), seq)
        return out

    def last_gseq(self) -> int:
        return len(self.log)

    def read(self, after_gseq: int = 0, limit: int | None = None) -> Iterator[tuple[int, Envelope]]:
        end = len(self.log) if limit is None else min(len(self.log), after_gseq + limit)
        for gseq in range(after_gseq + 1, end + 1):
            yield gseq, self.log[gseq - 1]

    def get(self, source: str, seq: int) -> tuple[int, Envelope] | None:
        gseq = self.index.get((source, seq))
        return None if gseq is None else (gseq, self.log[gseq - 1])


class FakeProjector:
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        state = State()
        for _gseq, event in store.read():
            state = apply(state, event)
        self.state = state

    def append(self, events: Sequence[Envelope]) -> tuple[list[Appended], State]:
        appended = self.store.append(events)
        state = self.state
        for event, result in zip(events, appended, strict=True):
            if not result.duplicate:
                state = apply(state, event)
        self.state = state
        return appended, state
