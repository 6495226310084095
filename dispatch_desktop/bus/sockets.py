"""The pyzmq types of the bus's sockets, spelled once: plain (not asyncio) sockets, whose messages are
bytes, and the contexts that make them."""

from __future__ import annotations

from typing import TypeAlias

import zmq

Socket: TypeAlias = "zmq.Socket[bytes]"
Context: TypeAlias = "zmq.Context[zmq.Socket[bytes]]"
