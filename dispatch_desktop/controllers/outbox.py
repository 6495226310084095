"""The outbox: every command the desk sends stays here, on disk, until the hub has answered it.

A dispatcher's command must never vanish. The bus client resends a command until its deadline and then
gives up; the outbox does not: it sends the *same envelope* again (same source and seq, so the hub
answers an exact resend of something it stored as a duplicate instead of doing it twice) until the hub
accepts or refuses it, or the dispatcher withdraws it. Entries are written to a file as they come and
go, so a crash or a kill -9 of the desk keeps them; the next start lists them as *held* and the
dispatcher decides to send them again or to drop them (a dispatch held overnight may no longer make
sense, so they are not resent blindly).

States: ``sending`` (just sent), ``queued`` (no answer for ``queued_after_s``: the desk says it is
queued and retried, and the dispatcher keeps working), ``held`` (from an earlier run, waiting for a
decision). An answered or withdrawn command leaves the outbox.

Thread-safe: answers arrive on the bus client's thread; listeners are called on whichever thread made
the change (a Qt model marshals them to its own).
"""

from __future__ import annotations

import enum
import functools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import msgspec

from dispatch_desktop.bus.workstation import CommandReply, CommandTimeout
from dispatch_desktop.controllers.persist import LatestWriter
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev

log = logging.getLogger(__name__)

QUEUED_AFTER_S = 3.0
"""A command unanswered this long is shown as queued: a healthy hub answers within a second."""
RETRY_PAUSE_S = 1.0
"""After the bus client gave a command up (its own deadline passed), the outbox sends it again after this."""


class EntryState(enum.StrEnum):
    SENDING = "sending"
    QUEUED = "queued"
    HELD = "held"


class CommandWithdrawn(Exception):
    """The dispatcher took the command back before the hub answered it."""


class Transmit(Protocol):
    def __call__(self, event: ev.Envelope) -> Future[CommandReply]: ...


@dataclass(frozen=True)
class Entry:
    envelope: ev.Envelope
    state: EntryState
    submitted_at: float  # wall-clock seconds when the dispatcher gave the command
    attempts: int = 1
    last_error: str = ""

    @property
    def key(self) -> int:
        return self.envelope.seq

    @property
    def body(self) -> ev.Body:
        return self.envelope.body


class _Saved(msgspec.Struct, frozen=True):
    """One entry as the outbox file keeps it."""

    envelope: bytes
    submitted_at: float
    attempts: int


Listener = Callable[[list[Entry]], None]


class Outbox:
    def __init__(
        self,
        transmit: Transmit,
        path: Path | None = None,
        *,
        writer: LatestWriter | None = None,
        queued_after_s: float = QUEUED_AFTER_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._transmit = transmit
        self._path = path
        self._writer = writer
        self._queued_after = queued_after_s
        self._clock = clock
        self._lock = threading.RLock()
        self._entries: dict[int, Entry] = {}
        self._futures: dict[int, Future[CommandReply]] = {}
        self._listeners: list[Listener] = []
        self._closed = False
        self._load()

    # --- reading ------------------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        with self._lock:
            return sorted(self._entries.values(), key=lambda e: (e.submitted_at, e.key))

    def waiting(self) -> list[Entry]:
        """Commands sent and not answered yet (sending or queued), oldest first."""
        return [e for e in self.entries() if e.state is not EntryState.HELD]

    def held(self) -> list[Entry]:
        return [e for e in self.entries() if e.state is EntryState.HELD]

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    # --- changing -----------------------------------------------------------------------------------

    def submit(self, envelope: ev.Envelope) -> Future[CommandReply]:
        """Send ``envelope`` until the hub answers; the future completes with the answer (accepted or
        refused), or fails with ``CommandWithdrawn``. It never fails for want of a link."""
        future: Future[CommandReply] = Future()
        with self._lock:
            entry = Entry(envelope, EntryState.SENDING, self._clock())
            self._entries[entry.key] = entry
            self._futures[entry.key] = future
            self._save_locked()
        self._notify()
        self._send(entry)
        return future

    def resend_held(self, keys: list[int] | None = None) -> list[Future[CommandReply]]:
        """Send held entries (all of them by default) again, as they were; their futures as ``submit``."""
        started: list[tuple[Entry, Future[CommandReply]]] = []
        with self._lock:
            for entry in self.held():
                if keys is None or entry.key in keys:
                    sending = replace(entry, state=EntryState.SENDING, attempts=entry.attempts + 1)
                    self._entries[entry.key] = sending
                    future: Future[CommandReply] = Future()
                    self._futures[entry.key] = future
                    started.append((sending, future))
            self._save_locked()
        self._notify()
        for entry, _future in started:
            self._send(entry)
        return [future for _entry, future in started]

    def withdraw(self, key: int) -> bool:
        """Take a command back: it is no longer retried (the hub may still have stored a copy that was
        on its way: the state will show it). False if it was already answered."""
        with self._lock:
            entry = self._entries.pop(key, None)
            future = self._futures.pop(key, None)
            if entry is None:
                return False
            self._save_locked()
        self._notify()
        if future is not None and not future.done():
            future.set_exception(CommandWithdrawn(f"command {key} withdrawn"))
        return True

    def close(self) -> None:
        """The desk is closing: no more retries (what is unanswered stays in the file, held for the next
        start). Call before stopping the bus client, whose stop fails every pending command."""
        with self._lock:
            self._closed = True

    def tick(self) -> None:
        """Call every second or so: commands unanswered for long enough are shown as queued."""
        now = self._clock()
        changed = False
        with self._lock:
            for key, entry in list(self._entries.items()):
                if entry.state is EntryState.SENDING and now - entry.submitted_at >= self._queued_after:
                    self._entries[key] = replace(entry, state=EntryState.QUEUED)
                    changed = True
        if changed:
            self._notify()

    # --- inside -------------------------------------------------------------------------------------

    def _send(self, entry: Entry) -> None:
        try:
            future = self._transmit(entry.envelope)
        except Exception as error:  # a transmitter that fails outright: keep it, retry on the next tick
            log.warning("command %s could not be handed to the bus: %s", entry.key, error)
            self._retry_later(entry.key, str(error) or type(error).__name__)
            return
        future.add_done_callback(functools.partial(self._answered, entry.key))

    def _answered(self, key: int, done: Future[CommandReply]) -> None:
        error = done.exception()
        if isinstance(error, CommandTimeout) or (error is not None and not isinstance(error, Exception)):
            self._retry_later(key, str(error))
            return
        with self._lock:
            entry = self._entries.pop(key, None)
            future = self._futures.pop(key, None)
            if entry is None:
                return  # withdrawn meanwhile
            self._save_locked()
        self._notify()
        if future is None or future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(done.result())

    def _retry_later(self, key: int, why: str) -> None:
        """No answer in the bus client's whole deadline (the hub is away): go again with the same
        envelope, for as long as it takes."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.state is EntryState.HELD or self._closed:
                return
            entry = replace(entry, state=EntryState.QUEUED, attempts=entry.attempts + 1, last_error=why)
            self._entries[key] = entry
            self._save_locked()
        self._notify()
        timer = threading.Timer(RETRY_PAUSE_S, self._resend_if_waiting, args=(key,))
        timer.daemon = True  # a retry must never keep a closing desk's process alive
        timer.start()

    def _resend_if_waiting(self, key: int) -> None:
        with self._lock:
            entry = None if self._closed else self._entries.get(key)
        if entry is not None and entry.state is EntryState.QUEUED:
            self._send(entry)

    def _notify(self) -> None:
        entries = self.entries()
        for listener in list(self._listeners):
            try:
                listener(entries)
            except Exception:
                log.exception("an outbox listener failed")

    # --- the file -----------------------------------------------------------------------------------

    def _save_locked(self) -> None:
        if self._path is None or self._writer is None:
            return
        saved = [_Saved(codec.encode(e.envelope), e.submitted_at, e.attempts) for e in self._entries.values()]
        self._writer.put(self._path, msgspec.msgpack.encode(saved) if saved else None)

    def _load(self) -> None:
        if self._path is None or not self._path.exists():
            return
        try:
            saved = msgspec.msgpack.decode(self._path.read_bytes(), type=list[_Saved])
            entries = [Entry(codec.decode(s.envelope), EntryState.HELD, s.submitted_at, s.attempts) for s in saved]
        except (OSError, msgspec.DecodeError, msgspec.ValidationError, ValueError) as error:
            # Never lose it silently: keep the unreadable file aside for a person to look at.
            aside = self._path.with_name(self._path.name + ".unreadable")
            log.error("the outbox file %s cannot be read (%s); kept as %s", self._path, error, aside)
            self._path.replace(aside)
            return
        self._entries = {e.key: e for e in entries}
