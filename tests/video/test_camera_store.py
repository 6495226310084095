"""The camera registry table: CSV import into the event store's database (SQLite here)."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
import sqlalchemy as sa

from dispatch_desktop.domain.city import Camera, City
from dispatch_desktop.store import EventStore, StoreError, migrate
from dispatch_desktop.video.camera_store import CameraStore
from tests.video.helpers import GOOD_AND_BAD


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'events.db'}"


def test_an_import_stores_the_good_rows_and_reports_the_bad_ones(url: str, tmp_path: Path, city: City) -> None:
    path = tmp_path / "cameras.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    with CameraStore.open(url) as store:
        result = store.import_csv(path, city, now_ms=1)
        assert (result.added, result.updated, result.unchanged, result.rows) == (3, 0, 0, 10)
        assert {(e.row, e.column) for e in result.errors} >= {(4, "lat"), (7, "id"), (10, "")}
        assert store.count() == 3
        first = store.get("GZ-0001")
        assert first is not None and first.tags == ("路口", "高清") and first.heading == 90.0
        assert store.get("GZ-0002").heading is None  # a dome stays a dome


def test_re_importing_updates_by_id(url: str, city: City) -> None:
    lines = GOOD_AND_BAD.splitlines()
    with CameraStore.open(url) as store:
        store.import_csv(GOOD_AND_BAD, city)
        again = "\n".join([lines[0], lines[1].replace("天河路口东", "天河路口东（新）"), lines[2],
                           "GZ-0100,新增,23.1,113.3,,,,,,"])
        result = store.import_csv(again, city)
        assert (result.added, result.updated, result.unchanged, result.errors) == (1, 1, 1, ())
        assert store.get("GZ-0001").name == "天河路口东（新）"
        assert [c.id for c in store.all()] == ["GZ-0001", "GZ-0002", "GZ-0009", "GZ-0100"]


def test_a_failing_write_leaves_the_registry_as_it_was(url: str, city: City) -> None:
    with CameraStore.open(url) as store:
        store.import_csv(GOOD_AND_BAD, city)
        before = store.all()
        renamed = msgspec.structs.replace(before[0], name="改名")
        broken = Camera(id=None, name="x", district="", station="", lat=0.0, lon=0.0)  # type: ignore[arg-type]
        with pytest.raises(StoreError, match="nothing was changed"):
            store.upsert([renamed, Camera(id="GZ-NEW", name="新", district="", station="", lat=0, lon=0), broken])
        assert store.all() == before


def test_the_registry_lives_in_the_event_store_database(url: str) -> None:
    with EventStore.open(url):
        pass
    with CameraStore.open(url) as store:
        store.upsert([Camera(id="C1", name="一", district="", station="", lat=23.1, lon=113.3)])
    with EventStore.open(url), CameraStore.open(url) as again:
        assert [c.id for c in again.all()] == ["C1"]
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert "cameras" in sa.inspect(conn).get_table_names()
    finally:
        engine.dispose()


def test_a_dry_run_says_what_an_import_would_do_and_stores_nothing(url: str, city: City) -> None:
    with CameraStore.open(url) as store:
        store.import_csv(GOOD_AND_BAD, city)
        before = store.all()
        lines = GOOD_AND_BAD.splitlines()
        again = "\n".join([lines[0], lines[1].replace("天河路口东", "改名"), lines[2], "GZ-0100,新增,23.1,113.3,,,,,,"])
        result = store.import_csv(again, city, dry_run=True)
        assert (result.added, result.updated, result.unchanged, result.stored) == (1, 1, 1, False)
        assert store.all() == before


def test_all_or_nothing_stores_nothing_when_a_row_is_refused(url: str, city: City) -> None:
    with CameraStore.open(url) as store:
        result = store.import_csv(GOOD_AND_BAD, city, all_or_nothing=True)
        assert (result.added, result.stored, len(result.errors)) == (3, False, 9)
        assert store.count() == 0
        good = "\n".join(GOOD_AND_BAD.splitlines()[:3])
        result = store.import_csv(good, city, all_or_nothing=True)
        assert (result.added, result.stored, result.errors) == (2, True, ())
        assert store.count() == 2
