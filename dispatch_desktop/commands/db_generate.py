"""``dispatch-desktop db generate``: a simulated city's log, written as fast as the store takes it.

The simulator's units, 110 calls, automatic call-taker and dispatcher run in simulated time
(``sim.fast_forward``) and every event goes through the hub's append path, keyframes included, so the
log is one a hub could have written: a log for a new user to replay, for the tests and the benchmarks.
A store that already holds events is refused unless ``--append`` (then the city carries on after its
last event). Ctrl-C stops at the next simulated second, keeps what is written and exits with 130.

``--incidents-only --days N`` writes instead an archive for the analytics (``analytics.history``): N days
of valid incidents only, ending where today begins unless ``--start`` says, into a new store (by default
the desk's ``<data dir>/analytics/history.sqlite3``, never the live log: a desk would rebuild millions of
incidents), with the ground truth of its anomalies beside it (``<file>.truth.json``, or ``--truth FILE``).
Ctrl-C stops after the day being written, keeps the whole days written and their truth, exits with 130.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from dispatch_desktop.commands import arguments
from dispatch_desktop.storage_checks import Refused, Use, check_store

if TYPE_CHECKING:
    from types import FrameType

    from dispatch_desktop.sim.fast_forward import Outcome, Progress
    from dispatch_desktop.store import EventStore

HELP = ("write a simulated city's log (units, 110 calls, dispatches, arrivals, clearances; about 10,000 "
        "incidents a day) for --hours of simulated time, as fast as the store takes it; or, with "
        "--incidents-only --days N, an archive of N days of incidents for the analytics to learn from (not a "
        "log to run a desk on); Ctrl-C keeps what is written")
INTERRUPTED = 130
_QUIET_LINE_EVERY_S = 10.0  # progress lines when stderr is a file (a background run's log)


def add_arguments(action: argparse.ArgumentParser) -> None:
    action.add_argument("--hours", type=arguments.positive(float), metavar="N",
                        help="simulated hours to write, e.g. 1 or 24 (fractions allowed: 0.25 is 15 minutes)")
    action.add_argument("--incidents-only", action="store_true",
                        help="write an archive for the analytics instead of a log to run a desk on: --days of "
                        "valid incidents only (no units, calls or positions) with daily and weekly seasonality, "
                        "public holidays, the Spring Festival dip, large events and injected anomalies, whose "
                        "ground truth goes beside it; default --db: history.sqlite3 in the data dir's analytics")
    action.add_argument("--days", type=arguments.positive(int), metavar="N",
                        help="with --incidents-only: days to write, e.g. 365 (default --start: N days before today)")
    action.add_argument("--truth", metavar="FILE",
                        help="with --incidents-only: where to write the ground truth (default: beside a SQLite "
                        "log, <file>.truth.json; needed for PostgreSQL)")
    action.add_argument("--seed", type=int, default=20161,
                        help="simulation seed: the same seed and --start give the same log (default: %(default)s)")
    action.add_argument("--units", type=arguments.positive(int), default=1100,
                        help="units to simulate: up to the roster's size patrol groups, more splits the groups "
                        "into individual officers (default: %(default)s, Guangzhou's patrol groups)")
    action.add_argument("--start", type=arguments.local_time, default=None, metavar="ISO-TIME",
                        help="simulated start, in the command center's time zone unless the time names its "
                        "own, e.g. 2026-12-01T18:00 (default: today's 00:00); with --incidents-only a date, "
                        "e.g. 2025-12-07")
    action.add_argument("--append", action="store_true",
                        help="continue a store that already holds events, after its last event")


def _today_midnight_ms() -> int:
    from dispatch_desktop.domain.localtime import zone

    today = datetime.now(zone()).replace(hour=0, minute=0, second=0, microsecond=0)
    return round(today.timestamp() * 1000)


class ProgressLine:
    """Simulated time reached, events, events/s and the time left, on stderr: rewritten in place on a
    terminal, a line every ten seconds in a file."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._tty = out.isatty()
        self._last_line = 0.0

    def show(self, progress: Progress) -> None:
        self.line(progress.reached_ms, progress.fraction, progress.events, progress.events_per_s,
                  progress.eta_s, final=progress.final)

    def line(self, reached_ms: int, fraction: float, events: int, per_s: float, eta_s: float | None, *,
             final: bool) -> None:
        from dispatch_desktop.domain.localtime import date_time_text

        now = time.monotonic()
        if not self._tty and now - self._last_line < _QUIET_LINE_EVERY_S and not final:
            return
        self._last_line = now
        left = "" if eta_s is None else f", {timedelta(seconds=round(eta_s))} left"
        text = (f"simulated {date_time_text(reached_ms)} ({fraction:.0%}), "
                f"{events:,} events, {per_s:,.0f} events/s{left}")
        self._out.write(f"\r\033[K  {text}" if self._tty else f"  {text}\n")
        self._out.flush()

    def end(self) -> None:
        if self._tty:
            self._out.write("\n")
            self._out.flush()


def generate(args: argparse.Namespace, text: str, shown: str, default: bool) -> int:
    """``db generate`` with a --db URL that names a database (``db.run`` has checked it)."""
    _check_mode(args)
    if args.incidents_only:
        from dispatch_desktop.commands import db_generate_history

        return db_generate_history.generate_history(args, text, shown, default)
    with open_to_write(text, shown, default=default) as store:
        start_ms = _start(args, store, shown)
        return _run(args, store, start_ms, shown)


def _check_mode(args: argparse.Namespace) -> None:
    """Exactly one of the two modes, and only the options of the one chosen."""
    if args.incidents_only:
        wrong = [name for name, given in (("--hours", args.hours is not None), ("--append", args.append)) if given]
        if wrong:
            raise Refused(f"{' and '.join(wrong)} cannot be used with --incidents-only, which writes --days of "
                          "incidents into a new store: give either --hours (a simulated city's log) or "
                          "--incidents-only --days N (an archive for the analytics)")
        if args.days is None:
            raise Refused("--incidents-only needs --days N: how many days of incidents to write, e.g. --days 365")
        return
    if args.days is not None or args.truth is not None:
        option = "--days" if args.days is not None else "--truth"
        raise Refused(f"{option} belongs to --incidents-only (an archive of incidents for the analytics): add "
                      "--incidents-only, or give --hours N for a simulated city's log")
    if args.hours is None:
        raise Refused("say what to write: --hours N for a simulated city's log (units, calls, incidents), or "
                      "--incidents-only --days N for an archive of incidents for the analytics")


def _start(args: argparse.Namespace, store: EventStore, shown: str) -> int:
    from dispatch_desktop.domain.localtime import date_time_text
    from dispatch_desktop.sim.fast_forward import resume_after

    held = store.last_gseq()
    if not held:
        return args.start if args.start is not None else _today_midnight_ms()
    last_ms = store.state_at().time
    if not args.append:
        raise Refused(f"{shown} already holds {held:,} events (up to {date_time_text(last_ms)}): 'db generate' "
                      "writes into an empty store. Give --append to continue that log after its last event, "
                      "or another --db for a new one.")
    if args.start is not None:
        raise Refused(f"--start cannot be used with --append: the city continues after the log's last event, "
                      f"{date_time_text(last_ms)}.")
    return resume_after(last_ms)


@contextmanager
def ctrl_c_stops() -> Iterator[threading.Event]:
    """An event that Ctrl-C sets (the run stops at its next step and commits what it holds); a second
    Ctrl-C interrupts at once (the transaction under way is rolled back)."""
    stop = threading.Event()

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _run(args: argparse.Namespace, store: EventStore, start_ms: int, shown: str) -> int:
    from dispatch_desktop.city import generate_city
    from dispatch_desktop.domain.localtime import date_time_text, zone_label
    from dispatch_desktop.sim.engine import SimConfig
    from dispatch_desktop.sim.fast_forward import fast_forward

    end_ms = start_ms + round(args.hours * 3_600_000)
    print(f"writing a simulated city into {shown}: {args.units:,} units, seed {args.seed}, "
          f"{date_time_text(start_ms)} to {date_time_text(end_ms)} {zone_label(start_ms)}", flush=True)
    line = ProgressLine(sys.stderr)
    with ctrl_c_stops() as stop:
        try:
            outcome = fast_forward(store, generate_city(cameras=0), SimConfig(seed=args.seed, units=args.units),
                                   start_ms=start_ms, end_ms=end_ms, cancelled=stop.is_set, progress=line.show)
        finally:
            line.end()
    _report(outcome)
    return INTERRUPTED if outcome.stopped else 0


def _report(outcome: Outcome) -> None:
    from dispatch_desktop.domain.localtime import date_time_text

    incidents = len(outcome.state.incidents)
    print(f"{outcome.events:,} events written (the log now holds {outcome.last_gseq:,}; {incidents:,} incidents), "
          f"simulated {date_time_text(outcome.start_ms)} to {date_time_text(outcome.reached_ms)}")
    if outcome.refusals:
        print(f"{outcome.refusals:,} simulated messages were refused by the rules and are stored as refusals, "
              "as the hub stores them")
    if outcome.stopped:
        print(f"stopped by Ctrl-C: the log holds every event up to {date_time_text(outcome.reached_ms)} "
              "(whole batches, valid keyframes); 'db generate --append' continues it")


def open_to_write(url: str, shown: str, *, default: bool) -> EventStore:
    """The store to generate into (created, and said so, when it is not there); ``Refused`` in a sentence when
    it cannot be opened."""
    from dispatch_desktop.store import EventStore

    check_store(url, Use.CREATE_ANNOUNCED, default=default)
    try:
        return EventStore.open(url)
    except Exception as error:  # SQLAlchemy's or the OS's: either way nothing could be written
        reason = getattr(error, "orig", None) or error
        raise Refused(f"cannot create or open the event store {shown}: {reason}. Check that its directory "
                      "exists and that you may write there, or give another --db.") from None
