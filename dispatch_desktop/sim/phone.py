"""What the telephone network says about a simulated 110 call, and how its caller behaves on the line.

About nine callers in ten ring from a mobile: the network gives their number and the location of their
cell, somewhere within a few hundred metres to a kilometre and a half of where they really are. The
rest ring from a landline (a Guangzhou 020 number), whose registered address is exactly where the
incident is. A caller waits for an answer for half a minute to two minutes, then gives up; an answered
one stays on the line for a minute or three.

Everything about one call is drawn from a generator of its own, seeded by the simulation's seed and the
call's place in the stream (its minute and its index there), so it is the same however the simulation
is stepped, and independent of the rest of the stream.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import msgspec
import numpy as np

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import BBox, plane_latlon, plane_xy
from dispatch_desktop.sim.calls import MINUTE_MS, Call

_SALT_PHONE = 0x110
_LANDLINE_ACCURACY_M = 10  # a registered address is a building, not a cell


@dataclass(frozen=True)
class Telephony:
    """The network and the people on the line (seconds of simulated time)."""

    mobile_share: float = 0.9
    cell_accuracy_m: tuple[float, float] = (150.0, 1500.0)
    ring_s: tuple[float, float] = (4.0, 20.0)  # the simulated call-taker picks up after this long
    patience_s: tuple[float, float] = (30.0, 120.0)  # an unanswered caller gives up after this long
    talk_s: tuple[float, float] = (40.0, 180.0)  # an answered caller hangs up after this long

    def __post_init__(self) -> None:
        if not 0.0 <= self.mobile_share <= 1.0:
            raise ValueError(f"the mobile share must be between 0 and 1, got {self.mobile_share}")


@dataclass(frozen=True)
class Ringing:
    """One call as the switchboard plays it."""

    offer: ev.CallOffered  # what the gateway says when it rings
    report: ev.IncidentCreated  # what the caller tells the call-taker (their number is the one the network gave)
    call_ms: int
    entered_ms: int  # the call-taker has typed the incident in by then
    answer_ms: int  # when the simulated call-taker picks up, if the call still rings
    give_up_ms: int  # when the caller gives up, if nobody answered
    talk_ms: int  # how long the caller stays on the line once answered

    @property
    def id(self) -> str:
        return self.offer.call


def ring(call: Call, telephony: Telephony, *, seed: int, area: BBox) -> Ringing:
    """The network's view of ``call`` and its caller's timing; a cell location stays inside ``area``."""
    rng = np.random.default_rng([seed, _SALT_PHONE, call.call_ms // MINUTE_MS, call.index])
    u_line, u_accuracy, u_distance, u_angle, u_ring, u_patience, u_talk, u_number = rng.random(8).tolist()
    report = call.body
    if u_line < telephony.mobile_share:
        accuracy = _between(telephony.cell_accuracy_m, u_accuracy)
        lat, lon = _displaced(report.lat, report.lon, accuracy * math.sqrt(u_distance), 2 * math.pi * u_angle,
                              area)
        offer = ev.CallOffered(call=call.id, number=report.caller_number, simulated=True, location=ev.CallLocation(
            lat=lat, lon=lon, accuracy_m=round(accuracy), method="cell"))
    else:
        number = f"020{2 + int(u_number * 7)}{rng.integers(0, 10**7):07d}"  # 8 digits, none starting 0 or 1
        report = msgspec.structs.replace(report, caller_number=number)
        offer = ev.CallOffered(call=call.id, number=number, address=report.address, simulated=True,
                               location=ev.CallLocation(lat=report.lat, lon=report.lon,
                                                        accuracy_m=_LANDLINE_ACCURACY_M, method="registered"))
    return Ringing(
        offer=offer, report=report, call_ms=call.call_ms, entered_ms=call.entered_ms,
        answer_ms=call.call_ms + _ms(_between(telephony.ring_s, u_ring)),
        give_up_ms=call.call_ms + _ms(_between(telephony.patience_s, u_patience)),
        talk_ms=_ms(_between(telephony.talk_s, u_talk)),
    )


def _displaced(lat: float, lon: float, distance_m: float, angle: float, area: BBox) -> tuple[float, float]:
    x, y = plane_xy(lat, lon)
    moved_lat, moved_lon = plane_latlon(x + distance_m * math.sin(angle), y + distance_m * math.cos(angle))
    # A cell near the edge of the city still covers the centre's area: the hub refuses a location outside it.
    return (min(max(round(float(moved_lat), 6), area.south), area.north),
            min(max(round(float(moved_lon), 6), area.west), area.east))


def _between(bounds: tuple[float, float], u: float) -> float:
    lo, hi = bounds
    return lo + (hi - lo) * u


def _ms(seconds: float) -> int:
    return round(seconds * 1000.0)
