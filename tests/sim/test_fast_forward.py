"""``fast_forward``: a simulated city's log written straight into the store (what ``db generate`` runs).

Small cities and minutes of simulated time at the evening peak: enough for calls, incidents, dispatches
and arrivals, a few seconds a test."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.state import State
from dispatch_desktop.sim.engine import Engine, Outgoing, SimConfig
from dispatch_desktop.sim.fast_forward import Outcome, fast_forward
from dispatch_desktop.store import EventStore
from tests.sim.conftest import MINUTE_MS, START_MS

UNITS = 200
KEYFRAME_EVERY = 4_000


StoreOpener = Callable[[str], EventStore]


@pytest.fixture
def open_store(tmp_path: Path) -> Iterator[StoreOpener]:
    """Opens a new SQLite store in the test's directory; closed after the test."""
    opened: list[EventStore] = []

    def open_named(name: str) -> EventStore:
        store = EventStore.open(f"sqlite:///{tmp_path / name}", snapshot_every=KEYFRAME_EVERY, maintenance=False)
        opened.append(store)
        return store

    yield open_named
    for store in opened:
        store.close()


def _generate(store: EventStore, city: City, minutes: float, *, seed: int = 7, start_ms: int = START_MS,
              cancelled: Callable[[], bool] = lambda: False) -> Outcome:
    return fast_forward(store, city, SimConfig(seed=seed, units=UNITS), start_ms=start_ms,
                        end_ms=start_ms + round(minutes * MINUTE_MS), cancelled=cancelled)


def _log(store: EventStore) -> list[tuple[str, int, int, ev.AnyBody]]:
    return [(e.source, e.seq, e.t_hub, e.body) for _, e in store.read()]


def test_the_generated_log_replays_to_a_city_with_its_incidents_and_units(city: City, open_store: StoreOpener) -> None:
    store = open_store("day.sqlite3")
    outcome = _generate(store, city, 12)
    assert not outcome.stopped and outcome.reached_ms == START_MS + 12 * MINUTE_MS
    assert outcome.events == outcome.last_gseq == store.last_gseq()
    kinds = Counter(type(e.body).__name__ for _, e in store.read())
    for kind in ("UnitRegistered", "Position", "CallOffered", "IncidentCreated", "UnitDispatched", "OrderDelivered",
                 "DispatchAck", "Arrival"):
        assert kinds[kind], f"no {kind} in {kinds}"
    assert kinds["UnitRegistered"] == UNITS
    # Time travel to the end gives the city the run ended with: its incidents, its units where they were.
    end = store.state_at(time_ms=outcome.reached_ms)
    assert end == outcome.state
    assert len(end.units) == UNITS and len(end.incidents) >= 20
    assert any(incident.arrived_at for incident in end.incidents.values())
    assert outcome.refusals == 0 and end.refusal_count == 0


def test_keyframes_are_written_every_n_events_and_hold_the_state_at_their_gseq(
        city: City, open_store: StoreOpener) -> None:
    store = open_store("keyframes.sqlite3")
    outcome = _generate(store, city, 4)
    newest = store.latest_snapshot()
    assert newest is not None and outcome.last_gseq >= 2 * KEYFRAME_EVERY
    gseq, keyframe = newest
    assert gseq == outcome.last_gseq // KEYFRAME_EVERY * KEYFRAME_EVERY
    replayed = apply_all(State(), (e for _, e in store.read(0, gseq)))
    assert keyframe == replayed


def test_the_same_seed_writes_the_same_log_and_another_seed_another(city: City, open_store: StoreOpener) -> None:
    first, second, other = (open_store(f"{name}.sqlite3") for name in ("a", "b", "c"))
    _generate(first, city, 3, seed=11)
    _generate(second, city, 3, seed=11)
    _generate(other, city, 3, seed=12)
    assert _log(first) == _log(second)
    assert _log(first) != _log(other)


def test_a_cancelled_run_keeps_a_log_that_ends_at_a_whole_second_with_valid_keyframes(
        city: City, open_store: StoreOpener) -> None:
    store = open_store("stopped.sqlite3")
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 150  # after 150 simulated seconds

    outcome = _generate(store, city, 60, cancelled=cancelled)
    assert outcome.stopped and outcome.reached_ms == START_MS + 150_000
    assert store.last_gseq() == outcome.last_gseq == outcome.events
    # Every event up to the second it stopped at is stored, and none after it.
    assert outcome.reached_ms - 1_000 < max(e.t_hub for _, e in store.read()) <= outcome.reached_ms
    assert store.state_at() == outcome.state
    newest = store.latest_snapshot()
    assert newest is not None
    assert newest[1] == apply_all(State(), (e for _, e in store.read(0, newest[0])))


def test_an_appending_run_carries_on_after_the_last_event_without_repeating_an_id(
        city: City, open_store: StoreOpener) -> None:
    store = open_store("appended.sqlite3")
    first = _generate(store, city, 4)
    second = _generate(store, city, 4, start_ms=first.reached_ms + 1_000)
    assert second.events > 0 and store.last_gseq() == first.events + second.events
    assert second.refusals == 0 and store.state_at().refusal_count == 0
    log = list(store.read())
    assert len({(e.source, e.seq) for _, e in log}) == len(log)  # every source's seqs carry on
    assert sum(isinstance(e.body, ev.UnitRegistered) for _, e in log) == UNITS  # registered once
    later = [e for gseq, e in log if gseq > first.last_gseq]
    assert min(e.t_hub for e in later) > first.reached_ms
    assert any(isinstance(e.body, ev.IncidentCreated) for e in later)
    incidents = [e.body.incident for _, e in log if isinstance(e.body, ev.IncidentCreated)]
    assert len(set(incidents)) == len(incidents)


def test_an_appending_run_may_not_start_inside_the_log(city: City, open_store: StoreOpener) -> None:
    store = open_store("inside.sqlite3")
    first = _generate(store, city, 1)
    with pytest.raises(ValueError, match="must start after it"):
        _generate(store, city, 1, start_ms=first.reached_ms - 10_000)


def test_a_message_the_rules_refuse_is_stored_as_the_hub_stores_a_refusal(
        city: City, open_store: StoreOpener, monkeypatch: pytest.MonkeyPatch) -> None:
    step = Engine.step

    def with_a_stray_arrival(engine: Engine, now_ms: int) -> list[Outgoing]:
        out = step(engine, now_ms)
        if now_ms == START_MS + 30_000:  # a unit reports arriving at an incident nobody entered
            out.append(Outgoing(engine.ids[0], ev.Arrival(incident="J-NOBODY"), now_ms))
        return out

    monkeypatch.setattr(Engine, "step", with_a_stray_arrival)
    store = open_store("refused.sqlite3")
    outcome = _generate(store, city, 1)
    assert outcome.refusals == 1
    stored = [(e.t_hub, e.body) for _, e in store.read() if isinstance(e.body, ev.Refused)]
    assert len(stored) == 1
    t_hub, refusal = stored[0]
    assert refusal.refused_kind == "arrival" and refusal.code and refusal.target == "J-NOBODY"
    assert t_hub == START_MS + 30_000
    assert store.state_at() == outcome.state and outcome.state.refusal_count == 1
