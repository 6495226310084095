"""``dispatch-desktop db generate --incidents-only --days N``: an archive of generated incidents for the
analytics to learn from (``analytics.history``), with the ground truth of its anomalies beside it.

Not a log to run a desk on: a desk or hub would rebuild every incident in it. By default it goes to the
desk's ``<data dir>/analytics/history.sqlite3``, not to the live log, and it only ever fills a new store.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from dispatch_desktop import paths
from dispatch_desktop.commands.db_generate import INTERRUPTED, ProgressLine, ctrl_c_stops, open_to_write
from dispatch_desktop.storage_checks import Refused

if TYPE_CHECKING:
    from dispatch_desktop.analytics.history import GroundTruth, HistoryProgress
    from dispatch_desktop.store import EventStore

DAY_MS = 86_400_000


def default_history_path() -> Path:
    """Where the desk looks for its history: ``<data dir>/analytics/history.sqlite3``."""
    return paths.data_dir() / "analytics" / "history.sqlite3"


def generate_history(args: argparse.Namespace, text: str, shown: str, default: bool) -> int:
    """The --incidents-only mode (``db_generate.generate`` has checked the options go together)."""
    if default:
        where = default_history_path()
        where.parent.mkdir(parents=True, exist_ok=True)
        text = shown = f"sqlite:///{where}"
    truth_file = _truth_file(args, text)
    start_ms = _start_ms(args)
    with open_to_write(text, shown, default=default) as store:
        held = store.last_gseq()
        if held:
            events = f"{held:,} event{'s' if held != 1 else ''}"
            raise Refused(f"{shown} already holds {events}: --incidents-only writes an archive into a new store. "
                          "Give another --db (or remove that file and its truth first).")
        return _write(args, store, shown, start_ms, truth_file)


def _truth_file(args: argparse.Namespace, text: str) -> Path:
    from dispatch_desktop.analytics.history import truth_path

    if args.truth is not None:
        return Path(args.truth)
    try:
        return truth_path(text)
    except ValueError as error:
        raise Refused(str(error)) from None


def _start_ms(args: argparse.Namespace) -> int:
    from dispatch_desktop.domain.localtime import local, zone

    if args.start is None:  # the archive ends where today begins: it is the history before the live log
        today = datetime.now(zone()).replace(hour=0, minute=0, second=0, microsecond=0)
        return round((today - timedelta(days=args.days)).timestamp() * 1000)
    moment = local(args.start)
    if (moment.hour, moment.minute, moment.second, moment.microsecond) != (0, 0, 0, 0):
        raise Refused(f"--start {moment:%Y-%m-%dT%H:%M}: the archive is written in whole local days, so --start "
                      f"is a date, e.g. --start {moment:%Y-%m-%d}")
    return int(args.start)


def _write(args: argparse.Namespace, store: EventStore, shown: str, start_ms: int, truth_file: Path) -> int:
    from dispatch_desktop.analytics.history import WritingCancelled, write_history
    from dispatch_desktop.city import generate_city
    from dispatch_desktop.domain.localtime import date_time_text, zone_label

    end_ms = start_ms + args.days * DAY_MS
    print(f"writing an archive of incidents for the analytics (not a log to run a desk on) into {shown}: "
          f"{args.days:,} days, seed {args.seed}, {date_time_text(start_ms)} to {date_time_text(end_ms)} "
          f"{zone_label(start_ms)}", flush=True)
    line = ProgressLine(sys.stderr)
    began = time.monotonic()

    def show(progress: HistoryProgress) -> None:
        per_s = progress.incidents / max(progress.elapsed_s, 1e-9)
        left = progress.elapsed_s * (1 - progress.fraction) / max(progress.fraction, 1e-9)
        line.line(progress.reached_ms, progress.fraction, progress.incidents, per_s, left,
                  final=progress.fraction >= 1)

    stopped = False
    with ctrl_c_stops() as stop:
        try:
            truth = write_history(store, generate_city(cameras=0), start_ms=start_ms, days=args.days,
                                  seed=args.seed, progress=show, cancelled=stop.is_set)
        except WritingCancelled as cancelled:
            truth, stopped = cancelled.truth, True
        except ValueError as error:  # the span is outside the years the holiday table knows
            raise Refused(str(error)) from None
        finally:
            line.end()
    truth_file.write_text(truth.to_json(), encoding="utf-8")
    _report(store.last_gseq(), time.monotonic() - began, truth, truth_file, stopped)
    return INTERRUPTED if stopped else 0


def _report(incidents: int, seconds: float, truth: GroundTruth, truth_file: Path, stopped: bool) -> None:
    from dispatch_desktop.domain.localtime import date_time_text

    kinds = Counter(anomaly.kind for anomaly in truth.anomalies)
    print(f"{incidents:,} incidents written in {seconds:,.0f} s ({incidents / max(seconds, 1e-9):,.0f} a second)")
    print(f"ground truth in {truth_file}: {kinds['surge']} surges, {kinds['outbreak']} outbreaks, "
          f"{kinds['event']} large events; {len(truth.holidays)} public holiday days")
    if stopped:
        print(f"stopped by Ctrl-C after {truth.days} of the days asked for: the archive holds every whole day up "
              f"to {date_time_text(truth.start_ms + truth.days * DAY_MS)}, and the truth covers them")
