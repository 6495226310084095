"""Which workstation this is, and its role: read from its key, as the hub reads them.

``dispatch-desktop run --hub …`` must find its own key without being told its name when the keys
directory holds exactly one workstation key (the README's example: ``keys create --workstation ws-01``,
copy the files, ``run --hub``). With no key (the embedded default) the id is ``ws-<host name>`` and the
role that of a dispatcher; with several, ``--workstation`` chooses.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from pathlib import Path

from dispatch_desktop.bus.keys import KeyDirectory, KeyFileError, Kind, Role, read_certificate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Identity:
    workstation: str
    role: Role
    key: Path | None  # the secret key file it was read from, if any


def host_workstation_id() -> str:
    host = "".join(ch if ch.isalnum() or ch in "_.-" else "-" for ch in socket.gethostname())[:40]
    return f"ws-{host or 'local'}"


def workstation_keys(keys_dir: Path) -> list[tuple[str, Role, Path]]:
    """(name, role, file) of every readable workstation secret key in the directory."""
    found = []
    private = KeyDirectory(keys_dir).private
    for path in sorted(private.glob("*.key_secret")) if private.is_dir() else []:
        try:
            cert = read_certificate(path)
        except (OSError, KeyFileError) as error:  # one bad file must not hide the others
            log.warning("ignoring unreadable key %s: %s", path, error)
            continue
        if cert.kind is Kind.WORKSTATION and cert.role is not None:
            found.append((cert.name, cert.role, path))
    return found


def resolve(keys_dir: Path, requested: str | None) -> Identity:
    """The workstation's id and role: the requested id (its key's role if it has one), else the only
    workstation key in the directory, else this host's default id as a dispatcher."""
    keys = workstation_keys(keys_dir)
    if requested:
        for name, role, path in keys:
            if name == requested:
                return Identity(name, role, path)
        return Identity(requested, Role.DISPATCHER, None)
    if len(keys) == 1:
        name, role, path = keys[0]
        return Identity(name, role, path)
    return Identity(host_workstation_id(), Role.DISPATCHER, None)
