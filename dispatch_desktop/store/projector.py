"""``Projector``: the store plus the state it projects to, kept in step; what the hub appends through."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.events import Envelope
from dispatch_desktop.domain.replay import Replay
from dispatch_desktop.domain.state import State
from dispatch_desktop.store.event_store import Appended, EventStore

log = logging.getLogger(__name__)


Appender = Callable[[list[Envelope]], list[Appended]]


class Projector:
    """Holds the current ``state`` of one mode (as of ``gseq``). ``append`` stores a batch and folds
    the newly stored events into the state (duplicates are not applied twice), and writes a keyframe
    snapshot every ``store.snapshot_every`` events so that time travel stays fast.

    ``appender``: stores the batch instead of ``store.append``, e.g. ``StoreWriter.append`` (another
    process, which then writes the keyframes: this projector writes none)."""

    def __init__(self, store: EventStore, *, mode: Mode = Mode.LIVE, appender: Appender | None = None) -> None:
        self.store = store
        self.mode = mode
        self._append = store.append if appender is None else appender
        self._writes_keyframes = appender is None
        rebuilt = store.rebuild(mode=mode)
        self._state = rebuilt.state
        self._gseq = rebuilt.gseq
        self._keyframe_gseq = rebuilt.keyframe_gseq  # where replaying would start from now

    @property
    def state(self) -> State:
        return self._state

    @property
    def gseq(self) -> int:
        """The last gseq folded into ``state``."""
        return self._gseq

    def append(self, events: Iterable[Envelope]) -> tuple[list[Appended], State]:
        batch = list(events)
        appended = self._append(batch)
        return appended, self.fold(batch, appended)

    def fold(self, batch: list[Envelope], appended: list[Appended]) -> State:
        """Folds a batch that has been appended (``appended``: its results) into the state; the second
        half of ``append``, for whoever appended it without the projector."""
        fresh = [(result.gseq, event) for result, event in zip(appended, batch, strict=True)
                 if not result.duplicate]
        if fresh and fresh[0][0] == self._gseq + 1:  # a batch's new events get consecutive gseqs
            self._fold(fresh)
        elif fresh:  # another process appended too: fold in its events, in log order
            self.catch_up(fresh[-1][0])
        return self._state

    def catch_up(self, upto: int | None = None) -> State:
        """Folds in events stored by others (up to ``upto``, default: all)."""
        self._fold(self.store.read(self._gseq, None if upto is None else upto - self._gseq))
        return self._state

    def _fold(self, events: Iterable[tuple[int, Envelope]]) -> None:
        # ``Replay`` folds a batch's position reports per unit: the hub's committer runs this for
        # every stored report.
        every = self.store.snapshot_every if self._writes_keyframes else None
        replay, gseq = Replay(self._state), self._gseq
        for gseq, event in events:
            replay.event(event)
            # At the exact event, not at the end of the batch: keyframes stay evenly spaced, so the
            # longest replay stays snapshot_every events whatever the batch sizes.
            if every is not None and gseq - self._keyframe_gseq >= every:
                self._keyframe(gseq, replay.state)
        self._state, self._gseq = replay.state, gseq

    def _keyframe(self, gseq: int, state: State) -> None:
        try:
            self.store.save_snapshot(gseq, state)
        except Exception:  # a keyframe only speeds time travel up: the events themselves are stored
            log.exception("could not write the keyframe at gseq %d; the next try is %d events later",
                          gseq, self.store.snapshot_every)
        self._keyframe_gseq = gseq
