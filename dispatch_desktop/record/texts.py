"""The words of the HTML and PDF reports in Chinese and English, without Qt (the record is core code: the
command line renders a report on a server with no Qt translator loaded). What a person typed (addresses,
notes, reasons) is never translated: the reports show it as typed."""

from __future__ import annotations

from collections.abc import Mapping

from dispatch_desktop.domain import taxonomy

LANGUAGES = ("zh_CN", "en")

_LABELS: dict[str, tuple[str, str]] = {  # key -> (zh_CN, en)
    "title": ("警情记录报告", "Incident record"),
    "incident": ("警情编号", "Incident"),
    "type": ("警情类别", "Type"),
    "priority": ("等级", "Priority"),
    "status": ("状态", "Status"),
    "address": ("地址", "Address"),
    "description": ("简要警情", "Description"),
    "caller": ("报警电话", "Caller"),
    "call_time": ("报警时间", "Call time"),
    "closed": ("结束时间", "Closed"),
    "disposition": ("处置结果", "Disposition"),
    "span": ("记录时段", "Span of the log"),
    "generated": ("生成时间", "Generated"),
    "intervals": ("各环节用时", "Intervals"),
    "targets": ("时限考核", "Against the targets"),
    "step": ("环节", "Step"),
    "elapsed": ("用时", "Time taken"),
    "target": ("时限", "Target"),
    "level": ("结果", "Result"),
    "units": ("出警单位", "Units"),
    "unit": ("单位", "Unit"),
    "unit_kind": ("类型", "Kind"),
    "station": ("所属派出所", "Station"),
    "distance": ("行驶里程", "Distance driven"),
    "on_scene": ("现场时间", "Time on scene"),
    "fixes": ("定位点数", "Fixes"),
    "gaps": ("信号中断", "Gaps"),
    "events": ("事件记录", "Events"),
    "time": ("时间", "Time"),
    "kind": ("事件", "Event"),
    "operator": ("操作员", "Operator"),
    "summary": ("内容", "Summary"),
    "map": ("轨迹图", "Track map"),
    "place": ("警情地点", "Incident location"),
    "track_start": ("起点", "Start"),
    "track_end": ("终点", "End"),
    "scale": ("比例尺", "Scale"),
    "page": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "none": ("—", "—"),
    "sha_note": ("本文件的 SHA-256 记录在事件日志中（record_exported），可据此核验。",
                 "This file's SHA-256 is recorded in the event log (record_exported): verify a copy against it."),
}

_STEPS: dict[str, tuple[str, str]] = {  # STEP_MARKS names
    "call": ("报警", "call"),
    "created": ("立案", "entered"),
    "dispatched": ("派警", "dispatched"),
    "acknowledged": ("接令", "acknowledged"),
    "arrived": ("到场", "arrived"),
    "cleared": ("处置完毕", "cleared"),
    "closed": ("结案", "closed"),
}

_PHASES: dict[str, tuple[str, str]] = {  # domain.timers.Phase values
    "dispatch": ("接警 → 派警", "call → dispatch"),
    "arrival": ("派警 → 到场", "dispatch → arrival"),
    "clear": ("到场 → 处置完毕", "arrival → clearance"),
}

_LEVELS: dict[str, tuple[str, str]] = {  # domain.timers.Level values
    "ok": ("达标", "on time"),
    "warning": ("临近超时", "nearly late"),
    "overdue": ("超时", "overdue"),
    "pending": ("未完成", "pending"),
}

_KINDS: dict[str, tuple[str, str]] = {  # event kinds that appear in an incident's record
    "call_offered": ("来电", "call rang"),
    "call_answered": ("接听", "call answered"),
    "call_ended": ("挂机", "call ended"),
    "call_closed": ("来电结束", "call closed"),
    "incident_created": ("立案", "incident entered"),
    "incident_reclassified": ("改类", "reclassified"),
    "unit_dispatched": ("派警", "unit dispatched"),
    "order_delivered": ("指令送达", "order delivered"),
    "dispatch_ack": ("接令出发", "order acknowledged"),
    "arrival": ("到场", "arrived"),
    "field_record": ("现场记录", "field record"),
    "incident_note": ("备注", "note"),
    "unit_recalled": ("撤回", "unit recalled"),
    "clearance": ("处置完毕", "cleared"),
    "incident_referred": ("移交", "referred"),
    "incident_closed": ("结案", "closed"),
    "plugin_event": ("插件事件", "plugin event"),
    "refused": ("被拒绝", "refused"),
    "record_exported": ("记录导出", "record exported"),
}

_UNIT_KINDS: dict[str, tuple[str, str]] = {  # domain.enums.UnitKind values
    "patrol": ("巡组", "patrol group"),
    "rapid": ("突击队", "rapid response"),
    "traffic": ("交警", "traffic police"),
    "station": ("派出所警车", "station car"),
    "officer": ("单警", "officer"),
}

_STATUSES: dict[str, tuple[str, str]] = {  # domain.enums.IncidentStatus values
    "new": ("待派", "new"),
    "dispatched": ("已派警", "dispatched"),
    "on_scene": ("处置中", "on scene"),
    "cleared": ("处置完毕", "cleared"),
    "referred": ("已移交", "referred"),
    "closed": ("已结案", "closed"),
}


def pick(table: Mapping[str, tuple[str, str]], key: str, language: str) -> str:
    """``key``'s words in ``language`` from a table of (zh_CN, en) pairs; an unknown key as itself, spaced."""
    pair = table.get(key)
    if pair is None:
        return key.replace("_", " ")
    return pair[0] if language == "zh_CN" else pair[1]


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"The report's language must be one of {', '.join(LANGUAGES)}, not {language!r}.")
    return language


def label(key: str, language: str) -> str:
    return pick(_LABELS, key, language)


def step_name(mark: str, language: str) -> str:
    return pick(_STEPS, mark, language)


def phase_name(phase: str, language: str) -> str:
    return pick(_PHASES, phase, language)


def level_name(level: str, language: str) -> str:
    return pick(_LEVELS, level, language)


def kind_name(kind: str, language: str) -> str:
    return pick(_KINDS, kind, language)


def status_name(status: str, language: str) -> str:
    return pick(_STATUSES, status, language)


def unit_kind_name(kind: str, language: str) -> str:
    return pick(_UNIT_KINDS, kind, language) if kind else ""


def incident_type_name(code: str, language: str) -> str:
    if not taxonomy.is_known(code):
        return code
    kind = taxonomy.incident_type(code)
    return kind.name_zh if language == "zh_CN" else kind.name_en


def duration_text(seconds: float | None, language: str) -> str:
    """``"3 min 05 s"`` / ``"3分05秒"``; a dash for a step not taken."""
    if seconds is None:
        return label("none", language)
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if language == "zh_CN":
        return (f"{hours}小时" if hours else "") + (f"{minutes}分{secs:02d}秒" if hours or minutes else f"{secs}秒")
    if hours:
        return f"{hours} h {minutes:02d} min {secs:02d} s"
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def distance_text(metres: float, language: str) -> str:
    kilometres = metres / 1000
    return f"{kilometres:.2f} 公里" if language == "zh_CN" else f"{kilometres:.2f} km"
