"""A plugin's advice at intake (api 1.1): shown under the description as the call-taker types, taken with
F4, and then deciding the new incident's category and department, so the referral (F7) offers it; a
plugin's section in the dispatch panel follows the panel's incident."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dispatch_desktop.domain.enums import Category
from tests.ui.live_desk import DeskFactory, Keyboard
from tests.ui.plugin_kit import write_plugin

pytestmark = [pytest.mark.gui, pytest.mark.timeout(120)]

ADVISOR = '''
from PySide6.QtWidgets import QLabel
from dispatch_desktop.api import IntakeAdvice, hookimpl

SHOWN = []

@hookimpl
def activate(desk):
    desk.advise_intake(advise)
    label = QLabel("")
    desk.add_dispatch_section(label, lambda incident: (SHOWN.append(incident), label.setText(incident)))

def advise(draft):
    if "摆摊" in draft.description:
        return IntakeAdvice(police=False, department="city_management", reason="“摆摊”：占道经营归城管",
                            confidence=0.9)
    if "打人" in draft.description:
        return IntakeAdvice(police=True, reason="“打人”：有暴力", confidence=0.95)
    return None
'''


def test_advice_is_shown_taken_with_ctrl_y_and_decides_the_incidents_department(
        qtbot, make_desk: DeskFactory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plugin = write_plugin(tmp_path / "site", "advisor", {"hooks": ADVISOR})
    desk = make_desk("zh_CN", plugins=[plugin])
    intake, keys = desk.intake, Keyboard(qtbot, desk)
    desk.window.activateWindow()
    keys.press(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: intake.isAncestorOf(keys.focus()))
    keys.type("13800138000")
    for _ in range(2):
        keys.press(Qt.Key.Key_Tab)
    keys.type("天河区")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)
    keys.type("fight")  # a police type: the advice will say otherwise
    keys.press(Qt.Key.Key_Return)
    intake.description.setFocus()
    keys.type("路口有人摆摊卖水果，堵住了人行道")
    qtbot.waitUntil(lambda: intake.advice.isVisible() and intake.advice.offered is not None, timeout=5_000)
    text = intake.advice.text.toolTip()
    assert "城管" in text and "90%" in text and "占道经营归城管" in text
    # Under the description the verdict comes first, so a narrow form cuts the reason, never the department;
    # who advised is in the tooltip only.
    shown = intake.advice.text.text()
    assert shown.startswith("建议：非警务，移交城管") and "advisor" not in shown and "advisor" in text
    assert intake.advice.accepted is None  # never taken by itself
    keys.press(Qt.Key.Key_F4)
    assert intake.advice.accepted is not None and "已采纳" in intake.advice.text.toolTip()
    with qtbot.waitSignal(intake.incidentCreated, timeout=15_000) as created:
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    incident_id = created.args[0]
    model = desk.window.city_model
    qtbot.waitUntil(lambda: incident_id in model.state.incidents, timeout=10_000)
    incident = model.state.incidents[incident_id]
    assert (incident.category, incident.department) == (Category.NON_POLICE, "city_management")
    assert not intake.advice.isVisible()  # the form is clear for the next call

    hooks = __import__(f"{plugin.id}.hooks", fromlist=["SHOWN"])
    desk.window.selection.select_incident(incident_id)
    qtbot.waitUntil(lambda: hooks.SHOWN[-1:] == [incident_id], timeout=5_000)  # the section follows


def test_an_advisor_that_answers_nonsense_is_charged_with_it_and_the_form_goes_on(
        qtbot, make_desk: DeskFactory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = ADVISOR.replace('''    return None
''', '''    return "城管"
''')
    plugin = write_plugin(tmp_path / "site", "badadvisor", {"hooks": bad})
    desk = make_desk("en", plugins=[plugin])
    desk.intake.description.setPlainText("有只狗在叫")
    desk.intake.advice.ask()
    assert desk.intake.advice.offered is None and not desk.intake.advice.isVisible()
    faults = desk.plugins.host.guard.faults(plugin.id)
    assert faults and "not an IntakeAdvice" in faults[0].message
