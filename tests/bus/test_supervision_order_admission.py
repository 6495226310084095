"""Who may issue a supervision order (``supervision_order_issued``) through the hub: a supervisor's desk (the
read-only role's second exception) and a commander's, in live mode; never a dispatcher's, a drill's, a telephony
gateway or a field unit."""

from __future__ import annotations

import msgspec
import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub.admission import FIELD, WORKSTATION, check_sender
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import Mode

ORDER = ev.SupervisionOrderIssued(month="2026-11", station="S-440106-03", number="督办〔2026〕11-01",
                                  this_month=412, last_month=350, last_year=None, rank=1, stations=255,
                                  sha256="ab" * 32, operator="王建国 010007")


def _sent(source: str, mode: Mode = Mode.LIVE) -> ev.Envelope:
    return ev.envelope(source, 1, ORDER, 1_700_000_000_000, mode=mode)


def _refusal(source: str, role: Role | None, *, channel: object = WORKSTATION, mode: Mode = Mode.LIVE) -> p.BusError:
    with pytest.raises(p.BusError) as refused:
        check_sender(_sent(source, mode), channel, source, role)  # type: ignore[arg-type]
    return refused.value


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.COMMANDER, None])
def test_a_supervisor_or_commander_desk_may_issue_an_order(role: Role | None) -> None:
    check_sender(_sent("ws-sup"), WORKSTATION, "ws-sup", role)


def test_a_dispatcher_may_not_issue_an_order() -> None:
    refused = _refusal("ws-1", Role.DISPATCHER)
    assert (refused.code, refused.params["kind"]) == ("kind_not_allowed", "supervision_order_issued")


def test_a_drill_issues_no_real_order() -> None:
    refused = _refusal("ws-sup", Role.COMMANDER, mode=Mode.DRILL)
    assert (refused.code, refused.params["sender"]) == ("kind_not_allowed", "drill workstation")


def test_a_telephony_gateway_may_not_issue_an_order() -> None:
    refused = _refusal("gw-110", Role.TELEPHONY)
    assert (refused.code, refused.params["kind"]) == ("kind_not_allowed", "supervision_order_issued")


def test_a_field_unit_may_not_issue_an_order() -> None:
    refused = _refusal("P-0001", None, channel=FIELD)
    assert (refused.code, refused.params["sender"]) == ("kind_not_allowed", "field unit")


@pytest.mark.parametrize(("change", "field"), [
    ({"month": "2026-13"}, "month"), ({"rank": 256}, "rank"), ({"sha256": "AB" * 32}, "sha256"),
    ({"this_month": -1}, "this_month"), ({"station": ""}, "station"),
])
def test_a_malformed_order_does_not_decode(change: dict[str, object], field: str) -> None:
    plain = msgspec.to_builtins(ORDER) | change
    with pytest.raises(msgspec.ValidationError, match=field):
        msgspec.convert(plain, ev.SupervisionOrderIssued)


def test_an_order_without_last_years_figure_round_trips() -> None:
    data = msgspec.msgpack.encode(ORDER)
    assert msgspec.msgpack.decode(data, type=ev.SupervisionOrderIssued) == ORDER
