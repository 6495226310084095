"""A drill run from the desk: the desk takes part (the drill's call rings here, what it sends goes in drill
mode), says so everywhere (banner, watermark on the map, mode badge, title), leaves the live log's state
untouched, and is back on the live city with no banner once the drill ends."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, IncidentOrigin
from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.models.calls_model import NUMBER
from tests.ui.live_desk import DeskFactory

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]

SCENARIO = """\
format: 1
id: desk_drill_test
version: 1
title: {zh: 调度台演练, en: Desk drill}
description: {zh: 调度台演练, en: Desk drill}
duration: "+05:00"
units:
  simulated:
    - {id: DRILL-PG-1, kind: patrol, station: S-440104-14, place: 广州站, call_sign: 演练巡1组}
injects:
  - {id: knife, at: "+00:01", call: {caller: 甲, number: "13800000001", place: 广州站, type: knife_attack,
                                     priority: 1, description: 站前广场有人持刀}}
expectations:
  - {id: patrol, text: {zh: 派巡组, en: Patrol sent}, points: 10, deadline: {inject: knife, within: "+01:00"},
     dispatched: {kind: patrol}}
"""


def test_a_drill_run_from_the_desk_is_marked_everywhere_and_never_reaches_the_live_state(  # type: ignore[no-untyped-def]
        qtbot, make_desk: DeskFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = make_desk("zh_CN")
    window, model = desk.window, desk.window.city_model
    scenario = tmp_path / "desk_drill_test.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    assert desk.drill_banner.isHidden()
    trainer = desk.drills.start(scenario)
    assert trainer is not None and desk.drills.follow_action.isChecked()
    said: list[str] = []
    trainer.said.connect(said.append)
    qtbot.waitUntil(lambda: model.mode is DisplayMode.DRILL and model.state.drill is not None, timeout=20_000)
    drill = model.state.drill
    assert drill is not None and drill.scenario == "desk_drill_test"
    assert not desk.drill_banner.isHidden() and "演练" in desk.drill_banner.label.text()
    assert desk.drill_banner.watermark.isVisible()
    assert window.status_bar.mode.text() == "演练" and "演练" in window.windowTitle()

    qtbot.waitUntil(lambda: any(call.endswith("knife") for call in model.state.calls), timeout=20_000)
    qtbot.waitUntil(lambda: any("演练 110 来电 13800000001" in line for line in said), timeout=10_000)
    assert said[0].startswith(f"演练 {drill.drill} 开始")  # the runner's words in the desk's language
    call = next(call for call in model.state.calls if call.endswith("knife"))
    calls = desk.calls_model
    qtbot.waitUntil(lambda: calls.row_of(call) is not None, timeout=10_000)
    number = calls.index(calls.row_of(call), calls.column_titled(NUMBER)).data()
    assert number == "演练 · 13800000001"  # the drill's call, marked apart from the live ones shown with it
    assert desk.send(ev.CallAnswered(call=call)).result(10).accepted  # sent in drill mode: the desk shows a drill
    store = desk.services.store
    assert store is not None
    answered = [event for _g, event in store.read(0) if isinstance(event.body, ev.CallAnswered)]
    assert [event.mode.value for event in answered] == ["drill"]
    taken = ev.IncidentCreated(incident="J-20261207-99001", call_time=model.now_ms(), caller_number="13800000001",
                               lat=23.1489, lon=113.2572, address="广州站 站前广场", district="440104",
                               station="S-440104-14", incident_type="knife_attack", priority=1,
                               category=Category.POLICE, call=call)
    assert desk.send(taken).result(10).accepted
    table = window.incident_table
    qtbot.waitUntil(lambda: table.row_of("J-20261207-99001") is not None, timeout=10_000)
    assert table.index(table.row_of("J-20261207-99001"), 0).data() == "演练 · J-20261207-99001"
    # A walk-in entered in the drill (no call) is the drill's too, and says so.
    walk_in = msgspec.structs.replace(taken, incident="J-20261207-99002", call="", caller_number="",
                                      origin=IncidentOrigin.WALK_IN)
    assert desk.send(walk_in).result(10).accepted
    qtbot.waitUntil(lambda: table.row_of("J-20261207-99002") is not None, timeout=10_000)
    assert table.index(table.row_of("J-20261207-99002"), 0).data() == "演练 · J-20261207-99002"
    live = store.state_at()
    assert call not in live.calls and "DRILL-PG-1" not in live.units  # nothing of the drill in the live state
    assert "J-20261207-99001" not in live.incidents and "J-20261207-99002" not in live.incidents

    # Drill → Inject now…: an SOS the scenario does not plan, from its simulated unit.
    labels = [label for label, _inject in desk.drills.inject_choices()]
    assert "DRILL-PG-1 发生车辆故障" in labels and "knife" not in " ".join(labels)  # the call came already
    monkeypatch.setattr("dispatch_desktop.ui.drill.controls.QInputDialog.getItem",
                        lambda *_args, **_kwargs: ("DRILL-PG-1 紧急求助", True))
    desk.drills.ask_inject()
    qtbot.waitUntil(lambda: "DRILL-PG-1" in model.state.units and model.state.units["DRILL-PG-1"].sos,
                    timeout=20_000)
    desk.drills.end()
    qtbot.waitUntil(lambda: model.state.drill is None and model.mode is not DisplayMode.DRILL, timeout=20_000)
    qtbot.waitUntil(lambda: not trainer.running, timeout=10_000)
    assert desk.drill_banner.isHidden() and not desk.drill_banner.watermark.isVisible()
    assert call not in model.state.calls

    # Drill → Drill report… for the drill this desk ran: written, scored, its SHA-256 in the log.
    assert desk.drills.last_drill == drill.drill and desk.drills.report_action.isEnabled()
    written: list[tuple[str, str]] = []
    desk.drills._reports.written.connect(lambda path, sha: written.append((path, sha)))
    report = tmp_path / f"{drill.drill}-report.html"
    desk.drills._reports.write(desk.services.options.database_url, drill.drill, "html", report, "zh_CN", "张伟 012345")
    qtbot.waitUntil(lambda: bool(written), timeout=30_000)
    html = report.read_text(encoding="utf-8")
    assert "演练 DRILL" in html and drill.drill in html
    recorded = [event.body for _g, event in store.read(0) if isinstance(event.body, ev.RecordExported)]
    assert [body.file for body in recorded] == [report.name] and recorded[0].sha256 == written[0][1]


def test_a_drill_this_desk_started_and_lost_its_runner_is_taken_over_from_the_drill_menu(  # type: ignore[no-untyped-def]
        qtbot, make_desk: DeskFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = make_desk("zh_CN")
    model = desk.window.city_model
    scenario = tmp_path / "desk_drill_test.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    # The drill as a runner that died right after opening it left it: started from this desk, nothing injected.
    started = ev.DrillStarted(drill="D-20261207-31", scenario="desk_drill_test", version=1,
                              simulated=("DRILL-PG-1",), operator="张强 010001")
    assert desk.send(started).result(10).accepted
    qtbot.waitUntil(lambda: model.state.drill is not None and desk.drills.take_over_action.isEnabled(),
                    timeout=10_000)
    assert not desk.drills.start_action.isEnabled()  # one drill at a time: this one is to be taken over
    monkeypatch.setattr("dispatch_desktop.ui.drill.controls.QFileDialog.getOpenFileName",
                        lambda *_args, **_kwargs: (str(scenario), ""))  # not a shipped scenario: the file is asked
    trainer = desk.drills.take_over()
    assert trainer is not None
    said: list[str] = []
    trainer.said.connect(said.append)
    qtbot.waitUntil(lambda: any("已接管演练 D-20261207-31" in line for line in said), timeout=20_000)
    qtbot.waitUntil(lambda: any(call == "D-20261207-31:knife" for call in model.state.calls), timeout=20_000)
    assert not desk.drills.take_over_action.isEnabled() and desk.drills.end_action.isEnabled()
    desk.drills.end()
    qtbot.waitUntil(lambda: model.state.drill is None, timeout=20_000)
