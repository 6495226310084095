"""What the monthly station review reads and sends (``ReviewSources``), and how a refusal of an order reads."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.analytics import order as orders
from dispatch_desktop.analytics.review import MonthlyCounts
from dispatch_desktop.bus.command_reply import CommandReply, CommandTimeout
from dispatch_desktop.domain import events as ev
from dispatch_desktop.ui import labels

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]

translate = QCoreApplication.translate



@dataclass(frozen=True)
class ReviewSources:
    """Where the review reads and sends: the composition root builds it (``review_install``), tests fake it."""

    read_counts: Callable[[Progress, Cancelled], MonthlyCounts]  # any thread
    read_issued: Callable[[str, int], dict[str, orders.IssuedOrder]]  # (month, now ms), any thread
    send: Callable[[ev.AnyBody], Future[CommandReply]] | None  # None: this desk cannot issue
    operator: Callable[[], str]
    may_issue: str = ""  # why this desk may not issue an order ("" when it may)
    template: Path | None = None  # None: the shipped template
    now_ms: Callable[[], int] = field(default=lambda: int(time.time() * 1000))


def refusal_text(outcome: CommandReply | BaseException) -> str:
    """Why the hub did not take the order, in the desk's language."""
    if isinstance(outcome, CommandTimeout):
        return translate("ReviewDialog", "The hub did not answer in time: the order may or may not be in the log. "
                         "Refresh the review before issuing it again.")
    if isinstance(outcome, BaseException):
        return translate("ReviewDialog", "The order could not be sent: {error}").format(error=outcome)
    known = {
        "read_only": translate("ReviewDialog", "The hub takes no commands from this desk's key (read-only)."),
        "kind_not_allowed": translate("ReviewDialog", "The hub takes supervision orders from a supervisor's or a "
                                      "commander's desk only, and not while the desk shows a drill."),
        "unknown_kind": translate("ReviewDialog", "The hub is of an older version that does not know supervision "
                                  "orders: upgrade it, then issue the order again."),
    }
    return known.get(outcome.code) or labels.refusal_text(outcome.code, outcome.message)
