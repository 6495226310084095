"""Times read in the command center's zone (Asia/Shanghai by default), whatever the machine's zone is."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.intake import next_incident_id

# 2025-11-22 23:30 in Guangzhou is 15:30 UTC and 10:30 in New York: three different days and hours.
LATE_EVENING = 1_763_825_400_000


@pytest.fixture
def machine_in_new_york() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
        localtime.set_zone(localtime.DEFAULT_ZONE)


def test_clocks_and_incident_numbers_use_the_command_centers_zone(machine_in_new_york: None) -> None:
    assert time.strftime("%H", time.localtime(LATE_EVENING / 1000)) == "10"  # the machine says 10:30
    assert localtime.clock_text(LATE_EVENING) == "23:30:00"
    assert localtime.date_time_text(LATE_EVENING) == "2025-11-22 23:30:00"
    assert localtime.zone_label(LATE_EVENING) == "CST"
    assert next_incident_id([], "ws-1", LATE_EVENING) == "J20251122-ws-1-1"


def test_the_zone_is_configurable_and_an_unknown_one_is_refused_clearly(machine_in_new_york: None) -> None:
    localtime.set_zone("Asia/Urumqi")  # UTC+6 (the command center's own clock, not China's official one)
    assert localtime.clock_text(LATE_EVENING) == "21:30:00"
    assert localtime.zone_label(LATE_EVENING) == "UTC+6"
    with pytest.raises(localtime.UnknownTimeZone, match="Mars/Olympus"):
        localtime.set_zone("Mars/Olympus")
    assert localtime.zone().key == "Asia/Urumqi"  # the old zone stays
