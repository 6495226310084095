"""The embedded default behind ``dispatch-desktop run``: the city, its demo camera clips, the event
store, an in-process hub and the simulated field units — or just a connection to an external hub.

Qt-free: the composition root (``app.py``) runs ``start`` on a worker thread behind a progress dialog
and wires the result to the window. Each step reports progress and honours cancellation between
steps; a cancelled start-up leaves nothing running.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypedDict

import zmq

from dispatch_desktop import paths
from dispatch_desktop.bus.hub import Endpoints, Hub, PlainSecurity, next_port
from dispatch_desktop.bus.hub.build import HubConfig, build_hub
from dispatch_desktop.bus.keys import ClientCurve, KeyDirectory, KeyFileError
from dispatch_desktop.bus.session import Session
from dispatch_desktop.city import DEFAULT_SEED, generate_city, registration_events
from dispatch_desktop.domain.city import Camera, City
from dispatch_desktop.extensions.policy import build_policy
from dispatch_desktop.sim.engine import SimConfig
from dispatch_desktop.sim.runner import SimulationRunner
from dispatch_desktop.store import EventStore
from dispatch_desktop.store.location import PROBLEMS, StoreProblem, inspect, problem_in
from dispatch_desktop.video.camera_store import CameraStore
from dispatch_desktop.video.clips import demo_stream_template, ensure_clips

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (what is happening, step done, steps in all)


class Cancelled(Exception):
    """The user cancelled the start-up."""


STARTUP_ERRORS: dict[str, str] = {
    **PROBLEMS,  # the store is damaged or the wrong thing to open: refused before anything is written
    "store_unavailable": "The event store {store} could not be opened: {reason}",
    "no_key": "This workstation ({workstation}) has no key for the hub ({reason}). On the hub machine run "
              "'dispatch-desktop keys create --workstation {workstation} --role dispatcher', then copy "
              "private/{workstation}.key_secret and hub.key into {keys} (keeping private/).",
    "bad_endpoint": "The hub's address cannot be used: {reason}",
}
"""code -> the English sentence of a start-up error; ``ui/startup_errors.py`` holds the same sentences
as source texts for translation (a test keeps the two equal)."""


class StartupError(Exception):
    """Start-up cannot go on; the message says why and what to do, in words for the user. ``code`` (a
    key of ``STARTUP_ERRORS``) and ``params`` let the UI say it in the user's language; an error without
    a code is shown as its message says it."""

    def __init__(self, message: str, code: str = "", params: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = params or {}

    @classmethod
    def of(cls, code: str, **params: object) -> StartupError:
        text = {key: str(value) for key, value in params.items()}
        return cls(STARTUP_ERRORS[code].format(**text), code, text)


@dataclass
class Options:
    database_url: str
    hub: str | None = None  # external hub's field endpoint (tcp://host:port); None: run one in-process
    keys: Path | None = None
    seed: int | None = None
    units: int | None = None
    cameras: int | None = None
    speed: float = 1.0
    simulate: bool = True
    # False: the simulated city still moves its units and rings its calls, but its own desk neither answers
    # a call nor dispatches: the people at the desks work every call.
    auto_dispatch: bool = True
    workstation: str = field(default_factory=lambda: _workstation_name())
    # What the in-process hub takes this desk for (its key's role, else a dispatcher's): a supervisor's or a
    # commander's desk may then issue what only they may (a supervision order); an external hub reads the key.
    workstation_role: str = "dispatcher"
    sign_key: bytes = b""  # an external hub's signing key, when it signs (``bus.signing``)


def _workstation_name() -> str:
    host = "".join(ch if ch.isalnum() or ch in "_.-" else "-" for ch in socket.gethostname())[:40]
    return f"ws-{host or 'local'}"


class _CityOptions(TypedDict, total=False):
    """What ``generate_city`` is told beyond the seed; what is left out keeps its default."""

    cameras: int
    stream_url: str
    stream_clips: int


class EmbeddedServices:
    """Owns whatever ``start`` brought up, and takes it down again in ``stop``."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.city: City | None = None
        self.context = zmq.Context()
        self.store: EventStore | None = None
        self.hub: Hub | None = None
        self.runner: SimulationRunner | None = None
        self.endpoints: Endpoints | None = None
        self.curve: ClientCurve | None = None
        self.session = Session(options.sign_key)  # how this workstation's messages are signed, if at all
        self.blob_dir = paths.blob_dir_for(options.database_url)
        self.clips: list[Path] = []
        self.cameras: list[Camera] = []  # what the video wall offers: the registry, else the city's

    # --- start-up -------------------------------------------------------------------------------

    def start(self, progress: Progress, cancelled: Callable[[], bool]) -> None:
        steps: list[tuple[str, Callable[[], None]]] = [
            ("Preparing the demo camera clips", self._make_clips),
            ("Generating the city", self._make_city),
        ]
        if self.options.hub is None:
            steps += [("Opening the event store", self._open_store), ("Starting the hub", self._start_hub)]
        else:
            steps += [("Reading this workstation's key", self._external_hub)]
        for number, (label, step) in enumerate(steps):
            if cancelled():
                self.stop()
                raise Cancelled
            progress(label, number, len(steps))
            step()
        progress("Ready", len(steps), len(steps))

    def start_simulator(self) -> None:
        """Field units begin reporting; separate from ``start`` so the window is up to see them."""
        if not (self.options.simulate and self.options.hub is None and self.endpoints and self.city):
            return
        self.runner = SimulationRunner(self.city, self._sim_config(), self.endpoints, speed=self.options.speed,
                                       context=self.context)
        self.runner.start()

    def _sim_config(self) -> SimConfig:
        working = self.options.auto_dispatch
        config = SimConfig(seed=self._seed(), auto_answer=working, auto_dispatch=working)
        return config if self.options.units is None else replace(config, units=self.options.units)

    def _seed(self) -> int:
        return DEFAULT_SEED if self.options.seed is None else self.options.seed

    def _make_clips(self) -> None:
        """The simulated city's cameras show synthetic clips (made once, then reused)."""
        if self.options.simulate and self.options.cameras != 0:
            self.clips = ensure_clips()

    def _make_city(self) -> None:
        kwargs: _CityOptions = {}
        if self.options.cameras is not None:
            kwargs["cameras"] = self.options.cameras
        if self.clips:
            kwargs["stream_url"] = demo_stream_template()
            kwargs["stream_clips"] = len(self.clips)
        self.city = generate_city(self._seed(), **kwargs)
        self.city.search("广州")  # builds the place index here, not on the first keystroke of the first call

    def _open_store(self) -> None:
        url = self.options.database_url
        shown = where = url
        try:
            location = inspect(url)  # reads only: a damaged or foreign database is refused untouched
            shown, where = location.shown, location.where
            self.store = EventStore.open(url)
            self._load_camera_registry()
        except Exception as error:  # any driver error: the user must learn what is wrong with the URL
            problem = error if isinstance(error, StoreProblem) else problem_in(error, where, shown)
            if problem is not None:
                raise StartupError.of(problem.code, **problem.params) from error
            reason = getattr(error.__cause__, "orig", None) or error.__cause__ or error
            # The store's own message names the store again; the sentence around it already does.
            text = str(reason).removeprefix(f"cannot open the event store {shown}: ").strip()
            raise StartupError.of("store_unavailable", store=shown, reason=text) from error

    def _load_camera_registry(self) -> None:
        """The wall shows the registry's cameras; an empty registry is seeded with the city's own
        (the demo's synthetic clips), so an imported CSV replaces them for good."""
        assert self.city is not None
        with CameraStore.open(self.options.database_url) as registry:
            if registry.count() == 0 and self.city.cameras:
                registry.upsert(self.city.cameras)
            self.cameras = registry.all()

    def _start_hub(self) -> None:
        from dispatch_desktop.bus.area import BBoxArea
        from dispatch_desktop.bus.keys import Role
        from dispatch_desktop.sim.runner import simulated_roster

        assert self.city is not None and self.store is not None
        if self.options.simulate:
            roster = simulated_roster(self.city, self._sim_config().units)
        else:
            roster = registration_events(self.city)
        box = self.city.bbox
        # One in-process socket per simulated unit: raise ZeroMQ's limit before the first socket exists.
        self.context.set(zmq.MAX_SOCKETS, max(self.context.get(zmq.MAX_SOCKETS), len(roster) + 256))
        config = HubConfig(
            # inproc:// never leaves this process, so there is no one to authenticate against; the
            # simulated city's telephony gateway must still be known as one to ring its calls in.
            security=PlainSecurity(roles={self._sim_config().phone: Role.TELEPHONY,
                                          self.options.workstation: Role(self.options.workstation_role)}),
            endpoints=Endpoints("inproc://dispatch-field", "inproc://dispatch-desk", "inproc://dispatch-events"),
            blob_dir=self.blob_dir,
            area=BBoxArea(south=box.south, west=box.west, north=box.north, east=box.east),
            bootstrap=tuple(roster),
            plugin_policy=build_policy(),  # the plugins installed here check their own events
        )
        self.hub = build_hub(config, self.store, context=self.context)
        self.endpoints = self.hub.start()

    def _external_hub(self) -> None:
        assert self.options.hub is not None
        keys = KeyDirectory(self.options.keys or paths.keys_dir())
        name = self.options.workstation
        try:
            self.curve = keys.client_credentials(name)
        except (OSError, KeyFileError) as error:
            raise StartupError.of("no_key", workstation=name, reason=error, keys=keys.root) from error
        field = self.options.hub
        try:
            self.endpoints = Endpoints(field, next_port(field, 1), next_port(field, 2))
        except ValueError as error:
            raise StartupError.of("bad_endpoint", reason=error) from None

    # --- shutdown -------------------------------------------------------------------------------

    def stop_simulator(self) -> None:
        runner, self.runner = self.runner, None
        if runner is not None:
            runner.stop()

    def stop(self) -> None:
        """Stop in reverse order of start; safe to call more than once and after a failed start."""
        self.stop_simulator()
        hub, self.hub = self.hub, None
        if hub is not None:
            hub.stop()
        store, self.store = self.store, None
        if store is not None:
            store.close()
