"""The unit board, incident queue, alerts and incident detail follow the state row by row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitStatus
from dispatch_desktop.ui.models.alerts import AlertsModel
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.incident_table import PRIORITY, IncidentTableModel
from dispatch_desktop.ui.models.keyed_table import KEY_ROLE
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.models.unit_table import CALL_SIGN, LAST_REPORT, STATUS, UnitTableModel
from dispatch_desktop.ui.panels.incident_detail import IncidentDetailPanel
from dispatch_desktop.ui.panels.incident_queue import IncidentQueuePanel
from dispatch_desktop.ui.panels.unit_board import STATUS_FILTERS, UnitBoardPanel
from tests.ui.builders import EventLog
from tests.ui.test_city_model import _show


class RowSignals:
    """Which rows a table said changed, appeared or went."""

    def __init__(self, model: UnitTableModel | IncidentTableModel) -> None:
        self.changed: list[tuple[int, int]] = []
        self.changed_columns: list[tuple[int, int]] = []
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.resets = 0
        model.dataChanged.connect(self._changed)
        model.rowsInserted.connect(lambda _parent, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _parent, first, last: self.removed.append((first, last)))
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.resets += 1

    def _changed(self, top: QModelIndex, bottom: QModelIndex, _roles: list[int]) -> None:
        self.changed.append((top.row(), bottom.row()))
        self.changed_columns.append((top.column(), bottom.column()))


def _patrol(count: int) -> EventLog:
    log = EventLog()
    for n in range(count):
        log.register(f"P-{n:02d}", name=f"天河巡{n:02d}组")
        log.on_duty(f"P-{n:02d}")
    return log


def _cell(model: UnitTableModel | IncidentTableModel, key: str, column: str) -> str:
    row = model.row_of(key)
    assert row is not None
    return model.index(row, model.column_titled(column)).data()


def test_a_moved_unit_changes_only_its_own_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(20)
    city_model = CityModel()
    _show(city_model, log)
    table = UnitTableModel(city_model)
    rows = RowSignals(table)
    log.move("P-07", 23.2, 113.4)
    _show(city_model, log)
    assert rows.changed == [(table.row_of("P-07"),) * 2]
    last_report = table.column_titled(LAST_REPORT)
    assert rows.changed_columns == [(last_report, last_report)]  # a position report: nothing else to redo
    assert rows.inserted == rows.removed == []
    assert rows.resets == 0
    log.create("J-1")
    log.dispatch("J-1", "P-07")
    _show(city_model, log)
    assert rows.changed[-1] == (table.row_of("P-07"),) * 2
    assert rows.changed_columns[-1] == (0, table.columnCount() - 1)  # a status change: the whole row


def test_new_units_are_appended_and_vanished_ones_removed(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(5)
    city_model = CityModel()
    _show(city_model, log)
    table = UnitTableModel(city_model)
    rows = RowSignals(table)
    log.register("R-01", name="羊城突击队一队")
    _show(city_model, log)
    assert rows.inserted == [(5, 5)]
    assert _cell(table, "R-01", CALL_SIGN) == "羊城突击队一队"

    smaller = _patrol(3)  # a resync to a state without P-03, P-04 and R-01
    city_model.set_state(smaller.state, full=True)
    assert sorted(table.keys()) == ["P-00", "P-01", "P-02"]
    assert sum(last - first + 1 for first, last in rows.removed) == 3


def test_a_status_change_shows_in_the_status_cell(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(2)
    log.create("J-1")
    city_model = CityModel()
    _show(city_model, log)
    table = UnitTableModel(city_model)
    assert _cell(table, "P-01", STATUS) == "Available"  # no catalogue installed: the English source
    log.dispatch("J-1", "P-01")
    _show(city_model, log)
    assert _cell(table, "P-01", STATUS) == "Dispatched"
    assert _cell(table, "P-01", "Incident") == "J-1"


def test_the_unit_board_filters_by_status_and_search_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(6)
    log.emit("P-05", ev.StatusReport(status=UnitStatus.UNAVAILABLE))
    city_model = CityModel()
    _show(city_model, log)
    selection = SelectionModel()
    board = UnitBoardPanel(UnitTableModel(city_model), selection)
    qtbot.addWidget(board)
    available = [label for label, _test in STATUS_FILTERS].index("Available")
    board.status_filter.setCurrentIndex(available)
    assert board.proxy.rowCount() == 5
    board.search.setText("巡03")
    assert [board.proxy.key_at(row) for row in range(board.proxy.rowCount())] == ["P-03"]


def test_the_queue_shows_open_incidents_most_urgent_first_and_closed_ones_on_request(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(1)
    log.create("J-1", priority=3)
    log.create("J-2", priority=1)
    log.create("J-3", priority=2)
    log.dispatch("J-3", "P-00")
    log.acknowledge("J-3", "P-00")
    log.arrive("J-3", "P-00")
    log.clear("J-3", "P-00")
    log.close("J-3")
    city_model = CityModel()
    _show(city_model, log)
    queue = IncidentQueuePanel(IncidentTableModel(city_model), SelectionModel())
    qtbot.addWidget(queue)
    shown = lambda: [queue.proxy.key_at(row) for row in range(queue.proxy.rowCount())]  # noqa: E731
    assert shown() == ["J-2", "J-1"]
    queue.show_closed.setChecked(True)
    assert shown() == ["J-2", "J-3", "J-1"]
    log.create("J-4", priority=1)
    _show(city_model, log)
    assert shown() == ["J-2", "J-4", "J-3", "J-1"]  # P1s by call time, then the rest
    assert queue.proxy.headerData(queue.model.column_titled(PRIORITY), Qt.Orientation.Horizontal) == "Priority"


def test_selecting_a_row_selects_it_everywhere_and_a_selection_elsewhere_shows_the_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(30)
    city_model = CityModel()
    _show(city_model, log)
    selection = SelectionModel()
    board = UnitBoardPanel(UnitTableModel(city_model), selection)
    qtbot.addWidget(board)
    board.view.selectRow(4)
    picked = board.proxy.key_at(4)
    assert selection.unit == picked
    selection.select_unit("P-27")
    assert board.current_key() == "P-27"
    assert board.view.currentIndex().data(KEY_ROLE) == "P-27"


def test_sos_and_refusals_become_alerts(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(2)
    city_model = CityModel()
    _show(city_model, log)
    alerts = AlertsModel(city_model)
    with qtbot.waitSignal(alerts.sosRaised) as raised:
        log.sos("P-01", 23.14, 113.33)
        _show(city_model, log)
    assert raised.args == ["P-01"]
    log.dispatch("J-404", "P-00")  # refused: no such incident
    _show(city_model, log)
    texts = {alerts.index(row, 3).data() for row in range(alerts.rowCount(QModelIndex()))}
    assert "Officer needs help at 23.14000, 113.33000" in texts
    assert "Incident J-404 does not exist." in texts
    log.emit("ws-test", ev.SosAcknowledged(unit="P-01"))
    _show(city_model, log)
    assert alerts.active_sos() == []


def test_refusals_the_hub_did_not_store_are_one_alert_naming_the_unit(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(2)
    city_model = CityModel()
    alerts = AlertsModel(city_model)
    log.emit("hub", ev.RefusalsSuppressed(source="P-01", count=180, codes={"unit_not_assigned": 180},
                                          first=1, last=2))
    _show(city_model, log)
    rows = [[alerts.index(row, column).data() for column in range(4)] for row in range(alerts.rowCount(QModelIndex()))]
    name = city_model.state.units["P-01"].name
    assert [row[1:] for row in rows] == [
        ["Refused", name, f"180 more refusals of {name} within a minute were answered but not stored."]]
    assert alerts.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == rows[0][3]  # in words, not the raw record
    assert city_model.state.refusal_count == 180


def test_the_detail_panel_follows_the_selected_incident_and_its_timeline(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = _patrol(1)
    log.create("J-1", priority=1, address="天河路 385 号")
    city_model = CityModel()
    _show(city_model, log)
    selection = SelectionModel()
    detail = IncidentDetailPanel(city_model, selection)
    qtbot.addWidget(detail)
    assert detail.heading.text() == "No incident selected"
    selection.select_incident("J-1")
    assert detail.heading.text() == "J-1 · Fight"
    assert detail.values["Address"].text() == "天河路 385 号"
    assert detail.timeline.rowCount() == 1
    log.dispatch("J-1", "P-00")
    log.acknowledge("J-1", "P-00")
    _show(city_model, log)
    events = [detail.timeline.item(row, 1).text() for row in range(detail.timeline.rowCount())]
    assert events == ["Incident created", "Unit dispatched", "Dispatch acknowledged"]
    assert detail.values["Units"].text() == "天河巡00组 (En route)"
