"""A Chinese report's event table speaks Chinese: every kind of the story's record has its own sentence,
typed text stays as typed, and the English CSV is unchanged."""

from __future__ import annotations

from dispatch_desktop.record import incident_record
from dispatch_desktop.record.report_content import event_rows
from dispatch_desktop.record.summary import summary
from dispatch_desktop.record.summary_zh import SUMMARIES_ZH
from dispatch_desktop.store import EventStore
from tests.record.story import INCIDENT, NOTE


def test_every_event_of_a_chinese_report_is_a_chinese_sentence(story_store: EventStore) -> None:
    record = incident_record(story_store, INCIDENT)
    rows = event_rows(record, "zh_CN")
    assert {event.kind for _g, event in record.events} <= set(SUMMARIES_ZH)
    by_kind = {event.kind: row.summary for (_g, event), row in zip(record.events, rows, strict=True)}
    assert by_kind["incident_created"].startswith("立案：抢夺，2 级，警务类")
    assert by_kind["arrival"] == "天河巡组一 到达现场"
    assert by_kind["unit_recalled"] == "撤回 突击一队 — not needed"  # the reason as typed
    assert NOTE in by_kind["incident_note"]
    english = event_rows(record, "en")
    assert english[0].summary == summary(record.events[0][1], {}) and "rang" in english[0].summary
