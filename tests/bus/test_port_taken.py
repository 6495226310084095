"""A hub whose port is taken fails at once, naming the endpoint, instead of running bound to nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import zmq

from dispatch_desktop.bus.hub import CannotListen, Hub, PlainSecurity
from tests.bus.conftest import ANY
from tests.bus.fakestore import FakeProjector, FakeStore

pytestmark = pytest.mark.timeout(120)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def taken() -> Iterator[str]:
    """An endpoint on which something else already listens."""
    context = zmq.Context()
    squatter = context.socket(zmq.ROUTER)
    port = squatter.bind_to_random_port("tcp://127.0.0.1")
    yield f"tcp://127.0.0.1:{port}"
    squatter.close(linger=0)
    context.term()


@pytest.mark.parametrize("socket", ["field", "workstation", "publish"])
def test_start_refuses_a_taken_port_and_names_it(taken: str, tmp_path: Path, socket: str) -> None:
    endpoints = {name: taken if name == socket else ANY for name in ("field", "workstation", "publish")}
    store = FakeStore()
    hub = Hub(store, projector=FakeProjector(store), security=PlainSecurity(), blob_dir=tmp_path,
              field_endpoint=endpoints["field"], workstation_endpoint=endpoints["workstation"],
              publish_endpoint=endpoints["publish"])
    with pytest.raises(CannotListen) as refused:
        hub.start(timeout=10)
    assert str(refused.value) == f"cannot listen on {taken}: address already in use (is another hub running?)"
    hub.stop(timeout=10)  # nothing is left running


def test_the_hub_command_exits_with_one_line_saying_why(taken: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPATCH_DESKTOP_DATA": str(tmp_path)}
    command = [sys.executable, "-m", "dispatch_desktop.cli", "hub", "--plain", "--no-city", "--bind", taken,
               "--stats-every", "1"]
    # Before, the command kept running bound to nothing: the timeout turns that into a failure.
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"dispatch-desktop hub: cannot listen on {taken}: address already in use (is another hub running?)")
    assert "Traceback" not in result.stderr and "hub stats" not in result.stderr
