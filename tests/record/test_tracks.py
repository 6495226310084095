"""KML and GPX exports, validated against the official schemas (OGC KML 2.2 with Google's gx extension,
TopoGrafix GPX 1.1) and read back for what a viewer would show."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from lxml import etree

from dispatch_desktop.record import gpx, incident_record, kml
from dispatch_desktop.store import EventStore
from tests.record.story import INCIDENT

KML = "{http://www.opengis.net/kml/2.2}"
GX = "{http://www.google.com/kml/ext/2.2}"
GPX = "{http://www.topografix.com/GPX/1/1}"


@pytest.fixture(scope="module")
def kml_schema() -> etree.XMLSchema:
    # kml22gx.xsd imports ogckml22.xsd (and that atom and xAL) from beside it: one schema for both namespaces.
    return etree.XMLSchema(etree.parse(str(files("pykml") / "schemas" / "kml22gx.xsd")))


@pytest.fixture(scope="module")
def gpx_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "gpx-1.1.xsd")))


def _valid(schema: etree.XMLSchema, data: bytes) -> etree._Element:
    document = etree.fromstring(data)
    schema.assertValid(document)
    return document


def test_the_kml_is_valid_kml_2_2_with_gx_tracks(story_store: EventStore, kml_schema: etree.XMLSchema) -> None:
    document = _valid(kml_schema, kml(incident_record(story_store, INCIDENT)))
    placemarks = document.findall(f".//{KML}Placemark")
    assert [p.findtext(f"{KML}name") for p in placemarks] == [
        "J-20251122-00001 snatch P2", "天河巡组一", "突击一队"]
    incident = placemarks[0]
    assert incident.findtext(f"{KML}Point/{KML}coordinates") == "113.325000,23.135000"


def test_each_unit_is_a_track_broken_at_its_silence(story_store: EventStore, kml_schema: etree.XMLSchema) -> None:
    record = incident_record(story_store, INCIDENT)
    document = _valid(kml_schema, kml(record))
    patrol = document.findall(f".//{KML}Placemark")[1]
    assert patrol.findtext(f"{KML}styleUrl") == "#unit-patrol"
    tracks = patrol.findall(f"{GX}MultiTrack/{GX}Track")
    assert len(tracks) == 2  # P-0001 was silent for 8 minutes
    whens = [when.text for track in tracks for when in track.findall(f"{KML}when")]
    coords = [coord.text for track in tracks for coord in track.findall(f"{GX}coord")]
    assert len(whens) == len(coords) == len(record.units[0].fixes)
    first = record.units[0].fixes[0]
    assert coords[0] == f"{first.lon:.6f} {first.lat:.6f} 0"
    # Dispatched at 02:55:20 UTC: kept from 02:50:20, whose next fix was made at 02:50:24.900 (UTC in KML).
    assert whens[0] == "2025-11-22T02:50:24.900Z"


def test_kinds_have_their_own_styles(story_store: EventStore, kml_schema: etree.XMLSchema) -> None:
    document = _valid(kml_schema, kml(incident_record(story_store, INCIDENT)))
    styles = {style.get("id"): style.findtext(f"{KML}LineStyle/{KML}color")
              for style in document.findall(f"{KML}Document/{KML}Style")}
    assert set(styles) == {"incident", "unit-patrol", "unit-rapid"}
    assert styles["unit-patrol"] != styles["unit-rapid"]


def test_the_gpx_is_valid_gpx_1_1_with_a_track_per_unit(story_store: EventStore, gpx_schema: etree.XMLSchema) -> None:
    record = incident_record(story_store, INCIDENT)
    document = _valid(gpx_schema, gpx(record))
    waypoint = document.find(f"{GPX}wpt")
    assert waypoint is not None
    assert (waypoint.get("lat"), waypoint.get("lon"), waypoint.findtext(f"{GPX}name")) == (
        "23.135000", "113.325000", INCIDENT)
    tracks = document.findall(f"{GPX}trk")
    assert [(t.findtext(f"{GPX}name"), len(t.findall(f"{GPX}trkseg"))) for t in tracks] == [
        ("天河巡组一", 2), ("突击一队", 1)]
    points = tracks[0].findall(f"{GPX}trkseg/{GPX}trkpt")
    assert len(points) == len(record.units[0].fixes)
    assert points[-1].findtext(f"{GPX}time") == "2025-11-22T03:23:19.900Z"  # 5 minutes after the clearance


def test_the_schemas_do_reject_a_malformed_export(kml_schema: etree.XMLSchema, gpx_schema: etree.XMLSchema) -> None:
    # Coordinates before their times, and a track point without latitude: what a careless writer produces.
    bad_kml = (b'<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">'
               b"<Placemark><gx:Track><gx:coord>113 23 0</gx:coord><when>2025-11-22T02:46:19Z</when>"
               b"</gx:Track></Placemark></kml>")
    bad_gpx = (b'<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="x">'
               b'<trk><trkseg><trkpt lon="113"/></trkseg></trk></gpx>')
    assert not kml_schema.validate(etree.fromstring(bad_kml))
    assert not gpx_schema.validate(etree.fromstring(bad_gpx))
