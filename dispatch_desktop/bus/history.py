"""A stretch of the hub's log, asked for by a desk: plugin events for a plugin to rebuild what it shows.

``WorkstationClient.request_events(after, upto, plugins)`` returns a future; ``HistoryQueries`` (owned by
the client, run on its thread) sends ``events_request`` pages and collects the ``catchup`` answers until
the stretch is read. Its requests are numbered from ``FIRST_REQUEST``, far above the numbers the state
copy's catch-ups use (from 1), so each answer finds its way and neither disturbs the other.

A page that goes unanswered for ``retry_after`` seconds, or that the hub answers ``unavailable`` (busy,
or its store failed), is asked again under a new number (reading is harmless to repeat; a late answer to
the old number is ignored). The future fails with ``HistoryUnavailable`` when no page has come for
``deadline`` seconds, and when the client stops.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from dispatch_desktop.bus import protocol as p
from dispatch_desktop.bus.state_copy import Published
from dispatch_desktop.domain.events import PLUGIN_ID_PATTERN

log = logging.getLogger("dispatch_desktop.bus.workstation")

FIRST_REQUEST = 1 << 48
"""History requests are numbered from here; the state copy's catch-ups count from 1 and never get near."""
_PLUGIN_ID = re.compile(PLUGIN_ID_PATTERN)


class HistoryUnavailable(TimeoutError):
    """The hub did not serve a history request: it did not answer in time, or the client stopped."""


@dataclass(frozen=True)
class HistoryRequest:
    """Events with ``after < gseq <= upto`` (0: no bound), only of these plugins (none: every event)."""

    after: int
    upto: int
    plugins: tuple[str, ...]

    @classmethod
    def checked(cls, after: int, upto: int, plugins: Sequence[str]) -> HistoryRequest:
        """Raises ``ValueError``, naming the value, for what the hub would refuse."""
        if after < 0 or upto < 0:
            raise ValueError(f"after ({after}) and upto ({upto}) must be gseqs, 0 or more")
        if isinstance(plugins, str):
            raise ValueError(f"plugins must be a list of plugin ids, not the string {plugins!r}")
        wrong = [plugin for plugin in plugins if not isinstance(plugin, str) or not _PLUGIN_ID.match(plugin)]
        if wrong:
            raise ValueError(f"{wrong[0]!r} is not a plugin id (lower-case letters, digits and _, 2-40 characters, "
                             "starting with a letter)")
        if len(plugins) > p.MAX_REQUESTED_PLUGINS:
            raise ValueError(f"{len(plugins)} plugins in one request; at most {p.MAX_REQUESTED_PLUGINS}")
        return cls(after, upto, tuple(dict.fromkeys(plugins)))

    def describe(self) -> str:
        which = f"events of {', '.join(self.plugins)}" if self.plugins else "events"
        return f"{which} after gseq {self.after}" + (f" up to {self.upto}" if self.upto else "")


@dataclass
class _Query:
    wanted: HistoryRequest
    future: Future[list[Published]]
    number: int = 0  # of the page request in flight
    after: int = 0  # where that page starts
    asked_at: float = 0.0
    heard_at: float = 0.0  # last progress: the query's start, or its last page
    events: list[Published] = field(default_factory=list)


class HistoryQueries:
    """The history requests under way; every method runs on the client's thread. ``send(type, payload)``
    sends on the client's DEALER and says whether it went out."""

    def __init__(self, send: Callable[[bytes, object], bool], *, retry_after: float, deadline: float) -> None:
        self._send = send
        self.retry_after = retry_after
        self.deadline = deadline
        self._numbers = itertools.count(FIRST_REQUEST)
        self._by_number: dict[int, _Query] = {}

    def start(self, wanted: HistoryRequest, future: Future[list[Published]], now: float) -> None:
        if wanted.upto and wanted.upto <= wanted.after:
            future.set_result([])
            return
        query = _Query(wanted, future, after=wanted.after, heard_at=now)
        self._ask(query, now)

    def owns(self, request: int) -> bool:
        """Is a ``catchup`` numbered ``request`` an answer to a history request (rather than a catch-up)?"""
        return request >= FIRST_REQUEST

    def on_page(self, page: p.Catchup, now: float) -> None:
        query = self._by_number.pop(page.request, None)
        if query is None or page.after != query.after:
            return  # an answer to a page asked again since, or to a query given up
        if page.code == p.CATCHUP_BEYOND_END:  # nothing after the log's end
            self._finish(query)
        elif page.code:
            log.info("history %s: the hub answered %s; asking again", query.wanted.describe(), page.code)
            self._by_number[query.number] = query  # asked again by ``tick`` once retry_after has passed
        else:
            query.heard_at = now
            query.events.extend(page.events)
            if page.more and page.events:
                query.after = page.events[-1][0]
                self._ask(query, now)
            elif page.more:  # one event too big for a page: no way forward
                self._fail(query, f"the hub could not send the event after gseq {query.after}")
            else:
                self._finish(query)

    def tick(self, now: float) -> None:
        for number, query in list(self._by_number.items()):
            if now - query.heard_at > self.deadline:
                del self._by_number[number]
                self._fail(query, f"no answer from the hub for {self.deadline:g} s")
            elif now - query.asked_at >= self.retry_after:
                del self._by_number[number]
                self._ask(query, now)

    def fail_all(self, why: str) -> None:
        for query in self._by_number.values():
            self._fail(query, why)
        self._by_number.clear()

    def _ask(self, query: _Query, now: float) -> None:
        query.number = next(self._numbers)
        query.asked_at = now  # if it did not go out, asked again after retry_after
        self._by_number[query.number] = query
        wanted = query.wanted
        self._send(p.EVENTS_REQUEST, p.EventsRequest(request=query.number, after=query.after, upto=wanted.upto,
                                                     plugins=wanted.plugins))

    @staticmethod
    def _finish(query: _Query) -> None:
        if not query.future.done():
            query.future.set_result(query.events)

    @staticmethod
    def _fail(query: _Query, why: str) -> None:
        if not query.future.done():
            query.future.set_exception(HistoryUnavailable(f"{query.wanted.describe()}: {why}"))
