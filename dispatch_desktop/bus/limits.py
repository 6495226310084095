"""Operating-system limits that a hub or a simulator with a thousand connections runs into, and the
interpreter settings of a process that is a hub."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys

log = logging.getLogger(__name__)

_GC_YOUNG = 50_000
_SWITCH_INTERVAL = 0.001  # seconds


def raise_open_file_limit(wanted: int = 65_536) -> int:
    """Raise this process's soft limit on open files towards ``wanted`` (at most the hard limit) and
    return it. Each ZeroMQ socket holds a descriptor or two, each TCP peer one more: 1,100 handsets
    exceed the common default of 1,024. A no-op where the platform has no such limit."""
    try:
        import resource
    except ImportError:  # Windows
        return wanted
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            log.debug("open file limit raised from %d to %d", soft, target)
            return target
    return soft


def tune_interpreter() -> None:
    """Tune the interpreter for a process that is the hub and nothing else of note."""
    # Everything loaded so far (modules, SQLAlchemy, the state) lives as long as the process: without
    # this, each full collection walks it all again, 0.1-0.3 s with the loop stopped, every few seconds
    # under load; frozen objects are still freed by reference counting.
    gc.freeze()
    # Under load a report allocates some twenty objects that live until its batch is committed: at the
    # default threshold (700) the young generation is collected hundreds of times a second, every batch
    # in flight is walked again each time and pushed into the old generations, whose collections it
    # then triggers. Collecting every 50,000 allocations lets almost all of them die first; the rare
    # cycle (an exception and its traceback) is still collected, a little later.
    gc.set_threshold(_GC_YOUNG, 20, 10)
    # The committer gives the GIL up at every SQLite step and commit; taking it back from the loop
    # thread, busy receiving, waits out the switch interval each time. At the default 5 ms those waits
    # stretched a small batch's commit to tens of ms (p50 at 11,000 reports/s: 830 ms, against 340 ms
    # at 1 ms, on the shared two-core machine).
    sys.setswitchinterval(_SWITCH_INTERVAL)


def resident_bytes() -> int | None:
    """This process's resident memory, if psutil can tell."""
    try:
        import psutil

        return int(psutil.Process(os.getpid()).memory_info().rss)
    except Exception:  # psutil missing or the platform refuses: the gauge is optional
        return None
