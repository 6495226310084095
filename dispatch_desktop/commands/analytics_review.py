"""``dispatch-desktop analytics review``: the monthly station review from the command line.

``analytics review --month 2026-11`` prints every station ranked by its rise in valid incidents over the month
before (``analytics.review`` says why that figure), with the month before, the same month a year before, both
changes in per cent, the two largest rises flagged (⚑) and the orders already issued for the month; a month
the log does not hold whole is said to be partial. ``--format csv`` / ``json`` give the same for a
spreadsheet or a script. ``--order STATION --out FILE.pdf|.html`` writes that station's supervision order
(督办令) as drafted from the template (``--template``), with the English rendering for ``--language en``; a
draft: issuing it is the supervisor's desk's (Analytics → Monthly station review…), which records it in the log.

The counts are read from the log (``--db``) and from the history log (``--history``, default
``<data dir>/analytics/history.sqlite3`` when it exists), each kept up to date in a cache under
``<data dir>/analytics/review-counts``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from dispatch_desktop import paths
from dispatch_desktop.commands import arguments

if TYPE_CHECKING:
    from dispatch_desktop.analytics.order import IssuedOrder
    from dispatch_desktop.analytics.review import MonthlyReview

HELP = "the monthly station review: every station's incidents month-on-month and year-on-year, ranked"
FORMATS = ("text", "csv", "json")
LANGUAGES = ("zh_CN", "en")
HISTORY_FILE = Path("analytics") / "history.sqlite3"
CACHE_FOLDER = Path("analytics") / "review-counts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", required=True, metavar="YYYY-MM", type=_month,
                        help="the month to review, in the command center's zone, e.g. 2026-11")
    parser.add_argument("--db", metavar="URL", help="the event store (default: events.sqlite3 in the user data dir)")
    parser.add_argument("--history", metavar="URL",
                        help="the history log of past months (default: analytics/history.sqlite3 in the user data "
                        "dir, when it exists)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="how to print the review (default: text)")
    parser.add_argument("--order", metavar="STATION", help="write this station's supervision order (its id, e.g. "
                        "S-440106-03) to --out")
    parser.add_argument("--out", metavar="FILE.pdf|FILE.html", type=Path, help="where --order writes the order")
    parser.add_argument("--language", choices=LANGUAGES, default="zh_CN",
                        help="the order's language: zh_CN, or en for the Chinese order with its English rendering")
    parser.add_argument("--template", metavar="FILE", type=Path,
                        help="the order's template (default: resources/supervision_order.yaml)")
    parser.add_argument("--timezone", metavar="ZONE", type=arguments.time_zone, default=None,
                        help="the command center's time zone (default: $DISPATCH_DESKTOP_TIMEZONE, else Asia/Shanghai)")


def _month(text: str) -> str:
    from dispatch_desktop.analytics.review import ReviewProblem, parse_month

    try:
        year, number = parse_month(text)
    except ReviewProblem as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return f"{year:04d}-{number:02d}"


def run(args: argparse.Namespace) -> int:
    from dispatch_desktop.analytics.order import TemplateProblem
    from dispatch_desktop.analytics.review import ReviewProblem
    from dispatch_desktop.domain.localtime import set_zone

    if args.timezone:
        set_zone(args.timezone)
    if (args.order is None) != (args.out is None):
        return _refuse("--order STATION and --out FILE go together: give both to write an order, neither to "
                       "print the review.")
    if args.out is not None and args.out.suffix.lower() not in (".pdf", ".html"):
        return _refuse(f"--out {args.out}: the order is written as .pdf or .html; end the file's name with one.")
    try:
        made, issued = _review(args)
        if args.order is not None:
            return _write_order(args, made, issued)
    except (ReviewProblem, TemplateProblem) as error:
        return _refuse(str(error))
    sys.stdout.write({"text": review_text, "csv": review_csv, "json": review_json}[args.format](made, issued))
    return 0


def _refuse(message: str) -> int:
    print(f"dispatch-desktop analytics review: {message}", file=sys.stderr)
    return 2


def _review(args: argparse.Namespace) -> tuple[MonthlyReview, dict[str, IssuedOrder]]:
    from dispatch_desktop.analytics.order import issued_orders
    from dispatch_desktop.analytics.review import read_review_counts, review
    from dispatch_desktop.api.reference import default_city
    from dispatch_desktop.store import EventStore
    from dispatch_desktop.store.location import Found, inspect

    city = default_city()
    live = args.db or paths.default_database_url()
    history = args.history
    if history is None and (paths.data_dir() / HISTORY_FILE).exists():
        history = f"sqlite:///{paths.data_dir() / HISTORY_FILE}"
    counts = read_review_counts(city, live, history, paths.data_dir() / CACHE_FOLDER)
    made = review(counts, city, args.month)
    issued: dict[str, IssuedOrder] = {}
    if inspect(live).found is Found.STORE:
        with EventStore.open(live, maintenance=False) as store:
            issued = issued_orders(store, args.month, int(time.time() * 1000))
    return made, issued


def _write_order(args: argparse.Namespace, made: MonthlyReview, issued: dict[str, IssuedOrder]) -> int:
    from dispatch_desktop.analytics.order import draft_order, load_template, next_seq, order_html
    from dispatch_desktop.api.reference import default_city

    city = default_city()
    try:
        made.station(args.order)
    except KeyError:
        return _refuse(f"--order {args.order}: no such station in the city; the stations are named like "
                       f"{city.stations[0].id} (the review lists them all).")
    template = load_template(args.template)
    already = issued.get(args.order)
    now = int(time.time() * 1000)
    seq = next_seq(issued, template, args.month)
    order = draft_order(template, made, args.order, city, seq=seq, issued_ms=now)
    rendering = None
    if args.language == "en":
        rendering = draft_order(template, made, args.order, city, seq=seq, issued_ms=now, language="en")
    issuer = template.zh_CN.issuer  # the order is the Chinese document; --language en adds its rendering
    if args.out.suffix.lower() == ".pdf":
        from dispatch_desktop.ui.analytics.review_pdf import order_pdf

        data = order_pdf(order, issuer, rendering=rendering, issued=False, language=args.language)
    else:
        data = order_html(order, issuer, rendering=rendering, issued=False, language=args.language)
    try:
        args.out.write_bytes(data)
    except OSError as error:
        return _refuse(f"cannot write the order to {args.out}: {error.strerror or error}. Choose a folder that "
                       "exists and that you may write to.")
    print(f"{args.out}: the draft of {order.number} for {order.station} ({len(data):,} bytes); issue it from the "
          "supervisor's desk, which records it in the event log.")
    if already is not None:
        print(f"  note: {already.number} was already issued to {args.order} for {args.month} "
              f"({_when(already.issued_ms)}, {already.operator or 'operator not named'}).")
    return 0


def _when(ms: int) -> str:
    from dispatch_desktop.domain.localtime import date_time_text

    return date_time_text(ms)


# --- the three formats ------------------------------------------------------------------------------------


def _coverage_line(made: MonthlyReview) -> str:
    from dispatch_desktop.analytics.review import month_of

    cover = made.coverage
    line = f"Monthly station review {cover.month}: {len(made.stations)} stations, ranked by the rise in valid " \
           f"incidents over {cover.last_month}"
    if cover.partial:
        line += (f"\nPARTIAL: the log holds {cover.month} only from {_when(max(cover.counted_from_ms, cover.start_ms))}"
                 f" to {_when(min(cover.counted_until_ms, cover.end_ms))}")
    if not cover.last_month_whole:
        line += f"\nno month-on-month figures: the log does not hold {cover.last_month} whole"
    if not cover.year_ago_whole:
        line += (f"\nno year-on-year figures: the log does not reach back to {cover.year_ago} (it starts in "
                 f"{month_of(cover.counted_from_ms)})")
    return line + "\n"


def review_text(made: MonthlyReview, issued: dict[str, IssuedOrder]) -> str:
    from dispatch_desktop.analytics.review import percent_text

    def count(value: int | None) -> str:
        return "—" if value is None else str(value)

    cover = made.coverage
    rows = [("rank", "", "station", "name", cover.month, cover.last_month, "MoM", cover.year_ago, "YoY", "rise",
             "order issued")]
    for change in made.stations:
        order = issued.get(change.station)
        rows.append((str(change.rank), "⚑" if change.flagged else "", change.station, change.name,
                     str(change.this_month), count(change.last_month), percent_text(change.mom),
                     count(change.last_year), percent_text(change.yoy),
                     "—" if change.rise is None else f"{change.rise:+d}", order.number if order else ""))
    widths = [max(_width(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    return _coverage_line(made) + "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: a Chinese character takes two."""
    return sum(2 if ord(character) > 0x2E7F else 1 for character in text)


def review_csv(made: MonthlyReview, issued: dict[str, IssuedOrder]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["month", "partial", "rank", "flagged", "station", "name", "district", "this_month",
                     "last_month", "mom", "last_year", "yoy", "rise", "order_issued"])
    for change in made.stations:
        order = issued.get(change.station)
        writer.writerow([made.coverage.month, int(made.coverage.partial), change.rank, int(change.flagged),
                         change.station, change.name, change.district, change.this_month,
                         "" if change.last_month is None else change.last_month,
                         "" if change.mom is None else f"{change.mom:.4f}",
                         "" if change.last_year is None else change.last_year,
                         "" if change.yoy is None else f"{change.yoy:.4f}",
                         "" if change.rise is None else change.rise, order.number if order else ""])
    return out.getvalue()


def review_json(made: MonthlyReview, issued: dict[str, IssuedOrder]) -> str:
    cover = made.coverage
    document = {
        "month": cover.month, "partial": cover.partial, "last_month": cover.last_month, "year_ago": cover.year_ago,
        "last_month_whole": cover.last_month_whole, "year_ago_whole": cover.year_ago_whole,
        "counted_from_ms": cover.counted_from_ms, "counted_until_ms": cover.counted_until_ms,
        "ranked_by": "this_month - last_month, ties by this_month - last_year, then station id",
        "stations": [asdict(change) | {"rise": change.rise, "order_issued": asdict(issued[change.station])
                                        if change.station in issued else None} for change in made.stations],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
