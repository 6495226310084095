"""What a plugin's command-line subcommand gets besides its arguments (Qt-free, like the command line).

A manifest's ``[[commands]]`` entry makes ``dispatch-desktop <name> ...`` call the plugin's
``main(argv: list[str], cli: CliContext) -> int``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import msgspec


class CliContext(Protocol):
    @property
    def plugin_id(self) -> str: ...

    @property
    def command(self) -> str:
        """The subcommand's name, as typed."""

    @property
    def data_dir(self) -> Path:
        """The plugin's own folder in the user's data dir (the desk's ``DeskContext.data_dir``)."""

    @property
    def settings(self) -> msgspec.Struct | None:
        """The user's settings for the plugin (defaults where none are stored); None if it declares none."""

    @property
    def database_url(self) -> str:
        """The event store the desk uses by default (a command may offer its own ``--db``)."""

    @property
    def verbose(self) -> bool:
        """``dispatch-desktop -v`` was given."""
