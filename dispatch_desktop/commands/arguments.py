"""Argument types shared by the subcommands: each rejects a bad value with a sentence saying why."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import datetime


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


def identifier(text: str) -> str:
    """An id that goes into event sources and incident numbers: letters, digits and ``_ . : -``."""
    if not re.fullmatch(r"[A-Za-z0-9_.:\-]{1,40}", text):
        raise argparse.ArgumentTypeError(
            f"{text!r}: use 1 to 40 letters, digits or _ . : - (it goes into incident numbers)")
    return text


def operator(text: str) -> str:
    """``"NAME BADGE"``: checked now, so a typo fails before the window opens."""
    from dispatch_desktop.controllers.operator import Operator, OperatorError

    try:
        return Operator.from_signature(text).signature
    except OperatorError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error} (expected a name, a space and the badge number)") from None


def time_zone(text: str) -> str:
    from dispatch_desktop.domain.localtime import UnknownTimeZone, load_zone

    try:
        load_zone(text)
    except UnknownTimeZone as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def sign_key(text: str) -> bytes:
    """``--sign-key FILE``: the shared signing key read from FILE, so a bad file fails before anything starts."""
    from dispatch_desktop.bus.signing import SignKeyError, read_sign_key

    try:
        return read_sign_key(text)
    except SignKeyError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


SIGN_KEY_HELP = ("sign every message with the shared key in FILE, and refuse messages it did not sign (plain TCP "
                 "on a trusted network; CurveZMQ needs none); write one with 'dispatch-desktop keys sign-key FILE'")


def local_time(text: str) -> int:
    """An ISO date and time as epoch ms; without a zone, in the command center's zone."""
    from dispatch_desktop.domain.localtime import zone

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time: write it as 2026-12-01T18:00 (ISO 8601)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone())
    return round(moment.timestamp() * 1000)
