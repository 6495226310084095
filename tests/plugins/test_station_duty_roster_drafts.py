"""The roster panel never loses what a dispatcher typed: a draft per station, date and shift, shown again
on coming back, listed while unsaved, kept across closing the desk, gone once saved or undone. And units
by call sign: shown, typed and imported so (ids still understood)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from station_duty.roster.drafts import FILE_NAME
from station_duty.roster.panel import RosterPanel
from station_duty.roster.session import close_sessions, session_for

from dispatch_desktop.api import Outcome
from tests.plugins.station_duty_roster_fake_desk import STATION, FakeDesk, set_event

OTHER = "S-440106-01"
DAY = date(2025, 5, 6)
ACCEPTED = Outcome(seq=1, accepted=True, gseq=10)


@pytest.fixture(autouse=True)
def _no_session_left() -> Iterator[None]:
    yield
    close_sessions()


def _open(qtbot, folder: Path) -> tuple[FakeDesk, RosterPanel]:  # type: ignore[no-untyped-def]
    """A desk started on ``folder`` (the plugin's data folder), its roster panel on 永亭所."""
    close_sessions()
    desk = FakeDesk(now="2025-05-06 10:00", data_dir=folder)
    panel = RosterPanel(desk)
    qtbot.addWidget(panel)
    panel.show_station(STATION)
    return desk, panel


def _type(edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    edit.insert(text)  # as typing does: textEdited is emitted


def test_what_was_typed_is_there_again_after_switching_station_and_shift(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _desk, panel = _open(qtbot, tmp_path)
    recorded_leader = panel.form.edits["leader"].text()
    _type(panel.form.edits["leader"], "张建国")
    assert panel.draft_list.isVisibleTo(panel) and "永亭所 05-06 Day shift" in panel.draft_list.text()
    panel.show_station(OTHER)
    assert panel.form.edits["leader"].text() != "张建国"
    assert '<a href="S-440106-03|2025-05-06|day">永亭所 05-06 Day shift</a>' in panel.draft_list.text()
    panel.show_station(STATION, DAY, "night")
    assert panel.form.edits["leader"].text() != "张建国"
    panel.show_station(STATION, DAY, "day")
    assert panel.form.edits["leader"].text() == "张建国"
    assert panel.form.dirty  # an event arriving now does not overwrite it
    panel.show_station(OTHER)
    panel.draft_list.linkActivated.emit("S-440106-03|2025-05-06|day")  # the dispatcher clicks the draft
    assert panel.station_id() == STATION and panel.form.edits["leader"].text() == "张建国"
    assert recorded_leader != "张建国"


def test_a_draft_survives_closing_and_reopening_the_desk_and_undo_discards_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _desk, panel = _open(qtbot, tmp_path)
    recorded_leader = panel.form.edits["leader"].text()
    _type(panel.form.edits["officers"], "陈静；李娜")
    panel.form.onward.click()
    panel.deleteLater()
    _desk, reopened = _open(qtbot, tmp_path)  # a new desk on the same data folder: as after a crash
    assert reopened.form.edits["officers"].text() == "陈静；李娜" and reopened.form.onward.isChecked()
    assert "永亭所 05-06 Day shift" in reopened.draft_list.text()
    reopened.revert_button.click()
    assert reopened.form.edits["officers"].text() != "陈静；李娜"
    assert reopened.form.edits["leader"].text() == recorded_leader
    assert not reopened.draft_list.isVisibleTo(reopened)
    _desk, again = _open(qtbot, tmp_path)
    assert again.form.edits["officers"].text() != "陈静；李娜"


def test_saving_records_the_roster_as_before_and_the_draft_goes_once_the_hub_has_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk, panel = _open(qtbot, tmp_path)
    _type(panel.form.edits["leader"], "张建国")
    _type(panel.form.edits["units"], "天河巡12组；PG-440106-03-02")
    panel.save_button.click()
    [recorded] = desk.recorded
    assert (recorded.data.station, recorded.data.date, recorded.data.shift) == (STATION, "2025-05-06", "day")
    assert recorded.data.leader.name == "张建国"
    assert recorded.data.units == ("PG-440106-03-01", "PG-440106-03-02")  # the event keeps unit ids
    assert panel.draft_list.isVisibleTo(panel)  # not stored yet: still a draft
    desk.answer(ACCEPTED)
    desk.deliver(set_event(10, "2025-05-06 10:00", recorded.data))
    assert not panel.draft_list.isVisibleTo(panel) and panel.message.text() == "Saved."
    assert panel.form.edits["units"].text() == "天河巡12组；天河巡13组"
    _desk, reopened = _open(qtbot, tmp_path)
    assert not reopened.draft_list.isVisibleTo(reopened)


def test_an_unreadable_drafts_file_is_set_aside_and_said(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / FILE_NAME).write_text("[{not json", encoding="utf-8")
    desk, panel = _open(qtbot, tmp_path)
    assert (tmp_path / (FILE_NAME + ".bad")).read_text(encoding="utf-8") == "[{not json"
    [(level, text)] = desk.notices  # in the alerts panel, where it stays until read
    assert level == "warning" and text.startswith("The unsaved roster drafts could not be read (")
    assert text.endswith(f"the file was set aside as {tmp_path / (FILE_NAME + '.bad')}.")
    _type(panel.form.edits["leader"], "张建国")  # and drafts are kept again
    assert (tmp_path / FILE_NAME).exists()


def test_units_show_by_call_sign_and_an_unknown_one_is_named(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk, panel = _open(qtbot, tmp_path)
    assert panel.form.edits["units"].text().split("；")[:2] == ["天河巡12组", "天河巡13组"]
    _type(panel.form.edits["units"], "天河巡12组；天河巡999组")
    panel.save()
    assert desk.recorded == []
    assert ("Units on shift: '天河巡999组' is neither a call sign (天河巡12组) nor a unit id (PG-440106-03-01) of "
            "the desk's units") in panel.message.text()


def test_an_import_takes_call_signs_or_ids_and_names_a_row_that_has_neither(tmp_path: Path) -> None:
    session = session_for(FakeDesk(data_dir=tmp_path))
    header = "站点,日期,班次,值班领导,在岗警力\n"
    good = session.read_csv((header + "永亭所,2025-05-06,白班,张建国,天河巡12组；PG-440106-03-02；ＰＧ天河巡14组\n"
                             ).encode(), "roster.csv")
    assert [problem.text() for problem in good.problems] == [
        "Row 2, column 在岗警力: 'ＰＧ天河巡14组' is neither a call sign (天河巡12组) nor a unit id "
        "(PG-440106-03-01) of the desk's units"]
    good = session.read_csv((header + "永亭所,2025-05-06,白班,张建国,天河巡12组；PG-440106-03-02；天河巡12组\n"
                             "永亭所,2025-05-06,夜班,赵军,永亭所值班车01\n").encode(), "roster.csv")
    assert good.ok
    assert [roster.units for roster in good.rosters] == [("PG-440106-03-01", "PG-440106-03-02"),
                                                        ("SC-440106-03-01",)]
    bad = session.read_csv((header + "永亭所,2025-05-06,白班,张建国,荔湾巡01组\n").encode(), "roster.csv")
    assert [problem.text() for problem in bad.problems] == [
        "Row 2, column 在岗警力: '荔湾巡01组' is a unit of 荔湾区珠牌派出所, not of this station"]
    assert "天河巡12组；天河巡13组" in session.day_csv(DAY).decode("utf-8-sig")  # what an export writes


def test_the_list_of_drafts_follows_the_desks_language(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk, panel = _open(qtbot, tmp_path)
    _type(panel.form.edits["leader"], "张建国")
    assert panel.draft_list.text().startswith("Unsaved drafts: ")
    chinese = {"Unsaved drafts: {shifts}": "未保存的草稿：{shifts}", "Day shift": "白班"}
    desk._translate = lambda text: chinese.get(text, text)
    QApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))  # what installing a catalogue sends
    assert panel.draft_list.text() == "未保存的草稿：<b>永亭所 05-06 白班</b>"
