"""docs/PROTOCOL.md's examples run against the real codec and a real hub: an example that drifts from the
code fails here. The blocks tagged ``ddp-…`` and ``python ddp-example`` are extracted from the document
and checked as its section 20 says (the notation is defined there): payloads decode strictly, frame dumps
are exactly what the encoder makes, conversations get exactly the answers shown, the snapshot example
round-trips, the Python runs."""

from __future__ import annotations

import ast
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import pytest
import zmq

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus import spec
from dispatch_desktop.bus.area import GUANGZHOU, BBoxArea
from dispatch_desktop.bus.keys import KeyDirectory, Kind, Role
from dispatch_desktop.bus.session import Session, decode_envelope, decode_payload
from dispatch_desktop.domain import codec
from dispatch_desktop.domain.state import decode_state, encode_state
from tests.bus.conftest import Running

pytestmark = pytest.mark.timeout(120)

DOC = Path(__file__).resolve().parents[2] / "docs" / "PROTOCOL.md"
TAGS = ("ddp-payload", "ddp-frame", "ddp-exchange", "ddp-state", "ddp-roster", "python ddp-example")
ENVELOPE_TYPES = (p.REPORT, p.COMMAND)
PAYLOAD_TYPES: dict[bytes, type] = {t: cls for t, cls in spec.PAYLOADS if cls is not p.AckEntry}
ANSWER_WAIT_S = 5.0
SILENCE_S = 1.0


@dataclass(frozen=True)
class Block:
    tag: str
    args: tuple[str, ...]
    text: str
    line: int  # where it starts in the document, for the failure message

    def __str__(self) -> str:
        return " ".join((self.tag, *self.args, f"(PROTOCOL.md line {self.line})"))


def _blocks() -> list[Block]:
    text = DOC.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"^```(\S[^\n]*)\n(.*?)^```$", text, re.M | re.S):
        words = match.group(1).split()
        tag = "python ddp-example" if words[:2] == ["python", "ddp-example"] else words[0]
        if tag.startswith("ddp-") or tag == "python ddp-example":
            args = tuple(words[2:] if tag == "python ddp-example" else words[1:])
            found.append(Block(tag, args, match.group(2), text.count("\n", 0, match.start()) + 1))
    return found


BLOCKS = _blocks()


def _of(tag: str) -> list[Block]:
    return [block for block in BLOCKS if block.tag == tag]


def _literal(text: str) -> Any:
    """JSON, or a Python literal for what JSON cannot say (a map with integer keys)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return ast.literal_eval(text)


def _key(argument: str) -> bytes:
    """``sign-key=HEX`` -> the key's bytes; ``sign-key=none`` -> no key."""
    value = argument.partition("=")[2]
    return b"" if value == "none" else bytes.fromhex(value)


def _options(args: tuple[str, ...] | list[str]) -> dict[str, str]:
    return {name: value for name, _, value in (a.partition("=") for a in args if "=" in a)}


# --- the document holds what this test expects --------------------------------------------------------


def test_every_kind_of_example_is_there_and_no_other() -> None:
    tags = [block.tag for block in BLOCKS]
    assert set(tags) == set(TAGS), f"unknown or missing example tags: {sorted(set(tags) ^ set(TAGS))}"
    assert len(_of("ddp-exchange")) >= 5


# --- payloads and frames ------------------------------------------------------------------------------


def _decode(msg_type: bytes, payload: bytes | memoryview) -> Any:
    if msg_type in ENVELOPE_TYPES:
        return decode_envelope(payload)
    return decode_payload(payload, PAYLOAD_TYPES[msg_type])


def _encode(msg_type: bytes, value: Any) -> bytes:
    return codec.encode(value) if msg_type in ENVELOPE_TYPES else msgspec.msgpack.encode(value)


def _payload_block(name: str) -> tuple[bytes, Any]:
    """(message type, decoded payload) of the ``ddp-payload T NAME`` block."""
    block = next(b for b in _of("ddp-payload") if b.args[1:2] == (name,))
    msg_type = block.args[0].encode("ascii")
    return msg_type, _decode(msg_type, msgspec.msgpack.encode(_literal(block.text)))


@pytest.mark.parametrize("block", _of("ddp-payload"), ids=str)
def test_payload_examples_are_valid(block: Block) -> None:
    msg_type, name = block.args[0].encode("ascii"), block.args[1]
    assert msg_type in ENVELOPE_TYPES or msg_type in PAYLOAD_TYPES, block
    assert _payload_block(name)[1] is not None  # raises BusError with the reason if the hub would refuse it


def _dump(block: Block) -> bytes:
    data = bytearray()
    for line in block.text.splitlines():
        offset, hexes, text = line[:4], line[6:53], line[55:]
        chunk = bytes.fromhex(hexes)
        assert int(offset, 16) == len(data), f"{block}: offset {offset}"
        assert text == "".join(chr(b) if 32 <= b < 127 else "." for b in chunk), f"{block}: text column of {offset}"
        data += chunk
    return bytes(data)


@pytest.mark.parametrize("block", _of("ddp-frame"), ids=str)
def test_frame_examples_are_what_the_encoder_makes(block: Block) -> None:
    frame = _dump(block)
    session = Session(_key(next((a for a in block.args if a.startswith("sign-key=")), "sign-key=none")))
    msg_type, expected = _payload_block(block.args[0])
    message = session.parse([frame])
    assert message.type == msg_type
    assert _decode(msg_type, message.payload) == expected
    assert session.frame(msg_type, _encode(msg_type, expected)) == frame, "the reference encoder makes other bytes"


def test_the_encoder_fixture_is_the_first_report_at_another_time() -> None:
    _type, report = _payload_block("position-report")  # section 20.1
    assert spec.EXAMPLE.t_src != report.t_src  # section 20.11 would only repeat section 20.1's bytes
    assert msgspec.structs.replace(spec.EXAMPLE, t_src=report.t_src) == report


# --- Python and the snapshot ----------------------------------------------------------------------------


@pytest.mark.parametrize("block", _of("python ddp-example"), ids=str)
def test_python_examples_run(block: Block) -> None:
    namespace: dict[str, Any] = {}
    exec(compile(block.text, str(block), "exec"), namespace)  # the document's own code, asserting itself
    if {"key", "frame"} <= namespace.keys():  # a signed frame: the hub's session must accept it
        assert Session(namespace["key"]).parse([namespace["frame"]]).type == namespace["frame"][3:4]


@pytest.mark.parametrize("block", _of("ddp-state"), ids=str)
def test_the_snapshot_example_is_what_the_hub_encodes(block: Block) -> None:
    plain = _literal(block.text)
    state = decode_state(msgspec.msgpack.encode(plain))
    assert msgspec.msgpack.decode(encode_state(state)) == plain, "a field is missing, extra or in another form"


@pytest.mark.parametrize("block", _of("ddp-roster"), ids=str)
def test_the_roster_csv_example_imports_cleanly(block: Block) -> None:
    from dispatch_desktop.roster_csv import parse_roster_csv

    parsed = parse_roster_csv(block.text)
    assert parsed.errors == () and len(parsed.units) == len(block.text.splitlines()) - 1, parsed.errors


# --- conversations with a hub -----------------------------------------------------------------------------


_BIND = re.compile(r"^<(\w+)>$")
_NOW = re.compile(r"^<now([+-]\d+)?>$")


def _with_times(value: Any, now: int) -> Any:
    if isinstance(value, str) and (match := _NOW.match(value)):
        return now + int(match.group(1) or 0)
    if isinstance(value, dict):
        return {k: _with_times(v, now) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_times(v, now) for v in value]
    return value


def _match(expected: Any, actual: Any, bound: dict[str, Any], where: str, *, subset: bool = False) -> None:
    """``actual`` is ``expected``: the same keys (or, with ``subset``, at least those), equal values,
    ``"<name>"`` matching any value and the same one wherever ``name`` recurs."""
    if isinstance(expected, str) and (match := _BIND.match(expected)) and not _NOW.match(expected):
        name = match.group(1)
        if name != "_":
            assert bound.setdefault(name, actual) == actual, f"{where}: <{name}> was {bound[name]!r}, now {actual!r}"
        return
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected a map, got {actual!r}"
        keys = set(expected) <= set(actual) if subset else set(expected) == set(actual)
        assert keys, f"{where}: keys {sorted(actual)} instead of {sorted(expected)}"
        for key, value in expected.items():
            _match(value, actual[key], bound, f"{where}.{key}", subset=subset)
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: {actual!r}"
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            _match(want, got, bound, f"{where}[{index}]", subset=subset)
    else:
        assert (expected, type(expected)) == (actual, type(actual)), f"{where}: {actual!r} instead of {expected!r}"


@dataclass
class _Peer:
    socket: zmq.Socket  # type: ignore[type-arg]
    session: Session


@dataclass
class _Exchange:
    """One ``ddp-exchange`` block, run against a hub it starts."""

    block: Block
    hub_key: bytes = b""
    curve: bool = False
    hub_options: dict[str, Any] = field(default_factory=dict)  # Hub keyword arguments from the header
    peers: dict[str, tuple[str, str, dict[str, str], bool]] = field(default_factory=dict)  # name -> socket, id…
    steps: list[tuple[str, str, str]] = field(default_factory=list)  # (peer, direction, rest)

    @classmethod
    def parse(cls, block: Block) -> _Exchange:
        exchange = cls(block)
        for line in block.text.splitlines():
            if line.startswith("# hub:"):
                words = line.split()[2:]
                exchange.curve = words[0] == "curve"
                options = _options(words)
                exchange.hub_key = _key("sign-key=" + options.get("sign-key", "none"))
                if "refusal-budget" in options:
                    exchange.hub_options["refusal_budget"] = int(options["refusal-budget"])
            elif line.startswith("# "):
                name, _, rest = line[2:].partition(":")
                socket, ident, *flags = rest.split()
                exchange.peers[name] = (socket, ident, _options(flags), "off-roster" in flags)
            elif line.strip():
                peer, direction, rest = line.split(" ", 2)
                assert peer in exchange.peers and direction in "<>", f"{block}: {line}"
                exchange.steps.append((peer, direction, rest))
        return exchange

    def roster(self) -> list[str]:
        return [ident for socket, ident, _o, off in self.peers.values() if socket == "field" and not off]

    def keys(self, root: Path) -> KeyDirectory | None:
        if not self.curve:
            return None
        directory = KeyDirectory(root)
        for socket, ident, options, _off in self.peers.values():
            if socket == "field":
                directory.create(ident, Kind.UNIT)
            else:
                directory.create(ident, Kind.WORKSTATION, Role(options.get("role", "dispatcher")))
        return directory

    def run(self, running: Running, context: zmq.Context) -> None:  # type: ignore[type-arg]
        peers = {name: self._connect(running, context, name) for name in self.peers}
        now, bound = int(time.time() * 1000), dict[str, Any]()
        for index, (name, direction, rest) in enumerate(self.steps, start=1):
            where = f"{self.block}, step {index} ({name} {direction} {rest[:40]}…)"
            if direction == ">":
                self._send(peers[name], rest, now)
            else:
                self._receive(peers[name], rest, bound, where)

    def _connect(self, running: Running, context: zmq.Context, name: str) -> _Peer:  # type: ignore[type-arg]
        socket_name, ident, options, _off = self.peers[name]
        socket = context.socket(zmq.DEALER)
        socket.linger = 0
        if running.keys is not None:
            running.credentials(ident).apply(socket)
        endpoint = running.endpoints.field if socket_name == "field" else running.endpoints.workstation
        socket.connect(endpoint)
        own = _key("sign-key=" + options["sign-key"]) if "sign-key" in options else self.hub_key
        return _Peer(socket, Session(own))

    def _send(self, peer: _Peer, rest: str, now: int) -> None:
        msg_type, _, text = rest.partition(" ")
        payload, _, data = text.partition(" + ")
        encoded = msgspec.msgpack.encode(_with_times(_literal(payload), now))
        chunk = _literal(data).encode("utf-8") if data else None
        frame = peer.session.frame(msg_type.encode("ascii"), encoded, chunk)
        peer.socket.send_multipart([frame] if chunk is None else [frame, chunk])

    def _receive(self, peer: _Peer, rest: str, bound: dict[str, Any], where: str) -> None:
        if rest == "nothing":
            assert not peer.socket.poll(int(SILENCE_S * 1000)), f"{where}: {peer.socket.recv_multipart()!r}"
            return
        assert peer.socket.poll(int(ANSWER_WAIT_S * 1000)), f"{where}: no message from the hub"
        message = Session(self.hub_key).parse(peer.socket.recv_multipart())  # the hub signs with its key
        msg_type, _, text = rest.partition(" ")
        payload, _, state = text.partition(" + ")
        actual = msgspec.msgpack.decode(message.payload)
        assert message.type == msg_type.encode("ascii"), f"{where}: got {message.type!r} {actual!r}"
        _match(_literal(payload), actual, bound, where)
        if state:
            decode_state(message.data or b"")  # the reference decoder reads it
            _match(_literal(state), msgspec.msgpack.decode(message.data or b""), bound, f"{where} state", subset=True)


def _service_area() -> BBoxArea:
    """The first row of PROTOCOL.md's service-area table: what ``dispatch-desktop hub`` accepts."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("### 7.2"):text.index("### 7.3")]
    numbers = re.findall(r"\*\*([-\d., ]+)\*\*", section)
    return BBoxArea(*(float(n) for n in numbers[0].split(",")))


@pytest.fixture
def zmq_context() -> Iterator[zmq.Context]:  # type: ignore[type-arg]
    context = zmq.Context()
    yield context
    context.destroy(linger=0)


@pytest.mark.parametrize("block", _of("ddp-exchange"), ids=str)
def test_conversations_get_the_answers_shown(block: Block, make_hub: Callable[..., Running], tmp_path: Path,
                                             zmq_context: zmq.Context) -> None:  # type: ignore[type-arg]
    exchange = _Exchange.parse(block)
    running = make_hub(keys=exchange.keys(tmp_path / "keys"), units=exchange.roster(), real=True,
                       area=_service_area(), session_key=exchange.hub_key, **exchange.hub_options)
    exchange.run(running, zmq_context)


# --- the ids and numbers the examples use are the real ones ---------------------------------------------


def test_the_example_units_are_on_the_default_rosters_and_the_area_is_the_citys() -> None:
    from dispatch_desktop.city import DEFAULT_SEED, generate_city, registration_events
    from dispatch_desktop.sim.engine import SimConfig
    from dispatch_desktop.sim.runner import simulated_roster

    city = generate_city(DEFAULT_SEED, cameras=0)
    hub_roster = {body.unit for body in registration_events(city)}  # dispatch-desktop hub
    desk_roster = {body.unit for body in simulated_roster(city, SimConfig().units)}  # dispatch-desktop run
    used = {ident for block in _of("ddp-exchange") for ident in _Exchange.parse(block).roster()}
    assert used and used <= hub_roster & desk_roster, used - (hub_roster & desk_roster)
    assert "P-0001" not in hub_roster  # the stranger of section 20.3
    assert spec.EXAMPLE.source in hub_roster & desk_roster  # section 20.11's fixture
    box = city.bbox
    assert _service_area() == BBoxArea(box.south, box.west, box.north, box.east)
    text = DOC.read_text(encoding="utf-8")
    no_city = GUANGZHOU
    assert f"**{no_city.south}, {no_city.west}, {no_city.north}, {no_city.east}**" in text


# --- docs/STORE.md: the database schema ---------------------------------------------------------------

STORE_DOC = DOC.with_name("STORE.md")


def _store_text() -> str:
    return STORE_DOC.read_text(encoding="utf-8")


def _first_column(section: str) -> list[str]:
    cells = (line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| `"))
    return [cell.strip("`") for cell in cells]


def test_every_table_and_column_of_the_store_is_documented_in_order() -> None:
    from dispatch_desktop.store.schema import metadata

    text = _store_text()
    tables = {table.name: [column.name for column in table.columns] for table in metadata.sorted_tables}
    tables["alembic_version"] = ["version_num"]
    for name, columns in tables.items():
        start = text.index(f"### `{name}`")
        following = text.find("\n##", start)
        end = following if following >= 0 else len(text)
        assert _first_column(text[start:end]) == columns, f"STORE.md's table {name}"


def test_the_kind_codes_are_the_stores() -> None:
    from dispatch_desktop.domain.events import KIND_CODES

    text = _store_text()
    section = text[text.index("### 3.1"):text.index("### 3.2")]
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \|$", section, re.M)
    assert {kind: int(code) for code, kind in rows} == KIND_CODES


def _store_rows() -> dict[str, tuple[dict[str, str], bytes]]:
    """``store-row NAME`` blocks: (columns, body bytes); a body is hex bytes or JSON."""
    rows = {}
    for match in re.finditer(r"^```store-row (\S+)\n(.*?)^```$", _store_text(), re.M | re.S):
        columns_line, body_line = match.group(2).splitlines()
        columns = dict(part.split(": ", 1) for part in columns_line.split(", "))
        body = body_line.removeprefix("body: ")
        data = msgspec.msgpack.encode(json.loads(body)) if body.startswith("[") else bytes.fromhex(body)
        rows[match.group(1)] = columns, data
    return rows


def test_the_example_rows_are_what_the_store_writes() -> None:
    from dispatch_desktop.store.rows import decode_rows, encode_event

    rows = _store_rows()
    assert {"position", "field-record"} <= rows.keys()
    decoded = {}
    for name, (columns, body) in rows.items():
        values = tuple(int(columns[c]) for c in ("seq", "t_hub", "t_lag", "kind", "mode", "v"))
        ((_gseq, event),) = decode_rows([(1, 1, *values, body)], {1: columns["source"]})
        assert tuple(encode_event(event)) == (columns["source"], *values, body), f"{name}: not the canonical row"
        decoded[name] = event
    _type, report = _payload_block("position-report")
    assert decoded["position"] == msgspec.structs.replace(report, t_hub=1796518923004)
