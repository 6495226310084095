"""``dispatch-desktop simulate``: a simulated city's field units, its telephony gateway (110 calls ring
at the desks) and, unless told not to, its own desk (answering the calls nobody took and dispatching
them) against a running hub.

Every unit is a real bus client with its own key, and so are the desk (role ``dispatcher``) and the
gateway (role ``telephony``): taken from ``--keys``, created there when missing (the hub must read the
same directory; with ``--plain`` the hub must be told the gateway's role). Units must be on the hub's
roster: the hub registers the city's patrol groups itself; officers (``--units`` above the roster's size)
must be bootstrapped by the hub too.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path
from types import FrameType

from dispatch_desktop import paths
from dispatch_desktop.bus.hub import next_port
from dispatch_desktop.commands import arguments

HELP = "run a simulated city (field units, 110 calls, an automatic call-taker and dispatcher) against a hub"

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hub", type=arguments.endpoint, default="tcp://127.0.0.1:5555",
                        help="the hub's field-unit endpoint (default: %(default)s)")
    parser.add_argument("--workstation", type=arguments.endpoint, default=None,
                        help="the hub's workstation endpoint (default: --hub's port + 1)")
    parser.add_argument("--publish", type=arguments.endpoint, default=None,
                        help="the hub's event feed (default: --hub's port + 2)")
    parser.add_argument("--units", type=arguments.positive(int), default=1100,
                        help="units to simulate: up to the roster's size patrol groups first, more splits "
                             "the groups into individual officers (default: %(default)s)")
    parser.add_argument("--speed", type=arguments.positive(float), default=1.0,
                        help="time compression: 60 makes a simulated hour pass in a minute (default: 1)")
    parser.add_argument("--seed", type=int, default=20161, help="simulation seed (default: %(default)s)")
    parser.add_argument("--city-seed", type=int, default=None, help="city seed (default: the standard city)")
    parser.add_argument("--keys", type=Path, default=None,
                        help="key directory shared with the hub (default: the user data dir's)")
    parser.add_argument("--plain", action="store_true", help="the hub runs without CurveZMQ (tests only)")
    parser.add_argument("--sign-key", metavar="FILE", type=arguments.sign_key, default=b"",
                        help=arguments.SIGN_KEY_HELP + "; the hub's own --sign-key")
    parser.add_argument("--name", default="sim-desk", help="workstation id of the simulated desk")
    parser.add_argument("--telephony", default="sim-phone",
                        help="workstation id of the simulated telephony gateway (role telephony)")
    parser.add_argument("--no-auto-dispatch", action="store_true",
                        help="calls still ring and units still move, but the simulator neither answers "
                             "calls nor dispatches: the people at the desks work them")
    parser.add_argument("--incidents-per-day", type=arguments.not_negative(float), default=None,
                        help="call rate (default: the taxonomy's, about 10,000 a day)")
    parser.add_argument("--report-interval", type=arguments.positive(float), default=5.0,
                        help="simulated seconds between a unit's position reports (default: %(default)s)")
    parser.add_argument("--duration", type=arguments.positive(float), default=None,
                        help="stop after this many wall-clock seconds (default: run until interrupted)")


def _next_port(endpoint: str, offset: int) -> str:
    try:
        return next_port(endpoint, offset)
    except ValueError:
        raise SystemExit(f"dispatch-desktop simulate: give --workstation and --publish with {endpoint}") from None


def run(args: argparse.Namespace) -> int:
    from dispatch_desktop.bus.hub import Endpoints
    from dispatch_desktop.bus.keys import KeyDirectory
    from dispatch_desktop.city import DEFAULT_SEED, generate_city
    from dispatch_desktop.sim.engine import SimConfig
    from dispatch_desktop.sim.runner import SimulationRunner

    endpoints = Endpoints(
        field=args.hub,
        workstation=args.workstation or _next_port(args.hub, 1),
        publish=args.publish or _next_port(args.hub, 2),
    )
    config = SimConfig(seed=args.seed, units=args.units, report_interval_s=args.report_interval,
                       incidents_per_day=args.incidents_per_day, auto_answer=not args.no_auto_dispatch,
                       auto_dispatch=not args.no_auto_dispatch, desk=args.name, phone=args.telephony)
    city = generate_city(DEFAULT_SEED if args.city_seed is None else args.city_seed, cameras=0)
    keys = None if args.plain else KeyDirectory(args.keys or paths.keys_dir())
    runner = SimulationRunner(city, config, endpoints, speed=args.speed, keys=keys, session_key=args.sign_key)

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d: stopping the simulator", signum)
        runner.stop()

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        runner.run(args.duration)
    except Exception as error:
        print(f"dispatch-desktop simulate: {error}", file=sys.stderr)
        return 1
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    log.info("simulator stopped: %s", dict(sorted(runner.counts.items())))
    return 0
