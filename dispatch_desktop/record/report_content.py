"""What the HTML report and the PDF report both show, computed once: the incident's facts, the phases
against their targets, the steps, the units, the event table and the map's lines, in the report's
language. The two renderers only lay it out, so a supervisor sees the same figures in either file."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, NamedTuple

from dispatch_desktop.domain.localtime import date_time_text, zone_label
from dispatch_desktop.record import texts
from dispatch_desktop.record.csv_log import unit_names
from dispatch_desktop.record.model import Fix, IncidentRecord
from dispatch_desktop.record.stats import RecordStatistics, segments
from dispatch_desktop.record.summary import operator_of, summary, unit_of
from dispatch_desktop.record.tracks import KIND_COLOURS, OTHER_COLOUR

LEVEL_COLOURS = {"ok": "#d8f0d8", "warning": "#fbe7b0", "overdue": "#f6c6c6", "pending": "#ececec"}
"""Background of a phase's row by its level: green on time, amber from 80 % of the target, red past it."""
INCIDENT_COLOUR = "#d32f2f"
DISTRICT_COLOUR = "#9e9e9e"
OUTLINE_TOLERANCE_DEG = 0.002
"""How far (about 200 m) a district's drawn outline may stray from the real one: a background needs no
more, and it keeps the report small (the full outlines are 270 kB)."""

LatLon = tuple[float, float]


class Row(NamedTuple):
    label: str
    value: str


class PhaseRow(NamedTuple):
    name: str
    elapsed: str
    target: str
    level: str  # a domain.timers.Level value: the row's colour
    level_text: str


class UnitRow(NamedTuple):
    name: str
    kind: str
    station: str
    distance: str
    on_scene: str
    fixes: str
    colour: str  # "#rrggbb", the colour of its track on the map


class EventRow(NamedTuple):
    gseq: int
    time: str
    kind: str
    unit: str
    operator: str
    summary: str


class TrackLines(NamedTuple):
    unit: str  # its name
    colour: str
    runs: list[list[LatLon]]  # cut at every gap: never a line across a silence
    start: LatLon | None
    end: LatLon | None


def unit_colour(kind: str) -> str:
    """The unit kind's colour as the KML export has it (``aabbggrr`` there), as ``#rrggbb``."""
    kml = KIND_COLOURS.get(kind, OTHER_COLOUR)
    return f"#{kml[6:8]}{kml[4:6]}{kml[2:4]}"


def facts(record: IncidentRecord, language: str) -> list[Row]:
    incident = record.incident
    said = functools.partial(texts.label, language=language)
    rows = [
        Row(said("incident"), incident.id),
        Row(said("type"), f"{texts.incident_type_name(incident.incident_type, language)} ({incident.incident_type})"),
        Row(said("priority"), f"P{incident.priority}"),
        Row(said("status"), texts.status_name(incident.status.value, language)),
        Row(said("address"), incident.address),
        Row(said("description"), incident.description),
        Row(said("caller"), incident.caller_number),
        Row(said("call_time"), _time(incident.call_time or incident.created_at)),
        Row(said("closed"), _time(incident.closed_at)),
        Row(said("disposition"), incident.disposition),
        Row(said("span"), f"{_time(record.start_ms)} – {_time(record.end_ms)}"),
    ]
    return [row for row in rows if row.value]


def _time(ms: int) -> str:
    return f"{date_time_text(ms)} {zone_label(ms)}" if ms > 0 else ""


def phase_rows(statistics: RecordStatistics, language: str) -> list[PhaseRow]:
    rows = []
    for timer in (statistics.phases.dispatch, statistics.phases.arrival, statistics.phases.clear):
        level = timer.level.value
        elapsed = texts.duration_text(timer.elapsed_s if level != "pending" else None, language)
        rows.append(PhaseRow(texts.phase_name(timer.phase.value, language), elapsed,
                             texts.duration_text(timer.target_s, language), level, texts.level_name(level, language)))
    return rows


def step_rows(statistics: RecordStatistics, language: str) -> list[Row]:
    return [Row(f"{texts.step_name(step.start, language)} → {texts.step_name(step.end, language)}",
                texts.duration_text(step.seconds, language)) for step in statistics.steps]


def unit_rows(record: IncidentRecord, statistics: RecordStatistics, language: str) -> list[UnitRow]:
    rows = []
    for track, figures in zip(record.units, statistics.units, strict=True):
        rows.append(UnitRow(track.name, texts.unit_kind_name(track.kind, language), track.station,
                            texts.distance_text(figures.distance_m, language),
                            texts.duration_text(figures.on_scene_s, language), f"{figures.fixes:,}",
                            unit_colour(track.kind)))
    return rows


def event_rows(record: IncidentRecord, language: str) -> list[EventRow]:
    """One row per event of the record, in gseq order; the summary in the report's language (the CSV's
    sentence in English, ``summary_zh``'s in Chinese), with what a person typed quoted as typed."""
    names = unit_names(record)
    rows = []
    for gseq, event in record.events:
        unit = unit_of(event)
        rows.append(EventRow(gseq, date_time_text(event.time), texts.kind_name(event.kind, language),
                             names.get(unit, unit), operator_of(event), summary(event, names, language)))
    return rows


def event_headings(record: IncidentRecord, language: str) -> list[str]:
    """The event table's column headings, ``EventRow``'s fields in order; the time's names the zone once,
    rather than on every row."""
    said = functools.partial(texts.label, language=language)
    return ["gseq", f"{said('time')} ({zone_label(record.start_ms)})", said("kind"), said("unit"), said("operator"),
            said("summary")]


def track_lines(record: IncidentRecord) -> list[TrackLines]:
    lines = []
    for track in record.units:
        runs = [[_point(fix) for fix in run] for run in segments(track.fixes)]
        start = _point(track.fixes[0]) if track.fixes else None
        end = _point(track.fixes[-1]) if track.fixes else None
        lines.append(TrackLines(track.name, unit_colour(track.kind), runs, start, end))
    return lines


def _point(fix: Fix) -> LatLon:
    return (fix.lat, fix.lon)


def bounds(record: IncidentRecord) -> tuple[LatLon, LatLon]:
    """South-west and north-east corners around the incident's place and every fix."""
    points = [(record.incident.lat, record.incident.lon)]
    points += [(fix.lat, fix.lon) for track in record.units for fix in track.fixes]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats), min(lons)), (max(lats), max(lons))


class DistrictOutline(NamedTuple):
    name: str
    rings: tuple[tuple[LatLon, ...], ...]  # outer rings, simplified
    label_at: LatLon  # a point inside it, for its name


@functools.cache
def district_outlines() -> tuple[DistrictOutline, ...]:
    """Each district's name and outer rings, simplified (``OUTLINE_TOLERANCE_DEG``), as (lat, lon): the
    light background of the map in place of tiles, which would need the network."""
    from dispatch_desktop.city.districts import load_districts

    out = []
    for shaped in load_districts():
        simple = shaped.geometry.simplify(OUTLINE_TOLERANCE_DEG, preserve_topology=True)
        polygons: Sequence[Any] = getattr(simple, "geoms", [simple])
        rings = tuple(tuple((round(lat, 5), round(lon, 5)) for lon, lat in polygon.exterior.coords)
                      for polygon in polygons)
        district = shaped.district
        out.append(DistrictOutline(district.name, rings, (district.centroid_lat, district.centroid_lon)))
    return tuple(out)
