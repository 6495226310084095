"""``dispatch-desktop hub``: the message hub as a server of its own (CurveZMQ unless told otherwise).

Field units connect to ``--bind``; workstations to ``--workstation-bind`` (default: the next port) for
commands and snapshots and to ``--publish-bind`` (the port after) for the event feed. The unit roster
is the store's unit registry (``dispatch-desktop units import``; read again on SIGHUP, so that a running
hub registers what was imported since) plus, unless ``--no-city`` is given, the
generated city's units (``--city-seed``); the service area is the city's box unless ``--area`` says.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from dispatch_desktop import paths
from dispatch_desktop.bus.area import GUANGZHOU, Area, BBoxArea, Skew
from dispatch_desktop.bus.hub import Hub, next_port
from dispatch_desktop.bus.refusal_budget import DEFAULT_PER_MINUTE
from dispatch_desktop.commands import arguments
from dispatch_desktop.domain.events import UnitRegistered
from dispatch_desktop.extensions.policy import build_policy

if TYPE_CHECKING:
    from dispatch_desktop.store import EventStore

HELP = "run the message hub: field units and workstations connect to it (CurveZMQ by default)"

log = logging.getLogger(__name__)


def _area(text: str) -> BBoxArea:
    try:
        return BBoxArea.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _minutes(text: str) -> int:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0, got {text}")
    return int(value * 60_000)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=None, help="event store URL (default: SQLite in the user data dir)")
    parser.add_argument("--bind", type=arguments.endpoint, default="tcp://127.0.0.1:5555",
                        help="field-unit endpoint (default: %(default)s)")
    parser.add_argument("--workstation-bind", type=arguments.endpoint, default=None,
                        help="workstation command endpoint (default: --bind's port + 1)")
    parser.add_argument("--publish-bind", type=arguments.endpoint, default=None,
                        help="event feed endpoint (default: --bind's port + 2)")
    parser.add_argument("--keys", type=Path, default=None,
                        help="key directory with hub.key_secret and authorized/ (default: the user data dir's)")
    parser.add_argument("--plain", action="store_true",
                        help="INSECURE: no CurveZMQ, anyone may connect as anyone (tests and benchmarks only)")
    parser.add_argument("--telephony", metavar="NAME", action="append", default=[],
                        help="with --plain: a workstation id that is a telephony gateway (may offer and end "
                        "110 calls, nothing else); repeat for several (e.g. --telephony sim-phone)")
    parser.add_argument("--sign-key", metavar="FILE", type=arguments.sign_key, default=b"",
                        help=arguments.SIGN_KEY_HELP + "; every client must use the same key")
    parser.add_argument("--blobs", type=Path, default=None,
                        help="attachment directory (default: beside the SQLite file, else in the data dir)")
    parser.add_argument("--city-seed", type=int, default=None,
                        help="register this generated city's units and accept positions in its area "
                             "(default: the standard seed)")
    parser.add_argument("--no-city", action="store_true",
                        help="do not generate the city: no roster bootstrap, area from --area")
    parser.add_argument("--area", type=_area, default=None,
                        help="service area as south,west,north,east degrees (default: the city's bounds)")
    parser.add_argument("--future-skew", type=_minutes, default=10 * 60_000, metavar="MINUTES",
                        help="accept event times this far ahead of the hub clock (default: 10)")
    parser.add_argument("--past-skew", type=_minutes, default=24 * 3_600_000, metavar="MINUTES",
                        help="accept event times this far behind the hub clock (default: 1440)")
    parser.add_argument("--refusal-budget", type=_count, default=DEFAULT_PER_MINUTE, metavar="N",
                        help="store the first N refusals of each unit or desk per minute in full; answer the "
                             "rest and store one refusals_suppressed event per minute with their count "
                             "(default: %(default)s)")
    parser.add_argument("--writer-thread", action="store_true",
                        help="append to the store from a thread of the hub's process instead of a process "
                             "of its own (slower under load: the two share one interpreter lock)")
    parser.add_argument("--stats-every", type=float, default=60.0, metavar="SECONDS",
                        help="log the hub's counters this often (0: never)")


def _next_port(endpoint: str, offset: int) -> str:
    try:
        return next_port(endpoint, offset)
    except ValueError:
        raise SystemExit(f"dispatch-desktop hub: give --workstation-bind and --publish-bind with {endpoint}") from None


def run(args: argparse.Namespace) -> int:
    from dispatch_desktop.bus.hub import CurveSecurity, Endpoints, PlainSecurity
    from dispatch_desktop.bus.hub.build import HubConfig, build_hub
    from dispatch_desktop.bus.keys import Role
    from dispatch_desktop.storage_checks import Use, check_store
    from dispatch_desktop.store import EventStore, StoreError, StoreWriter
    from dispatch_desktop.store.backends import in_memory

    url = args.db or paths.default_database_url()
    check_store(url, Use.CREATE, default=args.db is None)  # before the city takes its seconds to generate
    bootstrap, area = _city(args)
    if args.telephony and not args.plain:
        print("dispatch-desktop hub: --telephony names gateways of a --plain hub; with keys, a gateway's role "
              "comes from its key (dispatch-desktop keys create --workstation NAME --role telephony)",
              file=sys.stderr)
        return 2
    roles = {name: Role.TELEPHONY for name in args.telephony}
    security = PlainSecurity(roles=roles) if args.plain else CurveSecurity(args.keys or paths.keys_dir())
    try:
        separate_writer = not (args.writer_thread or in_memory(url))
        # With a writer process, the hub only reads the log: the writer keeps it in shape.
        store = EventStore.open(url, maintenance=not separate_writer)
        writer = StoreWriter(url, snapshot_every=store.snapshot_every) if separate_writer else None
    except StoreError as error:
        print(f"dispatch-desktop hub: {error}", file=sys.stderr)
        return 1
    config = HubConfig(
        security=security,
        endpoints=Endpoints(args.bind, args.workstation_bind or _next_port(args.bind, 1),
                            args.publish_bind or _next_port(args.bind, 2)),
        blob_dir=args.blobs or paths.blob_dir_for(url),
        area=area,
        skew=Skew(future_ms=args.future_skew, past_ms=args.past_skew),
        bootstrap=tuple(bootstrap),
        sign_key=args.sign_key,
        refusal_budget=args.refusal_budget,
        # The plugins installed beside the hub: their events are checked against their declared schemas.
        plugin_policy=build_policy(),
    )
    hub = build_hub(config, store, appender=None if writer is None else writer.append)

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d: stopping the hub", signum)
        hub.stop()

    def reload(_signum: int, _frame: FrameType | None) -> None:
        # Off the signal handler, which runs inside the hub's loop: reading the store waits on the disk.
        threading.Thread(target=_reload_units, args=(hub, store), name="dispatch-hub-units", daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, reload)
    if args.stats_every > 0:
        threading.Thread(target=_log_stats, args=(hub, args.stats_every), daemon=True).start()
    try:
        hub.run()
    except Exception as error:
        print(f"dispatch-desktop hub: {error}", file=sys.stderr)
        return 1
    finally:
        if writer is not None:
            writer.close()
        store.close()
    return 0


def _city(args: argparse.Namespace) -> tuple[list[UnitRegistered], Area]:
    if args.no_city:
        return [], args.area or GUANGZHOU
    from dispatch_desktop.city import DEFAULT_SEED, clear_cache, generate_city, registration_events

    city = generate_city(DEFAULT_SEED if args.city_seed is None else args.city_seed, cameras=0)
    bootstrap = registration_events(city)
    box = city.bbox
    area = args.area or BBoxArea(south=box.south, west=box.west, north=box.north, east=box.east)
    clear_cache()  # the hub keeps only the roster and the box, not the city's geometry
    return bootstrap, area


def _reload_units(hub: Hub, store: EventStore) -> None:
    """SIGHUP: read the unit registry again and have the hub register what is new or changed."""
    from dispatch_desktop.store import StoreError

    try:
        units = store.registered_units()
    except StoreError as error:
        log.error("SIGHUP: cannot read the unit registry: %s", error)
        return
    log.info("SIGHUP: the unit registry read again (%d units); new or changed ones are registered now",
             len(units))
    hub.register(units)


def _log_stats(hub: Hub, every: float) -> None:
    stopped = threading.Event()
    while not stopped.wait(every):
        log.info("hub stats: %s", hub.stats())
