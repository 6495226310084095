"""The plan report at an incident's close: each step's time against its deadline, and who ticked it by hand or
which event ticked it; exported as CSV (one row a step) or as one self-contained HTML page (no file or script
beside it, so it can be mailed or archived as it is). In the desk's language, times in its time zone."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from emergency_plans.checklist import Activation, Checklists, StepState, StepView, Tick
from emergency_plans.checklist_rows import ROLE_NAMES
from emergency_plans.model import local

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "step": "Step", "owner": "Owner", "mandatory": "Mandatory", "deadline": "Deadline", "due": "Due",
        "done": "Done at", "result": "Result", "by": "Ticked by", "escalated": "Escalated",
        "yes": "yes", "no": "no", "on_time": "on time", "late": "late by {late}", "not_done": "not done",
        "overdue": "not done, overdue", "by_hand": "by hand: {who}", "by_event": "{kind} {unit} (event #{gseq})",
        "minutes": "{minutes} min from {anchor}", "untick": "tick taken back {count}×",
        "call": "the call", "created": "creation", "first_dispatch": "the first dispatch",
        "first_arrival": "the first arrival", "activated": "activation",
        "heading": "Plan report", "plan": "Plan", "incident": "Incident", "activated_by": "Activated",
        "deactivated": "Deactivated", "summary": "{done} of {total} steps done, {on_time} on time",
    },
    "zh": {
        "step": "步骤", "owner": "负责", "mandatory": "必做", "deadline": "时限", "due": "应完成",
        "done": "完成时间", "result": "结果", "by": "完成依据", "escalated": "已上报",
        "yes": "是", "no": "否", "on_time": "按时", "late": "超时 {late}", "not_done": "未完成",
        "overdue": "未完成，已超时", "by_hand": "人工：{who}", "by_event": "{kind} {unit}（事件 #{gseq}）",
        "minutes": "自{anchor}起 {minutes} 分钟", "untick": "撤销勾选 {count} 次",
        "call": "报警", "created": "立案", "first_dispatch": "首次派警", "first_arrival": "首次到场",
        "activated": "启动预案", "heading": "预案执行报告", "plan": "预案", "incident": "警情",
        "activated_by": "启动", "deactivated": "停用", "summary": "共 {total} 步，完成 {done} 步，按时 {on_time} 步",
    },
}
EVENT_NAMES: dict[str, dict[str, str]] = {
    "en": {"unit_dispatched": "dispatch of", "dispatch_ack": "acknowledgement by", "arrival": "arrival of",
           "clearance": "clearance by", "field_record": "field record by", "incident_note": "note",
           "incident_referred": "referral", "incident_closed": "close", "incident_reclassified": "reclassification"},
    "zh": {"unit_dispatched": "派警", "dispatch_ack": "接令", "arrival": "到场", "clearance": "处置完毕",
           "field_record": "现场记录", "incident_note": "备注", "incident_referred": "移交",
           "incident_closed": "结案", "incident_reclassified": "改类"},
}
"""The events that tick steps, named for the report (another kind shows as it is on the wire)."""
COLUMNS = ("step", "owner", "mandatory", "deadline", "due", "done", "result", "by", "escalated")


@dataclass(frozen=True)
class Report:
    title: str
    plan: str  # "<plan id> v<version>"
    incident: str
    activated: str  # when and by whom
    deactivated: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    summary: str
    language: str


def plan_report(checklists: Checklists, activation_id: str, now_ms: int, language: str, zone: ZoneInfo,
                unit_name: Callable[[str], str] = lambda unit: unit,
                tr: Callable[[str], str] = lambda text: text) -> Report:
    """The report of one activation's checklist as it stands at ``now_ms`` (the incident's close, usually).
    ``tr``: the desk's catalogue, for the owners' role names (the panel's own). Raises KeyError for an
    activation the checklists do not hold."""
    activation = checklists.activation(activation_id)
    if activation is None:
        raise KeyError(f"no plan activation {activation_id!r} on this desk")
    words = _words(language)
    views = checklists.view(activation_id, now_ms)
    rows = tuple(_row(view, activation, language, zone, unit_name, tr) for view in views)
    done = [view for view in views if view.tick is not None]
    deactivated = "" if activation.deactivated is None else \
        f"{_clock(activation.deactivated.time, zone)} {activation.deactivated_by}"
    return Report(
        title=local(activation.title, language), plan=f"{activation.plan} v{activation.version}",
        incident=activation.incident, activated=f"{_clock(activation.activated.time, zone)} {activation.by}",
        deactivated=deactivated, header=tuple(words[column] for column in COLUMNS), rows=rows,
        summary=words["summary"].format(total=len(views), done=len(done),
                                        on_time=sum(1 for view in done if not view.late)),
        language=language)


def _row(view: StepView, activation: Activation, language: str, zone: ZoneInfo,
         unit_name: Callable[[str], str], tr: Callable[[str], str]) -> tuple[str, ...]:
    words = _words(language)
    step, tick = view.step, view.tick
    deadline = "" if step.deadline is None else words["minutes"].format(
        minutes=f"{step.deadline.minutes:g}", anchor=words[step.deadline.from_.value])
    ticked_by = [] if tick is None else [_ticked_by(tick, language, unit_name)]
    unticks = len(activation.steps[step.id].unticks)
    if unticks:
        ticked_by.append(words["untick"].format(count=unticks))
    return (local(step.text, language), tr(ROLE_NAMES[step.owner]), words["yes" if step.mandatory else "no"], deadline,
            _clock(view.due_ms, zone), _clock(tick.time if tick else None, zone), _result(view, words),
            "; ".join(ticked_by), _clock(view.escalated.time if view.escalated else None, zone))


def _words(language: str) -> dict[str, str]:
    return LABELS["en" if language.startswith("en") else "zh"]


def _result(view: StepView, words: dict[str, str]) -> str:
    if view.tick is None:
        return words["overdue" if view.state is StepState.OVERDUE else "not_done"]
    if view.late and view.due_ms is not None:
        return words["late"].format(late=_duration(view.tick.time - view.due_ms))
    return words["on_time"]


def _ticked_by(tick: Tick, language: str, unit_name: Callable[[str], str]) -> str:
    words = _words(language)
    if tick.manual:
        return words["by_hand"].format(who=" — ".join(part for part in (tick.by, tick.note) if part))
    kind = EVENT_NAMES["en" if language.startswith("en") else "zh"].get(tick.mark.kind, tick.mark.kind)
    unit = unit_name(tick.mark.unit) if tick.mark.unit else ""
    return words["by_event"].format(kind=kind, unit=unit, gseq=tick.mark.gseq).replace("  ", " ")


def _clock(time_ms: int | None, zone: ZoneInfo) -> str:
    if time_ms is None:
        return ""
    return datetime.fromtimestamp(time_ms / 1000, zone).strftime("%Y-%m-%d %H:%M:%S")


def _duration(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def to_csv(report: Report) -> str:
    """One row a step, with a header row; UTF-8 text (a spreadsheet opens it with the BOM the caller adds)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(report.header)
    writer.writerows(report.rows)
    return out.getvalue()


def to_html(report: Report) -> str:
    """The report as one HTML page with its style inline: nothing to fetch, nothing to run."""
    words = _words(report.language)
    e = html.escape
    head = "".join(f"<th>{e(cell)}</th>" for cell in report.header)
    body = "".join("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in report.rows)
    facts = [(words["plan"], report.plan), (words["incident"], report.incident),
             (words["activated_by"], report.activated)]
    if report.deactivated:
        facts.append((words["deactivated"], report.deactivated))
    lines = "".join(f"<dt>{e(name)}</dt><dd>{e(value)}</dd>" for name, value in facts)
    lang = "en" if report.language.startswith("en") else "zh-CN"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{e(report.title)}</title>'
            "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
            "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}"
            "dt{font-weight:bold;float:left;clear:left;width:7em}dd{margin-left:8em}</style></head><body>"
            f"<h1>{e(words['heading'])}: {e(report.title)}</h1><dl>{lines}</dl><p>{e(report.summary)}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>")
