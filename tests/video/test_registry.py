from __future__ import annotations

import io
from pathlib import Path

from dispatch_desktop.domain.city import City
from dispatch_desktop.video.registry import RowError, parse_cameras_csv, write_cameras_csv
from tests.video.helpers import GOOD_AND_BAD


def test_good_rows_are_imported_and_every_bad_one_is_reported_precisely(city: City) -> None:
    result = parse_cameras_csv(GOOD_AND_BAD, city)
    assert [c.id for c in result.cameras] == ["GZ-0001", "GZ-0002", "GZ-0009"]
    assert result.rows == 10 and result.bad_rows == 7
    where = {(e.row, e.column) for e in result.errors}
    assert where == {
        (4, "lat"), (5, "id"), (6, "heading"), (7, "id"), (8, "name"), (8, "lat"), (8, "stream_url"),
        (9, "fov"), (10, ""),
    }
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert "outside -90 to 90" in messages[(4, "lat")]
    assert "first on row 2" in messages[(7, "id")]
    assert "needs a heading" in messages[(9, "fov")]
    assert "4 fields" in messages[(10, "")]
    assert str(RowError(4, "lat", "x")) == "row 4, column lat: x"


def test_a_good_row_becomes_a_camera_with_every_field(city: City) -> None:
    first, second, device = parse_cameras_csv(GOOD_AND_BAD, city).cameras
    assert (first.name, first.lat, first.lon, first.heading, first.fov) == ("天河路口东", 23.1375, 113.324, 90.0, 60.0)
    assert (first.district, first.station, first.tags) == ("440106", "S-440106-01", ("路口", "高清"))
    assert first.stream_url == "rtsp://10.0.0.1/ch1"
    assert second.heading is None and second.fov is None  # a dome
    assert device.stream_url == "0" and device.tags == ("球机",)
    assert device.district == "440106"  # not given: filled in from where the camera is


def test_header_problems_stop_the_import_before_any_row(city: City) -> None:
    result = parse_cameras_csv("id,name,lat,colour\nA,x,23,113\n", city)
    assert result.cameras == ()
    assert {(e.row, e.column) for e in result.errors} == {(1, "colour"), (1, "lon")}
    assert "编号" in result.errors[0].message  # the refusal lists the columns understood
    assert parse_cameras_csv("", city).errors[0].message.startswith("the file is empty")


def test_chinese_headers_and_gb18030_files_from_older_excel(tmp_path: Path, city: City) -> None:
    path = tmp_path / "cameras.csv"
    path.write_bytes("编号,名称,纬度,经度,视频流地址\nGZ-1,北京路口,23.12,113.27,/video/a.avi\n".encode("gb18030"))
    (camera,) = parse_cameras_csv(path, city).cameras
    assert (camera.id, camera.name, camera.stream_url) == ("GZ-1", "北京路口", "/video/a.avi")


def test_excel_utf8_with_bom(tmp_path: Path, city: City) -> None:
    path = tmp_path / "cameras.csv"
    path.write_bytes("\ufeffid,name,lat,lon\nGZ-1,北京路口,23.12,113.27\n".encode())
    assert [c.id for c in parse_cameras_csv(path, city).cameras] == ["GZ-1"]
    assert [c.id for c in parse_cameras_csv(path.read_text(encoding="utf-8"), city).cameras] == ["GZ-1"]


def test_export_re_imports_unchanged(city: City) -> None:
    cameras = parse_cameras_csv(GOOD_AND_BAD, city).cameras
    out = io.StringIO()
    write_cameras_csv(cameras, out)
    again = parse_cameras_csv(out.getvalue(), city)
    assert again.errors == () and again.cameras == cameras

