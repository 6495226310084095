"""The live map: it really renders offline, takes batched deltas, and shares the selection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.ui.map.page import build_page, remote_references
from dispatch_desktop.ui.map.view import MapView, OfflineGuard
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel
from dispatch_desktop.ui.palette import DISTRICT_FILLS, MAP_BACKGROUND
from tests.ui import map_desk
from tests.ui.map_desk import LABELS, Desk
from tests.ui.test_city_model import _show

pytestmark = [pytest.mark.gui, pytest.mark.slow]

desk = map_desk.desk  # the fixture


def _district_pixels(image: QImage) -> dict[str, int]:
    """How many pixels show each district's fill: a colour on the way from the background to the fill
    (the fill is drawn see-through; how see-through does not matter here)."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    pixels = rows[:, : image.width() * 3].reshape(-1, 3).astype(float)
    background = np.array(QColor(MAP_BACKGROUND).getRgb()[:3], dtype=float)
    offsets = pixels - background
    counts = {}
    for fill in DISTRICT_FILLS:
        direction = np.array(QColor(fill).getRgb()[:3], dtype=float) - background
        share = offsets @ direction / (direction @ direction)
        residual = np.linalg.norm(offsets - share[:, None] * direction, axis=1)
        counts[fill] = int(np.count_nonzero((share > 0.25) & (share < 1.05) & (residual < 6)))
    return counts


def test_the_map_renders_leaflet_and_the_eleven_districts(desk: Desk) -> None:
    desk.qtbot.waitUntil(lambda: desk.window.map_view.leaflet_loaded)
    assert desk.js("typeof L") == "object"
    assert desk.js("L.version") == "1.9.3"
    assert desk.js("DispatchMap.districtCount()") == 11
    assert desk.js(f"document.querySelectorAll('{LABELS}').length") == 11

    def enough() -> bool:
        counts = _district_pixels(desk.window.map_view.grab().toImage())
        return sum(counts.values()) > 100_000 and sum(1 for n in counts.values() if n > 200) >= 8

    desk.qtbot.waitUntil(enough, timeout=15_000)
    labels = desk.js(f"Array.from(document.querySelectorAll('{LABELS}')).map(e => e.textContent)")
    assert "天河区" in labels and "从化区" in labels


def test_a_unit_move_reaches_the_page_as_a_small_delta(desk: Desk) -> None:
    unit = next(u for u in desk.log.state.units.values() if u.status == "available")
    desk.log.move(unit.id, 23.1502, 113.3301)
    with desk.qtbot.waitSignal(desk.window.map_bridge.flushed) as flushed:
        desk.push()
    unit_rows, incident_rows, size = flushed.args
    assert (unit_rows, incident_rows) == (1, 0)
    assert size < 200
    assert desk.js(f"DispatchMap.unitPosition('{unit.id}')") == [23.1502, 113.3301]


def test_moves_within_one_interval_go_out_as_one_delta(desk: Desk) -> None:
    moving = [u.id for u in desk.log.state.units.values() if u.status == "available"][:250]
    flushes: list[tuple[int, int, int]] = []
    desk.window.map_bridge.flushed.connect(lambda *args: flushes.append(args))
    for n, unit_id in enumerate(moving):  # states arriving back to back, faster than the flush interval
        desk.log.move(unit_id, 23.05 + n / 10_000, 113.25)
        _show(desk.window.city_model, desk.log)
    desk.qtbot.waitUntil(lambda: bool(flushes))
    assert flushes == [(250, 0, flushes[0][2])]
    last = moving[-1]
    assert desk.js(f"DispatchMap.unitPosition('{last}')") == [round(23.05 + 249 / 10_000, 6), 113.25]


def test_a_unit_clicked_on_the_map_is_selected_in_the_board_and_a_board_pick_shows_on_the_map(desk: Desk) -> None:
    window = desk.window
    unit = next(u for u in desk.log.state.units.values() if u.kind is UnitKind.PATROL_GROUP and u.status == "available")
    desk.run(f"DispatchMap.clickUnit('{unit.id}')")
    desk.qtbot.waitUntil(lambda: window.selection.unit == unit.id)
    assert window.views.unit_board.current_key() == unit.id

    other = next(u for u in desk.log.state.units.values() if u.status == "available" and u.id != unit.id)
    window.views.unit_board.search.setText(other.name)
    window.views.unit_board.view.selectRow(0)
    assert window.selection.unit == other.id
    desk.qtbot.waitUntil(lambda: desk.js("DispatchMap.selected.id") == other.id)
    assert desk.js("DispatchMap.map.hasLayer(DispatchMap.selectionRing)") is True


def test_an_incident_clicked_on_the_map_opens_in_the_queue_and_the_detail(desk: Desk) -> None:
    window = desk.window
    incident = next(i for i in desk.log.state.incidents.values() if i.is_open)
    window.map_bridge.center_on(incident.lat, incident.lon, 17)  # close in: no clusters
    desk.qtbot.waitUntil(lambda: desk.js("DispatchMap.map.getZoom()") == 17)
    desk.qtbot.waitUntil(lambda: desk.js(f"DispatchMap.clickIncident('{incident.id}')") is True)
    desk.qtbot.waitUntil(lambda: window.selection.incident == incident.id)
    assert window.views.incident_queue.current_key() == incident.id
    assert window.views.incident_detail.heading.text().startswith(incident.id)


def test_zoomed_out_incidents_gather_in_clusters_that_count_them(desk: Desk) -> None:
    desk.run("DispatchMap.map.setZoom(9)")
    shown = sum(1 for i in desk.log.state.incidents.values() if i.status in ("new", "dispatched", "on_scene"))

    def counted() -> tuple[list[int], int]:
        clusters = desk.js("Array.from(document.querySelectorAll('.leaflet-dm-clusters-pane .dm-cluster span'))"
                           ".map(e => +e.textContent)")
        singles = desk.js("(function () { var n = 0; DispatchMap.layers.incidents.eachLayer(function (l) {"
                          " if (l.dmIncident) { n++; } }); return n; })()")
        return clusters, singles

    desk.qtbot.waitUntil(lambda: sum(counted()[0]) + counted()[1] == shown)
    clusters, singles = counted()
    assert clusters and max(clusters) >= 2 and singles < shown


def test_follow_keeps_the_map_centred_on_the_unit(desk: Desk) -> None:
    window = desk.window
    unit = next(u for u in desk.log.state.units.values() if u.status == "available")
    window.selection.select_unit(unit.id)
    window.views.unit_board.follow_button.click()
    assert window.selection.follow == unit.id
    desk.log.move(unit.id, 23.55, 113.58)  # off to 从化
    desk.push()

    def centred() -> bool:
        lat, lon = desk.js("[DispatchMap.map.getCenter().lat, DispatchMap.map.getCenter().lng]")
        return abs(lat - 23.55) < 0.002 and abs(lon - 113.58) < 0.002

    desk.qtbot.waitUntil(centred)


def test_a_camera_clicked_on_the_map_is_offered_to_the_video_wall(desk: Desk, city: City) -> None:
    camera = city.cameras[7]
    desk.window.layer_menu.layer_actions["cameras"].setChecked(True)
    with desk.qtbot.waitSignal(desk.window.map_bridge.cameraClicked) as clicked:
        desk.qtbot.waitUntil(lambda: desk.js(f"DispatchMap.clickCamera('{camera.id}')") is True)
    assert clicked.args == [camera.id]


def test_a_click_on_an_empty_spot_reports_its_position(desk: Desk) -> None:
    with desk.qtbot.waitSignal(desk.window.map_bridge.mapClicked) as clicked:
        desk.run("DispatchMap.map.fire('click', {latlng: L.latLng(23.125, 113.321)})")
    assert clicked.args == pytest.approx([23.125, 113.321])


def test_the_map_speaks_the_desks_language(desk: Desk) -> None:
    desk.window.language_actions["en"].trigger()

    def english() -> bool:
        labels = desk.js(f"Array.from(document.querySelectorAll('{LABELS}')).map(e => e.textContent)")
        control = desk.js("document.querySelector('.dm-fold-layers').textContent")
        legend = desk.js("document.querySelector('.dm-fold-legend').textContent")
        return ("Tianhe" in labels and "Patrol groups" in control and "Layers" in control
                and "P1 critical" in legend and "Legend" in legend)

    desk.qtbot.waitUntil(english)


class RecordingInterceptor(QWebEngineUrlRequestInterceptor):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        self.urls.append(info.requestUrl().toString())


@pytest.fixture
def recorded_requests() -> Iterator[RecordingInterceptor]:
    recorder = RecordingInterceptor()
    profile = QWebEngineProfile.defaultProfile()
    profile.setUrlRequestInterceptor(recorder)
    yield recorder
    profile.setUrlRequestInterceptor(None)


def test_no_request_leaves_the_machine(recorded_requests: RecordingInterceptor, desk: Desk) -> None:
    window = desk.window
    desk.run("DispatchMap.map.setZoom(12)")
    window.layer_menu.layer_actions["cameras"].setChecked(True)
    desk.qtbot.waitUntil(lambda: desk.js("DispatchMap.layerVisible('cameras')") is True)
    urls = recorded_requests.urls
    assert any(url.endswith("/lib/leaflet/leaflet.js") for url in urls)
    assert [url for url in urls if url.split(":", 1)[0] not in ("file", "qrc", "data")] == []
    assert list(window.map_view.guard.blocked) == []
    assert window.map_view.page_file is not None
    assert remote_references(window.map_view.page_file.read_text(encoding="utf-8")) == []


def test_a_page_that_reaches_for_another_host_gets_nothing(recorded_requests: RecordingInterceptor,
                                                           desk: Desk) -> None:
    probe = "http://127.0.0.1:9/probe.png"  # loopback: even if it went out it would stay on the machine
    desk.run(f"window.probe = 'loading'; var img = new Image(); img.onerror = () => window.probe = 'failed';"
             f"img.onload = () => window.probe = 'loaded'; img.src = '{probe}';")
    desk.qtbot.waitUntil(lambda: desk.js("window.probe") != "loading")
    assert desk.js("window.probe") == "failed"
    assert probe not in recorded_requests.urls or probe in desk.window.map_view.guard.blocked


class FakeRequest:
    def __init__(self, url: str) -> None:
        self.url = QUrl(url)
        self.blocked = False

    def requestUrl(self) -> QUrl:
        return self.url

    def block(self, shall_block: bool) -> None:
        self.blocked = shall_block


@pytest.mark.parametrize(("url", "blocked"), [
    ("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", True),
    ("http://tile.openstreetmap.org/9/417/222.png", True),
    ("wss://example.org/socket", True),
    ("http://tiles.police.local/9/417/222.png", False),  # the configured intranet tile server
    ("file:///srv/map/index.html", False),
    ("qrc:///qtwebchannel/qwebchannel.js", False),
])
def test_the_offline_guard_lets_only_local_files_and_the_tile_server_through(qapp, url: str,  # type: ignore[no-untyped-def]
                                                                            blocked: bool) -> None:
    guard = OfflineGuard(("http://tiles.police.local/",))
    request = FakeRequest(url)
    guard.interceptRequest(request)  # type: ignore[arg-type]
    assert request.blocked is blocked
    assert (url in guard.blocked) is blocked


def test_a_page_without_leaflet_is_reported_not_shown_blank(qtbot, make_workstation, city: City,  # type: ignore[no-untyped-def]
                                                            map_cache: Path, tmp_path: Path) -> None:
    broken = tmp_path / "cache"
    page = build_page(city, broken)
    (page.directory / "lib" / "leaflet" / "leaflet.js").unlink()
    view = MapView(city, CityModel(), SelectionModel(), cache_dir=broken)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.mapFailed, timeout=30_000) as failed:
        view.show()
    assert "Leaflet did not load" in failed.args[0]
    assert not view.ready and not view.leaflet_loaded
