"""The drill clock in the log: only the running drill's trainer records a pause, resume or warp, in drill mode,
naming that drill; anyone else is refused and nothing is stored, and the live state never changes for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from tests.bus.conftest import Running
from tests.bus.test_drill_hub import DRILL, DRILL_MODE, answer, drill_started, ok

pytestmark = pytest.mark.timeout(90)


def paused(drill: str = DRILL) -> ev.DrillClockChanged:
    return ev.DrillClockChanged(drill=drill, action=ev.DrillClockAction.PAUSED, drill_ms=75_000, factor=4.0,
                                operator="张强 010001")


def test_only_the_trainer_records_the_drill_clock_in_drill_mode_for_the_running_drill(
        make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(roles={"ws-trainer": Role.COMMANDER, "ws-other": Role.DISPATCHER, "ws-sup": Role.SUPERVISOR})
    trainer, other, supervisor = (workstations(running, name) for name in ("ws-trainer", "ws-other", "ws-sup"))
    no_drill = answer(trainer.send_command(paused(), mode=DRILL_MODE))
    assert (no_drill.accepted, no_drill.code) == (False, "no_drill")
    ok(trainer.send_command(drill_started(enrolled=())))
    live_before = running.store.state_at().to_plain()
    stored_before = running.store.last_gseq()

    live = answer(trainer.send_command(paused()))  # a live desk must never see the drill's clock
    assert (live.accepted, live.code, live.gseq) == (False, "kind_not_allowed", 0)
    assert "live workstation" in live.message
    not_trainer = answer(other.send_command(paused(), mode=DRILL_MODE))
    assert (not_trainer.accepted, not_trainer.code, not_trainer.gseq) == (False, "kind_not_allowed", 0)
    assert "other than the drill's trainer" in not_trainer.message
    assert answer(supervisor.send_command(paused(), mode=DRILL_MODE)).code == "read_only"
    other_drill = answer(trainer.send_command(paused("D-20261207-09"), mode=DRILL_MODE))
    assert (other_drill.accepted, other_drill.code) == (False, "bad_field")
    assert "D-20261207-09" in other_drill.message and DRILL in other_drill.message
    assert running.store.last_gseq() == stored_before  # refused at admission: nothing stored

    accepted = ok(trainer.send_command(paused(), mode=DRILL_MODE))
    gseq, stored = running.stored()[-1]
    assert gseq == accepted.gseq and stored.mode is Mode.DRILL and stored.body == paused()
    assert running.store.state_at().to_plain() == live_before  # the live state ignores it
