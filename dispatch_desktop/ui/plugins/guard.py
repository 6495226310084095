"""The one door into plugin code: every call is caught, timed and charged to its plugin.

A plugin must never take a dispatch desk down. ``PluginGuard.call(plugin, function, *args)`` runs plugin
code on the GUI thread and catches everything it can raise — ``SystemExit`` and ``KeyboardInterrupt``
from a hook included (a plugin calling ``sys.exit()`` must not close the desk) — and times it: a call
that holds the GUI thread longer than ``HOLD_LIMIT_MS`` is a fault too (the dispatcher felt the desk
freeze). Each fault is recorded with its traceback; after ``MAX_FAULTS`` the plugin is disabled for the
session (``pluginDisabled``), and the guard refuses to run its code again. Pluggy's own chained calls are
never used to reach plugins: one failing hookimpl would stop the others (pluggy#419).
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

HOLD_LIMIT_MS = 100.0
START_HOLD_LIMIT_MS = 1_000.0
"""For what a plugin does while the desk starts (``activate``, building its panels): nobody is working at the
desk yet, and on a busy machine building a panel of a few hundred rows can take a few hundred milliseconds
without any fault of the plugin's; a second is still a start-up the user feels."""
MAX_FAULTS = 3


@dataclass(frozen=True)
class Fault:
    plugin: str
    what: str  # the hook or callback, as a developer would name it (``activate``, ``on_event listener``)
    message: str  # one line: the exception, or how long the desk was held
    details: str  # the traceback
    at: float = field(default_factory=time.time)
    held_ms: float = 0.0
    hold: bool = False  # the call held the desk too long (rather than raising)

    @property
    def summary(self) -> str:
        return f"{self.what}: {self.message}"


class PluginGuard(QObject):
    faulted = Signal(object)  # Fault
    pluginDisabled = Signal(str, object)  # plugin id, the last Fault

    def __init__(self, parent: QObject | None = None, *, hold_limit_ms: float = HOLD_LIMIT_MS,
                 max_faults: int = MAX_FAULTS) -> None:
        super().__init__(parent)
        self.hold_limit_ms = hold_limit_ms
        self.max_faults = max_faults
        self._faults: dict[str, list[Fault]] = {}
        self._disabled: set[str] = set()

    def faults(self, plugin: str) -> list[Fault]:
        return list(self._faults.get(plugin, ()))

    def is_disabled(self, plugin: str) -> bool:
        return plugin in self._disabled

    def call(self, plugin: str, function: Callable[..., Any], *args: Any, what: str = "",
             fatal: bool = False, timed: bool = True, limit_ms: float | None = None, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)`` on behalf of ``plugin``; its result, or None after a fault (or
        when the plugin is disabled). ``fatal``: one fault disables the plugin at once (its import or
        activation failed: nothing of it can be trusted to work). ``timed``: a call over the hold limit is
        a fault (not for loading the plugin's code: a cold import of its libraries may take longer, once,
        at start-up, and is not the plugin holding a working desk). ``limit_ms``: another hold limit than
        the guard's (``START_HOLD_LIMIT_MS`` while the desk starts)."""
        if plugin in self._disabled:
            return None
        name = what or getattr(function, "__qualname__", repr(function))
        started = time.perf_counter()
        try:
            result = function(*args, **kwargs)
        except BaseException as error:  # SystemExit and KeyboardInterrupt from a plugin too
            self._raised(plugin, name, error, started, fatal=fatal)
            return None
        if timed:
            self._check_hold(plugin, name, started, limit_ms)
        return result

    def listener_call(self, what: str) -> Callable[[str, Callable[[Any], object], Any], None]:
        """``call`` for the hottest path, an event listener: one argument, no result, nothing else to
        unpack on each of thousands of calls a second. Same faults, same limits."""
        disabled, limit, clock = self._disabled, self.hold_limit_ms / 1000.0, time.perf_counter

        def call(plugin: str, function: Callable[[Any], object], argument: Any) -> None:
            if plugin in disabled:
                return
            started = clock()
            try:
                function(argument)
            except BaseException as error:  # SystemExit and KeyboardInterrupt from a plugin too
                self._raised(plugin, what, error, started)
                return
            if clock() - started > limit:
                self._check_hold(plugin, what, started)

        return call

    def _raised(self, plugin: str, what: str, error: BaseException, started: float, *, fatal: bool = False) -> None:
        message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        held = (time.perf_counter() - started) * 1000.0
        self.record(Fault(plugin, what, message, traceback.format_exc(), held_ms=held), fatal=fatal)

    def _check_hold(self, plugin: str, what: str, started: float, limit_ms: float | None = None) -> None:
        held = (time.perf_counter() - started) * 1000.0
        limit = self.hold_limit_ms if limit_ms is None else limit_ms
        if held > limit:
            self.record(Fault(plugin, what, f"held the desk for {held:.0f} ms (the limit is "
                                            f"{limit:.0f} ms)",
                              "".join(traceback.format_stack(limit=8)), held_ms=held, hold=True))

    def record(self, fault: Fault, *, fatal: bool = False) -> None:
        """A fault found elsewhere (a broken import, a refused key) counts like one the guard caught."""
        if fault.plugin in self._disabled:
            return
        log.warning("plugin %s: %s\n%s", fault.plugin, fault.summary, fault.details)
        faults = self._faults.setdefault(fault.plugin, [])
        faults.append(fault)
        self.faulted.emit(fault)
        if fatal or len(faults) >= self.max_faults:
            self._disabled.add(fault.plugin)
            self.pluginDisabled.emit(fault.plugin, fault)
