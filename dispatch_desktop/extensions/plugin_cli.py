"""Plugins' own subcommands: ``dispatch-desktop <command> ...`` for each ``[[commands]]`` of an enabled
plugin. The entry is imported only when its command is typed, and called as ``main(argv, cli) -> int``
with the arguments after the command's name and a ``CliContext``. A command that raises is reported in
one sentence naming the plugin (the traceback with ``-v``), never as a traceback storm; ``sys.exit(n)``
in it ends the command with ``n``, as for any command line program.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import msgspec

from dispatch_desktop import paths as desk_paths
from dispatch_desktop.extensions import paths
from dispatch_desktop.extensions.discovery import discover
from dispatch_desktop.extensions.manifest import CommandSpec, Manifest
from dispatch_desktop.extensions.references import LoadError, load_reference
from dispatch_desktop.extensions.settings import PluginSettings, SettingsError, settings_schema
from dispatch_desktop.extensions.state import PluginStates
from dispatch_desktop.extensions.status import PluginStatus, Status, plugin_statuses

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CliContext:
    """What a plugin's command gets besides its arguments; Qt-free, like the command line.

    - ``plugin_id``, ``command``: whose command runs, and under which name;
    - ``data_dir``: the plugin's own folder in the user's data dir (the desk's ``DeskContext.data_dir``);
    - ``settings``: the user's stored settings for the plugin (its manifest's struct, defaults where none
      are stored), None if it declares none;
    - ``database_url``: the event store the desk uses by default (a command may offer its own ``--db``);
    - ``verbose``: ``dispatch-desktop -v`` was given.
    """

    plugin_id: str
    command: str
    data_dir: Path
    settings: msgspec.Struct | None
    database_url: str
    verbose: bool = False


def command_owners(name: str, statuses: Sequence[PluginStatus]) -> list[tuple[PluginStatus, CommandSpec]]:
    """The plugins (with a readable manifest) that declare the command ``name``, whatever their status."""
    return [(status, spec) for status in statuses if status.plugin and status.plugin.manifest
            for spec in status.plugin.manifest.commands if spec.name == name]


def enabled_commands(statuses: Sequence[PluginStatus]) -> list[tuple[CommandSpec, str]]:
    """(command, plugin id) of every enabled plugin, for the help text."""
    return [(spec, status.id) for status in statuses if status.status is Status.ENABLED and status.plugin
            and status.plugin.manifest for spec in status.plugin.manifest.commands]


def run_plugin_command(name: str, argv: Sequence[str], verbose: bool = False) -> int | None:
    """Runs the plugin command ``name``; None when no installed plugin declares it (not ours to answer)."""
    statuses = plugin_statuses(discover(), PluginStates.load())
    owners = command_owners(name, statuses)
    if not owners:
        return None
    enabled = [(status, spec) for status, spec in owners if status.status is Status.ENABLED]
    prefix = f"dispatch-desktop {name}"
    if len(enabled) > 1:
        plugins = " and ".join(status.id for status, _ in enabled)
        print(f"{prefix}: the plugins {plugins} both declare this command; disable all but one "
              "(dispatch-desktop plugins disable ID).", file=sys.stderr)
        return 2
    if not enabled:
        status = owners[0][0]
        print(f"{prefix}: this is a command of plugin {status.id}, which is {status.status}: {status.detail}",
              file=sys.stderr)
        return 2
    status, spec = enabled[0]
    assert status.plugin is not None and status.plugin.manifest is not None
    return _run(status.plugin.manifest, spec, list(argv), verbose)


def _run(manifest: Manifest, spec: CommandSpec, argv: list[str], verbose: bool) -> int:
    prefix = f"dispatch-desktop {spec.name}"
    try:
        entry = load_reference(spec.entry)
        schema = settings_schema(manifest)
    except (LoadError, SettingsError) as error:
        _report(prefix, f"plugin {manifest.id} cannot run it: {error}", error, verbose)
        return 1
    if not callable(entry):
        print(f"{prefix}: plugin {manifest.id} cannot run it: {spec.entry} is not callable.", file=sys.stderr)
        return 1
    settings = None
    if schema is not None:
        store = PluginSettings(manifest.id, schema)
        settings = store.load()
        if store.warning:
            print(f"{prefix}: {store.warning}", file=sys.stderr)
    cli = CliContext(plugin_id=manifest.id, command=spec.name, data_dir=paths.plugin_data_dir(manifest.id),
                     settings=settings, database_url=desk_paths.default_database_url(), verbose=verbose)
    return _call(prefix, manifest.id, entry, argv, cli)


def _call(prefix: str, plugin_id: str, entry: Callable[..., object], argv: list[str], cli: CliContext) -> int:
    try:
        result = entry(argv, cli)
    except SystemExit as exit_:  # the command's own argparse (usage errors: 2) or its sys.exit
        code = exit_.code
        if code is None or isinstance(code, int):
            return code or 0
        print(f"{prefix}: {code}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{prefix}: interrupted.", file=sys.stderr)
        return 130
    except Exception as error:
        _report(prefix, f"the command of plugin {plugin_id} failed: {type(error).__name__}: {error}", error,
                cli.verbose)
        return 1
    return result if isinstance(result, int) and not isinstance(result, bool) else 0


def _report(prefix: str, message: str, error: BaseException, verbose: bool) -> None:
    print(f"{prefix}: {message}", file=sys.stderr)
    if verbose:
        log.error("the traceback:", exc_info=error)
    else:
        print(f"{prefix}: run 'dispatch-desktop -v {prefix.split()[-1]} ...' for the traceback.", file=sys.stderr)
