"""``dispatch-desktop cameras import`` as an operator sees it: refusals, notes and the closing summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.cli import main
from dispatch_desktop.video.camera_store import CameraStore
from tests.video.helpers import GOOD_AND_BAD


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "cameras.csv"
    path.write_text(GOOD_AND_BAD + "GZ-0010,远处,22.5431,114.0579,,,/srv/none.avi,,,\n", encoding="utf-8")
    return path


def cameras(url: str, *args: str | Path) -> int:
    return main(["cameras", "--db", url, *map(str, args)])


def test_an_import_lists_each_refusal_and_sums_up(tmp_path: Path, csv_file: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    assert cameras(url, "import", csv_file) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "11 rows read: 3 imported (3 cameras added, 0 updated, 0 unchanged), 8 rows refused"
    assert f"{csv_file}: row 12, column lat/lon: 22.5431, 114.0579 is outside the service area" in err
    assert f"{csv_file}: row 4, column lat: 123.1 is outside -90 to 90" in err
    with CameraStore.open(url) as store:
        assert store.count() == 3


@pytest.mark.parametrize(("flag", "why"), [("--dry-run", "dry run"),
                                           ("--all-or-nothing", "--all-or-nothing and a row was refused")])
def test_dry_run_and_all_or_nothing_store_nothing_and_say_so(
    tmp_path: Path, csv_file: Path, capsys: pytest.CaptureFixture[str], flag: str, why: str
) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    assert cameras(url, "import", csv_file, flag) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"11 rows read: 3 would be imported (3 cameras added, 0 updated, 0 unchanged), 8 rows refused; "
        f"nothing stored ({why})"
    )
    if flag == "--dry-run":
        assert not (tmp_path / "events.sqlite3").exists()  # checking a file makes no store
    else:
        with CameraStore.open(url) as store:
            assert store.count() == 0


def test_notes_about_taken_rows_are_shown_but_not_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cameras.csv"
    path.write_text("id,name,lat,lon,stream_url\nC-1,甲,23.1375,113.3240,/srv/none.avi\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    assert cameras(url, "import", path) == 0
    out, err = capsys.readouterr()
    assert f"{path}: note: row 2, column stream_url: /srv/none.avi is not on this machine" in err
    assert out.splitlines()[-1] == "1 rows read: 1 imported (1 cameras added, 0 updated, 0 unchanged), 0 rows refused"


def test_the_help_lists_the_headers_understood(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["cameras", "import", "--help"])
    text = capsys.readouterr().out
    for header in ("名称", "经度", "纬度", "区划", "行政区", "地址", "编号", "视频流", "流地址", "--dry-run",
                   "--all-or-nothing"):
        assert header in text
