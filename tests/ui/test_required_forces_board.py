"""What the plugins require per incident: a plugin's new call replaces its old one, an old cancel cannot
take the new one away, the same again does not re-rank the list under the dispatcher's cursor, and two
plugins' requirements stand side by side."""

from __future__ import annotations

import pytest

from dispatch_desktop.api import ForceRequirement, UnitKind
from dispatch_desktop.domain.recommend import Required
from dispatch_desktop.ui.dispatch.required_forces import RequiredForces

pytestmark = pytest.mark.gui
PATROL, RAPID = UnitKind.PATROL_GROUP, UnitKind.RAPID_RESPONSE


def test_a_new_call_replaces_the_old_one_and_the_old_cancel_no_longer_applies(qtbot) -> None:  # type: ignore[no-untyped-def]
    board = RequiredForces()
    heard: list[str] = []
    board.changed.connect(heard.append)
    old = board.require("plans", "J-1", [ForceRequirement(PATROL, 2)], "plan A")
    new = board.require("plans", "J-1", [ForceRequirement(RAPID)], "plan A")
    assert board.for_incident("J-1") == (Required(RAPID, 1, "plan A"),)
    old()
    assert board.for_incident("J-1") == (Required(RAPID, 1, "plan A"),)
    assert heard == ["J-1", "J-1"]
    board.require("plans", "J-1", [ForceRequirement(RAPID)], "plan A")  # the same again: nothing to re-rank
    assert heard == ["J-1", "J-1"]
    board.require("other", "J-1", [ForceRequirement(PATROL, 3)], "plan B")
    assert board.for_incident("J-1") == (Required(RAPID, 1, "plan A"), Required(PATROL, 3, "plan B"))
    new()  # the cancel of a call since made again: the newest of "plans" stands
    assert Required(RAPID, 1, "plan A") in board.for_incident("J-1")
    board.drop_owner("plans")
    assert board.for_incident("J-1") == (Required(PATROL, 3, "plan B"),)
    assert board.for_incident("J-2") == ()
