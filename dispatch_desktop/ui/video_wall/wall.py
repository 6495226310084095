"""The video wall panel: 1 to 25 tiles that follow the selected incident.

Threads: every camera on the wall has its own reader thread (``StreamReader``) that opens, reads,
resizes and reconnects; frames arrive through ``FrameRelay`` as queued signals, at most one in flight
per camera (see ``feed.py``). The GUI thread only paints, picks cameras (a grid-index query, about a
millisecond even for 559,000 cameras) and flips flags: replacing a camera asks its reader to stop and
moves on, without waiting. Snapshots are encoded and written in a worker thread as well.

Wiring (done by the composition root): the incident selection calls ``show_incident``, the map's
camera layer calls ``put_camera_on_wall``, ``snapshot_taken`` goes to the workstation client (which
sends the ``IncidentNote`` body as a command), ``cameras_changed`` lets the map highlight the cameras
on the wall, and ``shutdown`` runs when the application quits.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QColor, QImage, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.domain.city import Camera
from dispatch_desktop.ui.retranslate import RetranslateMixin
from dispatch_desktop.ui.video_wall.feed import FrameRelay, ReaderFactory, StreamFeed
from dispatch_desktop.ui.video_wall.tile import VideoTile
from dispatch_desktop.video.address import StreamAddress
from dispatch_desktop.video.selection import CameraIndex, RankedCamera
from dispatch_desktop.video.snapshot import Snapshot, blob_dir, save_snapshot, snapshot_note
from dispatch_desktop.video.stream import DEFAULT_MAX_FPS, StreamReader, StreamState, StreamStatus
from dispatch_desktop.video.wall_plan import LAYOUTS, WallPlan, grid_side

log = logging.getLogger(__name__)

TICK_MS = 500
FPS_WINDOW_TICKS = 4  # the shown frame rate is measured over the last two seconds
STALL_S = 1.5  # live but no frame for this long: "no signal" (the reader gives up later, at its read timeout)
OFFLINE_MEMORY_S = 60.0  # a camera seen offline is skipped by the selection for this long
NOTICE_MS = 6000


class VideoWall(RetranslateMixin, QWidget):
    snapshot_taken = Signal(str, str, str, object)  # incident id, image path, sha256, IncidentNote body
    snapshot_failed = Signal(str)  # why, for the status bar
    cameras_changed = Signal(list)  # ids of the cameras on the wall, in tile order
    layout_changed = Signal(int)  # number of tiles
    notice = Signal(str)  # a short message for the user (also shown in the wall's own toolbar)
    collapsedChanged = Signal(bool)  # True: only the tool bar shows (nothing to watch yet)

    _snapshot_done = Signal(object)  # (incident id, Snapshot, body) or an Exception, from the worker

    def __init__(
        self,
        cameras: CameraIndex | Sequence[Camera] = (),
        *,
        blob_directory: Path | None = None,
        size: int = 9,
        max_fps: float = DEFAULT_MAX_FPS,
        online: Callable[[str], bool] | None = None,
        reader_factory: ReaderFactory = StreamReader,
        recorded: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """``recorded=False``: a replay's wall. It picks and shows the cameras as the live one would at the
        replay instant (near the selected incident, a drill's dark ones offline) but reads no stream and takes
        no snapshot: the log keeps no pictures, and a live picture in a window showing the past would mislead."""
        super().__init__(parent)
        self._recorded = recorded
        self.setObjectName("video_wall")
        self._index = cameras if isinstance(cameras, CameraIndex) else CameraIndex(cameras)
        self._blob_directory = blob_directory
        self._max_fps = max_fps
        self._online = online
        self._reader_factory = reader_factory
        self._plan = WallPlan(size)
        self._ranks: dict[str, RankedCamera] = {}
        self._feeds: dict[str, StreamFeed] = {}
        self._feeds_by_token: dict[int, StreamFeed] = {}
        self._retired: list[StreamReader] = []
        self._offline_seen: dict[str, float] = {}
        self._dark: Mapping[str, int] = {}  # a drill's dark cameras (camera id -> since, ms): see set_dark_cameras
        self._last_frame_at: dict[int, float] = {}
        self._fps_samples: dict[int, tuple[str, deque[tuple[float, int]]]] = {}  # tile -> camera, samples
        self._incident: tuple[str, float, float] | None = None
        self._selected: int | None = None
        self._enlarged: int | None = None
        self._closed = False
        # Chores the GUI must not wait for: starting reader threads (Thread.start waits until the new
        # thread runs, which means queueing for the GIL behind the other readers) and writing snapshots.
        self._chores = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="video-wall")

        self._relay = FrameRelay(self)
        self._relay.frame.connect(self._on_frame)
        self._relay.status.connect(self._on_status)
        self._snapshot_done.connect(self._on_snapshot_done)

        self._tiles = [VideoTile(i, self) for i in range(max(LAYOUTS))]
        for tile in self._tiles:
            tile.recorded = recorded
            tile.hide()
            tile.clicked.connect(self._select_tile)
            tile.doubleClicked.connect(self.toggle_enlarged)
            tile.menuRequested.connect(self._show_menu)
            tile.boxChanged.connect(self._on_box_changed)
        self._build_ui()
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self._tick)
        self._tick_timer.start()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self._notice_label.clear)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._relayout()
        self._update_collapsed()
        self.retranslate()

    # --- construction ---------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self._toolbar = QToolBar(self)
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._layout_group = QActionGroup(self)
        self._layout_actions: dict[int, QAction] = {}
        for number, size in enumerate(LAYOUTS, start=1):
            action = QAction(str(size), self)
            action.setCheckable(True)
            action.setChecked(size == self._plan.size)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=size: self.set_layout_size(s))
            self._layout_group.addAction(action)
            self._toolbar.addAction(action)
            self.addAction(action)
            self._layout_actions[size] = action
        self._toolbar.addSeparator()
        self._pin_action = self._action("P", self._toggle_pin_selected, checkable=True)
        self._enlarge_action = self._action("Return", lambda: self.toggle_enlarged(self._selected), checkable=True)
        self._snapshot_action = self._action("Ctrl+Shift+S", lambda: self.take_snapshot())
        self._clear_action = self._action("Delete", self._remove_selected)
        self._restore_action = QAction(self)
        self._restore_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self._restore_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._restore_action.triggered.connect(self.restore_layout)
        self.addAction(self._restore_action)
        self._incident_label = QLabel(self)
        self._incident_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._notice_label = QLabel(self)
        self._notice_label.setStyleSheet("color: #c62828;")
        self._toolbar.addSeparator()
        self._toolbar.addWidget(self._incident_label)
        self._toolbar.addWidget(self._notice_label)

        self._grid_host = QWidget(self)
        palette = self._grid_host.palette()  # a palette, not a style sheet: style sheets cascade to tiles
        palette.setColor(QPalette.ColorRole.Window, QColor("#101010"))
        self._grid_host.setPalette(palette)
        self._grid_host.setAutoFillBackground(True)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QHBoxLayout()
        top.addWidget(self._toolbar)
        outer.addLayout(top)
        outer.addWidget(self._grid_host, 1)

    def _action(self, shortcut: str, slot: Callable[[], object], *, checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setCheckable(checkable)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._toolbar.addAction(action)
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Video wall"))
        for size, action in self._layout_actions.items():
            action.setToolTip(self.tr("Show %n tile(s)", "", size))
        self._pin_action.setText(self.tr("Pin"))
        self._pin_action.setToolTip(self.tr("Keep the selected camera on the wall when the incident changes (P)"))
        self._enlarge_action.setText(self.tr("Enlarge"))
        self._enlarge_action.setToolTip(self.tr("Show the selected tile alone (double-click; Esc returns)"))
        self._snapshot_action.setText(self.tr("Snapshot"))
        self._snapshot_action.setToolTip(self.tr("Attach the selected tile's picture to the incident"))
        self._restore_action.setText(self.tr("Back to the grid"))
        self._restore_action.setToolTip(self.tr("Show every tile again after one was enlarged (Esc)"))
        self._clear_action.setText(self.tr("Remove"))
        self._clear_action.setToolTip(self.tr("Take the selected camera off the wall (Del)"))
        self._update_incident_label()
        self._update_actions()

    # --- public slots ---------------------------------------------------------------------------

    @property
    def layout_size(self) -> int:
        return self._plan.size

    @property
    def incident_id(self) -> str:
        return self._incident[0] if self._incident else ""

    def tiles(self) -> list[VideoTile]:
        """The tiles of the current layout, in reading order."""
        return self._tiles[: self._plan.size]

    def cameras_on_wall(self) -> list[str | None]:
        return list(self._plan.tiles)

    def tile_of(self, camera_id: str) -> VideoTile | None:
        where = self._plan.index_of(camera_id)
        return None if where is None else self._tiles[where]

    @Slot(int)
    def set_layout_size(self, size: int) -> None:
        grid_side(size)  # raises for a size that is not a layout
        if size == self._plan.size:
            return
        self._enlarged = None
        self._plan.resize(size)
        if self._incident is not None:
            self._plan.fill(self._ranked_ids(*self._incident[1:]))
        if self._selected is not None and self._selected >= size:
            self._select_tile(None)
        self._layout_actions[size].setChecked(True)
        self._relayout()
        self._apply_plan()
        self.layout_changed.emit(size)

    @Slot(str, float, float)
    def show_incident(self, incident_id: str, lat: float, lon: float) -> None:
        """Follow an incident: the unpinned tiles take the nearest online cameras, best first."""
        self._incident = (incident_id, lat, lon)
        self._plan.fill(self._ranked_ids(lat, lon))
        self._apply_plan()
        self._update_incident_label()
        self._update_actions()

    def set_cameras(self, cameras: Sequence[Camera]) -> None:
        """Pick from these cameras from now on (a replay reads its log's camera registry off the GUI thread)."""
        self._index = CameraIndex(cameras)
        if self._incident is not None:
            self.show_incident(*self._incident)
        else:
            self._apply_plan()

    @Slot()
    def clear_incident(self) -> None:
        """Stop following (the selection was cleared); the cameras stay until replaced."""
        self._incident = None
        self._ranks = {}
        self._apply_plan()
        self._update_incident_label()
        self._update_actions()

    @Slot(str)
    def put_camera_on_wall(self, camera_id: str) -> None:
        """Show one camera (from the map's camera layer) and select its tile."""
        camera = self._index.get(camera_id)
        if camera is None:
            self._notify(self.tr("Unknown camera {id}").format(id=camera_id))
            return
        slot = self._plan.put(camera_id)
        if slot is None:
            self._notify(self.tr("Every tile is pinned: unpin one to show {name}").format(name=camera.name))
            return
        if self._enlarged is not None and self._enlarged != slot:
            self._enlarged = slot
            self._relayout()
        self._apply_plan()
        self._select_tile(slot)

    @Slot(str, bool)
    def pin_camera(self, camera_id: str, pinned: bool = True) -> bool:
        if not self._plan.pin(camera_id, pinned):
            return False
        self._apply_plan()
        return True

    @Slot(int)
    def toggle_enlarged(self, index: int | None) -> None:
        """Show one tile alone, or go back to the grid."""
        if index is None or index >= self._plan.size:
            return
        self._enlarged = None if self._enlarged is not None else index
        self._select_tile(index)
        self._relayout()

    @Slot()
    def restore_layout(self) -> None:
        if self._enlarged is not None:
            self._enlarged = None
            self._relayout()

    @property
    def enlarged_tile(self) -> int | None:
        return self._enlarged

    @Slot()
    def take_snapshot(self, index: int | None = None) -> bool:
        """Save the newest full-size picture of a tile (default: the selected or enlarged one) for the
        followed incident. The result comes as ``snapshot_taken`` (or ``snapshot_failed``)."""
        if index is None:
            index = self._enlarged if self._enlarged is not None else self._selected
        camera_id = self._plan.tiles[index] if index is not None and index < self._plan.size else None
        camera = self._index.get(camera_id) if camera_id else None
        feed = self._feeds.get(camera_id) if camera_id else None
        frame = feed.reader.last_frame() if feed else None
        if not self._recorded:
            failure = self.tr("A replay keeps no pictures: there is nothing to attach")
        elif self._incident is None:
            failure = self.tr("Select an incident first: a snapshot is attached to an incident")
        elif camera is None:
            failure = self.tr("Select a tile with a camera first")
        elif frame is None:
            failure = self.tr("No picture on this tile yet")
        else:
            failure = ""
        if failure or camera is None or frame is None or self._incident is None:
            self._notify(failure)
            self.snapshot_failed.emit(failure)
            return False
        incident_id = self._incident[0]
        template = self.tr("Video snapshot: {camera_name} ({camera_id}) at {time}, sha256 {sha256}")
        directory = self._blob_directory or blob_dir()
        taken_at = time.time()

        def work() -> None:
            try:
                snap = save_snapshot(frame, directory, taken_at=taken_at)
                body = snapshot_note(incident_id, snap, camera_id=camera.id, camera_name=camera.name,
                                     template=template)
                result: object = (incident_id, snap, body)
            except (OSError, ValueError) as error:
                result = error
            # If the wall was closed meanwhile the file is stored and nobody is left to tell.
            with contextlib.suppress(RuntimeError):
                self._snapshot_done.emit(result)

        self._chores.submit(work)
        return True

    @Slot()
    def shutdown(self) -> None:
        """Stop every reader and the chores thread, without waiting for them. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._tick_timer.stop()
        for feed in list(self._feeds.values()):
            self._retire(feed)
        self._feeds.clear()
        self._chores.shutdown(wait=False, cancel_futures=True)

    def wait_stopped(self, timeout: float = 5.0) -> bool:
        """Block until retired readers have ended (tests, benchmarks, process exit — not the GUI)."""
        deadline = time.monotonic() + timeout
        return all(reader.join(max(0.0, deadline - time.monotonic())) for reader in self._retired)

    # --- frames and states ------------------------------------------------------------------------

    @Slot(int, QImage)
    def _on_frame(self, token: int, image: QImage) -> None:
        feed = self._feeds_by_token.get(token)
        if feed is None or feed.closed:
            return
        image = feed.take_newer(image)
        where = self._plan.index_of(feed.camera_id)
        if where is None:
            return
        self._last_frame_at[where] = time.monotonic()
        self._tiles[where].show_frame(image)

    @Slot(int, object)
    def _on_status(self, token: int, status: StreamStatus) -> None:
        feed = self._feeds_by_token.get(token)
        if feed is None or feed.closed:
            return
        if status.state is StreamState.OFFLINE:
            self._offline_seen[feed.camera_id] = time.monotonic()
        elif status.state is StreamState.LIVE:
            self._offline_seen.pop(feed.camera_id, None)
        where = self._plan.index_of(feed.camera_id)
        if where is not None:
            if status.state is StreamState.LIVE:
                self._last_frame_at[where] = time.monotonic()
            self._tiles[where].set_status(status)
        if where == self._selected:
            self._update_actions()

    def _tick(self) -> None:
        """Twice a second: measured frame rates, stalled streams, finished readers."""
        now = time.monotonic()
        for tile in self.tiles():
            camera_id = tile.camera.id if tile.camera else ""
            owner, samples = self._fps_samples.get(tile.index, ("", None))
            if samples is None or owner != camera_id:
                samples = deque(maxlen=FPS_WINDOW_TICKS + 1)  # another camera: measure afresh
                self._fps_samples[tile.index] = (camera_id, samples)
            samples.append((now, tile.frames))
            first_time, first_count = samples[0]
            live = tile.status is not None and tile.status.state is StreamState.LIVE
            stalled = live and now - self._last_frame_at.get(tile.index, now) > STALL_S
            fps = (tile.frames - first_count) / (now - first_time) if live and now > first_time else 0.0
            tile.set_fps(0.0 if stalled else fps, stalled)
        self._retired = [reader for reader in self._retired if reader.alive]
        horizon = now - OFFLINE_MEMORY_S
        self._offline_seen = {k: t for k, t in self._offline_seen.items() if t > horizon}

    @Slot(object)
    def _on_snapshot_done(self, result: object) -> None:
        if isinstance(result, Exception):
            message = self.tr("Snapshot could not be saved: {error}").format(error=result)
            self._notify(message)
            self.snapshot_failed.emit(message)
            return
        assert isinstance(result, tuple)  # see _snapshot_done
        incident_id, snap, body = result
        assert isinstance(snap, Snapshot)
        self._notify(self.tr("Snapshot saved for incident {id}").format(id=incident_id))
        self.snapshot_taken.emit(incident_id, str(snap.path), snap.sha256, body)

    # --- plan -> tiles and readers ----------------------------------------------------------------

    def _ranked_ids(self, lat: float, lon: float) -> list[str]:
        ranked = self._index.select(lat, lon, self._plan.size, online=self._selectable)
        self._ranks = {r.camera.id: r for r in ranked}
        return [r.camera.id for r in ranked]

    def first_camera(self, lat: float, lon: float) -> str | None:
        """The camera this wall would show first for a place (a drill darkens that one: the trainees watch it)."""
        ranked = self._index.select(lat, lon, 1, online=self._selectable)
        return ranked[0].camera.id if ranked else None

    def set_dark_cameras(self, dark: Mapping[str, int]) -> None:
        """A drill's cameras gone dark (its state's ``cameras_dark``): their tiles go offline as a lost camera's
        do, their readers stop, and picking cameras passes them over until they are back."""
        if dark is self._dark or dict(dark) == dict(self._dark):
            return
        back = set(self._dark) - set(dark)
        self._dark = dark
        for camera_id, since_ms in dark.items():
            feed = self._feeds.pop(camera_id, None)
            if feed is not None:
                self._retire(feed)
            where = self._plan.index_of(camera_id)
            if where is not None:
                self._tiles[where].set_status(self._dark_status(since_ms))
        if back:
            self._apply_plan()  # the cameras back on the wall read again

    @staticmethod
    def _dark_status(since_ms: int) -> StreamStatus:
        return StreamStatus(StreamState.OFFLINE, since_ms / 1000, "drill: camera dark")

    def _selectable(self, camera_id: str) -> bool:
        camera = self._index.get(camera_id)
        if camera is None or camera_id in self._dark:
            return False
        if not self._recorded:  # a replay's wall reads nothing: where a camera is, is all it needs
            return True
        if not camera.stream_url or camera_id in self._offline_seen:
            return False
        return self._online is None or self._online(camera_id)

    def _apply_plan(self) -> None:
        if self._closed:
            return
        wanted = set(self._plan.cameras())
        for feed_id in list(self._feeds):
            if feed_id not in wanted:
                self._retire(self._feeds.pop(feed_id))
        for tile in self.tiles():
            camera_id = self._plan.tiles[tile.index]
            camera = self._index.get(camera_id) if camera_id else None
            if camera is None:
                tile.set_camera(None)
                tile.set_pinned(False)
                continue
            moved = tile.camera is None or tile.camera.id != camera.id
            tile.set_camera(camera, self._ranks.get(camera.id) if self._incident else None)
            tile.set_pinned(self._plan.is_pinned(camera.id))
            if camera.id in self._dark:  # put up by hand while a drill has it dark: shown offline, not read
                tile.set_status(self._dark_status(self._dark[camera.id]))
                continue
            feed = self._feeds.get(camera.id) or self._start_feed(camera, tile)
            if feed is not None and moved:
                tile.set_status(feed.reader.status)
                feed.set_box(*self._box_of(tile))
        for tile in self._tiles[self._plan.size:]:
            tile.set_camera(None)
        self._update_actions()
        self._update_collapsed()
        self.cameras_changed.emit(self._plan.cameras())

    @property
    def collapsed(self) -> bool:
        """Nothing to watch (no incident followed, no camera put up): the wall is a strip of its tool bar,
        so the map and the panels get the room; it opens by itself when there is something to show."""
        return self._grid_host.isHidden()

    def _update_collapsed(self) -> None:
        collapse = self._incident is None and not self._plan.cameras()
        if collapse != self.collapsed:
            self._grid_host.setVisible(not collapse)
            self._update_incident_label()
            self.collapsedChanged.emit(collapse)

    def _start_feed(self, camera: Camera, tile: VideoTile) -> StreamFeed | None:
        if not self._recorded:
            tile.set_status(None)  # not read (and no longer dark, if it was)
            return None
        if not camera.stream_url:
            return None
        try:
            address = StreamAddress.parse(camera.stream_url)
        except ValueError as error:
            log.warning("camera %s: %s", camera.id, error)
            tile.set_status(StreamStatus(StreamState.OFFLINE, time.time(), str(error)))
            return None
        feed = StreamFeed(camera.id, address, self._relay, max_fps=self._max_fps, box=self._box_of(tile),
                          reader_factory=self._reader_factory)
        self._feeds[camera.id] = feed
        self._feeds_by_token[feed.token] = feed
        self._chores.submit(feed.start)
        return feed

    def _retire(self, feed: StreamFeed) -> None:
        feed.close()
        self._feeds_by_token.pop(feed.token, None)
        self._retired.append(feed.reader)

    @staticmethod
    def _box_of(tile: VideoTile) -> tuple[int, int]:
        if not tile.isVisible():
            return 320, 180  # laid out later: its resize sends the real size
        box = tile.picture_box()
        return max(64, box.width()), max(36, box.height())

    @Slot(int, QSize)
    def _on_box_changed(self, index: int, size: QSize) -> None:
        camera_id = self._plan.tiles[index] if index < self._plan.size else None
        feed = self._feeds.get(camera_id) if camera_id else None
        if feed is not None:
            feed.set_box(size.width(), size.height())

    def _relayout(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        side = grid_side(self._plan.size)
        for tile in self._tiles:
            tile.hide()
        if self._enlarged is not None:
            shown = [(self._tiles[self._enlarged], 0, 0)]
            side = 1
        else:
            shown = [(tile, tile.index // side, tile.index % side) for tile in self.tiles()]
        for k in range(max(LAYOUTS)):
            self._grid.setRowStretch(k, 1 if k < side else 0)
            self._grid.setColumnStretch(k, 1 if k < side else 0)
        for tile, row, column in shown:
            self._grid.addWidget(tile, row, column)
            tile.show()
        self._update_actions()

    # --- selection, pinning, menu -----------------------------------------------------------------

    def _select_tile(self, index: int | None) -> None:
        self._selected = index
        for tile in self._tiles:
            tile.set_selected(tile.index == index)
        self._update_actions()

    def _toggle_pin_selected(self) -> None:
        if self._selected is None:
            return
        camera_id = self._plan.tiles[self._selected]
        if camera_id is not None:
            self.pin_camera(camera_id, not self._plan.is_pinned(camera_id))

    def _remove_selected(self) -> None:
        if self._selected is None:
            return
        camera_id = self._plan.tiles[self._selected]
        if camera_id is not None:
            self._plan.remove(camera_id)
            self._apply_plan()

    def _show_menu(self, index: int, where: QPoint) -> None:
        camera_id = self._plan.tiles[index] if index < self._plan.size else None
        if camera_id is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per right-click: don't keep them
        pinned = self._plan.is_pinned(camera_id)
        menu.addAction(self.tr("Unpin") if pinned else self.tr("Pin"),
                       lambda: self.pin_camera(camera_id, not pinned))
        menu.addAction(self.tr("Back to the grid") if self._enlarged is not None else self.tr("Enlarge"),
                       lambda: self.toggle_enlarged(index))
        snap = menu.addAction(self.tr("Snapshot to incident"), lambda: self.take_snapshot(index))
        snap.setEnabled(self._incident is not None)
        menu.addAction(self.tr("Remove from wall"), self._remove_selected)
        menu.popup(where)

    def _update_actions(self) -> None:
        camera_id = self._plan.tiles[self._selected] if self._selected is not None else None
        self._pin_action.setEnabled(camera_id is not None)
        self._pin_action.setChecked(camera_id is not None and self._plan.is_pinned(camera_id))
        self._enlarge_action.setEnabled(self._selected is not None)
        self._enlarge_action.setChecked(self._enlarged is not None)
        self._snapshot_action.setEnabled(self._recorded and camera_id is not None and self._incident is not None)
        self._snapshot_action.setVisible(self._recorded)
        self._clear_action.setEnabled(camera_id is not None)

    def _update_incident_label(self) -> None:
        if self._incident is None and self.collapsed:
            self._incident_label.setText(self.tr("No incident selected: the wall opens with the cameras near "
                                                 "the incident you select (or a camera clicked on the map)"))
        elif self._incident is None:
            self._incident_label.setText(self.tr("No incident selected"))
        else:
            self._incident_label.setText(self.tr("Following incident {id}").format(id=self._incident[0]))

    def _notify(self, message: str) -> None:
        self._notice_label.setText(message)
        self._notice_timer.start(NOTICE_MS)
        self.notice.emit(message)
