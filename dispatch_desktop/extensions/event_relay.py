"""Events to the plugins' listeners: every applied event once, in gseq order, their own history first.

The desk folds each event once (the bus client) and hands the GUI thread the events with the state they
lead to. ``EventRelay`` passes them on to the listeners the plugins registered, each filtered by the
kinds it asked for. Plugins keep their own facts as plugin events in the log, so a desk that starts (or
has to replace its state wholesale after losing the hub) must also give each plugin the plugin events it
missed: on a reset at gseq S the relay asks the hub for the plugin events of the listening plugins after
the last gseq it delivered and up to S, delivers them first (``historical``), and holds back the live
events that arrive meanwhile, so that each listener still sees one ordered stream. A reset to a point
before the last event delivered (a replay seeking backwards) asks for them from the log's start.

Qt-free; driven on the GUI thread. Calls into plugin code go through ``call`` (the desk's fault guard),
and the answers to history requests come back through ``post`` (onto the GUI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass

from dispatch_desktop.api.events import AppliedEvent
from dispatch_desktop.domain.events import BODY_TYPES, Body, Envelope, Position
from dispatch_desktop.domain.state import State

log = logging.getLogger(__name__)

Published = tuple[int, Envelope]
FetchHistory = Callable[[int, int, Sequence[str]], "Future[list[Published]]"]
"""(after, upto, plugin ids) -> the stored plugin events of those plugins with after < gseq <= upto."""
Guard = Callable[..., object]
"""call(plugin_id, function, *args): runs plugin code, catching and recording its faults."""
PLUGIN_EVENT = "plugin_event"


@dataclass(eq=False)
class _Listener:
    plugin: str
    callback: Callable[[AppliedEvent], None]
    kinds: frozenset[str] | None
    changed: Callable[[], None]  # the relay's index of listeners is out of date
    active: bool = True

    def cancel(self) -> None:
        self.active = False
        self.changed()


@dataclass(eq=False)
class _ResetListener:
    plugin: str
    callback: Callable[[State], None]
    active: bool = True

    def cancel(self) -> None:
        self.active = False


class EventRelay:
    def __init__(self, fetch_history: FetchHistory, post: Callable[[Callable[[], None]], None], call: Guard,
                 *, on_history_error: Callable[[str], None] | None = None) -> None:
        self._fetch = fetch_history
        self._post = post
        self._call = call
        self._on_history_error = on_history_error
        self._listeners: list[_Listener] = []
        self._reset_listeners: list[_ResetListener] = []
        self._recording: set[str] = set()  # plugins whose own events are fetched as history
        self.delivered_gseq = 0
        """gseq of the last event handed on (live or historical)."""
        self._held: list[Published] | None = None  # live events waiting for a history answer
        self._index: tuple[dict[type[Body], list[_Listener]], list[_Listener]] | None = None
        self._request = 0

    # --- listeners --------------------------------------------------------------------------------------

    def add_listener(self, plugin: str, callback: Callable[[AppliedEvent], None],
                     kinds: Iterable[str] | None = None) -> _Listener:
        listener = _Listener(plugin, callback, None if kinds is None else frozenset(kinds), self._forget_index)
        self._listeners.append(listener)
        self._index = None
        return listener

    def add_reset_listener(self, plugin: str, callback: Callable[[State], None]) -> _ResetListener:
        listener = _ResetListener(plugin, callback)
        self._reset_listeners.append(listener)
        return listener

    def record_history_of(self, plugin: str) -> None:
        """``plugin`` keeps facts as plugin events: give it those it missed after each reset."""
        self._recording.add(plugin)

    def drop_plugin(self, plugin: str) -> None:
        """A disabled plugin hears nothing more."""
        for listener in self._listeners:
            if listener.plugin == plugin:
                listener.active = False
        self._index = None
        for reset_listener in self._reset_listeners:
            if reset_listener.plugin == plugin:
                reset_listener.active = False
        self._recording.discard(plugin)

    # --- from the desk ----------------------------------------------------------------------------------

    @property
    def waiting_for_history(self) -> bool:
        return self._held is not None

    def deliver(self, events: Sequence[Published], notable: Sequence[Published] | None = None) -> None:
        """``events`` applied, in gseq order; ``notable``, when given, the same without the position
        reports (the desk sorts them out on the bus's thread): unless a listener wants position reports,
        only those are walked."""
        if self._held is not None:
            self._held.extend(events)
            return
        by_type, every = self._by_type()
        if notable is not None and not every and Position not in by_type:
            self._hand_on(notable, historical=False)
            if events:  # the position reports in between: handed on to nobody
                self.delivered_gseq = max(self.delivered_gseq, events[-1][0])
            return
        self._hand_on(events, historical=False)

    def reset(self, state: State, gseq: int) -> None:
        """The desk's state was replaced by a snapshot as of ``gseq``."""
        for listener in list(self._reset_listeners):
            if listener.active:
                self._call(listener.plugin, listener.callback, state)
        plugins = sorted(self._recording)
        after = self.delivered_gseq
        if gseq < after:
            # The desk went back in time (a replay seeking backwards): its plugins dropped what they had
            # folded (``on_reset``), so their own events up to the new point come again, from the start.
            after = self.delivered_gseq = 0
        if not plugins or gseq <= after:
            self.delivered_gseq = max(after, gseq)
            return
        self._request += 1
        request = self._request
        if self._held is None:
            self._held = []
        future = self._fetch(after, gseq, plugins)
        future.add_done_callback(lambda done: self._post(lambda: self._history_arrived(request, done, gseq)))

    # --- inside -------------------------------------------------------------------------------------

    def _history_arrived(self, request: int, done: Future[list[Published]], upto: int) -> None:
        if request != self._request:
            return  # a newer reset asked again; its answer covers this one's
        error = done.exception()
        if error is not None:
            log.warning("plugin history unavailable: %s", error)
            if self._on_history_error is not None:
                self._on_history_error(str(error) or type(error).__name__)
        else:
            self._hand_on(done.result(), historical=True)
        self.delivered_gseq = max(self.delivered_gseq, upto)
        held, self._held = self._held or [], None
        self._hand_on([item for item in held if item[0] > self.delivered_gseq], historical=False)

    def _forget_index(self) -> None:
        self._index = None

    def _by_type(self) -> tuple[dict[type[Body], list[_Listener]], list[_Listener]]:
        """The active listeners by the body classes of the kinds they asked for, and those that hear every
        kind; built again only after a listener came or went. Keyed by class, not kind: ``type(body)`` is
        one C call where ``body.kind`` is a Python property, and most events are position reports nobody but
        a few listen to. A kind no body has (a typo, a kind of a later version) matches nothing."""
        if self._index is None:
            self._listeners = active = [listener for listener in self._listeners if listener.active]
            by_type: dict[type[Body], list[_Listener]] = {}
            every: list[_Listener] = []
            for listener in active:
                if listener.kinds is None:
                    every.append(listener)
                else:
                    for kind in listener.kinds:
                        if kind in BODY_TYPES:
                            by_type.setdefault(BODY_TYPES[kind], []).append(listener)
            # In registration order, whichever way a listener asked.
            order = {id(listener): n for n, listener in enumerate(active)}
            for body_type, listeners in by_type.items():
                by_type[body_type] = sorted([*listeners, *every], key=lambda item: order[id(item)])
            self._index = (by_type, every)
        return self._index

    def _hand_on(self, events: Sequence[Published], *, historical: bool) -> None:
        by_type, every = self._by_type()
        delivered = self.delivered_gseq
        if events and events[0][0] <= delivered:  # a history page overlapping the live stream
            events = [item for item in events if item[0] > delivered]
        if not events:
            return
        self.delivered_gseq = events[-1][0]  # in gseq order: the last is the highest
        if not every:  # one pass drops what nobody listens to: most of a batch
            events = [item for item in events if type(item[1].body) in by_type]
        for gseq, envelope in events:
            applied = AppliedEvent(gseq, envelope, historical)
            for listener in by_type.get(type(envelope.body), every):
                if not listener.active or (historical and not _own(listener.plugin, envelope)):
                    continue
                self._call(listener.plugin, listener.callback, applied)


def _own(plugin: str, envelope: Envelope) -> bool:
    return envelope.body.kind == PLUGIN_EVENT and getattr(envelope.body, "plugin", "") == plugin
