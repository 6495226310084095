"""Fitting the normal values in a process of its own (Qt-free).

The fit (``analytics.normal.fit_normal``: a negative-binomial GLM for each of 266 areas, several seconds)
is CPU-bound Python and numpy. On a thread of the desk's process it would hold the GIL the GUI thread
needs, and the desk would stutter while it runs (bench/analytics_dashboard.py --fit measures it), as the
simulator would (see bench/sim_feed.py). So the analytics worker hands the counts to a child process
and waits for its answer, which releases the GIL; stopping the desk kills the child. The child runs at a
lower priority (nice 10): on the desk's two or four cores it must not take the GUI thread's turn either.

The child is ``python -m dispatch_desktop.ui.analytics.fit_process``, fed a pickle on its stdin and
answering with one on its stdout: unlike multiprocessing's spawn it never imports the parent's
``__main__`` (a script without a ``__name__`` guard would start itself again) nor anything of Qt.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import Any

POLL_S = 0.2
CHILD_NICENESS = 10
FIT_NORMAL = "dispatch_desktop.analytics.normal:fit_normal"


class FitStopped(Exception):
    """The desk stopped while the fit ran: the child was killed."""


def fit_in_process(counts: Any, config: Any, *, until_slot: int, previous: Any = None,
                   cancelled: Callable[[], bool] | None = None, function: str = FIT_NORMAL) -> Any:
    """``fit_normal(counts, config, until_slot=…, previous=…)`` in a child process; raises what it raised,
    ``FitStopped`` when ``cancelled()`` turned true meanwhile. ``function``: ``"module:name"`` of the fit
    (tests give a stand-in)."""
    payload = pickle.dumps((function, counts, config, until_slot, previous), protocol=pickle.HIGHEST_PROTOCOL)
    # The child finds the modules where this process found them (a checkout, a test's own stand-in).
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
    # OpenBLAS's threads spin waiting for work: on two shared cores they turned a 0.26 s fit into 10 s
    environment.setdefault("OPENBLAS_NUM_THREADS", "1")
    # The payload goes in as a file, not through communicate(input=…): a communicate that times out and is
    # called again (to look at ``cancelled`` in between) stops writing its input, and the child would wait
    # for the rest of its stdin for ever (seen when the first 0.2 s did not write the whole payload).
    with tempfile.TemporaryFile() as given:
        given.write(payload)
        given.seek(0)
        process = subprocess.Popen([sys.executable, "-m", __name__], stdin=given, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=environment)
        try:
            while True:
                try:
                    answer, errors = process.communicate(timeout=POLL_S)
                    break
                except subprocess.TimeoutExpired:
                    if cancelled is not None and cancelled():
                        raise FitStopped("the desk stopped while the normal values were being fitted") from None
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    try:
        ok, value = pickle.loads(answer)
    except Exception:
        last = errors.decode(errors="replace").strip().splitlines()[-3:]
        raise RuntimeError(f"the fitting process ended without an answer (exit code {process.returncode}): "
                           f"{' / '.join(last)}") from None
    if ok:
        return value
    raise value


def _child() -> None:
    """The child's side: read the fit's arguments, answer with (True, model) or (False, the exception)."""
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)  # on a busy machine the desk's own threads get the cores first
    answer = sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever the fit prints must not mix with the answer
    function, counts, config, until_slot, previous = pickle.load(sys.stdin.buffer)
    try:
        module, name = function.split(":")
        fit = getattr(importlib.import_module(module), name)
        result: tuple[bool, object] = (True, fit(counts, config, until_slot=until_slot, previous=previous))
    except BaseException as error:  # handed to the desk, which says it
        result = (False, error)
    try:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its words at least
        data = pickle.dumps((False, RuntimeError(f"{type(result[1]).__name__}: {result[1]}")))
    with contextlib.suppress(BrokenPipeError):  # the desk stopped meanwhile
        answer.write(data)
        answer.flush()


if __name__ == "__main__":
    _child()
