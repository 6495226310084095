"""A simulated city's log written straight into the event store, in simulated time, as fast as it takes it.

What ``dispatch-desktop db generate`` runs: the simulator's ``Engine`` (its units, 110 calls, automatic
call-taker and dispatcher) with the hub's part done in-process by ``Loopback`` (numbering, the rules,
orders handed back to the units), and every envelope appended through the hub's own path, a
``Projector`` over the ``EventStore``: gseqs, keyframes every ``store.snapshot_every`` events at the exact
event. No wall clock drives it, no hub, no socket: the same seed, start and store give the same log.

A refused message is stored as the hub stores it (a ``Refused`` body under the message's own source and
seq). Appends are whole batches of whole simulated seconds, each one transaction, so a run stopped
(``cancelled``) or killed leaves a log that ends at a second boundary with valid keyframes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from dispatch_desktop.bus.hub.admission import refused
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.state import Refusal, RefusalRecord, State
from dispatch_desktop.sim.engine import Engine, SimConfig
from dispatch_desktop.sim.loopback import Loopback
from dispatch_desktop.sim.runner import run_tag
from dispatch_desktop.store.event_store import EventStore
from dispatch_desktop.store.projector import Projector

BATCH_EVENTS = 20_000
"""Events per transaction at least; a batch closes at the first whole simulated second past it, so a run's
log always ends at a second boundary. The hub commits at most 2,000 (its ``max_batch``) to answer its
units quickly; nobody waits for an answer here, and each commit costs a sync to disk (about 50 ms on
SQLite here), so ten times larger batches make the whole run about a quarter faster."""
STEP_MS = 1_000
"""The engine is stepped one simulated second at a time, as the live runner does at ×1."""
_PROGRESS_EVERY_S = 0.5


@dataclass(frozen=True)
class Progress:
    """Where a run is: ``reached_ms`` of ``start_ms``..``end_ms`` simulated, ``events`` stored by this run."""

    start_ms: int
    end_ms: int
    reached_ms: int
    events: int
    elapsed_s: float
    final: bool = False  # the run's last report: it has ended (or stopped)

    @property
    def fraction(self) -> float:
        return (self.reached_ms - self.start_ms) / max(1, self.end_ms - self.start_ms)

    @property
    def events_per_s(self) -> float:
        return self.events / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        """Wall-clock seconds still to go at the pace so far (None before there is a pace)."""
        done = self.fraction
        return self.elapsed_s * (1 - done) / done if done > 0 else None


@dataclass(frozen=True)
class Outcome:
    start_ms: int
    reached_ms: int  # every event up to this simulated time is stored
    events: int  # stored by this run
    last_gseq: int
    refusals: int  # messages the rules refused (stored as refusals, as the hub does)
    stopped: bool  # cancelled before the end
    state: State  # the city as the log leaves it


def resume_after(last_ms: int) -> int:
    """Where an appending run starts: the whole second after the newest event in the log (at ``last_ms``)."""
    return (last_ms // STEP_MS + 1) * STEP_MS


def fast_forward(
    store: EventStore,
    city: City,
    config: SimConfig,
    *,
    start_ms: int,
    end_ms: int,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[Progress], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Outcome:
    """Simulates ``start_ms``..``end_ms`` and appends what the city does to ``store``; see the module
    docstring. A store that already holds events is continued: its units carry on from the state it
    ends in, and each source's seqs from its high water (``start_ms`` must then be after its last event).
    ``cancelled`` is asked before each simulated second; ``clock`` only times the progress reports."""
    projector = Projector(store)
    state = projector.state
    if projector.gseq and start_ms <= state.time:
        raise ValueError(f"the log already runs to {state.time}: an appending run must start after it")
    # Call ids carry their minute; the tag keeps two runs' ids apart even within one minute.
    config = replace(config, call_prefix=f"{config.call_prefix}{run_tag(start_ms)}-")
    engine = Engine(city, config, start_ms=start_ms, state=state if projector.gseq else None)
    pending: list[ev.Envelope] = []
    # Loopback numbers each source's messages on from ``_seq``: a continued log carries on after each
    # source's high water, so no (source, seq) is stored twice.
    loopback = Loopback(engine, state=state, on_event=pending.append, _seq=dict(store.high_waters()))
    began, shown, events, now, refusals = clock(), 0.0, 0, start_ms, 0

    def commit() -> None:
        nonlocal events, refusals
        if not pending:
            return
        # What the rules refused is stored as the hub stores a refusal, under the message's source and seq.
        why = {(r.source, r.seq): r for r in loopback.refusals[refusals:]}
        refusals = len(loopback.refusals)
        batch = [e if (e.source, e.seq) not in why else refused(e, _refusal(why[(e.source, e.seq)]))
                 for e in pending] if why else list(pending)
        projector.append(batch)
        events += len(batch)
        pending.clear()

    stopped = False
    while now < end_ms:
        if cancelled():
            stopped = True
            break
        now = min(now + STEP_MS, end_ms)
        loopback.step(now)
        if len(pending) >= BATCH_EVENTS:
            commit()
        if progress is not None and clock() - shown >= _PROGRESS_EVERY_S:
            shown = clock()
            progress(Progress(start_ms, end_ms, now, events + len(pending), shown - began))
    commit()
    if progress is not None:
        progress(Progress(start_ms, end_ms, now, events, clock() - began, final=True))
    return Outcome(start_ms, now, events, projector.gseq, refusals, stopped, projector.state)


def _refusal(record: RefusalRecord) -> Refusal:
    return Refusal(code=record.code, message=record.message)
