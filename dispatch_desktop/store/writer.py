"""``StoreWriter``: an event store's appends, and its keyframes, done by a process of its own.

The hub receives and validates reports in Python; storing them is Python too (row encoding, the
dedup plan, the fold that keyframes are cut from). In one process the two take turns on one
interpreter lock, and every hand-over of it waits out a thread switch interval: measured on two
cores, that made the hub's commits two to three times slower than the same work done alone. The
writer process holds a ``Projector`` of its own (it appends, folds and writes keyframes); the hub
keeps its state by folding what the writer reports stored (``Projector(store, appender=...)``).

The pipe carries, per batch, the events as one MessagePack array of envelopes, and back the gseq of
each: positive if stored now, negated if it was stored before; or ``E`` and an error message, in which
case nothing of the batch was stored (one transaction).

If the writer dies, the batch being appended fails (the hub acknowledges none of it; it may or may not
have been committed, and the resends will say which), and the next append starts a new writer. When the
hub dies, the writer reads the end of its pipe after the batch in hand and exits.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import signal
import threading
from collections.abc import Iterable
from multiprocessing.connection import Connection

import msgspec

from dispatch_desktop.domain.events import Envelope
from dispatch_desktop.store.errors import StoreError
from dispatch_desktop.store.event_store import KEYFRAME_EVERY, Appended, EventStore
from dispatch_desktop.store.projector import Projector

log = logging.getLogger(__name__)

_READY = b"R"
_STORED = b"A"
_FAILED = b"E"
_encoder = msgspec.msgpack.Encoder()
_gseqs = msgspec.msgpack.Decoder(list[int])
_FOLD_AT_LATEST = 20_000
"""Events stored but not yet folded, at most: then the fold goes first even if a batch waits."""


class StoreWriter:
    """Appends to the store at ``url`` from a process of its own; ``append`` is ``EventStore.append``'s
    equivalent, thread-safe, blocking until the batch is committed or has failed."""

    def __init__(self, url: str, *, snapshot_every: int = KEYFRAME_EVERY, start_timeout: float = 120.0) -> None:
        self.url = url
        self.snapshot_every = snapshot_every
        self.start_timeout = start_timeout
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._pipe: Connection | None = None
        self._closed = False
        with self._lock:
            self._start()

    def append(self, events: Iterable[Envelope]) -> list[Appended]:
        batch = list(events)
        if not batch:
            return []
        data = _encoder.encode(batch)
        with self._lock:
            if self._closed:
                raise StoreError("the store writer is closed")
            if self._pipe is None:
                self._start()
            assert self._pipe is not None
            try:
                self._pipe.send_bytes(data)
                reply = self._pipe.recv_bytes()
            except (EOFError, OSError):
                code = self._stopped()
                raise StoreError(f"the store writer process stopped (exit code {code}) during an append; "
                                 "a new one starts with the next batch") from None
        if reply[:1] == _FAILED:
            raise StoreError(reply[1:].decode("utf-8", "replace"))
        return [Appended(gseq, False) if gseq > 0 else Appended(-gseq, True) for gseq in _gseqs.decode(reply[1:])]

    def close(self, timeout: float = 30.0) -> None:
        """Lets the writer finish the batch in hand and exit."""
        with self._lock:
            self._closed = True
            self._stopped(timeout)

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def _start(self) -> None:
        # spawn, not fork: the hub has threads and a ZeroMQ context, which a forked child must not inherit.
        context = multiprocessing.get_context("spawn")
        pipe, child_end = context.Pipe()
        process = context.Process(target=_serve, args=(child_end, self.url, self.snapshot_every),
                                  name="dispatch-store-writer", daemon=True)
        process.start()
        child_end.close()
        self._process, self._pipe = process, pipe
        try:
            ready = pipe.recv_bytes() if pipe.poll(self.start_timeout) else None
        except (EOFError, OSError):
            ready = None
        if ready != _READY:
            code = self._stopped()
            if ready is not None and ready[:1] == _FAILED:
                raise StoreError(ready[1:].decode("utf-8", "replace"))
            raise StoreError(f"the store writer process did not start (exit code {code})")

    def _stopped(self, timeout: float = 5.0) -> int | None:
        """Closes the pipe and forgets the writer, giving it ``timeout`` s to finish the batch in hand
        before it is terminated; its exit code."""
        pipe, process = self._pipe, self._process
        self._pipe = self._process = None
        if pipe is not None:
            pipe.close()
        if process is None:
            return None
        process.join(timeout)
        if process.is_alive():
            process.terminate()
            process.join(5)
        return process.exitcode


def _serve(pipe: Connection, url: str, snapshot_every: int) -> None:
    """The writer process: append what comes down the pipe until it closes."""

    # Ctrl-C reaches the whole process group: the hub decides when the writer stops, by closing the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = EventStore.open(url, snapshot_every=snapshot_every)
        projector = Projector(store)
    except Exception as error:
        pipe.send_bytes(_FAILED + str(error).encode())
        return
    # As in the hub (see Hub._main): what is loaded lives as long as the process, and a batch's
    # objects should die young rather than be walked by collections again and again.
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)
    decode = msgspec.msgpack.Decoder(list[Envelope]).decode
    pipe.send_bytes(_READY)
    # Stored and answered, not folded yet: the fold only feeds keyframes, so it waits until no batch
    # does (or enough have piled up), and never delays an answer.
    unfolded: list[tuple[list[Envelope], list[Appended]]] = []
    waiting = 0
    with store:
        while True:
            if unfolded and (waiting >= _FOLD_AT_LATEST or not pipe.poll(0)):
                projector = _fold(projector, store, unfolded)
                unfolded, waiting = [], 0
                continue
            try:
                data = pipe.recv_bytes()
            except (EOFError, OSError):
                _fold(projector, store, unfolded)
                return
            try:
                batch = decode(data)
                appended = store.append(batch)
            except Exception as error:  # one transaction: nothing of the batch is stored
                log.exception("store writer: append failed")
                with contextlib.suppress(OSError):
                    pipe.send_bytes(_FAILED + f"store append failed: {error}".encode())
                continue
            with contextlib.suppress(OSError):
                pipe.send_bytes(_STORED + _encoder.encode([-a.gseq if a.duplicate else a.gseq for a in appended]))
            unfolded.append((batch, appended))
            waiting += len(batch)


def _fold(projector: Projector, store: EventStore,
          unfolded: list[tuple[list[Envelope], list[Appended]]]) -> Projector:
    try:
        for batch, appended in unfolded:
            projector.fold(batch, appended)
    except Exception:
        log.exception("store writer: folding stored events failed; rebuilding the state from the log")
        return Projector(store)
    return projector
