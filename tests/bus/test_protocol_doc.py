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
from dispatch_desktop.domain.state import Call, Incident, PendingOrder, RefusalRecord, State, TimelineEntry, Unit

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


def test_the_encoder_fixture_decodes_to_the_report_it_describes() -> None:
    text = _text()
    dump = text[text.index("<!-- BEGIN GENERATED: example -->"):text.index("<!-- END GENERATED: example -->")]
    data = bytes.fromhex("".join(line[6:53] for line in dump.splitlines() if re.match(r"^[0-9a-f]{4}  ", line)))
    message = Session().parse([data])
    assert message.type == p.REPORT
    event = decode_envelope(message.payload)
    assert event == spec.EXAMPLE
    assert (event.source, event.seq, event.body) == (
        "PG-440103-01-01", 42, ev.Position(23.129163, 113.264435, 90.0, 8.5))


def test_a_kinds_description_reads_as_one_paragraph() -> None:
    """A body's docstring spans several indented source lines: the document gets its first paragraph as
    prose, without the line breaks' indentation as runs of spaces."""
    refused = _section(_text(), "##### `refused`")
    assert "message's own (source, seq)" in refused
    prose = [line for line in spec.kinds_section().splitlines() if line and not line.startswith(("|", "#"))]
    assert prose and [line for line in prose if "  " in line] == []


def _table_fields(section: str) -> list[str]:
    """The first column of the first table in ``section``: `name` cells, or the second column when the
    first holds positions (the timeline entry's array)."""
    names = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not line.startswith("|"):
            continue
        cell = cells[1] if cells[0].isdigit() else cells[0]
        if cell.startswith("`") and cell.endswith("`"):
            names.append(cell.strip("`"))
    return names


STATE_RECORDS = (Unit, Incident, TimelineEntry, PendingOrder, RefusalRecord, Call)


def test_every_field_of_the_state_is_documented_in_order() -> None:
    text = _text()
    state = text[text.index("## 10. The state"):text.index("## 11. ")]
    top = state[state.index("### 10.1"):state.index("### 10.2")]
    assert _table_fields(top) == list(State().to_plain()), "the snapshot's top-level keys, in order"
    for record in STATE_RECORDS:
        heading = next(line for line in state.splitlines() if line.startswith(f"#### `{record.__name__}`"))
        documented = _table_fields(_section(state, heading))
        assert documented == [f.encode_name for f in msgspec.structs.fields(record)], record.__name__


def test_every_event_kind_says_how_it_changes_the_state() -> None:
    text = _text()
    rules = text[text.index("### 10.3"):text.index("## 11. ")]
    for kind in ev.BODY_TYPES:
        assert f"| `{kind}` |" in rules, f"section 10.3 does not say what {kind} does to the state"


def test_every_reason_code_has_its_answers_listed() -> None:
    text = _text()
    answers = text[text.index("## 12. Every message"):text.index("## 13. ")]
    for code in [*p.NACK_TEMPLATES, *TEMPLATES]:
        assert f"`{code}`" in answers or f"nack {code}" in answers, f"section 12 never names {code}"
