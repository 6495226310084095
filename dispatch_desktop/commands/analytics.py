"""``dispatch-desktop analytics``: the regional alert levels and the monthly station review from the command line.

``analytics levels [--db URL] [--history URL] [--at TIME] [--config FILE] [--stations]`` fits the normal values
(常态值) on the trailing training weeks and prints each district's level (with ``--stations`` each station
area's too): its colour, the window that decided it, observed, expected and the upper-tail probability; an
area with too little history says so instead of a colour. ``analytics fit`` fits and says how long it took
and which areas are thin or failed. ``analytics levels --from TIME --to TIME`` gives every hour of a span
(``commands/analytics_span``). ``analytics review`` is the monthly station review
(``commands/analytics_review``). docs/ANALYTICS.md explains the figures.

The counts come from the log (``--db``) and the history log (``--history``, default
``<data dir>/analytics/history.sqlite3`` when it exists), each kept up to date in a cache under
``<data dir>/analytics/counts``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from dispatch_desktop import paths
from dispatch_desktop.commands import analytics_span, arguments
from dispatch_desktop.commands.analytics_span import NAME_WIDTH, SLOT_MS, hour_text, padded
from dispatch_desktop.storage_checks import Refused

if TYPE_CHECKING:
    from dispatch_desktop.analytics.config import AnalyticsConfig
    from dispatch_desktop.analytics.counts import HourlyCounts
    from dispatch_desktop.analytics.levels import AreaLevel
    from dispatch_desktop.analytics.normal import NormalModel
    from dispatch_desktop.domain.city import City

HELP = ("command analytics: the regional alert levels against the normal values ('analytics levels'), a refit "
        "('analytics fit'), the monthly station review ('analytics review')")
ACTIONS = {
    "levels": "fit the normal values and print each district's level (green, blue, yellow, red) with the window "
    "that decided it, observed, expected and p; --stations adds every station area; --from and --to give every "
    "hour of a span as the desk read it",
    "fit": "fit the normal values on the trailing training weeks and say how long it took and which areas have "
    "too little history or failed",
}
HISTORY_FILE = Path("analytics") / "history.sqlite3"
CACHE_FOLDER = Path("analytics") / "counts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="analytics_action", metavar="ACTION", required=True)
    for name in ("levels", "fit"):
        action = actions.add_parser(name, help=ACTIONS[name], description=ACTIONS[name])
        action.add_argument("--db", metavar="URL",
                            help="the event store (default: events.sqlite3 in the user data dir)")
        action.add_argument("--history", metavar="URL", help="the history log of past weeks (default: "
                            "analytics/history.sqlite3 in the user data dir, when it exists)")
        action.add_argument("--at", metavar="TIME", type=arguments.local_time,
                            help="read the levels as of this date and time in the command center's zone, e.g. "
                            "2026-12-01T18:00: the hour before it is the last one counted (default: now, or the "
                            "end of the logs if they end earlier)")
        action.add_argument("--config", metavar="FILE", type=Path,
                            help="the analytics configuration (default: resources/analytics.yaml)")
        action.add_argument("--timezone", metavar="ZONE", type=arguments.time_zone, default=None,
                            help="the command center's time zone (default: $DISPATCH_DESKTOP_TIMEZONE, else "
                            "Asia/Shanghai)")
        if name == "levels":
            action.add_argument("--stations", action="store_true", help="also print every station area's level")
            action.add_argument("--from", dest="from_ms", metavar="TIME", type=arguments.local_time,
                                help="the level of every hour from this date and time (in the command center's "
                                "zone) to --to, as a desk would have read them, refitting every refit_days: a "
                                "summary per area, or every hour with --format csv or json")
            action.add_argument("--to", dest="to_ms", metavar="TIME", type=arguments.local_time,
                                help="with --from: the end of the span (default: the end of the logs)")
            action.add_argument("--format", choices=analytics_span.FORMATS, default="text",
                                help="with --from: text (a summary per area, the default), or csv or json (every "
                                "area's every hour)")
    try:
        from dispatch_desktop.commands import analytics_review
    except ModuleNotFoundError as error:
        if error.name != "dispatch_desktop.commands.analytics_review":
            raise
        return  # not built yet in this checkout
    review = actions.add_parser("review", help=analytics_review.HELP, description=analytics_review.HELP)
    analytics_review.add_arguments(review)


def run(args: argparse.Namespace) -> int:
    if args.analytics_action == "review":
        from dispatch_desktop.commands import analytics_review

        return int(analytics_review.run(args))
    from dispatch_desktop.analytics.config import ConfigProblem, load_config
    from dispatch_desktop.domain.localtime import set_zone

    if args.timezone:
        set_zone(args.timezone)
    if args.analytics_action == "levels":
        _check_span_arguments(args)
    try:
        config = load_config(args.config)
    except ConfigProblem as error:
        raise Refused(f"the analytics configuration has problems:\n{error}") from None
    city, counts = _counts(args)
    if args.analytics_action == "levels" and args.from_ms is not None:
        return analytics_span.run_span(args, config, city, counts)
    at_slot = _at_slot(args.at, counts)
    began = time.perf_counter()
    model = _fit(counts, config, at_slot)
    seconds = time.perf_counter() - began
    if args.analytics_action == "fit":
        print(_fit_summary(model, city, counts, seconds, config))
        return 0
    print(f"levels at {hour_text(at_slot + 1)}, the hour {hour_text(at_slot)[-5:]}–{hour_text(at_slot + 1)[-5:]} "
          f"the last one counted; normal values fitted on the {config.training_weeks} weeks up to it in "
          f"{seconds:.1f} s")
    from dispatch_desktop.analytics.levels import levels_at

    levels = levels_at(counts, model, config, at_slot)
    names = analytics_span.area_names(city)
    print(f"{padded('area', NAME_WIDTH)}{'level':<22}{'window':>7}{'observed':>10}{'expected':>10}{'p':>10}")
    for level in levels.values():
        if args.stations or level.area.kind == "district":
            print(_level_line(level, names.get(level.area.id, level.area.id)))
    return 0


def _check_span_arguments(args: argparse.Namespace) -> None:
    if args.from_ms is None:
        if args.to_ms is not None:
            raise Refused("--to ends a span that --from begins: give --from too")
        if args.format != "text":
            raise Refused(f"--format {args.format} gives every hour of a span: give it with --from (and --to)")
    elif args.at is not None:
        raise Refused("--at reads one hour, --from and --to a span of hours: give one or the other")


def _counts(args: argparse.Namespace) -> tuple[City, HourlyCounts]:
    from dispatch_desktop.analytics.review import ReviewProblem, read_review_counts
    from dispatch_desktop.api.reference import default_city

    city = default_city()
    live = args.db or paths.default_database_url()
    history = args.history
    if history is None and (paths.data_dir() / HISTORY_FILE).exists():
        history = f"sqlite:///{paths.data_dir() / HISTORY_FILE}"
    try:
        counts = read_review_counts(city, live, history, paths.data_dir() / CACHE_FOLDER)
    except ReviewProblem as error:
        raise Refused(str(error)) from None
    if counts.slots == 0 or not counts.valid.any():
        raise Refused(f"the logs ({live}{' and ' + history if history else ''}) hold no valid incidents: there is "
                      "nothing to fit the normal values on")
    return city, counts


def _at_slot(at_ms: int | None, counts: HourlyCounts) -> int:
    """The last complete hour before ``at_ms`` (default now), no later than the last hour of the counts."""
    last = counts.first_slot + counts.slots - 1
    if at_ms is None:
        return min(int(time.time() * 1000) // SLOT_MS - 1, last)
    at_slot = at_ms // SLOT_MS - 1
    if at_slot < counts.first_slot:
        raise Refused(f"--at {hour_text(at_slot + 1)} is before the logs begin ({hour_text(counts.first_slot)}): "
                      "give a time the logs cover")
    return min(at_slot, last)


def _fit(counts: HourlyCounts, config: AnalyticsConfig, at_slot: int) -> NormalModel:
    from dispatch_desktop.analytics.normal import OK, fit_normal

    model = fit_normal(counts, config, until_slot=at_slot)
    if not any(status == OK for status in model.status_by_area.values()):
        days = (at_slot - counts.first_slot + 1) / 24
        raise Refused(f"not enough history: the logs hold {days:.0f} days up to {hour_text(at_slot)}, and the normal "
                      f"values need at least {config.min_history_weeks} weeks with {config.min_incidents} valid "
                      "incidents in an area. Write practice history with 'dispatch-desktop db generate "
                      "--incidents-only --days 365' and pass it with --history")
    return model


def _fit_summary(model: NormalModel, city: City, counts: HourlyCounts, seconds: float,
                 config: AnalyticsConfig) -> str:
    from dispatch_desktop.analytics.normal import FAILED, OK, THIN

    by_status = {status: [area for area, got in model.status_by_area.items() if got == status]
                 for status in (OK, THIN, FAILED)}
    lines = [f"fitted {len(model.status_by_area)} areas in {seconds:.1f} s on the {config.training_weeks} weeks up to "
             f"{hour_text(model.trained_until_slot)}: {len(by_status[OK])} ok, {len(by_status[THIN])} with too little "
             f"history, {len(by_status[FAILED])} failed"]
    for status, words in ((THIN, "too little history"), (FAILED, "the fit failed")):
        for area in by_status[status]:
            lines.append(f"  {area.kind} {area.id}: {words}")
    return "\n".join(lines)


def _level_line(level: AreaLevel, name: str) -> str:
    if level.colour is None:
        what = "not enough history" if level.status == "thin" else "the fit failed, no older one"
        return f"{padded(name, NAME_WIDTH)}{what}"
    colour = str(level.colour)
    if level.status == "failed":
        colour += f" (fit of {hour_text(level.since_ms // SLOT_MS)})"
    return (f"{padded(name, NAME_WIDTH)}{colour:<22}{level.window_h:>5} h{level.observed:>10}"
            f"{level.expected:>10.1f}{level.p_value:>10.2g}")
