"""Mounting the monthly station review on the desk: one menu action, "Monthly station review…", opening the
review dialog over the desk's log (and the history log of past months beside it, when there is one).

The composition root calls ``install_review`` once, e.g. with the Analytics menu::

    install_review(window, analytics.menu, city, database_url=services.options.database_url,
                   send=lambda body: desk.client.send_command(body), operator=desk.operator, role=role)

``send`` should send in live mode whatever the desk shows (a supervision order is never a drill's).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from dispatch_desktop import paths
from dispatch_desktop.analytics import order as orders
from dispatch_desktop.analytics.review import MonthlyCounts, read_review_counts
from dispatch_desktop.bus.command_reply import CommandReply
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.city import City
from dispatch_desktop.ui.analytics.review_sources import Cancelled, Progress, ReviewSources

HISTORY_FILE = Path("analytics") / "history.sqlite3"  # where the desk's "Generate practice history" writes
CACHE_FOLDER = Path("analytics") / "review-counts"
ISSUING_ROLES = (Role.SUPERVISOR, Role.COMMANDER, None)  # as the hub admits (bus.hub.admission)

translate = QCoreApplication.translate



def desk_sources(city: City, database_url: str, *, send: Callable[[ev.AnyBody], Future[CommandReply]] | None,
                 operator: Callable[[], str], role: Role | None, data_dir: Path | None = None,
                 template: Path | None = None) -> ReviewSources:
    """The review over the desk's log ``database_url`` and, when it exists, ``<data dir>/analytics/history.sqlite3``."""
    from dispatch_desktop.store import EventStore

    data = data_dir or paths.data_dir()

    def read_counts(progress: Progress, cancelled: Cancelled) -> MonthlyCounts:
        history = data / HISTORY_FILE
        history_url = f"sqlite:///{history}" if history.exists() else None
        return read_review_counts(city, database_url, history_url, data / CACHE_FOLDER, progress=progress,
                                  cancelled=cancelled)

    def read_issued(month: str, now_ms: int) -> dict[str, orders.IssuedOrder]:
        with EventStore.open(database_url, maintenance=False) as store:  # it only reads
            return orders.issued_orders(store, month, now_ms)

    may_issue = "" if role in ISSUING_ROLES else translate("ReviewDialog",
        "Supervision orders are issued from a supervisor's or a commander's desk; this desk drafts and exports them.")
    return ReviewSources(read_counts=read_counts, read_issued=read_issued, send=send, operator=operator,
                         may_issue=may_issue, template=template)


def install_review(window: QWidget, menu: QMenu, city: City, *, database_url: str | None,
                   send: Callable[[ev.AnyBody], Future[CommandReply]] | None, operator: Callable[[], str],
                   role: Role | None, data_dir: Path | None = None, template: Path | None = None,
                   language_changed: object = None) -> QAction:
    """Adds "Monthly station review…" to ``menu``; returns the action. ``database_url`` None (a desk on a remote
    hub, with no database of its own): the action is there but disabled, saying why. ``language_changed``: a
    signal (the desk's ``LanguageManager.languageChanged``) on which the action's text is translated again."""
    action = QAction(menu)
    action.setObjectName("station_review_action")
    menu.addAction(action)
    opened: list[QWidget] = []

    def retranslate(*_args: object) -> None:
        action.setText(translate("ReviewDialog", "Monthly station review…"))
        available = translate("ReviewDialog", "Every station's incidents month-on-month and year-on-year, ranked; "
                              "the supervision order for the largest rises")
        missing = translate("ReviewDialog", "The review reads the event log's database, which this desk does not "
                            "have (its hub runs elsewhere): run 'dispatch-desktop analytics review' where it is.")
        action.setToolTip(available if database_url else missing)

    def open_review() -> None:
        from dispatch_desktop.ui.analytics.review_dialog import ReviewDialog

        if opened and opened[0].isVisible():
            opened[0].raise_()
            return
        assert database_url is not None
        dialog = ReviewDialog(city, desk_sources(city, database_url, send=send, operator=operator, role=role,
                                                 data_dir=data_dir, template=template), window)
        opened[:] = [dialog]
        dialog.show()

    action.setEnabled(database_url is not None)
    action.triggered.connect(open_review)
    connect = getattr(language_changed, "connect", None)
    if connect is not None:
        connect(retranslate)
    retranslate()
    return action
