"""Running the engine with no hub: the hub's part done in-process, for tests, benchmarks and headless use.

Each source's messages are numbered into envelopes, folded into a State with the real projection (so
any step against the rules shows up as a refusal), orders from accepted dispatch / recall / message
commands are handed back to the engine's units (and confirmed delivered, as a hub would), and the
engine observes every accepted event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import projection
from dispatch_desktop.domain.state import RefusalRecord, State
from dispatch_desktop.sim.engine import Engine

HUB = "hub"
_ORDER_BODIES = (ev.UnitDispatched, ev.UnitRecalled, ev.MessageSent)


@dataclass
class Loopback:
    engine: Engine
    state: State = field(default_factory=State)
    on_event: Callable[[ev.Envelope], None] | None = None  # sees every envelope, accepted or not
    refusals: list[RefusalRecord] = field(default_factory=list)
    _seq: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The hub's bootstrap: it registers the roster before any unit reports.
        for body in self.engine.registrations(self.state):
            self.deliver(HUB, body, self.engine.now_ms)

    def step(self, now_ms: int) -> int:
        """Advance the engine to ``now_ms`` and deliver what it sent; returns how many envelopes."""
        sent = self.engine.step(now_ms)
        for source, body, t_ms in sent:
            self.deliver(source, body, t_ms)
        return len(sent)

    def run(self, until_ms: int, step_ms: int = 1000) -> None:
        now = self.engine.now_ms
        while now < until_ms:
            now = min(now + step_ms, until_ms)
            self.step(now)

    def deliver(self, source: str, body: ev.AnyBody, t_ms: int) -> None:
        """One message as the hub would take it: numbered, applied, observed, its order routed."""
        seq = self._seq.get(source, 0) + 1
        self._seq[source] = seq
        envelope = ev.envelope(source, seq, body, t_ms, t_hub=t_ms)
        before = self.state.refusal_count
        self.state = projection.apply(self.state, envelope)
        if self.on_event is not None:
            self.on_event(envelope)
        if self.state.refusal_count != before:
            self.refusals.append(self.state.refusals[-1])
            if source in (self.engine.config.desk, self.engine.config.phone):
                self.engine.answered(body, accepted=False)
            return
        self.engine.observe(envelope)
        if isinstance(body, _ORDER_BODIES) and body.order in self.state.orders:
            pending = self.state.orders[body.order]
            self.engine.on_order(pending.unit, pending)
            self.deliver(HUB, ev.OrderDelivered(order=pending.order, unit=pending.unit), t_ms)
