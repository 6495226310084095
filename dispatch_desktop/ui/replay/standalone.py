"""``dispatch-desktop replay open``: the replay window alone, for a supervisor with read access to the log
and no desk of their own (or on a server, with ``--offscreen --screenshot``).

The command line has checked the store and turned the times into instants; this builds the window over
the log as the live desk's Replay menu does, in the user's language, and runs it until it is closed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dispatch_desktop.paths import APP_NAME
from dispatch_desktop.replay.opening import ReplayRefused, ReplayRequest, open_log
from dispatch_desktop.ui.gil import hand_the_gil_back_promptly
from dispatch_desktop.ui.gui_thread_gc import GuiThreadCollector
from dispatch_desktop.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, LanguageManager
from dispatch_desktop.ui.replay.launcher import refusal_text
from dispatch_desktop.ui.replay.window import ReplayDesk, show_replay
from dispatch_desktop.ui.user_settings import UserSettings
from dispatch_desktop.ui.workstation import WorkstationSettings


def main(args: argparse.Namespace, url: str, request: ReplayRequest) -> int:
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName("指挥调度台 Dispatch Desktop")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = GuiThreadCollector(app)  # before any other thread starts: see gui_thread_gc.py
    hand_the_gil_back_promptly()
    settings = WorkstationSettings(language=args.lang, operator=args.operator or "")
    language = LanguageManager(settings.translations_dir, settings.resolved_cache_dir() / "translations")
    chosen = args.lang or UserSettings(settings.resolved_config_dir(), settings.user).language(DEFAULT_LANGUAGE)
    language.set_language(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        opened = open_log(url, request)
    except ReplayRefused as error:
        print(f"dispatch-desktop replay open: {refusal_text(error)}", file=sys.stderr)
        return 2
    finally:
        language.uninstall()  # the window installs its own
    from dispatch_desktop.city import generate_city

    city = generate_city(args.seed) if args.seed is not None else generate_city()  # the desk's map, cameras too
    desk = show_replay(opened, city, settings, request, safe_mode=args.safe_mode)
    desk.window.closed.connect(app.quit)
    collector.freeze_survivors()
    if args.play:
        desk.player.set_speed(args.play)
        QTimer.singleShot(1500, desk.player.play)  # once the map page stands
    if args.screenshot is not None:
        when = max(1.0, args.quit_after - 0.5) if args.quit_after else 12.0
        QTimer.singleShot(int(when * 1000), lambda: _save_screenshot(desk, args.screenshot))
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    code = app.exec()
    window = desk.window
    desk.close()
    if shiboken6.isValid(window):
        shiboken6.delete(window)  # QtWebEngine wants its pages gone before the application object
    return code


def _save_screenshot(desk: ReplayDesk, path: Path) -> None:
    if desk.window.grab().save(str(path)):
        print(f"dispatch-desktop: screenshot saved to {path}", flush=True)
    else:
        print(f"dispatch-desktop: could not write the screenshot to {path}", file=sys.stderr, flush=True)
