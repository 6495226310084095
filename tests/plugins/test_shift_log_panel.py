"""The "Shift log" panel and its incident action, against a stand-in desk: what a dispatcher sees and
does. Entries show only when the log's event comes back; what was typed is never lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from shift_log import actions, plugin
from shift_log.events import MAX_TEXT, EntryAdded
from shift_log.panel import ShiftLogPanel
from shift_log.session import close_sessions, session_for

from dispatch_desktop.api import Outcome, Point
from tests.plugins.shift_log_fake_desk import FakeDesk, at, entry_event, incident, state_with

TRANSLATIONS = Path(__import__("shift_log").__file__).parent / "translations"
ACCEPTED = Outcome(seq=1, accepted=True, gseq=10)


@pytest.fixture(autouse=True)
def _no_session_left() -> Iterator[None]:
    yield
    close_sessions()


@pytest.fixture
def desk() -> FakeDesk:
    return FakeDesk(state=state_with(incident("20250506-0012"), incident("20250506-0031", incident_type="fight")))


@pytest.fixture
def panel(qtbot, desk: FakeDesk) -> ShiftLogPanel:  # type: ignore[no-untyped-def]
    widget = ShiftLogPanel(desk)
    qtbot.addWidget(widget)
    desk.panels["shift_log.entries"].widget = widget
    return widget


def test_adding_records_the_entry_which_shows_when_its_event_comes_back(qtbot, desk: FakeDesk,  # type: ignore[no-untyped-def]
                                                                         panel: ShiftLogPanel) -> None:
    panel.editor.setText("  交接：天河北路夜间封闭  ")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
    [recorded] = desk.recorded
    assert recorded.name == "entry_added" and recorded.incident == ""
    assert recorded.data == EntryAdded(text="交接：天河北路夜间封闭")
    assert panel.shown_entries() == []  # not shown from what was typed: every desk shows the log
    assert panel.editor.text() == "  交接：天河北路夜间封闭  " and panel.editor.isReadOnly()
    desk.answer(ACCEPTED)
    assert panel.editor.text() == "" and not panel.editor.isReadOnly()
    desk.deliver(entry_event(10, "2025-05-06 09:58", "交接：天河北路夜间封闭"))
    assert panel.shown_entries() == ["09:58  ·  王伟 0421\n交接：天河北路夜间封闭"]


def test_the_list_holds_this_shifts_entries_newest_first_or_the_last_24_hours(desk: FakeDesk,
                                                                             panel: ShiftLogPanel) -> None:
    desk.deliver(entry_event(1, "2025-05-05 21:00", "last night"),
                 entry_event(2, "2025-05-06 08:10", "first"),
                 entry_event(3, "2025-05-06 09:30", "about a fight", incident="20250506-0031", operator="李娜 0233"))
    assert panel.shown_entries() == ["09:30  ·  李娜 0233  ·  20250506-0031 · Fight\nabout a fight",
                                     "08:10  ·  王伟 0421\nfirst"]
    assert panel.window_label.text() == "08:00–20:00"
    panel.last_day.click()
    assert [row.splitlines()[1] for row in panel.shown_entries()] == ["about a fight", "first", "last night"]
    assert panel.shown_entries()[-1].startswith("05-05 21:00")


@pytest.mark.parametrize(("typed", "says"), [
    ("   ", "Write the entry first"),
    ("x" * (MAX_TEXT + 1), "The entry has 2,001 characters; at most 2,000 fit in one."),
])
def test_an_empty_or_too_long_entry_is_refused_with_a_message_and_kept(desk: FakeDesk, panel: ShiftLogPanel,
                                                                         typed: str, says: str) -> None:
    panel.editor.setText(typed)
    panel.add_entry()
    assert desk.recorded == []
    assert says in panel.message.text()
    assert panel.editor.text() == typed and not panel.editor.isReadOnly()


def test_the_box_counts_the_characters_against_the_limit(panel: ShiftLogPanel) -> None:
    panel.editor.setText("x" * 1999)
    assert panel.counter.text() == "1,999 / 2,000" and panel.counter.styleSheet() == ""
    panel.editor.setText("x" * 2001)  # a paste beyond the limit stays whole, and shows it
    assert panel.counter.text() == "2,001 / 2,000" and panel.counter.styleSheet() != ""


@pytest.mark.parametrize(("outcome", "says"), [
    (Outcome(seq=1, accepted=False, code="forbidden", message="a supervisor's key writes nothing"),
     "Not added: a supervisor's key writes nothing."),
    (Outcome(seq=1, accepted=False, code="timeout", message="no answer"), "the hub did not answer in time"),
])
def test_a_refused_or_unanswered_entry_goes_back_in_the_box_with_the_reason(
        desk: FakeDesk, panel: ShiftLogPanel, outcome: Outcome, says: str) -> None:
    panel.note_incident("20250506-0012")
    panel.editor.insert("嫌疑人已控制")
    typed = panel.editor.text()
    panel.add_entry()
    desk.answer(outcome)
    assert panel.editor.text() == typed and not panel.editor.isReadOnly() and panel.add_button.isEnabled()
    assert says in panel.message.text()
    assert panel.about_label.text() == "About 20250506-0012 · Theft"  # still about the incident
    panel.add_entry()
    assert desk.recorded[-1].incident == "20250506-0012"


SUPERVISOR = "This workstation's key is a supervisor's: it sees everything and sends nothing."


def test_a_supervisors_desk_shows_the_box_disabled_with_the_reason_from_the_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    desk = FakeDesk(state=state_with(incident("20250506-0012")))
    desk.read_only = SUPERVISOR
    panel = ShiftLogPanel(desk)
    qtbot.addWidget(panel)
    assert not panel.editor.isEnabled() and not panel.add_button.isEnabled()
    assert panel.message.text() == f"{SUPERVISOR} The shift log can be read here, not written."
    assert panel.editor.toolTip() == panel.message.text()
    assert not actions.can_note(desk, "20250506-0012")  # Ctrl+Shift+L is grey: nothing to write with
    panel.note_incident("20250506-0012")
    assert panel.editor.text() == ""


def test_a_desk_that_stops_sending_keeps_the_text_and_the_box_comes_back_when_it_may_send_again(
        desk: FakeDesk, panel: ShiftLogPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    panel.editor.setText("交接")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError("A replay sends nothing.")

    monkeypatch.setattr(desk, "record", refuse)  # a replay began between the panel's look and the send
    panel.add_entry()
    assert not panel.editor.isEnabled() and not panel.add_button.isEnabled()
    assert panel.editor.text() == "交接" and not panel.editor.isReadOnly()
    assert panel.message.text() == "A replay sends nothing. The shift log can be read here, not written."
    monkeypatch.undo()
    session_for(desk).tick()  # the desk may send again: the panel sees it at the next tick of the clock
    assert panel.editor.isEnabled() and panel.add_button.isEnabled() and panel.message.text() == ""
    panel.add_entry()
    assert [recorded.data for recorded in desk.recorded] == [EntryAdded(text="交接")]


def test_double_clicking_an_entry_about_an_incident_selects_it(qtbot, desk: FakeDesk,  # type: ignore[no-untyped-def]
                                                                panel: ShiftLogPanel) -> None:
    desk.deliver(entry_event(1, "2025-05-06 08:10", "no incident"),
                 entry_event(2, "2025-05-06 09:30", "a fight", incident="20250506-0031"))
    panel.show()
    qtbot.waitExposed(panel)

    def double_click(row: int) -> None:
        where = panel.entries.visualItemRect(panel.entries.item(row)).center()
        # An item view takes a double click only after the press that starts it, as from a real mouse.
        qtbot.mouseClick(panel.entries.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(panel.entries.viewport(), Qt.MouseButton.LeftButton, pos=where)

    double_click(1)
    assert desk.selection.incident == ""
    double_click(0)
    assert desk.selection.incident == "20250506-0031"


def test_the_action_shows_the_panel_with_the_incident_in_the_box_ready_to_type(qtbot, desk: FakeDesk,  # type: ignore[no-untyped-def]
                                                                                panel: ShiftLogPanel) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    QApplication.processEvents()
    assert QApplication.focusWidget() is not panel.editor
    assert actions.can_note(desk, "20250506-0012") and not actions.can_note(desk, "20990101-0001")
    actions.note_incident(desk, "20250506-0012")
    assert desk.panels["shift_log.entries"].visible
    assert panel.editor.text() == "20250506-0012 · Theft · 天河路 208 号: "
    assert panel.editor.cursorPosition() == len(panel.editor.text())
    assert panel.editor.hasFocus()
    panel.editor.insert("已处置")  # typed at the cursor (QTest's key clicks abort on Chinese characters)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
    assert desk.recorded[-1].incident == "20250506-0012"
    assert desk.recorded[-1].data == EntryAdded(text="20250506-0012 · Theft · 天河路 208 号: 已处置")


def test_the_action_keeps_what_was_typed_before_it(desk: FakeDesk, panel: ShiftLogPanel) -> None:
    panel.editor.setText("跟进伤情鉴定")
    actions.note_incident(desk, "20250506-0031")
    assert panel.editor.text() == "20250506-0031 · Fight · 天河路 208 号: 跟进伤情鉴定"


def test_activation_draws_the_shifts_places_and_deactivation_stops_listening(desk: FakeDesk,
                                                                             panel: ShiftLogPanel) -> None:
    plugin.activate(desk)
    desk.deliver(entry_event(1, "2025-05-06 08:40", "a theft", incident="20250506-0012"))
    layer = desk.map_layer("shift_log.places")
    assert [feature.id for feature in layer.features if isinstance(feature, Point)] == ["20250506-0012"]
    plugin.deactivate()
    desk.deliver(entry_event(2, "2025-05-06 08:50", "after", incident="20250506-0031"))
    assert len(layer.features) == 1 and len(panel.shown_entries()) == 1


def test_the_panel_reads_in_chinese_with_the_plugins_catalogue(qtbot) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load("shift_log_zh_CN", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        desk = FakeDesk(state=state_with(incident("20250506-0012")), now="2025-05-06 21:00", language="zh_CN",
                        tr=lambda text: QCoreApplication.translate("shift_log", text))
        panel = ShiftLogPanel(desk)
        qtbot.addWidget(panel)
        shown = (panel.this_shift.text(), panel.last_day.text(), panel.add_button.text())
        assert shown == ("本班次", "近24小时", "添加")
        assert panel.empty_label.text() == "本班次暂无记录。" and panel.window_label.text() == "20:00–08:00"
        panel.note_incident("20250506-0012")
        assert panel.about_label.text() == "涉及警情 20250506-0012 · 盗窃"
        desk.deliver(entry_event(1, "2025-05-06 20:30", "交接"))
        assert desk.now == at("2025-05-06 21:00") and panel.shown_entries() == ["20:30  ·  王伟 0421\n交接"]
    finally:
        QCoreApplication.removeTranslator(translator)
