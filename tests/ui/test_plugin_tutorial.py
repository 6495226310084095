"""docs/PLUGINS.md's tutorial works as written: its files, taken from the document, install as a package
whose entry point the desk discovers, and the plugin's panel, map layer, incident action, listener and
plugin event all work in a real desk, and again (from the log) in a desk started afterwards."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dispatch_desktop.extensions.discovery import ENTRY_POINT_GROUP, discover
from tests.ui.live_desk import DeskFactory
from tests.ui.test_desk_behaviour import _robbery

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]

DOCUMENT = Path(__file__).parents[2] / "docs" / "PLUGINS.md"
_BLOCK = re.compile(r"^```\w+ file=(?P<path>\S+)\n(?P<code>.*?)^```$", re.MULTILINE | re.DOTALL)


def tutorial_files() -> dict[str, str]:
    return {match["path"]: match["code"] for match in _BLOCK.finditer(DOCUMENT.read_text(encoding="utf-8"))}


def test_the_document_gives_every_file_of_the_tutorial_plugin() -> None:
    assert set(tutorial_files()) == {"pyproject.toml", "flag_board/__init__.py", "flag_board/dispatch_plugin.toml",
                                     "flag_board/events.py", "flag_board/plugin.py", "flag_board/panel.py"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tutorial's plugin, built and installed as a package (into a folder of its own)."""
    source = tmp_path_factory.mktemp("flag-board")
    for relative, code in tutorial_files().items():
        path = source / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code, encoding="utf-8")
    site = tmp_path_factory.mktemp("site")
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                           "--disable-pip-version-check", "--target", str(site), str(source)],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    sys.path.insert(0, str(site))
    return site


def test_the_tutorial_plugin_works_in_a_desk_and_its_flags_come_back_from_the_log(
        qtbot, make_desk: DeskFactory, installed: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    entry_points = [entry for distribution in importlib.metadata.distributions(path=[str(installed)])
                    for entry in distribution.entry_points if entry.group == ENTRY_POINT_GROUP]
    found = discover(entry_points)
    assert [plugin.id for plugin in found] == ["flag_board"] and found[0].loadable
    database = tmp_path / "log.sqlite3"
    desk = make_desk("en", plugins=found, database=database)
    host = desk.plugins.host
    assert "flag_board" in host.plugins and not host.guard.faults("flag_board")
    window = desk.window
    dock = window.dock("flag_board.flags")
    assert dock.windowTitle() == "Flagged incidents"
    assert dock in window.tabifiedDockWidgets(window.dock("dispatch"))
    assert "flag_board.flags" in window.layer_menu.layer_actions

    created = desk.send(_robbery("J-flag-1", int(time.time() * 1000)))
    qtbot.waitUntil(lambda: "J-flag-1" in window.city_model.state.incidents, timeout=10_000)
    assert created.result().accepted
    plugin = sys.modules["flag_board.plugin"]
    assert plugin.COUNTS["new incidents"] == 1  # the listener heard the incident being created
    window.selection.select_incident("J-flag-1")
    action = desk.incident_actions.qaction("flag_board.flag")
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Alt+F"
    action.trigger()
    qtbot.waitUntil(lambda: "J-flag-1" in plugin.FLAGS, timeout=10_000)
    assert plugin.FLAGS["J-flag-1"] == "Needs the shift commander"
    assert dock.widget().list.item(0).text().startswith("J-flag-1")
    assert not action.isEnabled()  # flagged already
    desk.stop()  # deactivate() forgets the flags

    assert plugin.FLAGS == {}
    later = make_desk("en", plugins=found, database=database, workstation="ws-later")
    qtbot.waitUntil(lambda: "J-flag-1" in plugin.FLAGS, timeout=10_000)  # from the log, as a historical event
    assert later.window.dock("flag_board.flags").widget().list.count() == 1
    assert not later.plugins.host.guard.faults("flag_board")
