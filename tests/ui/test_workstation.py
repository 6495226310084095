"""The assembled workstation: status bar, language switching, alerts drawing attention."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.ui.models.unit_table import CALL_SIGN, STATUS
from tests.ui.builders import EventLog, city_log


def _push(qtbot, window, log: EventLog) -> None:  # type: ignore[no-untyped-def]
    window.feed.push(log.state, log.take_published())
    qtbot.waitUntil(lambda: window.city_model.state is log.state)


def test_the_status_bar_shows_the_hub_link_the_mode_and_the_clock(qtbot, make_workstation) -> None:  # type: ignore[no-untyped-def]
    window = make_workstation()
    bar = window.status_bar
    assert bar.connection.text() == "● 与指挥中心断开"
    assert "#c62828" in bar.connection.styleSheet()  # red
    window.feed.set_connected(True)
    qtbot.waitUntil(lambda: bar.connection.text() == "● 指挥中心已连接")
    assert "#2e7d32" in bar.connection.styleSheet()  # green
    assert bar.mode.text() == "实战"
    _push(qtbot, window, EventLog(mode=Mode.DRILL))
    assert bar.mode.text() == "演练"
    window.feed.set_replay(True)
    qtbot.waitUntil(lambda: bar.mode.text() == "回放")
    window.feed.set_replay(False)
    window.feed.set_connected(False)
    qtbot.waitUntil(lambda: bar.connection.text() == "● 与指挥中心断开")
    # The command center's time (Asia/Shanghai), whatever the machine's own zone (UTC here).
    assert bar.clock.text() == "2025-11-22 11:53:20 CST"


def _visible_texts(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    table = window.unit_table
    return {
        "title": window.windowTitle(),
        "queue dock": window.dock("incident_queue").windowTitle(),
        "board dock": window.dock("unit_board").windowTitle(),
        "detail dock": window.dock("incident_detail").windowTitle(),
        "alerts dock": window.dock("alerts").windowTitle(),
        "view menu": window.view_menu.title(),
        "layer menu": window.layer_menu.title(),
        "header": table.headerData(table.column_titled(CALL_SIGN), Qt.Orientation.Horizontal),
        "status cell": table.index(table.row_of(window.city.units[0].id), table.column_titled(STATUS)).data(),
        "hub": window.status_bar.connection.text(),
        "mode": window.status_bar.mode.text(),
        "search": window.views.unit_board.search.placeholderText(),
        "detail": window.views.incident_detail.heading.text(),
    }


CHINESE = {
    "title": "指挥调度台 — 实战", "queue dock": "警情队列", "board dock": "警力状态",
    "detail dock": "警情详情", "alerts dock": "告警", "view menu": "视图(&V)", "layer menu": "地图图层",
    "header": "呼号", "status cell": "巡逻待命", "hub": "● 与指挥中心断开", "mode": "实战",
    "search": "搜索呼号、单位、警情…", "detail": "未选择警情",
}
ENGLISH = {
    "title": "Dispatch Desktop — Live", "queue dock": "Incident queue", "board dock": "Unit status",
    "detail dock": "Incident detail", "alerts dock": "Alerts", "view menu": "&View", "layer menu": "Map layers",
    "header": "Call sign", "status cell": "Available", "hub": "● Hub disconnected", "mode": "Live",
    "search": "Search call sign, station, incident…", "detail": "No incident selected",
}


def test_the_language_menu_switches_every_visible_text_to_english_and_back(qtbot, make_workstation, city) -> None:  # type: ignore[no-untyped-def]
    window = make_workstation()
    _push(qtbot, window, city_log(city, on_duty=5))
    assert _visible_texts(window) == CHINESE
    window.language_actions["en"].trigger()
    assert _visible_texts(window) == ENGLISH
    assert window.language_actions["en"].isChecked()
    window.language_actions["zh_CN"].trigger()
    assert _visible_texts(window) == CHINESE


def test_the_chosen_language_is_remembered_for_the_user(qtbot, make_workstation, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = make_workstation(user="li.na", language=None)
    assert first.language.language == "zh_CN"  # the default for a new user
    first.language_actions["en"].trigger()
    first.close()
    again = make_workstation(user="li.na", language=None)
    assert again.language.language == "en"
    assert again.dock("unit_board").windowTitle() == "Unit status"


def test_an_sos_brings_the_alerts_panel_forward_and_says_who(qtbot, make_workstation, city) -> None:  # type: ignore[no-untyped-def]
    window = make_workstation()
    window.show()
    log = city_log(city, on_duty=3)
    _push(qtbot, window, log)
    window.dock("alerts").hide()
    unit = city.units[1]
    log.sos(unit.id, unit.lat, unit.lon)
    _push(qtbot, window, log)
    assert window.dock("alerts").isVisible()
    assert window.dock("alerts").windowTitle() == "告警 — 1 个紧急求助"
    assert window.status_bar.currentMessage() == f"{unit.name} 发出紧急求助"
