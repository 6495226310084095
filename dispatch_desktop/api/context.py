"""What a plugin is given: ``DeskContext``, its one handle on the desk (one per plugin).

Everything a plugin does goes through it: read the live state and the city (read-only: the state is
immutable, and nothing here can replace it), listen to events, send commands, record its own facts as
plugin events, follow and change the selection, reach its panels and map layers, tell the dispatcher
something, keep settings and files. Every callback a plugin passes is called on the desk's GUI thread,
guarded: an exception (even ``SystemExit``) or a call that holds the desk longer than 100 ms counts as a
fault of that plugin, and a plugin with repeated faults is disabled for the session; the desk goes on.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

import msgspec

from dispatch_desktop.api.actions import Actions
from dispatch_desktop.api.events import AnyBody, AppliedEvent
from dispatch_desktop.api.forces import ForceRequirement
from dispatch_desktop.api.intake import IntakeAdvisor
from dispatch_desktop.api.map_layers import MapLayer
from dispatch_desktop.bus.command_reply import CommandReply as Outcome
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.state import State

EventListener = Callable[[AppliedEvent], None]
ResetListener = Callable[[State], None]
ChangeListener = Callable[[frozenset[str], frozenset[str]], None]
"""Called with (unit ids, incident ids) whose records changed in the state just shown."""
OutcomeListener = Callable[[Outcome], None]
SelectionListener = Callable[[str, str], None]
"""Called with (what, id): what is ``"incident"``, ``"unit"`` or ``"camera"``; id ``""`` when cleared."""


class Level(enum.StrEnum):
    INFO = "info"  # the status bar, for a while
    WARNING = "warning"  # the alerts panel, until the dispatcher has seen it


class Subscription(Protocol):
    def cancel(self) -> None:
        """Stop calling the listener (calling it twice is harmless)."""


class Selection(Protocol):
    """The one selection every panel and the map share, both ways."""

    @property
    def incident(self) -> str: ...

    @property
    def unit(self) -> str: ...

    @property
    def camera(self) -> str: ...

    def select_incident(self, incident_id: str) -> None: ...

    def select_unit(self, unit_id: str) -> None: ...

    def select_camera(self, camera_id: str) -> None: ...

    def on_change(self, listener: SelectionListener) -> Subscription: ...


class PanelHandle(Protocol):
    """A panel the plugin's manifest declared (the desk built it with the declared factory)."""

    @property
    def id(self) -> str: ...

    @property
    def widget(self) -> object:
        """The QWidget the factory returned."""

    @property
    def visible(self) -> bool: ...

    def show(self) -> None:
        """Show the panel and bring its tab to the front."""


class DeskContext(Protocol):
    """See the module docstring. Every member is documented in docs/PLUGINS.md."""

    @property
    def plugin_id(self) -> str: ...

    @property
    def api_version(self) -> str: ...

    # --- reading --------------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        """The state the desk shows now (immutable; a new object after every change)."""

    @property
    def city(self) -> City: ...

    @property
    def mode(self) -> str:
        """What the desk shows: ``"live"``, ``"simulation"``, ``"drill"`` or ``"replay"``."""

    def now_ms(self) -> int:
        """"Now" for elapsed times: the wall clock, or the replayed instant in a replay."""

    @property
    def language(self) -> str:
        """The desk's language: ``"zh_CN"`` or ``"en"``."""

    @property
    def time_zone(self) -> ZoneInfo:
        """The command center's time zone (every clock of the desk reads in it), whatever the machine's."""

    @property
    def read_only(self) -> str:
        """Why this desk sends nothing now (a supervisor's key, a replay), in the desk's language; ``""``
        when it may send. ``send`` and ``record`` raise ``PermissionError`` with this text."""

    def incident_type_name(self, code: str) -> str:
        """The name of an incident type (``"theft"``) in the desk's language (盗窃); the code if unknown."""

    # --- listening ------------------------------------------------------------------------------------

    def on_event(self, listener: EventListener, *, kinds: Iterable[str] | None = None) -> Subscription:
        """Call ``listener`` with every event the desk applies (or only those of ``kinds``), once each,
        in gseq order. This plugin's own plugin events from before the desk started come first, marked
        ``historical``."""

    def on_reset(self, listener: ResetListener) -> Subscription:
        """Call ``listener`` with the state when the desk replaced its state wholesale (the first
        synchronisation, or a resynchronisation that could not catch up): events between the last one
        delivered and this state were not delivered; rebuild from the state. This plugin's own plugin
        events in that gap are delivered (``historical``) right after."""

    def on_change(self, listener: ChangeListener) -> Subscription:
        """Call ``listener`` with the ids of the units and incidents whose records changed, after each
        state the desk shows (worked out once for the whole desk)."""

    def on_language(self, listener: Callable[[str], None]) -> Subscription:
        """Call ``listener`` with the new language after the desk's language changed (re-set texts)."""

    # --- acting ---------------------------------------------------------------------------------------

    def send(self, body: AnyBody, on_outcome: OutcomeListener | None = None) -> Future[Outcome]:
        """Send a workstation command (signed with the operator, kept in the outbox until answered).
        ``on_outcome`` is called on the GUI thread with the hub's answer (a timeout is an outcome with
        ``accepted`` False and ``code`` ``"timeout"``). Raises ``PermissionError`` on a read-only desk
        (a supervisor's key, a replay)."""

    def record(self, name: str, data: msgspec.Struct, *, incident: str = "",
               on_outcome: OutcomeListener | None = None) -> Future[Outcome]:
        """Record one of this plugin's facts as a plugin event ``name`` (declared in its manifest, with
        ``data`` of the declared schema). It is stored in the log, reaches every desk, replays."""

    def decode(self, event: AppliedEvent) -> msgspec.Struct | None:
        """The data of a plugin event of this plugin as its declared schema's struct; None for any
        other event (or one whose data does not match the schema)."""

    @property
    def selection(self) -> Selection: ...

    def panel(self, panel_id: str) -> PanelHandle:
        """One of this plugin's panels, by its manifest id (``KeyError`` if it declared none such)."""

    def map_layer(self, layer_id: str) -> MapLayer:
        """One of this plugin's map layers, by its manifest id (``KeyError`` if it declared none such)."""

    @property
    def actions(self) -> Actions:
        """Add incident actions at run time (those in the manifest are added already)."""

    def advise_intake(self, advisor: IntakeAdvisor) -> Subscription:
        """Offer ``advisor(draft) -> IntakeAdvice | None`` while calls are taken (see ``api.intake``): the
        intake form shows the most confident advice of all plugins, and the call-taker takes it with
        F4. It runs on the GUI thread after each pause in typing: answer in a few milliseconds."""

    def add_dispatch_section(self, widget: object, show_incident: Callable[[str], None]) -> None:
        """Put ``widget`` (a QWidget) into the dispatch panel, under the incident's facts;
        ``show_incident(incident_id)`` is called whenever the panel's incident changes ("" for none)."""

    def require_forces(self, incident: str, forces: Sequence[ForceRequirement], reason: str) -> Subscription:
        """While it stands, the dispatch panel's recommendation for ``incident`` starts with the nearest free
        units of each required kind not yet on it (rapid-response teams first), marked "Required:
        ``reason``" (``reason`` in the desk's language); Ctrl+F5 dispatches them all. Units already on the
        incident count toward it; a requirement no free unit can fill is shown as such. Calling it again
        for the same incident replaces this plugin's previous requirement; ``cancel()`` removes it; two
        plugins' requirements of one kind make the larger count. ``ValueError`` for an empty incident id,
        no forces, or a kind named twice."""

    def raise_alert(self, key: str, title: str, text: str, *, incident: str = "") -> None:
        """Show an alert in the alerts panel until ``clear_alert(key)``: ``title`` is its kind ("Step
        overdue"), ``text`` its details, about ``incident`` (picking it selects the incident; an id the
        desk does not know yet is fine) or else this plugin. Raising a key again updates that alert in
        place, keeping its first time. Keys are this plugin's own. ``ValueError`` for an empty key or
        title."""

    def clear_alert(self, key: str) -> None:
        """Take this plugin's alert ``key`` away (an unknown key is harmless)."""

    def notify(self, text: str, level: Level = Level.INFO) -> None:
        """Tell the dispatcher: ``INFO`` in the status bar, ``WARNING`` in the alerts panel."""

    # --- keeping ----------------------------------------------------------------------------------

    @property
    def settings(self) -> msgspec.Struct | None:
        """This user's settings for the plugin (its manifest's ``settings`` struct), None if it has none."""

    def save_settings(self, settings: msgspec.Struct) -> None: ...

    @property
    def data_dir(self) -> Path:
        """A directory of the plugin's own, created on first use (per user)."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` in the desk's language from the plugin's own catalogue (context: the plugin id)."""
