"""The ``dispatch-desktop`` command as a user types it: the installed entry point, in a fresh process."""

from __future__ import annotations

import importlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dispatch_desktop.cli import SUBCOMMANDS

ENTRY_POINT = Path(sys.executable).parent / "dispatch-desktop"
BUILT = [name for name in SUBCOMMANDS if importlib.util.find_spec(f"dispatch_desktop.commands.{name}")]


def dispatch_desktop(*args: str, tmp_path: Path, unset: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    assert ENTRY_POINT.exists(), f"{ENTRY_POINT} missing: install the package (pip install -e .)"
    environ = {k: v for k, v in os.environ.items() if k not in unset}
    environ["DISPATCH_DESKTOP_DATA"] = str(tmp_path / "data")
    environ["COLUMNS"] = "200"  # argparse wraps (and hyphenates) help text to the terminal width
    return subprocess.run(
        [str(ENTRY_POINT), *args], env=environ, capture_output=True, text=True, timeout=120, check=False
    )


def _words(text: str) -> str:
    return " ".join(text.split())


def test_help_lists_every_subcommand(tmp_path: Path) -> None:
    result = dispatch_desktop("--help", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Dispatch Desktop" in result.stdout
    for name in BUILT:
        assert name in result.stdout


@pytest.mark.parametrize("name", BUILT)
def test_each_subcommand_describes_itself(tmp_path: Path, name: str) -> None:
    result = dispatch_desktop(name, "--help", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: dispatch-desktop {name}")
    help_line = importlib.import_module(f"dispatch_desktop.commands.{name}").HELP
    assert _words(help_line) in _words(result.stdout)


def test_run_without_a_display_says_how_to_proceed(tmp_path: Path) -> None:
    result = dispatch_desktop("run", tmp_path=tmp_path, unset=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert "xvfb-run" in result.stderr and "--offscreen" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--speed", "0"], "must be greater than 0"),
        (["--units", "-3"], "must be 0 or more"),
        (["--lang", "fr"], "invalid choice"),
        (["--hub", "10.0.0.5:5555"], "ZeroMQ endpoint"),
    ],
)
def test_run_rejects_bad_options_before_starting(tmp_path: Path, args: list[str], complaint: str) -> None:
    result = dispatch_desktop("run", *args, tmp_path=tmp_path)
    assert result.returncode == 2
    assert complaint in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        ("events.sqlite3", "not a database URL"),
        ("mysqlx://host/dispatch", "unsupported database 'mysqlx'"),
    ],
)
@pytest.mark.parametrize("action", ["upgrade", "current"])
def test_db_says_what_is_wrong_with_a_bad_url(tmp_path: Path, action: str, url: str, complaint: str) -> None:
    result = dispatch_desktop("db", action, "--db", url, tmp_path=tmp_path)
    assert result.returncode == 2
    assert complaint in result.stderr
    assert "Traceback" not in result.stderr


def test_db_upgrade_creates_the_schema_and_current_reports_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'events.sqlite3'}"
    before = dispatch_desktop("db", "current", "--db", url, tmp_path=tmp_path)
    assert before.returncode == 1
    assert "db upgrade" in before.stdout
    assert not (tmp_path / "new" / "events.sqlite3").exists()  # looking does not create it

    upgraded = dispatch_desktop("db", "upgrade", "--db", url, tmp_path=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    revision = upgraded.stdout.split("schema revision ")[1].split()[0]

    again = dispatch_desktop("db", "upgrade", "--db", url, tmp_path=tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"already has the newest schema revision {revision}" in again.stdout

    current = dispatch_desktop("db", "current", "--db", url, tmp_path=tmp_path)
    assert current.returncode == 0, current.stderr
    assert current.stdout.strip() == f"schema revision {revision} (the newest)"


def test_db_defaults_to_the_user_data_dir(tmp_path: Path) -> None:
    result = dispatch_desktop("db", "upgrade", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "events.sqlite3").exists()


def test_camera_csv_import_stores_good_rows_and_names_each_bad_one(tmp_path: Path) -> None:
    csv = tmp_path / "cameras.csv"
    csv.write_text(
        "id,name,lat,lon,district,stream_url\n"
        "C-1,天河路口,23.13,113.32,440106,file:///clips/a.avi\n"
        "C-2,体育西,999,113.32,440106,\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    imported = dispatch_desktop("cameras", "--db", db, "import", str(csv), tmp_path=tmp_path)
    assert imported.returncode == 1  # a refused row is an error the user must see
    assert "row 3, column lat" in imported.stderr
    assert "1 cameras added" in imported.stdout and "1 rows refused" in imported.stdout
    listed = dispatch_desktop("cameras", "--db", db, "list", tmp_path=tmp_path)
    assert listed.returncode == 0 and listed.stdout.startswith("1 cameras") and "天河路口" in listed.stdout


def test_db_keyframes_rewrites_the_keyframes_at_the_asked_spacing(tmp_path: Path) -> None:
    from dispatch_desktop.domain import events as ev
    from dispatch_desktop.store import EventStore

    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    with EventStore.open(url) as store:
        fix = ev.Position(lat=23.1, lon=113.3)
        store.append([ev.envelope("P-0001", n, fix, t_src=n, t_hub=n) for n in range(1, 26)])
    result = dispatch_desktop("db", "keyframes", "--db", url, "--every", "10", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2/2 keyframes" in result.stdout and "2 keyframes written" in result.stdout
    with EventStore.open(url) as store:
        assert store.rebuild(25).keyframe_gseq == 20
    refused = dispatch_desktop("db", "keyframes", "--db", url, "--every", "0", tmp_path=tmp_path)
    assert refused.returncode == 2 and "must be at least 1" in refused.stderr
