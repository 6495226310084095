"""Peers and keys: who is at the other end of each connection, and what its key still allows.

Under CurveZMQ the ZAP handler (``bus.zap``) admits a connection whose key is authorized and tags it
with the key's name; the hub reads that name off the first frame of each new connection and keeps it
by routing id. Each message is then checked against the key ring as it is *now*, so a key revoked with
``dispatch-desktop keys revoke`` is refused on its next message, on a connection already open. In plain
mode there are no keys: every connection is the anonymous ``PLAIN`` peer, and a workstation's role
comes from ``PlainSecurity.roles``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub.config import PlainSecurity, Security, Socket
from dispatch_desktop.bus.keys import Certificate, KeyDirectory, KeyRing, Role
from dispatch_desktop.bus.zap import KEY_PROPERTY, ZapHandler

log = logging.getLogger(__name__)

_FORGET_ABOVE = 100_000  # routing ids remembered per socket


@dataclass(frozen=True, slots=True)
class Peer:
    name: str  # the key's name: the only source this connection may speak for ("" in plain mode)
    key: bytes  # its public key (Z85), to notice a key replaced under the same name


PLAIN = Peer("", b"")


class Peers:
    """The key ring (Curve) and the peer behind each routing id of each socket."""

    def __init__(self, security: Security, context: zmq.Context[Socket],
                 on_denied: Callable[[str], None]) -> None:
        self.security = security
        self.context = context
        self.on_denied = on_denied
        self.keyring: KeyRing | None = None
        self._zap: ZapHandler | None = None
        self._tables: dict[int, dict[bytes, Peer]] = {}

    def start(self) -> Certificate | None:
        """Load the keys and serve ZAP; returns the hub's certificate for its sockets (None: plain)."""
        if isinstance(self.security, PlainSecurity):
            log.warning("hub running WITHOUT authentication or encryption (plain mode)")
            return None
        self.keyring = KeyRing(Path(self.security.keys_dir) / "authorized")
        certificate = KeyDirectory(self.security.keys_dir).hub_certificate()
        self._zap = ZapHandler(self.context, self.keyring, on_denied=self.on_denied)
        self._zap.start()  # before any CURVE socket is bound
        return certificate

    def stop(self) -> None:
        if self._zap is not None:
            self._zap.stop()

    def refresh(self) -> None:
        """Take up keys created or revoked since the last call (cheap when nothing changed)."""
        if self.keyring is not None:
            self.keyring.refresh()

    def table(self, socket: Socket) -> dict[bytes, Peer]:
        """The peers known on ``socket``, by routing id (filled by ``identify``)."""
        return self._tables.setdefault(id(socket), {})

    def identify(self, frame: zmq.Frame, table: dict[bytes, Peer], rid: bytes) -> Peer:
        """The peer of a new routing id, from the metadata ZAP put on its frames (Curve only)."""
        if self.keyring is None:
            return PLAIN
        if len(table) > _FORGET_ABOVE:  # routing ids of closed connections are never reused: forget them
            table.clear()
        peer = Peer(str(frame.get("User-Id")), str(frame.get(KEY_PROPERTY)).encode("ascii"))
        table[rid] = peer
        return peer

    def authorize(self, peer: Peer) -> Role | None:
        """The peer's role if its key is still authorized (Curve); raises ``unauthorized`` if revoked."""
        if self.keyring is None:
            return None
        cert = self.keyring.by_name(peer.name)
        if cert is None or cert.public_key != peer.key:
            raise p.BusError("unauthorized", identity=peer.name)
        return cert.role

    def role(self, peer: Peer, source: str) -> Role | None:
        """The role a workstation message from ``peer`` claiming ``source`` is sent with."""
        role = self.authorize(peer) if peer.name else None
        if role is None and isinstance(self.security, PlainSecurity):
            role = self.security.roles.get(source, Role.DISPATCHER)
        return role

    def authorized_keys(self) -> int | None:
        return len(self.keyring) if self.keyring is not None else None
