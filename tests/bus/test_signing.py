"""Signed messages (``--sign-key FILE``): the key file, ``keys sign-key``, and a hub that refuses what its
key did not sign."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from dispatch_desktop.bus.signing import SignKeyError, read_sign_key, write_sign_key
from dispatch_desktop.cli import main


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
    assert main(["keys", "sign-key", "--force", str(path)]) == 0
    assert read_sign_key(path) != first and stat.S_IMODE(path.stat().st_mode) == 0o600
