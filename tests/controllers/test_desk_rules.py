"""Rules of the desk without a screen: who signs in, which workstation this is, what a call needs to become
an incident, which timers are overdue, and drafts on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.bus.keys import KeyDirectory, Kind, Role
from dispatch_desktop.controllers import identity
from dispatch_desktop.controllers.drafts import DraftKeeper
from dispatch_desktop.controllers.intake import IntakeInput, build_incident, problems
from dispatch_desktop.controllers.operator import Operator, OperatorError
from dispatch_desktop.controllers.overdue import OverdueWatch
from dispatch_desktop.controllers.persist import LatestWriter
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, IncidentOrigin
from dispatch_desktop.domain.intake import Location
from dispatch_desktop.domain.projection import apply
from dispatch_desktop.domain.state import State
from dispatch_desktop.domain.taxonomy import incident_type
from dispatch_desktop.domain.timers import Phase

T0 = 1_763_794_800_000


@pytest.mark.parametrize(("name", "badge", "field"), [("", "012345", "name"), ("张伟", "", "badge"),
                                                      ("张伟", "01 2345", "badge"), ("张\x1b伟", "012345", "name")])
def test_a_sign_in_with_something_missing_or_wrong_says_which_field(name: str, badge: str, field: str) -> None:
    with pytest.raises(OperatorError) as caught:
        Operator.parse(name, badge)
    assert caught.value.field == field


def test_the_operator_signature_reads_back() -> None:
    operator = Operator.parse("  张  伟 ", "012345")
    assert operator.signature == "张 伟 012345"
    assert Operator.from_signature(operator.signature) == operator


def test_the_one_workstation_key_found_names_the_desk_and_gives_its_role(tmp_path: Path) -> None:
    keys = KeyDirectory(tmp_path)
    keys.create("ws-sup", Kind.WORKSTATION, Role.SUPERVISOR)
    found = identity.resolve(tmp_path, None)
    assert (found.workstation, found.role) == ("ws-sup", Role.SUPERVISOR)
    keys.create("ws-02", Kind.WORKSTATION, Role.DISPATCHER)
    assert identity.resolve(tmp_path, None).workstation == identity.host_workstation_id()  # two: ambiguous
    assert identity.resolve(tmp_path, "ws-02").role is Role.DISPATCHER
    assert identity.resolve(tmp_path, "ws-new").role is Role.DISPATCHER  # no key: the embedded default


def _form(**changes: object) -> IntakeInput:
    fields: dict[str, object] = dict(
        origin=IncidentOrigin.CALL, caller_number="13800138000", caller_name="", description="",
        location=Location(23.13, 113.32, "440106", "S-440106-01", None), address="体育西路", priority=3,
        incident_type=incident_type("theft"), call_time=T0,
    )
    fields.update(changes)
    return IntakeInput(**fields)  # type: ignore[arg-type]


def test_only_a_110_call_typed_by_hand_needs_a_number() -> None:
    assert [p.code for p in problems(_form(caller_number=""))] == ["number_missing"]
    assert problems(_form(caller_number="", call="C-1")) == []  # the network withheld it
    assert problems(_form(caller_number="", origin=IncidentOrigin.OFFICER)) == []
    assert [p.code for p in problems(_form(caller_number="12ab"))] == ["number_invalid"]


def test_the_command_carries_origin_call_simulation_and_operator() -> None:
    body = build_incident(_form(call="C-9", simulated=True), "J20251122-ws-1-1", "张伟 012345")
    assert (body.call, body.simulated, body.operator, body.origin) == ("C-9", True, "张伟 012345",
                                                                       IncidentOrigin.CALL)


def test_an_overdue_phase_is_new_once_then_current_then_ended() -> None:
    created = ev.IncidentCreated(incident="J-1", call_time=T0, caller_number="1", lat=23.13, lon=113.32,
                                 address="x", district="440106", station="S", incident_type="robbery",
                                 priority=1, category=Category.POLICE)
    state = apply(State(), ev.envelope("ws", 1, created, T0, t_hub=T0))
    watch = OverdueWatch()
    assert watch.check(state, T0 + 59_000).overdue == {}
    first = watch.check(state, T0 + 61_000)
    assert [(o.incident, o.phase) for o in first.newly] == [("J-1", Phase.DISPATCH)]
    assert first.newly[0].over_s == pytest.approx(1.0)
    second = watch.check(state, T0 + 90_000)
    assert second.newly == [] and second.incidents == ["J-1"]
    closed = apply(state, ev.envelope("ws", 2, ev.IncidentClosed(incident="J-1", disposition="invalid"),
                                      T0 + 91_000, t_hub=T0 + 91_000))
    assert watch.check(closed, T0 + 92_000).ended == [("J-1", Phase.DISPATCH)]


def test_a_draft_round_trips_and_an_unreadable_one_is_set_aside(tmp_path: Path) -> None:
    writer = LatestWriter()
    keeper = DraftKeeper(tmp_path / "draft.json", writer)
    keeper.save({"caller_number": "110", "description": "有人打架", "address": ""})
    writer.flush()
    assert DraftKeeper(tmp_path / "draft.json", writer).load().fields == {"caller_number": "110",  # type: ignore[union-attr]
                                                                         "description": "有人打架"}
    (tmp_path / "draft.json").write_text("{not json", "utf-8")
    assert DraftKeeper(tmp_path / "draft.json", writer).load() is None
    assert (tmp_path / "draft.json.unreadable").read_text("utf-8") == "{not json"
    writer.close()
