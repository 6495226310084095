"""Is this call about an incident we already have? Several people often call about the same fight.

A new call is a possible duplicate of an open incident when it is near (``radius_m``, 300 m by
default), recent (the open incident's call came at most ``window_s`` before, 15 min by default, or at
most the same span after when a call is entered late) and of the same incident type, or of the same
type class (``taxonomy_class``: violent types form one class, so "assault" matches "fight"; other
types group by the department they involve, so "noise" matches "pollution"; the rest stand alone).
Candidates are ranked by a score that adds the distance and the age as fractions of their limits,
with a penalty for a class-only match, so the same type close by and just now comes first.

Incidents already marked as duplicates are skipped: their original is near too and is the one to
point at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import msgspec

from dispatch_desktop.domain.state import Incident
from dispatch_desktop.domain.taxonomy import incident_type, is_known
from dispatch_desktop.domain.travel import haversine_m


def taxonomy_class(code: str) -> str:
    """The class a type is matched within, derived from the taxonomy: callers rarely agree whether
    it was a fight or an assault, a noise or a pollution problem."""
    if not is_known(code):
        return code
    kind = incident_type(code)
    if kind.violent:
        return "violent"
    return f"department:{kind.department.value}" if kind.department else code


class DuplicateConfig(msgspec.Struct, frozen=True):
    radius_m: float = 300.0
    window_s: float = 15 * 60.0
    class_match_penalty: float = 0.5  # added to the score when only the type class matches
    limit: int = 5


DEFAULT_DUPLICATE_CONFIG = DuplicateConfig()


class DuplicateCandidate(msgspec.Struct, frozen=True):
    incident: Incident
    distance_m: float
    age_s: float  # how long before the new call the candidate's call came (negative: after)
    same_type: bool
    score: float  # lower is more likely the same event


def find_duplicates(
    incidents: Iterable[Incident],
    lat: float,
    lon: float,
    incident_type: str,
    call_time_ms: int,
    *,
    type_class: Callable[[str], str] | None = taxonomy_class,
    config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG,
    exclude: str = "",
) -> list[DuplicateCandidate]:
    """Open incidents the new call may duplicate, most likely first. ``type_class`` maps a type to
    its class; without it only the same type matches. An empty ``incident_type`` matches any type
    (the dispatcher has typed the location but not yet the type) with the class penalty."""
    wanted_class = type_class(incident_type) if type_class and incident_type else None
    found: list[DuplicateCandidate] = []
    for incident in incidents:
        if not incident.is_open or incident.duplicate_of or incident.id == exclude:
            continue
        age_s = (call_time_ms - incident.call_time) / 1000.0
        if abs(age_s) > config.window_s:
            continue
        same_type = bool(incident_type) and incident.incident_type == incident_type
        if incident_type and not same_type and (
            wanted_class is None or type_class is None or type_class(incident.incident_type) != wanted_class
        ):
            continue
        distance = float(haversine_m(lat, lon, incident.lat, incident.lon))
        if distance > config.radius_m:
            continue
        score = distance / config.radius_m + abs(age_s) / config.window_s
        if not same_type:
            score += config.class_match_penalty
        found.append(DuplicateCandidate(incident, distance, age_s, same_type, score))
    found.sort(key=lambda c: (c.score, c.incident.id))
    return found[: config.limit]
