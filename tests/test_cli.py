"""The ``dispatch-desktop`` command as a user types it: the installed entry point, in a fresh process."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import select
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
        (["--operator", "张伟"], "badge"),
        (["--operator", "张伟 01 2"], "badge number is 3 to 20"),
        (["--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
        (["--workstation", "desk 7"], "goes into incident numbers"),
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


# --- storage mistakes are caught before they hurt ------------------------------------------------


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def in_terminal(*args: str, answer: str, tmp_path: Path) -> tuple[int, str, str]:
    """Runs the command with stdin and stdout on a pseudo-terminal, as from a shell, answers its
    question with ``answer``; returns (exit status, what the terminal showed, stderr)."""
    environ = {**os.environ, "DISPATCH_DESKTOP_DATA": str(tmp_path / "data"), "COLUMNS": "200"}
    master, slave = os.openpty()
    process = subprocess.Popen([str(ENTRY_POINT), *args], stdin=slave, stdout=slave, stderr=subprocess.PIPE,
                               env=environ)
    os.close(slave)
    shown = b""
    try:
        while True:
            # A generous limit so that a command that never asks fails the test instead of hanging it.
            ready, _, _ = select.select([master], [], [], 120)
            assert ready, f"the command did not finish; the terminal shows {shown.decode(errors='replace')!r}"
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the command ended and closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            if shown.endswith(b"[y/N] "):
                os.write(master, answer.encode() + b"\n")
        assert process.stderr is not None
        errors = process.stderr.read().decode()
        return process.wait(timeout=120), shown.decode(), errors
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()


def test_run_refuses_a_store_whose_directory_does_not_exist(tmp_path: Path) -> None:
    database = tmp_path / "mnt" / "share" / "events.sqlite3"
    result = dispatch_desktop("run", "--offscreen", "--db", f"sqlite:///{database}", tmp_path=tmp_path)
    assert result.returncode == 2
    words = _words(result.stderr)
    assert f"There is no event store at {database}, and its directory {database.parent} does not exist" in words
    assert "Nothing was created" in words and f"dispatch-desktop db upgrade --db sqlite:///{database}" in words
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "mnt").exists()


def test_in_a_terminal_the_user_is_asked_and_no_means_nothing_is_created(tmp_path: Path) -> None:
    database = tmp_path / "mnt" / "share" / "events.sqlite3"
    status, shown, errors = in_terminal("run", "--offscreen", "--db", f"sqlite:///{database}", answer="",
                                        tmp_path=tmp_path)
    assert status == 1, errors
    assert f"its directory {database.parent} does not exist" in shown
    assert "Create a NEW, EMPTY event store" in shown and shown.rstrip().endswith("[y/N]")
    assert "nothing was created" in errors
    assert not (tmp_path / "mnt").exists()


def test_in_a_terminal_yes_creates_the_new_store(tmp_path: Path) -> None:
    database = tmp_path / "new" / "events.sqlite3"
    csv = tmp_path / "cameras.csv"
    csv.write_text("id,name,lat,lon,district\nC-1,天河路口,23.13,113.32,440106\n", encoding="utf-8")
    status, shown, errors = in_terminal("cameras", "--db", f"sqlite:///{database}", "import", str(csv), answer="y",
                                        tmp_path=tmp_path)
    assert status == 0, errors
    assert "Create a NEW, EMPTY event store" in shown and "1 cameras added" in shown
    assert database.exists()


def test_a_new_store_in_an_existing_directory_is_announced(tmp_path: Path) -> None:
    database = tmp_path / "events-2025.sqlite3"
    csv = tmp_path / "cameras.csv"
    csv.write_text("id,name,lat,lon,district\nC-1,天河路口,23.13,113.32,440106\n", encoding="utf-8")
    result = dispatch_desktop("cameras", "--db", f"sqlite:///{database}", "import", str(csv), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"no event store at {database} yet: creating a NEW, EMPTY one there" in _words(result.stderr)
    assert database.exists()


def _garbage(tmp_path: Path) -> Path:
    path = tmp_path / "events.sqlite3"
    path.write_bytes(b"PK\x03\x04 a spreadsheet, saved over the event store\n" * 200)
    return path


@pytest.mark.parametrize("command", [
    ["run", "--offscreen", "--db", "{db}"], ["hub", "--plain", "--no-city", "--db", "{db}"],
    ["cameras", "--db", "{db}", "list"], ["db", "upgrade", "--db", "{db}"], ["db", "current", "--db", "{db}"],
    ["db", "keyframes", "--db", "{db}"],
], ids=lambda command: " ".join(command[:2]))
def test_every_command_refuses_a_damaged_store_and_leaves_it_as_it_was(tmp_path: Path, command: list[str]) -> None:
    path = _garbage(tmp_path)
    before = _fingerprint(path)
    result = dispatch_desktop(*(word.format(db=f"sqlite:///{path}") for word in command), tmp_path=tmp_path)
    assert result.returncode == 2, result.stdout
    words = _words(result.stderr)
    assert f"{path} is not an SQLite database" in words and "It was not changed" in words and "backup" in words
    assert "Traceback" not in result.stderr
    assert _fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("events")) == ["events.sqlite3"]


def test_db_check_says_healthy_damaged_or_cannot_check(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    assert dispatch_desktop("db", "upgrade", "--db", url, tmp_path=tmp_path).returncode == 0
    healthy = dispatch_desktop("db", "check", "--db", url, tmp_path=tmp_path)
    assert healthy.returncode == 0, healthy.stdout + healthy.stderr
    assert "integrity_check: every page and index reads back" in healthy.stdout
    assert healthy.stdout.rstrip().endswith("checks passed)")

    path = _garbage(tmp_path)
    before = _fingerprint(path)
    damaged = dispatch_desktop("db", "check", "--db", url, tmp_path=tmp_path)
    assert damaged.returncode == 1
    assert "DAMAGED  store:" in damaged.stdout and "verdict: DAMAGED" in damaged.stdout
    assert "restore the event store from your backup" in damaged.stdout
    assert _fingerprint(path) == before

    missing = dispatch_desktop("db", "check", "--db", f"sqlite:///{tmp_path / 'none.sqlite3'}", tmp_path=tmp_path)
    assert missing.returncode == 2 and "cannot check: there is no event store" in missing.stderr
    assert not (tmp_path / "none.sqlite3").exists()


@pytest.mark.parametrize("command", [
    ["run", "--offscreen"], ["db", "current"], ["db", "check"], ["hub", "--plain", "--no-city"], ["keys", "list"],
    ["cameras", "list"], ["simulate", "--duration", "1"],
], ids=" ".join)
def test_an_unusable_data_dir_is_named_with_what_to_do(tmp_path: Path, command: list[str]) -> None:
    blocker = tmp_path / "data"  # a file where the data directory should be
    blocker.write_text("not a directory")
    for data, reason in [(blocker, f"{blocker} is a file, not a directory"),
                         (blocker / "dispatch", f"{blocker} is a file, not a directory")]:
        environ = {**os.environ, "DISPATCH_DESKTOP_DATA": str(data), "COLUMNS": "200"}
        result = subprocess.run([str(ENTRY_POINT), *command], env=environ, capture_output=True, text=True,
                                timeout=120, check=False)
        assert result.returncode == 2, result.stderr
        words = _words(result.stderr)
        assert f"cannot use the data directory {data}: {reason}" in words
        assert "Set DISPATCH_DESKTOP_DATA to a directory you can write to" in words
        assert "Traceback" not in result.stderr
    assert blocker.read_text() == "not a directory"


def test_settings_and_caches_follow_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dispatch_desktop import paths

    monkeypatch.setenv("DISPATCH_DESKTOP_DATA", str(tmp_path / "desk-2"))
    assert paths.config_dir() == tmp_path / "desk-2" / "config"
    assert paths.cache_dir() == tmp_path / "desk-2" / "cache"
    monkeypatch.delenv("DISPATCH_DESKTOP_DATA")
    assert tmp_path not in paths.config_dir().parents and tmp_path not in paths.cache_dir().parents


def test_ctrl_c_stops_db_check_without_a_verdict_or_a_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    import signal

    from dispatch_desktop.cli import main
    from dispatch_desktop.commands import db
    from tests.store.damaged import write_store

    url = write_store(tmp_path / "events.sqlite3")
    before = _fingerprint(tmp_path / "events.sqlite3")
    pressed: list[str] = []

    def press_ctrl_c(_meter: object, what: str, _done: int, _total: int) -> None:
        if not pressed:  # the person presses Ctrl-C while the first check shows its progress
            pressed.append(what)
            signal.raise_signal(signal.SIGINT)

    def handler(_signum: int, _frame: object) -> None:
        """The program's own Ctrl-C handling, which the check must hand back."""

    monkeypatch.setattr(db._Meter, "show", press_ctrl_c)
    previous = signal.signal(signal.SIGINT, handler)
    try:
        assert main(["db", "check", "--db", url]) == 130
        assert signal.getsignal(signal.SIGINT) is handler
    finally:
        signal.signal(signal.SIGINT, previous)
    assert pressed
    out = capsys.readouterr().out
    assert "stopped by Ctrl-C before the end: no verdict" in out and "verdict:" not in out.replace("no verdict", "")
    assert _fingerprint(tmp_path / "events.sqlite3") == before


def test_run_keeps_the_language_chosen_in_the_menu_unless_told_otherwise() -> None:
    from dispatch_desktop.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["run"]).lang is None  # None: the user's last choice from the Language menu
    assert parser.parse_args(["run", "--lang", "en"]).lang == "en"
    args = parser.parse_args(["run", "--operator", "张伟 012345", "--no-auto-dispatch", "--timezone", "Asia/Urumqi"])
    assert (args.operator, args.no_auto_dispatch, args.timezone) == ("张伟 012345", True, "Asia/Urumqi")
