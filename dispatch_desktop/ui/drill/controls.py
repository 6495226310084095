"""The Drill menu: take part in the running drill, and — for a trainer at this desk — start one of the scenarios,
pause it, resume it, warp its clock, skip the next inject, end it.

Taking part switches the desk's bus client to the drill's state (``WorkstationClient.follow_drill``): the
drill's calls ring in the calls panel, its incidents join the queue and the map, and whatever the desk sends
goes in drill mode (``Desk.send`` reads the mode of the state shown); the banner and the watermark say so.
Starting a drill makes this desk the trainer's: the scenario is validated first (its problems listed, file
and line), then its runner plays it on a thread of its own (``trainer``), and the desk takes part by itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from dispatch_desktop.bus.sockets import Context
from dispatch_desktop.bus.workstation import Published, WorkstationClient
from dispatch_desktop.domain.city import City
from dispatch_desktop.drill.clock import DrillClock
from dispatch_desktop.drill.ids import next_drill_id
from dispatch_desktop.drill.loading import load_file, shipped_files
from dispatch_desktop.drill.rejoin import ResumePoint, resume_point
from dispatch_desktop.drill.runner import DrillRunner
from dispatch_desktop.drill.scenario import Inject, Scenario, SosInject, UnitFailure, UnitFailureKind, drill_time
from dispatch_desktop.drill.scoring import DrillScore
from dispatch_desktop.drill.sim_units import simulated_motion
from dispatch_desktop.store import EventStore
from dispatch_desktop.ui.drill.reports import DrillReports
from dispatch_desktop.ui.drill.trainer import DrillTrainer
from dispatch_desktop.ui.workstation import Workstation

WARPS = (1.0, 2.0, 5.0, 10.0)


class DrillControls(QObject):
    replayRequested = Signal(str)  # a drill's id: open its replay (the composition root hands it to the launcher)

    def __init__(self, window: Workstation, client: WorkstationClient, city: City, *, field_endpoint: str | None,
                 context: Context | None, store: EventStore | None, operator: Callable[[], str], may_start: str = "",
                 database_url: str | None = None, parent: QObject | None = None,
                 first_camera: Callable[[float, float], str | None] | None = None) -> None:
        """``field_endpoint``: the hub's field socket, where the drill's simulated units report (None: this desk
        cannot run a drill's units); ``may_start``: why this desk may not start a drill ("" when it may);
        ``database_url``: the log the drill report is read from and its export recorded in; ``first_camera``: the
        camera the desk's video wall shows first for a place (what a drill's "camera near the call" darkens; the
        runner asks from its own thread, and the wall answers from its camera index alone)."""
        self._first_camera = first_camera
        super().__init__(parent or window)
        self._database_url = database_url
        self._window = window
        self._client = client
        self._city = city
        self._field = field_endpoint
        self._context = context
        self._store = store
        self._operator = operator
        self._may_start = may_start
        self.trainer: DrillTrainer | None = None
        self.menu = QMenu(window)
        self.menu.setObjectName("drill_menu")
        self.follow_action = self._action("drill_follow", checkable=True)
        self.follow_action.toggled.connect(self.follow)
        self.menu.addSeparator()
        self.start_action = self._action("drill_start")
        self.start_action.triggered.connect(self.ask_scenario)
        self.take_over_action = self._action("drill_take_over")
        self.take_over_action.triggered.connect(self.take_over)
        self.pause_action = self._action("drill_pause")
        self.pause_action.triggered.connect(lambda: self._command(lambda runner: runner.pause()))
        self.resume_action = self._action("drill_resume")
        self.resume_action.triggered.connect(lambda: self._command(lambda runner: runner.resume()))
        self.warp_menu = self.menu.addMenu("")
        self.warp_actions: dict[float, QAction] = {}
        for factor in WARPS:
            made = self.warp_menu.addAction(f"×{factor:g}")
            made.triggered.connect(lambda _checked=False, factor=factor: self._command(
                lambda runner: runner.warp(factor)))
            self.warp_actions[factor] = made
        self.skip_action = self._action("drill_skip")
        self.skip_action.triggered.connect(self.skip_next)
        self.inject_action = self._action("drill_inject")
        self.inject_action.triggered.connect(self.ask_inject)
        self.end_action = self._action("drill_end")
        self.end_action.triggered.connect(self.end)
        self.menu.addSeparator()
        self.report_action = self._action("drill_report")
        self.report_action.triggered.connect(self.ask_report)
        self.replay_action = self._action("drill_replay")
        self.replay_action.triggered.connect(self.ask_replay)
        self.last_drill = ""  # the drill this desk ran last: what "Drill report…" writes
        self._reports = DrillReports(self)
        window.menuBar().insertMenu(window.settings_menu.menuAction(), self.menu)
        window.language.languageChanged.connect(lambda _language: self.retranslate())
        window.city_model.stateChanged.connect(lambda _state: self._enable())
        self.retranslate()

    def _action(self, name: str, *, checkable: bool = False) -> QAction:
        made = QAction(self.menu, checkable=checkable)
        made.setObjectName(name)
        self.menu.addAction(made)
        return made

    # --- texts -------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.menu.setTitle(translate("DrillControls", "&Drill"))
        self.follow_action.setText(translate("DrillControls", "Take part in the drill"))
        self.follow_action.setToolTip(translate(
            "DrillControls", "Show the running drill's calls, incidents and units with the live ones, and answer "
            "them: what this desk sends then belongs to the drill"))
        self.start_action.setText(translate("DrillControls", "Start a drill…"))
        self.take_over_action.setText(translate("DrillControls", "Take over the interrupted drill"))
        self.take_over_action.setToolTip(translate(
            "DrillControls", "This desk started the running drill and its runner stopped (the desk was closed or "
            "killed): go on with it where it stands"))
        self.pause_action.setText(translate("DrillControls", "Pause the drill clock"))
        self.resume_action.setText(translate("DrillControls", "Resume the drill clock"))
        self.warp_menu.setTitle(translate("DrillControls", "Drill clock speed"))
        self.skip_action.setText(translate("DrillControls", "Skip the next inject"))
        self.inject_action.setText(translate("DrillControls", "Inject now…"))
        self.inject_action.setToolTip(translate(
            "DrillControls", "One of the scenario's injects ahead of its time, or an SOS or a failure of a drill "
            "unit that the scenario does not plan"))
        self.end_action.setText(translate("DrillControls", "End the drill"))
        self.report_action.setText(translate("DrillControls", "Drill report…"))
        self.report_action.setToolTip(translate(
            "DrillControls", "Write the last drill run from this desk as an HTML or PDF report, scored, its SHA-256 "
            "recorded in the log"))
        self.replay_action.setText(translate("DrillControls", "Replay a drill…"))
        self.replay_action.setToolTip(translate(
            "DrillControls", "Play a past drill as its trainees saw it, read-only, marked as a drill"))
        self._enable()

    def _enable(self) -> None:
        training = self.trainer is not None and self.trainer.running
        running = self._window.city_model.state.drill is not None
        self.start_action.setEnabled(not training and not running and not self._may_start)
        drill = self._window.city_model.state.drill
        self.take_over_action.setEnabled(
            not training and drill is not None and drill.source == self._client.name and self._field is not None
            and self._store is not None)
        self.start_action.setToolTip(self._may_start)
        for made in (self.pause_action, self.resume_action, self.skip_action, self.inject_action, self.end_action,
                     *self.warp_actions.values()):
            made.setEnabled(training)
        self.warp_menu.setEnabled(training)
        self.report_action.setEnabled(bool(self.last_drill) and not training and self._database_url is not None)
        self.replay_action.setEnabled(self._database_url is not None)

    # --- taking part -------------------------------------------------------------------------------------

    def follow(self, on: bool) -> None:
        self._client.follow_drill(on)
        if self.follow_action.isChecked() != on:
            self.follow_action.setChecked(on)

    def observe(self, changed: list[Published] | None) -> None:
        """The desk's bus client heard these (its thread): the runner scores from them."""
        trainer = self.trainer
        if trainer is not None and trainer.running and trainer.runner is not None:
            trainer.runner.observe(changed)

    # --- training ----------------------------------------------------------------------------------------

    def ask_scenario(self) -> None:
        translate = QCoreApplication.translate
        files = shipped_files()
        names = [path.stem for path in files] + [translate("DrillControls", "Another scenario file…")]
        chosen, ok = QInputDialog.getItem(self._window, translate("DrillControls", "Start a drill"),
                                          translate("DrillControls", "Scenario:"), names, 0, False)
        if not ok:
            return
        path: Path | None = files[names.index(chosen)] if chosen in names[:-1] else None
        if path is None:
            picked, _filter = QFileDialog.getOpenFileName(self._window, translate("DrillControls", "Scenario file"),
                                                          "", "YAML (*.yaml *.yml)")
            if not picked:
                return
            path = Path(picked)
        self.start(path)

    def start(self, path: Path) -> DrillTrainer | None:
        """Validate ``path`` and run it; the problems are listed when it does not validate."""
        translate = QCoreApplication.translate
        scenario, problems = load_file(path, self._city)
        if scenario is None:
            QMessageBox.warning(self._window, translate("DrillControls", "The scenario cannot run"),
                                "\n".join(str(problem) for problem in problems))
            return None
        if self._field is None:
            return None
        return self._run(scenario)

    def take_over(self) -> DrillTrainer | None:
        """Go on with the drill this desk started, whose runner stopped: its scenario (the shipped one it names,
        else a file the trainer picks) and where it stands, read from the log on the drill's thread."""
        translate = QCoreApplication.translate
        drill = self._window.city_model.state.drill
        if drill is None or self._store is None or self._field is None:
            return None
        path = next((path for path in shipped_files() if path.stem == drill.scenario), None)
        if path is None:
            picked, _filter = QFileDialog.getOpenFileName(
                self._window, translate("DrillControls", "Scenario file of drill {drill}").format(drill=drill.drill),
                "", "YAML (*.yaml *.yml)")
            if not picked:
                return None
            path = Path(picked)
        scenario, problems = load_file(path, self._city)
        if scenario is None or (scenario.id, scenario.version) != (drill.scenario, drill.version):
            why = "\n".join(str(problem) for problem in problems) if scenario is None else translate(
                "DrillControls", "Drill {drill} runs scenario {scenario} version {version}; this file holds "
                "{found} version {found_version}.").format(drill=drill.drill, scenario=drill.scenario,
                                                          version=drill.version, found=scenario.id,
                                                          found_version=scenario.version)
            QMessageBox.warning(self._window, translate("DrillControls", "The drill cannot be taken over"), why)
            return None
        store, name = self._store, self._client.name
        points: list[ResumePoint] = []

        def where_it_stands() -> str:  # on the drill's thread: it reads the log
            points.append(resume_point(store, scenario, name))
            return points[0].drill.drill

        return self._run(scenario, drill_id=where_it_stands, open_drill=lambda runner: runner.rejoin(points[0]))

    def _run(self, scenario: Scenario, *, drill_id: Callable[[], str] | None = None,
             open_drill: Callable[[DrillRunner], None] = DrillRunner.start) -> DrillTrainer:
        operator, store = self._operator(), self._store

        def make_runner() -> DrillRunner:  # on the drill's thread: numbering the drill reads the log
            chosen = drill_id() if drill_id is not None else next_drill_id(store, int(time.time() * 1000))
            return DrillRunner(scenario, self._city, self._client, self._field or "",
                               drill_id=chosen, clock=DrillClock(),
                               motion=simulated_motion, operator=operator, context=self._context,
                               first_camera=self._first_camera)

        trainer = self.trainer = DrillTrainer(make_runner, self, open_drill=open_drill)
        status = self._window.status_bar
        trainer.said.connect(lambda line: status.showMessage(line, 15_000))
        trainer.failed.connect(lambda why: QMessageBox.warning(
            self._window, QCoreApplication.translate("DrillControls", "The drill stopped"), why))
        trainer.finished.connect(self._finished)
        self.follow(True)  # the trainer's desk takes part: its calls ring here too
        trainer.start()
        self._enable()
        return trainer

    def _command(self, command: Callable[[DrillRunner], None]) -> None:
        if self.trainer is not None:
            self.trainer.command(command)

    def skip_next(self) -> None:
        """The next inject still to come (by its planned drill time) is not injected."""
        trainer = self.trainer
        if trainer is None:
            return
        runner = trainer.runner
        if runner is None:
            return
        planned = runner.scenario.planned_offsets()
        waiting = sorted((at, inject) for inject, at in planned.items()
                         if inject not in runner.injected and inject not in runner.skipped)
        if waiting:
            inject = waiting[0][1]
            self._command(lambda runner: runner.skip(inject))

    def inject_choices(self) -> list[tuple[str, Inject]]:
        """What the trainer may inject now, as the menu words it: the scenario's injects still to come (ahead of
        their time), then for each simulated unit an SOS and each failure (ad hoc)."""
        trainer = self.trainer
        runner = trainer.runner if trainer is not None else None
        if runner is None:
            return []
        translate = QCoreApplication.translate
        planned = runner.scenario.planned_offsets()
        choices = [(translate("DrillControls", "{inject} (planned at {at})").format(
                        inject=inject.id, at=drill_time(planned[inject.id]) if inject.id in planned else "—"), inject)
                   for inject in runner.scenario.injects
                   if inject.id not in runner.injected and inject.id not in runner.skipped]
        failures = {UnitFailureKind.UNAVAILABLE: translate("DrillControls", "{unit} becomes unavailable"),
                    UnitFailureKind.BREAKDOWN: translate("DrillControls", "{unit} breaks down"),
                    UnitFailureKind.RADIO_SILENCE: translate("DrillControls", "{unit} goes silent on the radio")}
        for unit in runner.scenario.units.simulated:
            choices.append((translate("DrillControls", "SOS from {unit}").format(unit=unit.id),
                            Inject(id="ad_hoc_sos", sos=SosInject(unit=unit.id))))
            choices += [(text.format(unit=unit.id),
                         Inject(id="ad_hoc_failure", unit_failure=UnitFailure(unit=unit.id, kind=kind)))
                        for kind, text in failures.items()]
        return choices

    def ask_inject(self) -> None:
        choices = self.inject_choices()
        if not choices:
            return
        translate = QCoreApplication.translate
        chosen, ok = QInputDialog.getItem(self._window, translate("DrillControls", "Inject now"),
                                          translate("DrillControls", "Inject:"), [label for label, _ in choices],
                                          0, False)
        if ok:
            inject = dict(choices)[chosen]
            self._command(lambda runner: runner.inject(inject))

    def end(self) -> None:
        if self.trainer is not None:
            self.trainer.end()

    def _finished(self, score: DrillScore | None) -> None:
        if self.trainer is not None and self.trainer.runner is not None and self.trainer.runner.started:
            self.last_drill = self.trainer.runner.drill_id
        self._enable()
        if score is not None:
            self._window.status_bar.showMessage(QCoreApplication.translate(
                "DrillControls", "The drill ended: {earned} of {possible} points").format(
                earned=score.earned, possible=score.possible), 30_000)

    def ask_report(self) -> None:
        translate = QCoreApplication.translate
        formats = ["html", "pdf"]
        chosen, ok = QInputDialog.getItem(self._window, translate("DrillControls", "Drill report"),
                                          translate("DrillControls", "Format:"), formats, 0, False)
        if not ok or self._database_url is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(folder) / f"{self.last_drill}-report.{chosen}")
        path, _filter = QFileDialog.getSaveFileName(self._window, translate("DrillControls", "Drill report"), suggested)
        if path and self.last_drill not in Path(path).name:
            # The log records an export by its file's name: that is where the record says which drill it is.
            self._report_failed(translate("DrillControls", "The file's name must contain the drill's id {drill}, "
                                          "e.g. {drill}-report.{format}.").format(drill=self.last_drill, format=chosen))
            return
        if path:
            self._reports.write(self._database_url, self.last_drill, chosen, Path(path),
                                self._window.language.language, self._operator())

    def ask_replay(self) -> None:
        """Which drill: the one this desk ran last, or any the trainer names (the replay refuses an unknown one,
        naming the drills the log holds)."""
        translate = QCoreApplication.translate
        drill, chosen = QInputDialog.getText(
            self._window, translate("DrillControls", "Replay a drill"),
            translate("DrillControls", "Drill number (as the drill report names it, e.g. D-20261207-01):"),
            text=self.last_drill)
        if chosen and drill.strip():
            self.replayRequested.emit(drill.strip())

    def _report_written(self, path: str, sha256: str) -> None:
        self._window.status_bar.showMessage(QCoreApplication.translate(
            "DrillControls", "Drill report written: {path}, SHA-256 {sha256}").format(path=path, sha256=sha256), 30_000)

    def _report_failed(self, why: str) -> None:
        QMessageBox.warning(self._window, QCoreApplication.translate("DrillControls", "Drill report not written"), why)

    def stop(self) -> None:
        if self.trainer is not None and self.trainer.running:
            self.trainer.stop()
