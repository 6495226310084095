"""The legend explains every symbol the map draws, and district names stay readable over the markers."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from tests.ui import map_desk
from tests.ui.map_desk import Desk

pytestmark = [pytest.mark.gui, pytest.mark.slow]

desk = map_desk.desk  # the fixture

GROUPS = {"units", "incidents", "districts", "stations", "patrolAreas", "dutyPoints", "checkpoints", "cameras",
          "selection", "focus"}


def features(look: dict[str, Any]) -> list[tuple[str, object]]:
    """What a reader tells symbols apart by: shape, colours (of fill or outline alike: a reader sees a
    colour, and the legend's priority rows explain a priority's colour wherever it is used), how solid the
    fill is, and dashes."""
    return [("shape", look["shape"]), ("colour", look.get("fillColor")), ("colour", look.get("color")),
            ("fillOpacity", look.get("fillOpacity")), ("dashArray", look.get("dashArray"))]


def test_every_symbol_the_map_draws_has_an_entry_in_the_legend(desk: Desk) -> None:
    drawn = desk.js("DispatchMap.drawables()")
    shown = desk.js("DispatchMap.legendLooks()")
    assert {look["group"] for look in drawn} == GROUPS
    assert len(drawn) > 60  # distinct looks over unit kind x status x SOS x stale, incident priority x type, ...
    explained: dict[str, set[tuple[str, object]]] = defaultdict(set)
    for look in shown:
        explained[look["group"]].update(features(look))
    # Each shape, colour, fill and dash the map can give a thing is one the legend shows for that kind of
    # thing (a unit's shape is its kind, its colour its status: a row explains one of them).
    unexplained = sorted({(look["group"], name, str(value)) for look in drawn
                          for name, value in features(look) if (name, value) not in explained[look["group"]]})
    assert unexplained == []


def test_every_legend_swatch_is_painted(desk: Desk) -> None:
    blank = desk.js("""Array.from(document.querySelectorAll('.dm-legend-row canvas')).filter(function (c) {
        var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (var n = 3; n < data.length; n += 4) { if (data[n] > 0) { return false; } }
        return true;
    }).map(function (c) { return c.parentNode.textContent; })""")
    assert desk.js("document.querySelectorAll('.dm-legend-row canvas').length") > 25
    assert blank == []


def test_district_names_lie_above_every_marker_and_cluster(desk: Desk) -> None:
    def z(pane: str) -> int:
        return int(desk.js(f"getComputedStyle(DispatchMap.map.getPane('{pane}')).zIndex"))

    labels = z("dm-labels")
    assert all(labels > z(pane) for pane in ("dm-static", "dm-units", "dm-incidents", "dm-clusters", "markerPane"))
    assert labels < z("tooltipPane")  # a tooltip still reads over a name
    halo = desk.js(f"getComputedStyle(document.querySelector('{map_desk.LABELS} span')).textShadow")
    assert "255, 255, 255" in halo
