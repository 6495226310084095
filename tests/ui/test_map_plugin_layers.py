"""Layers a plugin contributes to the map: drawn with their styles and labels, listed in the layer switches
and the legend after the desk's own, clickable, kept across a page reload, and gone when removed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from dispatch_desktop.api.map_layers import LegendEntry, Line, MapLayer, Point, Polygon, Style
from dispatch_desktop.domain.city import City
from dispatch_desktop.ui.map.plugin_layers import PluginLayers
from tests.ui import map_desk
from tests.ui.map_desk import Desk

pytestmark = [pytest.mark.gui, pytest.mark.slow]

desk = map_desk.desk  # the fixture

LAYER = "shift_log.places"
RED = Style(colour="#d32f2f", fill="#ffcdd2", radius=9, weight=3, fill_opacity=0.8, permanent_label=True)
ROUTE = Style(colour="#6a1b9a", weight=4, dash="6 4", opacity=0.7)
ZONE = Style(colour="#00695c", fill="#80cbc4", fill_opacity=0.3)


def features(lat: float, lon: float) -> list[Any]:
    return [
        Point("handover", lat, lon, label="Handover point", style=RED),
        Line("route", [(lat, lon), (lat + 0.01, lon + 0.02)], label="Escort route", style=ROUTE),
        Polygon("zone", [[(lat, lon), (lat + 0.01, lon), (lat + 0.01, lon + 0.01)]], label="Cordon", style=ZONE),
    ]


def page_layer(desk: Desk, layer_id: str = LAYER) -> dict[str, Any] | None:
    return desk.js(f"DispatchMap.pluginLayer('{layer_id}')")  # type: ignore[no-any-return]


def wait_drawn(desk: Desk, count: int, layer_id: str = LAYER) -> dict[str, Any]:
    desk.qtbot.waitUntil(lambda: (page_layer(desk, layer_id) or {}).get("count") == count, timeout=10_000)
    layer = page_layer(desk, layer_id)
    assert layer is not None
    return layer


def outside_the_city(city: City) -> tuple[float, float]:
    """A spot north of the city: no unit or incident there, so a click can only meet what a test draws."""
    return city.bbox.north + 0.02, (city.bbox.west + city.bbox.east) / 2


def add_layer(desk: Desk, title: str | Callable[[], str] = "Shift log places", visible: bool = True,
              layer_id: str = LAYER) -> MapLayer:
    return desk.window.map_bridge.plugin_layers.add(layer_id, title, visible)


# --- what a plugin may hand over -------------------------------------------------------------------------

@pytest.mark.parametrize(("make", "message"), [
    (lambda: Point("p", 95.0, 113.0), "latitude 95.0 is outside -90..90"),
    (lambda: Point("p", 23.0, 213.0), "longitude 213.0 is outside -180..180"),
    (lambda: Point("p", float("nan"), 113.0), "must be a finite number"),
    (lambda: Point("", 23.0, 113.0), "id must be a non-empty text"),
    (lambda: Point("p", 23.0, 113.0, style=Style(colour="red")), "colour 'red' must be '#rrggbb'"),
    (lambda: Style(fill="#12345"), "fill '#12345' must be '#rrggbb'"),
    (lambda: Style(weight=-1), "weight -1 must lie between 0 and 20"),
    (lambda: Style(opacity=2), "opacity must lie between 0 and 1"),
    (lambda: Style(dash="long"), "dash 'long' must be pixel lengths"),
    (lambda: Line("l", [(23.0, 113.0)]), r"line 'l' has 1 point\(s\); a line needs at least 2"),
    (lambda: Line("l", [(23.0, 113.0), (23.0,)]), r"points\[1\]: must be a \(latitude, longitude\) pair"),
    (lambda: Polygon("z", [[(23.0, 113.0), (23.1, 113.0), (23.0, 113.0)]]), r"rings\[0\] has 2 corner"),
    (lambda: Polygon("z", [(23.0, 113.0), (23.1, 113.0), (23.1, 113.1)]), "for one ring write rings="),
    (lambda: LegendEntry(""), "label must be a non-empty text"),
    (lambda: LegendEntry("x", shape="circle"), "shape 'circle' must be 'point', 'line' or 'polygon'"),  # type: ignore[arg-type]
])
def test_a_feature_that_cannot_be_drawn_is_refused_where_it_is_made(make: Callable[[], object],
                                                                      message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_a_layer_refuses_what_is_not_a_feature_and_features_sharing_an_id(qapp) -> None:  # type: ignore[no-untyped-def]
    layers = PluginLayers()
    layer = layers.add(LAYER, "Places")
    with pytest.raises(ValueError, match="item 1 is a dict, not a Point, Line or Polygon"):
        layer.set_features([Point("a", 23.0, 113.0), {"id": "b"}])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="two features have the id 'a'"):
        layer.set_features([Point("a", 23.0, 113.0), Point("a", 23.1, 113.0)])
    with pytest.raises(ValueError, match="already on the map"):
        layers.add(LAYER, "Places again")
    with pytest.raises(ValueError, match=r"must be '<plugin id>\.<name>'"):
        layers.add("places", "Places")


# --- on the page -------------------------------------------------------------------------------------------

def test_a_contributed_layer_draws_points_lines_and_areas_with_their_labels_and_styles(desk: Desk,
                                                                                     city: City) -> None:
    lat, lon = outside_the_city(city)
    add_layer(desk).set_features(features(lat, lon))
    drawn = {f["id"]: f for f in wait_drawn(desk, 3)["features"]}

    point, route, zone = drawn["handover"], drawn["route"], drawn["zone"]
    assert point["kind"] == "point" and point["latlngs"] == pytest.approx([lat, lon])
    assert point["look"]["color"] == "#d32f2f" and point["look"]["fillColor"] == "#ffcdd2"
    assert point["look"]["fillOpacity"] == 0.8 and point["radius"] == 9 and point["weight"] == 3
    assert point["label"] == "Handover point" and point["permanent"] is True
    assert route["kind"] == "line" and route["look"]["fillColor"] is None
    assert route["look"]["dashArray"] == "6 4" and route["opacity"] == 0.7 and route["weight"] == 4
    assert route["latlngs"][0] == pytest.approx([lat, lon]) and route["permanent"] is False
    assert zone["kind"] == "polygon" and zone["look"]["shape"] == "area"
    assert zone["look"]["fillColor"] == "#80cbc4" and zone["look"]["fillOpacity"] == 0.3
    assert len(zone["latlngs"][0]) == 3
    # The permanent label is written on the map; the others show under the pointer.
    assert "Handover point" in desk.js("Array.from(document.querySelectorAll('.dm-plugin-label'))"
                                       ".map(e => e.textContent).join('|')")
    desk.run(f"DispatchMap.map.setView([{lat + 0.005}, {lon + 0.01}], 14, {{animate: false}})")
    desk.run(f"""DispatchMap.layers['{LAYER}'].eachLayer(function (f) {{
                   if (f.dmFeature === 'route') {{ f.fire('mouseover', {{latlng: f.getCenter()}}, true); }} }})""")
    assert desk.js(f"""(function () {{ var tip = null; DispatchMap.layers['{LAYER}'].eachLayer(function (f) {{
                     if (f.dmFeature === 'route' && f.isTooltipOpen()) {{ tip = f.getTooltip().getContent(); }} }});
                     return tip; }})()""") == "Escort route"


def test_new_features_replace_what_the_layer_drew(desk: Desk, city: City) -> None:
    lat, lon = outside_the_city(city)
    layer = add_layer(desk)
    layer.set_features(features(lat, lon))
    wait_drawn(desk, 3)
    layer.set_features([Point("moved", lat - 0.01, lon)])
    assert [f["id"] for f in wait_drawn(desk, 1)["features"]] == ["moved"]
    layer.clear()
    assert wait_drawn(desk, 0)["features"] == []


def test_a_big_layer_redrawn_often_goes_to_the_page_once_with_the_last_features(desk: Desk, city: City) -> None:
    bbox = city.bbox
    layer = add_layer(desk)
    flushed: list[tuple[str, int]] = []
    desk.window.map_bridge.plugin_layers.flushed.connect(lambda layer_id, size: flushed.append((layer_id, size)))
    for round_ in range(10):  # a plugin redrawing on every event of a busy second
        layer.set_features([Point(f"p{n}-{round_}", bbox.south + (bbox.north - bbox.south) * (n % 100) / 100,
                                  bbox.west + (bbox.east - bbox.west) * (n // 100) / 50) for n in range(5_000)])
    drawn = wait_drawn(desk, 5_000)
    assert len(flushed) == 1
    assert {f["id"].rsplit("-", 1)[1] for f in drawn["features"]} == {"9"}
    assert flushed[0][1] < 5_000 * 40  # compact: about 30 bytes a point


def test_the_qt_menu_and_the_page_switch_a_contributed_layer_in_step(desk: Desk, city: City) -> None:
    lat, lon = outside_the_city(city)
    layer = add_layer(desk)
    layer.set_features(features(lat, lon))
    wait_drawn(desk, 3)
    action = desk.window.layer_menu.layer_actions[LAYER]
    assert action.text() == "Shift log places" and action.isChecked()
    assert list(desk.window.layer_menu.layer_actions)[-1] == LAYER  # after the desk's own layers

    action.setChecked(False)
    desk.qtbot.waitUntil(lambda: (page_layer(desk) or {}).get("visible") is False)
    checkbox = f"document.querySelector('.dm-fold-layers input[data-layer=\"{LAYER}\"]')"
    assert desk.js(checkbox + ".checked") is False and layer.visible is False

    desk.run(checkbox + ".click()")
    desk.qtbot.waitUntil(action.isChecked)
    assert layer.visible is True and (page_layer(desk) or {}).get("visible") is True

    layer.set_visible(False)  # the plugin switches it: the menu follows
    assert not action.isChecked()
    desk.qtbot.waitUntil(lambda: (page_layer(desk) or {}).get("visible") is False)


def test_the_legend_and_the_switches_list_the_layer_after_the_desks_own(desk: Desk) -> None:
    layer = add_layer(desk)
    layer.set_legend([LegendEntry("Handover point", RED), LegendEntry("Escort route", ROUTE, "line"),
                      LegendEntry(lambda: "Cordon", ZONE, "polygon")])
    desk.qtbot.waitUntil(lambda: desk.js("document.querySelector('.dm-legend-section:last-child "
                                         ".dm-legend-title').textContent") == "Shift log places")
    rows = desk.js("""Array.from(document.querySelectorAll('.dm-legend-section:last-child .dm-legend-row'))
                      .map(r => [r.textContent, r.dataset.group, JSON.parse(r.dataset.looks)])""")
    assert [(text, group) for text, group, _ in rows] == [
        ("Handover point", LAYER), ("Escort route", LAYER), ("Cordon", LAYER)]
    assert [looks[0]["shape"] for _, _, looks in rows] == ["circle", "line", "area"]
    assert rows[0][2][0]["fillColor"] == "#ffcdd2" and rows[1][2][0]["dashArray"] == "6 4"
    blank = desk.js("""Array.from(document.querySelectorAll('.dm-legend-section:last-child canvas')).filter(c => {
        var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (var n = 3; n < data.length; n += 4) { if (data[n] > 0) { return false; } }
        return true; }).length""")
    assert blank == 0
    switches = desk.js("Array.from(document.querySelectorAll('.dm-layer-row input')).map(i => i.dataset.layer)")
    assert switches[-1] == LAYER and switches.index("cameras") < switches.index(LAYER)


def test_a_click_on_a_feature_is_reported_to_the_plugin_with_its_id(desk: Desk, city: City) -> None:
    lat, lon = outside_the_city(city)
    layer = add_layer(desk)
    clicked: list[str] = []
    layer.on_click(clicked.append)
    layer.set_features(features(lat, lon))
    wait_drawn(desk, 3)
    desk.qtbot.waitUntil(lambda: (page_layer(desk) or {}).get("clickable") is True)
    assert desk.js(f"DispatchMap.clickPluginFeature('{LAYER}', 'route')") is True
    desk.qtbot.waitUntil(lambda: clicked == ["route"])


def real_click(desk: Desk, position: list[float]) -> None:
    desk.qtbot.mouseClick(desk.window.map_view.focusProxy(), Qt.MouseButton.LeftButton,
                          pos=QPoint(round(position[0]), round(position[1])))


def test_a_real_click_on_a_feature_selects_nothing_else_and_is_no_click_on_the_map(desk: Desk, city: City) -> None:
    lat, lon = outside_the_city(city)
    bridge = desk.window.map_bridge
    layer = add_layer(desk)
    clicked: list[str] = []
    layer.on_click(clicked.append)
    layer.set_features([Point("handover", lat, lon, style=RED)])
    wait_drawn(desk, 1)
    desk.qtbot.waitUntil(lambda: (page_layer(desk) or {}).get("clickable") is True)
    desk.run(f"DispatchMap.map.setView([{lat}, {lon}], 15, {{animate: false}})")
    elsewhere: list[object] = []
    for signal in (bridge.mapClicked, bridge.unitClicked, bridge.incidentClicked):
        signal.connect(lambda *args: elsewhere.append(args))

    real_click(desk, desk.js(f"DispatchMap.pluginFeatureAt('{LAYER}', 'handover')"))
    desk.qtbot.waitUntil(lambda: clicked == ["handover"])
    assert elsewhere == [] and desk.window.selection.unit == "" and desk.window.selection.incident == ""

    # A unit drawn on top of the layer (the units' canvas lies above it) takes its own clicks.
    unit_id = next(iter(desk.js("Object.keys(DispatchMap.units).filter(id => DispatchMap.unitOnMap(id))")))
    desk.run(f"DispatchMap.map.setView(DispatchMap.unitPosition('{unit_id}'), 17, {{animate: false}})")
    ulat, ulon = desk.js(f"DispatchMap.unitPosition('{unit_id}')")
    layer.set_features([Point("under", ulat, ulon)])
    wait_drawn(desk, 1)
    real_click(desk, desk.js(f"""(function () {{ var p = DispatchMap.map.latLngToContainerPoint([{ulat}, {ulon}]);
                                   return [p.x, p.y]; }})()"""))
    desk.qtbot.waitUntil(lambda: desk.window.selection.unit != "")  # this unit, or one beside it
    assert clicked == ["handover"]


def test_a_label_shows_while_the_pointer_is_over_its_feature(desk: Desk, city: City) -> None:
    lat, lon = outside_the_city(city)
    add_layer(desk).set_features([Point("handover", lat, lon, label="Handover point")])
    wait_drawn(desk, 1)
    desk.run(f"DispatchMap.map.setView([{lat}, {lon}], 15, {{animate: false}})")
    x, y = desk.js(f"DispatchMap.pluginFeatureAt('{LAYER}', 'handover')")
    tooltips = "Array.from(document.querySelectorAll('.leaflet-tooltip')).map(e => e.textContent)"

    def pointer_at(dx: int, dy: int) -> Callable[[], list[str]]:
        def labels() -> list[str]:
            # Moved again on each look: the web view may take the first move for the pointer coming in.
            desk.qtbot.mouseMove(desk.window.map_view.focusProxy(), QPoint(round(x) + dx, round(y) + dy))
            return desk.js(tooltips)  # type: ignore[no-any-return]
        return labels

    over, away = pointer_at(1, 0), pointer_at(150, 150)
    desk.qtbot.waitUntil(lambda: "Handover point" in over())
    desk.qtbot.waitUntil(lambda: "Handover point" not in away())


def test_a_layer_nobody_listens_to_lets_clicks_through_to_the_map(desk: Desk, city: City) -> None:
    lat, lon = outside_the_city(city)
    add_layer(desk).set_features([Polygon("zone", [[(lat - 0.01, lon - 0.01), (lat + 0.01, lon - 0.01),
                                                    (lat + 0.01, lon + 0.01), (lat - 0.01, lon + 0.01)]],
                                          label="Cordon", style=ZONE)])
    wait_drawn(desk, 1)
    desk.run(f"DispatchMap.map.setView([{lat}, {lon}], 14, {{animate: false}})")
    with desk.qtbot.waitSignal(desk.window.map_bridge.mapClicked) as map_click:
        real_click(desk, desk.js(f"DispatchMap.pluginFeatureAt('{LAYER}', 'zone')"))
    assert map_click.args == pytest.approx([lat, lon], abs=1e-3)


def test_a_click_in_an_area_a_plugin_listens_to_is_reported_and_is_also_a_click_on_that_spot(
        desk: Desk, city: City) -> None:
    """An area layer covering the city (station areas, say) must leave the dispatcher a map to click on."""
    lat, lon = outside_the_city(city)
    layer = add_layer(desk)
    clicked: list[str] = []
    layer.on_click(clicked.append)
    layer.set_features([Polygon("zone", [[(lat - 0.01, lon - 0.01), (lat + 0.01, lon - 0.01),
                                          (lat + 0.01, lon + 0.01), (lat - 0.01, lon + 0.01)]], style=ZONE)])
    wait_drawn(desk, 1)
    desk.qtbot.waitUntil(lambda: (page_layer(desk) or {}).get("clickable") is True)
    desk.run(f"DispatchMap.map.setView([{lat}, {lon}], 14, {{animate: false}})")
    with desk.qtbot.waitSignal(desk.window.map_bridge.mapClicked) as map_click:
        real_click(desk, desk.js(f"DispatchMap.pluginFeatureAt('{LAYER}', 'zone')"))
    assert map_click.args == pytest.approx([lat, lon], abs=1e-3)
    desk.qtbot.waitUntil(lambda: clicked == ["zone"])


def test_a_reloaded_page_gets_the_contributed_layers_again(desk: Desk, city: City) -> None:
    lat, lon = outside_the_city(city)
    layer = add_layer(desk)
    layer.set_features(features(lat, lon))
    layer.set_legend([LegendEntry("Handover point", RED)])
    layer.set_visible(False)
    wait_drawn(desk, 3)
    desk.run("window.beforeReload = true")

    desk.window.map_view.reload()
    desk.qtbot.waitUntil(lambda: desk.window.map_view.ready and desk.js("window.beforeReload") is None,
                         timeout=30_000)
    again = wait_drawn(desk, 3)
    assert again["visible"] is False and again["title"] == "Shift log places"
    assert {f["id"] for f in again["features"]} == {"handover", "route", "zone"}
    assert "Handover point" in desk.js("document.querySelector('.dm-fold-legend').textContent")


def test_a_removed_layer_is_gone_from_the_page_the_menu_and_the_legend(desk: Desk, city: City) -> None:
    lat, lon = outside_the_city(city)
    layers = desk.window.map_bridge.plugin_layers
    layer = add_layer(desk)
    add_layer(desk, "Other places", layer_id="shift_log.others").set_features([Point("o", lat, lon)])
    layer.set_features(features(lat, lon))
    layer.set_legend([LegendEntry("Handover point", RED)])
    wait_drawn(desk, 3)
    wait_drawn(desk, 1, "shift_log.others")

    layers.remove_plugin("shift_log")  # its plugin disabled after repeated faults
    desk.qtbot.waitUntil(lambda: desk.js("DispatchMap.pluginLayerIds()") == [])
    assert page_layer(desk) is None
    assert desk.js("document.querySelectorAll('.dm-plugin-label').length") == 0
    assert "Handover point" not in desk.js("document.querySelector('.dm-fold-legend').textContent")
    switches = desk.js("Array.from(document.querySelectorAll('.dm-layer-row input')).map(i => i.dataset.layer)")
    assert LAYER not in switches and "cameras" in switches
    assert LAYER not in desk.window.layer_menu.layer_actions
    assert not any(a.objectName() == f"layer_{LAYER}" for a in desk.window.layer_menu.actions())
    layer.set_features(features(lat, lon))  # the plugin's late calls change nothing
    assert layers.ids() == [] and layers.flush() == 0


def test_titles_and_legend_labels_follow_the_desks_language(desk: Desk) -> None:
    language = desk.window.language
    names = {"zh_CN": "交接地点", "en": "Handover places"}
    layer = add_layer(desk, lambda: names[language.language])
    layer.set_legend([LegendEntry(lambda: names[language.language] + " ·", RED)])
    action = desk.window.layer_menu.layer_actions[LAYER]
    assert action.text() == "交接地点"

    desk.window.language_actions["en"].trigger()
    assert action.text() == "Handover places"
    desk.qtbot.waitUntil(lambda: (page_layer(desk) or {}).get("title") == "Handover places")
    assert "Handover places" in desk.js("document.querySelector('.dm-fold-layers').textContent")
    assert "Handover places ·" in desk.js("document.querySelector('.dm-fold-legend').textContent")
