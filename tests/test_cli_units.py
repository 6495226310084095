"""``dispatch-desktop units`` and the roster warning of ``keys create``, as an operator types them."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import _fingerprint, _garbage, _words, dispatch_desktop

ROSTER = (
    "编号,类型,派出所,呼号,成员,纬度,经度\n"
    "VX-001,巡组,S-440106-01,天河巡99组,张三;李四,23.13,113.33\n"
    "VX-002,drone,S-440106-01,天河无人机,,,\n"
)


def test_an_import_stores_the_good_rows_names_each_bad_one_and_says_when_the_hub_takes_them(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes(ROSTER.encode("gb18030"))  # as Chinese Excel saves "CSV"
    db = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    imported = dispatch_desktop("units", "--db", db, "import", str(roster), tmp_path=tmp_path)
    assert imported.returncode == 1  # a refused row is an error the operator must see
    assert f"{roster}: row 3, column 类型: 'drone' is not a kind of unit" in imported.stderr
    assert "1 units added" in imported.stdout and "1 rows refused" in imported.stdout
    assert "a running hub registers them at once on SIGHUP" in _words(imported.stdout)
    listed = dispatch_desktop("units", "--db", db, "list", tmp_path=tmp_path)
    assert listed.returncode == 0 and listed.stdout.startswith("1 units on the registry")
    assert "VX-001  patrol  S-440106-01  天河巡99组" in listed.stdout

    exported = tmp_path / "export.csv"
    assert dispatch_desktop("units", "--db", db, "export", str(exported), tmp_path=tmp_path).returncode == 0
    assert exported.read_text(encoding="utf-8").splitlines() == [
        "id,unit_kind,station,name,members,lat,lon", "VX-001,patrol,S-440106-01,天河巡99组,张三;李四,23.13,113.33"]
    again = dispatch_desktop("units", "--db", db, "import", str(exported), tmp_path=tmp_path)
    assert again.returncode == 0 and "0 units added, 0 updated, 1 unchanged" in again.stdout


def test_a_dry_run_makes_no_store(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8-sig")
    path = tmp_path / "events.sqlite3"
    checked = dispatch_desktop("units", "--db", f"sqlite:///{path}", "import", "--dry-run", str(roster),
                               tmp_path=tmp_path)
    assert checked.returncode == 1 and "row 3, column 类型" in checked.stderr
    assert "1 would be imported" in checked.stdout and "nothing stored (dry run)" in checked.stdout
    assert not path.exists()


def test_units_refuses_a_damaged_store_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    path = _garbage(tmp_path)
    before = _fingerprint(path)
    result = dispatch_desktop("units", "--db", f"sqlite:///{path}", "list", tmp_path=tmp_path)
    assert result.returncode == 2 and f"{path} is not an SQLite database" in _words(result.stderr)
    assert _fingerprint(path) == before


def test_a_key_for_a_unit_the_hub_would_refuse_is_made_with_a_warning_that_says_what_to_do(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    dispatch_desktop("units", "--db", db, "import", str(roster), tmp_path=tmp_path)
    keys = tmp_path / "keys"
    created = dispatch_desktop("keys", "--dir", str(keys), "create", "--db", db,
                               "--unit", "VX-001", "PG-440106-01-01", "VX-404", tmp_path=tmp_path)
    assert created.returncode == 0, created.stderr
    assert sorted(p.name for p in (keys / "authorized").iterdir()) == [
        "PG-440106-01-01.key", "VX-001.key", "VX-404.key"]
    warning = _words(created.stderr)
    assert "unit VX-404 is on neither the unit registry" in warning and "dispatch-desktop units import FILE" in warning
    assert "VX-001" not in warning and "PG-440106-01-01" not in warning  # the registry's, the city's
