"""A stand-in for the desk as the station duty plugin's responsibility list and station load see it
(``dispatch_desktop.api.DeskContext``): only the members they use, each behaving as the real desk
documents it, with handles for the tests (change the state, switch the language, look at notices and
the map layer). The zh_CN catalogue is the plugin's own .ts fragment, so a text missing from it shows."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from dispatch_desktop.api import District, State, Station
from tests.plugins.fake_desk_parts import Cancel, FakeLayer

ROOT = Path(__file__).resolve().parents[2]
if not any(Path(entry).resolve() == ROOT / "plugins" / "station_duty" for entry in sys.path if entry):
    # Before the lead's package is installed, ``station_duty`` is found in the source tree.
    sys.path.insert(0, str(ROOT / "plugins" / "station_duty"))

SHANGHAI = ZoneInfo("Asia/Shanghai")
TS_FILE = ROOT / "plugins" / "station_duty" / "station_duty" / "translations" / "src" / "list_load_zh_CN.ts"


def at(text: str, zone: ZoneInfo = SHANGHAI) -> int:
    """``"2025-05-06 08:15"`` in ``zone`` as epoch milliseconds."""
    return int(datetime.fromisoformat(text).replace(tzinfo=zone).timestamp() * 1000)


def catalogue() -> dict[str, str]:
    root = ElementTree.parse(TS_FILE).getroot()
    return {message.findtext("source", ""): message.findtext("translation", "")
            for message in root.iter("message")}


def square_station(station_id: str, name: str, lat: float, lon: float, *, district: str = "440106",
                   size: float = 0.01) -> Station:
    """A station whose area is a square ``size`` degrees wide around (lat, lon), rings as the city
    writes them: (longitude, latitude), closed."""
    ring = ((lon - size, lat - size), (lon + size, lat - size), (lon + size, lat + size), (lon - size, lat + size),
            (lon - size, lat - size))
    return Station(id=station_id, name=name, district=district, lat=lat, lon=lon, population=50_000,
                   polygon=((ring,),))


@dataclass(frozen=True)
class FakeCity:
    """What the plugin reads of ``desk.city``."""

    stations: tuple[Station, ...]
    districts: tuple[District, ...] = ()




class Listeners:
    def __init__(self) -> None:
        self.items: list[Callable[..., None]] = []

    def add(self, listener: Callable[..., None]) -> Cancel:
        self.items.append(listener)
        return Cancel(lambda: self.items.remove(listener) if listener in self.items else None)

    def call(self, *args: object) -> None:
        for listener in list(self.items):
            listener(*args)


class FakeDesk:
    plugin_id = "station_duty"
    api_version = "1.0"
    mode = "live"

    def __init__(self, *, data_dir: Path, city: object = None, state: State | None = None,
                 now: str = "2025-11-22 10:00", language: str = "en", time_zone: ZoneInfo = SHANGHAI) -> None:
        self.data_dir = data_dir
        self.city = city if city is not None else FakeCity(())
        self.state = state if state is not None else State()
        self.now = at(now, time_zone)
        self.language = language
        self.time_zone = time_zone
        self.layers = {"station_duty.load": FakeLayer("station_duty.load")}
        self.notices: list[tuple[str, str]] = []
        self._zh = catalogue()
        self.changes = Listeners()
        self.resets = Listeners()
        self.languages = Listeners()

    def now_ms(self) -> int:
        return self.now

    # --- the test's side ---------------------------------------------------------------------------

    def change(self, state: State, incidents: Iterable[str] = (), units: Iterable[str] = ()) -> None:
        self.state = state
        self.changes.call(frozenset(units), frozenset(incidents))

    def switch_language(self, language: str) -> None:
        self.language = language
        self.languages.call(language)

    # --- DeskContext ---------------------------------------------------------------------------------

    def on_change(self, listener: Callable[[frozenset[str], frozenset[str]], None]) -> Cancel:
        return self.changes.add(listener)

    def on_reset(self, listener: Callable[[State], None]) -> Cancel:
        return self.resets.add(listener)

    def on_language(self, listener: Callable[[str], None]) -> Cancel:
        return self.languages.add(listener)

    def map_layer(self, layer_id: str) -> FakeLayer:
        return self.layers[layer_id]

    def notify(self, text: str, level: object = "info") -> None:
        self.notices.append((str(level), text))

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        if self.language != "zh_CN":
            return text
        return self._zh.get(text, f"<untranslated: {text}>")  # shows a text the .ts fragment lacks
