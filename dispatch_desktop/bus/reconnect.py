"""Noticing that ZeroMQ made a socket's connection anew, so that a field unit says ``hello`` at once.

The hub sends a unit's orders to the connection on which it last heard from the unit (PROTOCOL.md
section 8.1). ZeroMQ reconnects a DEALER by itself — after the hub restarted, after the network
dropped — and tells only a socket monitor. A unit that sends nothing would otherwise be unknown on its
new connection until its next keep-alive ``hello``, and its pending orders would wait that long.

A monitor costs two more ZeroMQ sockets (one inside libzmq, the PAIR read here), two more file
descriptors and about 16 KB; ``FieldFleet`` therefore watches one socket per hub endpoint, not one
per unit (see there).
"""

from __future__ import annotations

import contextlib

import zmq
from zmq.utils.monitor import parse_monitor_message

from dispatch_desktop.bus.sockets import Socket

# The handshake, not the TCP connection (``EVENT_CONNECTED``): under ``ZMQ_IMMEDIATE`` nothing can be
# sent before the handshake is done. libzmq 4.3 reports it in plain mode as well as under CURVE.
_NEW_CONNECTION = zmq.EVENT_HANDSHAKE_SUCCEEDED


class ConnectionWatch:
    """A socket monitor on ``socket`` that reports each connection the socket completes: the first and
    every reconnection (a DEALER connected to one endpoint has one connection at a time, so every
    handshake after the first follows a lost connection). Read it when ``monitor`` is readable."""

    def __init__(self, socket: Socket) -> None:
        self.socket = socket
        self.monitor: Socket = socket.get_monitor_socket(_NEW_CONNECTION)

    def connections_made(self) -> int:
        """Connections completed since the last call, read without blocking."""
        made = 0
        while True:
            try:
                frames = self.monitor.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                return made
            if parse_monitor_message(frames)["event"] == _NEW_CONNECTION:
                made += 1

    def close(self) -> None:
        # The watched socket may be closed already; its monitor then stopped with it.
        with contextlib.suppress(zmq.ZMQError):
            self.socket.disable_monitor()
        self.monitor.close(linger=0)
