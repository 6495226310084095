"""Event stores damaged the ways files get damaged: overwritten, cut short, a page scrambled."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from dispatch_desktop.domain.events import Envelope
from dispatch_desktop.store import EventStore, Projector
from tests.store.samples import T0, every_kind, position

BATCHES: list[list[Envelope]] = [
    every_kind(),
    *([position(f"P-{unit:04d}", batch + 1, T0 + batch * 1000 + unit) for unit in range(500)] for batch in range(5)),
]
"""Every kind of event, then position reports (a few repeat P-0001's seqs: stored once)."""
EVENTS = len({(event.source, event.seq) for batch in BATCHES for event in batch})


def fill(url: str) -> str:
    """Appends ``BATCHES`` to a new store at ``url``, a keyframe every 1,000 events."""
    with EventStore.open(url, snapshot_every=1000) as store:
        projector = Projector(store)
        for batch in BATCHES:
            projector.append(batch)
    return url


def write_store(path: Path) -> str:
    """A small real SQLite store, closed, so the file holds everything (no WAL beside it)."""
    url = fill(f"sqlite:///{path}")
    assert not path.with_name(path.name + "-wal").exists()
    return url


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def root_page(path: Path, name: str) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0])


def overwrite_with_garbage(path: Path) -> None:
    """What a wrong copy or a program writing to the wrong file leaves."""
    path.write_bytes(b"not an event store\n" * 4096)


def cut_in_half(path: Path) -> None:
    """An interrupted copy or a full disk: the second half of the pages is gone."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scramble_page(path: Path, name: str = "events") -> None:
    """Flips the first byte of the b-tree page holding the root of table or index ``name`` (its page
    type) to a value no page has: the bit rot SQLite reports as "malformed"."""
    page = root_page(path, name)
    with closing(sqlite3.connect(path)) as conn:
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    data = bytearray(path.read_bytes())
    data[(page - 1) * size] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "overwritten": (overwrite_with_garbage, "not_sqlite"),
    "cut short": (cut_in_half, "truncated"),
    "page scrambled": (scramble_page, "unreadable"),
}
"""how -> (what does it, the StoreProblem code it must give)"""


def spoiled_store(folder: Path, damage: str) -> tuple[Path, str, str, str]:
    """A store written in ``folder`` and then damaged the way ``DAMAGE[damage]`` says: its file, URL, the
    problem code opening it must report, and its fingerprint (to check it is left as it was)."""
    path = folder / "events.sqlite3"
    url = write_store(path)
    spoil, code = DAMAGE[damage]
    spoil(path)
    return path, url, code, fingerprint(path)
