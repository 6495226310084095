"""The plan report at close: each step against its deadline, who or which event ticked it; CSV and HTML."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

import pytest
from emergency_plans.checklist import Checklists
from emergency_plans.events import StepEscalated, StepTicked, StepUnticked
from emergency_plans.report import plan_report, to_csv, to_html

from dispatch_desktop.api import events as ev
from tests.plugins.emergency_plans_log import DESK, INCIDENT, Log, knife_plan, ms

SHANGHAI = ZoneInfo("Asia/Shanghai")
NAMES = {"rrt-1": "羊城突击队一组", "pg-1": "越秀巡组1"}


def closed_incident() -> Checklists:
    checklists = Checklists()
    for event in closed_log().events:
        checklists.apply(event)
    return checklists


def closed_log() -> Log:
    log = Log()
    log.units()
    log.incident(at_s=20)
    log.activate(knife_plan(), at_s=30)
    log.dispatch("rrt-1", 40)
    log.own(StepUnticked(activation="act-1", step="rrt_dispatched", reason="wrong team"), 45)
    log.dispatch("pg-1", 50)
    log.dispatch("rrt-2", 75)  # 15 s after its 1-minute deadline
    log.own(StepEscalated(activation="act-1", step="rrt_arrived"), 241)
    log.arrive("pg-1", 200)
    log.arrive("rrt-1", 300)
    log.own(StepTicked(activation="act-1", step="press_line", note="口径已定", by="李指挥 0042"), 400)
    log.add("rrt-1", ev.Clearance(incident=INCIDENT, result="resolved"), 900)
    log.add(DESK, ev.IncidentClosed(incident=INCIDENT, disposition="resolved"), 950)
    return log


def rows(text: str) -> dict[str, dict[str, str]]:
    return {row["Step"]: row for row in csv.DictReader(io.StringIO(text))}


def test_each_step_is_reported_against_its_deadline_with_what_ticked_it() -> None:
    report = plan_report(closed_incident(), "act-1", ms(5000), "en", SHANGHAI, unit_name=lambda u: NAMES.get(u, u))
    table = rows(to_csv(report))
    team = table["Dispatch the rapid-response team"]
    assert (team["Due"], team["Done at"]) == ("2026-05-06 08:01:00", "2026-05-06 08:01:15")
    assert team["Result"] == "late by 0:15"
    second_team = next(e.gseq for e in closed_log().events
                       if isinstance(e.body, ev.UnitDispatched) and e.body.unit == "rrt-2")
    assert team["Ticked by"] == f"dispatch of rrt-2 (event #{second_team}); tick taken back 1×"
    arrived = table["Rapid-response team on scene"]
    assert arrived["Result"] == "late by 1:00" and arrived["Escalated"] == "2026-05-06 08:04:01"
    assert arrived["Ticked by"].startswith("arrival of 羊城突击队一组 (event #")
    assert table["Agree the press line"]["Ticked by"] == "by hand: 李指挥 0042 — 口径已定"
    assert table["Agree the press line"]["Result"] == "on time"
    assert table["Tell the railway police"]["Result"] == "not done, overdue"  # 5 min after activation, closed at 950 s
    assert report.summary == "5 of 8 steps done, 3 on time"  # one patrol of two; no survey; no railway police


def test_the_report_reads_in_chinese_on_a_chinese_desk() -> None:
    catalogue = {"Dispatcher": "调度员", "Units on scene": "现场警力", "Shift commander": "值班长"}
    report = plan_report(closed_incident(), "act-1", ms(5000), "zh_CN", SHANGHAI, tr=lambda t: catalogue.get(t, t))
    assert report.title == "火车站持刀伤人处置预案"
    assert report.header[1] == "负责" and report.rows[0][1] == "调度员"  # the panel's role names, not codes
    assert report.header[0] == "步骤" and report.rows[0][0] == "派羊城突击队"
    assert report.rows[0][6] == "超时 0:15"
    assert report.rows[1][7].startswith("到场 rrt-1（事件 #")


def test_the_html_report_stands_alone_and_escapes_what_people_typed() -> None:
    checklists = closed_incident()
    page = to_html(plan_report(checklists, "act-1", ms(5000), "en", SHANGHAI,
                               unit_name=lambda unit: "<b>team</b>" if unit == "rrt-1" else unit))
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "&lt;b&gt;team&lt;/b&gt;" in page and "<b>team</b>" not in page
    assert "<script" not in page and "src=" not in page and "href=" not in page
    assert page.count("<tr>") == 1 + 8  # the header and one row a step
    assert "Knife attack at a railway station" in page and "railway_knife_attack v3" in page


def test_a_report_for_an_activation_this_desk_does_not_hold_says_so() -> None:
    with pytest.raises(KeyError, match="no plan activation 'act-9'"):
        plan_report(Checklists(), "act-9", ms(0), "en", SHANGHAI)
