"""``Replay`` (position reports folded per unit) gives exactly the state ``apply_all`` gives."""

from __future__ import annotations

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode, UnitKind, UnitStatus
from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.replay import Replay
from dispatch_desktop.domain.state import State
from tests.domain.event_sequences import T0, UNITS, mixed_logs

_decode_position = msgspec.msgpack.Decoder(ev.Position).decode


@st.composite
def busy_logs(draw: st.DrawFn) -> list[ev.Envelope]:
    """Plausible logs plus what makes folding hard: bursts of fixes, fixes that arrive late (source
    time before the unit's newest report), fixes from clocks that run ahead of the hub's, fixes from
    sources that are no units."""
    log = draw(mixed_logs())
    extra = draw(st.lists(
        st.tuples(st.integers(0, len(log)), st.sampled_from((*UNITS, "P-9999")), st.integers(-4_000, 4_000),
                  st.booleans(), st.integers(0, 89), st.sampled_from((5, 5, -3, -300_000))),
        max_size=60,
    ))
    out = list(log)
    # the hub's time a little after the source's, or before it: a clock ahead by a few ms or 5 minutes
    for n, (where, unit, shift, drill, spot, lag) in enumerate(sorted(extra, reverse=True)):
        anchor = out[min(where, len(out) - 1)] if out else None
        t_src = (anchor.t_src if anchor else T0) + shift
        fix = ev.Position(lat=23.0 + spot / 100, lon=113.2 + spot / 200, heading=float(spot), speed=spot / 10)
        out.insert(where, ev.envelope(unit, 100_000 + n, fix, t_src=t_src, t_hub=t_src + lag,
                                      mode=Mode.DRILL if drill else Mode.LIVE))
    return out


def replayed(state: State, log: list[ev.Envelope], *, encoded: bool) -> State:
    replay = Replay(state, _decode_position)
    for event in log:
        if encoded and type(event.body) is ev.Position and replay.position(
            event.source, event.t_src, event.t_hub, event.mode is Mode.DRILL, msgspec.msgpack.encode(event.body)
        ):
            continue
        replay.event(event)
    return replay.state


@settings(max_examples=300, deadline=None)
@given(busy_logs(), st.integers(min_value=0), st.sampled_from([Mode.LIVE, Mode.DRILL]), st.booleans())
def test_folded_replay_equals_apply_all(log: list[ev.Envelope], cut: int, mode: Mode, encoded: bool) -> None:
    cut %= len(log) + 1
    keyframe = apply_all(State(mode=mode), log[:cut])
    assert replayed(keyframe, log[cut:], encoded=encoded) == apply_all(keyframe, log[cut:])


def test_a_late_fix_does_not_move_the_unit_and_a_status_report_outranks_older_fixes() -> None:
    register = ev.UnitRegistered(unit="P-0001", unit_kind=UnitKind.PATROL_GROUP, station="S-1", name="1组")
    log = [
        ev.envelope("hub", 1, register, t_src=T0, t_hub=T0),
        ev.envelope("P-0001", 1, ev.Position(lat=23.10, lon=113.30), t_src=T0 + 5_000, t_hub=T0 + 5_010),
        ev.envelope("P-0001", 2, ev.Position(lat=23.20, lon=113.40), t_src=T0 + 2_000, t_hub=T0 + 5_020),
        ev.envelope("P-0001", 3, ev.StatusReport(status=UnitStatus.AVAILABLE), t_src=T0 + 9_000,
                    t_hub=T0 + 9_010),
        ev.envelope("P-0001", 4, ev.Position(lat=23.30, lon=113.50), t_src=T0 + 8_000, t_hub=T0 + 9_020),
        ev.envelope("P-9999", 1, ev.Position(lat=23.30, lon=113.50), t_src=T0 + 9_500, t_hub=T0 + 9_600),
    ]
    state = replayed(State(), log, encoded=True)
    unit = state.units["P-0001"]
    assert (unit.lat, unit.lon, unit.last_report) == (23.10, 113.30, T0 + 9_000)
    assert [r.code for r in state.refusals] == ["unknown_unit"]
    assert state.applied == len(log) and state.time == T0 + 9_600
    assert state == apply_all(State(), log)
