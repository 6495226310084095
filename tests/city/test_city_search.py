"""A call-taker types what the caller says, in Chinese, pinyin or English, and the right place comes first."""

from __future__ import annotations

import msgspec
import pytest

from dispatch_desktop.domain.city import City, LandmarkKind
from dispatch_desktop.domain.romanise import pinyin_keys


@pytest.mark.parametrize("text", ["gzdz", "guangzhoudong", "Guangzhou East", "east railway", "东站", "广州东站",
                                  "GUANGZHOU east railway station", "Guangzhou Dong"])
def test_guangzhou_east_is_found_first_however_it_is_typed(city: City, text: str) -> None:
    hit = city.search(text)[0]
    assert (hit.name, hit.kind) == ("广州东站", LandmarkKind.RAILWAY_STATION)


def test_exact_beats_prefix_beats_contains(city: City) -> None:
    hits = city.search("广州塔", limit=None)
    assert [h.name for h in hits[:2]] == ["广州塔", "广州塔地铁站"]  # exact, then a name starting with it
    assert all("广州塔" in h.name for h in hits)
    hits = city.search("大学", limit=None)
    starts = [any(form.startswith("大学") for form in (h.name, *h.aliases)) for h in hits]
    assert True in starts and False in starts
    assert starts == sorted(starts, reverse=True)  # 大学城… before 中山大学


def test_well_known_places_come_before_generated_ones_of_the_same_rank(city: City) -> None:
    hits = city.search("地铁站", limit=None)
    known = [h.well_known for h in hits]
    assert True in known and False in known
    assert known == sorted(known, reverse=True)
    assert all(h.kind is LandmarkKind.METRO for h in hits if h.well_known)


def test_a_word_may_match_the_district_in_any_language(city: City) -> None:
    for text in ("天河 医院", "tianhe hospital", "Tianhe 医院"):
        hits = city.search(text, limit=None)
        assert hits and all(h.kind is LandmarkKind.HOSPITAL and h.district == "440106" for h in hits), text
        assert {"天河区人民医院", "中山大学附属第三医院"} <= {h.name for h in hits}, text
    assert city.search("天河 医院")[0].name == "天河区人民医院"  # the name holds both words


def test_places_of_every_sort_are_found_by_their_pinyin_and_english(city: City) -> None:
    shipped = [p for p in city.gazetteer if p.well_known]
    generated = [p for p in city.gazetteer if not p.well_known]
    for place in shipped[::3] + generated[::10]:  # a spread sample keeps the run short
        full, initials = pinyin_keys(place.name)
        for text in (full, initials, place.english):
            assert place in city.search(text, limit=None), (place.name, text)


def test_generated_names_are_found_by_their_romanisation(city: City) -> None:
    metro = next(lm for lm in city.landmarks if lm.kind is LandmarkKind.METRO)
    assert city.search(metro.english)[0] == metro
    assert city.search(metro.english.removesuffix(" Metro Station") + " metro")[0] == metro


@pytest.mark.parametrize(("name", "keys"), [("东涌", ("dongchong", "dc")), ("长湴", ("changban", "cb")),
                                           ("厦滘", ("xiajiao", "xj")), ("花都区", ("huaduqu", "hdq")),
                                           ("区庄", ("ouzhuang", "oz")), ("白云机场T2", ("baiyunjichangt2", "byjct2"))])
def test_toponyms_are_read_the_guangzhou_way(name: str, keys: tuple[str, str]) -> None:
    assert pinyin_keys(name) == keys


def test_a_place_is_found_by_the_local_reading(city: City) -> None:
    assert city.search("dcdtz")[0].name == "东涌地铁站"  # 涌 read chōng, as Guangzhou says it
    assert city.search("huadu")[0].name == "花都区"


def test_the_city_survives_msgpack_with_its_places(city: City) -> None:
    back = msgspec.msgpack.decode(msgspec.msgpack.encode(city), type=City)
    assert back.places == city.places
    assert back.search("gzdz")[0].name == "广州东站"
