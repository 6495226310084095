"""``dispatch-desktop drill run`` and ``drill end``: a drill played headless from the trainer's desk, and a drill
left running by an interrupted runner ended.

``drill run SCENARIO.yaml`` validates the scenario (every problem as file:line, exit 1), connects to the hub
(``--hub`` with ``--keys``, or an in-process hub over ``--db`` as ``run`` has), starts the drill, prints each
inject as it comes and each expectation as it is met or missed, and the final score. Typed lines steer it
(pause, resume, warp X, skip ID, now ID, sos UNIT, fail UNIT KIND, end). Ctrl-C (or SIGTERM) ends the drill
"aborted": the runner never exits leaving its drill running on the hub. Killed outright, it leaves the drill
running: the next ``drill run`` says so; ``drill run SCENARIO --resume`` takes it over where it stands
(``drill.rejoin``: from the log, so with the in-process hub over ``--db``), and ``drill end`` ends it.
"""

from __future__ import annotations

import argparse
import contextlib
import queue
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from dispatch_desktop import paths
from dispatch_desktop.commands import arguments
from dispatch_desktop.storage_checks import Refused, Use, check_store

if TYPE_CHECKING:

    from dispatch_desktop.bus.hub import Hub
    from dispatch_desktop.bus.keys import ClientCurve, KeyDirectory
    from dispatch_desktop.bus.workstation import WorkstationClient
    from dispatch_desktop.domain.city import City
    from dispatch_desktop.drill.runner import DrillRunner

RUN = ("run a drill scenario on the hub from this trainer's desk: validated first, its calls rung and its "
       "simulated units played on the drill clock, each inject and score line printed; Ctrl-C ends it 'aborted'")
END = "end the drill running on the hub (one a killed 'drill run' left behind), as 'aborted'"
CONTROLS = ("controls (type a line): pause | resume | warp X | skip INJECT | now INJECT | sos UNIT | "
            "fail UNIT unavailable|radio_silence|breakdown [MM:SS] | end")


def add_actions(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = actions.add_parser("run", help=RUN, description=RUN + ". " + CONTROLS)
    run.add_argument("scenario", metavar="SCENARIO.yaml", type=Path, help="the scenario file")
    run.add_argument("--warp", type=_warp, default=None, metavar="X",
                     help="drill time runs X times as fast as the wall clock, 1 to 10 (default: 1; with --resume, "
                     "the drill's own)")
    run.add_argument("--enrol", nargs="*", metavar="UNIT", default=None,
                     help="the real units taking part, in place of the scenario's list (none: --enrol alone); "
                     "each must be on duty and free when the drill starts")
    run.add_argument("--resume", action="store_true",
                     help="take over the drill of this scenario that an interrupted runner (killed, or its desk) left "
                     "running, from where it stands: its clock, the injects that came, its units where they are")
    run.add_argument("--drill-id", metavar="D-YYYYMMDD-NN", type=_drill_id,
                     help="the drill's id (default: the day's next number in --db's log; with --hub, -01)")
    end = actions.add_parser("end", help=END, description=END)
    for action in (run, end):
        _connection_arguments(action)


def _warp(text: str) -> float:
    from dispatch_desktop.drill.clock import MAX_WARP, MIN_WARP

    try:
        factor = float(text)
    except ValueError:
        factor = float("nan")
    if not MIN_WARP <= factor <= MAX_WARP:
        raise argparse.ArgumentTypeError(f"{text!r} is no warp factor: give a number from {MIN_WARP:g} to "
                                         f"{MAX_WARP:g} (10: ten minutes of drill in one minute)")
    return factor


def _drill_id(text: str) -> str:
    if re.fullmatch(r"D-[0-9]{8}-[0-9]{2}", text) is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a drill id: D-, the date YYYYMMDD, -, two digits "
                                         "(D-20261207-02)")
    return text


def _connection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hub", metavar="ENDPOINT", type=arguments.endpoint,
                        help="the hub's field endpoint (e.g. tcp://10.0.0.5:5555; the workstation and event feed "
                        "on the next two ports); default: a hub inside this process over --db")
    parser.add_argument("--keys", metavar="DIR", type=Path,
                        help="with --hub: the key directory, with this desk's key and one per simulated unit "
                        "(default: keys/ in the data dir)")
    parser.add_argument("--workstation", metavar="ID", type=arguments.identifier,
                        help="this trainer's workstation id (with --hub, its key's name; default: drill-trainer)")
    parser.add_argument("--db", metavar="URL", help="without --hub: the event store of the in-process hub "
                        "(default: events.sqlite3 in the user data dir)")
    parser.add_argument("--seed", type=int, help="the seed of the hub's city (default: the standard city)")
    parser.add_argument("--operator", metavar="'NAME BADGE'", type=arguments.operator, default=None,
                        help="the trainer, as the log records the drill's start and end")


# --- connection ---------------------------------------------------------------------------------------------


@dataclass
class Connection:
    desk: WorkstationClient
    field: str
    context: Any
    keys: KeyDirectory | None
    hub: Hub | None
    store: Any

    def curve(self, unit: str) -> ClientCurve | None:
        return self.keys.client_credentials(unit) if self.keys is not None else None

    def close(self) -> None:
        self.desk.stop()
        if self.hub is not None:
            self.hub.stop()
        if self.store is not None:
            self.store.close()


class _Forward:
    """The desk's ``on_state``, forwarded to the runner once there is one."""

    def __init__(self) -> None:
        self.runner: DrillRunner | None = None

    def __call__(self, _state: object, changed: Any) -> None:
        if self.runner is not None:
            self.runner.observe(changed)


@contextlib.contextmanager
def _connect(args: argparse.Namespace, city: City, forward: _Forward) -> Iterator[Connection]:
    import zmq

    from dispatch_desktop.bus.hub import Endpoints, next_port
    from dispatch_desktop.bus.keys import KeyDirectory
    from dispatch_desktop.bus.workstation import WorkstationClient

    name = args.workstation or "drill-trainer"
    hub = store = keys = None
    if args.hub:
        keys = KeyDirectory(args.keys or paths.keys_dir())
        endpoints = Endpoints(args.hub, next_port(args.hub, 1), next_port(args.hub, 2))
        curve = _credentials(keys, name, "this trainer's desk (--workstation)",
                             f"--workstation {name} --role commander")
        context: Any = zmq.Context()
    else:
        context = zmq.Context()  # shared with the hub: its endpoints are inproc://
        hub, store = _in_process_hub(args, city, name, context)
        endpoints, curve = hub.start(), None
    desk = WorkstationClient(name, command_endpoint=endpoints.workstation, publish_endpoint=endpoints.publish,
                             curve=curve, context=context, on_state=forward)
    connection = Connection(desk, endpoints.field, context, keys, hub, store)
    try:
        desk.start()
        if not desk.wait_synced(15):
            raise Refused(f"the hub at {endpoints.workstation} did not answer within 15 s: is it running, and does "
                          f"it know the key {name}?")
        yield connection
    finally:
        connection.close()
        context.term()


def _in_process_hub(args: argparse.Namespace, city: City, trainer: str, context: Any) -> tuple[Hub, Any]:
    from dispatch_desktop.bus.area import BBoxArea
    from dispatch_desktop.bus.hub import Endpoints, PlainSecurity
    from dispatch_desktop.bus.hub.build import HubConfig, build_hub
    from dispatch_desktop.bus.keys import Role
    from dispatch_desktop.city.roster import registration_events
    from dispatch_desktop.store import EventStore

    url = args.db or paths.default_database_url()
    check_store(url, Use.CREATE, default=args.db is None)
    store = EventStore.open(url)
    box = city.bbox
    config = HubConfig(
        # inproc:// never leaves this process: nobody else to authenticate, and nobody else to command it
        security=PlainSecurity(roles={trainer: Role.COMMANDER}),
        endpoints=Endpoints("inproc://drill-field", "inproc://drill-desk", "inproc://drill-events"),
        blob_dir=paths.blob_dir_for(url), area=BBoxArea(south=box.south, west=box.west, north=box.north,
                                                         east=box.east),
        bootstrap=tuple(registration_events(city)))
    return build_hub(config, store, context=context), store


def _credentials(keys: KeyDirectory, name: str, whose: str, create: str) -> ClientCurve:
    from dispatch_desktop.bus.keys import KeyFileError

    try:
        return keys.client_credentials(name)
    except (OSError, KeyFileError) as error:
        raise Refused(f"no key {name} for {whose} in {keys.root} ({error}): create it in the hub's key directory "
                      f"with 'dispatch-desktop keys create {create}' and give that directory as --keys") from None


def _city(seed: int | None) -> City:
    from dispatch_desktop.city import generate_city

    return generate_city() if seed is None else generate_city(seed)


# --- drill run ----------------------------------------------------------------------------------------------


def run_drill(args: argparse.Namespace) -> int:
    import msgspec

    from dispatch_desktop.drill.loading import load_file

    city = _city(args.seed)
    scenario, problems = load_file(args.scenario, city)
    for problem in problems:
        print(problem, file=sys.stderr)
    if scenario is None:
        print(f"{args.scenario}: not run: correct the problems above ('drill validate' checks it again)",
              file=sys.stderr)
        return 1
    if args.enrol is not None:
        scenario = msgspec.structs.replace(scenario, units=msgspec.structs.replace(
            scenario.units, enrolled=tuple(args.enrol)))
    forward = _Forward()
    with _connect(args, city, forward) as connection:
        running = connection.desk.state.drill
        if args.resume:
            return _resume(scenario, city, connection, forward, args)
        if running is not None:
            return _still_running(running, args)
        if args.hub:
            for unit in scenario.units.simulated:
                assert connection.keys is not None
                _credentials(connection.keys, unit.id, f"the simulated unit {unit.id}", f"--unit {unit.id}")
        drill_id = args.drill_id or _next_drill_id(connection.store)
        return _play(scenario, city, connection, forward, drill_id, args)


def _resume(scenario: Any, city: City, connection: Connection, forward: _Forward, args: argparse.Namespace) -> int:
    from dispatch_desktop.drill.rejoin import NothingToResume, resume_point

    if connection.store is None:
        raise Refused("--resume reads the drill from the hub's log: run it on the hub's machine with --db (the "
                      "hub's event store) instead of --hub, or end the drill with 'dispatch-desktop drill end'")
    try:
        point = resume_point(connection.store, scenario, connection.desk.name)
    except NothingToResume as error:
        print(f"dispatch-desktop drill run --resume: {error}", file=sys.stderr)
        return 1
    return _play(scenario, city, connection, forward, point.drill.drill, args, resume=point)


def _play(scenario: Any, city: City, connection: Connection, forward: _Forward, drill_id: str,
          args: argparse.Namespace, *, resume: Any = None) -> int:
    from dispatch_desktop.domain import events as ev
    from dispatch_desktop.drill.clock import DrillClock
    from dispatch_desktop.drill.runner import DrillRefused, DrillRunner
    from dispatch_desktop.drill.sim_units import simulated_motion

    clock = DrillClock(warp=args.warp or 1.0)
    runner = DrillRunner(scenario, city, connection.desk, connection.field, drill_id=drill_id, clock=clock,
                         motion=simulated_motion,
                         operator=args.operator or "", curve=connection.curve, context=connection.context,
                         say=lambda line: print(line, flush=True))
    forward.runner = runner
    typed = _typed_lines()
    try:
        with _interrupt_on_signals():
            if resume is None:
                runner.start()
            else:
                runner.rejoin(resume)
                # the clock goes on at the warp the log has unless --warp says otherwise
                if args.warp is not None and args.warp != runner.clock.warp:
                    runner.warp(args.warp)
            print(CONTROLS, flush=True)
            while runner.ended is None:
                _obey(runner, scenario, typed)
                runner.step()
                runner.fleet.poll(timeout=0.1)
    except DrillRefused as refusal:
        hint = ("; --enrol UNIT… takes part with other real units, --enrol alone with none"
                if "(drill_unit_" in str(refusal) else "")
        print(f"dispatch-desktop drill run: {refusal}{hint}", file=sys.stderr)
        if not runner.started:
            return 1
    except KeyboardInterrupt:
        print("interrupted: ending the drill", file=sys.stderr)
    finally:
        if runner.started and runner.ended is None:
            runner.end(ev.DrillEndReason.ABORTED)
    _print_score(runner)
    return 0


def _still_running(running: Any, args: argparse.Namespace) -> int:
    from dispatch_desktop.domain.localtime import date_time_text

    where = f" --hub {args.hub}" if args.hub else (f" --db {args.db}" if args.db else "")
    print(f"dispatch-desktop drill run: drill {running.drill} ({running.scenario} version {running.version}) is "
          f"still running on the hub, started {date_time_text(running.started_at)} from {running.source}: one "
          f"drill at a time. If its runner was interrupted, take it over with 'dispatch-desktop drill run SCENARIO "
          f"--resume{where}' (from workstation {running.source}), or end it with 'dispatch-desktop drill end{where}'.",
          file=sys.stderr)
    return 1


def _next_drill_id(store: Any) -> str:
    """The day's next drill id (``drill.ids``); against a remote hub, whose log is not at hand, -01 (give
    --drill-id)."""
    from dispatch_desktop.drill.ids import next_drill_id

    try:
        return next_drill_id(store, int(time.time() * 1000))
    except ValueError as error:
        raise Refused(f"{error}: give --drill-id") from None


def _print_score(runner: DrillRunner) -> None:
    from dispatch_desktop.drill.scenario import drill_time

    if not runner.started:
        return
    result = runner.score()
    base = runner.clock.start_wall_ms
    print(f"score of drill {runner.drill_id} ({result.scenario} version {result.version}): "
          f"{result.earned} / {result.possible} points")
    for item in result.expectations:
        met = drill_time(item.met_at_ms - base) if item.met_at_ms is not None else "—"
        due = drill_time(item.deadline_ms - base) if item.deadline_ms is not None else "—"
        print(f"  {item.outcome.value:<8} {item.earned:>4}/{item.points:<4} done {met:>7}  due {due:>7}  {item.id}: "
              f"{item.expectation.text.en}")


# --- the trainer's typed controls ---------------------------------------------------------------------------


def _typed_lines() -> queue.SimpleQueue[str]:
    lines: queue.SimpleQueue[str] = queue.SimpleQueue()

    def read() -> None:
        for line in sys.stdin:
            lines.put(line.strip())

    if sys.stdin is not None and sys.stdin.isatty():
        threading.Thread(target=read, name="drill-controls", daemon=True).start()
    return lines


def _obey(runner: DrillRunner, scenario: Any, typed: queue.SimpleQueue[str]) -> None:
    from dispatch_desktop.domain import events as ev
    from dispatch_desktop.drill.scenario import Inject, SosInject, UnitFailure, UnitFailureKind

    while not typed.empty():
        words = typed.get().split()
        if not words:
            continue
        verb, rest = words[0].lower(), words[1:]
        try:
            if verb == "pause":
                runner.pause()
            elif verb == "resume":
                runner.resume()
            elif verb == "warp" and len(rest) == 1:
                runner.warp(float(rest[0]))
            elif verb == "skip" and len(rest) == 1:
                runner.skip(rest[0])
            elif verb == "now" and len(rest) == 1 and (inject := scenario.inject(rest[0])) is not None:
                runner.inject(inject)
            elif verb == "sos" and len(rest) == 1:
                runner.inject(Inject(id="ad_hoc_sos", sos=SosInject(unit=rest[0])))
            elif verb == "fail" and len(rest) in (2, 3):
                duration = f"+{rest[2]}" if len(rest) == 3 else None
                runner.inject(Inject(id="ad_hoc_failure", unit_failure=UnitFailure(
                    unit=rest[0], kind=UnitFailureKind(rest[1]), duration=duration)))
            elif verb == "end":
                runner.end(ev.DrillEndReason.ENDED)
            else:
                print(f"not understood: {' '.join(words)!r}; {CONTROLS}", file=sys.stderr)
        except (ValueError, KeyError) as error:
            print(f"{' '.join(words)!r}: {error}", file=sys.stderr)


@contextlib.contextmanager
def _interrupt_on_signals() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM end the drill, however the command was started: a shell's background job
    inherits SIGINT ignored, and Python then never raises KeyboardInterrupt (as ``hub``, ``simulate`` and ``db
    generate`` do, the handler is the command's own)."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


# --- drill end ----------------------------------------------------------------------------------------------


def end_drill(args: argparse.Namespace) -> int:
    from dispatch_desktop.domain import events as ev

    with _connect(args, _city(args.seed), _Forward()) as connection:
        running = connection.desk.state.drill
        if running is None:
            print("no drill is running on the hub: nothing to end")
            return 0
        reply = connection.desk.send_command(ev.DrillEnded(drill=running.drill, reason=ev.DrillEndReason.ABORTED,
                                                           operator=args.operator or "")).result(timeout=15)
        if not reply.accepted:
            print(f"dispatch-desktop drill end: the hub did not end drill {running.drill}: {reply.message} "
                  f"({reply.code})", file=sys.stderr)
            return 1
    print(f"drill {running.drill} ({running.scenario} version {running.version}) ended: aborted")
    return 0
