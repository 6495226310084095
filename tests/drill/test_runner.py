"""A drill played end to end on a real hub by the runner, at warp ×10 on a fake wall clock that the hub shares,
with a scripted trainee desk answering the drill's calls: the score comes out as the desk's work deserves (met
and missed), the live state is what it was, and no drill is left running."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import Published, WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Category, Mode, UnitStatus
from dispatch_desktop.domain.state import State
from dispatch_desktop.drill.cameras import first_camera_of
from dispatch_desktop.drill.clock import DrillClock
from dispatch_desktop.drill.loading import load_scenario
from dispatch_desktop.drill.runner import DrillRefused, DrillRunner
from dispatch_desktop.drill.scenario import Scenario
from dispatch_desktop.drill.scoring import Outcome
from dispatch_desktop.drill.sim_units import SimTimes, simulated_motion
from tests.bus.conftest import HubFactory, Running, open_store, wait_for

pytestmark = pytest.mark.timeout(120)

DRILL = "D-20261207-07"
SCENARIO = """\
format: 1
id: runner_test
version: 2
title: {zh: 演练运行, en: Runner}
description: {zh: 演练运行, en: Runner}
duration: "+05:00"
units:
  simulated:
    - {id: DRILL-RR-1, kind: rapid, station: S-440104-14, place: 广州站, call_sign: 演练突击1}
    - {id: DRILL-PG-1, kind: patrol, station: S-440104-14, place: 广州火车站地铁站, call_sign: 演练巡1组}
    - {id: DRILL-PG-2, kind: patrol, station: S-440104-14, place: 越秀公园, call_sign: 演练巡2组}
injects:
  - {id: knife, at: "+00:10", call: {caller: 甲, number: "13800000001", place: 广州站, type: knife_attack,
                                     priority: 1, description: 站前广场有人持刀}}
  - {id: noise, at: "+00:20", call: {caller: 乙, number: "13800000002", place: 广州站, type: noise, description: 吵}}
  - {id: sos, after: {inject: knife, delay: "+01:00"}, sos: {unit: DRILL-PG-1}}
  - {id: cameras, after: {inject: knife, delay: "+00:30"}, camera_dark: {near: knife}}
  - {id: skipped, at: "+02:00", unit_failure: {unit: DRILL-RR-1, kind: breakdown}}
expectations:
  - {id: rapid, text: {zh: 突击队, en: Rapid}, points: 30, deadline: {inject: knife, within: "+00:30"},
     dispatched: {kind: rapid}}
  - {id: rapid_on_scene, text: {zh: 突击队到场, en: Rapid on scene}, points: 20,
     deadline: {inject: knife, within: "+03:00"}, on_scene: {kind: rapid}}
  - {id: patrols_on_scene, text: {zh: 两巡组到场, en: Two patrols on scene}, points: 20,
     deadline: {inject: knife, within: "+01:00"}, on_scene: {kind: patrol, count: 2}}
  - {id: plan, text: {zh: 预案, en: Plan}, points: 15, deadline: {inject: knife, within: "+01:00"},
     plan_activated: {plan: railway_knife_attack_guangzhou_station}}
  - {id: referred, text: {zh: 移交, en: Referred}, points: 15, deadline: {inject: noise, within: "+01:00"},
     referred_not_dispatched: {department: environment}}
"""


class FakeWall:
    """The wall clock of the hub, the runner and its handsets: moved by the test only."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.seconds

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.seconds += seconds


class TraineeDesk:
    """A trainee's desk, scripted: answers each drill call and takes it, sends every unit to the knife attack,
    refers the noise complaint; never activates a plan."""

    def __init__(self, running: Running) -> None:
        self.calls: list[ev.CallOffered] = []
        self.lock = threading.Lock()
        self.worked: set[str] = set()
        self.client = client(running, "ws-trainee", on_state=self.on_state)

    def on_state(self, _state: State, changed: list[Published] | None) -> None:
        with self.lock:
            self.calls += [e.body for _g, e in changed or ()
                           if e.mode is Mode.DRILL and isinstance(e.body, ev.CallOffered)]

    def work(self) -> None:
        with self.lock:
            calls = [call for call in self.calls if call.call not in self.worked]
        for call in calls:
            self.worked.add(call.call)
            knife = call.call.endswith("knife")
            assert call.location is not None
            self.drill(ev.CallAnswered(call=call.call))
            self.drill(ev.IncidentCreated(
                incident="DJ-01" if knife else "DJ-02", call_time=0, caller_number=call.number, lat=call.location.lat,
                lon=call.location.lon, address=call.address, district="440104", station="S-440104-14",
                incident_type="knife_attack" if knife else "noise", priority=1 if knife else 4,
                category=Category.POLICE, call=call.call))
            if knife:
                for unit in ("DRILL-RR-1", "DRILL-PG-1", "DRILL-PG-2"):
                    self.drill(ev.UnitDispatched(incident="DJ-01", unit=unit))
            else:
                self.drill(ev.IncidentReferred(incident="DJ-02", department="environment", reason="噪音"))

    def drill(self, body: ev.AnyBody) -> None:
        reply = self.client.send_command(body, mode=Mode.DRILL).result(timeout=10)
        assert reply.accepted, reply


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[Running, FakeWall]]:
    wall = FakeWall(float(int(time.time())))
    factory = HubFactory(tmp_path, None)
    try:
        yield factory(store=open_store(tmp_path, real=True), clock=wall,
                      roles={"ws-trainer": Role.COMMANDER, "ws-trainee": Role.DISPATCHER}), wall
    finally:
        factory.close()


def scenario(city: City) -> Scenario:
    loaded, problems = load_scenario(SCENARIO, "runner_test.yaml", city)
    assert loaded is not None, problems
    return loaded


def client(running: Running, name: str, **options: Any) -> WorkstationClient:
    desk = WorkstationClient(name, command_endpoint=running.endpoints.workstation,
                             publish_endpoint=running.endpoints.publish, **options)
    desk.start()
    assert desk.wait_synced(10)
    return desk


def live(running: Running) -> dict[str, Any]:
    """The live state in the log, less what drill_started / drill_ended change in it: its running drill (None
    once ended), the count of events applied and the time of the newest."""
    state: State = running.store.state_at()
    plain = state.to_plain()
    opened_or_closed = sum(1 for _g, e in running.stored() if isinstance(e.body, ev.DrillStarted | ev.DrillEnded))
    plain["applied"] -= opened_or_closed
    assert plain.pop("drill") is None
    plain.pop("time")
    return plain


def settle(running: Running, runner: DrillRunner, *desks: WorkstationClient) -> None:
    """Wait until the runner's handsets were answered and every desk was published all the hub stored."""
    assert runner.fleet.run_until(lambda: runner.fleet.unacked() == 0, timeout=10) or runner.ended is not None
    last: int = running.store.last_gseq()
    for desk in desks:
        wait_for(functools.partial(caught_up, desk, last))


def caught_up(desk: WorkstationClient, gseq: int) -> bool:
    return desk.gseq >= gseq


def test_a_drill_run_at_warp_ten_scores_the_desks_work_and_leaves_the_live_state_and_no_drill(
        hub: tuple[Running, FakeWall], city: City) -> None:
    running, wall = hub
    drill_scenario = scenario(city)
    before = live(running)
    lines: list[str] = []
    trainee = TraineeDesk(running)
    published: list[list[Published] | None] = []  # before the runner exists: none of the drill's
    trainer = client(running, "ws-trainer", on_state=lambda _state, changed: published.append(changed))
    runner = DrillRunner(drill_scenario, city, trainer, running.endpoints.field, drill_id=DRILL,
                         clock=DrillClock(wall, warp=10), motion=simulated_motion, operator="张强 010001", seed=3,
                         times=SimTimes(ack_s=(5.0, 5.0)), say=lines.append)
    try:
        trainer.on_state = lambda _state, changed: runner.observe(changed)
        runner.start()
        runner.skip("skipped")
        while runner.ended is None:
            wall.advance(0.5)  # five seconds of drill time
            runner.step()
            settle(running, runner, trainer, trainee.client)
            trainee.work()
            settle(running, runner, trainer, trainee.client)
    finally:
        trainee.client.stop()
        trainer.stop()
    outcomes = {item.id: item.outcome for item in runner.score().expectations}
    assert outcomes == {"rapid": Outcome.MET, "rapid_on_scene": Outcome.MET, "patrols_on_scene": Outcome.MISSED,
                        "plan": Outcome.MISSED, "referred": Outcome.MET}
    assert runner.score().earned == 65 and runner.score().possible == 100
    # 越秀公园 is 1.4 km from the station: the second patrol arrives minutes of drill time after the call (late),
    # though only seconds of wall time at ×10, and deadlines are drill time.
    late = next(item for item in runner.score().expectations if item.id == "patrols_on_scene")
    assert late.met_at_ms is not None and late.deadline_ms is not None
    assert 60_000 < late.met_at_ms - late.deadline_ms + 60_000 < 290_000
    said = "\n".join(lines)
    assert "+00:10 knife: 110 call D-20261207-07:knife from 甲 13800000001 at 广州站 (knife_attack)" in said
    assert "+01:10 sos: SOS from DRILL-PG-1" in said
    # The camera a wall shows first at the call's place goes dark in the drill's state, never in the live one.
    station = city.search("广州站", limit=1)[0]
    dark = first_camera_of(city)(station.lat, station.lon)
    assert f"+00:40 cameras: camera {dark} goes dark" in said
    assert [(e.mode, e.body.camera, e.body.online) for _g, e in running.stored() if isinstance(e.body, ev.CameraStatus)
            ] == [(Mode.DRILL, dark, False)]
    assert "skipped: skipped" in said and "breakdown" not in said
    assert "met: rapid (Rapid) 30/30" in said and "missed: plan (Plan) 0/15" in said
    assert "drill D-20261207-07 completed at +05:00" in said
    stored = [e for _g, e in running.stored()]
    assert any(e.mode is Mode.DRILL and isinstance(e.body, ev.Arrival) and e.source == "DRILL-RR-1" for e in stored)
    assert any(e.mode is Mode.DRILL and isinstance(e.body, ev.Sos) for e in stored)
    ended = [e.body for e in stored if isinstance(e.body, ev.DrillEnded)]
    assert [(body.drill, body.reason) for body in ended] == [(DRILL, ev.DrillEndReason.COMPLETED)]
    assert running.hub.state.drill is None and running.hub.pipeline.drill is None
    assert live(running) == before


def test_a_drill_the_hub_refuses_to_start_says_why_and_one_ended_early_leaves_none_running(
        hub: tuple[Running, FakeWall], city: City) -> None:
    running, wall = hub
    trainer = client(running, "ws-trainer")
    try:
        first = DrillRunner(scenario(city), city, trainer, running.endpoints.field, drill_id=DRILL,
                            clock=DrillClock(wall), motion=simulated_motion)
        first.start()
        second = DrillRunner(scenario(city), city, trainer, running.endpoints.field, drill_id="D-20261207-08",
                             clock=DrillClock(wall), motion=simulated_motion)
        with pytest.raises(DrillRefused, match="drill_running"):
            second.start()
        wall.advance(1)
        first.step()
        first.end(ev.DrillEndReason.ABORTED)
        assert running.hub.state.drill is None
        reasons = [e.body.reason for _g, e in running.stored() if isinstance(e.body, ev.DrillEnded)]
        assert reasons == [ev.DrillEndReason.ABORTED]
    finally:
        trainer.stop()


CONTROLS_SCENARIO = """\
format: 1
id: controls_test
version: 1
title: {zh: 控制, en: Controls}
description: {zh: 控制, en: Controls}
duration: "+10:00"
units:
  enrolled: [P-0001]
  simulated: [{id: DRILL-PG-1, kind: patrol, station: S-440104-14, place: 广州站, call_sign: 演练巡1组}]
injects:
  - {id: knife, at: "+00:10", call: {caller: 甲, number: "13800000001", place: 广州站, type: knife_attack,
                                     description: 有人持刀}}
  - {id: real_unavailable, at: "+00:20", unit_failure: {unit: P-0001, kind: unavailable}}
  - {id: real_silent, at: "+00:20", unit_failure: {unit: P-0001, kind: radio_silence}}
  - {id: real_sos, at: "+00:20", sos: {unit: P-0001}}
"""


def test_the_trainer_pauses_resumes_and_injects_ad_hoc_and_a_real_unit_fails_only_as_the_hub_allows(
        hub: tuple[Running, FakeWall], city: City) -> None:
    from dispatch_desktop.drill.scenario import Inject, SosInject
    from tests.bus.test_drill_hub import Handsets

    running, wall = hub
    loaded, problems = load_scenario(CONTROLS_SCENARIO, "controls_test.yaml", None)  # P-0001: the test hub's
    assert loaded is not None, problems
    handset = Handsets(running, ("P-0001",))
    handset.send("P-0001", ev.StatusReport(status=UnitStatus.AVAILABLE))
    lines: list[str] = []
    trainer = client(running, "ws-trainer")
    runner = DrillRunner(loaded, city, trainer, running.endpoints.field, drill_id=DRILL,
                         clock=DrillClock(wall), motion=simulated_motion, say=lines.append)
    trainer.on_state = lambda _state, changed: runner.observe(changed)

    def advance(seconds: int) -> None:
        for _ in range(seconds):
            wall.advance(1)
            runner.step()
            settle(running, runner, trainer)

    try:
        runner.start()
        advance(5)
        runner.pause()
        advance(60)  # a minute of wall time, none of drill time: the call due at +00:10 does not come
        assert not any("knife" in line for line in lines)
        runner.resume()
        advance(6)
        assert any(line.startswith("+00:10 knife: 110 call") for line in lines)
        runner.inject(Inject(id="extra", sos=SosInject(unit="DRILL-PG-1")))
        advance(10)
        runner.end()
    finally:
        trainer.stop()
        handset.close()
    said = "\n".join(lines)
    assert "+00:05 paused" in said and "+00:05 resumed" in said and "+00:11 extra: SOS from DRILL-PG-1" in said
    assert "real_silent: not injected: P-0001 is a real unit" in said
    assert "real_sos: not injected: P-0001 is a real unit: ask its crew to press SOS" in said
    assert "+00:20 real_unavailable: P-0001 unavailable" in said
    stored = [e for _g, e in running.stored()]
    set_status = [(e.mode, e.body.status) for e in stored
                  if isinstance(e.body, ev.UnitStatusSet) and e.body.unit == "P-0001"]
    assert set_status == [(Mode.DRILL, UnitStatus.UNAVAILABLE)]
    assert not any(isinstance(e.body, ev.Sos) and e.source == "P-0001" for e in stored)
    assert running.hub.state.units["P-0001"].status is UnitStatus.AVAILABLE  # live, the real unit is untouched
    assert [e.body.reason for e in stored if isinstance(e.body, ev.DrillEnded)] == [ev.DrillEndReason.ENDED]


def test_a_drill_ended_from_another_desk_stops_the_runner_which_then_sends_nothing(
        hub: tuple[Running, FakeWall], city: City) -> None:
    running, wall = hub
    trainer, other_desk = client(running, "ws-trainer"), client(running, "ws-trainee")
    lines: list[str] = []
    runner = DrillRunner(scenario(city), city, trainer, running.endpoints.field, drill_id=DRILL,
                         clock=DrillClock(wall), motion=simulated_motion, say=lines.append)
    trainer.on_state = lambda _state, changed: runner.observe(changed)
    try:
        runner.start()
        wall.advance(1)
        runner.step()
        ended = ev.DrillEnded(drill=DRILL, reason=ev.DrillEndReason.ABORTED, operator="李明 010002")
        assert other_desk.send_command(ended).result(timeout=10).accepted
        settle(running, runner, trainer)
        stored = len(running.stored())
        wall.advance(30)  # the first call was due at +00:10
        runner.step()
        runner.end()  # nothing more to end
    finally:
        trainer.stop()
        other_desk.stop()
    assert runner.ended is ev.DrillEndReason.ABORTED
    assert f"drill {DRILL} ended from ws-trainee (aborted)" in lines
    assert len(running.stored()) == stored and running.hub.state.drill is None


def test_a_paused_and_warped_drill_scores_the_same_in_its_report_as_in_the_runner(
        hub: tuple[Running, FakeWall], city: City, tmp_path: Path) -> None:
    from dispatch_desktop.drill.record import drill_record

    running, wall = hub
    scenario_file = tmp_path / "runner_test.yaml"
    scenario_file.write_text(SCENARIO, encoding="utf-8")
    trainee = TraineeDesk(running)
    trainer = client(running, "ws-trainer")
    runner = DrillRunner(scenario(city), city, trainer, running.endpoints.field, drill_id=DRILL,
                         clock=DrillClock(wall, warp=10), motion=simulated_motion, seed=3,
                         times=SimTimes(ack_s=(5.0, 5.0)))
    trainer.on_state = lambda _state, changed: runner.observe(changed)
    try:
        runner.start()
        runner.skip("skipped")
        steps = 0
        while runner.ended is None:
            steps += 1
            if steps == 5:  # +00:20, the calls in: the trainer holds the drill for a minute of wall time
                runner.pause()
            elif steps == 9:
                runner.resume()
            elif steps == 12:  # then it runs at ×4 (a patrol's drive takes longer in wall time)
                runner.warp(4)
            wall.advance(0.5 if steps < 5 or steps > 8 else 15)
            runner.step()
            settle(running, runner, trainer, trainee.client)
            trainee.work()
            settle(running, runner, trainer, trainee.client)
    finally:
        trainee.client.stop()
        trainer.stop()
    in_runner = runner.score()
    reported = drill_record(running.store, DRILL, scenario_file=scenario_file).score
    assert reported is not None
    assert [(item.id, item.outcome, item.met_at_ms, item.deadline_ms) for item in reported.expectations] == \
        [(item.id, item.outcome, item.met_at_ms, item.deadline_ms) for item in in_runner.expectations]
    assert (reported.earned, reported.possible) == (in_runner.earned, in_runner.possible) == (65, 100)
    clock = [(e.body.action, e.body.factor) for _g, e in running.stored() if isinstance(e.body, ev.DrillClockChanged)]
    assert clock == [(ev.DrillClockAction.WARPED, 10), (ev.DrillClockAction.PAUSED, 10),
                     (ev.DrillClockAction.RESUMED, 10), (ev.DrillClockAction.WARPED, 4)]
