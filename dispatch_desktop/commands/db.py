"""``dispatch-desktop db``: the event store's schema and health, for an administrator.

``db upgrade`` opens the store the way the app does (``EventStore.open`` applies pending migrations) and
prints the revision it ends at; ``db current`` only looks; ``db keyframes`` rewrites the keyframes time
travel starts from (after an upgrade that changed their format or spacing); ``db check`` reads the
whole store without writing and says whether it is whole; ``db generate`` writes a simulated city's log
(``commands.db_generate``). A URL that cannot name a database exits with
2 and says what is wrong with it, before anything is created or connected to; so does a damaged store
or another program's database (``storage_checks``), which is left as it was.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, TextIO

from dispatch_desktop import paths
from dispatch_desktop.commands import db_generate
from dispatch_desktop.storage_checks import Use, check_store

if TYPE_CHECKING:  # the store (SQLAlchemy, alembic) is imported when an action runs, not for --help
    from types import FrameType

    from sqlalchemy import URL

    from dispatch_desktop.store.check import Finding

HELP = "show, upgrade or check the event store's database"

ACTIONS = {
    "upgrade": "apply every pending migration (creating the database if needed) and print the resulting revision",
    "current": "print the schema revision of the database and whether it is the newest",
    "keyframes": "rewrite the keyframes that time travel starts from, one every --every events, from a replay "
    "of the whole log (minutes for a day of Guangzhou; Ctrl-C stops and keeps those written so far)",
    "check": "check the event store without changing it: the database's own check of every page and index "
    "(SQLite integrity_check, PostgreSQL amcheck), gseqs without holes, the newest keyframes and events "
    "decode. Exit status 0: healthy, 1: damaged, 2: cannot check. Ctrl-C stops it",
    "generate": db_generate.HELP,
}

INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    for name, text in ACTIONS.items():
        action = actions.add_parser(name, help=text, description=text)
        action.add_argument(
            "--db",
            metavar="URL",
            help="the event store, e.g. sqlite:////srv/dispatch/events.sqlite3 or "
            "postgresql+psycopg://user:password@host/dbname; default: events.sqlite3 in the user data dir",
        )
        if name == "keyframes":
            action.add_argument("--every", type=_positive, default=None, metavar="N",
                                help="events between keyframes (default: the store's, 10000)")
        if name == "generate":
            db_generate.add_arguments(action)
        if name == "check":
            action.add_argument("--quick", action="store_true",
                                help="SQLite: quick_check instead of integrity_check (several times faster; "
                                "does not compare the indexes with their tables)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _keyframes(text: str, url: URL, every: int | None, default: bool) -> int:
    from dispatch_desktop.store import EventStore

    check_store(text, Use.EXISTING, default=default)
    shown = url.render_as_string(hide_password=True)
    with EventStore.open(text) as store:
        every = every or store.snapshot_every
        start = time.monotonic()
        print(f"rewriting the keyframes of {shown} ({store.last_gseq():,} events), one every {every:,} events")

        def progress(done: int, total: int) -> bool:
            print(f"\r  {done:,}/{total:,} keyframes, {time.monotonic() - start:.0f} s", end="", flush=True)
            return True

        try:
            written = store.rewrite_keyframes(every, progress=progress)
        except KeyboardInterrupt:
            print("\nstopped: the keyframes written so far are kept; time travel before them replays longer")
            return INTERRUPTED
    print(f"\n{written:,} keyframes written")
    return 0


def _upgrade(text: str, url: URL, default: bool) -> int:
    from dispatch_desktop.store import EventStore
    from dispatch_desktop.store.location import inspect

    shown = url.render_as_string(hide_password=True)
    before = check_store(text, Use.CREATE_ANNOUNCED, default=default).revision
    EventStore.open(text).close()
    after = inspect(text, verify_before_upgrade=False).revision
    if before == after:
        print(f"{shown} already has the newest schema revision {after}")
    else:
        print(f"upgraded {shown} from {before or 'an empty database'} to schema revision {after}")
    return 0


def _current(text: str) -> int:
    from dispatch_desktop.store import migrate
    from dispatch_desktop.store.location import Found, inspect

    location = inspect(text, verify_before_upgrade=False)  # reads only: connecting must not create it
    newest = migrate.head_revision()
    if location.found is Found.NOTHING:
        print(f"no database at {location.where} yet; 'dispatch-desktop db upgrade' creates it")
        return 1
    if location.found is Found.EMPTY:
        print(f"no schema yet (the newest revision is {newest}); run 'dispatch-desktop db upgrade'")
        return 1
    if location.revision == newest:
        print(f"schema revision {location.revision} (the newest)")
    else:
        print(f"schema revision {location.revision}; the newest is {newest}: run 'dispatch-desktop db upgrade'")
    return 0


class _Meter:
    """A progress line on a terminal (stderr), rewritten in place at most five times a second; nothing
    when stderr is a file or a pipe, whose reader wants the findings, not a stream of numbers."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._on = out.isatty()
        self._shown = 0.0
        self._phase = ("", time.monotonic())

    def show(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if what != self._phase[0]:
            self._phase = (what, now)
        if not self._on or now - self._shown < 0.2:
            return
        self._shown = now
        amount = f"{done:,}/{total:,}" if total else f"{now - self._phase[1]:.0f} s"
        self._out.write(f"\r\033[K  checking {what}: {amount}")
        self._out.flush()

    def clear(self) -> None:
        if self._on and self._shown:
            self._out.write("\r\033[K")
            self._out.flush()


def _finding_line(finding: Finding) -> str:
    return f"{finding.status.value:>8}  {finding.check}: {finding.detail}"


def _check(text: str, url: URL, quick: bool) -> int:
    from dispatch_desktop.store.check import CannotCheck, Interrupted, StoreCheck, verdict

    stop = threading.Event()

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        stop.set()  # the check stops at its next step, between two queries or inside SQLite's
        signal.signal(signal.SIGINT, signal.default_int_handler)  # a second Ctrl-C stops at once

    print(f"checking {url.render_as_string(hide_password=True)} (read only: nothing is written to it)", flush=True)
    meter = _Meter(sys.stderr)
    findings: list[Finding] = []
    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        for finding in StoreCheck(text, quick=quick, progress=meter.show, stopped=stop.is_set).run():
            meter.clear()
            findings.append(finding)
            print(_finding_line(finding), flush=True)
    except CannotCheck as error:
        meter.clear()
        print(f"dispatch-desktop db check: cannot check: {error}", file=sys.stderr)
        return 2
    except (Interrupted, KeyboardInterrupt):
        meter.clear()
        print("stopped by Ctrl-C before the end: no verdict. Nothing was written to the database.")
        return INTERRUPTED
    finally:
        signal.signal(signal.SIGINT, previous)
    code, words = verdict(findings)
    print(words)
    return code


def run(args: argparse.Namespace) -> int:
    # Alembic logs its plugins and each migration context at INFO; this command prints what changed.
    if not args.verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)
    import sqlalchemy as sa

    from dispatch_desktop.store import StoreError
    from dispatch_desktop.store.backends import backend_for
    from dispatch_desktop.store.location import StoreProblem

    text = args.db or paths.default_database_url()
    default = args.db is None
    try:
        _backend, url = backend_for(text)
    except StoreError as error:
        print(f"dispatch-desktop db: bad --db URL: {error}", file=sys.stderr)
        return 2
    try:
        if args.db_action == "check":
            return _check(text, url, args.quick)
        if args.db_action == "generate":
            return db_generate.generate(args, text, url.render_as_string(hide_password=True), default)
        if args.db_action == "keyframes":
            return _keyframes(text, url, args.every, default)
        return _upgrade(text, url, default) if args.db_action == "upgrade" else _current(text)
    except StoreProblem as problem:  # damaged or not ours: it says so, and that nothing was changed
        print(f"dispatch-desktop db: {problem}", file=sys.stderr)
        return 2
    except StoreError as error:  # already says which database and why
        print(f"dispatch-desktop db: {error}", file=sys.stderr)
    except (sa.exc.SQLAlchemyError, OSError) as error:
        reason = getattr(error, "orig", None) or error
        print(f"dispatch-desktop db: cannot use {url.render_as_string(hide_password=True)}: {reason}", file=sys.stderr)
    return 1
