"""The monthly station review on a small fixture computed by hand (tests/analytics/review_fixture.py):

| station | 2026-11 | 2026-10 | 2025-11 | rise | MoM     | YoY    | rank |
|---------|---------|---------|---------|------|---------|--------|------|
| B       | 112     | 100     | 80      | +12  | +12.0 % | +40 %  | 1 ⚑  |
| A       | 30      | 20      | 25      | +10  | +50.0 % | +20 %  | 2 ⚑  |
| E       | 15      | 5       | 20      | +10  | +200 %  | −25 %  | 3 (ties A, after it by YoY) |
| C       | 8       | 5       | 10      | +3   | +60.0 % | −20 %  | 4    |
| D       | 40      | 50      | 0       | −10  | −20.0 % | —      | 5    |
"""

from __future__ import annotations

import pytest

from dispatch_desktop.analytics.review import (
    ReviewProblem,
    month_start_ms,
    monthly_review,
    percent_text,
    review,
    shift_month,
)
from tests.analytics.review_fixture import five_station_city, hand_counts, station_ids


def _letters() -> dict[str, str]:
    return {station: letter for letter, station in station_ids().items()}


def test_the_stations_rank_by_their_rise_in_incidents_as_computed_by_hand() -> None:
    changes = monthly_review(hand_counts(), five_station_city(), "2026-11")
    letters = _letters()
    assert [letters[change.station] for change in changes] == ["B", "A", "E", "C", "D"]
    assert [change.rank for change in changes] == [1, 2, 3, 4, 5]
    assert [(change.this_month, change.last_month, change.last_year) for change in changes] == [
        (112, 100, 80), (30, 20, 25), (15, 5, 20), (8, 5, 10), (40, 50, 0)]
    assert [percent_text(change.mom) for change in changes] == ["+12.0%", "+50.0%", "+200.0%", "+60.0%", "-20.0%"]
    assert [percent_text(change.yoy) for change in changes] == ["+40.0%", "+20.0%", "-25.0%", "-20.0%", "—"]


def test_the_two_largest_rises_are_flagged() -> None:
    changes = monthly_review(hand_counts(), five_station_city(), "2026-11")
    letters = _letters()
    assert [letters[change.station] for change in changes if change.flagged] == ["B", "A"]


def test_a_station_whose_incidents_fell_is_never_flagged() -> None:
    falling = ((10, 20, 5), (9, 30, 5), (1, 0, 5), (3, 3, 3), (0, 1, 0))  # only C rose
    changes = monthly_review(hand_counts(figures=falling), five_station_city(), "2026-11")
    assert [(_letters()[change.station], change.flagged) for change in changes][:2] == [("C", True), ("D", False)]


def test_every_station_of_the_city_is_in_the_review_with_its_name_and_district() -> None:
    city = five_station_city()
    changes = {change.station: change for change in monthly_review(hand_counts(), city, "2026-11")}
    assert set(changes) == {station.id for station in city.stations}
    for station in city.stations:
        assert (changes[station.id].name, changes[station.id].district) == (station.name, station.district)


LATER = month_start_ms("2027-06")  # "now" long after the months reviewed
DAY = 86_400_000


def test_a_whole_month_is_not_partial() -> None:
    made = review(hand_counts(), five_station_city(), "2026-11", now_ms=LATER)
    assert not made.coverage.partial and made.coverage.last_month_whole and made.coverage.year_ago_whole


def test_a_log_ending_within_the_months_last_day_still_covers_it() -> None:
    quiet_last_night = month_start_ms("2026-12") - 5 * 3_600_000
    assert not review(hand_counts(until_ms=quiet_last_night), five_station_city(), "2026-11",
                      now_ms=LATER).coverage.partial
    assert review(hand_counts(until_ms=quiet_last_night - DAY), five_station_city(), "2026-11",
                  now_ms=LATER).coverage.partial


def test_the_running_month_is_marked_partial() -> None:
    mid_december = month_start_ms("2026-12") + 7 * DAY
    made = review(hand_counts(until_ms=mid_december), five_station_city(), "2026-12", now_ms=LATER)
    assert made.coverage.partial and made.coverage.last_month_whole
    whole_but_running = review(hand_counts(until_ms=month_start_ms("2027-01")), five_station_city(), "2026-12",
                               now_ms=mid_december)
    assert whole_but_running.coverage.partial and whole_but_running.coverage.running
    assert not review(hand_counts(until_ms=mid_december), five_station_city(), "2026-11",
                      now_ms=mid_december).coverage.partial


def test_without_the_year_before_there_is_no_year_on_year_figure() -> None:
    made = review(hand_counts(first_month="2026-10"), five_station_city(), "2026-11")
    assert not made.coverage.year_ago_whole
    assert all(change.last_year is None and change.yoy is None for change in made.stations)
    letters = _letters()
    # the month-on-month rise still ranks; A and E tie on it, and then the station id decides
    order = [letters[change.station] for change in made.stations]
    assert order[0] == "B" and order[1:3] == sorted(order[1:3], key=lambda letter: station_ids()[letter])
    assert [letters[change.station] for change in made.stations if change.flagged] == order[:2]


def test_a_month_before_the_log_starts_gives_no_month_on_month_figure() -> None:
    made = review(hand_counts(first_month="2026-11"), five_station_city(), "2026-11")
    assert not made.coverage.last_month_whole
    assert all(change.last_month is None and change.mom is None and not change.flagged for change in made.stations)


@pytest.mark.parametrize("month", ["2027-01", "2024-06"])
def test_a_month_outside_the_log_is_refused_with_what_the_log_holds(month: str) -> None:
    with pytest.raises(ReviewProblem, match=f"no incidents of {month}.*2025-11 to 2026-11"):
        review(hand_counts(), five_station_city(), month)


@pytest.mark.parametrize("month", ["2026-13", "2026/11", "November"])
def test_a_malformed_month_is_named(month: str) -> None:
    with pytest.raises(ReviewProblem, match=f"{month!r} is not a month: give it as YYYY-MM"):
        review(hand_counts(), five_station_city(), month)


def test_months_shift_across_years() -> None:
    assert (shift_month("2026-01", -1), shift_month("2026-11", -12), shift_month("2026-12", 1)) == (
        "2025-12", "2025-11", "2027-01")
