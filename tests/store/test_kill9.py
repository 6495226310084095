"""kill -9 at a random moment of a writer loses nothing it reported committed, damages nothing, and the
database opens again without any repair."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dispatch_desktop.store import EventStore
from tests.store.kill_writer import expected

REPO = Path(__file__).resolve().parents[2]


def run_and_kill(url: str, rng: random.Random) -> list[int]:
    """Starts the writer, lets it commit a few batches, kills it mid-stride; the gseqs it reported."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.store.kill_writer", url], cwd=REPO, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env={**os.environ, "DISPATCH_BLOCK_QT": "1"},
    )
    assert writer.stdout is not None
    try:
        lines = [writer.stdout.readline() for _ in range(rng.randint(1, 12))]
        time.sleep(rng.uniform(0.0, 0.05))
    finally:
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL, err.decode()
    reported = [int(line) for line in [*lines, *out.splitlines()] if line.strip()]
    assert reported, f"the writer committed nothing before it was killed: {err.decode()}"
    return reported


def test_kill_9_loses_no_committed_event(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    url = f"sqlite:///{path}"
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    reported: list[int] = []
    for round_ in range(3):
        reported += run_and_kill(url, rng)
        with EventStore.open(url) as store:  # no repair step: open and go
            log = list(store.read())
            last = store.last_gseq()
        context = f"seed {seed}, round {round_}"
        assert max(reported) <= last, f"a reported commit is missing ({context})"
        assert [gseq for gseq, _e in log] == list(range(1, last + 1)), context
        keys = [(event.source, event.seq) for _gseq, event in log]
        assert len(set(keys)) == len(keys), f"an event was stored twice ({context})"
        damaged = [gseq for gseq, event in log if event != expected(event.source, event.seq)]
        assert damaged == [], context
        with sqlite3.connect(path) as check:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)], context
    assert reported == sorted(reported)
