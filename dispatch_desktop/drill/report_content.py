"""What the drill report's HTML and PDF both show, computed once in the report's language: the drill's facts,
the score (each expectation's time against its deadline), the inject timeline (planned and actual drill
time, what each became), each drill incident's intervals (the incident record's own statistics) and the
command that replays the drill. The two renderers only lay it out."""

from __future__ import annotations

import functools
import shlex
from typing import NamedTuple

from dispatch_desktop.domain.localtime import clock_text, date_time_text, zone_label
from dispatch_desktop.drill import texts
from dispatch_desktop.drill.record import DrillRecord, InjectMark
from dispatch_desktop.drill.scenario import drill_ms, drill_time
from dispatch_desktop.drill.scoring import ExpectationScore, Outcome
from dispatch_desktop.record import report_content as incident_content
from dispatch_desktop.record import texts as record_texts
from dispatch_desktop.record.model import IncidentRecord
from dispatch_desktop.record.stats import record_statistics

OUTCOME_COLOURS = {Outcome.MET: incident_content.LEVEL_COLOURS["ok"],
                   Outcome.MISSED: incident_content.LEVEL_COLOURS["overdue"],
                   Outcome.PENDING: incident_content.LEVEL_COLOURS["pending"]}
WATERMARK_COLOUR = (200, 30, 30, 40)
"""Red, mostly transparent (alpha of 255): the watermark must not hide the figures it lies over."""
BANNER_COLOUR = "#b71c1c"


class Row(NamedTuple):
    label: str
    value: str


class ScoreRow(NamedTuple):
    expectation: str
    deadline: str
    met_at: str
    against: str
    outcome: str
    points: str
    colour: str  # the row's background: green met, red missed, grey pending


class InjectRow(NamedTuple):
    inject: str
    kind: str
    planned: str
    actual: str
    became: str


class IncidentSection(NamedTuple):
    title: str
    facts: list[incident_content.Row]
    phases: list[incident_content.PhaseRow]
    steps: list[incident_content.Row]
    units: list[incident_content.UnitRow]


def title(record: DrillRecord, language: str) -> str:
    scenario = record.scenario.title.local(language) if record.scenario is not None else record.started.scenario
    return f"{texts.label('title', language)} {record.drill_id} · {scenario}"


def facts(record: DrillRecord, language: str) -> list[Row]:
    said = functools.partial(texts.label, language=language)
    started = record.started
    ended = record.ended
    end = (f"{_time(record.end_ms)} · {texts.end_reason_name(ended.reason.value, language)}" if ended is not None
           else said("not_ended"))
    rows = [
        Row(said("drill"), record.drill_id),
        Row(said("scenario"), f"{started.scenario} ({said('version')} {started.version})"),
        Row(said("trainer"), started.operator),
        Row(said("started"), _time(record.start_ms)),
        Row(said("ended"), end),
        Row(said("enrolled"), ", ".join(started.enrolled)),
        Row(said("simulated"), ", ".join(started.simulated)),
    ]
    return [row for row in rows if row.value]


def _time(ms: int) -> str:
    return f"{date_time_text(ms)} {zone_label(ms)}" if ms > 0 else ""


def score_total(record: DrillRecord, language: str) -> str:
    """``"50 / 85 · met 2, missed 2"``, or why the drill has no score."""
    if record.score is None:
        return f"{texts.label('unscored', language)}: {record.unscored}"
    counts = ", ".join(f"{texts.outcome_name(outcome.value, language)} {record.score.count(outcome)}"
                       for outcome in Outcome if record.score.count(outcome))
    return f"{record.score.earned} / {record.score.possible} · {counts}"


def score_rows(record: DrillRecord, language: str) -> list[ScoreRow]:
    if record.score is None:
        return []
    return [_score_row(item, record, language) for item in record.score.expectations]


def _score_row(item: ExpectationScore, record: DrillRecord, language: str) -> ScoreRow:
    expectation = item.expectation
    deadline = texts.label("within", language).format(inject=expectation.deadline.inject,
                                                      time=expectation.deadline.within)
    anchor = item.deadline_ms - drill_ms(expectation.deadline.within) if item.deadline_ms is not None else None
    met_at = drill_time(item.met_at_ms - anchor) if item.met_at_ms is not None and anchor is not None else "—"
    against = "—"
    if item.met_at_ms is not None and item.deadline_ms is not None:
        spare = item.deadline_ms - item.met_at_ms
        words = "early" if spare >= 0 else "late"
        against = texts.label(words, language).format(time=texts.duration_text(abs(spare) / 1000, language))
    return ScoreRow(expectation.text.local(language), deadline, met_at, against,
                    texts.outcome_name(item.outcome.value, language), f"{item.earned} / {item.points}",
                    OUTCOME_COLOURS[item.outcome])


def inject_rows(record: DrillRecord, language: str) -> list[InjectRow]:
    return [_inject_row(mark, record, language) for mark in record.injects]


def _inject_row(mark: InjectMark, record: DrillRecord, language: str) -> InjectRow:
    planned = drill_time(mark.planned_ms) if mark.planned_ms is not None else "—"
    if mark.at_ms:
        actual = f"{drill_time(record.drill_ms(mark.at_ms))} ({clock_text(mark.at_ms)})"  # paused, warped: drill time
    else:
        actual = texts.label("not_seen" if mark.observable else "not_observable", language)
    return InjectRow(mark.inject, texts.inject_kind_name(mark.kind, language), planned, actual, mark.incident or "—")


def incident_sections(record: DrillRecord, language: str) -> list[IncidentSection]:
    return [_incident_section(incident, language) for incident in record.incidents]


def _incident_section(record: IncidentRecord, language: str) -> IncidentSection:
    statistics = record_statistics(record)
    incident = record.incident
    kind = record_texts.incident_type_name(incident.incident_type, language)
    return IncidentSection(f"{incident.id} · {kind} · {incident.address}",
                           [row for row in incident_content.facts(record, language)
                            if row.label != record_texts.label("span", language)],
                           incident_content.phase_rows(statistics, language),
                           incident_content.step_rows(statistics, language),
                           incident_content.unit_rows(record, statistics, language))


def replay_command(record: DrillRecord, db: str) -> str:
    """The command that opens the replay window on the drill, in its own state (as its trainees saw it)."""
    return f"dispatch-desktop replay open --db {shlex.quote(db)} --drill {record.drill_id}"
