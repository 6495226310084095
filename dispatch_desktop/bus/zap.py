"""A ZAP handler (RFC 27) that knows roles: which keys may connect to which hub socket, as whom.

pyzmq's ``ThreadAuthenticator`` answers "is this key allowed", but the hub also needs to know *who* the
key belongs to and *what* it may do, and must pick up revocations without a restart. This handler
answers each CURVE handshake from the live ``KeyRing``:

- the ZAP domain names the socket: ``field`` accepts unit keys, ``workstation`` workstation keys;
- a successful reply sets the connection's User-Id to the key's name (a unit id or workstation id) and
  adds the metadata property ``X-Key`` (the Z85 public key), which the hub reads from each message's
  first frame to bind the connection to an identity and to notice a revocation.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import zmq
from zmq.utils import z85

from dispatch_desktop.bus.keys import KeyRing, Kind
from dispatch_desktop.bus.ratelog import RateLimitedLog
from dispatch_desktop.bus.sockets import Context, Socket

log = logging.getLogger(__name__)

ZAP_ENDPOINT = "inproc://zeromq.zap.01"
FIELD_DOMAIN = b"field"
WORKSTATION_DOMAIN = b"workstation"
DOMAIN_KINDS = {FIELD_DOMAIN: Kind.UNIT, WORKSTATION_DOMAIN: Kind.WORKSTATION}
KEY_PROPERTY = "X-Key"


def _metadata(properties: dict[str, bytes]) -> bytes:
    """ZMTP metadata encoding: name length (1 byte), name, value length (4 bytes, big endian), value."""
    out = bytearray()
    for name, value in properties.items():
        encoded = name.encode("ascii")
        out += bytes([len(encoded)]) + encoded + len(value).to_bytes(4, "big") + value
    return bytes(out)


class ZapHandler:
    """Serves ZAP requests for one ``zmq.Context`` on a thread of its own."""

    def __init__(self, context: Context, keyring: KeyRing,
                 on_denied: Callable[[str], None] | None = None) -> None:
        self.context = context
        self.keyring = keyring
        self.on_denied = on_denied
        self._socket: Socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._log = RateLimitedLog(log)

    def start(self) -> None:
        """Bind the ZAP endpoint before any CURVE socket is bound, then serve on a daemon thread."""
        socket = self.context.socket(zmq.REP)
        socket.linger = 0
        socket.bind(ZAP_ENDPOINT)
        self._socket = socket
        self._thread = threading.Thread(target=self._serve, name="dispatch-zap", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _serve(self) -> None:
        assert self._socket is not None
        socket = self._socket
        try:
            while not self._stop.is_set():
                if not socket.poll(100):
                    continue
                request = socket.recv_multipart()
                socket.send_multipart(self.answer(request))
        finally:
            socket.close(linger=0)

    def answer(self, request: list[bytes]) -> list[bytes]:
        if len(request) < 6:
            return [b"1.0", b"", b"500", b"malformed ZAP request", b"", b""]
        version, request_id, domain, address, _routing, mechanism, *credentials = request
        if version != b"1.0":
            return [b"1.0", request_id, b"500", b"unsupported ZAP version", b"", b""]
        peer = address.decode("ascii", "replace")
        if mechanism != b"CURVE" or len(credentials) != 1 or len(credentials[0]) != 32:
            return self._deny(request_id, "not a CURVE handshake", peer)
        public_key = z85.encode(credentials[0])
        self.keyring.refresh()
        cert = self.keyring.by_key(public_key)
        if cert is None:
            return self._deny(request_id, f"unknown key {public_key.decode('ascii')}", peer)
        if DOMAIN_KINDS.get(domain) is not cert.kind:
            return self._deny(request_id, f"{cert.kind.value} key {cert.name} on the {domain.decode()} socket",
                              peer)
        metadata = _metadata({KEY_PROPERTY: public_key})
        return [b"1.0", request_id, b"200", b"OK", cert.name.encode("ascii"), metadata]

    def _deny(self, request_id: bytes, why: str, peer: str) -> list[bytes]:
        self._log.warning("auth_denied", "refused connection from %s: %s", peer, why)
        if self.on_denied is not None:
            self.on_denied(why)
        return [b"1.0", request_id, b"400", why.encode("utf-8")[:255], b"", b""]
