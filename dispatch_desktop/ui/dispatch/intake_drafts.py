"""The intake form's drafts: everything typed, as text, kept on disk as it is typed and given back after a
crash. A part of ``IntakeForm`` kept in a module of its own; it reads and fills the form's fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.controllers.drafts import Draft
from dispatch_desktop.controllers.intake import ORIGINS
from dispatch_desktop.domain import taxonomy
from dispatch_desktop.ui import labels

if TYPE_CHECKING:
    from dispatch_desktop.ui.dispatch.intake_parts import FormParts
else:
    FormParts = object  # the form's parts, named for the type checker

translate = QCoreApplication.translate  # the form's context: these are the form's texts


class DraftsMixin(FormParts):
    """Mixed into ``IntakeForm``."""

    def draft_fields(self) -> dict[str, str]:
        """What a draft keeps: everything typed or picked, as text."""
        location = self.place.location
        fields = {
            "origin": self.origin_value.value if not self.is_pristine() else "",
            "caller_number": self.caller_number.text(),
            "caller_name": self.caller_name.text(),
            "location_text": self.location.text(),
            "address": self.address.text(),
            "type": self.what.kind.code if self.what.kind is not None else self.incident_type.text(),
            "priority": str(self.priority.value) if not self.is_pristine() else "",
            "description": self.description.toPlainText(),
            "duplicate_of": self.dups.duplicate_of,
            "call": self._call,
            "call_time": str(self._call_time) if self._call_time else "",
        }
        if location is not None:
            fields.update(lat=repr(location.lat), lon=repr(location.lon), accuracy=str(self.place.accuracy_m))
        return fields

    def save_draft(self) -> None:
        if self._drafts is not None:
            self._drafts.save(self.draft_fields() if not self.is_pristine() else {})

    def restore_draft(self, draft: Draft) -> None:
        """Fill the form with a draft left by an earlier run (a crash, a kill), and say so."""
        fields = draft.fields
        self.origin.setCurrentIndex(next((n for n, o in enumerate(ORIGINS) if o.value == fields.get("origin")), 0))
        self.caller_number.setText(fields.get("caller_number", ""))
        self.caller_name.setText(fields.get("caller_name", ""))
        if "lat" in fields and "lon" in fields:
            self.place.set_point(float(fields["lat"]), float(fields["lon"]), accuracy_m=int(fields.get("accuracy", 0)))
        self.location.setText(fields.get("location_text", self.location.text()))
        self.address.setText(fields.get("address", ""))
        code = fields.get("type", "")
        if taxonomy.is_known(code):
            self.what.pick(taxonomy.incident_type(code))
        else:
            self.incident_type.setText(code)
        if fields.get("priority", "").isdigit():
            self.priority.set_value(int(fields["priority"]))
        self.description.setPlainText(fields.get("description", ""))
        self._call = fields.get("call", "")
        self._call_time = int(fields["call_time"]) if fields.get("call_time", "").isdigit() else 0
        self._refresh_call_label()
        self.banner.info(
            translate(
                "IntakeForm",
                "The call you were taking when the desk stopped (saved at %1) is back. Finish it, or discard it.",
            ).replace("%1", labels.clock_text(int(draft.saved_at * 1000)))
        )
        self._duplicate_timer.start()

    def _schedule_draft(self) -> None:
        if self._drafts is not None:
            self._draft_timer.start()
