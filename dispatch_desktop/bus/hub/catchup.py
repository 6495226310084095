"""Catch-up: a workstation that missed published events asks for the stored ones after its gseq; a desk's
plugin asks for its own events of a stretch of the log (``plugins``, ``upto``: read through the store's
index of plugin events, not the whole log).

Reading thousands of events from the store takes tens of milliseconds or more, which the hub's loop
cannot spend: reports would wait for their acknowledgements meanwhile. So the loop only queues the
request (``request``); a reader thread of its own reads the events and encodes the answer, and tells the
loop through ``signal`` (as the committer does), which then sends what is ready (``take``) on the
workstation socket. Only the loop touches that socket.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import NamedTuple

import msgspec
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub.config import EventLog, Socket
from dispatch_desktop.bus.session import Session
from dispatch_desktop.domain import codec

log = logging.getLogger("dispatch_desktop.bus.hub")

MAX_QUEUED = 32
"""Requests waiting for the reader beyond this are answered ``unavailable`` at once: a desk that asks
then takes a snapshot, which the loop serves from memory."""
_ROOM = p.MAX_PAYLOAD - 1024  # for the events of one answer: the rest of the message is far smaller


class _Request(NamedTuple):
    rid: bytes
    request: int
    after: int
    limit: int
    upto: int  # 0: no bound
    plugins: tuple[str, ...]  # empty: every event


class CatchupReader:
    """Answers ``events_request`` from the store on its own thread; see the module docstring."""

    def __init__(self, store: EventLog, session: Session, instance: str) -> None:
        self.store = store
        self.session = session
        self.instance = instance
        self.signal: Socket | None = None
        self._notify: Socket | None = None
        self._queue: queue.SimpleQueue[_Request | None] = queue.SimpleQueue()
        self._queued = 0  # read and written by the loop only
        self._done: queue.SimpleQueue[tuple[bytes, list[bytes]]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def start(self, context: zmq.Context[Socket]) -> Socket:
        """Open the signal socket and start the reader; returns the socket for the loop to poll."""
        endpoint = f"inproc://dispatch-hub-catchup-{id(self)}"
        self.signal = context.socket(zmq.PAIR)
        self.signal.bind(endpoint)
        self._notify = context.socket(zmq.PAIR)  # used by the reader thread only, once started
        self._notify.connect(endpoint)
        self._thread = threading.Thread(target=self._run, name="dispatch-hub-catchup", daemon=True)
        self._thread.start()
        return self.signal

    def request(self, rid: bytes, request: p.EventsRequest) -> list[bytes] | None:
        """Queue a request (loop thread). Returns the frames of an immediate ``unavailable`` answer when
        too many are waiting (or the reader is not running), else None: the answer comes via ``take``."""
        if self._thread is None or self._queued >= MAX_QUEUED:
            return self.session.pack(p.CATCHUP, self._refusal(request.request, request.after, 0,
                                                              p.CATCHUP_UNAVAILABLE))
        self._queued += 1
        self._queue.put(_Request(rid, request.request, request.after, min(request.limit, p.MAX_CATCHUP),
                                 request.upto, request.plugins))
        return None

    def take(self) -> list[tuple[bytes, list[bytes]]]:
        """The answers ready since the last call, as (routing id, frames) (loop thread)."""
        assert self.signal is not None
        ready: list[tuple[bytes, list[bytes]]] = []
        while True:
            try:
                self.signal.recv(zmq.NOBLOCK)
            except zmq.Again:
                break
            ready.append(self._done.get_nowait())
        self._queued -= len(ready)
        return ready

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(30)
            self._thread = None
        for socket in (self._notify, self.signal):
            if socket is not None:
                socket.close(linger=0)

    # --- the reader thread ------------------------------------------------------------------------

    def _run(self) -> None:
        assert self._notify is not None
        while (request := self._queue.get()) is not None:
            try:
                frames = self.session.pack(p.CATCHUP, self._answer(request))
            except Exception:  # a store error: the desk falls back to a snapshot
                log.warning("could not read the log for a catch-up after gseq %d", request.after, exc_info=True)
                frames = self.session.pack(p.CATCHUP, self._refusal(request.request, request.after, 0,
                                                                    p.CATCHUP_UNAVAILABLE))
            self._done.put((request.rid, frames))
            self._notify.send(b"")

    def _answer(self, request: _Request) -> p.EncodedCatchup:
        last = self.store.last_gseq()
        if request.after > last:
            return self._refusal(request.request, request.after, last, p.CATCHUP_BEYOND_END)
        # One more than asked for says whether there is more, without a second query; an answer also
        # ends before it outgrows the frame limit that the receiving session enforces.
        events: list[tuple[int, msgspec.Raw]] = []
        size, more = 0, False
        upto = request.upto
        if request.plugins:
            found = self.store.read_plugin_events(request.after, upto or None, request.plugins, request.limit + 1)
        else:
            found = self.store.read(request.after, request.limit + 1)
        for gseq, event in found:
            if upto and gseq > upto:  # the end asked for, not more of the log
                break
            encoded = codec.encode(event)
            size += len(encoded) + 10  # the pair's array header and its gseq
            if len(events) == request.limit or size > _ROOM:
                more = True
                break
            events.append((gseq, msgspec.Raw(encoded)))
            last = max(last, gseq)
        return p.EncodedCatchup(request=request.request, hub=self.instance, after=request.after, last=last,
                                more=more, events=tuple(events))

    def _refusal(self, request: int, after: int, last: int, code: str) -> p.EncodedCatchup:
        return p.EncodedCatchup(request=request, hub=self.instance, after=after, last=last, more=False, events=(),
                         code=code)
