"""Camera files as people make them: Chinese headers, Excel's encodings, broken quotes, relative paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.domain.city import City
from dispatch_desktop.video.registry import parse_cameras_csv

CHINESE = (
    "编号,名称,经度(WGS84),纬度（WGS84）,行政区,地址,视频流\n"
    "GZ-1,体育中心西门,113.3200,23.1380,天河,天河路与体育西路交叉口,rtsp://10.0.0.1/ch1\n"
    "GZ-2,,113.2700,23.1200,越秀区,北京路步行街北口,\n"
)


def test_chinese_headers_are_understood_and_an_address_names_a_camera_without_a_name(city: City) -> None:
    result = parse_cameras_csv(CHINESE, city)
    assert result.errors == ()
    first, second = result.cameras
    assert (first.id, first.name, first.district, first.lat, first.lon) == ("GZ-1", "体育中心西门", "440106",
                                                                          23.138, 113.32)
    assert first.stream_url == "rtsp://10.0.0.1/ch1"
    assert (second.name, second.district) == ("北京路步行街北口", "440104")


def test_refusals_name_the_columns_as_the_file_spells_them(city: City) -> None:
    text = "编号,名称,经度,纬度,区划,视频流地址\nGZ-1,甲,23.1375,113.3240,海珠,ftp://x/y\n"
    messages = [str(e) for e in parse_cameras_csv(text, city).errors]
    assert messages[0].startswith("row 2, column 视频流地址: ftp:// is not a source")
    assert messages[1].startswith("row 2, column 纬度/经度: latitude and longitude look swapped")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_excel_files_in_every_encoding_it_saves_are_read(tmp_path: Path, city: City, encoding: str) -> None:
    path = tmp_path / "cameras.csv"
    path.write_bytes(CHINESE.encode(encoding))
    assert [c.name for c in parse_cameras_csv(path, city).cameras] == ["体育中心西门", "北京路步行街北口"]


def test_a_file_in_no_known_encoding_is_refused_saying_where(tmp_path: Path, city: City) -> None:
    path = tmp_path / "cameras.csv"
    path.write_bytes(b"id,name,lat,lon\nC-1,a,23.1375,113.3240\nC-2,\xff\xff,23.1375,113.3240\n")
    with pytest.raises(ValueError, match=r"neither UTF-8 \(line 3 is not\) nor GB18030 \(line 3 is not\)"):
        parse_cameras_csv(path, city)
    path.write_bytes(CHINESE.encode("utf-16"))
    with pytest.raises(ValueError, match="UTF-16"):
        parse_cameras_csv(path, city)


def test_an_unclosed_quote_is_named_with_the_row_where_it_opened(city: City) -> None:
    text = (
        "id,name,lat,lon\n"
        "C-1,天河路口,23.1375,113.3240\n"
        'C-2,"体育中心,23.1380,113.3200\n'
        "C-3,天河城,23.1370,113.3230\n"
        "C-4,岗顶,23.1360,113.3400\n"
    )
    result = parse_cameras_csv(text, city)
    assert [c.id for c in result.cameras] == ["C-1"]
    (error,) = result.errors
    assert str(error) == (
        'row 3, column name: unclosed quote: the quote (") that opens this cell is never closed, so lines 3–5 '
        "(the rest of the file) were read as this one cell; add the closing quote"
    )


def test_a_quote_closed_lines_later_is_named_and_later_rows_say_their_line(city: City) -> None:
    text = (
        "id,name,lat,lon\n"
        'C-1,"天河路口,23.1375,113.3240\n'
        'C-2,体育中心",23.1380,113.3200\n'
        "C-3,天河城,23.1370,113.3230\n"
        "C-4,岗顶,999,113.3400\n"
    )
    result = parse_cameras_csv(text, city)
    assert [c.id for c in result.cameras] == ["C-3"]
    first, last = result.errors
    assert str(first).startswith('row 2, column name: unclosed quote? the quote (") that opens this cell is closed '
                                 "only on line 3, so lines 2–3 became one cell")
    assert str(last).startswith("row 4 (line 5), column lat: 999 is outside -90 to 90")


def test_an_unclosed_quote_in_a_big_file_is_named_where_the_reader_gives_up(city: City) -> None:
    rows = [f"C-{i},路口{i},23.1375,113.3240" for i in range(6000)]  # far beyond the csv module's field limit
    text = "id,name,lat,lon\nA-1,天河路口,23.1375,113.3240\n" + 'A-2,"体育中心,23.1380,113.3200\n' + "\n".join(rows)
    result = parse_cameras_csv(text, city)
    assert [c.id for c in result.cameras] == ["A-1"]
    (error,) = result.errors
    assert str(error).startswith('row 3, column name: unclosed quote: the quote (") that opens this cell is still '
                                 "open on line ")
    assert str(error).endswith("add the closing quote. The rows after it were not read")


def test_an_unclosed_quote_in_the_header_stops_the_import(city: City) -> None:
    (error,) = parse_cameras_csv('id,"name,lat,lon\nC-1,天河路口,23.1375,113.3240\n', city).errors
    assert str(error).startswith("row 1: unclosed quote: ")


def test_a_relative_video_path_is_read_from_the_csv_folder(tmp_path: Path, city: City) -> None:
    (tmp_path / "clips").mkdir()
    (tmp_path / "clips" / "a.avi").write_bytes(b"x")
    path = tmp_path / "cameras.csv"
    path.write_text("id,name,lat,lon,stream_url\nC-1,甲,23.1375,113.3240,clips/a.avi\n"
                    "C-2,乙,23.1375,113.3240,clips/b.avi\nC-3,丙,23.1375,113.3240,/srv/clips/c.avi\n", encoding="utf-8")
    result = parse_cameras_csv(path, city)
    assert [(c.id, c.stream_url) for c in result.cameras] == [
        ("C-1", str(tmp_path / "clips" / "a.avi")), ("C-3", "/srv/clips/c.avi")
    ]
    assert [(e.row, e.column) for e in result.errors] == [(3, "stream_url")]
    assert [str(n) for n in result.notes] == [
        "row 4, column stream_url: /srv/clips/c.avi is not on this machine; taken, since the desk that plays it "
        "may have it"
    ]
