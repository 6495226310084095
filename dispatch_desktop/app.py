"""The composition root: the one place where the store, hub, bus client, simulator and window meet.

Modelled on qutebrowser's ``app.py``: components take their collaborators as arguments and know
nothing of each other; this module builds them in order and connects their signals. Start-up work
(city, demo clips, store, hub) runs on a worker thread behind a cancellable progress dialog, so the
GUI thread never waits on the database or the bus.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TypedDict

import msgspec
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dispatch_desktop import paths
from dispatch_desktop.bus.keys import Role
from dispatch_desktop.bus.workstation import CommandReply, Published, WorkstationClient
from dispatch_desktop.controllers.drafts import DraftKeeper
from dispatch_desktop.controllers.identity import resolve as resolve_identity
from dispatch_desktop.controllers.operator import can_command
from dispatch_desktop.controllers.outbox import EntryState, Outbox
from dispatch_desktop.controllers.persist import LatestWriter
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.state import State
from dispatch_desktop.embedded import EmbeddedServices, Options
from dispatch_desktop.extensions.discovery import Discovered
from dispatch_desktop.paths import APP_NAME
from dispatch_desktop.replay.opening import ReplayRequest
from dispatch_desktop.ui.alarm import Alarm
from dispatch_desktop.ui.analytics.desk import AnalyticsDesk
from dispatch_desktop.ui.analytics.review_install import install_review
from dispatch_desktop.ui.call_taking import CallTaker
from dispatch_desktop.ui.desk_layout import fit_layout, fit_wall
from dispatch_desktop.ui.desk_views import add_desk_views
from dispatch_desktop.ui.dispatch.desk import connect_intake_to_panel
from dispatch_desktop.ui.dispatch.dispatch_panel import DispatchPanel
from dispatch_desktop.ui.dispatch.intake import IntakeForm
from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.drill.banner import DrillBanner
from dispatch_desktop.ui.drill.controls import DrillControls
from dispatch_desktop.ui.gil import hand_the_gil_back_promptly
from dispatch_desktop.ui.gui_thread_gc import GuiThreadCollector
from dispatch_desktop.ui.help import AboutDialog, AboutFacts, KeyReferenceDialog
from dispatch_desktop.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, LanguageManager
from dispatch_desktop.ui.models.calls_model import CallsModel
from dispatch_desktop.ui.models.outbox_model import OutboxModel
from dispatch_desktop.ui.models.state_feed import StateFeed
from dispatch_desktop.ui.overdue_notifier import OverdueNotifier
from dispatch_desktop.ui.panels.calls_panel import CallsPanel
from dispatch_desktop.ui.panels.outbox_panel import OutboxPanel
from dispatch_desktop.ui.plugins.actions import IncidentActions
from dispatch_desktop.ui.plugins.manager import PluginManagerDialog
from dispatch_desktop.ui.plugins.panels import PanelContribution
from dispatch_desktop.ui.plugins.startup import start_desk_plugins
from dispatch_desktop.ui.replay.launcher import ReplayLauncher
from dispatch_desktop.ui.signin import role_text, sign_in
from dispatch_desktop.ui.startup_progress import Startup
from dispatch_desktop.ui.user_settings import UserSettings
from dispatch_desktop.ui.video_wall import VideoWall
from dispatch_desktop.ui.video_wall.wiring import connect_wall
from dispatch_desktop.ui.workstation import Workstation, WorkstationSettings

log = logging.getLogger(__name__)


def options_from(args: argparse.Namespace) -> Options:
    return Options(
        database_url=args.db,
        hub=args.hub,
        keys=args.keys,
        seed=args.seed,
        units=args.units,
        cameras=args.cameras,
        speed=args.speed,
        simulate=not args.no_sim,
        auto_dispatch=not args.no_auto_dispatch,
        sign_key=args.sign_key,
    )


def build_window(city: City, feed: StateFeed, settings: WorkstationSettings) -> Workstation:
    """The window with what every desk shows: the frame and its models, the map, the four core panels.
    The caller adds its own panels and plugins, then calls ``window.open()``."""
    window = Workstation(city, feed, settings)
    window.views = add_desk_views(window)
    return window


class Desk:
    """The running workstation: window, panels, controllers and the bus client, wired together."""

    def __init__(self, services: EmbeddedServices, settings: WorkstationSettings, *,
                 role: Role = Role.DISPATCHER, state_dir: Path | None = None, safe_mode: bool = False,
                 plugins: Sequence[Discovered] | None = None) -> None:
        """``plugins``: the plugins to consider instead of those installed (tests)."""
        assert services.city is not None and services.endpoints is not None
        self.services = services
        self.role = role
        city = services.city
        workstation = services.options.workstation
        simulated = services.options.simulate and services.options.hub is None
        settings = dataclasses.replace(settings, workstation=workstation, simulated=simulated or settings.simulated)
        self.feed = StateFeed()
        self.client = WorkstationClient(
            workstation,
            command_endpoint=services.endpoints.workstation,
            publish_endpoint=services.endpoints.publish,
            curve=services.curve,
            session=services.session,
            context=services.context,
            on_state=self._on_state,
            on_connection=self.feed.set_connected,
        )
        # Nothing typed is lost: the call being taken and every command not yet answered are kept on disk.
        self.state_dir = state_dir or paths.data_dir() / "desks" / workstation
        self.writer = LatestWriter(on_error=self._on_persist_error)
        self.drafts = DraftKeeper(self.state_dir / "call-draft.json", self.writer)
        self.outbox = Outbox(self.client.send_envelope, self.state_dir / "outbox.msgpack", writer=self.writer)

        # The desk's own panels and its plugins join before the user's saved layout is restored (open below).
        self.window = build_window(city, self.feed, settings)
        window = self.window
        window.closing_check = self.confirm_close
        operator = self.operator

        self.intake = IntakeForm(city, window.city_model, self.send, workstation, window.selection,
                                 operator=operator, drafts=self.drafts, simulated=settings.simulated)
        # One registry of incident actions for the desk (F6–F9 and the plugins'): the Incident menu, the
        # dispatch panel's buttons and the keymap.
        self.incident_actions = IncidentActions(window.selection, window.city_model, window)
        self.dispatch = DispatchPanel(city, window.city_model, self.send, window.selection, operator=operator,
                                      staleness=settings.staleness, actions=self.incident_actions)
        connect_intake_to_panel(self.intake, self.dispatch)
        self.calls_model = CallsModel(window.city_model, city, workstation, window)
        self.calls = CallsPanel(self.calls_model, lambda call: self.call_taker.answer(call))
        self.call_taker = CallTaker(window.city_model, self.intake, self.send, workstation, operator,
                                    highlighted=self.calls.highlighted, parent=window)
        self.outbox_model = OutboxModel(self.outbox, window.city_model, window)
        self.outbox_panel = OutboxPanel(self.outbox_model)
        # Intake shares a tab stack with the incident detail, dispatch with the alerts, the incoming calls
        # sit above the queue: a 1080p screen keeps the map, the queue, the unit board and the wall visible.
        panels = window.panels
        panels.add(PanelContribution("calls", lambda: self.calls, area="left"))
        # Top to bottom on the left: the calls ringing, the queue, then the intake (tabbed with the detail).
        window.splitDockWidget(window.dock("calls"), window.dock("incident_queue"), Qt.Orientation.Vertical)
        window.splitDockWidget(window.dock("incident_queue"), window.dock("incident_detail"), Qt.Orientation.Vertical)
        panels.add(PanelContribution("intake", lambda: self.intake, tab_group="core.incident_detail"))
        panels.add(PanelContribution("dispatch", lambda: self.dispatch, tab_group="core.alerts"))
        panels.add(PanelContribution("outbox", lambda: self.outbox_panel, tab_group="core.unit_board"))
        self.intake.install_shortcuts(window, self.call_taker.answer_or_start)
        self.intake.activated.connect(lambda: self._raise_dock("intake"))
        self.intake.incidentCreated.connect(self._on_incident_created)
        self.intake.queued.connect(lambda _incident: self._raise_dock("outbox"))
        self.call_taker.message.connect(lambda text: window.status_bar.showMessage(text, 10_000))
        window.map_bridge.mapClicked.connect(self.intake.set_location_from_map)

        self.alarm = Alarm(window.settings_cache_dir, enabled=window.sound_action.isChecked(), parent=window)
        window.sound_action.toggled.connect(self.alarm.set_enabled)
        self.overdue = OverdueNotifier(window.city_model, window.incident_table, window.alerts_model, self.alarm,
                                       window)
        self.overdue.message.connect(lambda text: window.status_bar.showMessage(text, 15_000))
        self.outbox_model.changed.connect(self._show_outbox_count)
        window.city_model.clockTicked.connect(lambda _now: self.outbox.tick())  # unanswered for 3 s: queued

        self.wall = VideoWall(services.cameras or city.cameras, blob_directory=services.blob_dir)
        panels.add(PanelContribution("video_wall", lambda: self.wall, area="bottom"))
        connect_wall(self.wall, window.selection, window.city_model, window.map_bridge)
        self.wall.snapshot_taken.connect(self._on_snapshot)
        self.wall.snapshot_failed.connect(lambda why: window.status_bar.showMessage(why, 10_000))
        window.keys_action.triggered.connect(lambda: KeyReferenceDialog(window).open())
        window.about_action.triggered.connect(self.show_about)
        self.wall.collapsedChanged.connect(lambda collapsed: fit_wall(self.window, collapsed=collapsed))
        # Plugins join after the desk's own panels and before the user's layout is restored, so that their
        # panels go back where the user had them.
        self.plugins = start_desk_plugins(window, self.incident_actions, send=self.send,
                                          read_only=self.read_only_reason, fetch_history=self.client.request_events,
                                          add_dispatch_section=self.dispatch.sections.addWidget,
                                          required_forces=self.dispatch.required_forces,
                                          safe_mode=safe_mode, discovered=plugins, sentinel_dir=self.state_dir)
        if self.plugins.advice is not None:
            self.intake.advice.set_source(self.plugins.advice.advise)
        window.menuBar().insertMenu(window.settings_menu.menuAction(), self.incident_actions.menu)
        # Drills: take part in the running one (its banner and watermark), or run one from here as the trainer.
        self.drills = DrillControls(window, self.client, city, field_endpoint=services.endpoints.field,
                                    context=services.context, store=services.store, operator=self.operator,
                                    may_start=self._drill_start_refusal(role),
                                    database_url=services.options.database_url, first_camera=self.wall.first_camera)
        self.drill_banner = DrillBanner(window.city_model, window.map_view, window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.drill_banner)
        # Replays of the log in windows of their own, beside the live desk (the log is the hub's store).
        self.replays = ReplayLauncher(window, city, services.options.database_url, self.incident_actions,
                                      plugins=plugins, safe_mode=safe_mode, state_dir=self.state_dir / "replay")
        self.drills.replayRequested.connect(lambda drill: self.replays.open(ReplayRequest(drill=drill)))
        # Analytics (supervisors, leaders): the live dashboard, the regional alert levels on the map, a district's
        # trend, the monthly station review and its supervision orders (sent live even from a drill view).
        self.analytics = AnalyticsDesk(window, city, services.options.database_url)
        install_review(window, self.analytics.menu, city, database_url=services.options.database_url,
                       send=lambda body: self.client.send_command(body), operator=self.operator, role=role,
                       language_changed=window.language.languageChanged)
        self.plugins_action = window.settings_menu.addAction("")
        self.plugins_action.setObjectName("plugins_action")
        self.plugins_action.triggered.connect(self.show_plugins)
        self._retitle()
        window.language.languageChanged.connect(lambda _language: self._retitle())
        for name in ("incident_queue", "intake", "dispatch", "unit_board"):  # in front of the plugins
            self._raise_dock(name)
        self._layout_restored = window.open()
        if not can_command(role):
            reason = self.read_only_reason()
            self.intake.set_read_only(reason)
            self.dispatch.set_read_only(reason)

    # --- who is at the desk -------------------------------------------------------------------------------

    def operator(self) -> str:
        return self.window.settings.operator

    # --- running ----------------------------------------------------------------------------------

    def start(self) -> None:
        self.client.start()
        self.services.start_simulator()
        self.window.show_on_start()
        self._offer_back()
        self.window.layoutReset.connect(lambda: fit_layout(self.window, wall_collapsed=self.wall.collapsed))
        if not self._layout_restored:
            # Dock sizes only hold once the window has its real size.
            QTimer.singleShot(0, self.window, lambda: fit_layout(self.window, wall_collapsed=self.wall.collapsed))

    def stop(self) -> None:
        self.analytics.stop()
        self.drills.stop()  # a drill run from here is ended, never left running on the hub
        self.replays.close_all()
        self.plugins.host.stop_all()
        self.wall.shutdown()
        self.services.stop_simulator()
        self.outbox.close()  # before the client, whose stop fails every command still waiting
        self.client.stop()
        self.services.stop()
        self.writer.close()

    def send(self, body: ev.AnyBody) -> Future[CommandReply]:
        """Every command of the desk: signed with the operator, kept in the outbox until answered."""
        if self.window.city_model.mode is DisplayMode.REPLAY:
            raise RuntimeError("a replay sends nothing")
        if "operator" in body.__struct_fields__ and not getattr(body, "operator", ""):
            body = msgspec.structs.replace(body, operator=self.operator())
        drill = self.window.city_model.mode is DisplayMode.DRILL
        envelope = self.client.new_envelope(body, mode=Mode.DRILL if drill else Mode.LIVE)
        return self.outbox.submit(envelope)

    def read_only_reason(self) -> str:
        """Why this desk sends nothing now ("" when it may send)."""
        if not can_command(self.role):
            return QCoreApplication.translate(
                "Desk", "This workstation's key is a supervisor's: it sees everything and sends nothing.")
        if self.window.city_model.mode is DisplayMode.REPLAY:
            return QCoreApplication.translate("Desk", "A replay sends nothing.")
        return ""

    def show_plugins(self) -> None:
        PluginManagerDialog(self.plugins, self.window).open()

    def _retitle(self) -> None:
        self.plugins_action.setText(QCoreApplication.translate("Desk", "Plugins…"))
        self.plugins_action.setToolTip(QCoreApplication.translate(
            "Desk", "Installed plugins: their state and errors; enable or disable them"))

    def confirm_close(self) -> bool:
        """Closing the window with a call half taken or commands unanswered asks first."""
        waiting = len(self.outbox.waiting()) + len(self.outbox.held())
        if self.intake.is_pristine() and not waiting:
            return True
        parts = []
        if not self.intake.is_pristine():
            parts.append(QCoreApplication.translate("Desk", "a call is being taken in the intake form"))
        if waiting:
            parts.append(QCoreApplication.translate("Desk", "%n command(s) have no answer from the hub yet", "",
                                                    waiting))
        text = QCoreApplication.translate(
            "Desk", "Close the desk although {what}? Nothing is lost: it is kept and offered again at the next "
            "start.").format(what=QCoreApplication.translate("Desk", " and ").join(parts))
        answer = QMessageBox.question(self.window, QCoreApplication.translate("Desk", "Close the desk?"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.intake.save_draft()
            self.writer.flush()
            return True
        return False

    def show_about(self) -> None:
        options = self.services.options
        facts = AboutFacts(
            workstation=options.workstation, operator=self.operator(), role=role_text(self.role),
            database=options.database_url if options.hub is None else "—",
            hub=options.hub or QCoreApplication.translate("Desk", "in this process (embedded)"))
        AboutDialog(facts, self.window).open()

    # --- reactions --------------------------------------------------------------------------------

    def _on_state(self, state: State, changed: list[Published] | None) -> None:
        """On the bus client's thread: hand over to the GUI thread through the feed (and to a drill run from
        this desk, which scores from what the desk hears)."""
        self.feed.push(state, changed, gseq=self.client.gseq)
        drills = getattr(self, "drills", None)  # the client may report before the desk is fully built
        if drills is not None:
            drills.observe(changed)

    def _drill_start_refusal(self, role: Role) -> str:
        """Why this desk may not start a drill ("" when it may)."""
        if not can_command(role):
            return self.read_only_reason()
        if self.services.curve is not None:
            return QCoreApplication.translate(
                "Desk", "This hub wants a key for each of a drill's simulated units: run 'dispatch-desktop drill "
                "run' on the trainer's machine, with the keys.")
        return ""

    def _raise_dock(self, name: str) -> None:
        dock = self.window.dock(name)
        dock.show()
        dock.raise_()

    def _on_incident_created(self, incident_id: str) -> None:
        """The dispatcher goes on to dispatching: the panel comes up and the map shows the place."""
        self._raise_dock("dispatch")
        self.window.map_bridge.focus_incident(incident_id)

    def _offer_back(self) -> None:
        """What an earlier run left: the call being taken, commands the hub never answered."""
        draft = self.drafts.load()
        if draft is not None:
            self.intake.restore_draft(draft)
            self._raise_dock("intake")
        held = self.outbox.held()
        if held:
            self._raise_dock("outbox")
            self.window.status_bar.showMessage(QCoreApplication.translate(
                "Desk", "%n command(s) from before the restart were not confirmed: see the outbox", "",
                len(held)), 30_000)
        elif self.window.settings.simulated:
            # The demo's own log holds only the minutes since it started: offer the busy hour to replay.
            self.window.status_bar.showMessage(QCoreApplication.translate(
                "Desk", "To try the replay on a busy simulated hour: Replay → Replay a practice hour"), 30_000)

    def _show_outbox_count(self) -> None:
        self.window.status_bar.set_outbox(self.outbox_model.count(EntryState.QUEUED),
                                          self.outbox_model.count(EntryState.HELD))

    def _on_persist_error(self, path: Path, error: OSError) -> None:
        text = QCoreApplication.translate("Desk", "Cannot write {path} ({error}): what you type is not being "
                                                  "kept on disk.").format(path=path, error=error.strerror or error)
        QTimer.singleShot(0, self.window, lambda: self.window.status_bar.showMessage(text, 30_000))

    def _on_snapshot(self, incident: str, path: str, sha256: str, body: ev.IncidentNote) -> None:
        future = self.send(body)
        window = self.window

        def answered(done: Future[CommandReply]) -> None:
            failure = done.exception()
            reply = None if failure else done.result()
            ok = reply is not None and reply.accepted
            text = (QCoreApplication.translate("Desk", "Snapshot attached to {incident}") if ok
                    else QCoreApplication.translate("Desk", "Snapshot not attached to {incident}: {why}"))
            why = str(failure) if failure else (reply.message if reply is not None else "")
            QTimer.singleShot(0, window, lambda: window.status_bar.showMessage(
                text.format(incident=incident, why=why), 10_000))

        future.add_done_callback(answered)


class _Run(TypedDict, total=False):
    """What the start-up callbacks leave for ``main``: the exit code when the desk never came up, the desk."""

    code: int
    desk: Desk


def _after(seconds: float, action: Callable[[], None]) -> None:
    QTimer.singleShot(int(seconds * 1000), action)


def _save_screenshot(desk: Desk, path: Path) -> None:
    image = desk.window.grab()
    if image.save(str(path)):
        print(f"dispatch-desktop: screenshot saved to {path}", flush=True)
    else:
        print(f"dispatch-desktop: could not write the screenshot to {path}", file=sys.stderr, flush=True)


def main(args: argparse.Namespace) -> int:
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName("指挥调度台 Dispatch Desktop")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = GuiThreadCollector(app)  # before any other thread starts: see gui_thread_gc.py
    hand_the_gil_back_promptly()
    if args.timezone:
        localtime.set_zone(args.timezone)
    identity = resolve_identity(args.keys, args.workstation)
    options = dataclasses.replace(options_from(args), workstation=identity.workstation,
                                  workstation_role=identity.role.value)
    # The progress, the sign-in and any start-up error speak the user's language before the desk exists.
    defaults = WorkstationSettings(language=args.lang)
    language = LanguageManager(defaults.translations_dir, defaults.resolved_cache_dir() / "translations")
    chosen = args.lang or UserSettings(defaults.resolved_config_dir(), defaults.user).language(DEFAULT_LANGUAGE)
    language.set_language(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)
    services = EmbeddedServices(options)
    startup = Startup(services)
    outcome: _Run = {}

    def started(ok: bool) -> None:
        if not ok:
            outcome["code"] = 1
            app.quit()
            return
        settings = defaults
        operator = sign_in(identity, settings, args.operator)
        if operator is None:
            services.stop()
            outcome["code"] = 0
            app.quit()
            return
        language.uninstall()  # the desk's window installs its own
        desk = Desk(services, dataclasses.replace(settings, operator=operator), role=identity.role,
                    safe_mode=args.safe_mode)
        outcome["desk"] = desk
        app.aboutToQuit.connect(desk.stop)
        desk.start()
        collector.freeze_survivors()
        if args.screenshot is not None:
            when = max(1.0, args.quit_after - 0.5) if args.quit_after else 12.0
            _after(when, lambda: _save_screenshot(desk, args.screenshot))
        if args.quit_after:
            _after(args.quit_after, app.quit)

    startup.done.connect(started)
    startup.begin()
    code = app.exec()
    desk = outcome.get("desk")
    if isinstance(desk, Desk):
        # QtWebEngine wants its pages gone before the application object; otherwise it complains on exit.
        shiboken6.delete(desk.window)
    return outcome.get("code", code)
