"""The panel "Responsibility list" (派出所职责清单, ``station_duty.responsibilities``).

The categories and their items in a tree (with the department that owns each item: police, or where to
refer the call), a search box that keeps the items matching every word typed (Chinese or English: names,
descriptions, legal basis, department), and the selected item's full text below. "Import…" reads a
command center's own list: a good file becomes the list on this desk (kept in the plugin's data
directory); a bad one is refused with every problem listed under the search box, and the list in use stays.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dispatch_desktop.api import DeskContext, Level, Subscription
from station_duty.responsibilities import SHIPPED, Item, ListError, current, forget_imported, import_file

ITEM_ROLE = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #5f6368;"
MAX_PROBLEMS_SHOWN = 12


class ResponsibilityPanel(QWidget):
    """The panel ``station_duty.responsibilities``; the desk builds it with ``ResponsibilityPanel(desk)``."""

    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("responsibility_panel")
        self._desk = desk
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.choose_file)
        self.shipped_button = QPushButton(self)
        self.shipped_button.clicked.connect(self.use_shipped)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.hide()
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda _now, _before: self._show_selected())
        self._rows: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []  # category, its items
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.shipped_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addLayout(bar)
        layout.addWidget(self.problems)
        layout.addWidget(split, 1)

        self.responsibilities, kept_error = current(desk.data_dir)
        if kept_error is not None:  # the kept file went bad since it was imported
            self._refuse(kept_error, self._desk.tr(
                "The imported list {file} cannot be used any more ({n} problems); the shipped list is in "
                "use. Fix these and import it again:"))
        language_changed: Subscription = desk.on_language(lambda _language: self.retranslate())
        self.destroyed.connect(lambda: language_changed.cancel())
        self.retranslate()

    # --- what it shows ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        tr = self._desk.tr
        self.search.setPlaceholderText(tr("Search (中文 or English)"))
        self.import_button.setText(tr("Import…"))
        self.import_button.setToolTip(tr("Use a command center's own responsibility list (TOML or JSON)"))
        self.shipped_button.setText(tr("Shipped list"))
        self.shipped_button.setToolTip(tr("Go back to the example list shipped with the plugin"))
        self.tree.setHeaderLabels([tr("Item"), tr("Department")])
        self._fill()

    def _fill(self) -> None:
        language = self._desk.language
        current_row = self.tree.currentItem()
        chosen = current_row.data(0, ITEM_ROLE) if current_row is not None else None  # kept across refills
        listing = self.responsibilities
        self.note.setText(f"{listing.title(language)} · {listing.note(language)}".strip(" ·"))
        self.shipped_button.setEnabled(self._imported())
        self.tree.clear()
        self._rows = []
        for category in listing.categories:
            heading = QTreeWidgetItem(self.tree, [category.name(language), ""])
            rows: list[QTreeWidgetItem] = []
            self._rows.append((heading, rows))
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(heading.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for item in category.items:
                row = QTreeWidgetItem(heading, [f"{item.id}  {item.name(language)}", item.department_name(language)])
                row.setData(0, ITEM_ROLE, item.id)
                row.setToolTip(0, item.name(language))  # the name in full where the dock is narrow
                rows.append(row)
                if not item.police:
                    row.setForeground(1, Qt.GlobalColor.darkYellow)
                    row.setToolTip(1, self._desk.tr("Not police business: refer to this department"))
                if item.id == chosen:
                    self.tree.setCurrentItem(row)
        self.tree.expandAll()
        self._filter(self.search.text())
        self._show_selected()

    def _filter(self, query: str) -> None:
        matching = {item.id for item in self.responsibilities.search(query)}
        for heading, rows in self._rows:
            for row in rows:
                row.setHidden(row.data(0, ITEM_ROLE) not in matching)
            heading.setHidden(all(row.isHidden() for row in rows))
        current_row = self.tree.currentItem()
        if current_row is None or current_row.isHidden():
            first = next((row for _heading, rows in self._rows for row in rows if not row.isHidden()), None)
            if first is not None:
                self.tree.setCurrentItem(first)
            else:
                self.tree.setCurrentIndex(QModelIndex())  # nothing matches: nothing is current

    def shown_items(self) -> list[str]:
        """The ids of the items the tree shows now, in order."""
        return [row.data(0, ITEM_ROLE) for _heading, rows in self._rows for row in rows if not row.isHidden()]

    def selected_item(self) -> Item | None:
        row = self.tree.currentItem()
        item_id = row.data(0, ITEM_ROLE) if row is not None else None
        try:
            return self.responsibilities.item(item_id) if item_id else None
        except KeyError:  # the row of a list replaced a moment ago
            return None

    def _show_selected(self) -> None:
        item = self.selected_item()
        self.details.setHtml(self._describe(item) if item is not None else
                             f"<p>{html.escape(self._desk.tr('No item matches the search.'))}</p>")

    def _describe(self, item: Item) -> str:
        tr, language = self._desk.tr, self._desk.language
        category = self.responsibilities.category(item.category).name(language)
        owner = (tr("Police business") if item.police
                 else tr("Not police business: refer to {department}").format(
                     department=item.department_name(language)))
        rows = [(tr("Category"), category), (tr("Legal basis"), item.legal_basis),
                (tr("Department"), owner)]
        if item.counterpart:
            rows.append((tr("Counterpart"), item.counterpart))
        table = "".join(f"<tr><td style='color:#5f6368; padding-right:8px'>{html.escape(label)}</td>"
                        f"<td>{html.escape(value)}</td></tr>" for label, value in rows)
        return (f"<h3>{html.escape(item.id)} {html.escape(item.name(language))}</h3>"
                f"<p>{html.escape(item.description(language))}</p><table>{table}</table>")

    # --- importing ------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self._desk.tr("Import a responsibility list"), str(Path.home()),
            self._desk.tr("Responsibility lists (*.toml *.json)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> bool:
        """Use the list in ``path`` if it is good (True); refuse it with its problems otherwise."""
        try:
            self.responsibilities = import_file(path, self._desk.data_dir)
        except ListError as exc:
            self._refuse(exc, self._desk.tr("{file} was not imported ({n} problems); the list in use stays. "
                                            "Fix these and import it again:"))
            return False
        self.problems.hide()
        self._desk.notify(self._desk.tr("Responsibility list imported from {file}: {n} items").format(
            file=path.name, n=len(self.responsibilities.items)))
        self._fill()
        return True

    def use_shipped(self) -> None:
        forget_imported(self._desk.data_dir)
        self.responsibilities, _ = current(self._desk.data_dir)
        self.problems.hide()
        self._fill()

    def _refuse(self, error: ListError, lead_text: str) -> None:
        lead = lead_text.format(file=error.path.name, n=len(error.problems))
        shown = [f"• {problem}" for problem in error.problems[:MAX_PROBLEMS_SHOWN]]
        if len(error.problems) > MAX_PROBLEMS_SHOWN:  # a file that is wrong throughout: the first ones do
            shown.append(self._desk.tr("… and {n} more").format(n=len(error.problems) - MAX_PROBLEMS_SHOWN))
        self.problems.setText("\n".join([lead, *shown]))
        self.problems.show()
        self._desk.notify(lead.rstrip(":") + ".", Level.WARNING)

    def _imported(self) -> bool:
        return self.responsibilities.source != str(SHIPPED)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
