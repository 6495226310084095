"""The hub's drill state across stored batches (``bus.hub.drills.drill_after``): begun from the live state
at the drill's start, folded with every event, dropped at its end, and never inherited by the next drill."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from dispatch_desktop.bus.hub.drills import drill_after
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.state import State
from tests.bus.conftest import incident, roster
from tests.bus.test_drill_hub import drill_ended, drill_started


@dataclass(frozen=True)
class Stored:
    gseq: int
    duplicate: bool = False


class Log:
    def __init__(self) -> None:
        self.seq = 0

    def __call__(self, body: ev.AnyBody, mode: Mode = Mode.LIVE, source: str = "ws-02") -> ev.Envelope:
        self.seq += 1
        return ev.envelope(source, self.seq, body, 1_000 + self.seq, t_hub=1_000 + self.seq, mode=mode)


def stored(events: list[ev.Envelope]) -> list[Stored]:
    return [Stored(n) for n, _event in enumerate(events, start=1)]


def test_a_drill_started_in_a_batch_begins_from_the_live_state_and_folds_the_rest() -> None:
    log = Log()
    live = apply_all(State(), [log(body, source="hub") for body in roster()])
    batch = [log(incident("J-1")), log(drill_started(enrolled=(), simulated=())), log(incident("DJ-1"), Mode.DRILL)]
    drill = drill_after(None, live, batch, stored(batch))
    assert drill is not None and drill.mode is Mode.DRILL and set(drill.incidents) == {"J-1", "DJ-1"}
    assert drill_after(None, live, batch[:1], stored(batch[:1])) is None  # no drill, no drill state
    ending = [log(drill_ended())]
    assert drill_after(drill, live, ending, stored(ending)) is None


def test_a_drill_started_right_after_another_ended_in_the_same_batch_starts_afresh() -> None:
    log = Log()
    live = apply_all(State(), [log(drill_started(enrolled=(), simulated=()))])
    first = apply_all(msgspec.structs.replace(live, mode=Mode.DRILL), [log(incident("DJ-1"), Mode.DRILL)])
    batch = [log(drill_ended()), log(drill_started("D-20261207-02", enrolled=(), simulated=()))]
    second = drill_after(first, live, batch, stored(batch))
    assert second is not None and second.drill is not None and second.drill.drill == "D-20261207-02"
    assert "DJ-1" not in second.incidents
