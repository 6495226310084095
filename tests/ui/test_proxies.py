"""The unit board's sorting and filtering keep up with changes row by row, and keep the dispatcher's pick."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitStatus
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.models.unit_table import LAST_REPORT, STATUS, UnitTableModel
from dispatch_desktop.ui.panels.unit_board import STATUS_FILTERS, UnitBoardPanel
from tests.ui.builders import EventLog
from tests.ui.test_city_model import _show


def _board(qtbot, count: int) -> tuple[EventLog, CityModel, UnitBoardPanel]:  # type: ignore[no-untyped-def]
    log = EventLog()
    for n in range(count):
        log.register(f"P-{n:02d}", name=f"天河巡{n:02d}组")
        log.on_duty(f"P-{n:02d}")
    log.create("J-1")
    city_model = CityModel()
    _show(city_model, log)
    board = UnitBoardPanel(UnitTableModel(city_model), SelectionModel())
    qtbot.addWidget(board)
    return log, city_model, board


def _shown(board: UnitBoardPanel) -> list[str]:
    return [board.proxy.key_at(row) for row in range(board.proxy.rowCount())]


def test_a_unit_whose_status_sorts_it_elsewhere_moves_and_stays_selected(qtbot) -> None:  # type: ignore[no-untyped-def]
    log, city_model, board = _board(qtbot, 8)
    board.view.sortByColumn(board.model.column_titled(STATUS), Qt.SortOrder.DescendingOrder)
    before = _shown(board)
    last = before[-1]  # all available: ties, in the order the units first appeared
    board.selection.select_unit(last)
    assert board.current_key() == last
    log.dispatch("J-1", last)  # dispatched sorts after available: first when descending
    _show(city_model, log)
    assert _shown(board) == [last, *before[:-1]]  # the others keep their order
    assert board.current_key() == last


def test_rows_leave_and_join_a_status_filter_as_units_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    log, city_model, board = _board(qtbot, 6)
    board.status_filter.setCurrentIndex([label for label, _test in STATUS_FILTERS].index("Available"))
    log.emit("P-02", ev.StatusReport(status=UnitStatus.UNAVAILABLE))
    _show(city_model, log)
    assert "P-02" not in _shown(board)
    log.emit("P-02", ev.StatusReport(status=UnitStatus.AVAILABLE))
    _show(city_model, log)
    assert sorted(_shown(board)) == [f"P-{n:02d}" for n in range(6)]
    assert _shown(board) == sorted(_shown(board))  # back in its place by call sign


def test_sorted_by_last_report_a_position_report_reorders(qtbot) -> None:  # type: ignore[no-untyped-def]
    log, city_model, board = _board(qtbot, 5)
    board.view.sortByColumn(board.model.column_titled(LAST_REPORT), Qt.SortOrder.DescendingOrder)
    log.move("P-01", 23.2, 113.4)  # a later report than everyone else's
    _show(city_model, log)
    assert _shown(board)[0] == "P-01"


def test_a_search_sees_changes_and_new_units(qtbot) -> None:  # type: ignore[no-untyped-def]
    log, city_model, board = _board(qtbot, 5)
    board.search.setText("J-1")
    assert _shown(board) == []
    log.dispatch("J-1", "P-04")
    _show(city_model, log)
    assert _shown(board) == ["P-04"]
    board.search.setText("")
    log.register("P-99", name="天河巡99组")
    log.on_duty("P-99")
    _show(city_model, log)
    assert _shown(board)[-1] == "P-99" and len(_shown(board)) == 6
