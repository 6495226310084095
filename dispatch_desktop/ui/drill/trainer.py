"""A drill run from this desk: the scenario's ``DrillRunner`` on a thread of its own, the trainer's commands
queued to it, its words and its end back on the GUI thread.

The desk is the trainer's workstation (its bus client sends ``drill_started``, rings the drill's calls and
ends it); the drill's simulated units report on the hub's field socket from the runner's thread. The GUI
thread never waits on the runner: pause, resume, warp, skip and end are queued and done between two steps.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from dispatch_desktop.domain import events as ev
from dispatch_desktop.drill.runner import DrillRefused, DrillRunner
from dispatch_desktop.drill.scoring import DrillScore
from dispatch_desktop.ui.drill.said import said_text

log = logging.getLogger(__name__)

Command = Callable[[DrillRunner], None]


class DrillTrainer(QObject):
    said = Signal(str)  # a line the runner said (an inject, an expectation met or missed), in the desk's language
    failed = Signal(str)  # the hub refused the drill, or the runner stopped on an error
    finished = Signal(object)  # DrillScore, once the drill has ended (by the trainer, its duration, another desk)
    _told = Signal(object)  # a Said, from the runner's thread

    def __init__(self, make_runner: Callable[[], DrillRunner], parent: QObject | None = None, *,
                 open_drill: Callable[[DrillRunner], None] = DrillRunner.start) -> None:
        """``make_runner`` runs on the drill's thread: numbering the drill reads the log, which the GUI thread
        never waits on; ``open_drill`` then opens it there (``DrillRunner.start``, or taking over an interrupted
        drill: ``DrillRunner.rejoin``)."""
        super().__init__(parent)
        self._make_runner = make_runner
        self._open_drill = open_drill
        self.runner: DrillRunner | None = None  # once made, on the drill's thread
        self._told.connect(lambda said: self.said.emit(said_text(said)))  # translated on the GUI thread
        self._commands: queue.SimpleQueue[Command] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="drill-trainer", daemon=True)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def start(self) -> None:
        self._thread.start()

    def command(self, command: Command) -> None:
        """Run ``command(runner)`` on the runner's thread between two steps."""
        self._commands.put(command)

    def end(self, reason: ev.DrillEndReason = ev.DrillEndReason.ENDED) -> None:
        self.command(lambda runner: runner.end(reason))

    def stop(self, timeout: float = 10.0) -> None:
        """The desk closes: a drill still running is ended "aborted" (never left running on the hub)."""
        self.end(ev.DrillEndReason.ABORTED)
        self._stop.set()
        self._thread.join(timeout)

    def _obey(self) -> None:
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            if self.runner is not None:
                command(self.runner)

    def _run(self) -> None:
        try:
            runner = self._make_runner()
        except Exception as error:  # no drill id left for the day, a log that cannot be read
            log.exception("the drill could not be prepared")
            self.failed.emit(f"{type(error).__name__}: {error}")
            self.finished.emit(None)
            return
        runner.tell = self._told.emit
        self.runner = runner
        try:
            self._open_drill(runner)
        except DrillRefused as refusal:
            self.failed.emit(str(refusal))
            return
        score: DrillScore | None = None
        try:
            while True:
                self._obey()  # the trainer's commands, between two steps (an "end" among them ends the loop)
                if runner.ended is not None:
                    break
                if self._stop.is_set():
                    runner.end(ev.DrillEndReason.ABORTED)
                    break
                runner.step()
                runner.fleet.poll(timeout=0.1)
            score = runner.score()
        except Exception as error:  # the drill must not stay running because the runner failed
            log.exception("drill %s stopped on an error", runner.drill_id)
            self.failed.emit(f"{type(error).__name__}: {error}")
            if runner.started and runner.ended is None:
                try:
                    runner.end(ev.DrillEndReason.ABORTED)
                except Exception:
                    log.exception("drill %s could not be ended", runner.drill_id)
        self.finished.emit(score)
