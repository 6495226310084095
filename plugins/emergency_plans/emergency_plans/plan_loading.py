"""The plan library of a desk, with its matcher: the shipped plans and a command center's own folder
(``<desk.data_dir>/plans/*.yaml``, a plan there replacing a shipped plan of the same id), read on a worker
thread (about 0.2 s of YAML) so that no call holds the desk. Qt-free."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path
from zoneinfo import ZoneInfo

from dispatch_desktop.api import City, DeskContext
from emergency_plans.library import PlanLibrary, load_library, load_shipped
from emergency_plans.matching import PlanMatcher
from emergency_plans.reference import reference_from_city

OWN_PLANS_FOLDER = "plans"
"""A command center's own plans: ``<desk.data_dir>/plans/*.yaml``, replacing shipped plans of the same id."""


class LoadedPlans:
    """The library with its matcher, built together (off the GUI thread)."""

    def __init__(self, library: PlanLibrary, matcher: PlanMatcher) -> None:
        self.library = library
        self.matcher = matcher
        self.by_id = {plan.id: plan for plan in library.plans}


def load_plans(city: City, own_folder: Path | None, zone_key: str | None = None) -> LoadedPlans:
    """The shipped plans, a command center's own folder on top (same id: its plan wins), and their matcher."""
    reference = reference_from_city(city)
    shipped = load_shipped(reference)
    plans = {plan.id: plan for plan in shipped.plans}
    problems = list(shipped.problems)
    if own_folder is not None and own_folder.is_dir() and any(own_folder.glob("*.y*ml")):
        own = load_library(own_folder, reference)
        plans.update((plan.id, plan) for plan in own.plans)
        problems += own.problems
    library = PlanLibrary(tuple(plans[plan_id] for plan_id in sorted(plans)), {}, tuple(problems))
    matcher = PlanMatcher(library.plans, reference, *([ZoneInfo(zone_key)] if zone_key else []))
    return LoadedPlans(library, matcher)


def load_in_background(city: City, own_folder: Path | None, zone_key: str | None) -> Future[LoadedPlans]:
    # The thread holds the city and a folder only, never the desk (no Qt object is let go of off the GUI thread).
    future: Future[LoadedPlans] = Future()

    def run() -> None:
        try:
            future.set_result(load_plans(city, own_folder, zone_key))
        except BaseException as error:  # reported as a library problem, never lost
            future.set_exception(error)

    threading.Thread(target=run, name="emergency-plans-library", daemon=True).start()
    return future


def own_plans_folder(desk: DeskContext) -> Path | None:
    try:
        return Path(desk.data_dir) / OWN_PLANS_FOLDER
    except OSError:
        return None
