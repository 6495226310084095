"""The words of the drill report (HTML and PDF) in Chinese and English, without Qt: the command line renders a
report on a server with no translator loaded. The incident tables reuse ``record.texts``; what a trainer or
a trainee typed (scenario texts come in both languages) is shown as written."""

from __future__ import annotations

from dispatch_desktop.record import texts as record_texts

WATERMARK = "演练 DRILL"
"""Across every page of every drill export, in both languages: a drill's paper must never pass for a live one."""

_LABELS: dict[str, tuple[str, str]] = {  # key -> (zh_CN, en)
    "title": ("演练报告", "Drill report"),
    "banner": ("演练 · 非实战 — 本报告中的警情、指令和单位均属演练，不是真实警情",
               "DRILL · NOT LIVE — every incident, order and unit in this report belongs to an exercise"),
    "drill": ("演练编号", "Drill"),
    "scenario": ("演练脚本", "Scenario"),
    "version": ("版本", "version"),
    "trainer": ("导调员", "Trainer"),
    "started": ("开始时间", "Started"),
    "ended": ("结束时间", "Ended"),
    "not_ended": ("未结束（演练被中断或仍在进行）", "not ended (the drill was interrupted or still runs)"),
    "enrolled": ("参演实战单位", "Enrolled real units"),
    "simulated": ("模拟单位", "Simulated units"),
    "score": ("评分", "Score"),
    "total": ("总分", "Total"),
    "expectation": ("考核项", "Expectation"),
    "deadline": ("时限", "Deadline"),
    "met_at": ("完成用时", "Done after"),
    "against": ("对照时限", "Against the deadline"),
    "outcome": ("结果", "Result"),
    "points": ("得分", "Points"),
    "injects": ("导调时间线", "Injects"),
    "inject": ("导调项", "Inject"),
    "inject_kind": ("类型", "Kind"),
    "planned": ("计划时间", "Planned"),
    "actual": ("实际时间", "Actual"),
    "became": ("结果", "What it became"),
    "incidents": ("演练警情", "The drill's incidents"),
    "no_incidents": ("本次演练没有生成警情。", "The drill made no incident."),
    "replay": ("回放本次演练", "Replay this drill"),
    "replay_note": ("在命令行运行：", "Run on the command line:"),
    "unscored": ("未评分", "Not scored"),
    "not_seen": ("日志中无记录", "not in the log"),
    "not_observable": ("日志不记录此类导调", "the log does not record this kind"),
    "early": ("提前 {time}", "{time} to spare"),
    "late": ("超时 {time}", "{time} late"),
    "within": ("{inject} 后 {time} 内", "{time} after {inject}"),
    "reasons": ("结束方式", "How it ended"),
}

_OUTCOMES: dict[str, tuple[str, str]] = {  # scoring.Outcome values
    "met": ("达成", "met"),
    "missed": ("未达成", "missed"),
    "pending": ("未到期", "pending"),
}

_INJECT_KINDS: dict[str, tuple[str, str]] = {  # scenario.INJECT_KINDS
    "call": ("110 报警", "110 call"),
    "unit_failure": ("单位故障", "unit failure"),
    "field_record": ("现场记录", "field record"),
    "sos": ("紧急求助", "SOS"),
    "camera_dark": ("摄像头中断", "camera dark"),
}

_END_REASONS: dict[str, tuple[str, str]] = {  # events.DrillEndReason values
    "completed": ("按脚本完成", "completed"),
    "ended": ("导调员提前结束", "ended by the trainer"),
    "aborted": ("中止", "aborted"),
}


def label(key: str, language: str) -> str:
    return record_texts.pick(_LABELS, key, language)


def outcome_name(outcome: str, language: str) -> str:
    return record_texts.pick(_OUTCOMES, outcome, language)


def inject_kind_name(kind: str, language: str) -> str:
    return record_texts.pick(_INJECT_KINDS, kind, language)


def end_reason_name(reason: str, language: str) -> str:
    return record_texts.pick(_END_REASONS, reason, language)


check_language = record_texts.check_language
duration_text = record_texts.duration_text
