"""Argument types shared by the subcommands: each rejects a bad value with a sentence saying why."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def endpoint(text: str) -> str:
    if not text.startswith(("tcp://", "ipc://", "inproc://")):
        raise argparse.ArgumentTypeError(f"expected a ZeroMQ endpoint like tcp://10.0.0.5:5555, got {text!r}")
    return text


def _number(kind: type[int] | type[float], text: str) -> float:
    try:
        return kind(text)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None


def positive(kind: type[int] | type[float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = _number(kind, text)
        if not value > 0:  # also rejects nan
            raise argparse.ArgumentTypeError(f"must be greater than 0, got {text}")
        return value

    return parse


def not_negative(kind: type[int] | type[float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = _number(kind, text)
        if not value >= 0:
            raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
        return value

    return parse
