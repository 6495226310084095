"""The analytics' words, shared by the level map, the trend chart and the dashboard (context
``AnalyticsTexts``): a level's colour, how it was decided, the staffing it calls for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from dispatch_desktop.analytics.config import StaffingRule
    from dispatch_desktop.analytics.levels import AreaLevel

translate = QCoreApplication.translate  # lupdate collects translate("<context>", "<text>") calls
CONTEXT = "AnalyticsTexts"
COLOUR_WORDS = {
    "green": QT_TRANSLATE_NOOP("AnalyticsTexts", "green: normal"),
    "blue": QT_TRANSLATE_NOOP("AnalyticsTexts", "blue: above normal"),
    "yellow": QT_TRANSLATE_NOOP("AnalyticsTexts", "yellow: well above normal"),
    "red": QT_TRANSLATE_NOOP("AnalyticsTexts", "red: far above normal"),
}


COLOUR_SHORT = {
    "green": QT_TRANSLATE_NOOP("AnalyticsTexts", "green"),
    "blue": QT_TRANSLATE_NOOP("AnalyticsTexts", "blue"),
    "yellow": QT_TRANSLATE_NOOP("AnalyticsTexts", "yellow"),
    "red": QT_TRANSLATE_NOOP("AnalyticsTexts", "red"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def colour_name(colour: str, *, short: bool = False) -> str:
    """``"red: far above normal"``, or ``"red"`` when ``short`` (a table's cell)."""
    words = (COLOUR_SHORT if short else COLOUR_WORDS).get(colour)
    return _tr(words) if words is not None else colour


def p_text(p: float) -> str:
    """``"p = 0.0004"``; very small ones as ``"p < 0.0001"``."""
    return "p < 0.0001" if p < 0.0001 else f"p = {p:.4f}" if p < 0.01 else f"p = {p:.3f}"


def level_details(level: AreaLevel) -> str:
    """``"last 3 h: 25 incidents, normal 12.3, p = 0.0004"``."""
    return translate("AnalyticsTexts", "last {window} h: {observed} incidents, normal {expected:.1f}, {p}").format(
        window=level.window_h, observed=level.observed, expected=level.expected, p=p_text(level.p_value))


def staffing_text(rule: StaffingRule | None) -> str:
    """``"+4 巡组 · 启动二级勤务"``: the extra patrol groups the level calls for, and the rule's note."""
    if rule is None or rule.patrol_groups <= 0:
        note = rule.note if rule is not None else ""
        return " · ".join(part for part in (translate("AnalyticsTexts", "no extra patrol groups"), note) if part)
    groups = translate("AnalyticsTexts", "+{n} patrol groups").format(n=rule.patrol_groups)
    return " · ".join(part for part in (groups, rule.note) if part)
