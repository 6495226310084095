from __future__ import annotations

from dispatch_desktop.domain.city import City, LandmarkKind


def test_gazetteer_holds_districts_stations_posts_and_places(city: City) -> None:
    kinds = {place.kind for place in city.gazetteer}
    assert kinds == set(LandmarkKind)
    assert len(city.gazetteer) == (len(city.districts) + len(city.stations) + len(city.patrol_areas)
                                   + len(city.duty_points) + len(city.checkpoints) + len(city.places)
                                   + len(city.landmarks))
    landmark_kinds = {lm.kind for lm in city.landmarks}
    assert {LandmarkKind.METRO, LandmarkKind.SQUARE, LandmarkKind.SCHOOL, LandmarkKind.HOSPITAL,
            LandmarkKind.MARKET} <= landmark_kinds


def test_search_tianhe_puts_the_district_first(city: City) -> None:
    hits = city.search("天河", limit=None)
    assert hits[0].name == "天河区" and hits[0].kind is LandmarkKind.DISTRICT
    stations = [h for h in hits if h.kind is LandmarkKind.STATION]
    assert len(stations) == len(city.stations_of("440106"))
    named = ["天河" in h.name for h in hits]
    assert named == sorted(named, reverse=True)  # names holding the word first, then the rest of the district
    assert all(h.district == "440106" for h in hits)
    assert len(city.search("天河")) == 20  # default limit


def test_search_finds_exact_names_first(city: City) -> None:
    station = city.stations[40]
    place = station.name.removeprefix(city.district(station.district).name).removesuffix("派出所")
    hits = city.search(station.name)
    assert hits[0].id == station.id
    assert any(h.id == station.id for h in city.search(place))


def test_search_words_may_match_the_district(city: City) -> None:
    hits = city.search("天河 医院", limit=None)
    assert hits and all(h.kind is LandmarkKind.HOSPITAL and h.district == "440106" for h in hits)
    assert hits[0].name == "天河区人民医院"


def test_search_kind_words_find_that_kind(city: City) -> None:
    hits = city.search("地铁站", limit=10)
    assert all(h.kind is LandmarkKind.METRO for h in hits)


def test_search_without_words_or_matches_is_empty(city: City) -> None:
    assert city.search("") == []
    assert city.search("   ") == []
    assert city.search("不存在的地方xyz") == []
