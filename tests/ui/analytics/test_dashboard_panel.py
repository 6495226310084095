"""The live dashboard: its figures follow a simulated city as it runs, are worked out on the analytics
worker (never on the GUI thread), and say how to get history when there is none."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from dispatch_desktop.analytics import dashboard
from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.state import State
from dispatch_desktop.sim.engine import SimConfig
from dispatch_desktop.sim.fast_forward import fast_forward
from dispatch_desktop.store import EventStore
from tests.analytics.fakes import SLOT_MS, Area, AreaKind, AreaLevel, Colour, counts_of
from tests.ui.analytics.fake_toolkit import Analytics
from tests.ui.conftest import NOW

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]

START = 1_765_000_000_000  # 2025-12-06 13:46 in Guangzhou
TIANHE = Area(AreaKind.DISTRICT, "440106")


@pytest.fixture(scope="module")
def city_states(tmp_path_factory: pytest.TempPathFactory) -> list[State]:
    """A simulated city's state every 5 minutes of its first 20."""
    path = tmp_path_factory.mktemp("city") / "log.sqlite3"
    with EventStore.open(f"sqlite:///{path}") as store:
        fast_forward(store, generate_city(cameras=0), SimConfig(seed=3, units=60, incidents_per_day=30_000),
                     start_ms=START, end_ms=START + 20 * 60_000)
        return [store.state_at(time_ms=START + minutes * 60_000) for minutes in (5, 10, 15, 20)]


def test_the_dashboard_follows_the_city_as_it_runs_computed_off_the_gui_thread(  # type: ignore[no-untyped-def]
        qtbot, make_analytics_desk, city_states: list[State]) -> None:
    threads: set[str] = set()

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.add(threading.current_thread().name)
        return dashboard.dashboard_figures(*args, **kwargs)

    clock = {"now": START}
    desk = make_analytics_desk(now_ms=lambda: clock["now"])
    desk.service.compute_figures = recorded
    desk._show_dock("analytics_dashboard")
    desk.window.show()
    qtbot.waitUntil(lambda: desk.service.active, timeout=5000)
    valid_seen: list[int] = []
    for state in city_states:
        clock["now"] = state.time
        desk.window.feed.push(state, None)
        expected = sum(1 for i in state.incidents.values() if not i.duplicate_of and i.call_time >= START - 3_600_000)
        qtbot.waitUntil(lambda expected=expected: desk.panel.figures is not None
                        and sum(desk.panel.figures.valid) == expected, timeout=10_000)
        valid_seen.append(sum(desk.panel.figures.valid))
        assert f"{valid_seen[-1]:,}" in desk.panel.valid_figure.text()
    assert valid_seen == sorted(valid_seen) and valid_seen[0] < valid_seen[-1]  # it went on counting
    figures = desk.panel.figures
    assert figures.police + figures.non_police == figures.created
    assert desk.panel.district_table.rowCount() == 4 + len(desk.city.districts)  # the priorities, then the districts
    assert threads and all(name.startswith("analytics-figures") for name in threads)


def test_a_hidden_dashboard_computes_nothing(qtbot, make_analytics_desk, city_states: list[State]) -> None:  # type: ignore[no-untyped-def]
    desk = make_analytics_desk()
    desk.window.feed.push(city_states[0], None)
    qtbot.wait(300)
    assert desk.service.computed == 0 and desk.panel.figures is None


def test_without_history_every_district_says_so_and_the_panel_says_how_to_get_some(  # type: ignore[no-untyped-def]
        qtbot, make_analytics_desk, analytics: Analytics) -> None:
    analytics.counts = None  # neither a live log nor a history log
    desk = make_analytics_desk(language="en")
    desk.service.refresh()
    qtbot.waitUntil(lambda: desk.service.snapshot is not None, timeout=5000)
    assert analytics.fits == 0
    table = desk.panel.level_table
    assert table.rowCount() == len(desk.city.districts)
    assert {table.item(row, 1).text() for row in range(table.rowCount())} == {"■ not enough history"}
    assert "Generate a practice history" in desk.panel.status.text()
    assert str(desk.engine.history_path) in desk.panel.status.text()
    assert desk.panel.history_button.isVisibleTo(desk.panel)


def test_a_failed_fit_keeps_the_levels_and_says_so(qtbot, make_analytics_desk, analytics: Analytics) -> None:  # type: ignore[no-untyped-def]
    analytics.counts = counts_of((TIANHE,), 0, 24)
    analytics.levels = {TIANHE: AreaLevel(TIANHE, Colour.YELLOW, observed=9, expected=4.0, p_value=0.004)}
    desk = make_analytics_desk(language="en")
    desk.service.refresh()
    qtbot.waitUntil(lambda: desk.service.snapshot is not None, timeout=5000)
    assert analytics.fits == 1 and "analytics-history" in " ".join(analytics.threads)
    analytics.fit_error = RuntimeError("the negative binomial did not converge")
    with qtbot.waitSignal(desk.service.failed, timeout=5000) as said:
        desk.refit()
    assert "did not converge" in said.args[0] and "fitted before" in said.args[0]
    assert desk.service.snapshot.levels.by_area[TIANHE].colour == Colour.YELLOW
    row = list(desk.district_names()).index("440106")
    assert desk.panel.level_table.item(row, 1).text().startswith("■ yellow")
    assert "did not converge" in desk.panel.status.text()


def test_practice_history_can_be_cancelled_and_leaves_nothing(qtbot, make_analytics_desk,  # type: ignore[no-untyped-def]
                                                             analytics: Analytics) -> None:
    analytics.history_steps, analytics.history_step_s = 500, 0.02  # 10 s unless cancelled
    desk = make_analytics_desk(language="en")
    desk.generate_history()
    practice = desk.practice
    assert practice is not None and practice.dialog is not None  # the progress, with its Cancel button
    assert analytics.started_history.wait(5)
    qtbot.waitUntil(lambda: practice.dialog is not None and practice.dialog.value() > 0, timeout=5000)
    with qtbot.waitSignal(practice.failed, timeout=5000) as said:
        practice.dialog.findChild(QPushButton).click()  # its Cancel button
    assert "Cancelled" in said.args[0]
    history: Path = desk.engine.history_path
    assert not history.exists() and list(history.parent.iterdir()) == []


def test_practice_history_once_written_is_read_and_fitted(qtbot, make_analytics_desk,  # type: ignore[no-untyped-def]
                                                         analytics: Analytics) -> None:
    analytics.history_steps, analytics.history_step_s = 3, 0.0
    analytics.counts = counts_of((TIANHE,), 0, 24)
    desk = make_analytics_desk()
    desk.generate_history()
    qtbot.waitUntil(lambda: desk.service.snapshot is not None and desk.service.snapshot.has_history, timeout=5000)
    assert desk.engine.history_path.exists()
    assert any(url.endswith("history.sqlite3") for url in analytics.reads) and analytics.fits == 1


def test_simulated_history_feeds_the_levels_never_todays_figures(qtbot, make_analytics_desk,  # type: ignore[no-untyped-def]
                                                                 analytics: Analytics) -> None:
    today = dashboard.day_start_ms(NOW) // SLOT_MS
    analytics.history_counts = counts_of((TIANHE,), today - 24, 48)
    analytics.history_counts.valid[0, 24 + 3] = 50  # 03:00 today, in the practice history
    analytics.counts = counts_of((TIANHE,), today + 8, 2)  # the desk's own log began at 08:00
    analytics.counts.valid[0, :] = 4
    desk = make_analytics_desk()
    desk.engine.history_path.parent.mkdir(parents=True, exist_ok=True)
    desk.engine.history_path.touch()
    desk.service.refresh()
    qtbot.waitUntil(lambda: desk.service.snapshot is not None, timeout=5000)
    assert desk.service.snapshot.counts.series(TIANHE)[24 + 3] == 50  # the levels learn from it
    desk._show_dock("analytics_dashboard")
    desk.window.show()
    qtbot.waitUntil(lambda: desk.panel.figures is not None, timeout=5000)
    assert desk.panel.figures.valid[3] == 0 and desk.panel.figures.valid[8] == 4  # the day is the live log's


def test_while_the_first_fit_runs_the_levels_say_they_are_being_worked_out(  # type: ignore[no-untyped-def]
        qtbot, make_analytics_desk) -> None:
    """Not "not enough history": a user who just generated eight weeks would be told the opposite of the truth."""
    desk = make_analytics_desk(language="en")
    panel, table = desk.panel, desk.panel.level_table
    panel.show_busy("Fitting the normal values…", -1.0)
    assert {table.item(row, 1).text() for row in range(table.rowCount())} == {"■ being worked out…"}
    panel.show_busy("", 0.0)  # done, and still no level: now it is the history that is short
    assert {table.item(row, 1).text() for row in range(table.rowCount())} == {"■ not enough history"}
