"""The shared signing key file behind ``--sign-key FILE`` (``hub``, ``run --hub``, ``simulate``).

With a key, every message carries an HMAC-SHA256 of its header, payload and data frame (``Session``;
PROTOCOL.md, "Signing"), and the hub refuses a message whose signature is missing or wrong. Both ends
must hold the same key. The file holds it as hexadecimal text: at least 64 hex digits (32 bytes), on one
line; whitespace around it is ignored. ``dispatch-desktop keys sign-key FILE`` writes a fresh one,
readable by its owner only.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

MIN_BYTES = 32
"""The shortest key accepted: as long as the HMAC-SHA256 digest it makes."""


class SignKeyError(ValueError):
    """The key file cannot be used; the message names the file and says what to do."""


def read_sign_key(path: Path | str) -> bytes:
    """The key in ``path``. Raises ``SignKeyError`` if it is missing, unreadable, not hexadecimal or too
    short."""
    path = Path(path)
    remedy = f"write a new one with 'dispatch-desktop keys sign-key {path}' and give both ends a copy"
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise SignKeyError(f"signing key {path}: no such file ({remedy})") from None
    except UnicodeDecodeError:
        raise SignKeyError(f"signing key {path}: not hexadecimal text ({remedy})") from None
    except OSError as error:
        raise SignKeyError(f"signing key {path}: cannot be read: {error.strerror or error}") from None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        raise SignKeyError(f"signing key {path}: not hexadecimal text: expected only the digits 0-9 and "
                           f"a-f, an even number of them ({remedy})") from None
    if len(key) < MIN_BYTES:
        raise SignKeyError(f"signing key {path}: {len(key)} bytes ({len(text)} hex digits) is too short, at "
                           f"least {MIN_BYTES} bytes ({2 * MIN_BYTES} hex digits) are needed ({remedy})")
    return key


def write_sign_key(path: Path | str, *, force: bool = False) -> bytes:
    """Write a fresh random key to ``path`` (mode 0600) and return it. Refuses to replace an existing
    file unless ``force``: the other ends would be left holding the old key."""
    path = Path(path)
    key = secrets.token_bytes(MIN_BYTES)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        raise SignKeyError(f"signing key {path} already exists: the hub and its clients may hold it; give "
                           "--force to replace it (then copy the new one to every end)") from None
    except OSError as error:
        raise SignKeyError(f"signing key {path}: cannot be written: {error.strerror or error}") from None
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        os.fchmod(file.fileno(), 0o600)  # a replaced file keeps its old mode otherwise
        file.write(key.hex() + "\n")
    return key
