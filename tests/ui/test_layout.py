"""Panels can be moved, floated and hidden; each user gets their own arrangement back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from dispatch_desktop.ui.user_settings import settings_file_name

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def test_a_users_arrangement_comes_back_and_another_user_keeps_the_default(qtbot, make_workstation) -> None:  # type: ignore[no-untyped-def]
    alice = make_workstation(user="alice")
    alice.show()
    qtbot.waitExposed(alice)
    assert alice.dockWidgetArea(alice.dock("unit_board")) == RIGHT
    alice.addDockWidget(LEFT, alice.dock("unit_board"))
    alice.dock("alerts").close()
    alice.dock("incident_detail").setFloating(True)
    alice.close()  # saves

    again = make_workstation(user="alice")
    again.show()
    qtbot.waitExposed(again)
    assert again.dockWidgetArea(again.dock("unit_board")) == LEFT
    assert again.dock("alerts").isHidden()
    assert again.dock("incident_detail").isFloating()
    again.close()

    bob = make_workstation(user="bob")
    bob.show()
    qtbot.waitExposed(bob)
    assert bob.dockWidgetArea(bob.dock("unit_board")) == RIGHT
    assert not bob.dock("alerts").isHidden()
    assert not bob.dock("incident_detail").isFloating()


def test_every_panel_has_a_view_menu_toggle_and_reset_brings_the_default_back(qtbot, make_workstation) -> None:  # type: ignore[no-untyped-def]
    window = make_workstation()
    window.show()
    qtbot.waitExposed(window)
    toggles = {action.objectName(): action for action in window.view_menu.actions()}
    for name in ("incident_queue", "incident_detail", "unit_board", "alerts"):
        action = toggles[f"toggle_{name}"]
        action.trigger()
        assert window.dock(name).isHidden()
        action.trigger()
        assert not window.dock(name).isHidden()
    window.dock("alerts").close()
    window.addDockWidget(LEFT, window.dock("unit_board"))
    window.reset_layout_action.trigger()
    assert not window.dock("alerts").isHidden()
    assert window.dockWidgetArea(window.dock("unit_board")) == RIGHT


def test_a_panel_added_later_gets_a_toggle_and_returns_to_where_the_user_left_it(qtbot, make_workstation) -> None:  # type: ignore[no-untyped-def]
    def plugin_panel() -> QLabel:
        label = QLabel("视频墙")
        label.setObjectName("video_wall")
        return label

    first = make_workstation(user="carol")
    first.show()
    dock = first.add_panel(plugin_panel(), "Video wall", RIGHT)
    assert dock.windowTitle() == "Video wall"
    assert "toggle_video_wall" in {action.objectName() for action in first.view_menu.actions()}
    with pytest.raises(ValueError, match="already docked"):
        first.add_panel(plugin_panel(), "Video wall", RIGHT)
    first.addDockWidget(LEFT, dock)
    first.close()

    second = make_workstation(user="carol")
    second.show()
    dock = second.add_panel(plugin_panel(), lambda: "视频墙", RIGHT)
    assert second.dockWidgetArea(dock) == LEFT
    assert dock.windowTitle() == "视频墙"


@pytest.mark.parametrize(("user", "expected"), [
    ("zhang.wei", "zhang.wei.ini"),
    ("张伟", None),
    ("../etc/passwd", None),
    ("DOMAIN\\li na", None),
])
def test_user_names_become_safe_distinct_file_names(user: str, expected: str | None) -> None:
    name = settings_file_name(user)
    if expected is not None:
        assert name == expected
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert name.endswith(".ini")
    assert settings_file_name(user) != settings_file_name(user + "x")


def test_an_empty_user_name_is_refused() -> None:
    with pytest.raises(ValueError, match="user name"):
        settings_file_name("  ")
