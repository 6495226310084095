"""``dispatch-desktop units``: the unit registry — import a roster CSV, list, export.

The hub registers the generated city's units (unless ``--no-city``) and every unit of this registry
when it starts, as its own ``unit_registered`` events; a unit on neither is refused (``not_on_roster``).
An import checks each row (``dispatch_desktop.roster_csv``), stores every good row in one transaction
and lists each refused row with its row number, column and reason; re-importing a unit id updates it.
``--all-or-nothing`` stores nothing if any row is refused, ``--dry-run`` stores nothing at all; both say
what the import would have done.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dispatch_desktop import paths
from dispatch_desktop.commands.registry_cli import RegistryWords, add_registry_arguments, import_summary, registry_url

if TYPE_CHECKING:
    from dispatch_desktop.roster_csv import UnitImport
    from dispatch_desktop.store.units import UnitStore

HELP = "manage the unit registry that the hub registers at start (import a roster CSV, list, export)"

RESTART = ("a running hub registers them at once on SIGHUP (kill -HUP <the hub's pid>), else when it next starts "
           "(a desk that runs its own hub: when the desk starts again)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    words = RegistryWords("units", "the roster CSV file", "print the number of units on the registry and the first few",
                          "write every unit of the registry to a CSV file in the import format")
    add_registry_arguments(parser, words, _import_help())


def run(args: argparse.Namespace) -> int:
    from dispatch_desktop.roster_csv import write_roster_csv
    from dispatch_desktop.store import StoreError
    from dispatch_desktop.store.units import UnitStore

    url = registry_url(args)
    try:
        store = UnitStore.open(url)
    except (StoreError, ValueError) as error:
        print(f"dispatch-desktop units: cannot open {url}: {error}", file=sys.stderr)
        return 2
    with store:
        try:
            if args.action == "import":
                return _import(store, args)
            units = store.all()
            if args.action == "list":
                print(f"{len(units)} units on the registry")
                for unit in units[:20]:
                    print(f"  {unit.unit}  {unit.unit_kind.value}  {unit.station}  {unit.name}")
                return 0
            with args.file.open("w", encoding="utf-8", newline="") as out:
                write_roster_csv(units, out)
        except StoreError as error:
            print(f"dispatch-desktop units: {error}", file=sys.stderr)
            return 1
        print(f"{len(units)} units written to {args.file}")
        return 0


def _import_help() -> str:
    from dispatch_desktop.roster_csv import HEADERS
    from dispatch_desktop.video.csv_columns import header_help

    return (
        "Add or update units from a CSV file: UTF-8 (with or without BOM) or GB18030, as Excel saves it.\n"
        "Every row is checked; each refused one is listed with its row, column and reason, and the good\n"
        "rows are stored (all of them in one go), unless --all-or-nothing or --dry-run says otherwise.\n"
        "The hub registers the registry's units when it starts, and a running one on SIGHUP (kill -HUP PID).\n\n"
        "Columns, in any order; the header names understood besides the English one (case, spaces, _ and -\n"
        "and a trailing note in brackets such as 纬度(WGS84) do not matter):\n"
        f"{header_help(HEADERS)}\n\n"
        "id, unit_kind, station and name are required. id: 1-64 characters of A-Z a-z 0-9 _ . : -, once\n"
        "in the file (re-importing an id updates that unit). unit_kind: patrol, rapid, traffic, station or\n"
        "officer (or 巡组, 突击队, 交警, 派出所警车, 单警). station: a station id of resources/taxonomy.json,\n"
        "e.g. S-440106-01. district (not stored): an adcode (440106), 天河区, 天河 or Tianhe; if given it must\n"
        "hold the station. members: names separated by ';'. lat/lon: WGS84 degrees inside the service area,\n"
        "or both empty (no position until the unit reports one). A new unit starts off duty."
    )


_MAX_ERRORS = 50  # a wrong file can refuse every row: show the first ones, and say how many more


def _import(store: UnitStore, args: argparse.Namespace) -> int:
    from dispatch_desktop.roster_csv import import_roster
    from dispatch_desktop.store import StoreError

    try:
        done = import_roster(store, args.file, dry_run=args.dry_run, all_or_nothing=args.all_or_nothing)
    except (OSError, ValueError, StoreError) as error:
        print(f"dispatch-desktop units: {args.file}: {error}", file=sys.stderr)
        return 1
    for problem in done.errors[:_MAX_ERRORS]:
        print(f"{args.file}: {problem}", file=sys.stderr)
    if len(done.errors) > _MAX_ERRORS:
        print(f"{args.file}: … and {len(done.errors) - _MAX_ERRORS} more errors", file=sys.stderr)
    print(summary(done, args))
    if done.stored and done.done.added + done.done.updated:
        print(f"{store.count()} units on the registry; {RESTART}.")
    return 1 if done.errors else 0


def summary(done: UnitImport, args: argparse.Namespace) -> str:
    """"N rows read: M imported (…), K rows refused", and, when nothing was stored, why."""
    added = done.done
    return import_summary(rows=done.rows, good=done.good, refused=done.refused, stored=done.stored,
                          dry_run=args.dry_run,
                          counts=f"{added.added} units added, {added.updated} updated, {added.unchanged} unchanged")


def warn_off_roster(unit_ids: Sequence[str], url: str | None, command: str = "dispatch-desktop keys") -> None:
    """Say on stderr which of ``unit_ids`` the hub would refuse (``not_on_roster``): those on neither the
    unit registry at ``url`` (default: the data dir's store) nor the default city's roster, and how to
    add them. Reads the store without writing to it."""
    from dispatch_desktop.city import DEFAULT_SEED, CityDataError, generate_city
    from dispatch_desktop.store import StoreError
    from dispatch_desktop.store.units import registered_ids

    where = url or "the user data dir's event store"
    try:
        where = url = url or paths.default_database_url()
        missing = [u for u in unit_ids if u not in registered_ids(url)]
    except (StoreError, paths.DataDirError) as error:  # the keys are made: say what could not be checked
        print(f"{command}: warning: cannot check the unit registry ({error})", file=sys.stderr)
        missing = list(unit_ids)
    if missing:
        try:
            city = {u.id for u in generate_city(DEFAULT_SEED, cameras=0).units}
        except CityDataError as error:
            print(f"{command}: warning: cannot check the city's roster ({error})", file=sys.stderr)
            city = set()
        missing = [u for u in missing if u not in city]
    for unit in missing:
        print(f"{command}: warning: unit {unit} is on neither the unit registry ({where}) nor the generated city's "
              f"roster, so the hub will refuse its reports (not_on_roster). Add it with 'dispatch-desktop units "
              f"import FILE' (a CSV with the columns id, unit_kind, station, name; see 'dispatch-desktop units "
              f"import --help'), then send the hub SIGHUP or restart it. The key was created all the same.",
              file=sys.stderr)
