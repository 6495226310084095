"""The replay window over a small story log: what it shows at an instant is the store's state then,
playback runs by time at the chosen speed, the keys move it, it follows an incident, exports with the
export's hash in the log, and says in the user's language what it cannot open."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from dispatch_desktop.api.map_layers import Line
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.localtime import set_zone, zone
from dispatch_desktop.replay.interpolate import positions_between
from dispatch_desktop.replay.opening import ReplayRefused, ReplayRequest, open_log
from dispatch_desktop.store import EventStore
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.panels.incident_detail import FIELDS
from dispatch_desktop.ui.replay.exporting import ExportDialog
from dispatch_desktop.ui.replay.launcher import refusal_text
from dispatch_desktop.ui.replay.window import ReplayDesk
from dispatch_desktop.ui.workstation import WorkstationSettings
from tests.drill.drill_log import DRILL, write_drill_log
from tests.drill.drill_log import T0 as DRILL_T0
from tests.record.story import INCIDENT, T0, p0001_lat, write_story

pytestmark = [pytest.mark.gui, pytest.mark.timeout(120)]
S = 1000


class Wall:
    """The clock playback runs by, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def guangzhou_time() -> Iterator[None]:
    before = zone().key
    set_zone("Asia/Shanghai")
    yield
    set_zone(before)


@pytest.fixture
def story_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'story.db'}"
    with EventStore.open(url) as store:
        write_story(store)
    return url


@pytest.fixture
def make_replay(qtbot, tmp_path: Path, city: City, translations_dir: Path, map_cache: Path,  # type: ignore[no-untyped-def]
                story_url: str) -> Iterator[Callable[..., ReplayDesk]]:
    made: list[ReplayDesk] = []

    def make(request: ReplayRequest, *, language: str = "zh_CN", wall: Wall | None = None,
             url: str | None = None) -> ReplayDesk:
        opened = open_log(url or story_url, request)
        settings = WorkstationSettings(user="supervisor", config_dir=tmp_path / "config", cache_dir=map_cache,
                                       language=language, translations_dir=translations_dir,
                                       operator="王督察 020001")
        desk = ReplayDesk(opened, city, settings, request, wall=wall or Wall())
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.window.close()
        desk.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _shown_at(qtbot, desk: ReplayDesk, time_ms: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: desk.frame is not None and desk.frame.time_ms == time_ms
                    and desk.window.city_model.state is desk.frame.state, timeout=10_000)


def test_seeking_shows_the_state_of_that_instant_in_every_panel(qtbot, make_replay, story_url: str) -> None:  # type: ignore[no-untyped-def]
    desk = make_replay(ReplayRequest(incidents=(INCIDENT,)))
    window = desk.window
    with EventStore.open(story_url) as store:
        for seconds in (30, 130, 650, 1850):
            at = T0 + seconds * S
            desk.player.seek(at)
            _shown_at(qtbot, desk, at)
            expected = store.state_at(time_ms=at)
            assert window.city_model.state == expected
            assert window.city_model.now_ms() == at  # elapsed times count to the instant, not the wall clock
            shown = {window.incident_table.index(row, 0).data() for row in range(window.incident_table.rowCount())}
            assert shown == set(expected.incidents)
            incident = expected.incidents.get(INCIDENT)
            if incident is not None:
                window.selection.select_incident(INCIDENT)
                detail = window.views.incident_detail
                assert detail.values[FIELDS[1]].text() == labels.incident_status(incident.status)
                assert detail.values[FIELDS[7]].text().count("(") == len(incident.units)
                assert detail.timeline.rowCount() == len(incident.timeline)
            placed = positions_between(expected, at, desk.frame.next_fixes)
            assert window.map_bridge._placed == placed
    assert "回放" in window.status_bar.mode.text()
    assert desk.bar.banner.text().startswith("回放 · 只读")


def _playing_at_64(qtbot, make_replay) -> tuple[ReplayDesk, Wall, list[int]]:  # type: ignore[no-untyped-def]
    """A replay of the story from T0 playing at ×64 by a wall clock the test moves, and the gseqs of the events
    its city model hands on, in the order heard."""
    wall = Wall()
    desk = make_replay(ReplayRequest(incidents=(INCIDENT,), seek_ms=T0), wall=wall)
    _shown_at(qtbot, desk, T0)
    heard: list[int] = []
    desk.window.city_model.eventsApplied.connect(lambda events, _notable: heard.extend(g for g, _e in events))
    desk.player.set_speed(64.0)
    desk.player.play()
    return desk, wall, heard


def test_playback_runs_by_the_clock_at_the_chosen_speed_and_hands_on_every_event_once(  # type: ignore[no-untyped-def]
        qtbot, make_replay, story_url: str) -> None:
    desk, wall, heard = _playing_at_64(qtbot, make_replay)
    with EventStore.open(story_url) as store:
        for _ in range(6):
            wall.now += 2.5  # 160 s of the log each time
            qtbot.waitUntil(lambda: desk.player.position >= T0 + int((wall.now - 1000.0) * 64_000) - 1, timeout=5000)
            qtbot.waitUntil(lambda: desk.frame is not None and desk.frame.time_ms == desk.player.position
                            and not desk.worker.busy, timeout=10_000)
            assert desk.frame.state == store.state_at(time_ms=desk.frame.time_ms)
        desk.player.pause()
        expected = [gseq for gseq, event in store.read(0) if T0 < event.t_hub <= desk.frame.time_ms]
    assert desk.player.position == T0 + 15 * 64_000
    assert heard == expected  # in order, none twice, none left out


def test_the_map_loading_late_or_following_switched_does_not_hand_on_a_frames_events_again(  # type: ignore[no-untyped-def]
        qtbot, make_replay) -> None:
    # The map page may come after the first frames (a slow machine); the desk then paints the frame again.
    # Listeners of the events (the plugins) must not hear the frame's events a second time.
    desk, wall, heard = _playing_at_64(qtbot, make_replay)
    wall.now += 2.5
    qtbot.waitUntil(lambda: desk.player.position > T0 and desk.frame is not None
                    and desk.frame.time_ms == desk.player.position and not desk.worker.busy, timeout=10_000)
    assert heard, "the frame after two and a half seconds at ×64 folds events in"
    before = list(heard)
    desk.window.map_bridge.pageLoaded.emit()
    desk.bar.follow_action.toggle()
    desk.bar.follow_action.toggle()
    qtbot.wait(200)  # ticks go on at the same instant: frames without events
    assert heard == before
    assert len(set(heard)) == len(heard)
    assert desk.window.city_model.state is desk.frame.state


def test_the_keys_move_the_replay(qtbot, make_replay) -> None:  # type: ignore[no-untyped-def]
    desk = make_replay(ReplayRequest(incidents=(INCIDENT,), seek_ms=T0 + 100 * S))
    window = desk.window
    window.show()
    qtbot.waitExposed(window)
    _shown_at(qtbot, desk, T0 + 100 * S)
    ticks = sorted({event.t_hub for record in desk.records for _g, event in record.events})
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert desk.player.position == min(t for t in ticks if t > T0 + 100 * S) == T0 + 120 * S
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert desk.player.position == T0 + 90 * S  # the call ended
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    assert desk.player.speed == 4.0
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft)
    assert desk.player.speed == 2.0
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert desk.player.playing
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not desk.player.playing
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert [time for time, _label in desk.bookmarks] == [desk.player.position]
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert desk.player.position == desk.opened.span.last_ms
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert desk.player.position == desk.opened.span.first_ms


def test_following_draws_the_tracks_up_to_the_instant(qtbot, make_replay) -> None:  # type: ignore[no-untyped-def]
    at = T0 + 400 * S
    desk = make_replay(ReplayRequest(incidents=(INCIDENT,), seek_ms=at))
    _shown_at(qtbot, desk, at)
    layer = desk.window.map_bridge.plugin_layers.layer("replay.tracks")

    def p0001_lines() -> list[Line]:
        return [feature for feature in layer.features  # type: ignore[attr-defined]
                if isinstance(feature, Line) and feature.id.startswith("track-P-0001")]

    assert p0001_lines() and max(lat for line in p0001_lines() for lat, _lon in line.points) <= p0001_lat(at)
    assert any(feature.id == f"incident-{INCIDENT}" for feature in layer.features)  # type: ignore[attr-defined]
    desk.player.seek(T0 + 2000 * S)
    _shown_at(qtbot, desk, T0 + 2000 * S)
    assert len(p0001_lines()) == 2  # the silence of eight minutes is not bridged


def test_an_export_is_written_and_its_hash_recorded(qtbot, make_replay, story_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk = make_replay(ReplayRequest(incidents=(INCIDENT,)))
    dialog = ExportDialog(desk, desk.window)
    dialog.format.setCurrentIndex(dialog.format.findData(ev.ExportFormat.CSV))
    target = tmp_path / "out" / "record.csv"
    target.parent.mkdir()
    dialog.path.setText(str(target))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=20_000)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert digest in dialog.message.text()
    with EventStore.open(story_url) as store:
        exported = [event.body for _g, event in store.read(0) if isinstance(event.body, ev.RecordExported)]
    assert [(body.sha256, body.file, body.incident, body.operator) for body in exported] == [
        (digest, "record.csv", INCIDENT, "王督察 020001")]


def test_an_export_that_cannot_be_written_says_so_and_records_nothing(qtbot, make_replay, story_url: str,  # type: ignore[no-untyped-def]
                                                                        tmp_path: Path) -> None:
    desk = make_replay(ReplayRequest(incidents=(INCIDENT,)))
    dialog = ExportDialog(desk, desk.window)
    dialog.path.setText(str(tmp_path / "no such folder" / "record.html"))
    dialog.start()
    qtbot.waitUntil(lambda: "未导出" in dialog.message.text(), timeout=20_000)
    assert dialog.result_path is None and not (tmp_path / "no such folder").exists()
    with EventStore.open(story_url) as store:
        assert not any(isinstance(event.body, ev.RecordExported) for _g, event in store.read(0))


def test_what_cannot_be_replayed_is_said_in_the_users_language(story_url: str, tmp_path: Path) -> None:
    with pytest.raises(ReplayRefused) as unknown:
        open_log(story_url, ReplayRequest(incidents=("J-20990101-00001",)))
    assert "J-20990101-00001" in refusal_text(unknown.value)
    with pytest.raises(ReplayRefused) as outside:
        open_log(story_url, ReplayRequest(start_ms=T0 + 10**9, end_ms=T0 + 2 * 10**9))
    assert outside.value.code == "outside_log"
    with pytest.raises(ReplayRefused) as missing:
        open_log(f"sqlite:///{tmp_path / 'none.db'}", ReplayRequest())
    assert missing.value.code == "no_log" and not (tmp_path / "none.db").exists()


def test_a_drag_previews_on_the_map_and_the_whole_window_follows_when_it_ends(  # type: ignore[no-untyped-def]
        qtbot, make_replay, story_url: str) -> None:
    desk = make_replay(ReplayRequest(incidents=(INCIDENT,), seek_ms=T0))
    _shown_at(qtbot, desk, T0)
    before = desk.window.city_model.state
    bridge = desk.window.map_bridge
    previews: list[int] = []
    desk.on_frame_shown = lambda frame: previews.append(frame.time_ms) if frame.preview else None
    desk.timeline.scrubbed.emit(T0 + 700 * S)
    qtbot.waitUntil(lambda: previews == [T0 + 700 * S], timeout=10_000)
    with EventStore.open(story_url) as store:
        assert bridge._preview == store.state_at(time_ms=T0 + 700 * S)  # the map shows the cursor's instant
        assert desk.window.city_model.state is before  # the tables wait for the drag to end
        desk.timeline.seekRequested.emit(T0 + 700 * S)
        _shown_at(qtbot, desk, T0 + 700 * S)
        assert bridge._preview is None
        assert desk.window.city_model.state == store.state_at(time_ms=T0 + 700 * S)


def test_a_time_range_is_asked_and_read_in_the_command_centers_zone(qtbot) -> None:  # type: ignore[no-untyped-def]
    from dispatch_desktop.ui.replay.launcher import TimeRangeDialog

    dialog = TimeRangeDialog(T0)  # 2025-11-22 02:53:20 UTC, 10:53:20 in Guangzhou
    qtbot.addWidget(dialog)
    assert dialog.end.dateTime().toString("yyyy-MM-dd HH:mm:ss") == "2025-11-22 10:53:20"
    assert dialog.start.dateTime().toString("HH:mm") == "09:53"
    request = dialog.request()
    assert (request.start_ms, request.end_ms) == (T0 - 3_600_000, T0)


def test_a_drill_replays_in_its_own_state_marked_as_a_drill(qtbot, make_replay, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'drill.db'}"
    with EventStore.open(url) as store:
        write_drill_log(store)
    desk = make_replay(ReplayRequest(drill=DRILL, seek_ms=DRILL_T0 + 200 * S), url=url)
    _shown_at(qtbot, desk, DRILL_T0 + 200 * S)
    assert "J-D-1" in desk.window.city_model.state.incidents  # the drill's incident, as its trainees saw it
    table = desk.window.incident_table
    assert table.index(table.row_of("J-D-1"), 0).data() == "演练 · J-D-1"
    assert desk.bar.banner.text().startswith(f"演练回放 · {DRILL} · 只读")
    assert desk.watermark is not None and not desk.watermark.isHidden()
    assert DRILL in desk.window.windowTitle()


def test_the_video_wall_shows_which_cameras_were_near_the_incident_never_a_picture(qtbot, make_replay) -> None:  # type: ignore[no-untyped-def]
    desk = make_replay(ReplayRequest(incidents=(INCIDENT,)))  # it opens before the incident was entered
    wall, state = desk.video_wall, lambda: desk.window.city_model.state
    _shown_at(qtbot, desk, desk.opened.span.first_ms)
    assert desk.window.selection.incident == INCIDENT and INCIDENT not in state().incidents
    assert wall.incident_id == "" and wall.collapsed
    desk.player.seek(T0 + 130 * S)  # entered by then: the wall follows it as the live one did
    _shown_at(qtbot, desk, T0 + 130 * S)
    incident = state().incidents[INCIDENT]
    assert wall.incident_id == INCIDENT
    assert wall.cameras_on_wall()[0] == wall.first_camera(incident.lat, incident.lon) is not None
    tile = wall.tiles()[0]
    assert tile.not_recorded and tile.short_state_text() == "未录像"
    assert wall._feeds == {}  # no stream read: a live picture in a window of the past would mislead
    assert not wall.take_snapshot(0)  # nothing to attach, and a replay sends nothing
    desk.player.seek(desk.opened.span.first_ms)  # back before it was entered
    _shown_at(qtbot, desk, desk.opened.span.first_ms)
    assert wall.incident_id == ""
