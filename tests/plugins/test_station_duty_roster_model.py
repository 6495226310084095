"""The duty roster's model, Qt-free: the generated roster of every station and day (plausible, the same
on every run), and "who was on duty at that moment" answered from the roster events as they stood then."""

from __future__ import annotations

import re
from datetime import date

import msgspec
import pytest
from station_duty.roster.events import MAX_BYTES, MAX_OFFICERS, MAX_UNITS, Person, RosterSet
from station_duty.roster.session import close_sessions, leader_phone, session_for
from station_duty.roster.shifts import ShiftSpec, slot_at

from dispatch_desktop.api import UnitStatus
from tests.plugins.station_duty_roster_fake_desk import STATION, FakeDesk, at, incident, set_event, state

MOBILE = re.compile(r"^1[358]\d{9}$")
DAY = date(2025, 5, 6)


@pytest.fixture(autouse=True)
def _no_session_left() -> None:
    yield
    close_sessions()


def _set(leader: str, *, day: str = "2025-05-06", shift: str = "day", onward: bool = False) -> RosterSet:
    return RosterSet(station=STATION, date=day, shift=shift, leader=Person(leader, "13900000001"),
                     officers=(Person("陈静", "13900000002"),), units=("PG-440106-03-01",), duty_phone="020-85550110",
                     onward=onward)


def test_every_station_has_a_plausible_roster_for_every_shift() -> None:
    desk = FakeDesk()
    session = session_for(desk)
    for station in desk.city.stations:
        day, night = (session.roster(station.id, DAY, shift).data for shift in ("day", "night"))
        for roster in (day, night):
            people = (roster.leader, *roster.officers)
            assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", person.name) for person in people), people
            assert all(MOBILE.match(person.phone) for person in people), people
            assert len({person.name for person in people}) == len(people)
            assert re.fullmatch(r"020-8\d{7}", roster.duty_phone)
            assert roster.units and set(roster.units) == {u.id for u in desk.city.units if u.station == station.id}
        assert (len(day.officers), len(night.officers)) == (3, 2)
        assert day.duty_phone == night.duty_phone  # the station's phone, not the shift's


def test_the_generated_roster_is_the_same_on_every_run_and_changes_from_day_to_day() -> None:
    session = session_for(FakeDesk())
    roster = session.roster(STATION, DAY, "day").data
    # Fixed values: a change of the generator (or of Python) that changes the rosters fails here.
    assert (roster.leader.name, roster.leader.phone, roster.duty_phone) == ("吕英", "18676984787", "020-81731377")
    assert session.roster(STATION, DAY, "day").data == roster
    week = {session.roster(STATION, date(2025, 5, d), "day").data.officers for d in range(1, 8)}
    assert len(week) > 3  # officers rotate
    leaders = {session.roster(STATION, date(2025, 5, d), "day").data.leader for d in range(1, 15)}
    assert 2 <= len(leaders) <= 4  # the station's few leaders take turns, each with his own phone


def test_the_roster_at_a_past_moment_follows_the_events_recorded_up_to_that_moment() -> None:
    desk = FakeDesk(now="2025-05-08 10:00")
    session = session_for(desk)
    generated = session.roster_at(STATION, at("2025-05-06 09:00")).data.leader.name
    desk.deliver(set_event(5, "2025-05-06 07:30", _set("张建国")),
                 set_event(9, "2025-05-06 11:00", _set("李海波")),  # a correction later that morning
                 set_event(12, "2025-05-06 21:00", _set("赵军", shift="night")))
    assert session.roster_at(STATION, at("2025-05-06 07:00")).data.leader.name != "张建国"  # night of 05-05
    assert session.roster_at(STATION, at("2025-05-06 09:00")).data.leader.name == "张建国"
    assert session.roster_at(STATION, at("2025-05-06 09:00")).set_by.operator == "王伟 0421"
    assert session.roster_at(STATION, at("2025-05-06 12:00")).data.leader.name == "李海波"
    # The night shift's roster was recorded at 21:00: at 20:30 the generated one was in force.
    assert session.roster_at(STATION, at("2025-05-06 20:30")).set_by is None
    assert session.roster_at(STATION, at("2025-05-07 03:00")).data.leader.name == "赵军"
    assert session.roster(STATION, DAY, "day").data.leader.name == "李海波"  # as known now
    assert generated != "张建国"


def test_a_roster_set_onward_holds_for_later_days_until_another_says_otherwise() -> None:
    desk = FakeDesk(now="2025-05-20 10:00")
    session = session_for(desk)
    desk.deliver(set_event(3, "2025-05-01 07:00", _set("张建国", day="2025-05-02", onward=True)),
                 set_event(4, "2025-05-01 07:05", _set("李海波", day="2025-05-10")))
    assert session.roster(STATION, date(2025, 5, 1), "day").set_by is None
    assert [session.roster(STATION, date(2025, 5, d), "day").data.leader.name for d in (2, 9, 10, 11)] == [
        "张建国", "张建国", "李海波", "张建国"]
    assert session.roster(STATION, date(2025, 5, 9), "night").set_by is None  # the day shift only


def test_an_event_delivered_twice_counts_once_and_a_history_page_out_of_order_is_sorted() -> None:
    desk = FakeDesk()
    session = session_for(desk)
    desk.deliver(set_event(9, "2025-05-06 09:00", _set("李海波")), set_event(5, "2025-05-06 08:00", _set("张建国"),
                                                                      historical=True),
                 set_event(9, "2025-05-06 09:00", _set("李海波")))
    assert len(session.book) == 2
    assert session.roster(STATION, DAY, "day").data.leader.name == "李海波"


def test_the_duty_leaders_number_for_an_incident_is_that_of_its_station_now() -> None:
    desk = FakeDesk(state=state(None, incident("20250506-0012")), now="2025-05-06 10:00")
    assert leader_phone(desk, "20250506-0012") == session_for(desk).roster_now(STATION).data.leader.phone
    desk.deliver(set_event(5, "2025-05-06 09:00", _set("张建国")))
    assert leader_phone(desk, "20250506-0012") == "13900000001"
    assert leader_phone(desk, "no-such-incident") is None


def test_free_units_are_the_units_on_shift_the_desk_shows_available() -> None:
    desk = FakeDesk(state=state({"PG-440106-03-01": UnitStatus.EN_ROUTE, "PG-440106-03-02": UnitStatus.OFF_DUTY}))
    session = session_for(desk)
    roster = session.roster_now(STATION)
    free, total = session.free_units(roster)
    assert total == len(roster.data.units) and free == total - 2


def test_configured_shifts_are_read_in_the_command_centers_zone() -> None:
    class Settings(msgspec.Struct, frozen=True):
        shifts: tuple[ShiftSpec, ...] = (ShiftSpec("early", "07:00"), ShiftSpec("late", "15:00"),
                                         ShiftSpec("night", "23:00"))

    desk = FakeDesk(settings=Settings())
    session = session_for(desk)
    assert slot_at(at("2025-05-06 02:00"), session.shifts, desk.time_zone).shift.id == "night"
    assert slot_at(at("2025-05-06 02:00"), session.shifts, desk.time_zone).day == date(2025, 5, 5)
    assert session.roster_now(STATION).slot.shift.id == "early"


@pytest.mark.parametrize("change", [{"date": "2025-02-30"}, {"leader": {"name": "", "phone": ""}},
                                    {"duty_phone": "call me"}, {"shift": "Day"}])
def test_the_schema_the_hub_checks_refuses_a_malformed_roster(change: dict[str, object]) -> None:
    good = msgspec.to_builtins(_set("张建国"))
    msgspec.convert(good, RosterSet)
    with pytest.raises(msgspec.ValidationError):
        msgspec.msgpack.decode(msgspec.msgpack.encode({**good, **change}), type=RosterSet)


def test_the_largest_roster_the_schema_allows_fits_the_declared_size() -> None:
    widest = "龘" * 20
    largest = RosterSet(station="S" * 64, date="2025-05-06", shift="s" * 20, leader=Person(widest, "1" * 20),
                        officers=(Person(widest, "1" * 20),) * MAX_OFFICERS, units=("U" * 64,) * MAX_UNITS,
                        duty_phone="0" * 20, onward=True, source=widest * 6)
    assert len(msgspec.msgpack.encode(largest)) <= MAX_BYTES
