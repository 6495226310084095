"""``dispatch-desktop``: one command, a subcommand per job.

Each subcommand lives in ``dispatch_desktop/commands/<name>.py`` and exposes ``HELP`` (one line),
``add_arguments(parser)`` and ``run(args) -> int``. Listing them here (not discovering them) keeps the
start-up cheap and the help text in a stable order.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

from dispatch_desktop.paths import DataDirError
from dispatch_desktop.storage_checks import Refused

SUBCOMMANDS = ("run", "db", "hub", "simulate", "keys", "cameras", "units")
DEFAULT = "run"


def _load(name: str) -> ModuleType:
    return importlib.import_module(f"dispatch_desktop.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispatch-desktop",
        description="指挥调度台 Dispatch Desktop — police command-and-dispatch workstation. "
        f"Without a subcommand it runs '{DEFAULT}'.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = _load(name)
        except ModuleNotFoundError as error:
            if error.name == f"dispatch_desktop.commands.{name}":
                continue  # not built yet in this checkout
            raise
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "-v", "--verbose")):
        argv.insert(0, DEFAULT)
    elif argv[0] in ("-v", "--verbose") and (len(argv) == 1 or argv[1].startswith("-")):
        argv.insert(1, DEFAULT)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)  # a line per migration plugin otherwise
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except DataDirError as error:  # any command may need the data dir: one message, not a traceback
        print(f"dispatch-desktop: {error}", file=sys.stderr)
        return 2
    except Refused as refusal:  # the store is not what --db promised (see storage_checks)
        print(f"dispatch-desktop {args.command}: {refusal}", file=sys.stderr)
        return refusal.exit_code


if __name__ == "__main__":
    sys.exit(main())
