"""Advice under the intake form's description: is this police business, and if not, whose?

Plugins give the advice (``DeskContext.advise_intake``); this bar asks for it a moment after the
call-taker stops typing the description or changes the type, shows the most confident answer with its
reason and confidence, and takes it with one key (F4) or the button. Taken advice decides the new
incident's category and department (so the referral, F7, offers that department); it is shown as taken
until the form is cleared or the call-taker takes another. Advice is never taken by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from dispatch_desktop.api.intake import IntakeAdvice, IntakeDraft
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.keymap import describe

if TYPE_CHECKING:
    from dispatch_desktop.ui.dispatch.intake_parts import FormParts

translate = QCoreApplication.translate  # lupdate collects translate("Context", "text") calls
ADVICE_DELAY_MS = 250
ACCEPT_KEY = "F4"

AdviceSource = Callable[[IntakeDraft], "tuple[IntakeAdvice, str] | None"]
"""The desk's advisors asked together: the most confident advice and who gave it (a plugin's name)."""


class AdviceBar(QWidget):
    def __init__(self, form: QWidget, draft: Callable[[], IntakeDraft]) -> None:
        super().__init__(form)
        self.setObjectName("intake_advice")
        self._draft = draft
        self._source: AdviceSource | None = None
        self.offered: IntakeAdvice | None = None
        self.accepted: IntakeAdvice | None = None
        self._offered_by = ""
        self.text = QLabel(self)
        self.text.setObjectName("intake_advice_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        # One line each (the form has no height to spare on a laptop), cut to the width; the whole advice
        # is the tooltip.
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._shown = ""  # the lines under the description before they are cut to the width
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName("intake_advice_accept")
        self.accept_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.clicked.connect(self.accept)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignTop)
        self.shortcut = QShortcut(QKeySequence(ACCEPT_KEY), form)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.accept)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ADVICE_DELAY_MS)
        self._timer.timeout.connect(self.ask)
        self._show()

    def set_source(self, source: AdviceSource | None) -> None:
        self._source = source
        self.schedule()

    def schedule(self) -> None:
        """The form changed: ask again once the typing pauses."""
        if self._source is not None:
            self._timer.start()

    def ask(self) -> None:
        self._timer.stop()
        draft = self._draft()
        found = self._source(draft) if self._source is not None and draft.description.strip() else None
        self.offered, self._offered_by = found if found is not None else (None, "")
        self._show()

    def accept(self) -> None:
        if self.offered is not None:
            self.accepted = self.offered
            self._show()

    def clear(self) -> None:
        self._timer.stop()
        self.offered = self.accepted = None
        self._offered_by = ""
        self._show()

    def choice(self) -> tuple[bool, str] | None:
        """(police, department) of the taken advice, for the incident to be created; None: none taken."""
        return None if self.accepted is None else (self.accepted.police, self.accepted.department)

    # --- showing ----------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)

    def _show(self) -> None:
        describe([self.shortcut], translate("IntakeForm",
                                            "Take the advice shown under the description (police or not, and whose)"))
        self.accept_button.setText(translate("IntakeForm", "Take ({key})").format(key=ACCEPT_KEY))
        offered, accepted = self.offered, self.accepted
        self.setVisible(offered is not None or accepted is not None)
        self.accept_button.setEnabled(offered is not None and offered != accepted)
        shown, full = [], []
        if accepted is not None:
            taken = translate("IntakeForm", "Taken: {verdict}").format(verdict=_verdict(accepted))
            shown.append(taken)
            full.append(taken)
        if offered is not None and offered != accepted:
            verdict, reason = _verdict(offered), offered.reason
            # The line under the description leads with the verdict: on a laptop the form is narrow and the
            # line is cut, and the department must survive the cut; who advised is in the tooltip.
            shown.append(translate("IntakeForm", "Advice: {verdict}, {confidence:.0%} sure — {reason}").format(
                verdict=verdict, confidence=offered.confidence, reason=reason))
            advice = translate("IntakeForm", "Advice ({source}): {verdict}, {confidence:.0%} sure — {reason}")
            full.append(advice.format(source=self._offered_by, verdict=verdict, confidence=offered.confidence,
                                      reason=reason))
        self._shown = "\n".join(shown)
        self.text.setToolTip("\n".join(full))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(40, self.text.width())
        metrics = self.text.fontMetrics()
        self.text.setText("\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                                     for line in self._shown.splitlines()))


def advice_draft(form: FormParts) -> IntakeDraft:
    """What the advisors are shown of the form as it reads now."""
    kind, location = form.what.kind, form.place.location
    return IntakeDraft(description=form.description.toPlainText(), incident_type=kind.code if kind else "",
                       call_time=form._call_time or form._model.now_ms(),
                       station=location.station if location else "", district=location.district if location else "")


def _verdict(advice: IntakeAdvice) -> str:
    if advice.police:
        return translate("IntakeForm", "police business")
    return translate("IntakeForm", "refer to {department}, not police business").format(
        department=labels.department_name(advice.department))
