"""The "Duty roster" panel and the dispatch panel's "On duty now" section, against a stand-in desk: what
a dispatcher sees and does. A saved roster shows when its event comes back; what was typed is never lost;
imports are all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices, QGuiApplication
from station_duty.roster import on_duty, wiring
from station_duty.roster.events import Person, RosterSet
from station_duty.roster.on_duty import OnDutyWidget, add_on_duty_section, copy_leader_phone
from station_duty.roster.panel import RosterPanel
from station_duty.roster.session import close_sessions, session_for

from dispatch_desktop.api import Outcome, UnitStatus
from tests.plugins.station_duty_roster_fake_desk import STATION, FakeDesk, at, incident, set_event, state

ACCEPTED = Outcome(seq=1, accepted=True, gseq=10)
REFUSED = Outcome(seq=1, accepted=False, code="forbidden", message="a supervisor's key may not write rosters")
DAY = date(2025, 5, 6)


@pytest.fixture(autouse=True)
def _no_session_left() -> Iterator[None]:
    yield
    close_sessions()


@pytest.fixture
def desk() -> FakeDesk:
    return FakeDesk(state=state(None, incident("20250506-0012")), now="2025-05-06 10:00")


@pytest.fixture
def panel(qtbot, desk: FakeDesk) -> RosterPanel:  # type: ignore[no-untyped-def]
    widget = RosterPanel(desk)
    qtbot.addWidget(widget)
    widget.show_station(STATION)
    return widget


def _roster(leader: str, shift: str = "day") -> RosterSet:
    return RosterSet(station=STATION, date="2025-05-06", shift=shift, leader=Person(leader, "13900000001"),
                     units=("PG-440106-03-01",), duty_phone="020-85550110")


def test_the_panel_shows_the_shift_under_way_with_its_units_and_how_many_are_free(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    desk.state = state({"PG-440106-03-01": UnitStatus.ON_SCENE})
    panel = RosterPanel(desk)
    qtbot.addWidget(panel)
    panel.show_station(STATION)
    generated = session_for(desk).roster(STATION, DAY, "day").data
    assert panel.slot_label.text() == "Day shift 08:00–20:00"
    assert panel.form.edits["leader"].text() == generated.leader.name
    assert panel.form.edits["leader_phone"].text() == generated.leader.phone
    assert panel.units_label.text() == "8 units on shift, 7 free now"
    assert panel.origin_label.text().startswith("Generated roster")


def test_saving_records_the_roster_which_shows_when_its_event_comes_back(desk: FakeDesk, panel: RosterPanel) -> None:
    panel.form.edits["leader"].setText("张建国")
    panel.form.edits["leader"].textEdited.emit("张建国")
    panel.form.edits["officers"].setText("陈静；李娜")
    panel.form.edits["officer_phones"].setText("13900000002；13900000003")
    panel.save_button.click()
    [recorded] = desk.recorded
    assert recorded.name == "roster_set"
    assert (recorded.data.station, recorded.data.date, recorded.data.shift) == (STATION, "2025-05-06", "day")
    assert recorded.data.leader.name == "张建国"
    assert [person.name for person in recorded.data.officers] == ["陈静", "李娜"]
    assert panel.form.edits["leader"].isReadOnly()  # while the hub has not answered
    desk.answer(ACCEPTED)
    desk.deliver(set_event(10, "2025-05-06 10:00", recorded.data))
    assert panel.message.text() == "Saved."
    assert panel.origin_label.text() == "Recorded by 王伟 0421 at 2025-05-06 10:00"
    assert panel.form.edits["leader"].text() == "张建国" and not panel.form.edits["leader"].isReadOnly()


def test_a_refusal_keeps_what_was_typed_with_the_reason(desk: FakeDesk, panel: RosterPanel) -> None:
    panel.form.edits["leader"].setText("张建国")
    panel.form.edits["leader"].textEdited.emit("张建国")
    panel.save()
    desk.deliver(set_event(3, "2025-05-06 10:00", _roster("李海波")))  # someone else's roster meanwhile
    desk.answer(REFUSED)
    assert panel.form.edits["leader"].text() == "张建国"
    assert not panel.form.edits["leader"].isReadOnly()
    assert panel.message.text() == ("Not saved: a supervisor's key may not write rosters. What you typed is kept: "
                                    "correct it and save again.")


def test_a_form_that_is_no_roster_names_the_field_and_records_nothing(desk: FakeDesk, panel: RosterPanel) -> None:
    panel.form.edits["leader_phone"].setText("call me")
    panel.form.edits["units"].setText("PG-440103-01-01")
    panel.save()
    assert desk.recorded == []
    assert "Leader's phone: 'call me' is not a phone number" in panel.message.text()
    assert ("Units on shift: 'PG-440103-01-01' is a unit of 荔湾区珠牌派出所, not of this station"
            in panel.message.text())
    assert panel.form.edits["leader_phone"].text() == "call me"


def test_as_of_a_past_moment_shows_the_roster_recorded_by_then_and_cannot_be_edited(desk: FakeDesk,
                                                                                     panel: RosterPanel) -> None:
    desk.deliver(set_event(5, "2025-05-06 07:30", _roster("张建国")),
                 set_event(9, "2025-05-06 11:00", _roster("李海波")))
    assert panel.form.edits["leader"].text() == "李海波"
    panel.as_of.setChecked(True)
    panel.moment.setDateTime(panel.moment.dateTime().fromMSecsSinceEpoch(at("2025-05-06 09:00"),
                                                                         panel.moment.timeZone()))
    assert panel.form.edits["leader"].text() == "张建国"
    assert panel.form.edits["leader"].isReadOnly() and not panel.save_button.isEnabled()
    panel.moment.setDateTime(panel.moment.dateTime().fromMSecsSinceEpoch(at("2025-05-06 22:00"),
                                                                         panel.moment.timeZone()))
    assert panel.shift.currentData() == "night" and panel.origin_label.text().startswith("Generated")


def test_an_import_with_a_bad_row_lists_every_problem_and_records_nothing(desk: FakeDesk, panel: RosterPanel,
                                                                          tmp_path: Path) -> None:
    path = tmp_path / "值班表.csv"
    path.write_bytes(("站点,日期,班次,值班领导,领导电话\n永亭所,2025-05-06,白班,张三,13800000000\n"
                      "永亭所,2025-05-07,午班,李四,1380000000\n").encode("gb18030"))
    panel.confirm = lambda _question: pytest.fail("nothing to confirm")  # type: ignore[assignment]
    panel.import_file(path)
    assert desk.recorded == []
    assert panel.message.text().startswith("Nothing was imported: 2 problems in 值班表.csv (2 rows read).")
    assert panel.problems.toPlainText().splitlines() == [
        "Row 3, column 班次: '午班' is not a shift; the shifts are day / 白班, night / 夜班",
        "Row 3, column 领导电话: '1380000000' is not a phone number; give a mobile (13812345678) or a landline "
        "with its area code (020-83112110)"]


def test_a_good_import_asks_with_a_preview_then_records_every_roster(desk: FakeDesk, panel: RosterPanel,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(session_for(desk).day_csv(DAY))
    asked: list[str] = []
    panel.confirm = lambda question: asked.append(question) or True  # type: ignore[assignment, func-returns-value]
    panel.import_file(path)
    stations = len(desk.city.stations)
    assert asked == [f"Import {2 * stations} rosters for {stations} stations, 2025-05-06 to 2025-05-06, from "
                     "roster.csv? Each replaces the roster of its shift."]
    assert len(desk.recorded) == 2 * stations and {r.data.source for r in desk.recorded} == {"roster.csv"}
    for index in range(len(desk.recorded)):
        desk.answer(ACCEPTED, index)
    assert panel.message.text() == f"{2 * stations} rosters imported."


def test_the_export_writes_the_days_rosters_for_excel(desk: FakeDesk, panel: RosterPanel, tmp_path: Path) -> None:
    desk.deliver(set_event(5, "2025-05-06 07:30", _roster("张建国")))
    panel.export_file(tmp_path / "out.csv", DAY)
    text = (tmp_path / "out.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    assert "天河区永亭派出所,2025-05-06,day,张建国,13900000001" in text.decode("utf-8-sig")


def test_on_duty_now_shows_the_incidents_station_and_follows_units_and_rosters(qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    widget = add_on_duty_section(desk)
    qtbot.addWidget(widget)
    assert desk.sections == [(widget, widget.show_incident)] and widget.isHidden()
    widget.show_incident("20250506-0012")
    assert not widget.isHidden()
    assert widget.shown()[0] == "On duty now at 天河区永亭派出所: Day shift 08:00–20:00"
    assert widget.shown()[3] == "Units on shift: 8, free now: 8"
    desk.change(state({"PG-440106-03-02": UnitStatus.EN_ROUTE}, incident("20250506-0012")), ["PG-440106-03-02"])
    assert widget.shown()[3] == "Units on shift: 8, free now: 7"
    desk.deliver(set_event(5, "2025-05-06 09:30", _roster("张建国")))
    assert widget.shown()[1:] == ["Duty leader: 张建国  139 0000 0001", "Duty phone: 020-85550110",
                                  "Units on shift: 1, free now: 1"]
    widget.show_incident("")
    assert widget.isHidden()


def test_the_leaders_number_goes_to_the_clipboard_and_to_the_phone(qtbot, desk: FakeDesk,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    dialled: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: dialled.append(url.toString()) or True)
    session_for(desk)  # the plugin listens from its activation on
    desk.deliver(set_event(5, "2025-05-06 09:30", _roster("张建国")))
    assert on_duty.can_copy_leader_phone(desk, "20250506-0012")
    copy_leader_phone(desk, "20250506-0012")
    assert QGuiApplication.clipboard().text() == "13900000001" and dialled == ["tel:13900000001"]
    copy_leader_phone(desk, "no-such")
    assert desk.notices[-1][0] == "warning"
    assert isinstance(OnDutyWidget(desk), OnDutyWidget)


def test_started_the_section_is_in_the_dispatch_panel_and_moves_to_the_next_shift_when_it_starts(
        qtbot, desk: FakeDesk) -> None:  # type: ignore[no-untyped-def]
    wiring.start(desk)
    [(widget, show_incident)] = desk.sections
    qtbot.addWidget(widget)
    show_incident("20250506-0012")
    assert widget.shown()[0].endswith("Day shift 08:00–20:00")
    desk.now = at("2025-05-06 20:05")
    session_for(desk).tick()  # what the plugin's clock does every half minute
    assert widget.shown()[0].endswith("Night shift 20:00–08:00")
    wiring.stop()
    assert not wiring._timers
