"""``dispatch-desktop``: one command, a subcommand per job.

Each subcommand lives in ``dispatch_desktop/commands/<name>.py`` and exposes ``HELP`` (one line),
``add_arguments(parser)`` and ``run(args) -> int``. Listing them here (not discovering them) keeps the
start-up cheap and the help text in a stable order.

Any other first word is looked up among the enabled plugins' ``[[commands]]``
(``dispatch_desktop.extensions.plugin_cli``); the plugins are discovered only then, and for ``--help``.
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

SUBCOMMANDS = ("run", "db", "hub", "simulate", "keys", "cameras", "units", "plugins", "replay", "drill",
               "analytics")
"""The built-in subcommands; a plugin's command may not take one of these names (its manifest is refused)."""
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


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)  # a line per migration plugin otherwise


def _plugin_command(argv: list[str]) -> tuple[str, list[str], bool] | None:
    """(command, its arguments, verbose) when the first word is not a built-in subcommand."""
    verbose = bool(argv) and argv[0] in ("-v", "--verbose")
    words = argv[1:] if verbose else argv
    if not words or words[0].startswith("-") or words[0] in SUBCOMMANDS:
        return None
    return words[0], words[1:], verbose


def _plugin_commands_help() -> str:
    """The enabled plugins' commands, for the end of ``--help`` (a broken plugin never breaks the help)."""
    try:
        from dispatch_desktop.extensions.discovery import discover
        from dispatch_desktop.extensions.plugin_cli import enabled_commands
        from dispatch_desktop.extensions.state import PluginStates
        from dispatch_desktop.extensions.status import plugin_statuses

        commands = enabled_commands(plugin_statuses(discover(), PluginStates.load()))
    except Exception as error:  # e.g. an unreadable config dir: say so, and show the rest of the help
        return f"(the plugins' commands cannot be listed: {error})"
    if not commands:
        return ""
    lines = [f"  {spec.name:<20} {spec.help} (plugin {plugin_id})" for spec, plugin_id in commands]
    return "commands of the enabled plugins:\n" + "\n".join(lines)


def _run_plugin_command(command: str, arguments: list[str], verbose: bool) -> int | None:
    from dispatch_desktop.extensions.plugin_cli import run_plugin_command

    _configure_logging(verbose)
    try:
        return run_plugin_command(command, arguments, verbose=verbose)
    except DataDirError as error:
        print(f"dispatch-desktop: {error}", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    plugin_command = _plugin_command(argv)
    if plugin_command is not None:
        code = _run_plugin_command(*plugin_command)
        if code is not None:
            return code  # else no plugin has it: argparse says it is not a command
    parser = build_parser()
    if argv and argv[0] in ("-h", "--help"):
        parser.epilog = _plugin_commands_help() or None
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "-v", "--verbose")):
        argv.insert(0, DEFAULT)
    elif argv[0] in ("-v", "--verbose") and (len(argv) == 1 or argv[1].startswith("-")):
        argv.insert(1, DEFAULT)
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
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
