"""``dispatch-desktop drill``: drill scenario files checked, and a past shift turned into one.

``drill validate FILE…`` reads each scenario as a drill would and prints every problem as
``file:line: field: message`` (exit 1 if any); with no file it checks the shipped scenarios.
``drill from-log --db URL --from TIME --to TIME --out FILE`` writes the calls of a time range of the log as a
scenario (callers anonymised, the shift's own times as the expectations to beat), checked before it is
written.
``drill run FILE`` plays a scenario on the hub and ``drill end`` ends a drill left running (``drill_run``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dispatch_desktop import paths
from dispatch_desktop.commands import arguments, drill_run
from dispatch_desktop.storage_checks import Refused, Use, check_store

if TYPE_CHECKING:
    from dispatch_desktop.domain.city import City

HELP = ("drill scenarios: check scenario files ('drill validate FILE…'), turn a past shift into one "
        "('drill from-log --from TIME --to TIME --out FILE'), run one on the hub ('drill run FILE'), end a drill "
        "left running ('drill end')")

ACTIONS = {
    "validate": "check drill scenario files as a drill reads them: every problem as file:line: field: message "
    "(exit 1 if any); without a file, the shipped scenarios",
    "from-log": "write the calls of a time range of the event log as a drill scenario: callers anonymised, each "
    "call at its time after the range's start, the shift's own times as the expectations to beat",
}


ACTIONS["report"] = (
    "write a drill's report from the event log: the score (each expectation's time against its deadline), the "
    "inject timeline, the drill's incidents and the command that replays it, as an offline HTML or a PDF with the "
    "exercise watermark on every page; the file's SHA-256 is recorded in the log before the file is put in place"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="drill_action", metavar="ACTION", required=True)
    drill_run.add_actions(actions)
    validate = actions.add_parser("validate", help=ACTIONS["validate"], description=ACTIONS["validate"])
    validate.add_argument("files", nargs="*", metavar="FILE", type=Path, help="scenario files (*.yaml)")
    from_log = actions.add_parser("from-log", help=ACTIONS["from-log"], description=ACTIONS["from-log"])
    from_log.add_argument("--db", metavar="URL", help="the event store (default: events.sqlite3 in the user data dir)")
    from_log.add_argument("--from", dest="start", required=True, metavar="TIME",
                          help="the range's start: a date and time in the command center's zone, e.g. "
                          "2026-12-01T18:00, or +MINUTES after the log's first event")
    from_log.add_argument("--to", dest="end", required=True, metavar="TIME", help="the range's end, written as --from")
    from_log.add_argument("--out", required=True, metavar="FILE", type=Path, help="the scenario file to write")
    from_log.add_argument("--id", dest="scenario_id", metavar="ID",
                          help="the scenario's id (default: shift_YYYYMMDD_HHMM of the range's start)")
    from_log.add_argument("--timezone", metavar="ZONE", type=arguments.time_zone, default=None,
                          help="the command center's time zone (default: $DISPATCH_DESKTOP_TIMEZONE, else "
                          "Asia/Shanghai)")
    for action in (validate, from_log):
        action.add_argument("--seed", type=int, help="the seed of the desk's city (its places, stations, units)")
    _add_report(actions)


def run(args: argparse.Namespace) -> int:
    if args.drill_action == "report":
        return _report(args)
    if args.drill_action == "validate":
        return _validate(args.files, args.seed)
    if args.drill_action == "from-log":
        return _from_log(args)
    return drill_run.run_drill(args) if args.drill_action == "run" else drill_run.end_drill(args)


def _city(seed: int | None) -> City:
    from dispatch_desktop.city import generate_city

    return generate_city() if seed is None else generate_city(seed)


def _validate(files: list[Path], seed: int | None) -> int:
    from dispatch_desktop.drill.loading import load_file, shipped_files

    city = _city(seed)
    checked = files or shipped_files()
    failed = 0
    for path in checked:
        scenario, problems = load_file(path, city)
        for problem in problems:
            print(problem, file=sys.stderr)
        if scenario is not None:
            print(f"{path}: {scenario.id} version {scenario.version}: {len(scenario.injects)} injects, "
                  f"{len(scenario.expectations)} expectations, {scenario.duration} long")
        failed += scenario is None
    if failed:
        print(f"{failed} of {len(checked)} scenario files have problems", file=sys.stderr)
    return 1 if failed else 0


def _from_log(args: argparse.Namespace) -> int:
    from dispatch_desktop.commands.replay import moment
    from dispatch_desktop.domain.localtime import date_time_text, set_zone
    from dispatch_desktop.drill.from_log import scenario_from_log, scenario_yaml
    from dispatch_desktop.drill.loading import load_scenario
    from dispatch_desktop.store import EventStore

    if args.timezone:
        set_zone(args.timezone)
    url = args.db or paths.default_database_url()
    check_store(url, Use.EXISTING, default=args.db is None)
    with EventStore.open(url, maintenance=False) as store:
        first = next(store.read(0, limit=1), None)
        if first is None:
            raise Refused("the event store holds no events: there is no shift to turn into a drill")
        last = next(store.read(store.last_gseq() - 1, limit=1))
        span = (first[1].t_hub, last[1].t_hub)
        start, end = moment(args.start, span, "--from"), moment(args.end, span, "--to")
        if end <= start:
            raise Refused(f"--to {args.end} ({date_time_text(end)}) is not after --from {args.start} "
                          f"({date_time_text(start)}): give a range that runs forward")
        scenario = scenario_from_log(store, start, end, scenario_id=args.scenario_id or "")
    if not scenario.injects:
        raise Refused(f"no incident was created from {date_time_text(start)} to {date_time_text(end)}: "
                      "choose a range with calls in it")
    text = scenario_yaml(scenario, f"A past shift as a drill: {date_time_text(start)} to {date_time_text(end)}, "
                                   "written by 'dispatch-desktop drill from-log'.\nCallers are anonymised; the "
                                   "expectations are the shift's own times.")
    _read_back, problems = load_scenario(text, str(args.out), _city(args.seed))
    for problem in problems:  # e.g. a unit of another city's roster: written all the same, to be edited
        print(f"warning: {problem}", file=sys.stderr)
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise Refused(f"cannot write the scenario to {args.out}: {error.strerror or error}") from None
    print(f"{args.out}: {scenario.id}, {len(scenario.injects)} calls, {len(scenario.expectations)} expectations, "
          f"{scenario.duration} long")
    return 0


# --- drill report ----------------------------------------------------------------------------------------


def _add_report(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from dispatch_desktop.record.texts import LANGUAGES

    report = actions.add_parser("report", help=ACTIONS["report"], description=ACTIONS["report"])
    report.add_argument("--drill", required=True, metavar="ID",
                        help="the drill's id, D-YYYYMMDD-NN, as 'drill run' printed it")
    report.add_argument("--format", required=True, choices=("html", "pdf"), help="an offline HTML page or a PDF")
    report.add_argument("--out", required=True, metavar="FILE", type=Path,
                        help="the file to write (replaced if it exists); its name must contain the drill's id")
    report.add_argument("--db", metavar="URL", help="the event store (default: events.sqlite3 in the user data dir)")
    report.add_argument("--scenario", metavar="FILE", type=Path,
                        help="the scenario file the drill ran, to score it (default: the shipped one with its id)")
    report.add_argument("--language", choices=LANGUAGES, default="zh_CN", help="the report's language (default: zh_CN)")
    report.add_argument("--operator", metavar="'NAME BADGE'", type=arguments.operator,
                        help="who writes the report, as recorded in the log (default: this computer's login name)")
    report.add_argument("--timezone", metavar="ZONE", type=arguments.time_zone, default=None,
                        help="the command center's time zone (default: $DISPATCH_DESKTOP_TIMEZONE, else Asia/Shanghai)")


def _report(args: argparse.Namespace) -> int:
    """The drill read back from the log, rendered, written beside, its SHA-256 recorded, renamed into place
    (``record.export_file``). ``record_exported`` has no field for a drill: the span is the drill's, the incident
    "", and the file's name, which must hold the drill's id, says which drill it is."""
    from dispatch_desktop import record
    from dispatch_desktop.commands.replay import _login_name, _shown
    from dispatch_desktop.domain.localtime import set_zone
    from dispatch_desktop.drill.record import UnknownDrill, drill_record
    from dispatch_desktop.drill.report_html import drill_report_html
    from dispatch_desktop.store import EventStore

    if args.timezone:
        set_zone(args.timezone)
    if args.drill not in args.out.name:
        raise Refused(f"--out {args.out}: the file's name must contain the drill's id {args.drill}, e.g. "
                      f"{args.drill}-report.{args.format}: the event log records an export by its file name, and "
                      "that is the only place its record can name the drill")
    url = args.db or paths.default_database_url()
    shown = _shown(url)
    if shown is None:
        return 2
    check_store(url, Use.EXISTING, default=args.db is None)
    with EventStore.open(url, maintenance=False) as store:
        try:
            drill = drill_record(store, args.drill, scenario_file=args.scenario)
        except UnknownDrill as error:
            raise Refused(str(error)) from None
        if drill.unscored:
            print(f"warning: {drill.unscored}", file=sys.stderr)
        if args.format == "pdf":
            from dispatch_desktop.ui.drill.report_pdf import drill_report_pdf

            data = drill_report_pdf(drill, db=shown, language=args.language)
        else:
            data = drill_report_html(drill, db=shown, language=args.language)
        try:
            body = record.export_event(data, args.format, args.out, incident="", start_ms=drill.start_ms,
                                       end_ms=drill.end_ms, operator=args.operator or _login_name())
            exported = record.export_file(store, args.out, data, body)
        except (ValueError, record.ExportNotWritten, record.ExportNotRecorded) as error:
            raise Refused(str(error)) from None
    total = f"{drill.score.earned} / {drill.score.possible} points" if drill.score is not None else "not scored"
    print(f"{exported.path}: drill {drill.drill_id}, {total}\n  {exported.size:,} bytes, SHA-256 {exported.sha256}\n"
          f"  recorded in the event log as record_exported at gseq {exported.gseq}")
    return 0
