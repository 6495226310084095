"""``FieldFleet``: many ``FieldClient``s driven from one thread with one poller, and told when the hub's
connection is made anew (see the class)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import zmq

from dispatch_desktop.bus.limits import raise_open_file_limit
from dispatch_desktop.bus.reconnect import ConnectionWatch
from dispatch_desktop.bus.sockets import Context, Socket

if TYPE_CHECKING:
    from dispatch_desktop.bus.field import FieldClient


class FieldFleet:
    """Drives many ``FieldClient``s from one thread with one poller (a simulator's ~1,100 units, up to
    11,000 officers).

    It watches one client's socket per hub endpoint with a socket monitor (``ConnectionWatch``) and,
    whenever that socket completes a connection, has every unit on the endpoint say ``hello`` (each as
    soon as its own socket is connected again: a hello that cannot go out is retried every 100 ms), so
    that the hub learns their new connections and sends their pending orders at once. What makes a
    fleet reconnect — the hub restarting, the network dropping — hits all its connections to one hub
    together, so one watched socket speaks for all. A monitor on every unit would triple the fleet's
    ZeroMQ sockets, double its file descriptors and add about 16 KB a unit (180 MB for 11,000) for
    nothing more. A fleet of one watches exactly its own unit; a unit whose connection alone was made
    anew, unseen by the watch, is known again at its next report or keep-alive ``hello``.
    """

    def __init__(self, clients: Iterable[FieldClient] = (), *,
                 context: Context | None = None) -> None:
        self.context: Context = context or zmq.Context()
        # ~1,100 handsets need more sockets than ZeroMQ's default limit of 1,023 per context (a limit
        # fixed when the context makes its first socket: pass a fresh context or none), and more file
        # descriptors than many systems allow by default.
        if self.context.get(zmq.MAX_SOCKETS) < 8192:
            self.context.set(zmq.MAX_SOCKETS, 8192)
        raise_open_file_limit()
        self._clients: dict[str, FieldClient] = {}
        self._by_socket: dict[Socket, FieldClient] = {}
        self._poller = zmq.Poller()
        self._next_resend = 0.0
        self._watches: dict[str, ConnectionWatch] = {}  # by endpoint
        self._endpoint_of_monitor: dict[Socket, str] = {}
        for client in clients:
            self.add(client)

    def add(self, client: FieldClient) -> FieldClient:
        self._clients[client.unit] = client
        self._by_socket[client.socket] = client
        self._poller.register(client.socket, zmq.POLLIN)
        if client.endpoint not in self._watches:
            self._watch(client)
        return client

    def remove(self, unit: str) -> None:
        client = self._clients.pop(unit)
        self._poller.unregister(client.socket)
        del self._by_socket[client.socket]
        watch = self._watches.get(client.endpoint)
        if watch is not None and watch.socket is client.socket:
            self._unwatch(client.endpoint)
            successor = next((c for c in self._clients.values() if c.endpoint == client.endpoint), None)
            if successor is not None:
                self._watch(successor)
        client.close()

    def _watch(self, client: FieldClient) -> None:
        watch = self._watches[client.endpoint] = ConnectionWatch(client.socket)
        self._endpoint_of_monitor[watch.monitor] = client.endpoint
        self._poller.register(watch.monitor, zmq.POLLIN)

    def _unwatch(self, endpoint: str) -> None:
        watch = self._watches.pop(endpoint)
        self._poller.unregister(watch.monitor)
        del self._endpoint_of_monitor[watch.monitor]
        watch.close()

    def _connections_made(self, endpoint: str) -> None:
        if self._watches[endpoint].connections_made():
            for client in self._clients.values():
                if client.endpoint == endpoint:
                    client.connection_made()
            self._next_resend = 0.0  # say hello in this very poll

    def client(self, unit: str) -> FieldClient:
        return self._clients[unit]

    def __iter__(self) -> Iterator[FieldClient]:
        return iter(self._clients.values())

    def __len__(self) -> int:
        return len(self._clients)

    def poll(self, timeout: float = 0.0) -> int:
        """Wait up to ``timeout`` s for the hub, handle everything that arrived, resend what is due
        (checked at most every 100 ms). Returns the number of messages handled."""
        handled = 0
        for socket, _event in self._poller.poll(int(timeout * 1000)):
            client = self._by_socket.get(socket)
            if client is not None:
                handled += client.pump()
            else:
                self._connections_made(self._endpoint_of_monitor[socket])
        now = time.monotonic()
        if now >= self._next_resend:
            self._next_resend = now + 0.1
            for client in self._clients.values():
                if client.due(now):
                    client.resend_due(now)
        return handled

    def unacked(self) -> int:
        return sum(c.unacked for c in self._clients.values())

    def run_until(self, done: Callable[[], bool], timeout: float) -> bool:
        """Poll until ``done()`` or ``timeout`` s; returns ``done()``."""
        deadline = time.monotonic() + timeout
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                return done()
            self.poll(min(left, 0.05))
        return True

    def close(self) -> None:
        for endpoint in list(self._watches):
            self._unwatch(endpoint)
        for client in list(self._clients.values()):
            client.close()
        self._clients.clear()
        self._by_socket.clear()
        self._poller = zmq.Poller()

    def __enter__(self) -> FieldFleet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
