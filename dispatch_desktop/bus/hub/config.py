"""What a hub is given: where it listens, how it knows who is at the other end, and the store it
writes through (as the narrow protocols the hub needs, so that the bus never imports the store)."""

from __future__ import annotations

import errno
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeAlias

import zmq

from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import State

HUB_SOURCE = "hub"
"""The source of the hub's own events (registrations, order deliveries)."""

Socket: TypeAlias = "zmq.Socket[bytes]"


class Appended(Protocol):
    gseq: int
    duplicate: bool


class EventLog(Protocol):
    """What the hub needs from ``dispatch_desktop.store.EventStore``."""

    def high_waters(self) -> dict[str, int]: ...

    def last_gseq(self) -> int: ...

    def get(self, source: str, seq: int) -> tuple[int, ev.Envelope] | None: ...

    def state_at(self, gseq: int | None = None, time_ms: int | None = None, mode: Mode = Mode.LIVE, *,
                 drill_start: int | None = None) -> State:
        """The state after every event up to ``gseq``; with ``drill_start``, the state of the drill opened at
        that gseq (what a hub restarted mid-drill takes up)."""
        ...

    def read(self, after_gseq: int = 0, limit: int | None = None) -> Iterator[tuple[int, ev.Envelope]]: ...

    def read_plugin_events(self, after_gseq: int = 0, upto: int | None = None, plugins: Collection[str] = (),
                           limit: int | None = None) -> Iterator[tuple[int, ev.Envelope]]: ...


class StateProjector(Protocol):
    """What the hub needs from ``dispatch_desktop.store.Projector``."""

    @property
    def state(self) -> State: ...

    def append(self, events: Sequence[ev.Envelope]) -> tuple[list[Any], State]: ...


@dataclass(frozen=True)
class CurveSecurity:
    """CurveZMQ with per-unit and per-workstation keys from a key directory (see ``bus.keys``)."""

    keys_dir: Path


@dataclass(frozen=True)
class PlainSecurity:
    """No encryption, no authentication: in-process use and tests only. Workstation roles come from
    ``roles`` (default dispatcher; a telephony gateway must be named here); any connection may report as
    any unit."""

    roles: Mapping[str, Role] = field(default_factory=dict)


Security = CurveSecurity | PlainSecurity


@dataclass(frozen=True)
class Endpoints:
    field: str
    workstation: str
    publish: str


class CannotListen(OSError):
    """A hub socket cannot be bound: its port is taken, or its address is not this machine's. The hub
    does not start (``Hub.start`` and ``Hub.run`` raise this), rather than run without that socket."""

    _HINTS: ClassVar[dict[int, str]] = {
        zmq.EADDRINUSE: "is another hub running?",
        zmq.EADDRNOTAVAIL: "is it an address of this machine?",
        errno.EACCES: "a port below 1024 needs privileges",
    }

    def __init__(self, endpoint: str, error: zmq.ZMQError) -> None:
        self.endpoint = endpoint
        code = error.errno or 0
        # zmq.strerror, not str(error): without the "(addr=…)" pyzmq adds, as the endpoint comes first
        reason = zmq.strerror(code) if code else str(error)
        reason = reason[:1].lower() + reason[1:]
        hint = self._HINTS.get(code)
        super().__init__(code, f"cannot listen on {endpoint}: {reason}" + (f" ({hint})" if hint else ""))

    def __str__(self) -> str:
        return str(self.strerror)


def next_port(endpoint: str, offset: int) -> str:
    """The hub's sockets sit on consecutive ports: field, workstation (+1), publish (+2)."""
    base, _, port = endpoint.rpartition(":")
    if not endpoint.startswith("tcp://") or not port.isdigit():
        raise ValueError(f"hub endpoint {endpoint!r} is not of the form tcp://HOST:PORT")
    return f"{base}:{int(port) + offset}"
