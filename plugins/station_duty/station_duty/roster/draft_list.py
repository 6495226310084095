"""The roster panel's line of unsaved drafts: "Unsaved drafts: 永亭所 05-06 Day shift, 龙口所 05-07 Night
shift", each a link that shows that shift, the one shown in bold. Hidden when there are none."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from dispatch_desktop.api import DeskContext
from station_duty.roster.drafts import Draft, DraftKey
from station_duty.roster.shifts import ShiftSpec
from station_duty.roster.texts import shift_name

DRAFT_STYLE = "color: #8a5300;"  # amber: needs doing, not an error


class DraftList(QLabel):
    chosen = Signal(tuple)  # the DraftKey of the link clicked

    def __init__(self, desk: DeskContext, shifts: tuple[ShiftSpec, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station_duty_roster_drafts")
        self._desk = desk
        self._shifts = {spec.id: spec for spec in shifts}
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(DRAFT_STYLE)
        self.linkActivated.connect(lambda link: self.chosen.emit(tuple(link.split("|"))))
        self.setVisible(False)

    def show_drafts(self, drafts: list[Draft], shown: DraftKey | None) -> None:
        tr = self._desk.tr
        self.setVisible(bool(drafts))
        self.setToolTip(tr("What was typed and not yet saved, kept until it is saved or undone (also when the "
                           "desk is closed). Click one to show it."))
        links = []
        for draft in drafts:
            text = html.escape(self.title(draft))
            if draft.key == shown:
                links.append(f"<b>{text}</b>")
            else:
                links.append(f'<a href="{html.escape("|".join(draft.key))}">{text}</a>')
        self.setText(tr("Unsaved drafts: {shifts}").format(shifts=", ".join(links)))

    def title(self, draft: Draft) -> str:
        """``永亭所 05-06 Day shift``."""
        try:
            station = self._desk.city.station(draft.station).short_name
        except KeyError:
            station = draft.station
        spec = self._shifts.get(draft.shift)
        shift = shift_name(spec, self._desk.tr, self._desk.language) if spec is not None else draft.shift
        return f"{station} {draft.date[5:]} {shift}"

