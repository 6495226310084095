"""A timeline line's details in the user's language.

The projection writes a short text on each line that starts with a code for some kinds ("scene_survey
R-17", "resolved 已劝离", "environment: 夜间施工", "fight P2 …"); people read "现场勘查 R-17", "已处置 已劝离".
Each code is translated here; the free text the people typed stays as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.domain import taxonomy
from dispatch_desktop.domain.enums import FieldRecordKind
from dispatch_desktop.domain.state import TimelineEntry
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.dispatch import texts
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

FIELD_RECORD: dict[str, str] = {
    FieldRecordKind.SCENE_SURVEY: QT_TRANSLATE_NOOP("FieldRecord", "Scene survey"),
    FieldRecordKind.INFO_COLLECTION: QT_TRANSLATE_NOOP("FieldRecord", "Information collected"),
    FieldRecordKind.IDENTITY_CHECK_REQUEST: QT_TRANSLATE_NOOP("FieldRecord", "Identity check requested"),
    FieldRecordKind.IDENTITY_CHECK_ANSWER: QT_TRANSLATE_NOOP("FieldRecord", "Identity check answered"),
    FieldRecordKind.VEHICLE_CHECK_REQUEST: QT_TRANSLATE_NOOP("FieldRecord", "Vehicle check requested"),
    FieldRecordKind.VEHICLE_CHECK_ANSWER: QT_TRANSLATE_NOOP("FieldRecord", "Vehicle check answered"),
}


def field_record_kind(code: str) -> str:
    source = FIELD_RECORD.get(code)
    return QCoreApplication.translate("FieldRecord", source) if source is not None else code


def _disposition(code: str) -> str:
    return texts.disposition(code) if code in dict(texts.DISPOSITIONS) else code


def details(entry: TimelineEntry) -> str:
    head, _, rest = entry.text.partition(" ")
    match entry.kind:
        case "refused":
            return labels.refusal_message_text(entry.text)
        case "field_record":
            return " ".join(part for part in (field_record_kind(head), rest) if part)
        case "incident_closed" | "clearance":
            return " ".join(part for part in (_disposition(head), rest) if part)
        case "incident_referred":
            department, _, reason = entry.text.partition(": ")
            return f"{labels.department_name(department)}: {reason}" if reason else labels.department_name(department)
        case "incident_reclassified" if taxonomy.is_known(head):
            return " ".join(part for part in (labels.incident_type_name(head), rest) if part)
    return entry.text


def by(entry: TimelineEntry) -> str:
    """Who said so: the desk or unit, and the person signed in there when there was one."""
    return f"{entry.source} · {entry.operator}" if entry.operator else entry.source
