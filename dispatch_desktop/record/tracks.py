"""The units' tracks and the incident's place as KML 2.2 (Google Earth) and GPX 1.1 (GPS tools).

Both are built with the standard library's ElementTree, so exporting needs no XML package at run time;
the tests validate them against the official schemas. Times are UTC (``...Z``), as both formats expect;
tracks are cut where a unit was silent for more than ``stats.GAP_MS`` (a new ``gx:Track`` inside the
unit's ``gx:MultiTrack``; a new GPX ``trkseg``), so no viewer draws a line the unit never drove.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime

from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.record.model import Fix, IncidentRecord, UnitTrack
from dispatch_desktop.record.stats import segments

KML_NS = "http://www.opengis.net/kml/2.2"
GX_NS = "http://www.google.com/kml/ext/2.2"
GPX_NS = "http://www.topografix.com/GPX/1/1"
CREATOR = "Dispatch Desktop"

# KML colours are aabbggrr. One per unit kind, so a rapid-response team stands out among patrols.
KIND_COLOURS: dict[str, str] = {
    UnitKind.PATROL_GROUP.value: "ffff7f00",  # blue
    UnitKind.RAPID_RESPONSE.value: "ff0000ff",  # red
    UnitKind.TRAFFIC.value: "ff00d7ff",  # gold
    UnitKind.STATION_CAR.value: "ff00a000",  # green
    UnitKind.OFFICER.value: "ffb000b0",  # purple
}
OTHER_COLOUR = "ff808080"
INCIDENT_COLOUR = "ff0000ff"


def utc_text(ms: int) -> str:
    """xsd:dateTime in UTC with milliseconds: what KML's <when> and GPX's <time> take."""
    moment = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return f"{moment.strftime('%Y-%m-%dT%H:%M:%S')}.{ms % 1000:03d}Z"


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    child = ET.SubElement(parent, tag)
    child.text = value
    return child


def _document_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _incident_title(record: IncidentRecord) -> str:
    incident = record.incident
    return f"{incident.id} {incident.incident_type} P{incident.priority}"


def _incident_description(record: IncidentRecord) -> str:
    incident = record.incident
    return " — ".join(part for part in (incident.address, incident.description) if part)


# --- KML --------------------------------------------------------------------------------------------------


def _k(tag: str) -> str:
    return f"{{{KML_NS}}}{tag}"


def _gx(tag: str) -> str:
    return f"{{{GX_NS}}}{tag}"


def _kml_style(document: ET.Element, style_id: str, colour: str) -> None:
    style = ET.SubElement(document, _k("Style"), id=style_id)
    icon = ET.SubElement(style, _k("IconStyle"))
    _text(icon, _k("color"), colour)
    line = ET.SubElement(style, _k("LineStyle"))
    _text(line, _k("color"), colour)
    _text(line, _k("width"), "3")


def _kind_style(kind: str) -> str:
    return f"unit-{kind or 'other'}"


def _kml_unit(folder: ET.Element, track: UnitTrack) -> None:
    placemark = ET.SubElement(folder, _k("Placemark"))
    _text(placemark, _k("name"), track.name)
    _text(placemark, _k("description"), f"{track.unit} {track.kind} {track.station}".strip())
    _text(placemark, _k("styleUrl"), f"#{_kind_style(track.kind)}")
    multi = ET.SubElement(placemark, _gx("MultiTrack"))
    _text(multi, _gx("interpolate"), "0")  # no line across a gap between two tracks
    for run in segments(track.fixes):
        _kml_track(multi, run)


def _kml_track(parent: ET.Element, fixes: Sequence[Fix]) -> None:
    element = ET.SubElement(parent, _gx("Track"))
    for fix in fixes:  # the schema wants every <when> first, then every <gx:coord>, pairing them by position
        _text(element, _k("when"), utc_text(fix.time_ms))
    for fix in fixes:
        _text(element, _gx("coord"), f"{fix.lon:.6f} {fix.lat:.6f} 0")


def kml(record: IncidentRecord) -> bytes:
    """KML 2.2 with Google's gx extension: the incident as a Placemark, each unit a ``gx:MultiTrack``."""
    ET.register_namespace("", KML_NS)
    ET.register_namespace("gx", GX_NS)
    root = ET.Element(_k("kml"))
    document = ET.SubElement(root, _k("Document"))
    _text(document, _k("name"), _incident_title(record))
    _kml_style(document, "incident", INCIDENT_COLOUR)
    for kind in sorted({track.kind for track in record.units}):
        _kml_style(document, _kind_style(kind), KIND_COLOURS.get(kind, OTHER_COLOUR))
    incident = record.incident
    placemark = ET.SubElement(document, _k("Placemark"))
    _text(placemark, _k("name"), _incident_title(record))
    _text(placemark, _k("description"), _incident_description(record))
    span = ET.SubElement(placemark, _k("TimeSpan"))
    _text(span, _k("begin"), utc_text(incident.call_time or incident.created_at))
    if incident.closed_at:
        _text(span, _k("end"), utc_text(incident.closed_at))
    _text(placemark, _k("styleUrl"), "#incident")
    point = ET.SubElement(placemark, _k("Point"))
    _text(point, _k("coordinates"), f"{incident.lon:.6f},{incident.lat:.6f}")
    folder = ET.SubElement(document, _k("Folder"))
    _text(folder, _k("name"), "Units")
    for track in record.units:
        if track.fixes:
            _kml_unit(folder, track)
    return _document_bytes(root)


# --- GPX --------------------------------------------------------------------------------------------------


def _g(tag: str) -> str:
    return f"{{{GPX_NS}}}{tag}"


def gpx(record: IncidentRecord) -> bytes:
    """GPX 1.1: the incident as a ``wpt``, each unit a ``trk`` of ``trkseg`` broken at gaps."""
    ET.register_namespace("", GPX_NS)
    root = ET.Element(_g("gpx"), version="1.1", creator=CREATOR)
    metadata = ET.SubElement(root, _g("metadata"))
    _text(metadata, _g("name"), _incident_title(record))
    _text(metadata, _g("desc"), _incident_description(record))
    incident = record.incident
    waypoint = ET.SubElement(root, _g("wpt"), lat=f"{incident.lat:.6f}", lon=f"{incident.lon:.6f}")
    _text(waypoint, _g("time"), utc_text(incident.call_time or incident.created_at))
    _text(waypoint, _g("name"), incident.id)
    _text(waypoint, _g("desc"), _incident_description(record))
    _text(waypoint, _g("type"), incident.incident_type)
    for track in record.units:
        if not track.fixes:
            continue
        element = ET.SubElement(root, _g("trk"))
        _text(element, _g("name"), track.name)
        _text(element, _g("desc"), f"{track.unit} {track.station}".strip())
        _text(element, _g("type"), track.kind or "unit")
        for run in segments(track.fixes):
            segment = ET.SubElement(element, _g("trkseg"))
            for fix in run:
                point = ET.SubElement(segment, _g("trkpt"), lat=f"{fix.lat:.6f}", lon=f"{fix.lon:.6f}")
                _text(point, _g("time"), utc_text(fix.time_ms))
    return _document_bytes(root)
