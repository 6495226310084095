"""The commands' look before they open an event store: a damaged or foreign database is refused
untouched, and a new, empty store is never made without saying so.

A store that is not where ``--db`` says looks like lost data once the window shows an empty city, and a
stray empty file is left behind. A missing directory is the strongest sign of a mistake (a typo, a
drive that is not mounted), so without a person to ask the command refuses; in a terminal it asks,
defaulting to no. A missing file in an existing directory, or an empty database, is asked about in a
terminal and announced otherwise (a service's first start). The default store in the data directory
is simply created, with a note: that is every desk's first start.

Qt-free, and cheap to import (``cli`` catches ``Refused``): the store is imported when a check runs.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dispatch_desktop.store.location import Location


class Refused(Exception):
    """The command must not go on; the message says why and what to do. ``exit_code``: 2 for a store
    that cannot be used or a question that cannot be asked, 1 when the person answered no."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Use(Enum):
    CREATE = "create"  # the command makes a new store when there is none (run, hub, cameras import)
    CREATE_ANNOUNCED = "announced"  # the person asked for a new store (db upgrade): just say so
    EXISTING = "existing"  # the command only reads or rewrites what is there (db keyframes, cameras list)


def interactive() -> bool:
    """A person at a terminal to answer a question: both stdin and stdout are terminals."""
    return sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() and sys.stdout.isatty()


def _ask(question: str) -> bool:
    # Not input(): without readline it writes the question to stderr, which may not be the terminal.
    print(f"{question} [y/N] ", end="", flush=True)
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        answer = ""
    if not answer.endswith("\n"):  # Ctrl-D or Ctrl-C: the next words start on a line of their own
        print()
    return answer.strip().lower() in ("y", "yes")


def check_store(url: str, use: Use, *, default: bool = False) -> Location:
    """Looks at the store at ``url`` before a command opens it; raises ``Refused``. ``default``: the
    URL is the data directory's own store (no --db given). A question goes to the terminal when there
    is one; notices go to stderr."""
    from dispatch_desktop.store import StoreError
    from dispatch_desktop.store.location import Found, inspect

    ask = _ask if interactive() else None
    try:
        location = inspect(url)
    except StoreError as error:  # a StoreProblem already says what is wrong and that nothing changed
        raise Refused(str(error)) from None
    if location.found is Found.STORE or location.in_memory:
        return location
    if use is Use.EXISTING:
        raise Refused(f"there is no event store at {location.where}: nothing to do. Check --db"
                      f"{'' if location.found is Found.NOTHING else ' (it names an empty database)'}.")
    new = f"a NEW, EMPTY event store at {location.where}"
    if use is Use.CREATE_ANNOUNCED or default:
        print(f"dispatch-desktop: creating {new}", file=sys.stderr)
        return location
    if location.missing_dir is not None:
        situation = (f"There is no event store at {location.where}, and its directory {location.missing_dir} "
                     "does not exist (a typo in --db, or a drive that is not mounted?).")
        if ask is None:
            raise Refused(f"{situation} Nothing was created.\n  If you do want {new}, create it with: "
                          f"dispatch-desktop db upgrade --db {location.shown}")
    else:
        nothing = location.found is Found.NOTHING
        if ask is None:
            doing = (f"no event store at {location.where} yet: creating a NEW, EMPTY one there" if nothing
                     else f"{location.where} is an empty database: making it a NEW, EMPTY event store")
            print(f"dispatch-desktop: {doing} (if you expected your incidents there, stop and check --db)",
                  file=sys.stderr)
            return location
        situation = (f"There is no event store at {location.where}" if nothing
                     else f"{location.where} is an empty database")
        situation += " (if you expected your incidents there, answer no and check --db)."
    if not ask(f"{situation}\nCreate {new}?"):
        raise Refused("nothing was created", exit_code=1)
    return location


def store_absent(url: str) -> bool:
    """No event store at ``url`` (a damaged one counts as there: ``check_store`` says what is wrong)."""
    from dispatch_desktop.store import StoreError
    from dispatch_desktop.store.location import Found, inspect

    try:
        return inspect(url).found is not Found.STORE
    except StoreError:
        return False
