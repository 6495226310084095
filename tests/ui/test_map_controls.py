"""The map's own controls: layer switches and legend folded into buttons, and bringing an incident into
view for the desk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.ui.map.bridge import FOCUS_ZOOM
from tests.ui import map_desk
from tests.ui.map_desk import Desk

pytestmark = [pytest.mark.gui, pytest.mark.slow]

desk = map_desk.desk  # the fixture


def panel_shown(desk: Desk, key: str) -> bool:
    return desk.js(f"getComputedStyle(document.querySelector('.dm-fold-{key} .dm-fold-panel')).display") != "none"


def click_button(desk: Desk, key: str) -> None:
    desk.run(f"document.querySelector('.dm-fold-{key} .dm-fold-button').click()")


@pytest.mark.parametrize("key", ["legend", "layers"])
def test_a_panel_opens_on_a_click_and_closes_on_a_second_click_or_esc(desk: Desk, key: str) -> None:
    assert not panel_shown(desk, key)  # the map is not covered until someone asks
    click_button(desk, key)
    assert panel_shown(desk, key)
    assert desk.js(f"document.querySelector('.dm-fold-{key} .dm-fold-panel').getBoundingClientRect().height") > 100
    click_button(desk, key)
    assert not panel_shown(desk, key)

    click_button(desk, key)
    view = desk.window.map_view
    view.setFocus()
    desk.qtbot.keyClick(view.focusProxy(), Qt.Key.Key_Escape)
    desk.qtbot.waitUntil(lambda: not panel_shown(desk, key))


def test_panels_start_closed_on_a_laptop_screen(qtbot, make_workstation) -> None:  # type: ignore[no-untyped-def]
    window = make_workstation()
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.map_view.ready, timeout=30_000)
    small = Desk(qtbot, window, None)  # type: ignore[arg-type]
    assert not panel_shown(small, "legend") and not panel_shown(small, "layers")
    assert small.js("document.querySelector('.dm-fold-legend .dm-fold-button').getBoundingClientRect().height") > 10


def test_the_page_switches_and_the_qt_menu_stay_in_step(desk: Desk) -> None:
    window = desk.window
    checkbox = "document.querySelector('.dm-fold-layers input[data-layer=\"{}\"]')"
    assert desk.js("DispatchMap.layerVisible('cameras')") is False
    window.layer_menu.layer_actions["cameras"].setChecked(True)
    desk.qtbot.waitUntil(lambda: desk.js("DispatchMap.layerVisible('cameras')") is True)
    assert desk.js(checkbox.format("cameras") + ".checked") is True

    action = window.layer_menu.layer_actions["patrol"]
    assert action.isChecked()
    click_button(desk, "layers")
    desk.run("""Array.from(document.querySelectorAll('.dm-layer-row'))
               .find(l => l.textContent.trim() === '巡组').querySelector('input').click()""")
    desk.qtbot.waitUntil(lambda: not action.isChecked())
    assert desk.js("DispatchMap.layerVisible('patrol')") is False
    action.setChecked(True)
    desk.qtbot.waitUntil(lambda: desk.js(checkbox.format("patrol") + ".checked") is True)
    assert desk.js("DispatchMap.layerVisible('patrol')") is True


def _view(desk: Desk) -> tuple[float, float, float]:
    lat, lon, zoom = desk.js("[DispatchMap.map.getCenter().lat, DispatchMap.map.getCenter().lng, "
                             "DispatchMap.map.getZoom()]")
    return lat, lon, zoom


def test_focus_incident_brings_a_new_incident_into_view_and_highlights_it(desk: Desk) -> None:
    desk.run("DispatchMap.map.setZoom(10)")
    desk.window.map_bridge.focus_incident("J09999")  # called at once: its event is still on the way
    desk.log.create("J09999", lat=23.40, lon=113.25, address="花都区某路1号")
    desk.push()

    def there() -> bool:
        lat, lon, zoom = _view(desk)
        return abs(lat - 23.40) < 1e-4 and abs(lon - 113.25) < 1e-4 and zoom == FOCUS_ZOOM

    desk.qtbot.waitUntil(there)
    assert desk.js("DispatchMap.focused") == "J09999"
    assert desk.js("DispatchMap.map.hasLayer(DispatchMap.focusMarker)") is True
    ring = desk.js("[DispatchMap.focusMarker.getLatLng().lat, DispatchMap.focusMarker.getLatLng().lng]")
    assert ring == pytest.approx([23.40, 113.25])


def test_focus_keeps_a_closer_view_as_it_is(desk: Desk) -> None:
    incident = next(i for i in desk.log.state.incidents.values() if i.is_open)
    desk.run("DispatchMap.map.setZoom(18)")
    desk.window.map_bridge.focus_incident(incident.id)
    desk.qtbot.waitUntil(lambda: desk.js("DispatchMap.focused") == incident.id)
    lat, lon, zoom = _view(desk)
    assert (lat, lon, zoom) == (pytest.approx(incident.lat, abs=1e-5), pytest.approx(incident.lon, abs=1e-5), 18)
