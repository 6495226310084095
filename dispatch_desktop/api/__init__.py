"""The public API of Dispatch Desktop for plugins: the only module a plugin imports.

Versioned by ``API_VERSION`` (a plugin's manifest declares the range it supports), typed (the package
ships ``py.typed``), and Qt-free, so that the hub can load a plugin's event schemas where no desk runs.
``docs/PLUGINS.md`` is the tutorial and the reference of every name here; ``tests/test_public_api.py``
keeps this list and that document in step.

A plugin implements the hooks (``activate``, ``deactivate``) with ``@hookimpl`` in the module its
manifest names, and receives a ``DeskContext`` — its handle on the live state, events, commands, the
selection, its panels, map layers and incident actions, the forces an incident requires, notices and
alerts, settings and files. ``INCIDENT_TYPES`` and ``default_city()`` serve a plugin's command line tools,
which run without a desk; ``yaml_source`` reads a plugin's YAML files with file:line: field problems.
"""

from __future__ import annotations

from dispatch_desktop.api import events, yaml_source
from dispatch_desktop.api.actions import Actions, IncidentAction, KeyConflict
from dispatch_desktop.api.cli import CliContext
from dispatch_desktop.api.context import (
    ChangeListener,
    DeskContext,
    EventListener,
    Level,
    OutcomeListener,
    PanelHandle,
    ResetListener,
    Selection,
    SelectionListener,
    Subscription,
)
from dispatch_desktop.api.events import AppliedEvent, Envelope
from dispatch_desktop.api.forces import ForceRequirement
from dispatch_desktop.api.hookspecs import hookimpl
from dispatch_desktop.api.intake import IntakeAdvice, IntakeAdvisor, IntakeDraft
from dispatch_desktop.api.map_layers import LegendEntry, Line, MapFeature, MapLayer, Point, Polygon, Style
from dispatch_desktop.api.reference import INCIDENT_TYPES, IncidentType, Targets, default_city, response_targets
from dispatch_desktop.api.version import API_VERSION
from dispatch_desktop.bus.command_reply import CommandReply as Outcome
from dispatch_desktop.domain.city import Camera, City, District, Station
from dispatch_desktop.domain.enums import Category, IncidentStatus, Mode, UnitKind, UnitStatus
from dispatch_desktop.domain.state import Call, Incident, State, TimelineEntry, Unit
from dispatch_desktop.domain.taxonomy import Department

__all__ = [
    "API_VERSION",
    "INCIDENT_TYPES",
    "Actions",
    "AppliedEvent",
    "Call",
    "Camera",
    "Category",
    "ChangeListener",
    "City",
    "CliContext",
    "Department",
    "DeskContext",
    "District",
    "Envelope",
    "EventListener",
    "ForceRequirement",
    "Incident",
    "IncidentAction",
    "IncidentStatus",
    "IncidentType",
    "IntakeAdvice",
    "IntakeAdvisor",
    "IntakeDraft",
    "KeyConflict",
    "LegendEntry",
    "Level",
    "Line",
    "MapFeature",
    "MapLayer",
    "Mode",
    "Outcome",
    "OutcomeListener",
    "PanelHandle",
    "Point",
    "Polygon",
    "ResetListener",
    "Selection",
    "SelectionListener",
    "State",
    "Station",
    "Style",
    "Subscription",
    "Targets",
    "TimelineEntry",
    "Unit",
    "UnitKind",
    "UnitStatus",
    "default_city",
    "events",
    "hookimpl",
    "response_targets",
    "yaml_source",
]
