"""Shared set-up for the bus tests: hubs on random loopback ports, stores, keys, raw sockets.

Hubs run in-process on their own thread (or as a subprocess in the SIGKILL test) and always bind
``tcp://127.0.0.1:*`` so parallel test runs never collide. Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
import pytest
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.area import BBoxArea
from dispatch_desktop.bus.hub import CurveSecurity, Endpoints, Hub, PlainSecurity
from dispatch_desktop.bus.keys import ClientCurve, KeyDirectory, Kind, Role
from dispatch_desktop.bus.session import Session
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, UnitKind
from tests.bus.fakestore import FakeProjector, FakeStore
from tests.postgres import BACKENDS, POSTGRES_URL, PostgresSchemas, new_url

__all__ = ["new_url"]  # the fixture: a new database of each backend, for a hub in a process of its own

ANY = "tcp://127.0.0.1:*"
UNITS = ("P-0001", "P-0002", "P-0003")
AREA = BBoxArea(south=22.5, west=112.9, north=23.95, east=114.1)
INSIDE = (23.12, 113.26)


def now_ms() -> int:
    return int(time.time() * 1000)


def roster(units: tuple[str, ...] | list[str] = UNITS) -> list[ev.UnitRegistered]:
    return [ev.UnitRegistered(unit=u, unit_kind=UnitKind.PATROL_GROUP, station="S-1", name=u) for u in units]


def incident(incident_id: str = "J-1") -> ev.IncidentCreated:
    return ev.IncidentCreated(
        incident=incident_id, call_time=now_ms(), caller_number="13800000000", lat=INSIDE[0], lon=INSIDE[1],
        address="天河路 1 号", district="440106", station="S-440106-01", incident_type="theft", priority=2,
        category=Category.POLICE,
    )


def wait_for(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.01) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {predicate}")
        time.sleep(interval)


def real_store_available() -> bool:
    try:
        from dispatch_desktop.store import EventStore, Projector  # noqa: F401
    except ImportError:
        return False
    return True


def open_store(path: Path, *, real: bool | None = None) -> tuple[Any, Any]:
    """(store, projector): the real SQLite store when it exists (or when ``real``), else the fake."""
    if real or (real is None and real_store_available()):
        from dispatch_desktop.store import EventStore, Projector

        store = EventStore.open(f"sqlite:///{path / 'events.sqlite3'}")
        return store, Projector(store)
    store = FakeStore()
    return store, FakeProjector(store)


@dataclass
class Running:
    hub: Hub
    store: Any
    projector: Any
    endpoints: Endpoints
    keys: KeyDirectory | None

    def credentials(self, name: str) -> ClientCurve:
        assert self.keys is not None
        return self.keys.client_credentials(name)

    def stored(self) -> list[tuple[int, ev.Envelope]]:
        return list(self.store.read())


@pytest.fixture
def keys(tmp_path: Path) -> KeyDirectory:
    directory = KeyDirectory(tmp_path / "keys")
    for unit in UNITS:
        directory.create(unit, Kind.UNIT)
    directory.create("ws-01", Kind.WORKSTATION, Role.DISPATCHER)
    directory.create("ws-02", Kind.WORKSTATION, Role.DISPATCHER)
    directory.create("ws-sup", Kind.WORKSTATION, Role.SUPERVISOR)
    return directory


class HubFactory:
    """``make_hub(...)``: starts a hub and stops it at the end of the test. Its store is the fake or the
    real SQLite one (``open_store``), or, when the test is marked ``on_both_backends``, a real store on
    a new database of the parametrised backend: SQLite, then PostgreSQL."""

    def __init__(self, tmp_path: Path, backend: str | None) -> None:
        self.tmp_path = tmp_path
        self.backend = backend
        self.hubs: list[Hub] = []
        self.stores: list[Any] = []
        self.schemas = PostgresSchemas(POSTGRES_URL) if backend == "postgresql" else None

    def open_store(self, *, real: bool | None = None) -> tuple[Any, Any]:
        """(store, projector) for a hub of this test, closed at its end."""
        if self.backend is None:
            return open_store(self.tmp_path, real=real)
        from dispatch_desktop.store import EventStore, Projector

        if self.schemas is not None:
            url = self.schemas.new_url()
        else:
            url = f"sqlite:///{self.tmp_path / f'events-{len(self.stores)}.sqlite3'}"
        store = EventStore.open(url)
        self.stores.append(store)
        return store, Projector(store)

    def __call__(self, *, keys: KeyDirectory | None = None, store: tuple[Any, Any] | None = None,
                 units: tuple[str, ...] | list[str] = UNITS, real: bool | None = None,
                 roles: dict[str, Role] | None = None, **options: Any) -> Running:
        store_, projector = store or self.open_store(real=real)
        options.setdefault("area", AREA)
        hub = Hub(
            store_, projector=projector,
            security=CurveSecurity(keys.root) if keys is not None else PlainSecurity(roles or {}),
            blob_dir=self.tmp_path / "blobs", field_endpoint=ANY, workstation_endpoint=ANY, publish_endpoint=ANY,
            bootstrap=roster(units), **options,
        )
        self.hubs.append(hub)
        endpoints = hub.start()
        return Running(hub, store_, projector, endpoints, keys)

    def close(self) -> None:
        """Hubs first: a PostgreSQL schema cannot be dropped under a hub that is still committing."""
        for hub in self.hubs:
            hub.stop()
        for store in self.stores:
            store.close()
        if self.schemas is not None:
            self.schemas.drop_all()


on_both_backends = pytest.mark.parametrize("make_hub", BACKENDS, indirect=True)
"""Runs a test's hubs on the real store over SQLite and over PostgreSQL (skipped, saying why, when
DISPATCH_TEST_POSTGRES_URL is unset)."""


@pytest.fixture
def make_hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HubFactory]:
    factory = HubFactory(tmp_path, getattr(request, "param", None))
    try:
        yield factory
    finally:
        factory.close()


class RawPeer:
    """A bare DEALER for sending exact frames and reading the hub's answers."""

    def __init__(self, endpoint: str, curve: ClientCurve | None = None, session: Session | None = None) -> None:
        self.context = zmq.Context()
        self.socket = self.context.socket(zmq.DEALER)
        self.socket.linger = 0
        if curve is not None:
            curve.apply(self.socket)
        self.socket.connect(endpoint)
        self.session = session or Session()

    def send(self, frames: list[bytes]) -> None:
        self.socket.send_multipart(frames)

    def report(self, event: ev.Envelope, msg_type: bytes = p.REPORT) -> None:
        self.send([self.session.frame(msg_type, codec.encode(event))])

    def receive(self, timeout: float = 5.0) -> tuple[bytes, Any] | None:
        """(type, decoded payload) of the next message, or None after ``timeout`` s."""
        if not self.socket.poll(int(timeout * 1000)):
            return None
        frames = self.socket.recv_multipart()
        message = self.session.parse(frames)
        return message.type, msgspec.msgpack.decode(message.payload)

    def answer(self, timeout: float = 5.0) -> tuple[bytes, Any]:
        """The next ACK or NACK (skipping orders and welcomes)."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            got = self.receive(left)
            if got is not None and got[0] in (p.ACK, p.NACK):
                return got
        raise AssertionError("no ACK or NACK from the hub")

    def close(self) -> None:
        self.socket.close(linger=0)
        self.context.term()


@pytest.fixture
def raw_peers() -> Iterator[Callable[..., RawPeer]]:
    peers: list[RawPeer] = []

    def factory(endpoint: str, curve: ClientCurve | None = None) -> RawPeer:
        peer = RawPeer(endpoint, curve)
        peers.append(peer)
        return peer

    yield factory
    for peer in peers:
        peer.close()


@pytest.fixture
def workstations() -> Iterator[Callable[..., WorkstationClient]]:
    """Workstation clients (a desk, or a telephony gateway) connected and synchronised to a hub."""
    clients: list[WorkstationClient] = []

    def factory(running: Running, name: str = "ws-01", **options: object) -> WorkstationClient:
        curve = running.credentials(name) if running.keys is not None else None
        client = WorkstationClient(name, command_endpoint=running.endpoints.workstation,
                                   publish_endpoint=running.endpoints.publish, curve=curve, **options)  # type: ignore[arg-type]
        clients.append(client)
        client.start()
        assert client.wait_synced(10)
        return client

    yield factory
    for client in clients:
        client.stop()


def hub_field_endpoint(hub: subprocess.Popen[str], timeout: float, *, also: str = "") -> str:
    """The field endpoint a ``dispatch-desktop hub`` subprocess says it bound (it logs it once its sockets
    are up, in a line that must also hold ``also``); its stderr is read on from a thread."""
    found: list[str] = []
    seen = threading.Event()

    def read() -> None:
        assert hub.stderr is not None
        for line in hub.stderr:
            match = re.search(r"hub \w+: field (tcp://[^,]+),", line)
            if match and also in line and not found:
                found.append(match.group(1))
                seen.set()

    threading.Thread(target=read, daemon=True).start()
    assert seen.wait(timeout), "the hub did not say where it listens"
    return found[0]


@contextlib.contextmanager
def hub_process(data_dir: Path, *options: str, also: str = "") -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``dispatch-desktop hub --plain --no-city`` with ``options`` on free loopback ports, its data dir
    ``data_dir``: (the process, its field endpoint). It is stopped with SIGTERM at the end, and must
    exit 0."""
    any_port = "tcp://127.0.0.1:*"
    command = [sys.executable, "-m", "dispatch_desktop.cli", "hub", "--plain", "--no-city", *options,
               "--bind", any_port, "--workstation-bind", any_port, "--publish-bind", any_port, "--stats-every", "0"]
    environment = {**os.environ, "DISPATCH_DESKTOP_DATA": str(data_dir)}
    hub = subprocess.Popen(command, cwd=Path(__file__).resolve().parents[2], env=environment,
                           stderr=subprocess.PIPE, text=True)
    try:
        yield hub, hub_field_endpoint(hub, timeout=60, also=also)
    finally:
        hub.send_signal(signal.SIGTERM)
        hub.wait(30)
    assert hub.returncode == 0
