"""Signing in (name and badge, the role shown from the key) and the About box."""

from __future__ import annotations

import pytest

from dispatch_desktop.bus.keys import Role
from dispatch_desktop.controllers.operator import Operator
from dispatch_desktop.ui.help import AboutDialog, AboutFacts, about_text
from dispatch_desktop.ui.signin import SignInDialog

pytestmark = pytest.mark.gui


def test_sign_in_refuses_a_missing_name_or_a_bad_badge_beside_the_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog("ws-01", Role.DISPATCHER)
    qtbot.addWidget(dialog)
    dialog.badge.setText("012345")
    dialog.buttons.accepted.emit()
    assert dialog.operator is None and dialog.errors["name"].text() == "Enter your name."
    dialog.name.setText("张伟")
    dialog.badge.setText("01 2345")
    dialog.buttons.accepted.emit()
    assert dialog.operator is None and "badge number" in dialog.errors["badge"].text()
    dialog.badge.setText("012345")
    dialog.buttons.accepted.emit()
    assert dialog.operator == Operator("张伟", "012345")


def test_sign_in_offers_the_last_operator_and_says_what_the_role_may_do(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog("ws-sup", Role.SUPERVISOR, Operator("李娜", "020301"))
    qtbot.addWidget(dialog)
    assert (dialog.name.text(), dialog.badge.text()) == ("李娜", "020301")
    texts = [label.text() for label in dialog.findChildren(type(dialog.errors["name"]).__mro__[1])]
    assert any("read-only" in text for text in texts)


def test_about_names_the_version_the_store_the_hub_and_the_plugins(qtbot) -> None:  # type: ignore[no-untyped-def]
    facts = AboutFacts(workstation="ws-01", operator="张伟 012345", role="Dispatcher",
                       database="sqlite:////srv/dispatch/events.sqlite3", hub="tcp://10.0.0.5:5555")
    text = about_text(facts)
    for expected in ("Version", "ws-01", "张伟 012345", "/srv/dispatch/events.sqlite3", "tcp://10.0.0.5:5555",
                     "Plugins", "none installed"):
        assert expected in text
    dialog = AboutDialog(facts)
    qtbot.addWidget(dialog)
    assert dialog.text.text() == text
