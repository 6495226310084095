"""``dispatch-desktop analytics levels --from TIME [--to TIME]``: the level of every hour of a span.

What a desk running through the span would have shown (``analytics.walk``): the normal values fitted on the
training weeks before the span's first hour and again every ``refit_days``, each area read at the end of every
hour. ``--format text`` (the default) sums each area up: hours at each colour, the runs of yellow or red
hours (what a commander counts as one alert) and the longest; ``csv`` and ``json`` give every area's every
hour for a spreadsheet or a script (docs/ANALYTICS.md, "The level history", names the fields). Progress goes
to standard error; Ctrl-C stops and prints nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dispatch_desktop.storage_checks import Refused

if TYPE_CHECKING:
    from dispatch_desktop.analytics.alerts import AlertRun
    from dispatch_desktop.analytics.config import AnalyticsConfig
    from dispatch_desktop.analytics.counts import HourlyCounts
    from dispatch_desktop.analytics.walk import AreaHistory, Walk, WalkProgress
    from dispatch_desktop.domain.city import City

SLOT_MS = 3_600_000
NAME_WIDTH = 26  # terminal columns for an area's name: "天河区龙口派出所" and its like
FORMATS = ("text", "csv", "json")
LEVELS = ("green", "blue", "yellow", "red")
NO_COLOUR = "none"  # too little history, or a failed fit with no older one: the status says which
FIELDS = ("hour_from", "hour_to", "kind", "area", "name", "level", "status", "window_h", "observed", "expected",
          "p")


@dataclass(frozen=True)
class Span:
    first_at: int  # the first hour read (its slot)
    last_at: int

    @property
    def hours(self) -> int:
        return self.last_at - self.first_at + 1


def span_of(from_ms: int, to_ms: int | None, counts: HourlyCounts) -> Span:
    """The hours from the one ``from_ms`` falls in up to the one before ``to_ms`` (default: the logs' end)."""
    first_logged, last_logged = counts.first_slot, counts.first_slot + counts.slots - 1
    first_at = from_ms // SLOT_MS
    last_at = last_logged if to_ms is None else -(-to_ms // SLOT_MS) - 1
    if to_ms is not None and to_ms <= from_ms:
        raise Refused(f"--to {hour_text(to_ms // SLOT_MS)} is not after --from {hour_text(first_at)}: give a span "
                      "that ends after it begins")
    if first_at < first_logged:
        raise Refused(f"--from {hour_text(first_at)} is before the logs begin ({hour_text(first_logged)}): give a "
                      "time the logs cover")
    if first_at > last_logged:
        raise Refused(f"--from {hour_text(first_at)} is after the logs end ({hour_text(last_logged + 1)}): give a "
                      "time the logs cover")
    return Span(first_at, min(last_at, last_logged))


def run_span(args: argparse.Namespace, config: AnalyticsConfig, city: City, counts: HourlyCounts) -> int:
    from dispatch_desktop.analytics.counts import AreaKind
    from dispatch_desktop.analytics.normal import OK
    from dispatch_desktop.analytics.walk import level_history, walk

    span = span_of(args.from_ms, args.to_ms, counts)
    areas = [a for a in counts.areas if args.stations or a.kind is AreaKind.DISTRICT]
    print(f"reading {len(areas)} areas at each of {span.hours:,} hours from {hour_text(span.first_at)} to "
          f"{hour_text(span.last_at + 1)}…", file=sys.stderr, flush=True)
    try:
        result = walk(counts, config, span.first_at, span.last_at, areas=areas, progress=_progress)
    except KeyboardInterrupt:
        raise Refused("stopped: nothing was printed") from None
    if not any(OK in p.model.status_by_area.values() for p in result.periods):
        raise Refused(f"not enough history: no area has the {config.min_history_weeks} weeks with "
                      f"{config.min_incidents} valid incidents the normal values need before "
                      f"{hour_text(span.first_at)}. Write practice history with 'dispatch-desktop db generate "
                      "--incidents-only --days 365' and pass it with --history, or start the span later")
    names = area_names(city)
    histories = [h for h in (level_history(result, config, a) for a in areas) if h is not None]
    if args.format == "csv":
        sys.stdout.write(span_csv(histories, span, names))
    elif args.format == "json":
        sys.stdout.write(span_json(histories, span, names, result, config))
    else:
        sys.stdout.write(span_text(histories, span, names, result))
    return 0


def _progress(done: WalkProgress) -> None:
    print(f"  {done.fraction:.0%} ({done.refits} fits, {done.elapsed_s:.0f} s)", file=sys.stderr, flush=True)


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def area_names(city: City) -> dict[str, str]:
    """Area id -> its name: the districts by adcode, the stations by id."""
    return {d.adcode: d.name for d in city.districts} | {s.id: s.name for s in city.stations}


# --- the three formats ----------------------------------------------------------------------------------


def rows(histories: Sequence[AreaHistory], span: Span, names: dict[str, str]) -> Iterator[tuple[object, ...]]:
    """One per area and hour, in ``FIELDS`` order: hour by hour, the areas in the counts' order."""
    texts = [hour_text(slot) for slot in range(span.first_at, span.last_at + 2)]
    for i in range(span.hours):
        for h in histories:
            coloured = h.rank[i] >= 0
            yield (texts[i], texts[i + 1], str(h.area.kind), h.area.id, names.get(h.area.id, h.area.id),
                   LEVELS[h.rank[i]] if coloured else NO_COLOUR, str(h.status[i]),
                   int(h.window_h[i]) if coloured else "", int(h.observed[i]) if coloured else "",
                   round(float(h.expected[i]), 2) if coloured else "", float(f"{h.p_value[i]:.4g}") if coloured else "")


def span_csv(histories: Sequence[AreaHistory], span: Span, names: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(rows(histories, span, names))
    return out.getvalue()


def span_json(histories: Sequence[AreaHistory], span: Span, names: dict[str, str], result: Walk,
              config: AnalyticsConfig) -> str:
    document = {
        "from": hour_text(span.first_at), "to": hour_text(span.last_at + 1), "hours": span.hours,
        "fits": [{"from": hour_text(p.first), "to": hour_text(p.last + 1)} for p in result.periods],
        "thresholds": {"blue_p": config.blue_p, "yellow_p": config.yellow_p, "red_p": config.red_p,
                       "scale_by_window": {str(w): f for w, f in config.scale_by_window},
                       "min_excess": config.min_excess, "windows_h": list(config.windows_h)},
        "levels": [dict(zip(FIELDS, row, strict=True)) for row in rows(histories, span, names)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class AreaSummary:
    hours: tuple[int, ...]  # at green, blue, yellow, red
    no_colour: int
    runs: int  # stretches of consecutive hours at yellow or red
    longest: AlertRun | None


def summarise(history: AreaHistory) -> AreaSummary:
    from dispatch_desktop.analytics.alerts import alert_runs

    rank = history.rank
    runs = alert_runs(rank)
    longest = max(runs, key=lambda run: run.hours, default=None)  # the first of the longest
    return AreaSummary(tuple(int((rank == r).sum()) for r in range(4)), int((rank < 0).sum()), len(runs), longest)


def span_text(histories: Sequence[AreaHistory], span: Span, names: dict[str, str], result: Walk) -> str:
    lines = [f"levels for each of the {span.hours:,} hours from {hour_text(span.first_at)} to "
             f"{hour_text(span.last_at + 1)}, as a desk would have read them: the normal values fitted "
             f"{_times(len(result.periods))}, first on the weeks up to {hour_text(span.first_at)}",
             f"{padded('area', NAME_WIDTH)}{'green':>7}{'blue':>6}{'yellow':>7}{'red':>5}{'none':>6}"
             f"{'runs':>6}  longest run of yellow or red"]
    alarm_hours = runs = 0
    for history in histories:
        made = summarise(history)
        alarm_hours += made.hours[2] + made.hours[3]
        runs += made.runs
        longest = "—"
        if made.longest is not None:
            run = made.longest
            slot = span.first_at + run.first
            longest = f"{hour_text(slot)}–{hour_text(slot + run.hours)[-5:]} ({run.hours} h, {LEVELS[run.worst]})"
        lines.append(f"{padded(names.get(history.area.id, history.area.id), NAME_WIDTH)}"
                     + "".join(f"{n:>{w}}" for n, w in zip((*made.hours, made.no_colour, made.runs), (7, 6, 7, 5, 6, 6),
                                                          strict=True))
                     + f"  {longest}")
    days = span.hours / 24
    lines.append(f"in all: {alarm_hours} area-hours at yellow or red in {runs} runs ({runs / days:.2f} runs a day); "
                 "'none': too little history or no fit for the area")
    return "\n".join(lines) + "\n"


def padded(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(width - columns, 1)


def hour_text(slot: int) -> str:
    from dispatch_desktop.domain.localtime import local

    return local(slot * SLOT_MS).strftime("%Y-%m-%d %H:%M")
