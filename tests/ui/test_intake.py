"""The 110 intake form, driven from the keyboard as a call-taker would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from concurrent.futures import Future

import msgspec
import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.controllers.drafts import DraftKeeper
from dispatch_desktop.controllers.persist import LatestWriter
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Category, IncidentOrigin, IncidentStatus
from dispatch_desktop.domain.events import CallLocation
from dispatch_desktop.domain.reasons import refusal
from dispatch_desktop.domain.state import Call, Refusal
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch.intake import IntakeForm
from dispatch_desktop.ui.models.selection import SelectionModel
from tests.ui.dispatch_world import T0, WORKSTATION, Clock, FakeHub, focus_in, type_text, world

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


class Desk:
    def __init__(self, qtbot, form: IntakeForm, hub: FakeHub, clock: Clock, selection: SelectionModel) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.form = form
        self.hub = hub
        self.clock = clock
        self.selection = selection

    def focused(self):  # type: ignore[no-untyped-def]
        return focus_in(self.form)

    def type(self, text: str) -> None:
        type_text(self.focused(), text)

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)

    def created(self) -> list[ev.IncidentCreated]:
        return self.hub.of_kind(ev.IncidentCreated)  # type: ignore[return-value]

    def fill(self, number: str = "13800138000", place: str = "体育中心", kind: str = "theft") -> None:
        """Caller number, skip the name, a place from the gazetteer, keep the address, a type."""
        self.form.start_call()
        self.type(number)
        self.key(Qt.Key.Key_Tab)
        self.key(Qt.Key.Key_Tab)
        self.type(place)
        self.key(Qt.Key.Key_Return)  # first gazetteer match, then on to the address
        self.key(Qt.Key.Key_Tab)
        self.type(kind)
        self.key(Qt.Key.Key_Return)  # first type match, then on to the priority


@pytest.fixture
def desk(qtbot) -> Desk:  # type: ignore[no-untyped-def]
    clock = Clock()
    city, model, hub = world(clock)
    selection = SelectionModel()
    form = IntakeForm(city, model, hub, WORKSTATION, selection)
    form.install_shortcuts(form)
    qtbot.addWidget(form)
    form.resize(600, 700)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    return Desk(qtbot, form, hub, clock, selection)


def test_f2_starts_a_call_in_the_caller_number_and_never_wipes_one_in_progress(desk: Desk) -> None:
    desk.qtbot.keyClick(desk.form, Qt.Key.Key_F2)
    assert desk.focused() is desk.form.caller_number
    assert labels.clock_text(T0) in desk.form.call_label.text()
    desk.type("110")
    desk.key(Qt.Key.Key_Tab)
    desk.clock.advance(30)
    desk.qtbot.keyClick(desk.form, Qt.Key.Key_F2)
    assert desk.form.caller_number.text() == "110"
    assert desk.focused() is desk.form.location  # the first field still to fill


def test_submitting_an_empty_form_marks_each_missing_field_and_sends_nothing(desk: Desk) -> None:
    desk.form.start_call()
    desk.type("12ab")
    desk.key(Qt.Key.Key_Return, CTRL)
    errors = desk.form.errors
    assert errors["caller_number"].isVisible() and "digits" in errors["caller_number"].text()
    assert errors["location"].isVisible()
    assert errors["address"].isVisible()
    assert errors["type"].isVisible()
    assert not errors["description"].isVisible()
    assert desk.hub.commands == []
    assert desk.focused() is desk.form.caller_number
    assert desk.form.caller_number.text() == "12ab"  # kept for correcting


def test_location_completes_from_the_gazetteer_and_resolves_district_and_station(desk: Desk) -> None:
    desk.form.start_call()
    desk.form.location.setFocus()
    desk.type("体育")
    popup = desk.form.place.completer.completer.popup()
    assert popup.isVisible()
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert any("天河体育中心" in s for s in shown) and any("体育西路地铁站" in s for s in shown)
    desk.qtbot.keyClick(popup, Qt.Key.Key_Down)
    desk.qtbot.keyClick(popup, Qt.Key.Key_Down)
    desk.qtbot.keyClick(popup, Qt.Key.Key_Return)
    location = desk.form.resolved_location
    assert location is not None
    assert (location.district, location.station) == ("440106", "S-440106-01")
    assert desk.form.address.text() == desk.form.location.text()
    assert desk.form.location_info.isVisible() and "石牌派出所" in desk.form.location_info.text()


def test_an_unknown_place_is_reported_beside_the_field(desk: Desk) -> None:
    desk.form.start_call()
    desk.form.location.setFocus()
    desk.type("火星基地")
    desk.key(Qt.Key.Key_Return)
    assert desk.form.resolved_location is None
    assert desk.form.errors["location"].isVisible()
    assert "火星基地" in desk.form.errors["location"].text()


def test_a_map_click_fills_the_point_the_nearest_place_and_the_station(desk: Desk) -> None:
    desk.form.start_call()
    desk.form.set_location_from_map(23.1483, 113.3570)
    location = desk.form.resolved_location
    assert location is not None and location.station == "S-440106-02"
    assert "龙口西菜市场" in desk.form.location.text()
    assert "龙口西菜市场" in desk.form.address.text()
    # A typed address is the dispatcher's: a second click does not overwrite it.
    desk.form.address.setFocus()
    desk.form.address.selectAll()
    desk.type("龙口西路 12 号")
    desk.form.set_location_from_map(23.1375, 113.3245)
    assert desk.form.address.text() == "龙口西路 12 号"
    assert desk.form.resolved_location.station == "S-440106-01"  # type: ignore[union-attr]


@pytest.mark.parametrize(("typed", "code"), [("fight", "fight"), ("斗殴", "fight"), ("KNIFE", "knife_attack")])
def test_type_completes_in_chinese_and_english_and_sets_the_default_priority(desk: Desk, typed: str,
                                                                              code: str) -> None:
    desk.form.start_call()
    desk.form.incident_type.setFocus()
    desk.type(typed)
    assert desk.form.what.completer.completer.popup().isVisible()
    desk.key(Qt.Key.Key_Return)
    assert desk.form.selected_type is not None and desk.form.selected_type.code == code
    assert desk.form.priority.value == desk.form.selected_type.priority
    assert desk.focused() is desk.form.priority
    desk.key(Qt.Key.Key_4)
    assert desk.form.priority.value == 4
    desk.key(Qt.Key.Key_Left)
    assert desk.form.priority.value == 3


def test_a_non_police_type_names_the_department_it_belongs_to(desk: Desk) -> None:
    desk.fill(kind="noise")
    assert desk.form.type_info.isVisible()
    assert "Environment" in desk.form.type_info.text() or "环保" in desk.form.type_info.text()
    assert "F7" in desk.form.type_info.text()
    desk.key(Qt.Key.Key_Return)  # on the priority: submit
    [created] = desk.created()
    assert created.category is Category.NON_POLICE
    assert created.department == "environment"


def test_enter_submits_an_incident_with_a_workstation_id_and_the_form_clears(desk: Desk) -> None:
    with desk.qtbot.waitSignal(desk.form.incidentCreated) as signal:
        desk.fill(kind="robbery")
        desk.key(Qt.Key.Key_2)
        desk.key(Qt.Key.Key_Tab)
        desk.type("抢手机后往东跑")
        desk.key(Qt.Key.Key_Return, CTRL)
    [created] = desk.created()
    assert signal.args == ["J20251122-ws-7-1"]
    assert created.incident == "J20251122-ws-7-1"
    assert (created.caller_number, created.incident_type, created.priority) == ("13800138000", "robbery", 2)
    assert (created.district, created.station, created.address) == ("440106", "S-440106-01", "天河体育中心")
    assert created.description == "抢手机后往东跑"
    assert created.call_time == T0
    assert desk.hub.state.incidents["J20251122-ws-7-1"].status is IncidentStatus.NEW
    assert desk.selection.incident == "J20251122-ws-7-1"
    assert desk.form.is_pristine()
    assert "J20251122-ws-7-1" in desk.form.banner.text()
    # The next call gets the next number.
    with desk.qtbot.waitSignal(desk.form.incidentCreated) as signal:
        desk.fill(number="020-8765 4321", place="北京路", kind="theft")
        desk.key(Qt.Key.Key_Return)
    assert signal.args == ["J20251122-ws-7-2"]
    assert desk.created()[-1].caller_number == "02087654321"


def test_a_refusal_shows_in_the_form_and_keeps_every_field(desk: Desk) -> None:
    desk.hub.refuse_with = refusal("duplicate_of_unknown", incident="J-x", duplicate_of="J-y")
    desk.fill(kind="fight")
    desk.key(Qt.Key.Key_Tab)
    desk.type("两伙人")
    desk.key(Qt.Key.Key_Return, CTRL)
    desk.qtbot.waitUntil(lambda: desk.form.banner.is_error)
    assert "J-y" in desk.form.banner.text()
    assert desk.form.caller_number.text() == "13800138000"
    assert desk.form.description.toPlainText() == "两伙人"
    assert desk.form.selected_type is not None and desk.form.resolved_location is not None
    # Sent again: accepted, under a fresh number (the refused one stays unused).
    with desk.qtbot.waitSignal(desk.form.incidentCreated) as signal:
        desk.key(Qt.Key.Key_Return, CTRL)
    assert signal.args == ["J20251122-ws-7-2"]


def test_a_failed_send_keeps_the_input_and_says_so(desk: Desk) -> None:
    desk.hub.fail_with = ConnectionError("hub unreachable")
    desk.fill()
    desk.key(Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: desk.form.banner.is_error)
    assert "hub unreachable" in desk.form.banner.text()
    assert not desk.form.is_pristine()
    assert desk.form.submit_button.isEnabled()


def test_an_id_taken_meanwhile_is_replaced_by_the_next_one_without_bothering_the_dispatcher(desk: Desk) -> None:
    desk.hub.refuse_with = refusal("incident_exists", incident="J20251122-ws-7-1")
    with desk.qtbot.waitSignal(desk.form.incidentCreated) as signal:
        desk.fill()
        desk.key(Qt.Key.Key_Return)
    assert signal.args == ["J20251122-ws-7-2"]
    assert [c.incident for c in desk.created()] == ["J20251122-ws-7-1", "J20251122-ws-7-2"]


def test_a_second_submit_while_the_first_is_in_flight_sends_nothing(desk: Desk) -> None:
    desk.hub.hold = True
    desk.fill()
    desk.key(Qt.Key.Key_Return)
    desk.form.caller_number.setFocus()
    desk.key(Qt.Key.Key_Return)
    assert len(desk.created()) == 1
    assert not desk.form.submit_button.isEnabled()
    future: Future[Refusal | None] = desk.hub.held[0]
    future.set_result(None)
    desk.qtbot.waitUntil(lambda: desk.form.is_pristine())


def _existing(desk: Desk, incident: str, minutes_ago: float, lat: float, lon: float, kind: str = "fight") -> None:
    desk.hub.report(WORKSTATION, ev.IncidentCreated(
        incident=incident, call_time=int(T0 - minutes_ago * 60_000), caller_number="13900000000", lat=lat,
        lon=lon, address="体育中心南门", district="440106", station="S-440106-01", incident_type=kind,
        priority=2, category=Category.POLICE,
    ))


def test_a_nearby_open_incident_of_the_same_kind_is_offered_and_alt_d_records_a_duplicate(desk: Desk) -> None:
    _existing(desk, "J20251122-ws-1-4", 3, 23.1385, 113.3250)  # ~120 m, 3 min ago
    _existing(desk, "J20251122-ws-1-5", 3, 23.1505, 113.3250)  # 1.4 km: not the same event
    desk.fill(kind="fight")
    desk.qtbot.waitUntil(lambda: desk.form.duplicate_candidates() == ["J20251122-ws-1-4"])
    assert desk.form.duplicates.isVisible()
    assert "J20251122-ws-1-4" in desk.form.duplicate_button.text()
    desk.key(Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert desk.form.duplicate_of == "J20251122-ws-1-4"
    with desk.qtbot.waitSignal(desk.form.duplicateRecorded) as signal:
        desk.key(Qt.Key.Key_Return)
    new_id = "J20251122-ws-7-1"
    assert signal.args == [new_id, "J20251122-ws-1-4"]
    assert desk.created()[-1].duplicate_of == "J20251122-ws-1-4"
    desk.qtbot.waitUntil(lambda: desk.hub.state.incidents[new_id].status is IncidentStatus.CLOSED)
    assert desk.hub.state.incidents[new_id].disposition == "duplicate"
    assert desk.selection.incident == "J20251122-ws-1-4"


def test_alt_d_again_unmarks_and_an_unrelated_call_is_not_offered(desk: Desk) -> None:
    _existing(desk, "J20251122-ws-1-4", 3, 23.1385, 113.3250)
    desk.fill(kind="theft")  # same place, unrelated kind
    desk.form.check_duplicates()
    assert desk.form.duplicate_candidates() == []
    assert not desk.form.duplicates.isVisible()
    desk.form.incident_type.setFocus()
    desk.form.incident_type.selectAll()
    desk.type("assault")  # same class as a fight
    desk.key(Qt.Key.Key_Return)
    desk.form.check_duplicates()
    assert desk.form.duplicate_candidates() == ["J20251122-ws-1-4"]
    desk.key(Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    desk.key(Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert desk.form.duplicate_of == ""


def test_an_old_incident_is_not_offered(desk: Desk) -> None:
    _existing(desk, "J20251122-ws-1-4", 20, 23.1385, 113.3250)
    desk.fill(kind="fight")
    desk.form.check_duplicates()
    assert desk.form.duplicate_candidates() == []


def test_a_workstation_id_that_cannot_go_into_incident_ids_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    city, model, hub = world(clock)
    with pytest.raises(ValueError, match="workstation"):
        IntakeForm(city, model, hub, "desk 7")


# --- where the call comes from -------------------------------------------------------------------------


def _answered_call(desk: Desk, call_id: str, number: str, location: CallLocation | None = None,
                   offered_at: int = T0) -> Call:
    """A call the telephone gateway offered and this desk answered, as the hub's state has it."""
    desk.hub.report("gw-110", ev.CallOffered(call=call_id, number=number, location=location))
    desk.hub.report(WORKSTATION, ev.CallAnswered(call=call_id))
    return msgspec.structs.replace(desk.hub.state.calls[call_id], offered_at=offered_at)


def test_a_walk_in_report_needs_no_phone_number(desk: Desk) -> None:
    desk.form.start_report(IncidentOrigin.WALK_IN)
    assert desk.focused() is desk.form.location  # no number to type: straight to where
    desk.type("体育中心")
    desk.key(Qt.Key.Key_Return)
    desk.key(Qt.Key.Key_Tab)
    desk.type("theft")
    desk.key(Qt.Key.Key_Return)
    with desk.qtbot.waitSignal(desk.form.incidentCreated):
        desk.key(Qt.Key.Key_Return, CTRL)
    [created] = desk.created()
    assert (created.origin, created.caller_number) == (IncidentOrigin.WALK_IN, "")


def test_a_110_call_typed_by_hand_still_needs_the_number(desk: Desk) -> None:
    desk.fill(number="")
    desk.key(Qt.Key.Key_Return, CTRL)
    assert desk.created() == []
    assert desk.form.errors["caller_number"].isVisible()


def test_an_answered_call_fills_the_number_and_the_approximate_place(desk: Desk) -> None:
    call = _answered_call(desk, "C-1", "13912345678", CallLocation(lat=23.1380, lon=113.3250, accuracy_m=600,
                                                                   method="cell"), offered_at=T0 - 8_000)
    desk.form.take_call(call)
    assert desk.form.caller_number.text() == "13912345678"
    assert desk.form.resolved_location is not None
    assert "600" in desk.form.location_info.text()  # says it is approximate, and how much
    assert desk.focused() is desk.form.location and desk.form.location.selectedText()  # typing replaces it
    assert labels.clock_text(T0 - 8_000) in desk.form.call_label.text()  # the call's own time
    desk.type("体育西路")
    desk.key(Qt.Key.Key_Return)
    desk.key(Qt.Key.Key_Tab)
    desk.type("fight")
    desk.key(Qt.Key.Key_Return)
    with desk.qtbot.waitSignal(desk.form.incidentCreated):
        desk.key(Qt.Key.Key_Return, CTRL)
    [created] = desk.created()
    assert (created.call, created.caller_number, created.call_time) == ("C-1", "13912345678", T0 - 8_000)
    assert created.address == "体育西路地铁站"


def test_a_detail_typed_after_a_picked_place_keeps_the_place(desk: Desk) -> None:
    desk.form.start_call()
    desk.form.location.setFocus()
    desk.type("体育中心")
    desk.key(Qt.Key.Key_Return)  # picks the place, then Tab-like into the address
    assert desk.focused() is desk.form.address
    desk.type("南门")
    assert desk.form.address.text() == "天河体育中心南门"


# --- nothing typed is lost -----------------------------------------------------------------------------


def test_every_edit_is_kept_as_a_draft_and_a_new_form_gets_it_back(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    city, model, hub = world(clock)
    writer = LatestWriter()
    keeper = DraftKeeper(tmp_path / "draft.json", writer)
    form = IntakeForm(city, model, hub, WORKSTATION, drafts=keeper)
    qtbot.addWidget(form)
    form.start_call()
    form.caller_number.setText("13800138000")
    form.caller_number.textEdited.emit("13800138000")
    form.place.pick(next(p for p in city.gazetteer if p.name == "天河体育中心"))
    form.description.setPlainText("两人在打架")
    qtbot.waitUntil(lambda: (tmp_path / "draft.json").exists() and "两人在打架" in
                    (tmp_path / "draft.json").read_text("utf-8"), timeout=5_000)
    # The desk is killed here. The next start hands the draft to a new form:
    restored = IntakeForm(city, model, hub, WORKSTATION, drafts=DraftKeeper(tmp_path / "draft.json", writer))
    qtbot.addWidget(restored)
    draft = DraftKeeper(tmp_path / "draft.json", writer).load()
    assert draft is not None
    restored.restore_draft(draft)
    assert restored.caller_number.text() == "13800138000"
    assert restored.resolved_location is not None and restored.resolved_location.station == "S-440106-01"
    assert restored.description.toPlainText() == "两人在打架"
    assert not restored.banner.isHidden() and "saved at" in restored.banner.text()
    # Submitted (or discarded), the draft is gone.
    restored.reset()
    writer.flush()
    assert not (tmp_path / "draft.json").exists()
    writer.close()


def test_an_unanswered_create_is_queued_and_the_form_is_free_then_a_refusal_can_be_reopened(desk: Desk) -> None:
    desk.form._queued_timer.setInterval(50)
    desk.hub.hold = True
    desk.fill(kind="robbery")
    desk.key(Qt.Key.Key_Return)
    with desk.qtbot.waitSignal(desk.form.queued, timeout=3_000):
        pass
    assert desk.form.is_pristine()  # free for the next call; the incident waits in the outbox
    assert "queued" in desk.form.banner.text()
    held = desk.hub.held[0]
    held.set_result(refusal("duplicate_of_unknown", incident="J-x", duplicate_of="J-y"))
    desk.qtbot.waitUntil(lambda: desk.form.reopen_button.isVisible())
    desk.form.reopen_refused()
    assert desk.form.caller_number.text() == "13800138000"
    assert desk.form.selected_type is not None and desk.form.selected_type.code == "robbery"
    assert not desk.form.reopen_button.isVisible()


def test_a_queued_create_accepted_later_says_so(desk: Desk) -> None:
    desk.form._queued_timer.setInterval(50)
    desk.hub.hold = True
    desk.fill(kind="robbery")
    desk.key(Qt.Key.Key_Return)
    with desk.qtbot.waitSignal(desk.form.queued, timeout=3_000):
        pass
    with desk.qtbot.waitSignal(desk.form.incidentCreated, timeout=3_000):
        desk.hub.held[0].set_result(None)  # the link is back: the hub accepts it
    assert "queued earlier, has been accepted" in desk.form.banner.text()


def test_an_answered_call_that_is_no_incident_is_finished_with_its_outcome(desk: Desk) -> None:
    desk.form.take_call(_answered_call(desk, "C-2", "13700000000"))
    desk.form.discard_button.click()
    dialog = desk.form.active_dialog
    assert dialog is not None
    dialog.choice.setCurrentIndex(dialog.choice.findData("misdial"))
    dialog.buttons.accepted.emit()
    [closed] = desk.hub.of_kind(ev.CallClosed)
    assert (closed.call, closed.disposition) == ("C-2", "misdial")  # type: ignore[attr-defined]
    assert desk.form.is_pristine()
