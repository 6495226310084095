"""What the registry commands (``cameras``, ``units``) share: their actions and options, the store they
open, and the one-line summary of an import. Each command keeps what its rows mean."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from dispatch_desktop import paths


@dataclass(frozen=True)
class RegistryWords:
    """How a registry command names what it holds, in its help."""

    things: str  # "cameras", "units"
    file_help: str  # the import's FILE argument
    list_help: str
    export_help: str


def add_registry_arguments(parser: argparse.ArgumentParser, words: RegistryWords, import_help: str) -> None:
    """``--db`` and the actions ``import FILE [--dry-run] [--all-or-nothing]``, ``list``, ``export FILE``."""
    parser.add_argument("--db", metavar="URL", help="event store database (default: the user data dir's SQLite)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    load = actions.add_parser(
        "import", help=f"add or update {words.things} from a CSV file (UTF-8 or GB18030)", description=import_help,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    load.add_argument("file", type=Path, help=words.file_help)
    load.add_argument("--dry-run", action="store_true", help="check the file and say what it would do; store nothing")
    load.add_argument("--all-or-nothing", action="store_true",
                      help="store nothing if any row is refused (by default the good rows are stored)")
    actions.add_parser("list", help=words.list_help)
    out = actions.add_parser("export", help=words.export_help)
    out.add_argument("file", type=Path)


def registry_url(args: argparse.Namespace) -> str:
    """The store the action works on, checked for its use: a dry run before there is a store checks the
    file against an empty one in memory (nothing made on disk); listing or exporting a store that is not
    there would only make an empty one, so it is refused."""
    from dispatch_desktop.storage_checks import Use, check_store, store_absent

    url: str = args.db or paths.default_database_url()
    if args.action == "import" and args.dry_run and store_absent(url):
        url = "sqlite://"
    check_store(url, Use.CREATE if args.action == "import" else Use.EXISTING, default=args.db is None)
    return url


def import_summary(*, rows: int, good: int, refused: int, stored: bool, counts: str, dry_run: bool) -> str:
    """"N rows read: M imported (…), K rows refused", and, when nothing was stored, why."""
    refusals = f"{refused} rows refused"
    if stored:
        return f"{rows} rows read: {good} imported ({counts}), {refusals}"
    why = "dry run" if dry_run else "--all-or-nothing and a row was refused"
    return f"{rows} rows read: {good} would be imported ({counts}), {refusals}; nothing stored ({why})"
