"""``db generate``'s speed: a simulated city's log written into a fresh SQLite store, next to the store's
own append rate for the very same events, measured in the same run.

(a) ``fast_forward`` (what ``dispatch-desktop db generate`` runs): the simulator's engine, the hub's rules
    in-process (``Loopback``) and the hub's append path (``Projector``: store, fold, keyframes) for
    --hours of simulated time from 00:00, in events per wall-clock second, and the time a 24-hour log
    would take at that pace (the day curve makes the night a little cheaper than the evening);
(b) the first --sample events of that log appended again to a fresh store: through ``EventStore.append``
    alone (the raw append rate: no simulation, no rules, no fold), in generate's batches and in the hub's
    (2,000), and through a ``Projector`` (append, fold and keyframes, as the hub does), so that (a) can be
    read as a share of them.

    nice .venv/bin/python bench/generate.py [--hours H] [--units U] [--seed S] [--sample N]

The log is written to bench/out/generate.sqlite3 (replaced each run; ``replay state`` can read it).
Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from dispatch_desktop.city import generate_city
from dispatch_desktop.commands.arguments import local_time
from dispatch_desktop.domain import events as ev
from dispatch_desktop.sim.engine import SimConfig
from dispatch_desktop.sim.fast_forward import BATCH_EVENTS, fast_forward
from dispatch_desktop.store import EventStore
from dispatch_desktop.store.projector import Projector

OUT = Path(__file__).resolve().parent / "out"
HUB_BATCH = 2_000  # the hub's max_batch: its commits are this size at the most


def fresh(name: str) -> str:
    OUT.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        (OUT / f"{name}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{OUT / name}"


def append_rate(events: list[ev.Envelope], *, fold: bool, batch: int = BATCH_EVENTS) -> float:
    """Events per second appending ``events`` to a fresh store, ``batch`` events a transaction."""
    with EventStore.open(fresh("append.sqlite3")) as store:
        append = Projector(store).append if fold else store.append
        start = time.perf_counter()
        for first in range(0, len(events), batch):
            append(events[first:first + batch])
        return len(events) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hours", type=float, default=1.0)
    parser.add_argument("--units", type=int, default=1100)
    parser.add_argument("--seed", type=int, default=20161)
    parser.add_argument("--sample", type=int, default=300_000, help="events appended again for (b)")
    args = parser.parse_args()
    start_ms = local_time("2026-12-01T00:00")
    city = generate_city(cameras=0)
    with EventStore.open(fresh("generate.sqlite3")) as store:
        wall, cpu = time.perf_counter(), time.process_time()
        outcome = fast_forward(store, city, SimConfig(seed=args.seed, units=args.units), start_ms=start_ms,
                               end_ms=start_ms + round(args.hours * 3_600_000))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        sample = [event for _, event in itertools.islice(store.read(), args.sample)]
    rate = outcome.events / wall
    raw = append_rate(sample, fold=False)
    raw_hub_batches = append_rate(sample, fold=False, batch=HUB_BATCH)
    hub_path = append_rate(sample, fold=True)
    print(f"db generate, {args.units:,} units, {args.hours:g} simulated h from 00:00: {outcome.events:,} events, "
          f"{len(outcome.state.incidents):,} incidents, {outcome.refusals} refusals")
    print(f"  (a) generate:                {rate:>9,.0f} events/s  ({wall:.1f} s wall, {cpu:.1f} s CPU; "
          f"24 h at this pace ≈ {rate and outcome.events / args.hours * 24 / rate / 60:.0f} min)")
    print(f"  (b) EventStore.append alone: {raw:>9,.0f} events/s  (the first {len(sample):,} events again, "
          f"{BATCH_EVENTS:,} a transaction as generate commits)")
    print(f"      the same, {HUB_BATCH:,} a batch: {raw_hub_batches:>9,.0f} events/s  (the hub's max_batch)")
    print(f"      Projector.append:        {hub_path:>9,.0f} events/s  (append + fold + keyframes, the hub's path)")
    print(f"  generate runs at {rate / raw:.0%} of the raw append rate, {rate / hub_path:.0%} of the hub's path")


if __name__ == "__main__":
    main()
