"""Logging that cannot be flooded or forged.

At most one line per reason per interval, with a count of the rest: a unit that sends garbage a
thousand times a second costs one line a second. And every argument is made safe before it reaches
the log: text from a unit (a source id, a field name, a decode error quoting the input) is escaped
repr-style, so a newline or a terminal escape code cannot start a forged line or repaint the operator's
terminal, and cut to ``KEPT_CHARS`` characters, so a 200,000-character id costs one short line.
Tracebacks are folded into the same single line, escaped, for the same reasons (an exception's
message may quote the input).
"""

from __future__ import annotations

import logging
import time
import traceback

KEPT_CHARS = 100  # of each client-supplied argument
TRACEBACK_CHARS = 4000  # of a folded traceback: ours, but its last line may quote the input


def loggable(text: str | bytes, limit: int = KEPT_CHARS) -> str:
    """``text`` as it may appear in a log line: control characters, line and paragraph separators
    and bidirectional overrides escaped as Python's ``repr`` does (printable Chinese stays readable),
    the first ``limit`` characters kept and the rest counted: ``abc…[+12 chars]``."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "backslashreplace")
    rest = len(text) - limit
    head = text[:limit] if rest > 0 else text
    if not head.isprintable():
        head = repr(head)[1:-1]
    return f"{head}…[+{rest} chars]" if rest > 0 else head


class _Safe:
    """An argument whose ``%s`` and ``%r`` both give the escaped, bounded text."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def _safe(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (str, bytes)):
        return _Safe(loggable(value))
    return _Safe(loggable(str(value)))


class RateLimitedLog:
    def __init__(self, logger: logging.Logger, interval: float = 1.0) -> None:
        self.logger = logger
        self.interval = interval
        self._last: dict[str, float] = {}
        self._suppressed: dict[str, int] = {}

    def log(self, level: int, key: str, message: str, *args: object, exc_info: bool = False) -> None:
        """``message`` is ours (a constant format); ``args`` may come from a client and are escaped."""
        now = time.monotonic()
        if now - self._last.get(key, -self.interval) < self.interval:
            self._suppressed[key] = self._suppressed.get(key, 0) + 1
            return
        self._last[key] = now
        safe = [_safe(arg) for arg in args]
        suppressed = self._suppressed.pop(key, 0)
        if suppressed:
            message += " (and %d more like it)"
            safe.append(suppressed)
        if exc_info:
            message += " | %s"
            safe.append(_Safe(loggable(traceback.format_exc().rstrip(), TRACEBACK_CHARS)))
        self.logger.log(level, message, *safe)

    def warning(self, key: str, message: str, *args: object) -> None:
        self.log(logging.WARNING, key, message, *args)

    def info(self, key: str, message: str, *args: object) -> None:
        self.log(logging.INFO, key, message, *args)
