"""The unit registry: a roster CSV checked row by row, its good rows stored in the event store's database
(SQLite and PostgreSQL), updated by id on re-import, and handed to the hub as ``unit_registered`` bodies."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.roster_csv import import_roster, parse_roster_csv, write_roster_csv
from dispatch_desktop.store import migrate
from dispatch_desktop.store.units import UnitStore, registered_ids, registered_units

ROSTER = (
    "id,unit_kind,station,name,members,lat,lon\n"
    "VX-001,patrol,S-440106-01,天河巡99组,张三;李四,23.13,113.33\n"
    "VX-002,rapid,S-440104-01,越秀突击队,,,\n"
)
VX_001 = ev.UnitRegistered(unit="VX-001", unit_kind=UnitKind.PATROL_GROUP, station="S-440106-01", name="天河巡99组",
                           members=("张三", "李四"), lat=23.13, lon=113.33)
VX_002 = ev.UnitRegistered(unit="VX-002", unit_kind=UnitKind.RAPID_RESPONSE, station="S-440104-01",
                           name="越秀突击队")


def messages(text: str) -> list[str]:
    return [str(e) for e in parse_roster_csv(text).errors]


def test_imported_units_are_the_bodies_the_hub_registers(url: str) -> None:
    with UnitStore.open(url) as store:
        done = import_roster(store, ROSTER, now_ms=1)
        assert (done.done.added, done.refused, done.stored) == (2, 0, True)
    assert registered_units(url) == [VX_001, VX_002]


def test_re_importing_an_id_updates_that_unit_and_keeps_the_others(url: str) -> None:
    with UnitStore.open(url) as store:
        import_roster(store, ROSTER)
        again = import_roster(store, "id,unit_kind,station,name\nVX-002,traffic,S-440104-02,越秀铁骑01\n")
        assert (again.done.added, again.done.updated, again.done.unchanged) == (0, 1, 0)
        assert import_roster(store, ROSTER).done.unchanged == 1  # VX-001 as it was; VX-002 back as it was
        assert store.get("VX-002") == VX_002 and store.count() == 2


def test_a_dry_run_and_all_or_nothing_store_nothing_but_say_what_they_would_do(url: str) -> None:
    with UnitStore.open(url) as store:
        dry = import_roster(store, ROSTER, dry_run=True)
        assert (dry.done.added, dry.stored) == (2, False)
        refused = import_roster(store, ROSTER + "VX-003,patrol,S-9,x\n", all_or_nothing=True)
        assert (refused.done.added, refused.refused, refused.stored) == (2, 1, False)
        assert store.count() == 0
        taken = import_roster(store, ROSTER + "VX-003,patrol,S-9,x\n")
        assert (taken.done.added, taken.refused, taken.stored) == (2, 1, True)
        assert store.count() == 2


def test_chinese_headers_kinds_and_separators_and_gb18030_are_understood(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("编号,类型,派出所,呼号,成员,纬度(WGS84),经度,区\n"
                     "VX-001,巡组,S-440106-01,天河巡99组,张三；李四,23.13,113.33,天河\n".encode("gb18030"))
    parsed = parse_roster_csv(path)
    assert parsed.errors == () and parsed.units == (VX_001,)


@pytest.mark.parametrize(("row", "complaint"), [
    ("bad id,patrol,S-440106-01,x,,,", "row 2, column id: 'bad id' must be 1–64 characters"),
    ("VX-9,drone,S-440106-01,x,,,", "row 2, column unit_kind: 'drone' is not a kind of unit; the kinds are patrol"),
    ("VX-9,patrol,S-440106-99,x,,,", "row 2, column station: 'S-440106-99' is not a station of the published "
                                     "taxonomy"),
    ("VX-9,patrol,,x,,,", "row 2, column station: is empty"),
    ("VX-9,patrol,S-440106-01,,,,", "row 2, column name: is empty"),
    ("VX-9,patrol,S-440106-01,x,,23.13,", "row 2, column lon: is empty; give both lat and lon, or neither"),
    ("VX-9,patrol,S-440106-01,x,,north,113.3", "row 2, column lat: 'north' is not a number"),
    ("VX-9,patrol,S-440106-01,x,,113.3,23.13", "row 2, column lat/lon: latitude and longitude look swapped"),
    ("VX-9,patrol,S-440106-01,x,,31.23,121.47", "row 2, column lat/lon: 31.23, 121.47 is outside the service area"),
])
def test_each_bad_row_is_named_by_row_column_and_reason(row: str, complaint: str) -> None:
    found = messages("id,unit_kind,station,name,members,lat,lon\n" + row + "\n")
    assert len(found) == 1 and found[0].startswith(complaint), found


def test_the_district_column_must_name_a_district_that_holds_the_station() -> None:
    header = "id,unit_kind,station,name,district\n"
    assert messages(header + "VX-1,patrol,S-440106-01,x,Tianhe\n") == []
    assert messages(header + "VX-1,patrol,S-440104-01,x,天河区\n") == [
        "row 2, column station: S-440104-01 is not in 天河区 (440106) but in 越秀区 (440104)"]
    assert messages(header + "VX-1,patrol,S-440106-01,x,Atlantis\n")[0].startswith(
        "row 2, column district: 'Atlantis' is not a district; the districts are 440103 荔湾区")


def test_a_duplicate_id_and_a_bad_header_are_refused() -> None:
    assert messages("id,unit_kind,station,name\nVX-1,patrol,S-440106-01,a\nVX-1,patrol,S-440106-01,b\n") == [
        "row 3, column id: duplicate id 'VX-1' (first on row 2)"]
    header = messages("id,unit_kind,name,colour\n")
    assert "row 1, column colour: unknown column; the columns understood are id (编号)" in header[0]
    assert header[1] == "row 1, column station: required column is missing"


def test_an_export_imports_back_unchanged(url: str) -> None:
    with UnitStore.open(url) as store:
        import_roster(store, ROSTER)
        out = io.StringIO()
        write_roster_csv(store.all(), out)
        assert parse_roster_csv(out.getvalue()).units == (VX_001, VX_002)
        assert import_roster(store, out.getvalue()).done.unchanged == 2


def test_the_ids_are_looked_up_without_writing_a_byte(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite3"
    assert registered_ids(f"sqlite:///{path}") == set()
    assert not path.exists()  # no store made just to look
    with UnitStore.open(f"sqlite:///{path}") as store:
        import_roster(store, ROSTER)
    before = path.read_bytes()
    assert registered_ids(f"sqlite:///{path}") == {"VX-001", "VX-002"}
    assert path.read_bytes() == before


def test_a_store_from_before_the_registry_has_no_registered_units(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    UnitStore.open(url).close()
    engine = sa.create_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005_seq_epochs")
    engine.dispose()
    assert registered_ids(url) == set()
    assert registered_units(url) == []  # opening it brings the registry in
