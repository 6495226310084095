"""The replay window: the desk's own map, queue, unit board, detail and alerts, showing the log at the
replay instant, read-only, beside the live desk.

Composition, in the order of ``app.Desk``: a ``Workstation`` over its own ``StateFeed`` (``build_window``:
the same map and panels as the live desk, so a supervisor reads a replay as a dispatcher read the live
city), the feed switched to replay (the mode every panel checks before offering a command, the status bar's
blue "Replay" badge), then what only a replay has: the transport bar (banner and clock controls), the
timeline, the followed incident's statistics, its tracks on the map. Frames come from a ``ReplayPlayer``
(the engine on a worker thread) and go into the feed as states from the bus would: a step forward with the
events folded in (so the panels and plugins see them), a jump as a wholesale replacement.

Nothing in this window sends a command: it has no intake, no dispatch panel and no outbox, and its
plugins' ``send`` refuses (a replay sends nothing). The one fact it records is an export's hash
(``exporting``).
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from dispatch_desktop.api.events import AnyBody
from dispatch_desktop.bus.command_reply import CommandReply
from dispatch_desktop.domain.city import Camera, City
from dispatch_desktop.extensions.discovery import Discovered
from dispatch_desktop.extensions.event_relay import Published
from dispatch_desktop.record import IncidentRecord, RecordStatistics, incident_record, lanes_of, record_statistics
from dispatch_desktop.replay.engine import Frame
from dispatch_desktop.replay.interpolate import REPLAY_STALENESS
from dispatch_desktop.replay.opening import OpenedLog, ReplayRequest
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.desk_views import add_desk_views
from dispatch_desktop.ui.drill.watermark import MapWatermark
from dispatch_desktop.ui.models.state_feed import StateFeed
from dispatch_desktop.ui.plugins.actions import IncidentActions
from dispatch_desktop.ui.plugins.panels import PanelContribution
from dispatch_desktop.ui.plugins.startup import start_desk_plugins
from dispatch_desktop.ui.replay.bar import REPLAY_COLOR, ReplayBar
from dispatch_desktop.ui.replay.follow import Follower
from dispatch_desktop.ui.replay.layout import fit_replay_layout
from dispatch_desktop.ui.replay.player import FrameWorker, ReplayPlayer
from dispatch_desktop.ui.replay.statistics_panel import RecordStatisticsPanel
from dispatch_desktop.ui.replay.timeline import ReplayTimeline
from dispatch_desktop.ui.video_wall import VideoWall
from dispatch_desktop.ui.video_wall.wiring import connect_wall
from dispatch_desktop.ui.workstation import Workstation, WorkstationSettings
from dispatch_desktop.video.camera_store import CameraStore

log = logging.getLogger(__name__)

CURSOR_MS = 100
_FRAME_STYLE = f"QMainWindow#replay_window {{ border: 4px solid {REPLAY_COLOR}; }}"


class ReplayWindow(Workstation):
    """A ``Workstation`` that tells its owner when it closes (the owner stops the worker)."""

    closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


class _Posted(QObject):
    """Results of background work (records, exports) back on the GUI thread."""

    done = Signal(object, object)  # callback, result


class ReplayDesk(QObject):
    """One replay: its window, player, timeline and followed incidents. ``close`` (or closing the window)
    stops its worker and closes its store."""

    def __init__(self, opened: OpenedLog, city: City, settings: WorkstationSettings, request: ReplayRequest,
                 parent: QObject | None = None, *, wall: Callable[[], float] = time.monotonic,
                 plugins: Sequence[Discovered] | None = (), safe_mode: bool = False,
                 state_dir: Path | None = None) -> None:
        """``wall``: the clock playback runs by (tests drive their own). ``plugins``: the plugins to show the
        replay through (None: those installed, as the live desk); ``state_dir``: where their crash sentinel
        is kept (apart from the live desk's)."""
        super().__init__(parent)
        self.opened = opened
        self.request = request
        self.feed = StateFeed(self)
        settings = dataclasses.replace(settings, staleness=REPLAY_STALENESS, simulated=False, restore_layout=True,
                                       sound=False)
        window = self.window = ReplayWindow(city, self.feed, settings)
        window.setObjectName("replay_window")
        window.layout_group = "replay_layout"
        window.setStyleSheet(_FRAME_STYLE)
        window.views = add_desk_views(window)
        self.feed.set_replay(True)
        # At once, not at the feed's next delivery: the plugins about to start read "now" (the replay instant).
        window.city_model.set_replay(True)
        window.city_model.set_replay_time(request.seek_ms if request.seek_ms is not None else opened.span.first_ms)
        window.status_bar.connection.hide()  # a replay has no link to the hub to show
        window.sound_action.setChecked(False)
        window.sound_action.setEnabled(False)

        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="replay-records")
        self._closed = False
        self._posted = _Posted(self)
        self._posted.done.connect(lambda callback, result: None if self._closed else callback(result),
                                  Qt.ConnectionType.QueuedConnection)

        self.worker = FrameWorker(opened.engine, self)
        self.player = ReplayPlayer(self.worker, opened.span, self, wall=wall)
        self.bar = ReplayBar(window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.watermark: MapWatermark | None = None
        if opened.drill is not None:  # a drill's replay is marked as the drill was: banner and watermark
            self.bar.show_drill(opened.drill.drill)
            self.watermark = MapWatermark(window.map_view)
            self.watermark.set_shown(True)
        self.timeline = ReplayTimeline()
        self.statistics = RecordStatisticsPanel()
        window.panels.add(PanelContribution(
            "replay_timeline", lambda: self.timeline, area="bottom",
            title=lambda: QCoreApplication.translate("ReplayDesk", "Timeline")))
        window.panels.add(PanelContribution(
            "replay_statistics", lambda: self.statistics, tab_group="core.alerts",
            title=lambda: QCoreApplication.translate("ReplayDesk", "Incident statistics")))
        window.dock("replay_statistics").raise_()
        # The video wall's metadata at the instant: the cameras the live wall would show for the selected
        # incident, a drill's dark ones offline; never a picture (the log keeps none).
        self.video_wall = VideoWall((), recorded=False)
        window.panels.add(PanelContribution("video_wall", lambda: self.video_wall, tab_group="replay_timeline"))
        window.dock("replay_timeline").raise_()
        connect_wall(self.video_wall, window.selection, window.city_model, window.map_bridge)
        self.follower = Follower(window.map_bridge, lambda: (window.map_view.width(), window.map_view.height()))
        window.map_bridge.pageLoaded.connect(self._on_map_loaded)
        self.bookmarks: list[tuple[int, str]] = []
        self.records: list[IncidentRecord] = []
        self.record_statistics: dict[str, RecordStatistics] = {}
        self.frame: Frame | None = None
        self.frames_shown = 0
        self.on_frame_shown: Callable[[Frame], None] | None = None  # benchmarks and tests watch the paint

        # The plugins that listen to events show the replay instant too: their events reach them as the live
        # desk's do, their history comes from this log, and whatever they would send is refused.
        actions = IncidentActions(window.selection, window.city_model, window)
        self.plugins = start_desk_plugins(
            window, actions, send=self._refuse, read_only=self.read_only_reason, fetch_history=self._plugin_history,
            safe_mode=safe_mode, discovered=plugins,
            sentinel_dir=state_dir or settings.resolved_config_dir() / "replay")
        window.menuBar().insertMenu(window.settings_menu.menuAction(), actions.menu)

        self._position = self._cursor_shown = -1
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_MS)
        self._cursor_timer.timeout.connect(self._show_position)
        self._connect()
        self._retitle()
        window.language.languageChanged.connect(lambda _language: self._retitle())
        self._layout_restored = window.open()
        span = opened.span
        self.timeline.set_time_range(span.first_ms, span.last_ms)
        self.timeline.set_density(*opened.density)
        self._set_records(opened.records)
        if opened.records:  # its detail beside the map from the start
            window.selection.select_incident(opened.records[0].incident.id)
        self.player.seek(request.seek_ms if request.seek_ms is not None else span.first_ms)
        # The cameras the live wall picked from: the log's own registry (a command center's imported ones), or
        # the city's where it has none, as the live desk seeds it.
        url = opened.store.url
        self.background(lambda: _registered_cameras(url) or list(city.cameras),
                        lambda cameras: self.video_wall.set_cameras(cast(list[Camera], cameras)))

    # --- wiring -----------------------------------------------------------------------------------------

    def _connect(self) -> None:
        player, bar, timeline = self.player, self.bar, self.timeline
        player.frameArrived.connect(self._show_frame)
        player.positionChanged.connect(self._on_position)
        player.playingChanged.connect(bar.show_playing)
        player.speedChanged.connect(bar.show_speed)
        player.failed.connect(self._on_failed)
        bar.play_action.triggered.connect(lambda _checked: player.toggle())
        bar.home_action.triggered.connect(player.home)
        bar.end_action.triggered.connect(player.end)
        bar.previous_action.triggered.connect(lambda: self.step(-1))
        bar.next_action.triggered.connect(lambda: self.step(+1))
        bar.slower_action.triggered.connect(player.slower)
        bar.faster_action.triggered.connect(player.faster)
        bar.speedChosen.connect(player.set_speed)
        bar.bookmark_action.triggered.connect(self.add_bookmark)
        bar.follow_action.toggled.connect(self._set_following)
        bar.export_action.triggered.connect(self.export)
        timeline.seekRequested.connect(player.seek)
        timeline.scrubbed.connect(player.scrub)
        self.window.selection.incidentSelected.connect(self._on_incident_selected)
        self.window.closed.connect(self.close)

    def _on_position(self, time_ms: int) -> None:
        """The clock moved: the timeline's cursor and the banner follow, at most every ``CURSOR_MS`` (the
        player ticks 25 times a second, and each repaint of the timeline costs the GUI thread ~3 ms)."""
        self._position = time_ms
        if not self._cursor_timer.isActive():
            self._show_position()
            self._cursor_timer.start()

    def _show_position(self) -> None:
        if self._closed:
            return
        if self._position != self._cursor_shown:
            self._cursor_shown = self._position
            self.timeline.set_cursor(self._position)
            self.bar.show_time(self._position)

    def _retitle(self) -> None:
        translate = QCoreApplication.translate
        span = self.opened.span
        what = ", ".join(self.request.incidents) or translate("ReplayDesk", "{start} – {end}").format(
            start=labels.date_time_text(span.first_ms), end=labels.date_time_text(span.last_ms))
        if self.opened.drill is not None:
            what = translate("ReplayDesk", "drill {drill}").format(drill=self.opened.drill.drill)
        self.window.setWindowTitle(translate("ReplayDesk", "Replay (read-only) — {what} — Dispatch Desktop").format(
            what=what))

    # --- read-only ------------------------------------------------------------------------------------

    @staticmethod
    def read_only_reason() -> str:
        return QCoreApplication.translate("Desk", "A replay sends nothing.")

    def _refuse(self, body: AnyBody) -> Future[CommandReply]:
        raise PermissionError(self.read_only_reason())

    def _plugin_history(self, after: int, upto: int, plugins: Sequence[str]) -> Future[list[Published]]:
        store = self.opened.store
        future: Future[list[Published]] = self._executor.submit(
            lambda: list(store.read_plugin_events(after, upto, plugins)))
        return future

    # --- frames -----------------------------------------------------------------------------------------

    def _show_frame(self, frame: Frame) -> None:
        if self._closed:  # a frame built while the window closed: nothing left to show it in
            return
        bridge = self.window.map_bridge
        if frame.preview:  # a drag across the timeline: the map follows it, the rest when it ends
            bridge.show_preview(frame.state)
            self.follower.show(frame.state, frame.time_ms, {})
            self._frame_shown(frame)
            return
        bridge.show_preview(None)
        self.frame = frame
        if frame.events is None:
            self.feed.push(frame.state, None, gseq=frame.gseq)
        else:
            self.feed.push(frame.state, frame.events)
        self.feed.flush()  # a replay shows each frame it was given; the player already paces them
        self._paint(frame)
        self._frame_shown(frame)

    def _paint(self, frame: Frame) -> None:
        """What the desk draws of a frame beyond its state: the instant, the units between their fixes, the
        followed incidents, the cursor. Painting a frame again (the map page came late, following switched)
        comes here, never through the feed: the frame's events were handed on once, and the plugins that
        listen to them must not hear them twice."""
        self.window.city_model.set_replay_time(frame.time_ms)
        self.window.map_bridge.place_between_fixes(frame.placed)
        self.follower.show(frame.state, frame.time_ms, frame.placed)
        if not self.player.playing:
            self.timeline.set_cursor(frame.time_ms)
            self.bar.show_time(frame.time_ms)

    def _frame_shown(self, frame: Frame) -> None:
        self.frames_shown += 1
        if self.on_frame_shown is not None:
            self.on_frame_shown(frame)

    def _on_failed(self, reason: str) -> None:
        self.window.status_bar.showMessage(QCoreApplication.translate(
            "ReplayDesk", "This instant could not be read from the log: {reason}").format(reason=reason), 15_000)

    # --- the keys ---------------------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        """To the previous / next event of the followed incidents (of the whole log when none is followed)."""
        self.player.pause()
        times = self._event_times()
        now = self.player.position
        if direction > 0:
            index = bisect.bisect_right(times, now)
            target = times[index] if index < len(times) else None
        else:
            index = bisect.bisect_left(times, now) - 1
            target = times[index] if index >= 0 else None
        if target is None:
            self.window.status_bar.showMessage(QCoreApplication.translate(
                "ReplayDesk", "No event further that way."), 5_000)
            return
        self.player.seek(target)

    def _event_times(self) -> list[int]:
        if self.records:
            return sorted({event.t_hub for record in self.records for _gseq, event in record.events})
        return self.opened.marks  # no incident followed: the milestones of every incident in the span

    def add_bookmark(self) -> None:
        position = self.player.position
        label = QCoreApplication.translate("ReplayDesk", "Bookmark {n}").format(n=len(self.bookmarks) + 1)
        self.bookmarks.append((position, label))
        self.bookmarks.sort()
        self.timeline.set_bookmarks(self.bookmarks)
        self.window.status_bar.showMessage(QCoreApplication.translate("ReplayDesk", "{label} at {time}").format(
            label=label, time=labels.clock_text(position)), 5_000)

    # --- following --------------------------------------------------------------------------------------

    def follow(self, incident_id: str) -> None:
        """Add an incident to the timeline and the map's tracks (its record is read off the GUI thread)."""
        if any(record.incident.id == incident_id for record in self.records):
            return
        store, margin = self.opened.store, self.request.margin_ms
        def add(record: object) -> None:
            assert isinstance(record, IncidentRecord)
            self._set_records([*self.records, record])

        self.background(lambda: incident_record(store, incident_id, margin_ms=margin), add)

    def _on_incident_selected(self, incident_id: str) -> None:
        if incident_id and self.bar.follow_action.isChecked() and not self.request.incidents:
            self.follow(incident_id)

    def _on_map_loaded(self) -> None:
        # the bridge drew the model's state itself as the page came; the placements and tracks are ours
        self.follower.set_records(self.records)  # forget the view chosen before the page could take it
        if self.frame is not None:
            self._paint(self.frame)

    def _set_following(self, on: bool) -> None:
        self.follower.following = on
        if self.frame is not None:
            self._paint(self.frame)

    def _set_records(self, records: list[IncidentRecord]) -> None:
        self.records = records
        self.record_statistics = {record.incident.id: record_statistics(record) for record in records}
        self.timeline.set_lanes(lanes_of(records))
        self.follower.set_records(records)
        first = records[0] if records else None
        self.statistics.show_record(first, self.record_statistics.get(first.incident.id) if first else None)
        if self.frame is not None:
            self.follower.show(self.frame.state, self.frame.time_ms, self.frame.placed)

    # --- exporting --------------------------------------------------------------------------------------

    def export(self) -> None:
        from dispatch_desktop.ui.replay.exporting import ExportDialog

        if not self.records:
            self.window.status_bar.showMessage(QCoreApplication.translate(
                "ReplayDesk", "Follow an incident first (select it, with Follow on): its record is what is "
                "exported."), 10_000)
            return
        ExportDialog(self, self.window).open()

    # --- background work --------------------------------------------------------------------------------

    def background(self, work: Callable[[], object], then: Callable[[object], None],
                    failed: Callable[[BaseException], None] | None = None) -> Future[object]:
        """``work()`` on this replay's own thread (it reads the same log), then ``then(result)`` or ``failed(error)``
        back on the GUI thread: records, exports."""

        def finish(done: Future[object]) -> None:
            error = done.exception()
            if error is None:
                self._posted.done.emit(then, done.result())
            else:
                self._posted.done.emit(failed or self._background_failed, error)

        future = self._executor.submit(work)
        future.add_done_callback(finish)
        return future

    def _background_failed(self, error: BaseException) -> None:
        log.warning("replay background work failed: %s", error)
        self.window.status_bar.showMessage(str(error), 15_000)

    # --- closing ----------------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop the worker, close the store (idempotent). An export already being written is finished (its
        event recorded, its file put in place) on its own thread, which then closes the store: the window
        goes at once."""
        if self._closed:
            return
        self._closed = True
        self._cursor_timer.stop()
        self.player.stop()
        self.video_wall.shutdown()
        self.plugins.host.stop_all()
        executor, store = self._executor, self.opened.store
        executor.shutdown(wait=False, cancel_futures=True)

        def finish() -> None:
            executor.shutdown(wait=True)
            store.close()

        threading.Thread(target=finish, name="replay-close", daemon=True).start()
        self.window.deleteLater()


def _registered_cameras(url: str) -> list[Camera]:
    with CameraStore.open(url) as registry:
        return registry.all()


def show_replay(opened: OpenedLog, city: City, settings: WorkstationSettings, request: ReplayRequest,
                parent: QWidget | None = None, *, plugins: Sequence[Discovered] | None = None,
                safe_mode: bool = False, state_dir: Path | None = None) -> ReplayDesk:
    """The replay's window, shown as the desk's is (maximised unless the user's own layout says otherwise)."""
    desk = ReplayDesk(opened, city, settings, request, parent, plugins=plugins, safe_mode=safe_mode,
                      state_dir=state_dir)
    desk.window.show_on_start()
    desk.window.layoutReset.connect(lambda: fit_replay_layout(desk.window))
    if not desk._layout_restored:
        # Dock sizes only hold once the window has its real size.
        QTimer.singleShot(0, desk.window, lambda: fit_replay_layout(desk.window))
    return desk
