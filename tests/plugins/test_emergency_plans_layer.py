"""The map layer "Plan forces": what an active plan puts on the map, and that it goes when the plan does."""

from __future__ import annotations

from emergency_plans.events import PlanDeactivated
from emergency_plans.forces_layer import (
    CAPABILITY_COLOURS,
    CORDON_STYLE,
    LAYER_ID,
    ForcesLayer,
    circle,
    start_forces_layer,
)
from emergency_plans.geo import distance_m
from emergency_plans.model import Plan

from dispatch_desktop.api import Line, Point, Polygon, UnitKind
from tests.plugins.emergency_plans_log import INCIDENT, Log, knife_plan
from tests.plugins.emergency_plans_view_fakes import FakeDesk, FakeModel, knife_incident

MAPPED = {
    "force_points": [
        {"id": "east_square", "name": {"zh": "东广场屯警点", "en": "East square post"}, "lat": 23.1495,
         "lon": 113.2595, "capability": "rapid", "count": 2},
        {"id": "bus_hub", "name": "Bus hub", "lat": 23.148, "lon": 113.256, "capability": "patrol"},
    ],
    "routes": [
        {"id": "jiefang_road", "name": "Jiefang Road", "points": [[23.14, 113.26], [23.149, 113.258]]},
        {"id": "line2", "name": {"zh": "地铁2号线", "en": "Metro line 2"}, "mode": "metro",
         "points": [[23.13, 113.27], [23.149, 113.258]]},
    ],
    "cordon": {"radius_m": 300},
}


def mapped_plan() -> Plan:
    return knife_plan(**MAPPED)


def layer_with(log: Log) -> tuple[FakeDesk, FakeModel, ForcesLayer]:
    desk = FakeDesk()
    model = FakeModel(desk, log, {"railway_knife_attack": mapped_plan()})
    return desk, model, ForcesLayer(desk, desk.map_layer(LAYER_ID), model)


def incident_log() -> Log:
    log = Log()
    log.units()
    log.incident(20)
    return log


def test_nothing_is_drawn_while_no_plan_is_active() -> None:
    desk, _model, _layer = layer_with(incident_log())
    layer = desk.layers[LAYER_ID]
    assert layer.features == [] and layer.legend == []


def test_an_active_plan_draws_its_force_points_routes_and_cordon_with_a_legend() -> None:
    desk, model, _layer = layer_with(incident_log())
    model.log.activate(mapped_plan(), 30)
    model.fold(model.log.events[-1])
    layer = desk.layers[LAYER_ID]
    points = {f.id.rsplit("/", 1)[1]: f for f in layer.features if isinstance(f, Point)}
    assert points["east_square"].label == "East square post × 2"
    assert points["east_square"].style.fill == CAPABILITY_COLOURS[UnitKind.RAPID_RESPONSE]
    assert points["bus_hub"].label == "Bus hub × 1"
    assert points["bus_hub"].style.fill == CAPABILITY_COLOURS[UnitKind.PATROL_GROUP]
    routes = {f.id.rsplit("/", 1)[1]: f for f in layer.features if isinstance(f, Line)}
    assert routes["jiefang_road"].style.dash == "" and routes["line2"].style.dash != ""  # road solid, metro dashed
    assert routes["line2"].label == "Metro line 2 (Troop route by metro) — Knife attack at a railway station"
    [cordon] = [f for f in layer.features if isinstance(f, Polygon)]
    incident = knife_incident()
    assert all(abs(distance_m(incident.lat, incident.lon, lat, lon) - 300) < 3 for lat, lon in cordon.rings[0])
    assert cordon.style == CORDON_STYLE
    assert [entry.text() for entry in layer.legend] == [
        "Rapid-response team", "Patrol group", "Troop route by road", "Troop route by metro", "Cordon"]


def test_a_plan_stood_down_takes_its_forces_off_the_map() -> None:
    log = incident_log()
    log.activate(mapped_plan(), 30)
    desk, model, _layer = layer_with(log)
    layer = desk.layers[LAYER_ID]
    assert len(layer.features) == 5
    model.fold(model.log.own(PlanDeactivated(activation="act-1"), 60))
    assert layer.features == [] and layer.legend == []


def test_a_fixed_cordon_polygon_is_drawn_as_written() -> None:
    ring = [[23.15, 113.25], [23.15, 113.26], [23.14, 113.26]]
    log = incident_log()
    log.activate(knife_plan(cordon={"polygon": ring}), 30)
    desk, model, _layer = layer_with(log)
    model.library["railway_knife_attack"] = knife_plan(cordon={"polygon": ring})
    model.changed()
    [cordon] = desk.layers[LAYER_ID].features
    assert isinstance(cordon, Polygon) and cordon.rings[0] == tuple(tuple(corner) for corner in ring)


def test_a_click_on_a_force_point_selects_the_incident_and_an_unchanged_map_is_not_sent_again() -> None:
    log = incident_log()
    log.activate(mapped_plan(), 30)
    desk, model, _layer = layer_with(log)
    layer = desk.layers[LAYER_ID]
    drawn = layer.drawn
    model.changed()  # a tick: the map data is the same
    assert layer.drawn == drawn
    assert layer.click is not None
    layer.click("act-1/point/east_square")
    assert desk.selection.incident == INCIDENT


def test_labels_follow_the_desks_language() -> None:
    log = incident_log()
    log.activate(mapped_plan(), 30)
    desk, _model, _layer = layer_with(log)
    desk.set_language("zh_CN", {"Rapid-response team": "羊城突击队", "{name} × {count}": "{name}（{count}）"})
    labels = [f.label for f in desk.layers[LAYER_ID].features if isinstance(f, Point)]
    assert "东广场屯警点（2）" in labels
    assert desk.layers[LAYER_ID].legend[0].text() == "羊城突击队"


def test_a_circle_is_round_on_the_ground() -> None:
    ring = circle(23.149, 113.258, 500)
    assert len(ring) == 48 and all(abs(distance_m(23.149, 113.258, lat, lon) - 500) < 5 for lat, lon in ring)


def test_start_forces_layer_uses_the_desks_one_model_and_stop_takes_the_forces_off(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    log = incident_log()
    log.activate(mapped_plan(), 30)
    desk = FakeDesk()
    model = FakeModel(desk, log, {"railway_knife_attack": mapped_plan()})
    monkeypatch.setattr("emergency_plans.forces_layer.model_for", lambda _desk: model)
    layer = start_forces_layer(desk)  # type: ignore[arg-type]
    assert len(desk.layers[LAYER_ID].features) == 5
    layer.stop()
    assert desk.layers[LAYER_ID].features == [] and desk.layers[LAYER_ID].legend == [] and model.listeners == []
