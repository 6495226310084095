"""One event of a record in Chinese: the summary column of a Chinese HTML or PDF report.

The same facts as ``summary`` (the English sentences of the CSV), in the words a Guangzhou command center
uses; names come from the record (call signs), incident types and departments from the taxonomy, and what a
person typed (addresses, notes, reasons) is quoted as typed. Codes the taxonomy does not name (a
disposition, a hang-up reason) are shown as stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import taxonomy

FIELD_RECORDS = {
    "scene_survey": "现场勘查",
    "info_collection": "信息采集",
    "identity_check_request": "人员核查请求",
    "identity_check_answer": "人员核查结果",
    "vehicle_check_request": "车辆核查请求",
    "vehicle_check_answer": "车辆核查结果",
}
CATEGORIES = {"police": "警务类", "non_police": "非警务类"}


def _unit(names: Mapping[str, str], unit: str) -> str:
    return names.get(unit, unit)


def _joined(*parts: str) -> str:
    return " — ".join(part for part in parts if part)


def _type(code: str) -> str:
    return taxonomy.incident_type(code).name_zh if taxonomy.is_known(code) else code


def _department(code: str) -> str:
    try:
        return taxonomy.department_name(code)
    except (KeyError, ValueError):
        return code


def _call_offered(body: ev.CallOffered, _event: ev.Envelope, _names: Mapping[str, str]) -> str:
    caller = body.number or "隐藏号码"
    where = f"（登记地址 {body.address}）" if body.address else ""
    return f"{body.line} 来电 {body.call} 振铃，来电号码 {caller}{where}"


def _incident_created(body: ev.IncidentCreated, _event: ev.Envelope, _names: Mapping[str, str]) -> str:
    category = CATEGORIES.get(body.category.value, body.category.value)
    return _joined(f"立案：{_type(body.incident_type)}，{body.priority} 级，{category}，地点 {body.address}",
                   body.description)


def _field_record(body: ev.FieldRecord, event: ev.Envelope, names: Mapping[str, str]) -> str:
    fields = "；".join(f"{key}：{value}" for key, value in body.fields.items())
    files = f"（附件 {len(body.attachments)} 个）" if body.attachments else ""
    kind = FIELD_RECORDS.get(body.record.value, body.record.value)
    return _joined(f"{_unit(names, event.source)} 上报{kind}{files}", fields)


_Summary = Callable[[Any, ev.Envelope, Mapping[str, str]], str]

SUMMARIES_ZH: dict[str, _Summary] = {
    "call_offered": _call_offered,
    "call_answered": lambda b, e, n: f"来电 {b.call} 由 {e.source} 接听",
    "call_ended": lambda b, e, n: f"来电 {b.call} 结束（{b.reason}）",
    "call_closed": lambda b, e, n: _joined(f"来电 {b.call} 办结：{b.disposition}", b.note),
    "incident_created": _incident_created,
    "incident_reclassified": lambda b, e, n: _joined(
        f"改类为 {_type(b.incident_type)}，{b.priority} 级，{CATEGORIES.get(b.category.value, b.category.value)}",
        b.reason),
    "unit_dispatched": lambda b, e, n: f"派出 {_unit(n, b.unit)}" + (f"（指令 {b.order}）" if b.order else ""),
    "order_delivered": lambda b, e, n: f"指令 {b.order} 已送达 {_unit(n, b.unit)} 的终端",
    "dispatch_ack": lambda b, e, n: f"{_unit(n, e.source)} 签收指令，已出发",
    "arrival": lambda b, e, n: f"{_unit(n, e.source)} 到达现场",
    "field_record": _field_record,
    "incident_note": lambda b, e, n: _joined(
        "备注" + (f"（附件 {len(b.attachments)} 个）" if b.attachments else ""), b.text),
    "unit_recalled": lambda b, e, n: _joined(f"撤回 {_unit(n, b.unit)}", b.reason),
    "clearance": lambda b, e, n: _joined(f"{_unit(n, e.source)} 报告处置完毕", b.result, b.summary),
    "incident_referred": lambda b, e, n: _joined(f"移交 {_department(b.department)}", b.reason),
    "incident_closed": lambda b, e, n: _joined(f"结案：{b.disposition}", b.reason),
    "plugin_event": lambda b, e, n: f"插件 {b.plugin}：{b.name.replace('_', ' ')}",
    "refused": lambda b, e, n: f"被拒绝（{b.refused_kind}，{b.code}）：{b.message}",
    "record_exported": lambda b, e, n: (f"记录导出为 {b.format.value.upper()}：{b.file}"
                                        f"（{b.size:,} 字节，SHA-256 {b.sha256}）"),
}
