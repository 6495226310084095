"""``dispatch-desktop run``'s simulated city: its calls ring in the embedded hub, and with
``--no-auto-dispatch`` the people at the desk work every call themselves."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from dispatch_desktop.bus.workstation import WorkstationClient
from dispatch_desktop.commands import run
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.embedded import EmbeddedServices, Options

pytestmark = pytest.mark.timeout(120)


def parsed(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    run.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_run_takes_no_auto_dispatch_in_the_simulated_city_group() -> None:
    assert parsed("--no-auto-dispatch").no_auto_dispatch is True
    assert parsed().no_auto_dispatch is False
    parser = argparse.ArgumentParser()
    run.add_arguments(parser)
    group = next(g for g in parser._action_groups if g.title == "simulated city")
    assert "--no-auto-dispatch" in [option for action in group._group_actions for option in action.option_strings]


@pytest.mark.parametrize(("auto", "working"), [(True, True), (False, False)])
def test_without_auto_dispatch_the_simulator_neither_answers_nor_dispatches(auto: bool, working: bool) -> None:
    config = EmbeddedServices(Options(database_url="sqlite://", auto_dispatch=auto))._sim_config()
    assert (config.auto_answer, config.auto_dispatch) == (working, working)


@pytest.fixture
def services(city: City, tmp_path: Path) -> Iterator[EmbeddedServices]:
    running = EmbeddedServices(Options(database_url=f"sqlite:///{tmp_path / 'events.sqlite3'}", units=5))
    running.city = city
    try:
        running._open_store()
        running._start_hub()
        yield running
    finally:
        running.stop()


def test_the_simulated_gateway_rings_calls_in_the_embedded_hub(services: EmbeddedServices) -> None:
    assert services.endpoints is not None and services.hub is not None
    clients = [WorkstationClient(name, command_endpoint=services.endpoints.workstation,
                                 publish_endpoint=services.endpoints.publish, context=services.context)
               for name in (services._sim_config().phone, services.options.workstation)]
    for client in clients:
        client.start()
    try:
        phone, desk = clients
        offer = ev.CallOffered(call="C-1", number="13912345678", simulated=True)
        assert phone.send_command(offer).result(timeout=30).accepted
        # The desk at this workstation answers it; it may not ring one in itself.
        assert desk.send_command(ev.CallAnswered(call="C-1", operator="李娜 010233")).result(timeout=30).accepted
        assert desk.send_command(ev.CallOffered(call="C-2")).result(timeout=30).code == "kind_not_allowed"
    finally:
        for client in clients:
            client.stop()
    assert services.hub.state.calls["C-1"].answered_by == services.options.workstation
