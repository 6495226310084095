"""What every plugin test's fake desk shares: subscriptions that cancel, a map layer that keeps what it was
given, recorded plugin events answered by the test, and the listener plumbing of ``DeskContext`` (events,
changes, language). Each plugin's fake desk (``shift_log_fake_desk``, ``station_duty_*_fake_desk``) adds
what its plugin uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import ClassVar

import msgspec

from dispatch_desktop.api import AppliedEvent, LegendEntry, MapFeature, Outcome
from dispatch_desktop.api.events import PluginEvent


class Cancel:
    def __init__(self, undo: Callable[[], None]) -> None:
        self._undo = undo

    def cancel(self) -> None:
        self._undo()


class FakeLayer:
    def __init__(self, layer_id: str) -> None:
        self.id = layer_id
        self.visible = True
        self.features: list[MapFeature] = []
        self.drawn = 0  # how many times the features were sent
        self.legend: list[LegendEntry] = []
        self.click: Callable[[str], None] | None = None

    def set_features(self, features: Iterable[MapFeature]) -> None:
        self.features = list(features)
        self.drawn += 1

    def clear(self) -> None:
        self.set_features([])

    def set_visible(self, visible: bool) -> None:
        self.visible = visible

    def set_legend(self, entries: Iterable[LegendEntry]) -> None:
        self.legend = list(entries)

    def on_click(self, callback: Callable[[str], None]) -> None:
        self.click = callback


@dataclass
class Recorded:
    name: str
    data: msgspec.Struct
    incident: str
    on_outcome: Callable[[Outcome], None] | None
    future: Future[Outcome] = field(default_factory=Future)


class Listening:
    """``on_event``, ``on_change`` and ``on_language`` as the desk offers them, ``record`` and ``decode``
    of the plugin's events (``schemas``: event name → struct), with ``deliver`` and ``answer`` for the test
    to play the hub."""

    plugin_id: str
    schemas: ClassVar[dict[str, type[msgspec.Struct]]]
    recorded: list[Recorded]
    read_only: str  # what record raises PermissionError with; "" while the desk may send

    def __init__(self) -> None:
        self._event_listeners: list[tuple[Callable[[AppliedEvent], None], frozenset[str] | None]] = []
        self._change_listeners: list[Callable[[frozenset[str], frozenset[str]], None]] = []
        self._language_listeners: list[Callable[[str], None]] = []

    def deliver(self, *events: AppliedEvent) -> None:
        for applied in events:
            for listener, kinds in list(self._event_listeners):
                if kinds is None or applied.kind in kinds:
                    listener(applied)

    def answer(self, outcome: Outcome, index: int = -1) -> None:
        """The hub's answer to a recorded event (the last by default), as the desk hands it on."""
        recorded = self.recorded[index]
        recorded.future.set_result(outcome)
        if recorded.on_outcome is not None:
            recorded.on_outcome(outcome)

    def record(self, name: str, data: msgspec.Struct, *, incident: str = "",
               on_outcome: Callable[[Outcome], None] | None = None) -> Future[Outcome]:
        if self.read_only:
            raise PermissionError(self.read_only)
        recorded = Recorded(name, data, incident, on_outcome)
        self.recorded.append(recorded)
        return recorded.future

    def decode(self, event: AppliedEvent) -> msgspec.Struct | None:
        body = event.body
        if not isinstance(body, PluginEvent) or body.plugin != self.plugin_id or body.name not in self.schemas:
            return None
        try:
            decoded: msgspec.Struct = msgspec.msgpack.decode(body.data, type=self.schemas[body.name])
        except msgspec.ValidationError:
            return None
        return decoded

    def on_event(self, listener: Callable[[AppliedEvent], None], *, kinds: Iterable[str] | None = None) -> Cancel:
        entry = (listener, None if kinds is None else frozenset(kinds))
        self._event_listeners.append(entry)
        return Cancel(lambda: self._event_listeners.remove(entry) if entry in self._event_listeners else None)

    def on_change(self, listener: Callable[[frozenset[str], frozenset[str]], None]) -> Cancel:
        self._change_listeners.append(listener)
        return Cancel(lambda: self._change_listeners.remove(listener)
                      if listener in self._change_listeners else None)

    def on_language(self, listener: Callable[[str], None]) -> Cancel:
        self._language_listeners.append(listener)
        return Cancel(lambda: self._language_listeners.remove(listener)
                      if listener in self._language_listeners else None)
