"""Generate the offline map page with folium: basemap geometry once, everything moving comes later.

folium's maps reference Leaflet, jQuery, Bootstrap and Font Awesome on CDNs. A command center's desk
has no Internet, so ``OfflineMap`` points Leaflet and jQuery at the copies the XStatic packages ship
(copied beside the page and referenced relatively) and drops the rest, which only folium's own marker
icons and popups use. ``build_page`` refuses to write a page that still references an http(s) URL.

The page is written into a cache directory named by a hash of everything that goes into it, so a desk
starting again with the same city loads the page it built before.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import msgspec
import xstatic.pkg.jquery
import xstatic.pkg.leaflet
from folium.elements import JSCSSMixin
from folium.template import Template

from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import IncidentStatus, UnitKind, UnitStatus
from dispatch_desktop.paths import RESOURCES
from dispatch_desktop.ui.map.symbols import (
    PATROL_AREA_STYLE,
    STATION_AREA_STYLE,
    district_area_style,
    symbols_config,
)
from dispatch_desktop.ui.palette import DISTRICT_FILLS

PAGE_VERSION = 3  # bump when the page's structure changes, so cached pages are rebuilt
MAP_RESOURCES = RESOURCES / "map"
PAGE_SCRIPTS = ("dispatch_map.js", "dispatch_map.css")

LEAFLET_DIR = "lib/leaflet"
JQUERY_DIR = "lib/jquery"

# Wire order of the codes the bridge packs into deltas; the page reads the same lists from its config.
UNIT_STATUS_ORDER: tuple[UnitStatus, ...] = tuple(UnitStatus)
UNIT_KIND_ORDER: tuple[UnitKind, ...] = tuple(UnitKind)
INCIDENT_STATUS_ORDER: tuple[IncidentStatus, ...] = tuple(IncidentStatus)
TYPE_CLASSES: tuple[str, ...] = ("critical", "violent", "property", "traffic", "order", "non_police")
LAYER_ORDER: tuple[str, ...] = (
    "districts", "stations", "patrolAreas", "incidents", "patrol", "rapid", "otherUnits",
    "dutyPoints", "checkpoints", "cameras",
)
DEFAULT_VISIBLE: tuple[str, ...] = tuple(key for key in LAYER_ORDER if key != "cameras")
_PROPERTY_TYPES = frozenset({"burglary", "theft", "vehicle_theft", "snatch", "fraud", "telecom_fraud"})


def type_class(incident_type: str) -> str:
    """The symbol family of an incident type on the map (its colour comes from the priority)."""
    if not taxonomy.is_known(incident_type):
        return "order"
    kind = taxonomy.incident_type(incident_type)
    if not kind.is_police:
        return "non_police"
    if kind.rapid_response:
        return "critical"
    if kind.violent:
        return "violent"
    if incident_type in _PROPERTY_TYPES:
        return "property"
    if kind.department is taxonomy.Department.TRAFFIC_POLICE:
        return "traffic"
    return "order"


class OfflinePageError(RuntimeError):
    """The generated page would fetch something from outside the machine."""


# (name, URL) of the scripts and styles each element links in the page header. Module lists named by the
# classes, as folium does: its stubs type these attributes as plain (instance) lists.
_MAP_JS = [("leaflet", f"{LEAFLET_DIR}/leaflet.js"), ("jquery", f"{JQUERY_DIR}/jquery.min.js")]
_MAP_CSS = [("leaflet_css", f"{LEAFLET_DIR}/leaflet.css")]
_DESK_JS = [
    ("qwebchannel", "qrc:///qtwebchannel/qwebchannel.js"),
    ("dispatch_static", "static_layers.js"),
    ("dispatch_map", "dispatch_map.js"),
]
_DESK_CSS = [("dispatch_map_css", "dispatch_map.css")]


class OfflineMap(folium.Map):
    """A folium map whose scripts and styles are local files beside the page."""

    default_js = _MAP_JS
    default_css = _MAP_CSS


class _Boot(JSCSSMixin):
    """Adds the desk's own scripts after Leaflet in the page header (JSCSSMixin links ``default_js`` and
    ``default_css`` there), and hands folium's layers to them once folium's script has made them (it
    names them with random ids)."""

    default_js = _DESK_JS
    default_css = _DESK_CSS
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        DispatchMap.init({
            map: {{ this.map.get_name() }},
            districts: {{ this.districts.get_name() }},
            stations: {{ this.stations.get_name() }},
            patrolAreas: {{ this.patrol_areas.get_name() }},
            tiles: {{ this.tiles.get_name() if this.tiles else "null" }}
        });
        {% endmacro %}
        """
    )

    def __init__(self, map_: folium.Map, districts: Any, stations: Any, patrol_areas: Any, tiles: Any) -> None:
        super().__init__()
        self._name = "DispatchBoot"
        self.map = map_
        self.districts = districts
        self.stations = stations
        self.patrol_areas = patrol_areas
        self.tiles = tiles


@dataclass(frozen=True)
class MapPage:
    directory: Path

    @property
    def index(self) -> Path:
        return self.directory / "index.html"


def page_key(city: City, tile_url: str) -> str:
    """Names the page by everything it is made of: the city, the tile server, the symbols, the page's
    scripts and the Leaflet and jQuery versions."""
    digest = hashlib.sha256()
    digest.update(f"v{PAGE_VERSION}|{tile_url}|{xstatic.pkg.leaflet.VERSION}|{xstatic.pkg.jquery.VERSION}".encode())
    digest.update(msgspec.msgpack.encode([city.districts, city.stations, city.patrol_areas, city.duty_points,
                                          city.checkpoints, city.cameras]))
    # The symbols too: a page drawn with last release's shapes would contradict its own legend.
    digest.update(json.dumps(symbols_config(bool(tile_url)), sort_keys=True).encode())
    for name in PAGE_SCRIPTS:
        digest.update((MAP_RESOURCES / name).read_bytes())
    return digest.hexdigest()[:20]


def build_page(city: City, cache_dir: Path, *, tile_url: str = "") -> MapPage:
    """The page for this city in ``cache_dir/map/<key>/``, generated unless it is there already."""
    target = Path(cache_dir) / "map" / page_key(city, tile_url)
    if (target / "index.html").exists():
        return MapPage(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        _write_page(city, staging, tile_url)
        try:
            os.replace(staging, target)
        except OSError:
            if not (target / "index.html").exists():  # not another desk that finished first
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return MapPage(target)


def _write_page(city: City, out: Path, tile_url: str) -> None:
    _copy_assets(out)
    for name in PAGE_SCRIPTS:
        shutil.copy2(MAP_RESOURCES / name, out / name)
    (out / "static_layers.js").write_text(_static_script(city, tile_url), encoding="utf-8")
    html = render_html(city, tile_url)
    assert_offline(html, allowed_prefixes=(_tile_prefix(tile_url),) if tile_url else ())
    (out / "index.html").write_text(html, encoding="utf-8")


def _copy_assets(out: Path) -> None:
    leaflet = Path(xstatic.pkg.leaflet.BASE_DIR)
    shutil.copytree(leaflet / "images", out / LEAFLET_DIR / "images")
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy2(leaflet / name, out / LEAFLET_DIR / name)
    (out / JQUERY_DIR).mkdir(parents=True)
    shutil.copy2(Path(xstatic.pkg.jquery.BASE_DIR) / "jquery.min.js", out / JQUERY_DIR / "jquery.min.js")


def render_html(city: City, tile_url: str = "") -> str:
    bbox = city.bbox
    centre = [(bbox.south + bbox.north) / 2, (bbox.west + bbox.east) / 2]
    # No animations: a desk map jumps to where it is sent, and a zoom animation left waiting for frames
    # in a hidden view would swallow the next setView.
    fmap = OfflineMap(location=centre, zoom_start=9, tiles=None, prefer_canvas=True, control_scale=False,
                      zoom_snap=0.25, zoom_animation=False, fade_animation=False, marker_zoom_animation=False)
    tiles = None
    if tile_url:
        tiles = folium.TileLayer(tiles=tile_url, attr="intranet", name="tiles", overlay=False, control=False)
        tiles.add_to(fmap)
    fills = {d.adcode: DISTRICT_FILLS[n % len(DISTRICT_FILLS)] for n, d in enumerate(city.districts)}
    district_style = district_area_style(bool(tile_url))
    districts = folium.GeoJson(
        _collection([(d.polygon, {"adcode": d.adcode, "name": d.name}) for d in city.districts]),
        name="districts",
        style_function=lambda f: {**district_style, "fillColor": fills.get(f["properties"]["adcode"], "#cccccc")},
        control=False,
    ).add_to(fmap)
    stations = folium.GeoJson(
        _collection([(s.polygon, {"id": s.id, "name": s.name}) for s in city.stations]),
        name="stations", style_function=lambda _f: STATION_AREA_STYLE, control=False,
    ).add_to(fmap)
    patrol_areas = folium.GeoJson(
        _collection([(a.polygon, {"id": a.id, "name": a.name}) for a in city.patrol_areas]),
        name="patrolAreas", style_function=lambda _f: PATROL_AREA_STYLE, control=False,
    ).add_to(fmap)
    fmap.add_child(_Boot(fmap, districts, stations, patrol_areas, tiles))
    return fmap.get_root().render()


def _collection(items: list[tuple[Any, dict[str, str]]]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": props, "geometry": {"type": "MultiPolygon", "coordinates": polygon}}
            for polygon, props in items
        ],
    }


def _static_script(city: City, tile_url: str) -> str:
    bbox = city.bbox
    config = {
        "unitStatus": [s.value for s in UNIT_STATUS_ORDER],
        "unitKind": [k.value for k in UNIT_KIND_ORDER],
        "incidentStatus": [s.value for s in INCIDENT_STATUS_ORDER],
        "typeClasses": list(TYPE_CLASSES),
        **symbols_config(bool(tile_url)),
        "legendUnitStatus": ["available", "dispatched", "en_route", "on_scene", "unavailable"],
        "layerOrder": list(LAYER_ORDER),
        "defaultVisible": list(DEFAULT_VISIBLE),
        "clusterBelowZoom": 14,
        "clusterCellPx": 56,
        "bounds": [[bbox.south, bbox.west], [bbox.north, bbox.east]],
    }
    static = {
        "districts": [[d.adcode, d.name, d.centroid_lat, d.centroid_lon] for d in city.districts],
        "stations": [[s.id, s.name, s.lat, s.lon] for s in city.stations],
        "dutyPoints": [[p.id, p.name, p.lat, p.lon] for p in city.duty_points],
        "checkpoints": [[c.id, c.name, c.lat, c.lon, f"{c.road} {c.direction}"] for c in city.checkpoints],
        "cameras": [[c.id, c.name, c.lat, c.lon] for c in city.cameras],
    }
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    return f"window.DISPATCH_CONFIG = {dump(config)};\nwindow.DISPATCH_STATIC = {dump(static)};\n"


_REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_REMOTE = re.compile(r"^(?:https?:|wss?:|ftp:|//)", re.IGNORECASE)


def remote_references(html: str) -> list[str]:
    """Every script / stylesheet / link address in the page that points off the machine."""
    return [url for url in _REFERENCE.findall(html) if _REMOTE.match(url.strip())]


def assert_offline(html: str, allowed_prefixes: tuple[str, ...] = ()) -> None:
    remote = [url for url in remote_references(html) if not url.startswith(allowed_prefixes or ("\0",))]
    if remote:
        raise OfflinePageError(f"the map page would fetch from outside the machine: {', '.join(remote)}")


def _tile_prefix(tile_url: str) -> str:
    return tile_url.split("{", 1)[0]
