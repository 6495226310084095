"""The gazetteer (every place a call-taker can name) and its search, in Chinese, pinyin and English.

A search runs on every keystroke, so each place's searchable forms are joined once into one string,
``\\0name\\0alias\\0pinyin\\0initials\\0english\\0``: "is the text a whole form" is then one substring
test for ``\\0text\\0``, "does a form start with it" one for ``\\0text``, and "does it hold this word"
one for the word, whatever the number of forms. Places are kept sorted by everything that does not
depend on the text, so a search only sorts its hits into four classes and never calls ``sort``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dispatch_desktop.domain.city import City, District, Landmark, LandmarkKind
from dispatch_desktop.domain.romanise import Romaniser, normalise, pinyin_keys

_KIND_RANK = {kind: rank for rank, kind in enumerate(LandmarkKind)}
_SEP = "\0"


def build_gazetteer(city: City) -> tuple[Landmark, ...]:
    """Districts, stations, patrol areas, duty points, checkpoints, shipped places and generated
    landmarks as places; the city's own records get their English here."""
    english = romaniser(city.districts, city.places).english
    K = LandmarkKind
    places = [
        Landmark(f"D-{d.adcode}", d.name, K.DISTRICT, d.adcode, d.centroid_lat, d.centroid_lon,
                 english=english_district(d), aliases=(d.short_name,) if d.short_name != d.name else (),
                 well_known=True)
        for d in city.districts
    ]
    records = (
        (K.STATION, city.stations),
        (K.PATROL_AREA, city.patrol_areas),
        (K.DUTY_POINT, city.duty_points),
        (K.CHECKPOINT, city.checkpoints),
    )
    for kind, group in records:
        places += [Landmark(r.id, r.name, kind, r.district, r.lat, r.lon, english=english(r.name)) for r in group]
    return (*places, *city.places, *city.landmarks)


def english_district(district: District) -> str:
    """"Tianhe District" (从化区 -> "Conghua District")."""
    return f"{Romaniser().english(district.short_name)} District"


def romaniser(districts: Iterable[District], places: Iterable[Landmark] = ()) -> Romaniser:
    """English names that reuse the districts' and the shipped places' own: 天河区龙口派出所 ->
    "Tianhe District Longkou Police Station", 广州塔屯警点 -> "Canton Tower Duty Point"."""
    known = {d.name: english_district(d) for d in districts}
    return Romaniser(known | {p.name: p.english for p in places if p.english})


def search_forms(name: str, aliases: Iterable[str], english: str) -> list[str]:
    """Every form a place can be found by, as search keys: the name and aliases as written and in
    pinyin (full and initials), and the English name."""
    forms: list[str] = []
    for text in (name, *aliases):
        forms += [normalise(text), *pinyin_keys(text)]
    if english:
        forms.append(normalise(english))
    return list(dict.fromkeys(f for f in forms if f))


def _joined(forms: Iterable[str]) -> str:
    return _SEP + _SEP.join(forms) + _SEP


class PlaceIndex:
    """Searches a gazetteer; built once per city (the first search pays for the pinyin)."""

    def __init__(self, places: Sequence[Landmark], districts: Sequence[District]) -> None:
        ranked = sorted(places, key=lambda p: (not p.well_known, len(p.name), _KIND_RANK[p.kind], p.name, p.id))
        district_forms = {
            d.adcode: _joined(search_forms(d.name, (d.short_name,), english_district(d))) for d in districts
        }
        forms = [_joined(search_forms(p.name, p.aliases, p.english)) for p in ranked]
        districts_of = [district_forms.get(p.district, _SEP) for p in ranked]
        # (place, its forms, its forms and its district's): most places match no word at all, and
        # one test against the last string rules them out.
        self._rows = [
            (place, own, own + district) for place, own, district in zip(ranked, forms, districts_of, strict=True)
        ]

    def search(self, text: str, *, limit: int | None = 20) -> list[Landmark]:
        words = [w for w in (normalise(part) for part in text.split()) if w]
        if not words:
            return []
        whole = "".join(words)
        exact = _SEP + whole + _SEP
        prefix = _SEP + whole
        classes: tuple[list[Landmark], ...] = ([], [], [], [])
        for place, forms, with_district in self._rows:
            if not all(w in with_district for w in words):
                continue
            if exact in forms:
                classes[0].append(place)
            elif prefix in forms:
                classes[1].append(place)
            elif all(w in forms for w in words):
                classes[2].append(place)
            else:
                classes[3].append(place)
        hits = [place for group in classes for place in group]
        return hits if limit is None else hits[:limit]
