"""docs/PROTOCOL.md is complete and matches the code: every kind, field, message type and reason."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus import spec
from dispatch_desktop.bus.session import Session, decode_envelope
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.reasons import TEMPLATES

DOC = Path(__file__).resolve().parents[2] / "docs" / "PROTOCOL.md"


def _text() -> str:
    return DOC.read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    """From a ``##### `kind` `` heading to the next heading."""
    start = text.index(heading)
    following = re.search(r"^#{2,5} ", text[start + len(heading):], re.M)
    return text[start:start + len(heading) + (following.start() if following else len(text))]


def test_the_generated_tables_are_up_to_date() -> None:
    text = _text()
    assert spec.render(text) == text, "run: python -m dispatch_desktop.bus.spec --write docs/PROTOCOL.md"


def test_every_kind_and_every_field_is_documented() -> None:
    text = _text()
    for kind, cls in ev.BODY_TYPES.items():
        section = _section(text, f"##### `{kind}`")
        for field in msgspec.structs.fields(cls):
            assert f"| `{field.encode_name}` |" in section, f"{kind}.{field.encode_name} is not documented"
    envelope = text[text.index("## 5. The envelope"):text.index("## 6. Event kinds")]
    for field in msgspec.structs.fields(ev.Envelope):
        assert f"| `{field.encode_name}` |" in envelope


def test_every_message_type_and_payload_field_is_documented() -> None:
    text = _text()
    framing = text[text.index("**Message types**"):text.index("## 4.")]
    for msg_type, name in p.TYPE_NAMES.items():
        row = re.search(rf"^\| `{msg_type.decode()}` \| {name} \|.*$", framing, re.M)
        assert row is not None, name
        sockets = row.group(0).split("|")[4]
        assert ("field" in sockets) == (msg_type in p.FIELD_TYPES or msg_type in (p.WELCOME, p.ACK, p.NACK,
                                                                                  p.UPLOAD_ACK, p.ORDER))
        if msg_type in p.WORKSTATION_TYPES:
            assert "workstation" in sockets
    for msg_type, cls in spec.PAYLOADS:
        heading = (f"#### `{cls.__name__}` (inside `ack`)" if cls is p.AckEntry
                   else f"#### `{p.TYPE_NAMES[msg_type]}` — type byte `{msg_type.decode()}`")
        section = _section(text, heading)
        for field in msgspec.structs.fields(cls):
            assert f"| `{field.encode_name}` |" in section, f"{cls.__name__}.{field.encode_name}"


def test_every_reason_code_is_documented() -> None:
    text = _text()
    for code in [*p.NACK_TEMPLATES, *TEMPLATES]:
        assert f"| `{code}` |" in text, code


def test_the_worked_example_decodes_to_the_report_it_describes() -> None:
    text = _text()
    dump = text[text.index("<!-- BEGIN GENERATED: example -->"):text.index("<!-- END GENERATED: example -->")]
    data = bytes.fromhex("".join(line[6:53] for line in dump.splitlines() if re.match(r"^[0-9a-f]{4}  ", line)))
    message = Session().parse([data])
    assert message.type == p.REPORT
    event = decode_envelope(message.payload)
    assert event == spec.EXAMPLE
    assert (event.source, event.seq, event.body) == ("P-0001", 42, ev.Position(23.129163, 113.264435, 90.0, 8.5))
    shortest = re.search(r"`(\{\"v\":1,.*?\}\})`", text)
    assert shortest is not None
    assert decode_envelope(msgspec.msgpack.encode(msgspec.json.decode(shortest.group(1)))) == ev.envelope(
        "P-0001", 42, ev.Position(lat=23.129163, lon=113.264435), 1_763_780_000_000)
