"""The roster panel's files: CSV import (every row checked, all or nothing, asked before anything is
recorded) and the day's export. A mixin of ``RosterPanel``, which holds the widgets and the session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPlainTextEdit

from dispatch_desktop.api import Outcome
from station_duty.roster.csv_read import RosterFile
from station_duty.roster.session import RosterSession

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget  # what the checker sees: the mixin's methods are a widget's
else:
    _Widget = object  # at run time a plain mixin, listed before QWidget

GB18030_FILTER = "CSV GB18030 (*.csv)"


class RosterFiles(_Widget):
    """Mixed into ``RosterPanel`` before ``QWidget``; the panel provides what is declared here."""

    _session: RosterSession
    _importing: int  # rosters of an import still unanswered
    problems: QPlainTextEdit
    confirm: Callable[[str], bool]

    def _tr(self, text: str) -> str:
        raise NotImplementedError

    def _say(self, text: str, *, error: bool = False) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def chosen_day(self) -> date:
        raise NotImplementedError

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self._tr("Import rosters"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self._tr("Import rosters"), "",
                                                    self._tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> RosterFile | None:
        """Check the file; when every row is good, ask, then record each roster. Returns what was read."""
        self.problems.setVisible(False)
        try:
            data = path.read_bytes()
        except OSError as error:
            self._say(self._tr("Cannot read {file}: {reason}").format(file=path, reason=error.strerror), error=True)
            return None
        found = self._session.read_csv(data, path.name)
        if found.problems:
            self._say(self._tr("Nothing was imported: {count} problems in {file} ({rows} rows read). Correct the "
                               "file and import it again.").format(count=len(found.problems), file=path.name,
                                                                   rows=found.rows), error=True)
            self.problems.setPlainText("\n".join(problem.text(self._tr) for problem in found.problems))
            self.problems.setVisible(True)
            return found
        first, last = found.dates() or ("", "")
        question = self._tr("Import {count} rosters for {stations} stations, {first} to {last}, from {file}? Each "
                            "replaces the roster of its shift.").format(count=len(found.rosters),
                                                                         stations=found.stations(), first=first,
                                                                         last=last, file=path.name)
        if not self.confirm(question):
            self._say(self._tr("Nothing was imported."))
            return found
        self._record_all(found)
        return found

    def _record_all(self, found: RosterFile) -> None:
        refused: list[str] = []
        self._importing = len(found.rosters)

        def answered(outcome: Outcome) -> None:
            self._importing -= 1
            if not outcome.accepted:
                refused.append(outcome.message or outcome.code)
            if self._importing == 0:
                done = len(found.rosters) - len(refused)
                text = self._tr("{done} rosters imported.").format(done=done)
                if refused:
                    text += " " + self._tr("{count} were refused: {reason}").format(count=len(refused),
                                                                                      reason=refused[0])
                self._say(text, error=bool(refused))
                self.refresh()

        self._say(self._tr("Importing {count} rosters…").format(count=len(found.rosters)))
        try:
            for roster in found.rosters:
                self._session.record(roster, answered)
        except PermissionError as error:
            self._importing = 0
            self._say(str(error), error=True)
        self.refresh()

    def _choose_export(self) -> None:
        day = self.chosen_day()
        path, chosen = QFileDialog.getSaveFileName(
            self, self._tr("Export the day's rosters"), f"roster_{day.isoformat()}.csv",
            f"{self._tr('CSV UTF-8, for Excel (*.csv)')};;{GB18030_FILTER}")
        if path:
            self.export_file(Path(path), day, encoding="gb18030" if chosen == GB18030_FILTER else "utf-8-sig")

    def export_file(self, path: Path, day: date, *, encoding: str = "utf-8-sig") -> None:
        """Every station's rosters of ``day`` (as known now) written to ``path``."""
        try:
            path.write_bytes(self._session.day_csv(day, encoding=encoding))
        except OSError as error:
            self._say(self._tr("Cannot write {file}: {reason}").format(file=path, reason=error.strerror), error=True)
            return
        self._say(self._tr("Exported the rosters of {date} to {file}.").format(date=day.isoformat(), file=path))
