"""The video wall with real streams: an HTTP-MJPEG camera on 127.0.0.1 and MJPG clip files."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import immutables
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.city import Camera
from dispatch_desktop.domain.enums import Category
from dispatch_desktop.domain.events import IncidentNote
from dispatch_desktop.domain.state import Incident, State
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.video_wall import VideoWall
from dispatch_desktop.ui.video_wall.wiring import follow_selection
from dispatch_desktop.video.clips import demo_stream_urls
from dispatch_desktop.video.mjpeg_server import MjpegServer, generated_frames
from dispatch_desktop.video.stream import StreamState
from tests.video.helpers import SPOT, camera, small_clips

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def clip_urls(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return demo_stream_urls(small_clips(tmp_path_factory.mktemp("wall-clips"), count=4))


@pytest.fixture
def make_wall(qtbot, tmp_path: Path) -> Iterator[Callable[..., VideoWall]]:
    walls: list[VideoWall] = []

    def make(cameras: list[Camera], size: int = 4) -> VideoWall:
        wall = VideoWall(cameras, blob_directory=tmp_path / "blobs", size=size)
        qtbot.addWidget(wall)
        wall.resize(960, 600)
        wall.show()
        qtbot.waitExposed(wall)
        walls.append(wall)
        return wall

    yield make
    for wall in walls:
        wall.shutdown()
        assert wall.wait_stopped(5.0), "reader threads still running after shutdown"


def live(wall: VideoWall, camera_id: str) -> bool:
    tile = wall.tile_of(camera_id)
    return tile is not None and tile.state is StreamState.LIVE and tile.frames > 0


def frame_counts(wall: VideoWall, camera_ids: list[str]) -> dict[str, int]:
    return {c: wall.tile_of(c).frames for c in camera_ids}


def test_a_dropped_camera_goes_offline_and_returns_while_the_others_keep_their_rate(
    qtbot, make_wall, clip_urls: list[str]
) -> None:
    with MjpegServer(generated_frames("HTTP", width=320, height=180), fps=12) as server:
        cameras = [camera("http", north_m=10, url=server.url)]
        cameras += [camera(f"file{i}", north_m=20 + 10 * i, url=clip_urls[i]) for i in range(3)]
        files = [c.id for c in cameras[1:]]
        wall = make_wall(cameras)
        wall.show_incident("INC-1", *SPOT)
        assert wall.cameras_on_wall() == ["http", *files]
        qtbot.waitUntil(lambda: all(live(wall, c.id) for c in cameras), timeout=5000)

        start, t0 = frame_counts(wall, files), time.monotonic()
        qtbot.wait(1500)
        before = {c: (n - start[c]) / (time.monotonic() - t0) for c, n in frame_counts(wall, files).items()}

        server.stop()
        http_tile = wall.tile_of("http")
        qtbot.waitUntil(lambda: http_tile.state is StreamState.OFFLINE, timeout=5000)
        assert http_tile.state_text().startswith("Offline since ")
        # The command center's hour (Asia/Shanghai), not the machine's.
        assert localtime.local(int(time.time() * 1000)).strftime("%H:") in http_tile.state_text()
        start, t0 = frame_counts(wall, files), time.monotonic()
        qtbot.wait(1500)
        during = {c: (n - start[c]) / (time.monotonic() - t0) for c, n in frame_counts(wall, files).items()}
        assert http_tile.state is StreamState.OFFLINE  # still down: the outage covered the whole window

        server.start()
        qtbot.waitUntil(lambda: live(wall, "http") and http_tile.state is StreamState.LIVE, timeout=5000)
        for c in files:
            assert before[c] > 5, f"{c} was not streaming before the outage"
            assert during[c] >= 0.5 * before[c], f"{c} slowed down while another camera was offline"


def test_an_incident_fills_the_wall_with_the_nearest_cameras_in_order(qtbot, make_wall, clip_urls) -> None:
    url = clip_urls[0]
    cameras = [
        camera("far-1km", north_m=1000, url=url),
        camera("dome-40m", east_m=40, url=url),
        camera("fixed-looking-120m", north_m=-120, heading=0, fov=50, url=url),  # south, looking north
        camera("fixed-away-10m", north_m=10, heading=0, fov=50, url=url),  # right there, looking away
        camera("unconfigured-5m", north_m=5),  # no stream: cannot be shown
        camera("dome-300m", east_m=-300, url=url),
    ]
    wall = make_wall(cameras, size=4)
    changes: list[list[str]] = []
    wall.cameras_changed.connect(changes.append)
    wall.show_incident("INC-2", *SPOT)
    expected = ["dome-40m", "fixed-looking-120m", "fixed-away-10m", "dome-300m"]
    assert wall.cameras_on_wall() == expected and changes[-1] == expected
    assert [t.camera.name for t in wall.tiles()] == [f"测试摄像头 {c}" for c in expected]
    assert [t.rank.covers for t in wall.tiles()] == [True, True, False, False]
    wall.set_layout_size(9)
    assert wall.cameras_on_wall()[:5] == [*expected, "far-1km"]
    assert len(wall.tiles()) == 9 and all(t.isVisible() for t in wall.tiles())


def test_pinned_cameras_stay_when_the_incident_changes(qtbot, make_wall, clip_urls) -> None:
    url = clip_urls[1]
    here = [camera(f"here{i}", north_m=10 * (i + 1), url=url) for i in range(4)]
    there = [camera(f"there{i}", north_m=5000 + 10 * i, url=url) for i in range(4)]
    wall = make_wall(here + there, size=4)
    wall.show_incident("INC-3", *SPOT)
    assert wall.pin_camera("here2")
    assert wall.tile_of("here2").pinned
    there_lat, there_lon = there[0].lat, there[0].lon
    wall.show_incident("INC-4", there_lat, there_lon)
    assert wall.cameras_on_wall() == ["there0", "there1", "here2", "there2"]
    assert wall.incident_id == "INC-4"


def test_a_camera_clicked_on_the_map_is_put_on_the_wall(qtbot, make_wall, clip_urls) -> None:
    url = clip_urls[2]
    cameras = [camera(f"c{i}", north_m=10 * (i + 1), url=url) for i in range(5)]
    wall = make_wall(cameras, size=4)
    wall.show_incident("INC-5", *SPOT)
    notices: list[str] = []
    wall.notice.connect(notices.append)
    wall.put_camera_on_wall("c4")
    assert wall.cameras_on_wall() == ["c0", "c1", "c2", "c4"] and wall.tile_of("c4").selected
    wall.put_camera_on_wall("no-such-camera")
    assert notices and "no-such-camera" in notices[-1]
    qtbot.waitUntil(lambda: live(wall, "c4"), timeout=5000)


def test_a_snapshot_is_stored_and_its_note_produced(qtbot, make_wall, clip_urls, tmp_path: Path) -> None:
    wall = make_wall([camera("cam", north_m=10, url=clip_urls[3], name="北京路步行街南口")], size=1)
    failures: list[str] = []
    wall.snapshot_failed.connect(failures.append)
    wall.put_camera_on_wall("cam")
    qtbot.waitUntil(lambda: live(wall, "cam"), timeout=5000)
    assert not wall.take_snapshot(0) and "incident" in failures[-1]  # nothing to attach it to yet
    wall.show_incident("INC-20240501-0042", *SPOT)
    with qtbot.waitSignal(wall.snapshot_taken, timeout=5000) as taken:
        assert wall.take_snapshot(0)
    incident_id, path, sha256, body = taken.args
    assert incident_id == "INC-20240501-0042"
    assert Path(path) == tmp_path / "blobs" / sha256[:2] / sha256 and Path(path).is_file()
    assert isinstance(body, IncidentNote) and body.incident == incident_id
    assert "北京路步行街南口" in body.text and sha256 in body.text


def test_layouts_switch_from_the_keyboard_and_a_double_click_enlarges_a_tile(qtbot, make_wall, clip_urls) -> None:
    cameras = [camera(f"c{i}", north_m=10 * (i + 1), url=clip_urls[i % 4]) for i in range(9)]
    wall = make_wall(cameras, size=4)
    wall.activateWindow()
    qtbot.waitActive(wall)
    wall.show_incident("INC-6", *SPOT)
    wall.tiles()[0].setFocus()
    qtbot.waitUntil(wall.tiles()[0].hasFocus, timeout=2000)
    focused = wall.tiles()[0]  # shortcuts work while the focus is anywhere in the wall
    QTest.keyClick(focused, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert wall.layout_size == 9 and len(wall.cameras_on_wall()) == 9
    QTest.keyClick(focused, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert wall.layout_size == 1 and wall.cameras_on_wall() == ["c0"]
    QTest.keyClick(focused, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert wall.layout_size == 4

    tile = wall.tiles()[2]
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
    assert wall.enlarged_tile == 2
    assert tile.isVisible() and not any(t.isVisible() for t in wall.tiles() if t is not tile)
    qtbot.waitUntil(lambda: tile.width() > 800, timeout=2000)
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
    assert wall.enlarged_tile is None and all(t.isVisible() for t in wall.tiles())


def test_the_wall_follows_the_incident_selected_anywhere_on_the_desk(qtbot, make_wall, clip_urls) -> None:
    near_spot = [camera(f"a{i}", north_m=10 * (i + 1), url=clip_urls[0]) for i in range(4)]
    elsewhere = [camera(f"b{i}", north_m=8000 + 10 * i, url=clip_urls[1]) for i in range(4)]
    wall = make_wall(near_spot + elsewhere, size=4)
    selection, city = SelectionModel(), CityModel()
    lat, lon = near_spot[0].lat, near_spot[0].lon
    far_lat, far_lon = elsewhere[0].lat, elsewhere[0].lon
    incidents = {"J-1": incident("J-1", lat, lon), "J-2": incident("J-2", far_lat, far_lon)}
    city.set_state(State(incidents=immutables.Map(incidents)))
    follow_selection(wall, selection, city)
    selection.select_incident("J-2")
    assert wall.incident_id == "J-2" and wall.cameras_on_wall() == ["b0", "b1", "b2", "b3"]
    selection.select_incident("J-1")
    assert wall.cameras_on_wall() == ["a0", "a1", "a2", "a3"]
    selection.select_incident("")
    assert wall.incident_id == "" and wall.cameras_on_wall() == ["a0", "a1", "a2", "a3"]  # kept, not followed


def incident(incident_id: str, lat: float, lon: float) -> Incident:
    return Incident(id=incident_id, call_time=0, caller_number="110", lat=lat, lon=lon, address="",
                    district="440104", station="S", incident_type="theft", priority=2,
                    category=Category.POLICE)


def test_the_wall_is_a_strip_until_there_is_something_to_watch(qtbot, make_wall, clip_urls) -> None:  # type: ignore[no-untyped-def]
    cameras = [camera(f"c{i}", north_m=10 * (i + 1), url=clip_urls[i % 4]) for i in range(4)]
    wall = make_wall(cameras, size=4)
    assert wall.collapsed and not any(t.isVisible() for t in wall.tiles())
    with qtbot.waitSignal(wall.collapsedChanged) as opened:
        wall.show_incident("INC-7", *SPOT)
    assert opened.args == [False] and all(t.isVisible() for t in wall.tiles())
    wall.clear_incident()
    assert not wall.collapsed  # the cameras stay until replaced


def test_a_drills_dark_camera_goes_offline_is_passed_over_and_comes_back(qtbot, make_wall, clip_urls) -> None:  # type: ignore[no-untyped-def]
    cameras = [camera(f"cam{i}", north_m=10 * (i + 1), url=clip_urls[i % 4]) for i in range(5)]
    wall = make_wall(cameras, size=4)
    wall.show_incident("INC-D", *SPOT)
    assert wall.cameras_on_wall() == ["cam0", "cam1", "cam2", "cam3"] and wall.first_camera(*SPOT) == "cam0"
    qtbot.waitUntil(lambda: live(wall, "cam0"), timeout=5000)
    dark_since = int(time.time() * 1000)
    wall.set_dark_cameras({"cam0": dark_since})  # the drill's state says the camera went dark
    tile = wall.tile_of("cam0")
    assert tile.state is StreamState.OFFLINE and tile.state_text().startswith("Offline since ")
    frames = tile.frames
    qtbot.wait(600)
    assert tile.frames == frames  # its reader stopped: nothing shows through
    assert wall.first_camera(*SPOT) == "cam1"  # the next pick passes it over, as a camera lost for real
    wall.show_incident("INC-D2", *SPOT)
    assert wall.cameras_on_wall() == ["cam1", "cam2", "cam3", "cam4"]
    wall.set_dark_cameras({})  # back
    assert wall.first_camera(*SPOT) == "cam0"
    wall.show_incident("INC-D3", *SPOT)
    qtbot.waitUntil(lambda: live(wall, "cam0"), timeout=5000)
