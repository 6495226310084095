"""Settings → Plugins as an operator reads it: the dialog fits a small screen, its columns show their whole
texts, a Chinese desk explains every plugin in Chinese, and a plugin's errors read without the host's noise
or a sideways scroll."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from dispatch_desktop.extensions.discovery import Discovered
from dispatch_desktop.extensions.state import PluginStates
from dispatch_desktop.ui.plugins.error_view import PluginErrorView
from dispatch_desktop.ui.plugins.guard import Fault
from dispatch_desktop.ui.plugins.manager import PluginManagerDialog
from tests.ui.live_desk import DeskFactory
from tests.ui.plugin_kit import write_plugin
from tests.ui.text_walk import english_words, untranslated

pytestmark = pytest.mark.gui


def _three_plugins(tmp_path: Path) -> tuple[Discovered, Discovered, Discovered]:
    """One that runs, one whose import fails, one the user disabled."""
    running = write_plugin(tmp_path / "site", "running", {})
    broken = write_plugin(tmp_path / "site", "broken", {"hooks": "import roster_client_not_installed\n"})
    disabled = write_plugin(tmp_path / "site", "disabled", {})
    states = PluginStates.load(tmp_path / "config")  # the desk's config dir (live_desk's make_desk)
    states.disable(disabled.id)
    states.save()
    return running, broken, disabled


def _open(qtbot, desk) -> PluginManagerDialog:  # type: ignore[no-untyped-def]
    dialog = PluginManagerDialog(desk.plugins, desk.window)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_manager_fits_the_screen_and_each_column_shows_its_whole_text(
        qtbot, make_desk: DeskFactory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk("en", plugins=list(_three_plugins(tmp_path)))
    dialog = _open(qtbot, desk)
    try:
        free = dialog.screen().availableGeometry()
        assert dialog.width() <= free.width() and dialog.height() <= free.height()
        table = dialog.table
        metrics = table.fontMetrics()
        texts = {"Stopped after errors", "Disabled by you", "Running"}
        for column in range(1, table.columnCount()):
            header = table.horizontalHeaderItem(column)
            assert header is not None
            cells = [table.item(row, column) for row in range(table.rowCount())]
            for text in [header.text(), *(cell.text() for cell in cells if cell is not None)]:
                texts.discard(text)
                assert metrics.horizontalAdvance(text) < table.columnWidth(column), (column, text)
        assert not texts  # the statuses were all there to measure
    finally:
        dialog.close()


def test_a_chinese_manager_explains_each_plugin_in_chinese_with_its_own_traceback(
        qtbot, make_desk: DeskFactory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    running, broken, disabled = _three_plugins(tmp_path)
    desk = make_desk("zh_CN", plugins=[running, broken, disabled])
    dialog = _open(qtbot, desk)
    try:
        # The plugins' names are theirs (these test plugins have no Chinese catalogue), and an error's
        # exception is Python's (the errors count's tool tip): columns 0 and 5 aside.
        english = [(where, text) for where, text in untranslated(dialog) if not where.endswith((",0]", ",5]"))]
        assert english == []
        errors = dialog.table.item(1, 5)
        assert errors is not None and errors.text() == "1"
        assert errors.toolTip().startswith(f"导入 {broken.id}.hooks：ModuleNotFoundError")
        dialog.select(disabled.id)
        assert "您已停用此插件" in dialog.details.toPlainText()
        dialog.select(broken.id)
        details = dialog.details.toPlainText()
        assert f"导入 {broken.id}.hooks" in details
        assert "No module named 'roster_client_not_installed'" in details
        assert "import roster_client_not_installed" in details  # the plugin's own line of the traceback
        assert "guard.py" not in details and "importlib" not in details  # the host's frames are left out
        prose = [line for line in details.splitlines()
                 if line and not line.startswith((" ", "Traceback", "ModuleNotFoundError"))]
        assert [line for line in prose if english_words(line) and broken.id not in line] == []
    finally:
        dialog.close()


def test_repeated_faults_show_their_traceback_once_and_long_lines_wrap_in_a_narrow_panel(qtbot) -> None:  # type: ignore[no-untyped-def]
    trace = ('Traceback (most recent call last):\n'
             '  File "/opt/plugins/site-packages/duty_roster/listeners/stations.py", line 10, in listen\n'
             '    return stations[event.event.body.name]  # a long line of the plugin, longer than the panel\n'
             "KeyError: 'still_here'\n")
    faults = [Fault("duty", "event listener", "KeyError: 'still_here'", trace, at=1_000.0 + n) for n in range(3)]
    view = PluginErrorView("Duty roster", faults)
    qtbot.addWidget(view)
    view.resize(320, 600)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    text = view.text.toPlainText()
    assert text.count("Traceback (most recent call last)") == 1
    assert text.count("KeyError: 'still_here'") == 3 + 1  # each fault's line, and the traceback's last
    assert view.text.horizontalScrollBar().maximum() == 0
