"""Signed messages (``--sign-key FILE``): the key file, ``keys sign-key``, and a hub that refuses what its
key did not sign."""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.field import FieldClient, FieldFleet
from dispatch_desktop.bus.session import Session
from dispatch_desktop.bus.signing import SignKeyError, read_sign_key, write_sign_key
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.cli import build_parser, main
from dispatch_desktop.domain import codec
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import INSIDE, RawPeer, Running, hub_process, incident, now_ms

pytestmark = pytest.mark.timeout(120)

REPO = Path(__file__).resolve().parents[2]
KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
POSITION = ev.Position(lat=INSIDE[0], lon=INSIDE[1])


def test_a_written_key_reads_back_and_only_its_owner_can_read_it(tmp_path: Path) -> None:
    path = tmp_path / "new" / "sign.key"
    key = write_sign_key(path)
    assert len(key) == 32 and read_sign_key(path) == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_surrounding_whitespace_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "sign.key"
    path.write_text("\n  " + "ab" * 40 + " \r\n", encoding="ascii")
    assert read_sign_key(path) == bytes.fromhex("ab" * 40)


@pytest.mark.parametrize(("text", "says"), [
    ("ab" * 31, "62 hex digits) is too short, at least 32 bytes (64 hex digits)"),
    ("zz" * 32, "not hexadecimal text"),
    ("ab" * 32 + "c", "not hexadecimal text"),
    ("密钥" * 20, "not hexadecimal text"),
])
def test_a_key_that_cannot_be_used_is_refused_saying_why(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "sign.key"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SignKeyError, match=re.escape(says)) as refused:
        read_sign_key(path)
    assert str(path) in str(refused.value) and "keys sign-key" in str(refused.value)


def test_a_missing_key_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SignKeyError, match="no such file") as refused:
        read_sign_key(tmp_path / "absent.key")
    assert str(tmp_path / "absent.key") in str(refused.value)


def test_keys_sign_key_will_not_replace_a_key_without_force(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sign.key"
    assert main(["keys", "sign-key", str(path)]) == 0
    first = read_sign_key(path)
    assert main(["keys", "sign-key", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err and read_sign_key(path) == first
    path.chmod(0o644)  # say someone made it readable to all: a replacement is not
    assert main(["keys", "sign-key", "--force", str(path)]) == 0
    assert read_sign_key(path) != first and stat.S_IMODE(path.stat().st_mode) == 0o600


# --- the hub ------------------------------------------------------------------------------------------


def _refusals(endpoint: str, source: str = "P-0002") -> list[tuple[bytes, object]]:
    """What a signing hub answers an unsigned report and one signed with another key (read with its key)."""
    peer = RawPeer(endpoint, session=Session(KEY))
    try:
        answers = []
        for session in (Session(), Session(OTHER_KEY)):
            event = ev.envelope(source, 1, POSITION, now_ms())
            peer.send([session.frame(p.REPORT, codec.encode(event))])
            answers.append(peer.answer())
        return answers
    finally:
        peer.close()


def test_a_signing_hub_takes_what_its_key_signed_and_refuses_the_rest(
        make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(session_key=KEY)
    with FieldFleet() as fleet:
        unit = fleet.add(FieldClient("P-0001", running.endpoints.field, context=fleet.context, session=Session(KEY)))
        unit.report(POSITION)
        assert fleet.run_until(lambda: unit.unacked == 0, timeout=10)
    desk = workstations(running, session=Session(KEY))  # its snapshot and the published events are signed too
    assert desk.send_command(incident("J-1")).result(timeout=10).accepted
    stored = running.stored()
    assert [event.source for _gseq, event in stored][-2:] == ["P-0001", "ws-01"]
    for kind, nack in _refusals(running.endpoints.field):
        assert kind == p.NACK and nack["code"] == "bad_signature" and nack["gseq"] == 0  # type: ignore[index]
    assert running.stored() == stored  # nothing of theirs was kept
    assert running.hub.stats()["nacks"] == {"bad_signature": 2}


# --- the commands -------------------------------------------------------------------------------------


def test_every_command_that_signs_takes_a_key_from_keys_sign_key(tmp_path: Path) -> None:
    path = tmp_path / "sign.key"
    assert main(["keys", "sign-key", str(path)]) == 0
    parser = build_parser()
    for command in (["hub"], ["simulate"], ["run", "--hub", "tcp://10.0.0.5:5555"]):
        assert parser.parse_args([*command, "--sign-key", str(path)]).sign_key == read_sign_key(path)


def test_a_bad_key_file_stops_the_command_before_anything_starts(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["hub", "--sign-key", str(tmp_path / "absent.key")])
    assert exited.value.code == 2
    assert f"signing key {tmp_path / 'absent.key'}: no such file" in capsys.readouterr().err


def test_run_signs_only_for_an_external_hub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sign.key"
    write_sign_key(path)
    assert main(["run", "--sign-key", str(path)]) == 2
    assert "give its address with --hub" in capsys.readouterr().err


def test_the_hub_command_signs_with_its_key_file(tmp_path: Path) -> None:
    path = tmp_path / "sign.key"
    path.write_text(KEY.hex(), encoding="ascii")
    with hub_process(tmp_path, "--sign-key", str(path), also=", signed,") as (_hub, field):
        for kind, nack in _refusals(field):
            assert kind == p.NACK and nack["code"] == "bad_signature"  # type: ignore[index]
        peer = RawPeer(field, session=Session(KEY))
        try:
            peer.send(peer.session.pack(p.HELLO, p.Hello(source="P-0001")))
            welcome = peer.receive(timeout=10)
            assert welcome is not None and welcome[0] == p.WELCOME
        finally:
            peer.close()
