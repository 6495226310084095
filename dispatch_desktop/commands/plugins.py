"""``dispatch-desktop plugins``: the installed plugins and their status (``list``), a plugin's source
checked before it is installed (``validate PATH``), and the user's choice per plugin (``enable`` /
``disable ID``, which the plugin manager of the desk shows and changes too; effective at the desk's next
start).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the plugin host is imported when a plugins command runs, not for every command's --help
    from dispatch_desktop.extensions.state import PluginStates
    from dispatch_desktop.extensions.status import PluginStatus

HELP = "list the installed plugins and their status, check a plugin's source, enable or disable a plugin"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each installed plugin: id, name, version, API range and status",
                                 description="Each installed plugin with its id, name, version, the API versions "
                                             "it supports and its status, with the reason under a plugin that "
                                             "will not start.")
    listing.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    validate = actions.add_parser("validate", help="check a plugin's manifest and the code it names",
                                  description="Check a plugin's manifest and import the code it names (module, "
                                              "factories, handlers, event schemas, settings), reporting every "
                                              "problem. Exit status 0 when there is none, else 1.")
    validate.add_argument("path", type=Path, metavar="PATH",
                          help="the plugin's source folder, its package folder or its dispatch_plugin.toml")
    for action, verb in (("enable", "start"), ("disable", "not start")):
        choice = actions.add_parser(action, help=f"make a plugin {verb} with your desks (from the next start)")
        choice.add_argument("plugin_id", metavar="ID", help="the plugin's id, as 'plugins list' shows it")


def run(args: argparse.Namespace) -> int:
    if args.action == "validate":
        return _validate(args.path)
    from dispatch_desktop.extensions.discovery import discover
    from dispatch_desktop.extensions.state import PluginStates
    from dispatch_desktop.extensions.status import plugin_statuses

    states = PluginStates.load()
    if states.warning:
        print(f"dispatch-desktop plugins: {states.warning}", file=sys.stderr)
    statuses = plugin_statuses(discover(), states)
    if args.action == "list":
        print(_as_json(statuses) if args.json else _as_table(statuses))
        return 0
    return _choose(args.action, args.plugin_id, statuses, states)


def _as_table(statuses: list[PluginStatus]) -> str:
    if not statuses:
        return "No plugins are installed."
    rows = [("ID", "NAME", "VERSION", "API", "STATUS")]
    rows += [(s.id, s.name or "-", s.version or "-", s.api or "-", str(s.status)) for s in statuses]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for row, status in zip(rows, [None, *statuses], strict=True):
        lines.append("  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[4]]))
        if status is not None and status.detail:
            lines += [f"    {line}" for line in status.detail.splitlines()]
    return "\n".join(lines)


def _as_json(statuses: list[PluginStatus]) -> str:
    return json.dumps([
        {"id": s.id, "name": s.name, "version": s.version, "api": s.api, "status": str(s.status),
         "detail": s.detail, "distribution": s.plugin.distribution if s.plugin else "",
         "distribution_version": s.plugin.distribution_version if s.plugin else "",
         "entry_point": s.plugin.entry_point if s.plugin else ""}
        for s in statuses], ensure_ascii=False, indent=2)


def _choose(action: str, plugin_id: str, statuses: list[PluginStatus], states: PluginStates) -> int:
    from dispatch_desktop.extensions.state import PluginStateError
    from dispatch_desktop.extensions.status import Status

    prefix = f"dispatch-desktop plugins {action}"
    status = next((s for s in statuses if s.id == plugin_id), None)
    if status is None:
        known = ", ".join(s.id for s in statuses) or "none is installed"
        print(f"{prefix}: there is no plugin {plugin_id!r} (installed: {known}).", file=sys.stderr)
        return 1
    if action == "enable":
        states.enable(plugin_id)
    else:
        states.disable(plugin_id)
    try:
        states.save()
    except PluginStateError as error:
        print(f"{prefix}: {error}", file=sys.stderr)
        return 1
    print(f"{plugin_id} {action}d; the change applies when a desk next starts.")
    if action == "enable" and status.status not in (Status.ENABLED, Status.DISABLED, Status.CRASHED):
        print(f"It still will not start: {status.status}. {status.detail}".rstrip(), file=sys.stderr)
    return 0


def _validate(path: Path) -> int:
    from dispatch_desktop.extensions.validate import validate_plugin

    result = validate_plugin(path)
    for problem in result.problems:
        print(problem)
    manifest = result.manifest
    name = f"{manifest.id} {manifest.version}" if manifest else str(path)
    if result.ok:
        print(f"{name}: no problems found.")
        return 0
    count = len(result.problems)
    print(f"{name}: {count} problem{'s' if count > 1 else ''}.", file=sys.stderr)
    return 1
