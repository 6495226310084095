"""CurveZMQ key files: one key pair per unit and per workstation, and the hub's authorized-keys directory.

Files use the ZeroMQ certificate format that pyzmq's ``zmq.auth`` writes and reads (ZPL: a ``metadata``
section and a ``curve`` section), with the identity in the metadata::

    metadata
        name = "ws-01"
        kind = "workstation"
        role = "dispatcher"
    curve
        public-key = "…40 Z85 characters…"

A key directory ``DIR`` holds:

- ``DIR/hub.key`` / ``DIR/hub.key_secret`` — the hub's own certificate (clients need ``hub.key``);
- ``DIR/authorized/NAME.key`` — the public certificates the hub accepts (delete one to revoke it);
- ``DIR/private/NAME.key_secret`` — the secret certificates to hand to each unit or workstation.

``KeyRing`` is the hub's live view of ``DIR/authorized``: it re-reads the directory when its mtime
changes (checked before every batch and every handshake, one ``stat`` call) and in any case once a second,
so adding or revoking a key takes effect without a restart.
"""

from __future__ import annotations

import datetime
import enum
import logging
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import zmq

from dispatch_desktop.bus.sockets import Socket

log = logging.getLogger(__name__)

AUTHORIZED = "authorized"
PRIVATE = "private"
HUB_NAME = "hub"
_NAME = re.compile(r"^[A-Za-z0-9_.:\-]{1,64}$")


class Kind(enum.StrEnum):
    UNIT = "unit"
    WORKSTATION = "workstation"
    HUB = "hub"


class Role(enum.StrEnum):
    DISPATCHER = "dispatcher"
    COMMANDER = "commander"
    SUPERVISOR = "supervisor"  # read-only: sees everything, commands nothing
    TELEPHONY = "telephony"  # a telephony gateway: offers 110 calls and reports their end, nothing else


READ_ONLY_ROLES = frozenset({Role.SUPERVISOR})


class KeyFileError(ValueError):
    pass


@dataclass(frozen=True)
class Certificate:
    name: str
    kind: Kind
    role: Role | None
    public_key: bytes  # Z85, 40 bytes
    secret_key: bytes | None = None
    path: Path | None = None


# --- file format ------------------------------------------------------------------------------------


def write_certificate(path: Path, cert: Certificate, *, secret: bool) -> None:
    metadata = {"name": cert.name, "kind": cert.kind.value}
    if cert.role is not None:
        metadata["role"] = cert.role.value
    title = "ZeroMQ CURVE **Secret** Certificate" if secret else "ZeroMQ CURVE Public Certificate"
    lines = [
        f"#   ****  Generated on {datetime.datetime.now():%Y-%m-%d %H:%M:%S} by dispatch-desktop  ****",
        f"#   {title}",
        "",
        "metadata",
        *(f'    {key} = "{value}"' for key, value in metadata.items()),
        "curve",
        f'    public-key = "{cert.public_key.decode("ascii")}"',
    ]
    if secret:
        if cert.secret_key is None:
            raise KeyFileError(f"no secret key for {cert.name}")
        lines.append(f'    secret-key = "{cert.secret_key.decode("ascii")}"')
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside it and renamed into place: the hub's key ring (which rereads the folder) and a crash
    # half-way never see half a file. Secret files are owner-only from the start, not chmod-ed afterwards.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if secret else 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_certificate(path: Path) -> Certificate:
    """Parse a certificate file; raises ``KeyFileError`` if it is not a usable certificate."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(f"{path}: {error}") from None
    section = ""
    values: dict[str, dict[str, str]] = {"metadata": {}, "curve": {}}
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):  # not inline: Z85 keys may contain '#'
            continue
        if not line[0].isspace():
            section = line.strip()
            continue
        if "=" in line and section in values:
            key, value = line.split("=", 1)
            values[section][key.strip()] = value.strip().strip("\"'")
    public = values["curve"].get("public-key", "").encode("ascii", "replace")
    secret = values["curve"].get("secret-key", "").encode("ascii", "replace") or None
    if len(public) != 40 or (secret is not None and len(secret) != 40):
        raise KeyFileError(f"{path}: no valid Z85 curve key")
    meta = values["metadata"]
    name = meta.get("name") or path.name.split(".", 1)[0]
    if not _NAME.match(name):
        raise KeyFileError(f"{path}: invalid name {name!r}")
    try:
        kind = Kind(meta.get("kind", Kind.UNIT.value))
        role = Role(meta["role"]) if meta.get("role") else None
    except ValueError as error:
        raise KeyFileError(f"{path}: {error}") from None
    if kind is Kind.WORKSTATION and role is None:
        raise KeyFileError(f"{path}: a workstation key needs a role")
    return Certificate(name=name, kind=kind, role=role, public_key=public, secret_key=secret, path=path)


# --- the key directory ------------------------------------------------------------------------------


class KeyDirectory:
    """Creating, listing and revoking keys in one directory (what ``dispatch-desktop keys`` does)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.authorized = self.root / AUTHORIZED
        self.private = self.root / PRIVATE

    def hub_certificate(self) -> Certificate:
        """The hub's certificate with its secret key, created on first use."""
        path = self.root / f"{HUB_NAME}.key_secret"
        if not path.exists():
            public, secret = zmq.curve_keypair()
            cert = Certificate(HUB_NAME, Kind.HUB, None, public, secret)
            write_certificate(path, cert, secret=True)
            write_certificate(self.root / f"{HUB_NAME}.key", cert, secret=False)
        return read_certificate(path)

    def hub_public_key(self) -> bytes:
        return read_certificate(self.root / f"{HUB_NAME}.key").public_key

    def create(self, name: str, kind: Kind, role: Role | None = None) -> Certificate:
        if not _NAME.match(name) or name == HUB_NAME:
            raise KeyFileError(f"invalid name {name!r}: use letters, digits and _ . : - (not 'hub')")
        if kind is Kind.WORKSTATION and role is None:
            raise KeyFileError("a workstation key needs a role")
        if kind is Kind.UNIT and role is not None:
            raise KeyFileError("unit keys have no role")
        if (self.authorized / f"{name}.key").exists():
            raise KeyFileError(f"a key named {name} already exists; revoke it first")
        self.hub_certificate()
        public, secret = zmq.curve_keypair()
        cert = Certificate(name, kind, role, public, secret)
        # Secret first: a public key is only authorized once its secret half exists.
        write_certificate(self.private / f"{name}.key_secret", cert, secret=True)
        write_certificate(self.authorized / f"{name}.key", cert, secret=False)
        return read_certificate(self.private / f"{name}.key_secret")

    def revoke(self, name: str) -> bool:
        """Remove the public key from the authorized set; returns False if it was not there."""
        path = self.authorized / f"{name}.key"
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        return True

    def listing(self) -> list[tuple[Certificate, bool]]:
        """Every known key (authorized or with a secret file) and whether it is authorized."""
        found: dict[str, tuple[Certificate, bool]] = {}
        for folder, pattern, authorized in ((self.private, "*.key_secret", False), (self.authorized, "*.key", True)):
            for path in sorted(folder.glob(pattern)) if folder.is_dir() else ():
                try:
                    cert = read_certificate(path)
                except KeyFileError as error:
                    log.warning("skipping %s", error)
                    continue
                found[cert.name] = (cert, authorized)
        return [found[name] for name in sorted(found)]

    def client_credentials(self, name: str) -> ClientCurve:
        cert = read_certificate(self.private / f"{name}.key_secret")
        assert cert.secret_key is not None
        return ClientCurve(public_key=cert.public_key, secret_key=cert.secret_key,
                           server_key=self.hub_public_key())


@dataclass(frozen=True)
class ClientCurve:
    """What a client needs to connect with CurveZMQ: its own key pair and the hub's public key."""

    public_key: bytes
    secret_key: bytes
    server_key: bytes

    def apply(self, socket: Socket) -> None:
        socket.curve_publickey = self.public_key
        socket.curve_secretkey = self.secret_key
        socket.curve_serverkey = self.server_key


class KeyRing:
    """The authorized keys as the hub sees them right now; safe to use from several threads."""

    FULL_SCAN_INTERVAL = 1.0

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._by_key: dict[bytes, Certificate] = {}
        self._by_name: dict[str, Certificate] = {}
        self._files: dict[str, tuple[int, int, int]] = {}
        self._dir_mtime = -1
        self._scanned_at = 0.0
        self.reloads = 0
        self.refresh(force=True)

    def refresh(self, *, force: bool = False) -> None:
        """Re-read the directory if it changed: cheap enough to call before every batch."""
        try:
            mtime = os.stat(self.directory).st_mtime_ns
        except FileNotFoundError:
            mtime = 0
        now = time.monotonic()
        if not force and mtime == self._dir_mtime and now - self._scanned_at < self.FULL_SCAN_INTERVAL:
            return
        with self._lock:
            self._scan(mtime, now)

    def _scan(self, mtime: int, now: float) -> None:
        files: dict[str, tuple[int, int, int]] = {}
        try:
            entries = list(os.scandir(self.directory))
        except FileNotFoundError:
            entries = []
        for entry in entries:
            if entry.name.endswith(".key") and entry.is_file():
                st = entry.stat()
                files[entry.name] = (st.st_mtime_ns, st.st_size, st.st_ino)
        self._dir_mtime, self._scanned_at = mtime, now
        if files == self._files:
            return
        by_key: dict[bytes, Certificate] = {}
        by_name: dict[str, Certificate] = {}
        for filename in sorted(files):
            try:
                cert = read_certificate(self.directory / filename)
            except KeyFileError as error:
                log.warning("ignoring authorized key: %s", error)
                continue
            if cert.kind is Kind.HUB or cert.name in by_name or cert.public_key in by_key:
                log.warning("ignoring authorized key %s: duplicate name or key", filename)
                continue
            by_key[cert.public_key] = cert
            by_name[cert.name] = cert
        self._files = files
        self._by_key, self._by_name = by_key, by_name  # readers see the old or the new dict, never half
        self.reloads += 1
        log.info("authorized keys: %d (%s)", len(by_name), self.directory)

    def by_key(self, public_key: bytes) -> Certificate | None:
        return self._by_key.get(public_key)

    def by_name(self, name: str) -> Certificate | None:
        return self._by_name.get(name)

    def __len__(self) -> int:
        return len(self._by_name)
