"""``dispatch-desktop replay``: what happened, read back from the event log without a window.

``replay state --at TIME`` rebuilds the city at a moment (``EventStore.state_at``, from the keyframe
before it) and prints what a supervisor asks first: the open incidents by status and priority, the units
by kind and status, the incidents past a target, and the time of the last event that moment holds;
``--json`` gives the same as one JSON object for scripts. Nothing is written to the store.

``replay export --incident ID --format html|csv|kml|gpx|pdf --out FILE`` writes an incident's record as
evidence (docs/RECORD.md): it renders the file, writes it beside FILE, records its SHA-256 in the event
log (a ``record_exported`` event, written into the store directly: no hub needed), and only then renames
it into place, so there is never an export the log does not know of.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dispatch_desktop import paths
from dispatch_desktop.commands import arguments
from dispatch_desktop.replay import SPEEDS
from dispatch_desktop.storage_checks import Refused, Use, check_store

LANGUAGES = ("zh_CN", "en")

if TYPE_CHECKING:
    from dispatch_desktop.domain.state import State
    from dispatch_desktop.store import EventStore

HELP = ("read back what happened from the event log: the city at a moment ('replay state --at TIME'), an "
        "incident's record as a file ('replay export --incident ID --format pdf --out FILE')")

ACTIONS = {
    "state": "print a summary of the city at a moment of the log: open incidents by status and priority, units "
    "by kind and status, incidents overdue, the last event's time",
}
ACTIONS["export"] = (
    "write an incident's record as evidence: an offline HTML or a PDF report, the CSV event log, or the units' "
    "tracks as KML or GPX; the file's SHA-256 is recorded in the event log before the file is put in place"
)
ACTIONS["open"] = (
    "open the replay window on the log: an incident (--incident, its span with margins) or a time range "
    "(--from/--to), played like a video, read-only; the practice hour with --practice"
)
OVERDUE_LISTED = 10  # the longest overdue named one by one; the rest are counted


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="replay_action", metavar="ACTION", required=True)
    state = actions.add_parser("state", help=ACTIONS["state"], description=ACTIONS["state"])
    state.add_argument("--at", required=True, metavar="TIME",
                       help="the moment: a date and time in the command center's zone, e.g. 2026-12-01T18:30 "
                       "(or with its own zone), or +MINUTES after the log's first event, e.g. +90")
    state.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    export = actions.add_parser("export", help=ACTIONS["export"], description=ACTIONS["export"])
    export.add_argument("--incident", required=True, metavar="ID", help="the incident number, e.g. J-20261201-00042")
    export.add_argument("--format", required=True, type=export_format, metavar="FORMAT",
                        help="html (offline report with map), pdf (report on A4), csv (event log for Excel), "
                        "kml or gpx (the units' tracks)")
    export.add_argument("--out", required=True, metavar="FILE", help="the file to write (replaced if it exists)")
    export.add_argument("--language", choices=LANGUAGES, default="zh_CN",
                        help="the language of the HTML and PDF report (default: zh_CN)")
    export.add_argument("--operator", metavar="'NAME BADGE'", type=arguments.operator,
                        help="who exports it, as recorded in the log (default: this computer's login name)")
    export.add_argument("--margin", metavar="MINUTES", type=arguments.not_negative(float), default=5.0,
                        help="the units' tracks from this long before their dispatch to this long after their "
                        "release (default: 5)")
    window = actions.add_parser("open", help=ACTIONS["open"], description=ACTIONS["open"])
    window.add_argument("--incident", action="append", metavar="ID", default=[],
                        help="follow this incident (repeat for several): the replay spans its record")
    window.add_argument("--drill", metavar="ID", default="",
                        help="play a drill as its trainees saw it (its own state, marked 演练), from its start to its "
                        "end, e.g. D-20261207-01; --from/--to narrow it")
    window.add_argument("--from", dest="start", metavar="TIME",
                        help="the replay's start: a date and time in the command center's zone or +MINUTES "
                        "after the log's first event (default: the incidents' span, else the log's start)")
    window.add_argument("--to", dest="end", metavar="TIME", help="the replay's end, written as --from")
    window.add_argument("--at", metavar="TIME", help="the instant to open at, written as --from")
    window.add_argument("--practice", action="store_true",
                        help="replay the practice hour (a simulated evening hour in the user data dir, written "
                        "the first time) instead of --db")
    window.add_argument("--play", metavar="SPEED", type=float, choices=SPEEDS,
                        help="start playing at this speed: " + ", ".join(f"{speed:g}" for speed in SPEEDS))
    window.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="interface language (default: the last one chosen, else zh_CN)")
    window.add_argument("--operator", metavar="'NAME BADGE'", type=arguments.operator,
                        help="who replays, as an export from the window records it")
    window.add_argument("--seed", type=int, help="the seed of the city the log was made with (the map's stations)")
    window.add_argument("--safe-mode", action="store_true", help="show the replay through no plugin")
    window.add_argument("--offscreen", action="store_true", help="render without a display (with --screenshot)")
    window.add_argument("--screenshot", metavar="FILE", type=Path, help="save a PNG of the window to FILE")
    window.add_argument("--quit-after", metavar="SECONDS", type=arguments.positive(float),
                        help="close by itself after SECONDS")
    for action in (state, export, window):
        action.add_argument("--db", metavar="URL",
                            help="the event store (default: events.sqlite3 in the user data dir)")
        action.add_argument("--timezone", metavar="ZONE", type=arguments.time_zone, default=None,
                            help="the command center's time zone for reading and printing times "
                            "(default: $DISPATCH_DESKTOP_TIMEZONE, else Asia/Shanghai)")


def export_format(text: str) -> str:
    from dispatch_desktop.domain.events import ExportFormat

    if text not in set(ExportFormat):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an export format: choose one of {', '.join(f.value for f in ExportFormat)}")
    return text


@dataclass(frozen=True)
class Overdue:
    incident: str
    priority: int
    phase: str  # dispatch, arrival or clear: the running phase furthest past its target
    late_s: int  # how long past the target


@dataclass(frozen=True)
class CitySummary:
    at_ms: int
    at: str  # local date and time
    log_start: str
    log_end: str
    last_event: str  # the newest event the moment holds, local time
    events: int  # events up to the moment (gseq)
    open_incidents: int
    incidents_by_status: dict[str, int]
    incidents_by_priority: dict[str, int]
    units: int
    units_by_kind: dict[str, dict[str, int]]  # kind -> status -> count
    overdue_count: int
    overdue: list[Overdue]


def summarise(state: State, at_ms: int, events: int, span: tuple[int, int]) -> CitySummary:
    """What ``replay state`` prints of ``state``, the city at ``at_ms`` (``span``: the log's first and
    last event times)."""
    from dispatch_desktop.domain.localtime import date_time_text
    from dispatch_desktop.domain.timers import overdue_incidents

    open_incidents = state.open_incidents()
    by_kind: dict[str, Counter[str]] = {}
    for unit in state.units.values():
        by_kind.setdefault(unit.kind.value, Counter())[unit.status.value] += 1
    late = overdue_incidents(open_incidents, at_ms)
    priorities = {incident.id: incident.priority for incident in open_incidents}
    listed = []
    for timers in late[:OVERDUE_LISTED]:
        worst = max(timers.overdue, key=lambda phase: phase.fraction)
        listed.append(Overdue(timers.incident, priorities[timers.incident], worst.phase.value,
                              round(worst.elapsed_s - worst.target_s)))
    return CitySummary(
        at_ms=at_ms, at=date_time_text(at_ms), log_start=date_time_text(span[0]), log_end=date_time_text(span[1]),
        last_event=date_time_text(state.time), events=events, open_incidents=len(open_incidents),
        incidents_by_status=_sorted(Counter(i.status.value for i in open_incidents)),
        incidents_by_priority=_sorted(Counter(f"P{i.priority}" for i in open_incidents)),
        units=len(state.units), units_by_kind={kind: _sorted(counts) for kind, counts in sorted(by_kind.items())},
        overdue_count=len(late), overdue=listed,
    )


def _sorted(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items()))


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count:,}" for name, count in counts.items()) or "none"


def summary_text(summary: CitySummary) -> str:
    lines = [
        f"the city at {summary.at} (log: {summary.log_start} to {summary.log_end})",
        f"  last event: {summary.last_event} ({summary.events:,} events up to this moment)",
        f"  open incidents: {summary.open_incidents:,}",
        f"    by status: {_counts(summary.incidents_by_status)}",
        f"    by priority: {_counts(summary.incidents_by_priority)}",
        f"  units: {summary.units:,}",
        *(f"    {kind}: {_counts(statuses)}" for kind, statuses in summary.units_by_kind.items()),
        f"  overdue incidents: {summary.overdue_count:,}",
        *(f"    {late.incident} P{late.priority}: {late.phase} {late.late_s // 60} min {late.late_s % 60} s past "
          "its target" for late in summary.overdue),
    ]
    if summary.overdue_count > len(summary.overdue):
        lines.append(f"    … and {summary.overdue_count - len(summary.overdue):,} more")
    return "\n".join(lines)


def moment(text: str, span: tuple[int, int], option: str = "--at") -> int:
    """A time argument (``option``: its name) as epoch ms: ``+MINUTES`` after the log's start, else an ISO
    date and time. Raises ``Refused`` (exit 2) with what is wrong and the log's span."""
    from dispatch_desktop.commands.arguments import local_time
    from dispatch_desktop.domain.localtime import date_time_text

    start, end = span
    minutes_long = (end - start) / 60_000
    within = (f"the log runs from {date_time_text(start)} to {date_time_text(end)}: give a time between them, "
              f"or +0 to +{minutes_long:.0f} minutes")
    if text.startswith("+"):
        try:
            minutes = float(text[1:])
        except ValueError:
            raise Refused(f"{option} {text}: after '+' give the minutes after the log's start, e.g. +90") from None
        at_ms = start + round(minutes * 60_000)
    else:
        try:
            at_ms = local_time(text)
        except argparse.ArgumentTypeError as error:
            raise Refused(f"{option}: {error}, or +MINUTES after the log's start") from None
    if not start <= at_ms <= end:
        raise Refused(f"{option} {text} ({date_time_text(at_ms)}) is outside the log: {within}.")
    return at_ms


def _span(store: EventStore, shown: str) -> tuple[int, int]:
    """The first and the last event's hub time."""
    first = next(store.read(0, limit=1), None)
    if first is None:
        raise Refused(f"the event store {shown} holds no events: nothing to replay. "
                      "'dispatch-desktop db generate --hours 1' writes a simulated hour.")
    return first[1].t_hub, store.state_at().time


def run(args: argparse.Namespace) -> int:
    from dispatch_desktop.domain.localtime import set_zone

    if args.timezone:
        set_zone(args.timezone)
    text = args.db or paths.default_database_url()
    shown = _shown(text)
    if shown is None:
        return 2
    if args.replay_action == "open" and args.practice:
        return _open_window(args, None, shown)
    check_store(text, Use.EXISTING, default=args.db is None)
    if args.replay_action == "export":
        return _export(args, text)
    if args.replay_action == "open":
        return _open_window(args, text, shown)
    from dispatch_desktop.store import EventStore

    with EventStore.open(text, maintenance=False) as store:  # it only reads: no checkpoints of its own
        span = _span(store, shown)
        at_ms = moment(args.at, span)
        rebuilt = store.rebuild(time_ms=at_ms)
        summary = summarise(rebuilt.state, at_ms, rebuilt.gseq, span)
    if args.json:
        print(json.dumps(asdict(summary), ensure_ascii=False, indent=2))
    else:
        print(summary_text(summary))
    return 0


def _shown(text: str) -> str | None:
    """The database URL as it may be printed (no password), or None after saying why it is not one."""
    from dispatch_desktop.store import StoreError
    from dispatch_desktop.store.backends import backend_for

    try:
        _backend, url = backend_for(text)
    except StoreError as error:
        print(f"dispatch-desktop replay: bad --db URL: {error}", file=sys.stderr)
        return None
    return url.render_as_string(hide_password=True)


def _export(args: argparse.Namespace, url: str) -> int:
    """Render, write beside, record the SHA-256, rename (``record.export_file``); each refusal a sentence."""
    from dispatch_desktop import record
    from dispatch_desktop.store import EventStore

    with EventStore.open(url, maintenance=False) as store:
        try:
            incident = record.incident_record(store, args.incident, margin_ms=round(args.margin * 60_000))
        except record.UnknownIncident as error:
            raise Refused(str(error)) from None
        statistics = record.record_statistics(incident)
        if args.format == "pdf":
            from dispatch_desktop.ui.report_pdf import report_pdf

            data = report_pdf(incident, statistics, language=args.language)
        else:
            data = record.render(incident, statistics, args.format, args.language)
        try:
            body = record.export_event(data, args.format, args.out, incident=incident.incident.id,
                                       start_ms=incident.start_ms, end_ms=incident.end_ms,
                                       operator=args.operator or _login_name())
            exported = record.export_file(store, args.out, data, body)
        except (ValueError, record.ExportNotWritten, record.ExportNotRecorded) as error:
            raise Refused(str(error)) from None
    print(f"{exported.path}\n  {exported.size:,} bytes, SHA-256 {exported.sha256}\n"
          f"  recorded in the event log as record_exported at gseq {exported.gseq}")
    return 0


def _open_window(args: argparse.Namespace, url: str | None, shown: str) -> int:
    """The replay window on ``url`` (None: the practice hour, written first if need be)."""
    from dispatch_desktop.commands.run import disable_chromium_sandbox, has_display

    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not has_display(os.environ):
        raise Refused("no display to show the window on: run it in a graphical session, or with --offscreen "
                      "--screenshot FILE")
    if os.geteuid() == 0:
        disable_chromium_sandbox(os.environ)
    if url is None:
        url, shown = _practice_hour()
    from dispatch_desktop.replay.opening import ReplayRequest
    from dispatch_desktop.store import EventStore

    with EventStore.open(url, maintenance=False) as store:
        span = _span(store, shown)
    request = ReplayRequest(start_ms=None if args.start is None else moment(args.start, span, "--from"),
                            end_ms=None if args.end is None else moment(args.end, span, "--to"),
                            incidents=tuple(args.incident), drill=args.drill,
                            seek_ms=None if args.at is None else moment(args.at, span, "--at"))
    if args.screenshot is not None:
        args.screenshot = args.screenshot.expanduser().resolve()
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
    from dispatch_desktop.ui.replay.standalone import main

    return main(args, url, request)


def _practice_hour() -> tuple[str, str]:
    """The practice hour's URL and how to name it, written now (with progress on the terminal) if need be."""
    import threading

    from dispatch_desktop.ui.replay.practice import practice_path, write_practice_hour

    path = practice_path(paths.data_dir())
    if not path.exists():
        print(f"writing the practice hour into {path} (about 20 s; Ctrl-C stops and keeps nothing)…", flush=True)
        stop = threading.Event()
        try:
            if not write_practice_hour(path, cancelled=stop):
                raise Refused("the practice hour was not written")
        except KeyboardInterrupt:
            stop.set()
            raise Refused("stopped: no practice hour was kept") from None
    return f"sqlite:///{path}", str(path)


def _login_name() -> str:
    """Who runs the command, when no --operator says: the log names someone rather than no one."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment nor the password database
        return ""
