"""The levels: an injected surge turns its district yellow or red and names the window, quiet hours stay
green, a few incidents in a quiet area never leave green, thin areas have no colour, a failed fit says since
when, and each level maps to its staffing rule."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from dispatch_desktop.analytics.config import Colour, load_config
from dispatch_desktop.analytics.fit_design import local_calendar
from dispatch_desktop.analytics.levels import levels_at, normal_band, staffing_for, window_tails
from dispatch_desktop.analytics.normal import fit_normal
from tests.analytics.test_normal import FIRST_SLOT, WEEK, synthetic

TRAINED = FIRST_SLOT + 8 * WEEK - 1
SURGE_AT = 8 * WEEK + 60  # a column in the week after the training weeks


def test_a_surge_turns_its_district_red_within_its_three_hours_and_names_the_window() -> None:
    # every station of district 0 at +120 % for three hours
    data = synthetic(station_rate=6.0, surges=tuple((row, SURGE_AT, 3, 2.2) for row in range(4)))
    config = load_config()
    model = fit_normal(data.counts, config, until_slot=TRAINED)
    level = levels_at(data.counts, model, config, FIRST_SLOT + SURGE_AT + 2)[data.district(0)]
    assert level.colour in (Colour.RED, Colour.YELLOW)
    assert level.window_h in (1, 2, 3)
    assert level.by_window[level.window_h] == (level.observed, level.expected, level.p_value)
    assert level.observed - level.expected >= config.min_excess
    untouched = levels_at(data.counts, model, config, FIRST_SLOT + SURGE_AT + 2)[data.district(1)]
    assert untouched.colour in (Colour.GREEN, Colour.BLUE)


def test_quiet_weeks_stay_green_nearly_everywhere() -> None:
    data = synthetic(station_rate=6.0)
    config = load_config()
    model = fit_normal(data.counts, config, until_slot=TRAINED)
    alarms = 0
    for area in data.counts.areas:
        for window in config.windows_h:
            tails = window_tails(data.counts, model, area, window, TRAINED + 1, TRAINED + 2 * WEEK)
            assert tails is not None
            p_values = np.where(tails.observed - tails.expected < config.min_excess, 1.0, tails.p_value)
            alarms += int((p_values < config.thresholds(window)[1]).sum())
    # 15 areas x 336 slots read at p < 0.001 (1, 2, 3 h) and 0.0001 (24 h): about 16 by chance if every reading
    # were independent and its tail exact (23 here); tails too light by half (the variance halved) give 65
    assert alarms <= 30


def test_a_few_incidents_in_a_quiet_area_never_leave_green() -> None:
    data = synthetic()
    station = data.station(2, 3)
    valid = data.counts.valid.copy()
    at = SURGE_AT
    valid[data.counts.row(station), at - 23:at + 1] = 0
    valid[data.counts.row(station), at] = 4  # four incidents in an hour that expects about one
    counts = replace(data.counts, valid=valid)
    config = load_config()
    model = fit_normal(counts, config, until_slot=TRAINED)
    level = levels_at(counts, model, config, FIRST_SLOT + at)[station]
    observed, expected, p_value = level.by_window[1]
    assert observed == 4 and p_value < config.blue_p  # improbable …
    assert observed - expected < config.min_excess
    assert level.colour is Colour.GREEN  # … but too small an excess to colour


def test_an_area_with_too_little_history_has_no_colour() -> None:
    data = synthetic()
    station = data.station(1, 0)
    valid = data.counts.valid.copy()
    valid[data.counts.row(station), :6 * WEEK] = 0
    counts = replace(data.counts, valid=valid)
    config = load_config()
    model = fit_normal(counts, config, until_slot=TRAINED)
    level = levels_at(counts, model, config, TRAINED + 5)[station]
    assert level.colour is None and level.status == "thin"
    assert staffing_for(level, config) is None


def test_a_level_read_off_an_older_fit_says_failed_and_since_when() -> None:
    data = synthetic()
    config = load_config()
    older = fit_normal(data.counts, config, until_slot=TRAINED - WEEK, now_ms=1_700_000_000_000)
    failed = replace(older, status_by_area={**older.status_by_area, data.district(0): "failed"},
                     since_ms_by_area={data.district(0): 1_700_000_000_000})
    level = levels_at(data.counts, failed, config, TRAINED + 5)[data.district(0)]
    assert level.status == "failed" and level.since_ms == 1_700_000_000_000
    assert level.colour is not None


def test_each_colour_maps_to_its_staffing_rule() -> None:
    data = synthetic(surges=tuple((row, SURGE_AT, 3, 2.5) for row in range(4)))
    config = load_config()
    model = fit_normal(data.counts, config, until_slot=TRAINED)
    level = levels_at(data.counts, model, config, FIRST_SLOT + SURGE_AT + 2)[data.district(0)]
    assert level.colour is Colour.RED
    rule = staffing_for(level, config)
    assert rule is not None and rule.level is Colour.RED and rule.patrol_groups == 6


def test_the_trend_chart_band_follows_a_recent_rise_that_the_older_fit_misses() -> None:
    data = synthetic(station_rate=6.0)
    valid = data.counts.valid.copy()
    valid[:, 8 * WEEK - 10 * 24:] = np.round(valid[:, 8 * WEEK - 10 * 24:] * 1.4)  # ten days 40 % busier
    counts = replace(data.counts, valid=valid.astype(np.int32))
    config = load_config()
    model = fit_normal(counts, config, until_slot=TRAINED - 2 * WEEK)  # fitted before the rise
    area = data.district(1)
    band = normal_band(counts, model, area, TRAINED, 24)
    assert band is not None
    expected, low, high = band
    fitted = model.expected(area, TRAINED, 24)
    assert 1.25 < expected.sum() / fitted.sum() < 1.55
    assert (low <= expected).all() and (expected <= high).all()
    assert normal_band(counts, model, data.station(0, 0), TRAINED, 24) is not None


def test_a_rise_of_the_whole_city_moves_every_district_normal_value_one_district_rise_only_its_share() -> None:
    data = synthetic(station_rate=6.0)
    config = load_config()
    rise = slice(8 * WEEK - 2 * 24, None)  # the last two days, 30 % busier
    everywhere = data.counts.valid.copy()
    everywhere[:, rise] = np.round(everywhere[:, rise] * 1.3)
    model = fit_normal(data.counts, config, until_slot=TRAINED - WEEK)  # fitted before the rise
    area = data.district(1)
    fitted = model.expected(area, TRAINED, 1).sum()
    band = normal_band(replace(data.counts, valid=everywhere.astype(np.int32)), model, area, TRAINED, 1)
    assert band is not None and 1.2 < band[0].sum() / fitted < 1.4  # the city's level: no alarm for the rise
    alone = data.counts.valid.copy()
    rows = [data.counts.row(a) for a in data.counts.areas if a == area or a.id.startswith(f"S-{area.id}-")]
    alone[rows, rise] = np.round(alone[rows, rise] * 1.3)
    band = normal_band(replace(data.counts, valid=alone.astype(np.int32)), model, area, TRAINED, 1)
    assert band is not None and band[0].sum() / fitted < 1.15  # one district's rise shows against the city


def test_a_window_across_midnight_reads_its_evening_given_the_day_so_far() -> None:
    data = synthetic(station_rate=6.0)
    config = load_config()
    model = fit_normal(data.counts, config, until_slot=TRAINED)
    busy = data.counts.valid.copy()
    area = data.district(1)
    rows = [data.counts.row(a) for a in data.counts.areas if a == area or a.id.startswith(f"S-{area.id}-")]
    midnight = next(t for t in range(TRAINED + 30, TRAINED + 60) if local_calendar(np.array([t]), ())[0][0] == 0)
    day = slice(midnight - 24 - data.counts.first_slot, midnight - data.counts.first_slot)
    busy[rows, day] = np.round(busy[rows, day] * 1.4)  # the whole day before that midnight 40 % busier
    counts = replace(data.counts, valid=busy.astype(np.int32))
    # the 2 h window read at 00:00: 23:00 of the busy day and the new day's first hour
    tails = window_tails(counts, model, area, 2, midnight, midnight)
    fitted = model.expected(area, midnight - 1, 2).sum()
    assert tails is not None and tails.expected[0] > 1.12 * fitted  # the evening's share expects the busy day
