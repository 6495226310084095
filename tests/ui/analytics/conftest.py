"""The analytics desk on a real workstation window, over stand-in analytics modules (``fake_toolkit``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dispatch_desktop.domain.city import City
from dispatch_desktop.ui.analytics.desk import AnalyticsDesk
from dispatch_desktop.ui.workstation import Workstation
from tests.ui.analytics.fake_toolkit import Analytics
from tests.ui.conftest import NOW


@pytest.fixture
def analytics() -> Analytics:
    return Analytics()


@pytest.fixture
def make_analytics_desk(make_workstation: Callable[..., Workstation], city: City, analytics: Analytics,
                        tmp_path: Path) -> Iterator[Callable[..., AnalyticsDesk]]:
    made: list[AnalyticsDesk] = []

    def make(*, language: str = "zh_CN", now_ms: Callable[[], int] = lambda: NOW) -> AnalyticsDesk:
        window = make_workstation(language=language)
        desk = AnalyticsDesk(window, city, "sqlite:///live.sqlite3", data_dir=tmp_path / "data",
                             toolkit=analytics.toolkit(), now_ms=now_ms, interval_ms=50,
                             counts_interval_ms=3_600_000, start_delay_ms=-1)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.stop()
