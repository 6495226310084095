"""The process ``test_kill9`` kills: appends batches for ever and, after each ``append`` returns,
prints the batch's last gseq (flushed), as the hub would acknowledge it. Every event is a function of
its (source, seq), so the test can tell an intact event from a damaged one.

    python -m tests.store.kill_writer sqlite:///path/to/events.db
"""

from __future__ import annotations

import sys

from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore
from tests.store.samples import T0, position

SOURCES = tuple(f"P-{n:04d}" for n in range(1, 8))
BATCH = 60


def expected(source: str, seq: int) -> ev.Envelope:
    """The event (source, seq) is: mostly positions, every tenth a long note (bigger pages)."""
    if seq % 10:
        return position(source, seq, T0 + seq * 1_000)
    note = ev.IncidentNote(incident=f"J-{seq}", text=f"{source} 第 {seq} 条记录 " * 40)
    return ev.envelope(source, seq, note, t_src=T0 + seq * 1_000, t_hub=T0 + seq * 1_000 + 7)


def main(url: str) -> None:
    store = EventStore.open(url)
    seqs = {source: store.high_water(source) for source in SOURCES}
    n = 0
    while True:
        batch = []
        for _ in range(BATCH):
            source = SOURCES[n % len(SOURCES)]
            seqs[source] += 1
            batch.append(expected(source, seqs[source]))
            n += 1
        appended = store.append([*batch, *batch[::17]])  # with a few resends, as after a lost ack
        print(appended[BATCH - 1].gseq, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
