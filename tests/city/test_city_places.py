"""The real places shipped with the city: where they are, what they are, how callers say them."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
import shapely

from dispatch_desktop.city import CityDataError, load_districts
from dispatch_desktop.city.places import COLUMNS, PLACES_CSV, read_places
from dispatch_desktop.domain.city import City, LandmarkKind

K = LandmarkKind
# The kinds a caller names: the listed places must hold at least this many of each.
_AT_LEAST = {K.RAILWAY_STATION: 5, K.AIRPORT: 1, K.METRO: 200, K.STADIUM: 3, K.UNIVERSITY: 8, K.HOSPITAL: 12,
             K.MALL: 5, K.PARK: 10, K.SQUARE: 5, K.LANDMARK: 15, K.MARKET: 5, K.TRANSPORT: 5}


def test_every_shipped_place_lies_in_its_own_district_and_the_service_area(city: City) -> None:
    shipped = read_places()
    districts = {d.district.adcode: d.geometry for d in load_districts()}
    outside = [p.name for p in shipped
               if p.district not in districts or not shapely.contains_xy(districts[p.district], p.lon, p.lat)]
    assert outside == []
    assert all(city.contains(p.lat, p.lon) and city.district_at(p.lat, p.lon).adcode == p.district  # type: ignore[union-attr]
               for p in shipped)
    assert list(city.places) == shipped  # none left out of the city


def test_there_are_hundreds_of_named_places_of_the_kinds_callers_name(city: City) -> None:
    kinds = collections.Counter(p.kind for p in city.places)
    assert len(city.places) >= 300
    assert {kind: min(kinds[kind], n) for kind, n in _AT_LEAST.items()} == _AT_LEAST
    names = {p.name for p in city.places}
    assert {"广州站", "广州东站", "广州南站", "广州北站", "广州白云站", "广州白云国际机场", "广州塔", "陈家祠",
            "北京路步行街", "上下九步行街", "广交会展馆", "天河体育中心", "中山大学", "广东省人民医院",
            "天河城", "越秀公园", "花城广场", "体育西路地铁站"} <= names
    assert all(p.well_known and p.english and p.id.startswith("P-") for p in city.places)


def test_names_are_unique_enough_to_search(city: City) -> None:
    names = collections.Counter(p.name for p in city.gazetteer)
    assert [name for name, n in names.items() if n > 1] == []
    # An alias is never another place's name, so typing a name never lands on a namesake.
    aliases = {alias: p.name for p in city.places for alias in p.aliases}
    assert [a for a in aliases if a in names] == []
    # English names repeat only where pinyin does (晓港 and 萧岗 are both "Xiaogang"): such places
    # share the top of the list.
    english = collections.Counter(p.english for p in city.places)
    for place in city.places:
        assert city.search(place.name)[0] == place, place.name
        assert place in city.search(place.english)[: english[place.english]], place.english
    assert sum(english.values()) - len(english) <= 2


@pytest.mark.parametrize(("alias", "name"), [("省人民医院", "广东省人民医院"), ("中大", "中山大学"),
                                             ("华工", "华南理工大学"), ("天河城", "天河城"), ("东站", "广州东站"),
                                             ("小蛮腰", "广州塔"), ("广交会", "广交会展馆"), ("上下九", "上下九步行街"),
                                             ("华师", "华南师范大学")])
def test_callers_short_names_find_the_place_first(city: City, alias: str, name: str) -> None:
    assert city.search(alias)[0].name == name


def test_generated_places_stay_and_get_a_readable_english_name(city: City) -> None:
    assert len(city.landmarks) == 300
    assert all(not lm.well_known and lm.english.isascii() for lm in city.landmarks)
    metro = next(lm for lm in city.landmarks if lm.kind is K.METRO)
    assert metro.english.endswith(" Metro Station") and metro.english[0].isupper()
    assert not {lm.name for lm in city.landmarks} & {p.name for p in city.places}
    by_name = {p.name: p for p in city.gazetteer}
    assert by_name["天河区"].english == "Tianhe District" and by_name["花都区"].english == "Huadu District"
    station = city.stations[0]
    assert by_name[station.name].english.endswith(" Police Station")


def test_every_station_area_has_a_place_other_than_the_station(city: City) -> None:
    named = [p for p in (*city.places, *city.landmarks)]
    for station in city.stations:
        assert any(shapely.contains_xy(station.shape, p.lon, p.lat) for p in named), station.name


def _write(tmp_path: Path, rows: list[str], header: str = ",".join(COLUMNS)) -> Path:
    path = tmp_path / "places.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["P-1,广州塔,Canton Tower,tower,440105,23.1,113.3,"], "unknown kind"),
        (["P-1,广州塔,Canton Tower,landmark,440105,north,113.3,"], "bad coordinates"),
        (["P-1,广州塔,Canton Tower,landmark,440105,123.1,113.3,"], "out of range"),
        (["P-1,广州塔,Canton Tower,landmark,440105,23.1"], "fields"),
        (["P 1,广州塔,Canton Tower,landmark,440105,23.1,113.3,"], "bad id"),
        (["P-1,广州塔,Canton Tower,station,440105,23.1,113.3,"], "generated"),
        (["P-1,广州塔,Canton Tower,landmark,440105,23.1,113.3,", "P-2,广州塔,Tower,landmark,440105,23.1,113.3,"],
         "twice"),
    ],
)
def test_a_broken_places_file_is_a_clear_error_naming_the_row(tmp_path: Path, rows: list[str], message: str) -> None:
    with pytest.raises(CityDataError, match=message) as error:
        read_places(_write(tmp_path, rows))
    assert f"places.csv:{len(rows) + 1}" in str(error.value)


def test_a_missing_or_misshapen_places_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CityDataError, match="not found"):
        read_places(tmp_path / "nowhere.csv")
    with pytest.raises(CityDataError, match="columns"):
        read_places(_write(tmp_path, [], header="name,lat,lon"))
    assert PLACES_CSV.exists()
