"""The districts, stations and service area published in resources/taxonomy.json are the generated
city's, and the station ids (what the hub checks) are the same whatever the city's seed."""

from __future__ import annotations

import json

from dispatch_desktop.city import DEFAULT_SEED, generate_city
from dispatch_desktop.city.taxonomy_file import main, rewritten
from dispatch_desktop.domain.taxonomy import TAXONOMY_FILE


def test_the_published_places_are_the_default_citys() -> None:
    text = TAXONOMY_FILE.read_text(encoding="utf-8")
    assert rewritten(text, generate_city(DEFAULT_SEED, cameras=0)) == text, (
        "run: python -m dispatch_desktop.city.taxonomy_file --write"
    )


def test_station_ids_and_districts_do_not_depend_on_the_seed() -> None:
    published = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    other = generate_city(DEFAULT_SEED + 1, cameras=0)
    assert [(s.id, s.district) for s in other.stations] == [(s["id"], s["district"]) for s in published["stations"]]
    assert [d.adcode for d in other.districts] == [d["adcode"] for d in published["districts"]]


def test_a_stale_file_is_reported_and_rewritten(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stale = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    stale["stations"].pop()
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps(stale, ensure_ascii=False), encoding="utf-8")
    assert main(["--file", str(path)]) == 1
    assert main(["--file", str(path), "--write"]) == 0
    assert path.read_text(encoding="utf-8") == TAXONOMY_FILE.read_text(encoding="utf-8")
