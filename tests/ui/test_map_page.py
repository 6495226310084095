"""The generated map page: local scripts only, an optional intranet tile layer, built once per city."""

from __future__ import annotations

import re
from pathlib import Path

import folium.plugins
import pytest

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.ui.map.bridge import MapBridge
from dispatch_desktop.ui.map.page import (
    MAP_RESOURCES,
    OfflineMap,
    OfflinePageError,
    assert_offline,
    build_page,
    remote_references,
    render_html,
    type_class,
)
from dispatch_desktop.ui.map.symbols import UNIT_RADIUS, UNIT_SHAPES
from dispatch_desktop.ui.map.texts import MAP_UI
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel

TILES = "http://tiles.police.local/{z}/{x}/{y}.png"


def test_the_page_references_nothing_outside_the_machine(city: City) -> None:
    html = render_html(city)
    assert remote_references(html) == []
    assert '<script src="lib/leaflet/leaflet.js">' in html
    assert '<script src="qrc:///qtwebchannel/qwebchannel.js">' in html
    assert "bootstrap" not in html and "awesome" not in html
    assert "L.tileLayer" not in html  # a plain background unless a tile server is configured


def test_a_configured_intranet_tile_server_becomes_the_base_layer(city: City) -> None:
    html = render_html(city, TILES)
    assert "L.tileLayer" in html and "tiles.police.local" in html
    assert_offline(html, allowed_prefixes=("http://tiles.police.local/",))


def test_a_page_element_that_would_load_from_a_cdn_is_refused(city: City) -> None:
    fmap = OfflineMap(location=[23.1, 113.3], tiles=None)
    folium.plugins.MarkerCluster().add_to(fmap)  # its scripts live on a CDN
    with pytest.raises(OfflinePageError, match="outside the machine"):
        assert_offline(fmap.get_root().render())


def test_the_page_is_built_once_per_city_and_tile_server(city: City, tmp_path: Path) -> None:
    first = build_page(city, tmp_path)
    for name in ("index.html", "static_layers.js", "dispatch_map.js", "lib/leaflet/leaflet.js",
                 "lib/leaflet/images/layers.png", "lib/jquery/jquery.min.js"):
        assert (first.directory / name).is_file(), name
    stamp = first.index.stat().st_mtime_ns
    again = build_page(city, tmp_path)
    assert again.directory == first.directory and again.index.stat().st_mtime_ns == stamp
    assert build_page(city, tmp_path, tile_url=TILES).directory != first.directory
    assert [p.name for p in (tmp_path / "map").iterdir() if p.name.startswith(".build-")] == []


@pytest.mark.parametrize(("incident_type", "expected"), [
    ("terror", "critical"), ("knife_attack", "critical"), ("fight", "violent"), ("burglary", "property"),
    ("traffic_damage", "traffic"), ("dispute", "order"), ("noise", "non_police"), ("something_new", "order"),
])
def test_incident_types_get_their_map_symbol_family(incident_type: str, expected: str) -> None:
    assert type_class(incident_type) == expected


def test_every_word_the_page_shows_comes_translated_from_python(qapp) -> None:  # type: ignore[no-untyped-def]
    """The page has no words of its own: each ``ui.<key>`` / ``lb.<key>`` it reads is one the bridge sends
    (through QT_TRANSLATE_NOOP), or the page would show "undefined" or untranslated English."""
    script = (MAP_RESOURCES / "dispatch_map.js").read_text(encoding="utf-8")
    payload = MapBridge(CityModel(), SelectionModel()).labels_payload()
    used_ui = set(re.findall(r"\bui\.(\w+)", script))
    used_top = set(re.findall(r"\blb\.(\w+)", script)) - {"ui"}
    assert used_ui and used_top
    assert used_ui <= set(MAP_UI) == set(payload["ui"])
    assert used_top <= set(payload)


def test_each_kind_of_unit_has_a_symbol_of_its_own() -> None:
    looks = {(UNIT_SHAPES[kind], UNIT_RADIUS[kind]) for kind in UnitKind}
    assert len(looks) == len(UnitKind)
