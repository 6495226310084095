"""One event of a record in words: the CSV's "summary" column and the reports' event tables.

English sentences (Chinese ones for a Chinese report: ``summary_zh``); names come from the record (a unit's
call sign rather than its id), and whatever a person typed (addresses, notes, reasons) is quoted as typed,
in Chinese or otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dispatch_desktop.domain import events as ev
from dispatch_desktop.record.summary_zh import SUMMARIES_ZH


def _unit(names: Mapping[str, str], unit: str) -> str:
    return names.get(unit, unit)


def _joined(*parts: str) -> str:
    return " — ".join(part for part in parts if part)


def _call_offered(body: ev.CallOffered, _event: ev.Envelope, _names: Mapping[str, str]) -> str:
    caller = body.number or "a withheld number"
    where = f" (registered address {body.address})" if body.address else ""
    return f"{body.line} call {body.call} rang from {caller}{where}"


def _incident_created(body: ev.IncidentCreated, _event: ev.Envelope, _names: Mapping[str, str]) -> str:
    return _joined(f"Incident entered: {body.incident_type}, priority {body.priority}, {body.category.value}, "
                   f"at {body.address}", body.description)


def _field_record(body: ev.FieldRecord, event: ev.Envelope, names: Mapping[str, str]) -> str:
    fields = "; ".join(f"{key}: {value}" for key, value in body.fields.items())
    files = f" ({len(body.attachments)} file(s))" if body.attachments else ""
    return _joined(f"{_unit(names, event.source)} reported a {body.record.value.replace('_', ' ')}{files}", fields)


_Summary = Callable[[Any, ev.Envelope, Mapping[str, str]], str]

_SUMMARIES: dict[str, _Summary] = {
    "call_offered": _call_offered,
    "call_answered": lambda b, e, n: f"Call {b.call} answered at {e.source}",
    "call_ended": lambda b, e, n: f"Call {b.call} ended ({b.reason})",
    "call_closed": lambda b, e, n: _joined(f"Call {b.call} closed as {b.disposition}", b.note),
    "incident_created": _incident_created,
    "incident_reclassified": lambda b, e, n: _joined(
        f"Reclassified as {b.incident_type}, priority {b.priority}, {b.category.value}", b.reason),
    "unit_dispatched": lambda b, e, n: f"{_unit(n, b.unit)} dispatched" + (f" (order {b.order})" if b.order else ""),
    "order_delivered": lambda b, e, n: f"Order {b.order} delivered to {_unit(n, b.unit)}'s handset",
    "dispatch_ack": lambda b, e, n: f"{_unit(n, e.source)} acknowledged the order and is on its way",
    "arrival": lambda b, e, n: f"{_unit(n, e.source)} arrived on scene",
    "field_record": _field_record,
    "incident_note": lambda b, e, n: _joined(
        "Note" + (f" with {len(b.attachments)} file(s)" if b.attachments else ""), b.text),
    "unit_recalled": lambda b, e, n: _joined(f"{_unit(n, b.unit)} recalled", b.reason),
    "clearance": lambda b, e, n: _joined(f"{_unit(n, e.source)} reported the incident handled", b.result, b.summary),
    "incident_referred": lambda b, e, n: _joined(f"Referred to {b.department}", b.reason),
    "incident_closed": lambda b, e, n: _joined(f"Closed as {b.disposition}", b.reason),
    "plugin_event": lambda b, e, n: f"Plugin {b.plugin}: {b.name.replace('_', ' ')}",
    "refused": lambda b, e, n: f"Refused ({b.refused_kind}, {b.code}): {b.message}",
    "record_exported": lambda b, e, n: (f"Record exported as {b.format.value.upper()} to {b.file} "
                                        f"({b.size:,} bytes, SHA-256 {b.sha256})"),
}


def summary(event: ev.Envelope, names: Mapping[str, str], language: str = "en") -> str:
    """``names``: unit id -> the name to show; ``language``: ``"en"`` (the CSV's) or ``"zh_CN"``
    (``summary_zh``). A kind without its own sentence is named by its kind."""
    make = (SUMMARIES_ZH if language == "zh_CN" else _SUMMARIES).get(event.kind)
    return make(event.body, event, names) if make else event.kind.replace("_", " ")


def unit_of(event: ev.Envelope) -> str:
    """The unit an event is about: the one it names, else the reporting unit itself."""
    named = getattr(event.body, "unit", "")
    if named:
        return str(named)
    return event.source if event.kind in ev.UNIT_REPORT_KINDS else ""


def operator_of(event: ev.Envelope) -> str:
    return str(getattr(event.body, "operator", ""))
