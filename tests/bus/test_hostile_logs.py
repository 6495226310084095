"""What a unit sends cannot forge or flood the hub's log (issue 11: 197 forged lines, 2 MB in 10 s)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.ratelog import KEPT_CHARS, RateLimitedLog, loggable
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import INSIDE, RawPeer, Running, now_ms

pytestmark = pytest.mark.timeout(60)

FORGED = "\nFORGED-LOG-LINE CRITICAL hub compromised\r\x1b[2J\x1b]0;owned\x07\u2028\u202e"
HUGE = "A" * 200_000


def _frame(change: Callable[[dict[str, Any]], None]) -> list[bytes]:
    data: dict[str, Any] = msgspec.to_builtins(
        ev.envelope("P-0001", 1, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
    change(data)
    return [p.PREFIX + p.REPORT + msgspec.msgpack.encode(data)]


HOSTILE: list[tuple[str, list[bytes]]] = [
    ("forged source", _frame(lambda d: d.update(source=f"P-0001{FORGED}"))),
    ("huge source", _frame(lambda d: d.update(source=HUGE))),
    ("huge forged source", _frame(lambda d: d.update(source=FORGED * 1_000))),
    ("unknown field", _frame(lambda d: d["body"].update({f"x{FORGED}": 1}))),
    ("unknown kind", _frame(lambda d: d.update(kind=f"position{FORGED}"))),
    ("bad header", [b"DD1" + FORGED.encode()]),
    ("bad version header", [b"DD\n" + FORGED.encode()]),
]


def _hub_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name.startswith("dispatch_desktop")]


def test_hostile_text_reaches_the_log_escaped_and_bounded(
        make_hub: Callable[..., Running], raw_peers: Callable[..., RawPeer],
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    running = make_hub()
    running.hub._log.interval = 0.0  # every NACK logged, so each hostile frame's line can be read
    unit = raw_peers(running.endpoints.field)
    for what, frames in HOSTILE:
        unit.send(frames)
        assert unit.answer()[0] == p.NACK, what
    lines = _hub_lines(caplog)
    nacks = [line for line in lines if line.startswith("NACK")]
    assert len(nacks) == len(HOSTILE), lines
    for line in lines:
        assert line.isprintable(), repr(line)  # no newline, carriage return, escape code, separator
        assert len(line) < 2_000, f"{len(line)} characters: {line[:200]}…"
    text = "\n".join(lines)
    assert "\\nFORGED-LOG-LINE" in text  # still there to read, as text, inside its own line
    assert "\\x1b[2J" in text
    assert "…[+" in text  # the huge source was cut, and says by how much
    unit.report(ev.envelope("P-0001", 2, ev.Position(lat=INSIDE[0], lon=INSIDE[1]), now_ms()))
    assert unit.answer()[0] == p.ACK  # and the honest unit carries on


def test_loggable_escapes_control_characters_and_keeps_chinese() -> None:
    assert loggable("天河区 P-0001") == "天河区 P-0001"
    assert loggable("a\nb\x1b[31m\u2028") == "a\\nb\\x1b[31m\\u2028"
    assert loggable(b"\xff\n") == "\\\\xff\\n"


def test_loggable_cuts_long_text_and_counts_the_rest() -> None:
    cut = loggable("B" * 250)
    assert cut == "B" * KEPT_CHARS + "…[+150 chars]"
    assert loggable("B" * KEPT_CHARS) == "B" * KEPT_CHARS


def test_a_folded_traceback_is_one_escaped_line(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    rated = RateLimitedLog(logging.getLogger("dispatch_desktop.test"))
    try:
        raise ValueError(f"bad field {FORGED}")
    except ValueError:
        rated.log(logging.ERROR, "x", "could not process a message from %s", FORGED, exc_info=True)
    (line,) = _hub_lines(caplog)
    assert line.isprintable() and "ValueError" in line and "\\nFORGED" in line
    assert caplog.records[0].exc_info is None  # no multi-line traceback appended by the handler
