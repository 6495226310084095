"""Fits for ``fit_process`` tests, importable by the child process (module-level functions)."""

from __future__ import annotations

import os
import time
from typing import Any


def fit_returning_its_process(counts: Any, config: Any, *, until_slot: int, previous: Any = None) -> dict[str, Any]:
    return {"pid": os.getpid(), "nice": os.nice(0), "until_slot": until_slot, "counts": int(sum(counts)),
            "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS")}


def fit_that_fails(counts: Any, config: Any, *, until_slot: int, previous: Any = None) -> None:
    raise ValueError(f"too few incidents before slot {until_slot}")


def fit_that_takes_long(counts: Any, config: Any, *, until_slot: int, previous: Any = None) -> None:
    time.sleep(60)
