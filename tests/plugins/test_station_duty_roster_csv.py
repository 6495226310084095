"""Roster CSV import and export, Qt-free: UTF-8 (with or without BOM) and GB18030, Chinese or English
headers, every bad row named by row, column and reason, nothing to apply when any row is bad, and an
export that reads back as the rosters it was written from."""

from __future__ import annotations

from datetime import date

import pytest
from station_duty.roster.csv_read import RosterFile
from station_duty.roster.events import Person
from station_duty.roster.session import RosterSession, close_sessions, session_for

from tests.plugins.station_duty_roster_fake_desk import STATION, FakeDesk

ZH = ("站点,日期,班次,值班领导,领导电话,值班民警,民警电话,在岗警力,值班电话\r\n"
      "天河区永亭派出所,2025-05-06,白班,张建国,13812345678,陈静；李娜,13900000002；13900000003,"
      "PG-440106-03-01；PG-440106-03-02,020-85550110\r\n"
      "永亭所,2025/5/6,夜班,赵军,15912345678,王芳;刘洋,,PG-440106-03-03,020-85550110\r\n")
EN = ("Station,Date,Shift,Leader,Leader phone,Officers,Officer phones,Units,Duty phone\n"
      "S-440106-03,2025-05-06,day,张建国,13812345678,陈静；李娜,13900000002；13900000003,"
      "PG-440106-03-01 PG-440106-03-02,020-85550110\n"
      "S-440106-03,2025-05-06,night,赵军,15912345678,王芳;刘洋,,PG-440106-03-03,020-85550110\n")


@pytest.fixture
def session() -> RosterSession:
    yield session_for(FakeDesk())
    close_sessions()


def _good(found: RosterFile) -> None:
    assert found.problems == () and found.ok and found.rows == 2
    day, night = found.rosters
    assert (day.station, day.date, day.shift, day.leader) == (STATION, "2025-05-06", "day",
                                                               Person("张建国", "13812345678"))
    assert day.officers == (Person("陈静", "13900000002"), Person("李娜", "13900000003"))
    assert day.units == ("PG-440106-03-01", "PG-440106-03-02") and day.duty_phone == "020-85550110"
    assert (night.shift, night.officers, night.units) == ("night", (Person("王芳"), Person("刘洋")),
                                                          ("PG-440106-03-03",))
    assert (found.stations(), found.dates()) == (1, ("2025-05-06", "2025-05-06"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
@pytest.mark.parametrize("text", [ZH, EN], ids=["chinese headers", "english headers"])
def test_a_file_in_utf8_or_gb18030_with_chinese_or_english_headers_reads_the_same(
        session: RosterSession, text: str, encoding: str) -> None:
    _good(session.read_csv(text.encode(encoding), "rosters.csv"))


def test_every_bad_row_is_named_with_its_column_and_reason_and_nothing_is_to_be_applied(
        session: RosterSession) -> None:
    text = ZH + ("不存在派出所,2025-05-06,白班,张三,13800000000,,,,\r\n"
                 "永亭所,2025-02-30,中班,李四,1.38123E+10,,,,\r\n"
                 "永亭所,2025-05-07,白班,王五,12345,陈静；李娜,13900000002,PG-440103-01-01,\r\n"
                 "永亭所,2025-05-06,白班,,,,,,\r\n"
                 "永亭所,2025-05-06,白班,孙六,,,,,\r\n")
    found = session.read_csv(text.encode("gb18030"), "rosters.csv")
    assert not found.ok and found.rows == 7
    said = [problem.text() for problem in found.problems]
    assert said[0] == ("Row 4, column 站点: '不存在派出所' is no station of the city; give its id (S-440106-03), "
                       "its name (天河区龙口派出所) or its short name (龙口所)")
    assert "Row 5, column 日期: '2025-02-30' is not a date" in said[1]
    assert "Row 5, column 班次: '中班' is not a shift; the shifts are day / 白班, night / 夜班" in said[2]
    assert "Row 5, column 领导电话: '1.38123E+10' is a number Excel wrote in scientific notation" in said[3]
    assert "Row 6, column 民警电话: 1 phone numbers for 2 officers" in said[4]
    assert any("Row 6, column 在岗警力: 'PG-440103-01-01' is a unit of 荔湾区珠牌派出所, not of this station" in s
               for s in said)
    assert "Row 7, column 值班领导: is empty" in said[-2]
    assert said[-1].startswith("Row 8: 天河区永亭派出所, 2025-05-06, day: the same shift as row 2")


def test_a_wrong_header_is_refused_before_any_row() -> None:
    session = session_for(FakeDesk())
    try:
        found = session.read_csv("站点,日期,值班领导,备注\n永亭所,2025-05-06,张三,x\n".encode(), "x.csv")
    finally:
        close_sessions()
    assert [problem.text() for problem in found.problems] == [
        "Row 1, column 备注: unknown column; the columns are station (站点), date (日期), shift (班次), "
        "leader (值班领导), leader_phone (领导电话), officers (值班民警), officer_phones (民警电话), units (在岗警力), "
        "duty_phone (值班电话)",
        "Row 1, column shift (班次): the column is missing; every file needs it"]
    assert found.rosters == ()


@pytest.mark.parametrize(("data", "says"), [
    (b"", "The file is empty"),
    ("站点,日期,班次,值班领导\n".encode(), "no rows"),
    ("站点,日期,班次,值班领导\n".encode("utf-16"), "UTF-16"),
    ('站点,日期,班次,值班领导\n永亭所,2025-05-06,白班,"张三\n李四,x\n'.encode(), "Row 2: "),
])
def test_an_unusable_file_says_what_is_wrong(session: RosterSession, data: bytes, says: str) -> None:
    found = session.read_csv(data, "x.csv")
    assert not found.ok and says in found.problems[0].text()


@pytest.mark.parametrize(("language", "encoding"), [("zh_CN", "utf-8-sig"), ("en", "gb18030")])
def test_the_export_of_a_day_reads_back_as_every_stations_rosters(language: str, encoding: str) -> None:
    desk = FakeDesk(language=language)
    session = session_for(desk)
    try:
        data = session.day_csv(date(2025, 5, 6), encoding="gb18030" if encoding == "gb18030" else "utf-8-sig")
        assert data.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")  # Excel needs the BOM for UTF-8
        assert data.decode(encoding).splitlines()[0].startswith("站点,日期" if language == "zh_CN" else "station,")
        found = session.read_csv(data, "export.csv")
        assert found.problems == () and found.rows == 2 * len(desk.city.stations)
        expected = [session.roster(station.id, date(2025, 5, 6), shift).data
                    for station in desk.city.stations for shift in ("day", "night")]
        assert [roster.__class__(**{**_fields(roster), "source": ""}) for roster in found.rosters] == expected
    finally:
        close_sessions()


def _fields(roster: object) -> dict[str, object]:
    return {name: getattr(roster, name) for name in roster.__struct_fields__}  # type: ignore[attr-defined]
