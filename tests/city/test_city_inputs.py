"""Bad input gives a clear error: data files, templates, allocation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dispatch_desktop.city import CityDataError, generate_city, load_districts, stream_template, with_streams
from dispatch_desktop.city.alloc import apportion
from dispatch_desktop.city.names import chinese_number
from dispatch_desktop.domain.city import City
from dispatch_desktop.paths import DISTRICTS_GEOJSON


def test_cameras_have_no_stream_until_configured(city: City) -> None:
    assert all(c.stream_url == "" for c in city.cameras)


def test_stream_template_cycles_over_clips(city: City) -> None:
    url = stream_template("file:///srv/clips/clip_{n}.mp4", clips=3)
    configured = with_streams(city, url)
    assert [c.stream_url for c in configured.cameras[:4]] == [
        "file:///srv/clips/clip_0.mp4", "file:///srv/clips/clip_1.mp4", "file:///srv/clips/clip_2.mp4",
        "file:///srv/clips/clip_0.mp4",
    ]
    assert configured.stations == city.stations
    assert all(c.stream_url == "" for c in city.cameras)  # the original is untouched


def test_generate_city_takes_a_template_or_a_function(city: City) -> None:
    by_template = generate_city(stream_url="rtsp://nvr.local/{id}")
    assert by_template.cameras[0].stream_url == f"rtsp://nvr.local/{city.cameras[0].id}"
    by_function = generate_city(stream_url=lambda i, cam: f"file:///clips/{i % 2}.mp4")
    assert [c.stream_url for c in by_function.cameras[:3]] == ["file:///clips/0.mp4", "file:///clips/1.mp4",
                                                                "file:///clips/0.mp4"]


def test_bad_stream_templates_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown fields"):
        stream_template("file:///{camera}.mp4")
    with pytest.raises(ValueError, match="clips"):
        stream_template("file:///clip_{n}.mp4")


def test_missing_or_broken_district_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CityDataError, match="not found"):
        load_districts(tmp_path / "nowhere.geojson")
    broken = tmp_path / "broken.geojson"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CityDataError, match="cannot read"):
        load_districts(broken)
    broken.write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature"}]}), encoding="utf-8")
    with pytest.raises(CityDataError, match="malformed"):
        load_districts(broken)


def test_a_district_file_missing_districts_is_refused(tmp_path: Path) -> None:
    data = json.loads(DISTRICTS_GEOJSON.read_text(encoding="utf-8"))
    data["features"] = data["features"][:5]
    partial = tmp_path / "partial.geojson"
    partial.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CityDataError, match="expected the districts"):
        load_districts(partial)


def test_apportion_splits_exactly() -> None:
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert apportion(10, [0, 0]) == [5, 5]
    assert apportion(7, [5, 1, 0], minimum=2) == [3, 2, 2]
    assert sum(apportion(1_100, [3.7, 2.8, 2.2, 0.7], minimum=2)) == 1_100
    with pytest.raises(ValueError):
        apportion(3, [1, 1], minimum=2)
    with pytest.raises(ValueError):
        apportion(3, [])


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 3, 10, 12, 20, 47)] == ["一", "三", "十", "十二", "二十", "四十七"]
    with pytest.raises(ValueError):
        chinese_number(0)
