"""How many of one source's refusals the hub stores in full: a budget per source and minute.

A refusal is evidence (a unit reported arriving at an incident it was never sent to; a desk tried to
close an incident twice), so the hub stores it and every desk sees it. But one authenticated unit,
broken or hostile, can send thousands of well-formed reports a second that all break a rule; stored
one by one they would flood the log and every workstation's feed. So each source may have ``per_window``
refusals stored per window (a minute from its first refusal); the rest are still answered, each with
its reason, but counted instead of stored, and when the window ends the hub stores one
``refusals_suppressed`` event with the count per reason. Pure bookkeeping: no sockets, no clock of its
own (the hub passes its time), so it is tested without a hub.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dispatch_desktop.domain import events as ev

DEFAULT_PER_MINUTE = 20
WINDOW_MS = 60_000


@dataclass
class _Window:
    start: int  # hub time of the source's first refusal in this window
    stored: int = 0
    suppressed: Counter[str] = field(default_factory=Counter)
    first: int = 0
    last: int = 0


class RefusalBudget:
    """``admit`` says whether a refusal is stored in full; ``due`` hands over the summaries of ended
    windows. ``per_window`` 0 stores none in full (every refusal is counted into the summary)."""

    def __init__(self, per_window: int = DEFAULT_PER_MINUTE, window_ms: int = WINDOW_MS) -> None:
        if per_window < 0 or window_ms <= 0:
            raise ValueError(f"a refusal budget needs per_window >= 0 and window_ms > 0, got {per_window}, {window_ms}")
        self.per_window = per_window
        self.window_ms = window_ms
        self._windows: dict[str, _Window] = {}
        self._ended: list[ev.RefusalsSuppressed] = []

    def admit(self, source: str, code: str, now_ms: int) -> bool:
        """True: store this refusal of ``source`` in full; False: it is counted for the summary."""
        window = self._windows.get(source)
        if window is not None and now_ms >= window.start + self.window_ms:
            self._end(source, window)
            window = None
        if window is None:
            window = self._windows[source] = _Window(start=now_ms)
        if window.stored < self.per_window:
            window.stored += 1
            return True
        if not window.suppressed:
            window.first = now_ms
        window.suppressed[code] += 1
        window.last = now_ms
        return False

    def due(self, now_ms: int) -> list[ev.RefusalsSuppressed]:
        """The summaries of every window that has ended by ``now_ms`` (each once), oldest first."""
        for source, window in list(self._windows.items()):
            if now_ms >= window.start + self.window_ms:
                self._end(source, window)
        ended, self._ended = self._ended, []
        return ended

    def pending(self) -> int:
        """Refusals counted but not yet summarised (what a hub stopping now would leave unsaid)."""
        return sum(sum(window.suppressed.values()) for window in self._windows.values())

    def flush(self) -> list[ev.RefusalsSuppressed]:
        """Every summary now, ended or not: for a hub that is stopping."""
        for source, window in list(self._windows.items()):
            self._end(source, window)
        ended, self._ended = self._ended, []
        return ended

    def _end(self, source: str, window: _Window) -> None:
        del self._windows[source]
        if window.suppressed:
            self._ended.append(ev.RefusalsSuppressed(
                source=source, count=sum(window.suppressed.values()), codes=dict(window.suppressed),
                first=window.first, last=window.last,
            ))
