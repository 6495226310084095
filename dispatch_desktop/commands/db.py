"""``dispatch-desktop db``: the event store's schema, for an administrator preparing a shared database.

``db upgrade`` opens the store the way the app does (``EventStore.open`` applies pending migrations) and
prints the revision it ends at; ``db current`` only looks; ``db keyframes`` rewrites the keyframes time
travel starts from (after an upgrade that changed their format or spacing). A URL that cannot name a
database exits with 2 and says what is wrong with it, before anything is created or connected to.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dispatch_desktop import paths

if TYPE_CHECKING:  # the store (SQLAlchemy, alembic) is imported when an action runs, not for --help
    from sqlalchemy import URL

    from dispatch_desktop.store.backends import Backend

HELP = "show or upgrade the event store's database schema"

ACTIONS = {
    "upgrade": "apply every pending migration (creating the database if needed) and print the resulting revision",
    "current": "print the schema revision of the database and whether it is the newest",
    "keyframes": "rewrite the keyframes that time travel starts from, one every --every events, from a replay "
    "of the whole log (minutes for a day of Guangzhou; Ctrl-C stops and keeps those written so far)",
}


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


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _keyframes(text: str, url: URL, every: int | None) -> int:
    import time

    from dispatch_desktop.store import EventStore

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
            return 130
    print(f"\n{written:,} keyframes written")
    return 0


def _revision(backend: Backend, url: URL) -> str:
    from dispatch_desktop.store import migrate

    engine = backend.create_engine(url)
    try:
        with engine.connect() as connection:
            return migrate.current_revision(connection)
    finally:
        engine.dispose()


def _upgrade(text: str, backend: Backend, url: URL) -> int:
    from dispatch_desktop.store import EventStore

    shown = url.render_as_string(hide_password=True)
    before = _revision(backend, url)
    EventStore.open(text).close()
    after = _revision(backend, url)
    if before == after:
        print(f"{shown} already has the newest schema revision {after}")
    else:
        print(f"upgraded {shown} from {before or 'an empty database'} to schema revision {after}")
    return 0


def _current(backend: Backend, url: URL) -> int:
    from dispatch_desktop.store import migrate

    if backend.name == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database).expanduser()
        if not path.exists():  # connecting would create an empty file
            print(f"no database at {path} yet; 'dispatch-desktop db upgrade' creates it")
            return 1
    revision, newest = _revision(backend, url), migrate.head_revision()
    if not revision:
        print(f"no schema yet (the newest revision is {newest}); run 'dispatch-desktop db upgrade'")
        return 1
    if revision == newest:
        print(f"schema revision {revision} (the newest)")
    else:
        print(f"schema revision {revision}; the newest is {newest}: run 'dispatch-desktop db upgrade'")
    return 0


def run(args: argparse.Namespace) -> int:
    # Alembic logs its plugins and each migration context at INFO; this command prints what changed.
    if not args.verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)
    import sqlalchemy as sa

    from dispatch_desktop.store import StoreError
    from dispatch_desktop.store.backends import backend_for

    text = args.db or paths.default_database_url()
    try:
        backend, url = backend_for(text)
    except StoreError as error:
        print(f"dispatch-desktop db: bad --db URL: {error}", file=sys.stderr)
        return 2
    try:
        if args.db_action == "keyframes":
            return _keyframes(text, url, args.every)
        return _upgrade(text, backend, url) if args.db_action == "upgrade" else _current(backend, url)
    except StoreError as error:  # already says which database and why
        print(f"dispatch-desktop db: {error}", file=sys.stderr)
    except (sa.exc.SQLAlchemyError, OSError) as error:
        reason = getattr(error, "orig", None) or error
        print(f"dispatch-desktop db: cannot use {url.render_as_string(hide_password=True)}: {reason}", file=sys.stderr)
    return 1
