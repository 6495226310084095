"""Writing the places of ``resources/taxonomy.json`` (districts, stations, service area) from the city.

The incident types and departments in that file are edited by hand: the file is their source. Its
districts, stations and service area are facts of the generated city, so they are written from it, and a
test holds the file to the city: after a change to the city generator, run

    python -m dispatch_desktop.city.taxonomy_file --write

What is written and why it can be checked is in the file's ``about``. Qt-free.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dispatch_desktop.city.districts import load_districts
from dispatch_desktop.city.generate import DEFAULT_SEED, generate_city
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.gazetteer import english_district
from dispatch_desktop.domain.taxonomy import TAXONOMY_FILE

PLACE_SECTIONS = ("districts", "service_area", "stations")


def place_sections(city: City) -> dict[str, Any]:
    """The file's district, service-area and station sections as ``city`` has them."""
    english = {d.district.adcode: english_district(d.district) for d in load_districts()}
    box = city.bbox
    return {
        "districts": [
            {"adcode": d.adcode, "name_zh": d.name, "short_name_zh": d.short_name, "name_en": english[d.adcode]}
            for d in city.districts
        ],
        "service_area": {"south": box.south, "west": box.west, "north": box.north, "east": box.east},
        "stations": [
            {"id": s.id, "district": s.district, "name_zh": s.name, "lat": round(s.lat, 6), "lon": round(s.lon, 6)}
            for s in city.stations
        ],
    }


def dump(data: dict[str, Any]) -> str:
    """The file's layout: a top-level key a line, and every item of a list on a line of its own, so a
    diff shows which incident type or station changed."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            items = ",\n".join(f"    {json.dumps(item, ensure_ascii=False)}" for item in value)
            parts.append(f"  {json.dumps(key)}: [\n{items}\n  ]")
        else:
            parts.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def rewritten(text: str, city: City) -> str:
    """The file's text with its place sections replaced by ``city``'s, everything else kept as it is."""
    data = json.loads(text)
    data.update(place_sections(city))
    return dump(data)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite {TAXONOMY_FILE} (default: check it)")
    parser.add_argument("--file", type=Path, default=TAXONOMY_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")
    wanted = rewritten(text, generate_city(DEFAULT_SEED, cameras=0))
    if wanted == text:
        print(f"{args.file} is up to date")
        return 0
    if not args.write:
        print(f"{args.file} differs from the generated city; run with --write", file=sys.stderr)
        return 1
    args.file.write_text(wanted, encoding="utf-8")
    print(f"{args.file} rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
