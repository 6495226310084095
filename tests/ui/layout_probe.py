"""Run as a script on a screen of a given size (Qt's offscreen platform with a screen configuration):
builds the real desk, lets it lay itself out, prints what a person would find on screen as JSON.
``python -m tests.ui.layout_probe DATA_DIR`` (the screen comes from QT_QPA_PLATFORM)."""

from __future__ import annotations

import json
import os
import sys


def main(data: str) -> None:
    os.environ["DISPATCH_DESKTOP_DATA"] = data
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from dispatch_desktop.app import Desk
    from dispatch_desktop.embedded import EmbeddedServices, Options
    from dispatch_desktop.ui.workstation import WorkstationSettings

    services = EmbeddedServices(Options(database_url=f"sqlite:///{data}/events.sqlite3", simulate=False,
                                        cameras=0, workstation="ws-layout"))
    services.start(lambda *_: None, lambda: False)
    desk = Desk(services, WorkstationSettings(language="zh_CN", operator="张伟 012345", sound=False))
    desk.start()

    opened: dict[str, bool] = {}

    def constrain() -> None:
        # A window manager keeps a maximised window to the screen; the offscreen platform does not.
        opened["maximized"] = desk.window.isMaximized()
        desk.window.setGeometry(desk.window.screen().availableGeometry())

    def report() -> None:
        window = desk.window
        screen = window.screen().availableGeometry()
        facts: dict[str, object] = {
            "screen": [screen.width(), screen.height()],
            "window": [window.width(), window.height()],
            "maximized": opened["maximized"],
            "status_bar_inside": window.statusBar().geometry().bottom() <= window.height(),
        }
        for name, table in (("recommended", desk.dispatch.table), ("assigned", desk.dispatch.assigned)):
            row = table.verticalHeader().defaultSectionSize()
            facts[f"{name}_rows"] = table.viewport().height() // row
            facts[f"{name}_visible"] = table.isVisible()
        queue = window.views.incident_queue.view
        elapsed = window.incident_table.column_titled("Elapsed")
        header = queue.horizontalHeader()
        facts["elapsed_right_edge"] = header.sectionViewportPosition(elapsed) + header.sectionSize(elapsed)
        facts["queue_width"] = queue.viewport().width()
        facts["wall_height"] = window.dock("video_wall").height()
        buttons = desk.dispatch.buttons
        facts["buttons_inside"] = all(b.isVisible() and desk.dispatch.rect().contains(b.geometry())
                                      # shown only when they apply: a department to refer to, forces required
                                      for name, b in buttons.items() if name not in ("transfer", "dispatch_required"))
        facts["cut_off"] = [name for name in ("calls", "incident_queue", "intake", "dispatch")
                            if window.dock(name).isVisible()
                            and window.dock(name).height() < window.dock(name).minimumSizeHint().height()]
        facts["map_width"] = window.map_view.width()
        # A leader opens the district trend and the dashboard (hidden until asked for): the desk still fits.
        for name in ("analytics_dashboard", "analytics_trend"):
            window.dock(name).show()
            window.dock(name).raise_()
        QTimer.singleShot(1000, lambda: report_analytics(facts))

    def report_analytics(facts: dict[str, object]) -> None:
        window = desk.window
        trend = window.dock("analytics_trend")
        facts["window_with_trend"] = [window.width(), window.height()]
        facts["min_height_with_trend"] = window.minimumSizeHint().height()
        facts["trend_cut_off"] = trend.height() < trend.minimumSizeHint().height()
        facts["trend_status_bar_inside"] = window.statusBar().geometry().bottom() <= window.height()
        window.reset_layout()  # View → Reset layout
        QTimer.singleShot(1000, lambda: report_reset(facts))

    def report_reset(facts: dict[str, object]) -> None:
        window = desk.window
        facts["window_after_reset"] = [window.width(), window.height()]
        facts["min_height_after_reset"] = window.minimumSizeHint().height()
        facts["shown_after_reset"] = sorted(name for name in window.dock_names() if window.dock(name).isVisible())
        facts["dispatch_rows_after_reset"] = (desk.dispatch.table.viewport().height()
                                              // desk.dispatch.table.verticalHeader().defaultSectionSize())
        print("LAYOUT " + json.dumps(facts), flush=True)
        app.quit()

    QTimer.singleShot(2000, constrain)
    QTimer.singleShot(3000, report)
    app.aboutToQuit.connect(desk.stop)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
