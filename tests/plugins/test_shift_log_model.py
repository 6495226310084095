"""The shift log's Qt-free logic: which shift is under way, the entries built from the log's events
only, the map layer of the shift's places, the settings and the event schema."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec
import pytest
from shift_log.book import Entry, ShiftBook, entry_problem
from shift_log.events import MAX_OPERATOR, MAX_TEXT, EntryAdded
from shift_log.places import PlacesLayer
from shift_log.session import close_sessions, session_for
from shift_log.settings import Settings
from shift_log.shifts import DAY_MS, Span, Window, current_shift, stamp

from dispatch_desktop.api import Point
from dispatch_desktop.extensions.discovery import locate_manifest
from dispatch_desktop.extensions.manifest import read_manifest
from dispatch_desktop.extensions.settings import PluginSettings
from tests.plugins.shift_log_fake_desk import SHANGHAI, FakeDesk, at, entry_event, incident, state_with

DAY_AND_NIGHT = (time(8), time(20))


@pytest.fixture(autouse=True)
def _no_session_left() -> Iterator[None]:
    yield
    close_sessions()  # a session of one test's desk must not hear the next test's


# --- shifts ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("now", "start", "end"), [
    ("2025-05-06 10:00", "2025-05-06 08:00", "2025-05-06 20:00"),  # the day shift
    ("2025-05-06 08:00", "2025-05-06 08:00", "2025-05-06 20:00"),  # a start belongs to the shift it starts
    ("2025-05-06 07:59", "2025-05-05 20:00", "2025-05-06 08:00"),  # the night shift, begun yesterday
    ("2025-05-06 23:30", "2025-05-06 20:00", "2025-05-07 08:00"),  # ... and ending tomorrow
    ("2025-05-06 00:00", "2025-05-05 20:00", "2025-05-06 08:00"),  # midnight is inside it
])
def test_the_shift_under_way_runs_from_its_start_to_the_next_across_midnight(now: str, start: str, end: str) -> None:
    assert current_shift(at(now), DAY_AND_NIGHT, SHANGHAI) == Window(at(start), at(end))


def test_beijing_shifts_last_twelve_hours_all_year_whatever_the_machine_zone() -> None:
    # Asia/Shanghai keeps no daylight saving: winter and summer shifts alike are 12 hours, 08:00 to 20:00.
    for now in ("2025-01-15 12:00", "2025-03-30 03:00", "2025-07-15 21:00", "2025-11-02 02:00"):
        shift = current_shift(at(now), DAY_AND_NIGHT, SHANGHAI)
        assert shift.end_ms is not None and shift.end_ms - shift.start_ms == DAY_MS // 2
    # The zone, not the machine's, decides: 08:00 in Beijing is 00:00 UTC.
    assert current_shift(at("2025-05-06 09:00"), DAY_AND_NIGHT, SHANGHAI).start_ms % DAY_MS == 0


def test_a_zone_with_daylight_saving_gets_a_shorter_night_when_the_clocks_go_forward() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    night = current_shift(at("2025-03-30 09:00"), DAY_AND_NIGHT, berlin)  # 02:00 Beijing on 30 March
    assert night.end_ms is not None and night.end_ms - night.start_ms == 11 * 3_600_000


def test_one_start_a_day_makes_24_hour_shifts_and_starts_are_taken_in_the_order_of_the_day() -> None:
    assert current_shift(at("2025-05-06 07:00"), (time(8),), SHANGHAI) == Window(
        at("2025-05-05 08:00"), at("2025-05-06 08:00"))
    three = Settings(shift_starts=("16:00", "00:00", "08:00"))
    assert current_shift(at("2025-05-06 17:00"), three.starts(), SHANGHAI) == Window(
        at("2025-05-06 16:00"), at("2025-05-07 00:00"))


def test_an_entry_of_another_day_shows_its_date() -> None:
    now = at("2025-05-06 07:00")
    assert stamp(at("2025-05-06 06:30"), SHANGHAI, now) == "06:30"
    assert stamp(at("2025-05-05 21:40"), SHANGHAI, now) == "05-05 21:40"


# --- settings and the event schema ------------------------------------------------------------------------


def test_the_default_settings_are_the_day_and_night_shifts() -> None:
    assert Settings().starts() == DAY_AND_NIGHT


def test_settings_stored_with_the_old_time_zone_key_still_load_and_the_key_goes_at_the_next_save(
        tmp_path: Path) -> None:
    stored = PluginSettings("shift_log", Settings, tmp_path)
    stored.path.write_text('{"shift_starts": ["07:00", "19:00"], "time_zone": "Asia/Shanghai"}', encoding="utf-8")
    settings = stored.load()
    assert settings == Settings(shift_starts=("07:00", "19:00")) and stored.warning is None
    assert [path.name for path in tmp_path.iterdir()] == ["shift_log.json"]  # not set aside as .bad
    stored.save(settings)
    assert "time_zone" not in stored.path.read_text(encoding="utf-8")


def test_shifts_start_in_the_desks_zone() -> None:
    desk = FakeDesk(time_zone=ZoneInfo("Europe/Berlin"), now="2025-05-06 16:00")  # 10:00 in Berlin
    session = session_for(desk)
    assert session.window(Span.SHIFT) == Window(at("2025-05-06 14:00"), at("2025-05-07 02:00"))  # 08:00–20:00


@pytest.mark.parametrize(("stored", "named"), [
    (b'{"shift_starts": ["08:00", "25:00"]}', "shift_starts[1]: '25:00' is not a time of day"),
    (b'{"shift_starts": ["8:00"]}', "shift_starts[0]: '8:00' is not a time of day"),
    (b'{"shift_starts": []}', "shift_starts is empty"),
    (b'{"shift_starts": ["08:00", "20:00", "08:00"]}', "shift_starts[2] '08:00' is the same time as '08:00'"),
])
def test_settings_that_cannot_be_used_are_refused_naming_the_field_and_value(stored: bytes, named: str) -> None:
    with pytest.raises(msgspec.ValidationError, match=named.replace("[", r"\[").replace("]", r"\]")):
        msgspec.json.decode(stored, type=Settings)


def test_the_hub_refuses_an_entry_that_is_empty_blank_or_too_long() -> None:
    def decode(text: str) -> EntryAdded:
        return msgspec.msgpack.decode(msgspec.msgpack.encode({"text": text}), type=EntryAdded)

    assert decode("x" * MAX_TEXT).text == "x" * MAX_TEXT
    for text in ("", "  \n ", "x" * (MAX_TEXT + 1)):
        with pytest.raises(msgspec.ValidationError):
            decode(text)


def test_the_largest_entry_fits_the_size_the_manifest_declares() -> None:
    manifest = read_manifest(locate_manifest("shift_log:dispatch_plugin.toml"))
    spec = manifest.event("entry_added")
    assert spec is not None and spec.roles == ("dispatcher", "commander")
    largest = EntryAdded(text="😀" * MAX_TEXT, operator="😀" * MAX_OPERATOR)
    assert len(msgspec.msgpack.encode(largest)) <= spec.max_bytes


# --- the book -------------------------------------------------------------------------------------------


def _entry(gseq: int, when: str, text: str = "note") -> Entry:
    return Entry(gseq, at(when), text, "王伟 0421", "")


def test_the_book_shows_the_window_newest_first_in_the_logs_order_each_entry_once() -> None:
    book = ShiftBook()
    for entry in (_entry(1, "2025-05-06 07:50"), _entry(3, "2025-05-06 09:00"), _entry(2, "2025-05-06 08:30")):
        assert book.add(entry)
    assert not book.add(_entry(3, "2025-05-06 09:00"))  # a history page overlapping the live stream
    shift = current_shift(at("2025-05-06 10:00"), DAY_AND_NIGHT, SHANGHAI)
    assert [entry.gseq for entry in book.entries(shift)] == [3, 2]
    assert [entry.gseq for entry in book.entries(Window(at("2025-05-05 10:00"), None))] == [3, 2, 1]


def test_the_book_forgets_entries_no_view_could_show() -> None:
    book = ShiftBook()
    book.add(_entry(1, "2025-05-04 08:00"))
    book.add(_entry(2, "2025-05-06 09:00"))
    assert len(book) == 1
    assert not book.add(_entry(3, "2025-05-03 08:00"))


def test_an_entry_must_have_text_and_at_most_2000_characters() -> None:
    assert entry_problem("   ") is not None
    assert entry_problem("x" * (MAX_TEXT + 1)) is not None
    assert entry_problem("x" * MAX_TEXT) is None


# --- the session: entries from events only -------------------------------------------------------------


def test_entries_come_from_the_logs_events_with_their_operator_and_incident() -> None:
    desk = FakeDesk(state=state_with(incident("20250506-0012")))
    session = session_for(desk)
    desk.deliver(
        entry_event(1, "2025-05-06 08:05", "早班开始", historical=True),
        entry_event(2, "2025-05-06 08:40", "嫌疑人已控制", incident="20250506-0012", operator="李娜 0233"),
        entry_event(3, "2025-05-06 08:50", "another plugin's", plugin="duty_roster"),
        entry_event(4, "2025-05-06 08:55", "another event", name="entry_removed"),
        entry_event(5, "2025-05-06 09:00", "", data=msgspec.msgpack.encode({"text": ""})),  # not the schema
    )
    assert session.entries(Span.SHIFT) == [
        Entry(2, at("2025-05-06 08:40"), "嫌疑人已控制", "李娜 0233", "20250506-0012"),
        Entry(1, at("2025-05-06 08:05"), "早班开始", "王伟 0421", ""),
    ]
    assert session.incident_label("20250506-0012") == "20250506-0012 · Theft"
    assert session.incident_label("20250101-0001") == "20250101-0001"
    assert session.incident_reference("20250506-0012") == "20250506-0012 · Theft · 天河路 208 号"


def test_an_operator_named_in_the_entry_is_shown_instead_of_the_one_signed_in() -> None:
    desk = FakeDesk()
    session = session_for(desk)
    data = msgspec.msgpack.encode(EntryAdded(text="电话口述", operator="张强 0101"))
    desk.deliver(entry_event(1, "2025-05-06 09:00", "", data=data))
    assert [entry.operator for entry in session.entries(Span.SHIFT)] == ["张强 0101"]


def test_the_views_hear_of_new_entries_and_of_changes_to_logged_incidents_only() -> None:
    desk = FakeDesk(state=state_with(incident("20250506-0012"), incident("20250506-0031")))
    session = session_for(desk)
    heard: list[str] = []
    stop = session.on_changed(lambda: heard.append("changed"))
    desk.deliver(entry_event(1, "2025-05-06 08:40", "note", incident="20250506-0012"))
    desk.deliver(entry_event(1, "2025-05-06 08:40", "note", incident="20250506-0012"))  # the same again
    desk.change(desk.state, ["20250506-0031"])
    assert heard == ["changed"]
    desk.change(desk.state, ["20250506-0012"])
    assert heard == ["changed", "changed"]
    stop()
    desk.deliver(entry_event(2, "2025-05-06 08:50", "later"))
    assert len(heard) == 2


def test_a_stopped_plugin_no_longer_listens() -> None:
    desk = FakeDesk()
    session = session_for(desk)
    assert session_for(desk) is session
    close_sessions()
    desk.deliver(entry_event(1, "2025-05-06 09:00", "after the stop"))
    assert session.entries(Span.DAY) == []
    assert session_for(desk) is not session


# --- the map layer --------------------------------------------------------------------------------------


def test_the_layer_marks_each_incident_written_in_this_shift_and_a_click_selects_it() -> None:
    desk = FakeDesk(state=state_with(incident("20250506-0012", lat=23.13, lon=113.32),
                                     incident("20250506-0031", lat=23.14, lon=113.33),
                                     incident("20250505-0077")))
    session = session_for(desk)
    layer = desk.map_layer("shift_log.places")
    PlacesLayer(desk, session, layer)
    assert layer.features == [] and [entry.text() for entry in layer.legend] == [
        "An incident written in this shift's log"]
    desk.deliver(
        entry_event(1, "2025-05-06 07:30", "last night's", incident="20250505-0077"),
        entry_event(2, "2025-05-06 08:40", "first", incident="20250506-0012"),
        entry_event(3, "2025-05-06 09:15", "no incident"),
        entry_event(4, "2025-05-06 09:20", "an unknown one", incident="20240101-0001"),
        entry_event(5, "2025-05-06 09:40", "second", incident="20250506-0012"),
        entry_event(6, "2025-05-06 09:45", "other", incident="20250506-0031"),
    )
    assert [(point.id, point.lat, point.lon, point.label) for point in layer.features
            if isinstance(point, Point)] == [
        ("20250506-0012", 23.13, 113.32, "20250506-0012 · Theft: in the shift log at 08:40, 09:40"),
        ("20250506-0031", 23.14, 113.33, "20250506-0031 · Theft: in the shift log at 09:45"),
    ]
    assert layer.click is not None
    layer.click("20250506-0031")
    assert desk.selection.incident == "20250506-0031"


def test_the_layers_labels_name_the_incident_type_in_the_language_the_dispatcher_switches_to() -> None:
    chinese = {"{incident}: in the shift log at {times}": "{incident}：{times} 记入值班日志"}
    desk = FakeDesk(state=state_with(incident("20250506-0012")), tr=lambda text: chinese.get(text, text))
    layer = desk.map_layer("shift_log.places")
    PlacesLayer(desk, session_for(desk), layer)
    desk.deliver(entry_event(1, "2025-05-06 08:40", "first", incident="20250506-0012"))
    desk.switch_language("zh_CN")
    assert [point.label for point in layer.features if isinstance(point, Point)] == [
        "20250506-0012 · 盗窃：08:40 记入值班日志"]


def test_the_layer_is_redrawn_only_when_its_places_change_and_empties_when_the_shift_ends() -> None:
    desk = FakeDesk(state=state_with(incident("20250506-0012")), now="2025-05-06 19:50")
    session = session_for(desk)
    layer = desk.map_layer("shift_log.places")
    PlacesLayer(desk, session, layer)
    desk.deliver(entry_event(1, "2025-05-06 19:00", "first", incident="20250506-0012"))
    drawn = layer.drawn
    desk.deliver(entry_event(2, "2025-05-06 19:10", "no incident"))
    session.tick()
    assert layer.drawn == drawn
    desk.now = at("2025-05-06 20:00")
    session.tick()
    assert layer.features == []
