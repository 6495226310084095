"""The station duty plugin's hooks: what it adds to a desk, wired in one place."""

from __future__ import annotations

from dispatch_desktop.api import DeskContext, hookimpl
from station_duty.load_layer import StationLoadLayer, start_load
from station_duty.referral import TriageAdvisor
from station_duty.roster import wiring
from station_duty.triage import default_triage

_running: dict[str, StationLoadLayer] = {}


@hookimpl
def activate(desk: DeskContext) -> None:
    _running["load"] = start_load(desk)
    wiring.start(desk)  # the rosters, and the station on duty in the dispatch panel
    desk.advise_intake(TriageAdvisor(desk, default_triage()))  # police or not, and whose, as calls are taken


@hookimpl
def deactivate() -> None:
    load = _running.pop("load", None)
    if load is not None:
        load.stop()
    wiring.stop()
