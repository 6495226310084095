"""Replays are deterministic, and a keyframe plus the tail gives the same state as the whole log."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.projection import apply_all
from dispatch_desktop.domain.state import State, decode_state, encode_state
from tests.domain.event_sequences import mixed_logs


@settings(max_examples=200, deadline=None)
@given(mixed_logs(), st.integers(min_value=0), st.sampled_from([Mode.LIVE, Mode.DRILL]))
def test_snapshot_plus_tail_equals_full_replay(log: list[ev.Envelope], cut: int, mode: Mode) -> None:
    cut %= len(log) + 1
    full = apply_all(State(mode=mode), log)
    keyframe = decode_state(encode_state(apply_all(State(mode=mode), log[:cut])))
    assert apply_all(keyframe, log[cut:]) == full
    assert apply_all(State(mode=mode), log) == full  # and a second replay agrees


@settings(max_examples=50, deadline=None)
@given(mixed_logs())
def test_states_from_different_logs_differ(log: list[ev.Envelope]) -> None:
    """Guards the equality the property above relies on: it must see a change."""
    state = apply_all(State(), log)
    moved = apply_all(state, [ev.envelope("P-0001", 10_000, ev.Position(lat=1.0, lon=1.0), t_src=2**52)])
    assert moved != state
