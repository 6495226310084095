"""The map layer "Plan forces" (``emergency_plans.forces``): while a plan is active on an incident, its
pre-positioned force points (屯警点: a point coloured by the capability posted there, labelled with its
name and how many), its troop routes (运兵路线: road solid, metro dashed, on foot dotted, by water
long-dashed) and the incident's cordon (a circle of the plan's radius around the incident, or the plan's
own polygon). The legend lists only what is drawn; nothing active, nothing drawn and no legend.

The map data comes from the plan library's current version of each active plan (an activation event
carries the checklist, not the map). Redrawn when the model says plans changed (activation, deactivation,
an incident closed) and when the desk's language changes; the map is sent nothing when nothing changed.
A click on a feature selects the incident its plan is active on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Protocol

from dispatch_desktop.api import (
    DeskContext,
    LegendEntry,
    Line,
    MapFeature,
    MapLayer,
    Point,
    Polygon,
    Style,
    Subscription,
    UnitKind,
)
from emergency_plans.checklist import Activation
from emergency_plans.desk_model import model_for
from emergency_plans.geo import METRES_PER_DEGREE
from emergency_plans.model import Cordon, ForcePoint, Plan, Route, RouteMode, local

LAYER_ID = "emergency_plans.forces"
CIRCLE_CORNERS = 48  # a cordon of a few hundred metres looks round at street zoom

CAPABILITY_COLOURS: dict[UnitKind, str] = {
    UnitKind.RAPID_RESPONSE: "#c62828", UnitKind.PATROL_GROUP: "#1565c0", UnitKind.TRAFFIC: "#f9a825",
    UnitKind.STATION_CAR: "#2e7d32", UnitKind.OFFICER: "#6a1b9a",
}
CAPABILITY_NAMES: dict[UnitKind, str] = {
    UnitKind.RAPID_RESPONSE: "Rapid-response team", UnitKind.PATROL_GROUP: "Patrol group",
    UnitKind.TRAFFIC: "Traffic police", UnitKind.STATION_CAR: "Station car", UnitKind.OFFICER: "Officer on foot",
}
POINT_STYLES = {kind: Style(colour="#ffffff", fill=colour, weight=2, radius=9, fill_opacity=0.9,
                            permanent_label=True) for kind, colour in CAPABILITY_COLOURS.items()}
ROUTE_STYLES: dict[RouteMode, Style] = {
    RouteMode.ROAD: Style(colour="#0d47a1", weight=4, opacity=0.8),
    RouteMode.METRO: Style(colour="#00897b", weight=4, opacity=0.9, dash="10 7"),
    RouteMode.FOOT: Style(colour="#5d4037", weight=3, opacity=0.9, dash="2 6"),
    RouteMode.WATER: Style(colour="#0277bd", weight=4, opacity=0.8, dash="16 8"),
}
ROUTE_NAMES: dict[RouteMode, str] = {RouteMode.ROAD: "Troop route by road", RouteMode.METRO: "Troop route by metro",
                                     RouteMode.FOOT: "Troop route on foot", RouteMode.WATER: "Troop route by water"}
CORDON_STYLE = Style(colour="#d32f2f", fill="#d32f2f", weight=2, dash="6 4", fill_opacity=0.08)


class ActivePlans(Protocol):
    """What the layer reads of ``desk_model.PlansModel``."""

    def on_change(self, listener: Callable[[frozenset[str]], None]) -> Subscription: ...

    def active_plans(self) -> list[tuple[Activation, Plan | None]]: ...


def circle(lat: float, lon: float, radius_m: float, corners: int = CIRCLE_CORNERS) -> tuple[tuple[float, float], ...]:
    """A ring of ``corners`` (lat, lon) points ``radius_m`` around the centre (on the local plane, as
    ``geo`` measures: exact to well under 1 % at a cordon's size)."""
    dlat = radius_m / METRES_PER_DEGREE
    dlon = dlat / max(0.01, math.cos(math.radians(lat)))
    return tuple((lat + dlat * math.sin(2 * math.pi * n / corners), lon + dlon * math.cos(2 * math.pi * n / corners))
                 for n in range(corners))


class ForcesLayer:
    """Keeps the layer ``emergency_plans.forces`` up to date (``start_forces_layer(desk)`` makes one)."""

    def __init__(self, desk: DeskContext, layer: MapLayer, model: ActivePlans) -> None:
        self._desk = desk
        self._layer = layer
        self._model = model
        self._drawn: list[MapFeature] | None = None
        self._incident_of: dict[str, str] = {}  # feature id -> the incident its plan is active on
        layer.on_click(self._clicked)
        self._subscriptions: list[Subscription] = [
            model.on_change(lambda _incidents: self.refresh()),
            desk.on_language(lambda _language: self.refresh()),
        ]
        self.refresh()

    def refresh(self) -> None:
        features: list[MapFeature] = []
        incident_of: dict[str, str] = {}
        for activation, plan in self._model.active_plans():
            if plan is None:
                continue  # a plan no longer in this desk's library: its checklist goes on, its map is unknown
            drawn = self._plan_features(activation, plan)
            incident_of.update((feature.id, activation.incident) for feature in drawn)
            features += drawn
        self._incident_of = incident_of
        if features != self._drawn:
            self._layer.set_features(features)
            self._layer.set_legend(self._legend(features))
            self._drawn = features

    def stop(self) -> None:
        for subscription in self._subscriptions:
            subscription.cancel()
        self._layer.clear()
        self._layer.set_legend([])

    # --- features -------------------------------------------------------------------------------

    def _plan_features(self, activation: Activation, plan: Plan) -> list[MapFeature]:
        title = local(plan.title, self._desk.language)
        prefix = activation.id
        features: list[MapFeature] = [self._route(prefix, route, title) for route in plan.routes]
        cordon = self._cordon(prefix, activation.incident, plan.cordon, title)
        if cordon is not None:
            features.insert(0, cordon)  # under the routes and points
        features += [self._point(prefix, point) for point in plan.force_points]
        return features

    def _point(self, prefix: str, point: ForcePoint) -> Point:
        # Written beside the point all the time, so short: the capability is its colour (the legend says which).
        label = self._desk.tr("{name} × {count}").format(name=local(point.name, self._desk.language),
                                                         count=point.count)
        return Point(f"{prefix}/point/{point.id}", point.lat, point.lon, label, POINT_STYLES[point.capability])

    def _route(self, prefix: str, route: Route, title: str) -> Line:
        label = self._desk.tr("{route} ({mode}) — {plan}").format(
            route=local(route.name, self._desk.language), mode=self._desk.tr(ROUTE_NAMES[route.mode]), plan=title)
        return Line(f"{prefix}/route/{route.id}", route.points, label, ROUTE_STYLES[route.mode])

    def _cordon(self, prefix: str, incident_id: str, cordon: Cordon | None, title: str) -> Polygon | None:
        if cordon is None:
            return None
        if cordon.polygon is not None:
            ring, label = cordon.polygon, self._desk.tr("Cordon — {plan}").format(plan=title)
        else:
            incident = self._desk.state.incidents.get(incident_id)
            if incident is None or cordon.radius_m is None:
                return None  # an incident this desk has not heard of yet: its centre is unknown
            ring = circle(incident.lat, incident.lon, cordon.radius_m)
            label = self._desk.tr("Cordon {radius} m around incident {incident} — {plan}").format(
                radius=f"{cordon.radius_m:g}", incident=incident_id, plan=title)
        return Polygon(f"{prefix}/cordon", (ring,), label, CORDON_STYLE)

    def _legend(self, features: Iterable[MapFeature]) -> list[LegendEntry]:
        """A row for each kind of thing drawn, in a fixed order: points by capability, routes by mode, cordon."""
        used = {feature.style for feature in features}
        tr = self._desk.tr

        def text(source: str) -> Callable[[], str]:
            return lambda: tr(source)

        entries = [LegendEntry(text(CAPABILITY_NAMES[kind]), style, "point")
                   for kind, style in POINT_STYLES.items() if style in used]
        entries += [LegendEntry(text(ROUTE_NAMES[mode]), style, "line")
                    for mode, style in ROUTE_STYLES.items() if style in used]
        if CORDON_STYLE in used:
            entries.append(LegendEntry(text("Cordon"), CORDON_STYLE, "polygon"))
        return entries

    def _clicked(self, feature_id: str) -> None:
        incident = self._incident_of.get(feature_id)
        if incident:
            self._desk.selection.select_incident(incident)


def start_forces_layer(desk: DeskContext) -> ForcesLayer:
    """For the plugin's ``activate``: keep the returned object and call its ``stop()`` in ``deactivate``."""
    return ForcesLayer(desk, desk.map_layer(LAYER_ID), model_for(desk))
