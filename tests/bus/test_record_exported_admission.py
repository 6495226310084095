"""Who may record an export's fingerprint (``record_exported``) through the hub: every desk, the read-only
supervisor included (exporting is a supervisor's job), never a telephony gateway or a field unit."""

from __future__ import annotations

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub.admission import FIELD, WORKSTATION, check_sender
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev

EXPORTED = ev.RecordExported(incident="J-20251122-00001", start_ms=1_000, end_ms=2_000, format="pdf",
                             sha256="ab" * 32, size=12_345, file="J-20251122-00001.pdf", operator="李娜 010233")
NOTE = ev.IncidentNote(incident="J-20251122-00001", text="到场")


def _sent(body: ev.Body, source: str) -> ev.Envelope:
    return ev.envelope(source, 1, body, 1_700_000_000_000)


@pytest.mark.parametrize("role", [Role.DISPATCHER, Role.COMMANDER, Role.SUPERVISOR, None])
def test_every_desk_may_record_an_export(role: Role | None) -> None:
    check_sender(_sent(EXPORTED, "ws-sup"), WORKSTATION, "ws-sup", role)


def test_the_supervisor_may_record_an_export_and_still_commands_nothing_else() -> None:
    with pytest.raises(p.BusError) as refused:
        check_sender(_sent(NOTE, "ws-sup"), WORKSTATION, "ws-sup", Role.SUPERVISOR)
    assert refused.value.code == "read_only"


def test_a_telephony_gateway_may_not_record_an_export() -> None:
    with pytest.raises(p.BusError) as refused:
        check_sender(_sent(EXPORTED, "gw-110"), WORKSTATION, "gw-110", Role.TELEPHONY)
    assert (refused.value.code, refused.value.params["kind"]) == ("kind_not_allowed", "record_exported")


def test_a_field_unit_may_not_record_an_export() -> None:
    with pytest.raises(p.BusError) as refused:
        check_sender(_sent(EXPORTED, "P-0001"), FIELD, "P-0001", None)
    assert (refused.value.code, refused.value.params["sender"]) == ("kind_not_allowed", "field unit")
