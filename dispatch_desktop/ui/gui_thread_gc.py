"""Python's cyclic garbage collector, run on the GUI thread only.

The desk runs Python on several threads (the bus client, the hub's catch-up, the persistence writer, plugin
loaders). Automatic collection runs on whichever thread happens to allocate past the threshold. When it
frees a cycle that holds a Qt object, that object's C++ destructor runs on that thread: a widget destroyed
off the GUI thread corrupts Qt's state (a segmentation fault later, far from the cause), and a ``~QObject``
that takes Qt's signal-slot mutex while waiting for the GIL deadlocks against the GUI thread holding the
GIL inside ``QObject::connect`` (seen in CI). So automatic collection is switched off and the GUI thread
collects from a timer, the generations by the same thresholds Python would use.

pyqtgraph ships the same idea (``pyqtgraph.util.garbage_collector``); this one also switches collection off
again if a worker re-enabled it (the store pauses and restores the collector around keyframe decoding, which
can race with the switch at start-up), can be stopped, and is typed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
"""Between two looks at the allocation counts: short enough that cycles made by a busy bus thread never pile
up for long, and each look costs microseconds when there is nothing to collect."""


class GuiThreadCollector(QObject):
    """Switches automatic collection off while it lives and collects on the GUI thread instead. Create it on
    the GUI thread, parented to something that lives as long as the application."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collects the generations whose counts passed Python's thresholds; returns how many unreachable
        objects were found. Cheap when nothing is due."""
        if gc.isenabled():
            gc.disable()
        young, middle, old = gc.get_count()
        if young <= self._thresholds[0]:
            return 0
        if middle <= self._thresholds[1]:
            return gc.collect(0)
        if old <= self._thresholds[2]:
            return gc.collect(1)
        return gc.collect(2)

    def freeze_survivors(self) -> None:
        """Moves everything alive now (the city, the window, the plugins: what lives as long as the desk) out
        of the collector's sight, as the hub does: each full collection would otherwise walk those few
        hundred thousand objects again, 50-100 ms with the GUI thread stopped. Frozen objects are still
        freed by reference counting."""
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        """Gives collection back to Python (as it was before this collector)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
