"""What the drill runner says, in the desk's language: its ``Said`` (a key and the values of its sentence) as
the status bar shows it. Keys the desk does not know fall back to the runner's English line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.drill.runner import Said
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

SENTENCES = {
    "started": QT_TRANSLATE_NOOP("DrillSaid", "Drill {drill} started: {scenario}, {injects} injects, {duration} long"),
    "ended": QT_TRANSLATE_NOOP("DrillSaid", "Drill {drill} ended ({reason}) at {at}"),
    "ended_elsewhere": QT_TRANSLATE_NOOP("DrillSaid", "Drill {drill} was ended from desk {desk}"),
    "rejoined": QT_TRANSLATE_NOOP("DrillSaid", "{at} drill {drill} taken over: {came} injects came, {due} due now"),
    "paused": QT_TRANSLATE_NOOP("DrillSaid", "{at} drill clock paused"),
    "resumed": QT_TRANSLATE_NOOP("DrillSaid", "{at} drill clock resumed"),
    "warped": QT_TRANSLATE_NOOP("DrillSaid", "{at} drill clock at ×{factor}"),
    "skipped": QT_TRANSLATE_NOOP("DrillSaid", "{at} inject {inject} skipped"),
    "call": QT_TRANSLATE_NOOP("DrillSaid", "{at} inject {inject}: a drill 110 call from {number} at {address}"),
    "failure": QT_TRANSLATE_NOOP("DrillSaid", "{at} inject {inject}: {unit} {failure}"),
    "field_record": QT_TRANSLATE_NOOP("DrillSaid", "{at} inject {inject}: {unit} reports a field record on {incident}"),
    "sos": QT_TRANSLATE_NOOP("DrillSaid", "{at} inject {inject}: SOS from {unit}"),
    "camera_dark": QT_TRANSLATE_NOOP("DrillSaid", "{at} inject {inject}: camera {camera} goes dark"),
    "not_injected": QT_TRANSLATE_NOOP("DrillSaid", "{at} inject {inject} not injected: {why}"),
    "met": QT_TRANSLATE_NOOP("DrillSaid", "{at} met: {expectation} ({earned}/{points})"),
    "missed": QT_TRANSLATE_NOOP("DrillSaid", "{at} missed: {expectation} ({earned}/{points})"),
    "refused": QT_TRANSLATE_NOOP("DrillSaid", "{at} the hub refused the drill's {kind}: {message}"),
}


def said_text(said: Said) -> str:
    template = SENTENCES.get(said.key)
    if template is None:
        return said.text
    values = dict(said.values)
    if not labels.is_chinese() and "expectation_en" in values:
        values["expectation"] = values["expectation_en"]
    try:
        return QCoreApplication.translate("DrillSaid", template).format(**values)
    except (KeyError, IndexError):  # a translation naming a value the runner did not give
        return said.text
