"""The store writer process (``StoreWriter``): it stores exactly what ``EventStore.append`` would, writes
the keyframes, survives its own death without losing or doubling anything, and never outlives its hub."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.state import State
from dispatch_desktop.store import Appended, EventStore, Projector, StoreError, StoreWriter
from tests.store.samples import T0, position

REPO = Path(__file__).resolve().parents[2]


def reports(unit: str, seqs: range) -> list:
    return [position(unit, seq, T0 + seq * 1000) for seq in seqs]


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            return True
        time.sleep(0.05)
    return False


def test_appends_like_the_store_and_writes_the_keyframes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    with StoreWriter(url, snapshot_every=5) as writer:
        first = reports("P-0001", range(1, 8))
        assert writer.append(first) == [Appended(g, False) for g in range(1, 8)]
        # A resend, a late report never stored, and new ones, in one batch.
        again = [first[2], position("P-0002", 1, T0), first[6], *reports("P-0001", range(8, 10))]
        assert writer.append(again) == [Appended(3, True), Appended(8, False), Appended(7, True),
                                        Appended(9, False), Appended(10, False)]
        assert writer.append([]) == []
    with EventStore.open(url) as store:
        stored = [event for _gseq, event in store.read()]
        assert stored == [*first, position("P-0002", 1, T0), *reports("P-0001", range(8, 10))]
        keyframe = store.latest_snapshot()
        assert keyframe is not None and keyframe[0] == 10  # folded by the writer, at gseq 5 and 10
        assert keyframe[1] == apply_all(State(), stored)


def test_a_projector_over_the_writer_keeps_the_hubs_state(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    with EventStore.open(url) as store, StoreWriter(url) as writer:
        projector = Projector(store, appender=writer.append)
        batch = reports("P-0001", range(1, 4))
        appended, state = projector.append(batch)
        assert [a.gseq for a in appended] == [1, 2, 3]
        assert state == apply_all(State(), batch) == store.state_at()


def test_a_writer_that_dies_fails_its_batch_and_the_next_one_starts_afresh(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    with EventStore.open(url) as store, StoreWriter(url) as writer:
        projector = Projector(store, appender=writer.append)
        projector.append(reports("P-0001", range(1, 4)))
        pid = writer.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        assert wait_gone(pid, 10)
        with pytest.raises(StoreError, match="stopped"):
            projector.append(reports("P-0001", range(4, 6)))
        # The resend of the failed batch goes to a new writer and is stored once.
        appended, state = projector.append(reports("P-0001", range(4, 7)))
        assert writer.pid not in (None, pid)
        assert [(a.gseq, a.duplicate) for a in appended] == [(4, False), (5, False), (6, False)]
        stored = [event for _gseq, event in store.read()]
        assert stored == reports("P-0001", range(1, 7))
        assert state == apply_all(State(), stored)


def test_a_batch_the_store_refuses_fails_alone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    with StoreWriter(url) as writer:
        with pytest.raises(StoreError, match="store append failed"):
            writer.append([position("P-0001", 2**63, T0)])
        assert writer.append(reports("P-0001", range(1, 3))) == [Appended(1, False), Appended(2, False)]


def test_a_writer_that_cannot_open_the_store_says_why(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a directory")
    with pytest.raises(StoreError, match="cannot open the event store"):
        StoreWriter(f"sqlite:///{tmp_path / 'file' / 'events.db'}")


def test_the_writer_never_outlives_its_hub(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys, time
        from dispatch_desktop.store import StoreWriter
        if __name__ == "__main__":
            writer = StoreWriter({f"sqlite:///{tmp_path / 'events.db'}"!r})
            print(writer.pid, flush=True)
            time.sleep(60)
    """)
    (tmp_path / "hub_stand_in.py").write_text(script)
    hub = subprocess.Popen([sys.executable, str(tmp_path / "hub_stand_in.py")], cwd=REPO,
                           stdout=subprocess.PIPE, text=True)
    try:
        assert hub.stdout is not None
        writer_pid = int(hub.stdout.readline())
        assert psutil.pid_exists(writer_pid)
        hub.kill()
        hub.wait(10)
        assert wait_gone(writer_pid, 10), "the writer process kept running after its hub was killed"
    finally:
        hub.kill()
