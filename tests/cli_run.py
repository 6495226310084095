"""The command line run in the test's own process (a fresh process costs seconds of imports): its exit
status and output. Used by the command tests' ``cli`` fixtures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

import pytest

from dispatch_desktop.cli import main
from dispatch_desktop.domain import localtime


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def cli_runner(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., Ran]]:
    """A fixture's body: ``yield from cli_runner(capsys)``. The time zone a command sets is put back."""
    zone = localtime.zone()

    def run(*words: str) -> Ran:
        try:
            code = main(list(words))
        except SystemExit as exit_:  # argparse's refusal of a bad argument
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    try:
        yield run
    finally:
        localtime.set_zone(str(zone))
