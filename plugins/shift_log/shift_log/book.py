"""The entries of the shift log, as the plugin events that carry them arrive. Qt-free.

The log is built only from the events (``entry_added``), never from what this desk typed, so every desk
shows the same entries and a replay shows them as they were. Each entry is kept once (by its gseq: a
history page may overlap the live stream), and only as long as any view could show it: the last 24
hours, or a shift, which never lasts longer.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from dispatch_desktop.api import AppliedEvent
from dispatch_desktop.api.events import PluginEvent
from shift_log.events import MAX_TEXT, EntryAdded
from shift_log.shifts import DAY_MS, Window

KEEP_MS = DAY_MS + 3_600_000
"""How far behind the newest entry the book keeps entries: a day, and an hour for clocks that differ."""


def translatable(text: str) -> str:
    """Marks a source text that the panel translates where it shows it (the tests collect these
    texts to check the catalogue holds every one)."""
    return text


@dataclass(frozen=True, slots=True)
class Entry:
    gseq: int  # the log's order: the same on every desk
    time_ms: int  # when the hub received it
    text: str
    operator: str
    incident: str  # the incident it concerns, "" for none


def entry_of(applied: AppliedEvent, data: EntryAdded) -> Entry:
    """The entry an ``entry_added`` plugin event carries (``data``: its decoded schema). The incident and
    the operator who signed the command travel in the plugin event's body, not in ``data``."""
    body = applied.body
    signed, incident = (body.operator, body.incident) if isinstance(body, PluginEvent) else ("", "")
    return Entry(applied.gseq, applied.time, data.text, data.operator or signed, incident)


def entry_problem(text: str) -> str | None:
    """Why ``text`` cannot be added as an entry (a source text with ``{count}`` and ``{limit}`` to
    fill after translating), or None."""
    if not text.strip():
        return translatable("Write the entry first: an empty entry is not added.")
    if len(text) > MAX_TEXT:
        return translatable("The entry has {count} characters; at most {limit} fit in one. Shorten it, or "
                            "split it into two entries.")
    return None


class ShiftBook:
    """The entries in the log's order (gseq), each once, pruned to what a view could still show."""

    def __init__(self, keep_ms: int = KEEP_MS) -> None:
        self._keep_ms = keep_ms
        self._entries: list[Entry] = []  # ascending gseq
        self._gseqs: set[int] = set()
        self._newest_ms = 0

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, entry: Entry) -> bool:
        """Keep ``entry``; False when the book has it already (or it is too old to be shown)."""
        if entry.gseq in self._gseqs or entry.time_ms < self._newest_ms - self._keep_ms:
            return False
        bisect.insort(self._entries, entry, key=lambda kept: kept.gseq)
        self._gseqs.add(entry.gseq)
        if entry.time_ms > self._newest_ms:
            self._newest_ms = entry.time_ms
            self._prune()
        return True

    def _prune(self) -> None:
        # Hub times grow with gseq (give or take a clock step), so the old entries are at the front.
        oldest = self._newest_ms - self._keep_ms
        stale = 0
        while stale < len(self._entries) and self._entries[stale].time_ms < oldest:
            stale += 1
        for entry in self._entries[:stale]:
            self._gseqs.discard(entry.gseq)
        del self._entries[:stale]

    def entries(self, window: Window) -> list[Entry]:
        """The entries written within ``window``, newest first."""
        return [entry for entry in reversed(self._entries) if window.holds(entry.time_ms)]

    def incidents(self) -> set[str]:
        """The incidents some kept entry concerns."""
        return {entry.incident for entry in self._entries if entry.incident}
