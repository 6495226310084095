"""The offline HTML report of the story's incident: nothing it loads comes from the network, the tracks are
in it (cut at the gap), and its tables hold the record's events and the phases against their targets."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from lxml import html as lxml_html

from dispatch_desktop.record import IncidentRecord, html_report, incident_record, record_statistics
from dispatch_desktop.store import EventStore
from tests.record.story import GAP, INCIDENT, NOTE, T0, p0001_lat

HTTP = re.compile(r"^\s*(https?:)?//", re.I)


@pytest.fixture
def record(story_store: EventStore) -> Iterator[IncidentRecord]:
    yield incident_record(story_store, INCIDENT)


def _page(record: IncidentRecord, language: str = "zh_CN") -> lxml_html.HtmlElement:
    return lxml_html.fromstring(html_report(record, record_statistics(record), language=language))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_report_requests_nothing_from_the_network(record: IncidentRecord, language: str) -> None:
    page = _page(record, language)
    linked = [(element.tag, name, value) for element in page.iter() if isinstance(element.tag, str)
              for name, value in element.attrib.items() if name in ("src", "href") and HTTP.match(value)]
    assert linked == []
    assert page.xpath("//script[@src] | //link[@href] | //img | //iframe") == []
    styles = " ".join(style.text_content() for style in page.xpath("//style"))
    assert "url(http" not in styles.replace(" ", "") and "@import" not in styles
    scripts = " ".join(script.text_content() for script in page.xpath("//script"))
    assert "L.map(" in scripts and "L.tileLayer(" not in scripts  # Leaflet inlined, and no tiles


def test_the_tracks_are_drawn_and_not_joined_across_a_gap(record: IncidentRecord) -> None:
    scripts = " ".join(script.text_content() for script in _page(record).xpath("//script"))
    before_gap, after_gap = T0 + GAP[0] - 5_000, T0 + GAP[1] + 5_000
    last_before, first_after = p0001_lat(before_gap - before_gap % 5_000), p0001_lat(after_gap - after_gap % 5_000)
    assert f"[{last_before}, 113.3]" in scripts and f"[{first_after}, 113.3]" in scripts
    assert f"[{last_before}, 113.3], [{first_after}, 113.3]" not in scripts
    polylines = scripts.count("L.polyline(")
    assert polylines == 3  # P-0001 before and after its silence, R-0001 once: never a line across the gap


def test_the_event_table_is_the_records_events(record: IncidentRecord) -> None:
    rows = _page(record).xpath("//table[@class='events']/tbody/tr")
    assert [int(row.xpath("td")[0].text_content()) for row in rows] == [gseq for gseq, _event in record.events]
    notes = [row for row in rows if NOTE in row.xpath("td")[5].text_content()]
    assert len(notes) == 1, "the note as typed, quotes and line break included"


@pytest.mark.parametrize(("language", "title", "phase", "kind"), [
    ("zh_CN", "警情记录报告", "派警 → 到场", "到场"),
    ("en", "Incident record", "dispatch → arrival", "arrived"),
])
def test_the_report_speaks_the_language_asked_for(record: IncidentRecord, language: str, title: str, phase: str,
                                                 kind: str) -> None:
    page = _page(record, language)
    assert page.xpath("//h1")[0].text_content() == f"{title} {INCIDENT}"
    phases = [row.xpath("td")[0].text_content() for row in page.xpath("//table[@class='phases']/tbody/tr")]
    assert phase in phases
    kinds = {row.xpath("td")[2].text_content() for row in page.xpath("//table[@class='events']/tbody/tr")}
    assert kind in kinds


def test_each_phase_is_coloured_by_its_level_against_the_target(record: IncidentRecord) -> None:
    statistics = record_statistics(record)
    rows = _page(record, "en").xpath("//table[@class='phases']/tbody/tr")
    levels = [timer.level.value for timer in (statistics.phases.dispatch, statistics.phases.arrival,
                                                statistics.phases.clear)]
    colours = {"ok": "#d8f0d8", "warning": "#fbe7b0", "overdue": "#f6c6c6", "pending": "#ececec"}
    assert [row.get("style") for row in rows] == [f"background:{colours[level]}" for level in levels]
    assert [row.xpath("td")[3].text_content() for row in rows] == [
        {"ok": "on time", "warning": "nearly late", "overdue": "overdue", "pending": "pending"}[level]
        for level in levels]
    assert levels == ["warning", "warning", "ok"], "the story: dispatched in 120 s, on scene 8 minutes later"


def test_an_unknown_language_is_refused_with_the_choices(record: IncidentRecord) -> None:
    with pytest.raises(ValueError, match="zh_CN, en"):
        html_report(record, record_statistics(record), language="fr")
