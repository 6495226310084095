"""A drill's camera going dark: only the running drill's trainer sends it, in drill mode; the drill's state
holds the camera dark until it comes back, and the live state never changes for it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from tests.bus.conftest import Running
from tests.bus.test_drill_hub import DRILL_MODE, answer, drill_started, ok

pytestmark = pytest.mark.timeout(90)
CAMERA = "C-440104-000123"


def dark(online: bool = False) -> ev.CameraStatus:
    return ev.CameraStatus(camera=CAMERA, online=online, reason="演练注入：信号中断", operator="张强 010001")


def test_only_the_trainer_darkens_a_camera_and_only_the_drill_sees_it(
        make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(roles={"ws-trainer": Role.COMMANDER, "ws-other": Role.DISPATCHER})
    trainer, other = (workstations(running, name) for name in ("ws-trainer", "ws-other"))
    assert answer(trainer.send_command(dark(), mode=DRILL_MODE)).code == "no_drill"
    ok(trainer.send_command(drill_started(enrolled=())))
    start = running.store.last_gseq()
    live_before = running.store.state_at().to_plain()

    live = answer(trainer.send_command(dark()))  # a live camera's darkness is no one's to declare
    assert (live.accepted, live.code, live.gseq) == (False, "kind_not_allowed", 0)
    not_trainer = answer(other.send_command(dark(), mode=DRILL_MODE))
    assert (not_trainer.accepted, not_trainer.code) == (False, "kind_not_allowed")
    assert "other than the drill's trainer" in not_trainer.message

    went_dark = ok(trainer.send_command(dark(), mode=DRILL_MODE))
    _gseq, stored = running.stored()[-1]
    assert stored.mode is Mode.DRILL and stored.body == dark()
    drill_state = running.store.state_at(mode=Mode.DRILL, drill_start=start)
    assert dict(drill_state.cameras_dark) == {CAMERA: stored.time} and went_dark.accepted
    assert running.store.state_at().to_plain() == live_before  # the live state ignores it
    assert not running.store.state_at().cameras_dark

    ok(trainer.send_command(dark(online=True), mode=DRILL_MODE))
    assert not running.store.state_at(mode=Mode.DRILL, drill_start=start).cameras_dark
