"""The review dialog against a real hub (in this process, its store a SQLite log): a supervisor's order goes into
the log as ``supervision_order_issued`` with the text's hash and a second dialog shows it issued; a dispatcher's
desk, which the hub takes no orders from, gets the refusal in words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dispatch_desktop.analytics.order import orders_in, text_sha256
from dispatch_desktop.analytics.review import month_start_ms
from dispatch_desktop.bus.hub import Hub, PlainSecurity
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore, Projector
from dispatch_desktop.ui.analytics.review_dialog import ReviewDialog
from dispatch_desktop.ui.analytics.review_sources import ReviewSources
from tests.analytics.review_fixture import five_station_city, hand_counts, station_ids

pytestmark = [pytest.mark.gui, pytest.mark.timeout(120)]
DECEMBER_7 = month_start_ms("2026-12") + 6 * 86_400_000 + 10 * 3_600_000
ANY = "tcp://127.0.0.1:*"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[EventStore, dict[str, WorkstationClient]]]:
    """A hub whose plain security knows a supervisor's desk and a dispatcher's, with a client of each."""
    store = EventStore.open(f"sqlite:///{tmp_path / 'events.sqlite3'}")
    running = Hub(store, projector=Projector(store), blob_dir=tmp_path / "blobs", field_endpoint=ANY,
                  workstation_endpoint=ANY, publish_endpoint=ANY,
                  security=PlainSecurity({"ws-sup": Role.SUPERVISOR, "ws-disp": Role.DISPATCHER}))
    endpoints = running.start()
    clients = {name: WorkstationClient(name, command_endpoint=endpoints.workstation,
                                       publish_endpoint=endpoints.publish) for name in ("ws-sup", "ws-disp")}
    for client in clients.values():
        client.start()
    try:
        yield store, clients
    finally:
        for client in clients.values():
            client.stop()
        running.stop()
        store.close()


def _dialog(qtbot, store: EventStore, client: WorkstationClient) -> ReviewDialog:  # type: ignore[no-untyped-def]
    sources = ReviewSources(read_counts=lambda _progress, _cancelled: hand_counts(),  # type: ignore[arg-type,return-value]
                            read_issued=lambda month, _now: orders_in(store.read(0), month),
                            send=client.send_command, operator=lambda: "王建国 010007", now_ms=lambda: DECEMBER_7)
    dialog = ReviewDialog(five_station_city(), sources)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5, timeout=10_000)
    dialog.table.selectRow(0)
    return dialog


def _answered(qtbot, dialog: ReviewDialog) -> str:  # type: ignore[no-untyped-def]
    dialog.issue(confirm=False)
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith(("Issued", "Not issued")), timeout=20_000)
    return dialog.outcome.text()


def test_a_supervisors_order_goes_into_the_log_and_shows_issued(qtbot, hub) -> None:  # type: ignore[no-untyped-def]
    store, clients = hub
    dialog = _dialog(qtbot, store, clients["ws-sup"])
    assert _answered(qtbot, dialog).startswith("Issued 督办〔2026〕11-01")
    (stored,) = [event for _gseq, event in store.read(0) if isinstance(event.body, ev.SupervisionOrderIssued)]
    assert (stored.source, stored.mode.value, stored.body.station, stored.body.number, stored.body.operator) == (
        "ws-sup", "live", station_ids()["B"], "督办〔2026〕11-01", "王建国 010007")
    assert stored.body.sha256 == text_sha256(dialog.text.toPlainText())
    again = _dialog(qtbot, store, clients["ws-sup"])
    assert again.outcome.text().startswith("Already issued: 督办〔2026〕11-01") and not again.issue_button.isEnabled()
    again.table.selectRow(1)
    assert again.number.text() == "督办〔2026〕11-02"


def test_a_dispatchers_desk_is_refused_in_words(qtbot, hub) -> None:  # type: ignore[no-untyped-def]
    store, clients = hub
    said = _answered(qtbot, _dialog(qtbot, store, clients["ws-disp"]))
    assert said.startswith("Not issued:") and "from a supervisor's or a commander's desk only" in said
    assert not any(isinstance(event.body, ev.SupervisionOrderIssued) for _gseq, event in store.read(0))
