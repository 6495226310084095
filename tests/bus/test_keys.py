"""Key files and the ``dispatch-desktop keys`` command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import zmq.auth

from dispatch_desktop.bus.keys import KeyDirectory, KeyFileError, KeyRing, Kind, Role, read_certificate
from dispatch_desktop.cli import main


def test_created_keys_are_zeromq_certificates_with_identity_metadata(tmp_path: Path) -> None:
    directory = KeyDirectory(tmp_path)
    cert = directory.create("ws-01", Kind.WORKSTATION, Role.SUPERVISOR)
    public_file = tmp_path / "authorized" / "ws-01.key"
    secret_file = tmp_path / "private" / "ws-01.key_secret"
    # pyzmq reads them: the format is the standard one
    assert zmq.auth.load_certificate(public_file) == (cert.public_key, None)
    assert zmq.auth.load_certificate(secret_file) == (cert.public_key, cert.secret_key)
    parsed = read_certificate(public_file)
    assert (parsed.name, parsed.kind, parsed.role, parsed.secret_key) == ("ws-01", Kind.WORKSTATION,
                                                                         Role.SUPERVISOR, None)
    assert secret_file.stat().st_mode & 0o077 == 0  # the secret is the owner's only
    assert (tmp_path / "hub.key").exists() and (tmp_path / "hub.key_secret").exists()


@pytest.mark.parametrize(
    ("name", "kind", "role"),
    [("bad name", Kind.UNIT, None), ("hub", Kind.UNIT, None), ("ws-9", Kind.WORKSTATION, None),
     ("P-1", Kind.UNIT, Role.DISPATCHER)],
)
def test_invalid_keys_are_not_created(tmp_path: Path, name: str, kind: Kind, role: Role | None) -> None:
    with pytest.raises(KeyFileError):
        KeyDirectory(tmp_path).create(name, kind, role)


def test_the_keyring_sees_new_and_revoked_keys_without_restart(tmp_path: Path) -> None:
    directory = KeyDirectory(tmp_path)
    first = directory.create("P-0001", Kind.UNIT)
    ring = KeyRing(directory.authorized)
    assert ring.by_key(first.public_key).name == "P-0001"  # type: ignore[union-attr]
    second = directory.create("P-0002", Kind.UNIT)
    ring.refresh()
    assert ring.by_name("P-0002") is not None and ring.by_key(second.public_key) is not None
    directory.revoke("P-0001")
    ring.refresh()
    assert ring.by_key(first.public_key) is None and ring.by_name("P-0001") is None


def test_unreadable_or_foreign_files_in_the_authorized_directory_are_ignored(tmp_path: Path) -> None:
    directory = KeyDirectory(tmp_path)
    directory.create("P-0001", Kind.UNIT)
    (directory.authorized / "junk.key").write_text("metadata\ncurve\n    public-key = \"short\"\n")
    (directory.authorized / "notes.txt").write_text("not a key")
    ring = KeyRing(directory.authorized)
    assert len(ring) == 1


def test_keys_command_creates_lists_and_revokes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = str(tmp_path / "k")
    assert main(["keys", "--dir", keys, "create", "--unit", "P-0001", "P-0002"]) == 0
    assert main(["keys", "create", "--workstation", "ws-01", "--role", "dispatcher", "--dir", keys]) == 0
    assert main(["keys", "create", "--workstation", "ws-02", "--dir", keys]) == 2  # no role
    assert main(["keys", "--dir", keys, "revoke", "P-0002"]) == 0
    assert main(["keys", "--dir", keys, "revoke", "P-0002"]) == 1  # already gone
    capsys.readouterr()
    assert main(["keys", "--dir", keys, "list"]) == 0
    listing = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in listing.splitlines()[1:-1]}
    assert rows["P-0001"][1:4] == ["unit", "-", "authorized"]
    assert rows["P-0002"][3] == "revoked"
    assert rows["ws-01"][1:4] == ["workstation", "dispatcher", "authorized"]
    assert sorted(os.listdir(Path(keys) / "authorized")) == ["P-0001.key", "ws-01.key"]


def test_a_key_write_that_fails_half_way_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = KeyDirectory(tmp_path)
    directory.create("P-0001", Kind.UNIT)
    ring = KeyRing(directory.authorized)

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        directory.create("P-0002", Kind.UNIT)
    monkeypatch.undo()
    leftovers = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert "P-0002.key" not in leftovers and "P-0002.key_secret" not in leftovers
    assert not [name for name in leftovers if name.endswith(".tmp")]
    ring.refresh()
    assert ring.by_name("P-0001") is not None and ring.by_name("P-0002") is None  # the ring reads on
