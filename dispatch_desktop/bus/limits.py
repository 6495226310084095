"""Operating-system limits that a hub or a simulator with a thousand connections runs into."""

from __future__ import annotations

import contextlib
import logging

log = logging.getLogger(__name__)


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
