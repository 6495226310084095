"""Who may record an export's fingerprint (``record_exported``) through the hub: every desk, the read-only
supervisor included (exporting is a supervisor's job), never a telephony gateway or a field unit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.hub.admission import FIELD, WORKSTATION, check_sender
from dispatch_desktop.bus.keys import KeyDirectory, Role
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from tests.bus.conftest import Running, incident, wait_for

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


# --- through a running hub ---------------------------------------------------------------------------


def test_a_supervisor_desk_records_an_export_through_the_hub_and_is_refused_a_note(
        make_hub: Callable[..., Running], keys: KeyDirectory,
        workstations: Callable[..., WorkstationClient]) -> None:
    running = make_hub(keys=keys)
    supervisor = workstations(running, "ws-sup")
    exported = supervisor.send_command(EXPORTED).result(timeout=10)
    assert exported.accepted and exported.gseq > 0
    refused = supervisor.send_command(NOTE).result(timeout=10)
    assert (refused.accepted, refused.code) == (False, "read_only")
    assert [event.body for _gseq, event in running.stored() if event.source == "ws-sup"] == [EXPORTED]


def test_an_export_written_into_the_hubs_store_directly_changes_nothing_a_desk_shows(
        make_hub: Callable[..., Running], workstations: Callable[..., WorkstationClient], tmp_path: Path) -> None:
    from dispatch_desktop.record import record_directly
    from dispatch_desktop.store import EventStore

    running = make_hub(real=True)
    desk = workstations(running)
    assert desk.send_command(incident("J-20251122-00001")).result(timeout=10).accepted
    with EventStore.open(f"sqlite:///{tmp_path / 'events.sqlite3'}", maintenance=False) as exporter:
        direct = record_directly(exporter, EXPORTED)  # another writer of the hub's database, as the CLI is
    after = desk.send_command(incident("J-20251122-00002")).result(timeout=10)
    assert after.accepted and after.gseq == direct + 1  # the hub's next event comes after the direct one
    wait_for(lambda: desk.gseq == after.gseq, timeout=20)
    hub = running.hub.state
    assert (desk.state.incidents, desk.state.units, desk.state.calls) == (hub.incidents, hub.units, hub.calls)
    assert dict(running.stored())[direct].body == EXPORTED  # in the log for history, replay and exports
