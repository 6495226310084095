"""Fitting the normal values in a process of its own (Qt-free).

The fit (``analytics.normal.fit_normal``: a negative-binomial GLM for each of 266 areas, several seconds)
is CPU-bound Python and numpy. On a thread of the desk's process it would hold the GIL the GUI thread
needs, and the desk would stutter while it runs (bench/analytics_dashboard.py --fit measures it), as the
simulator would (see bench/sim_feed.py). So the analytics worker hands the counts to a child process
and waits on a pipe, which releases the GIL; stopping the desk terminates the child. The child runs at a
lower priority (nice 10): on the desk's two or four cores it must not take the GUI thread's turn either.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

POLL_S = 0.2
CHILD_NICENESS = 10
FIT_NORMAL = "dispatch_desktop.analytics.normal:fit_normal"


class FitStopped(Exception):
    """The desk stopped while the fit ran: the child was terminated."""


def _fit_child(answer: Connection, function: str, counts: Any, config: Any, until_slot: int, previous: Any) -> None:
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)  # on a busy machine the desk's own threads get the cores first
    try:
        module, name = function.split(":")
        fit = getattr(importlib.import_module(module), name)
        answer.send((True, fit(counts, config, until_slot=until_slot, previous=previous)))
    except BaseException as error:  # handed to the desk, which says it
        try:
            answer.send((False, error))
        except Exception:  # an exception that does not pickle: its words at least
            answer.send((False, RuntimeError(f"{type(error).__name__}: {error}")))
    finally:
        answer.close()


def fit_in_process(counts: Any, config: Any, *, until_slot: int, previous: Any = None,
                   cancelled: Callable[[], bool] | None = None, function: str = FIT_NORMAL) -> Any:
    """``fit_normal(counts, config, until_slot=…, previous=…)`` in a child process; raises what it raised,
    ``FitStopped`` when ``cancelled()`` turned true meanwhile. ``function``: ``"module:name"`` of the fit
    (tests give a stand-in)."""
    context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt and threads
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_fit_child, args=(send, function, counts, config, until_slot, previous),
                              name="analytics-fit", daemon=True)
    process.start()
    send.close()
    try:
        while not receive.poll(POLL_S):
            if cancelled is not None and cancelled():
                raise FitStopped("the desk stopped while the normal values were being fitted")
            if not process.is_alive() and not receive.poll(0):
                raise RuntimeError(f"the fitting process ended without an answer (exit code {process.exitcode})")
        ok, value = receive.recv()
    finally:
        if process.is_alive():
            process.terminate()
        process.join(timeout=5)
        receive.close()
    if ok:
        return value
    raise value
