"""Which units to send: the roster ranked by estimated time of arrival.

ETA = turnout delay + driving time (``travel``: haversine × detour factor at a typical speed by
unit kind, zone and time of day). Turnout is how long a unit needs before it is actually moving:

==================================  =========
available patrol group / officer     30 s  (already out, in the car)
available traffic police             30 s
available station car                60 s  (parked at the station)
available rapid response             15 s  (on standby, engines running)
soon free: on a break (UNAVAILABLE)  180 s (called back from a meal or a refuel)
soon free: on scene elsewhere        the rest of that incident's clear target, at least 120 s
==================================  =========

Only AVAILABLE units can be dispatched. With ``include_soon_free`` the ranking also lists units
that will be free shortly, marked ``available=False`` so the desk shows them but does not send them.

A unit whose last report is older than its kind's staleness limit (``domain.staleness``: two minutes
for a patrol group by default) is not where the map shows it for sure: it is listed *after* the units
whose position is current, marked stale, and never called the fastest. Every row says why it stands
where it does: the fastest, or its distance and drive against the fastest, plus whatever moved it.

Terror and extreme-violence incidents (the taxonomy's ``rapid_response`` flag: knife attacks, armed
brawls, hostage taking, firearms, explosions, terror) get the nearest rapid-response team (羊城突击队)
first as long as it is at most ``rapid_margin_s`` slower than the fastest unit; when it is farther it
is still listed (as back-up, after the nearer available units) so the dispatcher can send it too.

Required forces (``required``: an activated emergency plan's "1 rapid-response team + 2 patrol groups")
head the list, marked: for each kind, the nearest available units not yet counted, the units already on
the incident counting toward it, so the required rows shrink as forces go. What no free unit can fill is
reported by ``unmet``, never dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import msgspec
import numpy as np

from dispatch_desktop.domain.enums import IncidentStatus, UnitKind, UnitStatus
from dispatch_desktop.domain.staleness import DEFAULT_STALENESS, StalenessPolicy
from dispatch_desktop.domain.state import Incident, State, Unit
from dispatch_desktop.domain.timers import targets_for
from dispatch_desktop.domain.travel import KIND_ORDER, drive_seconds, kind_code

_RAPID = kind_code(UnitKind.RAPID_RESPONSE)

TURNOUT_AVAILABLE_S: dict[UnitKind, float] = {
    UnitKind.PATROL_GROUP: 30.0,
    UnitKind.OFFICER: 30.0,
    UnitKind.TRAFFIC: 30.0,
    UnitKind.STATION_CAR: 60.0,
    UnitKind.RAPID_RESPONSE: 15.0,
}
TURNOUT_BREAK_S = 180.0
MIN_SCENE_REMAINING_S = 120.0
_KIND_CODE = {kind: code for code, kind in enumerate(KIND_ORDER)}
_TURNOUT_BY_CODE = np.array([TURNOUT_AVAILABLE_S[k] for k in KIND_ORDER])

# Status codes in the table; anything else (off duty, dispatched, en route) is never proposed.
_AVAILABLE, _BREAK, _ON_SCENE, _OTHER = 0, 1, 2, 3
_STATUS_CODE = {UnitStatus.AVAILABLE: _AVAILABLE, UnitStatus.UNAVAILABLE: _BREAK, UnitStatus.ON_SCENE: _ON_SCENE}


class Reason(msgspec.Struct, frozen=True):
    """Why a unit is where it is in the list. ``code`` is stable (the UI translates it);
    ``params`` fill the sentence."""

    code: str
    params: dict[str, str] = {}


REASON_TEMPLATES: dict[str, str] = {
    "fastest": "Fastest arrival: {km} km, about {minutes} min",
    "slower": "{km} km, about {minutes} min: {extra} s after the fastest",
    "stale": "Position {age} min old: listed after the units whose position is current",
    "rapid_first": "Violent / terror incident: rapid-response team first (+{extra} s)",
    "rapid_backup": "Violent / terror incident: rapid-response team as back-up (+{extra} s)",
    "own_station": "Unit of the incident's station",
    "required": "Required: {reason}",
    "soon_free_break": "On a break, can be called back",
    "soon_free_scene": "On scene at {incident}, free in about {minutes} min",
}
"""English sentences for logs and tests; the UI has its own translated texts for the same codes."""


def reason_text(reason: Reason) -> str:
    return REASON_TEMPLATES[reason.code].format(**reason.params)


class Recommendation(msgspec.Struct, frozen=True):
    unit: str
    name: str
    kind: UnitKind
    station: str
    status: UnitStatus
    eta_s: float
    distance_m: float  # estimated road distance
    available: bool  # False: listed because it will soon be free; not dispatchable yet
    reasons: tuple[Reason, ...] = ()
    stale: bool = False  # its last report is too old to trust its position
    required: bool = False  # it fills a required force (its first reason says whose)


class Required(msgspec.Struct, frozen=True):
    """Forces that must go to an incident whatever the ranking (an activated emergency plan): ``count``
    units of ``kind``; ``reason`` says why, in the dispatcher's language."""

    kind: UnitKind
    count: int = 1
    reason: str = ""




class RecommendConfig(msgspec.Struct, frozen=True):
    limit: int = 10
    include_soon_free: bool = False
    rapid_margin_s: float = 240.0


DEFAULT_RECOMMEND_CONFIG = RecommendConfig()


class UnitTable:
    """The roster as parallel numpy arrays, built once per state and ranked many times."""

    def __init__(self, units: Iterable[Unit], incidents: Mapping[str, Incident] | None = None,
                 now_ms: int = 0, staleness: StalenessPolicy = DEFAULT_STALENESS) -> None:
        roster = list(units)
        self.kind_of: dict[str, UnitKind] = {u.id: u.kind for u in roster}  # every unit, busy ones too
        rows = [u for u in roster if u.status in _STATUS_CODE and (u.lat or u.lon)]
        self.units: list[Unit] = rows
        n = len(rows)
        self.lat = np.fromiter((u.lat for u in rows), dtype=np.float64, count=n)
        self.lon = np.fromiter((u.lon for u in rows), dtype=np.float64, count=n)
        self.kind = np.fromiter((_KIND_CODE[u.kind] for u in rows), dtype=np.intp, count=n)
        self.status = np.fromiter((_STATUS_CODE[u.status] for u in rows), dtype=np.int8, count=n)
        self.station = np.array([u.station for u in rows], dtype=object)
        self.stale = np.fromiter((staleness.is_stale(u, now_ms) for u in rows), dtype=bool, count=n)
        self.age_s = np.fromiter((staleness.age_ms(u, now_ms) / 1000.0 for u in rows), dtype=np.float64, count=n)
        # Seconds until a unit on scene elsewhere is expected to be free, from that incident's clock.
        remaining = np.zeros(n)
        by_id = incidents or {}
        for row in np.nonzero(self.status == _ON_SCENE)[0]:
            busy = by_id.get(rows[row].incident)
            if busy is None or busy.status is not IncidentStatus.ON_SCENE or not busy.arrived_at:
                self.status[row] = _OTHER
                continue
            left = targets_for(busy.priority).clear_s - (now_ms - busy.arrived_at) / 1000.0
            remaining[row] = max(MIN_SCENE_REMAINING_S, left)
        self.scene_remaining_s = remaining

    @classmethod
    def from_state(cls, state: State, now_ms: int | None = None,
                   staleness: StalenessPolicy = DEFAULT_STALENESS) -> UnitTable:
        return cls(state.units.values(), state.incidents, state.time if now_ms is None else now_ms, staleness)

    def __len__(self) -> int:
        return len(self.units)


def merge_required(required: Iterable[Required]) -> tuple[Required, ...]:
    """One requirement per kind, as wanted by all who asked: the largest count, every distinct reason
    (joined by "; "); rapid-response teams first, then the kinds in the order they were first asked for."""
    counts: dict[UnitKind, int] = {}
    reasons: dict[UnitKind, list[str]] = {}
    for item in required:
        counts[item.kind] = max(counts.get(item.kind, 0), item.count)
        said = reasons.setdefault(item.kind, [])
        if item.reason and item.reason not in said:
            said.append(item.reason)
    kinds = sorted(counts, key=lambda kind: kind is not UnitKind.RAPID_RESPONSE)  # stable: asked order kept
    return tuple(Required(kind, counts[kind], "; ".join(reasons[kind])) for kind in kinds)


def outstanding(required: Iterable[Required], assigned: Iterable[UnitKind]) -> tuple[Required, ...]:
    """What is still to be sent: ``merge_required`` less the units of each kind already on the incident."""
    on_it = Counter(assigned)
    return tuple(msgspec.structs.replace(need, count=need.count - on_it[need.kind])
                 for need in merge_required(required) if need.count > on_it[need.kind])


def recommend(
    table: UnitTable,
    incident: Incident,
    now_ms: int,
    *,
    rapid_response: bool = False,
    required: Sequence[Required] = (),
    config: RecommendConfig = DEFAULT_RECOMMEND_CONFIG,
) -> list[Recommendation]:
    """The best units for ``incident``, fastest first (available ones before soon-free ones), with the
    rapid-response rule applied when ``rapid_response`` (the incident type's taxonomy flag).

    ``required`` (an activated emergency plan's forces) go first: for each requirement still outstanding
    once the units already on the incident are counted (rapid-response teams first), the nearest available
    units of its kind, fresh positions before stale ones, each marked ``required`` (what no free unit can
    fill: ``unmet``). The rest of the ranking follows as without it, up to ``config.limit`` rows in all
    (required rows are never cut)."""
    if not len(table):
        return []
    wanted = outstanding(required, _assigned(table, incident))
    road, drive = drive_seconds(table.kind, table.lat, table.lon, incident.lat, incident.lon, now_ms)
    turnout = np.where(
        table.status == _AVAILABLE,
        _TURNOUT_BY_CODE[table.kind],
        np.where(table.status == _BREAK, TURNOUT_BREAK_S, table.scene_remaining_s),
    )
    eta = drive + turnout
    available = table.status == _AVAILABLE
    eligible = available | ((table.status != _OTHER) & config.include_soon_free)

    def best(mask: np.ndarray, k: int) -> list[int]:
        idx = np.nonzero(mask)[0]
        if k <= 0 or not idx.size:
            return []
        if idx.size > k:
            idx = idx[np.argpartition(eta[idx], k - 1)[:k]]
        return [int(i) for i in idx[np.lexsort((idx, eta[idx]))]]

    fresh = available & ~table.stale
    reasons: dict[int, list[Reason]] = {}
    picked = _required_rows(wanted, available, table, best, reasons)
    rest = np.ones(len(table), dtype=bool)
    rest[picked] = False
    limit = max(config.limit - len(picked), 0)
    chosen = best(fresh & rest, limit)
    chosen += best(available & table.stale & rest, limit - len(chosen))
    chosen += best(eligible & ~available & rest, limit - len(chosen))
    fastest_of_all = best(fresh, 1)
    fastest = fastest_of_all[0] if fastest_of_all else -1
    # A rapid-response team the plan requires is the team the rule wants: it already heads the list.
    if rapid_response and not any(need.kind is UnitKind.RAPID_RESPONSE for need in merge_required(required)):
        chosen = _rapid_rule(chosen, best(available & rest & (table.kind == _RAPID), 1), eta, available,
                             limit, config.rapid_margin_s, reasons)
    return [_row(i, table, incident, road, eta, available, fastest, reasons.get(i, [])) for i in [*picked, *chosen]]


def unmet(table: UnitTable, incident: Incident, required: Sequence[Required]) -> tuple[Required, ...]:
    """The part of each requirement no free unit can fill now (``count``: how many are missing): what
    ``recommend`` could not mark, since it marks any available unit of the kind."""
    free = Counter(table.units[i].kind for i in np.nonzero(table.status == _AVAILABLE)[0])
    return tuple(msgspec.structs.replace(need, count=need.count - free[need.kind])
                 for need in outstanding(required, _assigned(table, incident)) if need.count > free[need.kind])


def _assigned(table: UnitTable, incident: Incident) -> list[UnitKind]:
    """The kinds of the units on the incident now (dispatched, en route, on scene; a recalled one is not)."""
    return [table.kind_of[unit] for unit in incident.units if unit in table.kind_of]


def _required_rows(wanted: tuple[Required, ...], available: np.ndarray, table: UnitTable,
                   best: Callable[[np.ndarray, int], list[int]], reasons: dict[int, list[Reason]]) -> list[int]:
    """The rows that fill ``wanted`` as far as there are units (one requirement per kind: no unit fills two)."""
    picked: list[int] = []
    for need in wanted:
        pool = available & (table.kind == _KIND_CODE[need.kind])
        rows = best(pool & ~table.stale, need.count)
        rows += best(pool & table.stale, need.count - len(rows))
        for i in rows:
            reasons[i] = [Reason("required", {"reason": need.reason})]
        picked += rows
    return picked


def _rapid_rule(chosen: list[int], rapid: list[int], eta: np.ndarray, available: np.ndarray, limit: int,
                margin_s: float, reasons: dict[int, list[Reason]]) -> list[int]:
    """The nearest rapid-response team first if it is at most ``margin_s`` slower than the first row,
    else kept as back-up."""
    if not rapid or not chosen:
        return chosen
    r = rapid[0]
    extra_s = float(eta[r] - eta[chosen[0]])
    if extra_s <= margin_s:
        chosen = [r, *(i for i in chosen if i != r)][: max(limit, 1)]
        code = "rapid_first"
    else:
        # Too far to wait for: the nearest units keep the top rows and the team stays in the list (at its
        # own rank, else after the available units) to be sent as back-up.
        if r not in chosen:
            ready = [i for i in chosen if available[i]][: max(limit - 1, 1)]
            chosen = [*ready, r, *(i for i in chosen if not available[i])][: max(limit, len(ready) + 1)]
        code = "rapid_backup"
    reasons.setdefault(r, []).insert(0, Reason(code, {"extra": str(round(extra_s))}))
    return chosen


def _row(i: int, table: UnitTable, incident: Incident, road: np.ndarray, eta: np.ndarray, available: np.ndarray,
         fastest: int, why: list[Reason]) -> Recommendation:
    unit = table.units[i]
    why = list(why)
    distance = {"km": f"{road[i] / 1000:.1f}", "minutes": str(max(1, round(float(eta[i]) / 60.0)))}
    if i == fastest:
        why.insert(1 if why and why[0].code == "required" else 0, Reason("fastest", distance))
    elif fastest >= 0:
        why.append(Reason("slower", {**distance, "extra": str(round(float(eta[i] - eta[fastest])))}))
    if table.stale[i]:
        why.append(Reason("stale", {"age": str(max(1, round(float(table.age_s[i]) / 60.0)))}))
    if incident.station and unit.station == incident.station:
        why.append(Reason("own_station"))
    if table.status[i] == _BREAK:
        why.append(Reason("soon_free_break"))
    elif table.status[i] == _ON_SCENE:
        minutes = str(max(1, round(float(table.scene_remaining_s[i]) / 60.0)))
        why.append(Reason("soon_free_scene", {"incident": unit.incident, "minutes": minutes}))
    return Recommendation(
        unit=unit.id, name=unit.name, kind=unit.kind, station=unit.station, status=unit.status,
        eta_s=float(eta[i]), distance_m=float(road[i]), available=bool(available[i]), reasons=tuple(why),
        stale=bool(table.stale[i]), required=bool(why) and why[0].code == "required",
    )
