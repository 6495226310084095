"""The alert levels' configuration: windows, thresholds, minimum excess, training, holidays, staffing.

Read from YAML with ``domain.yaml_source``, so every problem is ``file:line: field: what is wrong`` and one
reading reports them all; a missing file (``path=None``) means the shipped ``resources/analytics.yaml``.
``docs/ANALYTICS.md`` says what each field does to the statistics.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import msgspec

from dispatch_desktop.domain.yaml_source import Path_, Problem, Schema, convert, parse
from dispatch_desktop.paths import RESOURCES

SHIPPED = RESOURCES / "analytics.yaml"


class Colour(enum.StrEnum):
    """A duty level (勤务等级), from normal to the most urgent."""

    GREEN = "green"
    BLUE = "blue"
    YELLOW = "yellow"
    RED = "red"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Colour.GREEN: 0, Colour.BLUE: 1, Colour.YELLOW: 2, Colour.RED: 3}


@dataclass(frozen=True)
class StaffingRule:
    level: Colour
    patrol_groups: int  # extra patrol groups the level calls for in that district
    note: str  # e.g. "启动二级勤务" (shown beside the figure)


@dataclass(frozen=True)
class AnalyticsConfig:
    windows_h: tuple[int, ...]  # (1, 2, 3, 24) shipped
    blue_p: float  # upper-tail probability thresholds
    yellow_p: float
    red_p: float
    min_excess: int  # observed - expected below this never leaves green
    training_weeks: int  # 8
    refit_days: int  # 14
    staffing: tuple[StaffingRule, ...]
    # Added to the shared interface with defaults (callers that build a config by hand keep working):
    min_history_weeks: int = 4  # less history than this: "thin", no colour
    min_incidents: int = 100  # fewer valid incidents in the training weeks: "thin"
    holidays: frozenset[str] = frozenset()  # local dates "2026-10-01": the model's holiday term

    scale_by_window: tuple[tuple[int, float], ...] = ()  # (window_h, factor): that window's thresholds × factor

    def thresholds(self, window_h: int) -> tuple[float, float, float]:
        """(blue, yellow, red) upper-tail thresholds of a window: the configured ones times its scale."""
        scale = dict(self.scale_by_window).get(window_h, 1.0)
        return self.blue_p * scale, self.yellow_p * scale, self.red_p * scale


class ConfigProblem(ValueError):
    """A configuration that cannot be used; one line per problem, ``file:line: field: what is wrong``."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


# --- the file's shape --------------------------------------------------------------------------------------

Probability = Annotated[float, msgspec.Meta(gt=0.0, lt=1.0)]
Hours = Annotated[int, msgspec.Meta(ge=1, le=168)]


class _Rule(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    level: Colour
    patrol_groups: Annotated[int, msgspec.Meta(ge=0, le=100)]
    note: Annotated[str, msgspec.Meta(max_length=200)] = ""


class _File(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    windows_h: Annotated[tuple[Hours, ...], msgspec.Meta(min_length=1, max_length=6)]
    blue_p: Probability
    yellow_p: Probability
    red_p: Probability
    min_excess: Annotated[int, msgspec.Meta(ge=0, le=10_000)]
    training_weeks: Annotated[int, msgspec.Meta(ge=1, le=52)]
    refit_days: Annotated[int, msgspec.Meta(ge=1, le=365)]
    staffing: tuple[_Rule, ...]
    min_history_weeks: Annotated[int, msgspec.Meta(ge=1, le=52)] = 4
    min_incidents: Annotated[int, msgspec.Meta(ge=0)] = 100
    holidays: tuple[datetime.date, ...] = ()
    scale_by_window: dict[Hours, Annotated[float, msgspec.Meta(gt=0.0, le=1.0)]] = {}


_SCHEMA = Schema(_File, "the analytics configuration (a mapping of windows_h, blue_p, yellow_p, red_p, min_excess, "
                        "training_weeks, refit_days, staffing…)")


def load_config(path: Path | None = None) -> AnalyticsConfig:
    """The configuration in ``path`` (None: the shipped one); raises ``ConfigProblem`` naming every problem."""
    path = SHIPPED if path is None else path
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = "is not UTF-8 text; save it as UTF-8" if isinstance(error, UnicodeDecodeError) else (
            f"cannot be read ({error.strerror or error})")
        raise ConfigProblem([Problem(str(path), 0, "", reason)]) from None
    return read_config(text, str(path))


def read_config(text: str, file: str) -> AnalyticsConfig:
    try:
        document, problems = parse(text, file, empty="the file is empty; copy resources/analytics.yaml and edit it")
    except ValueError as error:  # the YAML loader builds dates itself: 2026-13-01 fails there
        raise ConfigProblem([Problem(file, 0, "", f"not a valid date: {error}; write dates as 2026-10-01")]) from None
    if document is None:
        raise ConfigProblem(problems)
    shape, shape_problems = convert(document, _SCHEMA)
    problems += shape_problems
    if shape is not None:
        problems += [document.problem(where, message) for where, message in _problems(shape)]
    if problems or shape is None:
        raise ConfigProblem(sorted(problems, key=lambda problem: problem.line))
    return _config(shape)


def _problems(shape: _File) -> Iterator[tuple[Path_, str]]:
    if not shape.red_p < shape.yellow_p < shape.blue_p:
        yield ("red_p",), (f"the thresholds must fall from blue to red (red_p < yellow_p < blue_p), got blue_p "
                           f"{shape.blue_p}, yellow_p {shape.yellow_p}, red_p {shape.red_p}")
    seen: set[int] = set()
    for index, hours in enumerate(shape.windows_h):
        if hours in seen:
            yield ("windows_h", index), f"the {hours} h window is given twice; keep one"
        seen.add(hours)
        if hours > shape.training_weeks * 168:
            yield ("windows_h", index), f"a {hours} h window is longer than the {shape.training_weeks} training weeks"
    for hours in shape.scale_by_window:
        if hours not in shape.windows_h:
            yield ("scale_by_window",), (f"scales the {hours} h window, which is not among windows_h "
                                         f"({', '.join(str(w) for w in shape.windows_h)})")
    if shape.min_history_weeks > shape.training_weeks:
        yield ("min_history_weeks",), (f"asks for {shape.min_history_weeks} weeks of history, more than the "
                                       f"{shape.training_weeks} training weeks: no area could ever be fitted")
    levels: set[Colour] = set()
    for index, rule in enumerate(shape.staffing):
        if rule.level in levels:
            yield ("staffing", index, "level"), f"{rule.level} has a rule already; keep one per level"
        levels.add(rule.level)


def _config(shape: _File) -> AnalyticsConfig:
    return AnalyticsConfig(
        windows_h=tuple(sorted(shape.windows_h)), blue_p=shape.blue_p, yellow_p=shape.yellow_p, red_p=shape.red_p,
        min_excess=shape.min_excess, training_weeks=shape.training_weeks, refit_days=shape.refit_days,
        staffing=tuple(StaffingRule(rule.level, rule.patrol_groups, rule.note) for rule in shape.staffing),
        min_history_weeks=shape.min_history_weeks, min_incidents=shape.min_incidents,
        holidays=frozenset(day.isoformat() for day in shape.holidays),
        scale_by_window=tuple(sorted(shape.scale_by_window.items())))

