"""The glossary editor: rename a glossary, change its domain, and add, edit, filter and delete its entries.

Every change is saved at once through ``engine.glossaries`` on the files worker (never on the GUI thread), in
the order it was made. When the engine refuses a change (an empty term, a source term already in the glossary,
a name already taken) the dialog shows the engine's message and keeps what the person typed: an edited cell
keeps its text, tinted red with the message as its tooltip, until it is corrected (closing the dialog then asks
first); the new-entry fields keep their text for the next try.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common import BusyIndicator, Notice, error_text, language_name
from desktop.glossary_entries import ALTERNATIVES, SOURCE, TARGET, EntryFilter, EntryModel, split_alternatives
from desktop.qtcompat import emit
from engine.errors import PalavraError

if TYPE_CHECKING:
    from desktop.workers import Workers
    from engine.api import Engine, GlossaryInfo, StoredEntry

log = logging.getLogger(__name__)


@dataclass
class _Stored:
    """The glossary's stored name as the worker thread sees it (jobs run in order, so a rename applies to the
    jobs after it even before the GUI hears of it)."""

    name: str


class GlossaryEditor(QDialog):
    """Edit one glossary; ``modified`` tells the caller whether anything was saved."""

    #: every change sent has been answered (saved or refused)
    settled = Signal()

    def __init__(
        self, engine: Engine, workers: Workers, info: GlossaryInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.info = info
        self.modified = False
        self.loaded = False
        self._stored = _Stored(info.name)
        self._pending = 0
        self._adding = False
        self._refused: set[str] = set()  # "name", "domain": fields whose change the engine refused
        self.setWindowTitle(self.tr("Glossary: {0}").format(info.name))
        self.resize(820, 560)

        self.name_edit = QLineEdit(info.name, self)
        self.domain_edit = QLineEdit(info.domain, self)
        self.domain_edit.setPlaceholderText(self.tr("e.g. medical, legal (optional)"))
        languages = QLabel(f"{language_name(info.source_lang)} → {language_name(info.target_lang)}", self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Domain"), self.domain_edit)
        form.addRow(self.tr("Languages"), languages)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter terms, alternatives and notes…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self.tr("Loading the entries…"), self)
        self.delete_button = QPushButton(self.tr("Delete entry…"), self)

        headers = [self.tr("Source term"), self.tr("Target term"), self.tr("Alternatives"), self.tr("Note")]
        self.model = EntryModel(headers, self._save_entry, self)
        self.proxy = EntryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # import order until a header is clicked
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(True)
        for column, width in ((SOURCE, 200), (TARGET, 200), (ALTERNATIVES, 190)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.model.header_tips[ALTERNATIVES] = self.tr("Other accepted target terms, separated by ;")

        # the new-entry row: Enter in any field adds the entry
        self.new_source = QLineEdit(self)
        self.new_source.setPlaceholderText(self.tr("Source term"))
        self.new_target = QLineEdit(self)
        self.new_target.setPlaceholderText(self.tr("Target term"))
        self.new_alternatives = QLineEdit(self)
        self.new_alternatives.setPlaceholderText(self.tr("Alternatives (separate with ;)"))
        self.new_note = QLineEdit(self)
        self.new_note.setPlaceholderText(self.tr("Note"))
        self.add_button = QPushButton(self.tr("Add entry"), self)
        add_box = QGroupBox(self.tr("New entry"), self)
        add_row = QHBoxLayout(add_box)
        for edit in self._new_fields():
            add_row.addWidget(edit, 1)
            edit.returnPressed.connect(self.add_entry)
        add_row.addWidget(self.add_button)

        self.busy = BusyIndicator(self.tr("Saving…"), self)
        self.notice = Notice(self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(add_box)
        layout.addWidget(self.notice)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        # Enter belongs to the field it is typed in (adds an entry, saves the name), never to a dialog button
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.name_edit.editingFinished.connect(self._name_edited)
        self.domain_edit.editingFinished.connect(self._domain_edited)
        self.filter_edit.textChanged.connect(self._filter)
        self.add_button.clicked.connect(self.add_entry)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self._set_loaded(False)
        self.load()

    # -- loading ------------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the entries (off the GUI thread)."""
        stored, glossaries = self._stored, self.engine.glossaries
        task = self.workers.files.run_fn(lambda _p, _c: glossaries.entries(stored.name), "glossary entries")
        task.finished.connect(self._show_entries)
        task.failed.connect(lambda exc: self.notice.show_error(error_text(exc)))

    def _show_entries(self, entries: list[StoredEntry]) -> None:
        self.model.set_entries(entries)
        self._set_loaded(True)
        self.table.setFocus()
        self._update_count()

    def _set_loaded(self, loaded: bool) -> None:
        self.loaded = loaded
        for widget in (self.table, self.filter_edit, self.add_button, *self._new_fields()):
            widget.setEnabled(loaded)
        self._selection_changed()

    def _new_fields(self) -> tuple[QLineEdit, QLineEdit, QLineEdit, QLineEdit]:
        return self.new_source, self.new_target, self.new_alternatives, self.new_note

    # -- saving -------------------------------------------------------------------------------------------
    def _run(
        self,
        work: Callable[[], Any],
        name: str,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work`` on the files worker, in order with the other changes (kept if the app quits)."""
        task = self.workers.files.run_fn(lambda _p, _c: work(), name, essential=True)
        self._pending += 1
        self.busy.set_busy(True)

        def settle() -> None:
            self._pending -= 1
            self.busy.set_busy(self._pending > 0)
            if not self._pending:
                emit(self.settled)

        def finished(result: Any) -> None:
            self.modified = True
            done(result)
            settle()

        def refused(exc: BaseException) -> None:
            (failed or self._show_error)(exc)
            settle()

        task.finished.connect(finished)
        task.failed.connect(refused)
        task.cancelled.connect(settle)

    def _show_error(self, exc: BaseException) -> None:
        self.notice.show_error(error_text(exc))

    def _name_edited(self) -> None:
        new = self.name_edit.text().strip()
        if not self.loaded or new == self.info.name:
            return
        stored, glossaries = self._stored, self.engine.glossaries
        self._refused.discard("name")  # this try replaces the refused one

        def work() -> GlossaryInfo:
            info: GlossaryInfo = glossaries.rename(stored.name, new)
            stored.name = info.name
            return info

        self._run(work, "rename glossary", self._info_saved, lambda exc: self._field_refused("name", exc))

    def _domain_edited(self) -> None:
        domain = self.domain_edit.text().strip()
        if not self.loaded or domain == self.info.domain:
            return
        stored, glossaries = self._stored, self.engine.glossaries
        self._refused.discard("domain")
        self._run(
            lambda: glossaries.set_domain(stored.name, domain),
            "glossary domain",
            self._info_saved,
            lambda exc: self._field_refused("domain", exc),
        )

    def _field_refused(self, field: str, exc: BaseException) -> None:
        self._refused.add(field)  # the field keeps what was typed
        self._show_error(exc)

    def _info_saved(self, info: GlossaryInfo) -> None:
        renamed = info.name != self.info.name
        self._refused.discard("name" if renamed else "domain")
        self.info = info
        self.setWindowTitle(self.tr("Glossary: {0}").format(info.name))
        if renamed:
            self.notice.show_info(self.tr("Renamed to '{0}'.").format(info.name))
        else:
            self.notice.show_info(self.tr("Domain saved."))

    def _save_entry(self, entry_id: int, shown: tuple[str, str, str, str], edit: int) -> None:
        source, target, alternatives, note = shown
        stored, glossaries = self._stored, self.engine.glossaries

        def work() -> StoredEntry:
            return glossaries.update_entry(
                stored.name,
                entry_id,
                source,
                target,
                note=note.strip(),
                alternatives=split_alternatives(alternatives),
            )

        def saved(entry: StoredEntry) -> None:
            self.model.saved(entry, edit)
            if not self.model.unsaved():
                self.notice.clear_notice()
            self._update_count()

        def refused(exc: BaseException) -> None:
            message = error_text(exc)
            self.model.refused(entry_id, edit, message)
            self.notice.show_error(
                self.tr("Not saved: {0} The cell keeps what you typed until you correct it.").format(message)
            )

        self._run(work, "save glossary entry", saved, refused)

    # -- adding and deleting ----------------------------------------------------------------------------
    def add_entry(self) -> None:
        """Add the entry typed in the new-entry fields."""
        if self._adding or not self.loaded:
            return
        source, target, alternatives, note = (f.text() for f in self._new_fields())
        stored, glossaries = self._stored, self.engine.glossaries
        self._adding = True
        self.add_button.setEnabled(False)

        def work() -> StoredEntry:
            return glossaries.add_entry(
                stored.name, source, target, note=note.strip(), alternatives=split_alternatives(alternatives)
            )

        def added(entry: StoredEntry) -> None:
            self._end_adding()
            row = self.model.append(entry)
            index = self.proxy.mapFromSource(self.model.index(row, SOURCE))
            if not index.isValid():  # hidden by the filter: show everything rather than lose sight of it
                self.filter_edit.clear()
                index = self.proxy.mapFromSource(self.model.index(row, SOURCE))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
            for field in self._new_fields():
                field.clear()
            self.new_source.setFocus()
            self.notice.show_info(self.tr("Added '{0}'.").format(entry.source))
            self._update_count()

        def refused(exc: BaseException) -> None:
            self._end_adding()
            self.notice.show_error(error_text(exc))  # the fields keep what was typed
            self.new_source.setFocus()

        self._run(work, "add glossary entry", added, refused)

    def _end_adding(self) -> None:
        self._adding = False
        self.add_button.setEnabled(self.loaded)

    def selected_rows(self) -> list[int]:
        """The selected rows of the model (not of the filtered view), in order."""
        picked = self.table.selectionModel().selectedRows()
        return sorted({self.proxy.mapToSource(i).row() for i in picked})

    def delete_selected(self) -> None:
        """Delete the selected entries, after asking."""
        entries = [self.model.entry_at(r) for r in self.selected_rows()]
        if not entries:
            return
        if len(entries) == 1:
            question = self.tr("Delete the entry '{0}' → '{1}'?").format(entries[0].source, entries[0].target)
        else:
            question = self.tr("Delete these {0} entries?").format(len(entries))
        answer = QMessageBox.question(
            self,
            self.tr("Delete entries"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ids = [e.id for e in entries]
        stored, glossaries = self._stored, self.engine.glossaries

        def work() -> tuple[list[int], PalavraError | None]:
            deleted: list[int] = []
            try:
                for entry_id in ids:
                    glossaries.delete_entry(stored.name, entry_id)
                    deleted.append(entry_id)
            except PalavraError as exc:  # the ones deleted before stay deleted: show that
                return deleted, exc
            return deleted, None

        def done(result: tuple[list[int], PalavraError | None]) -> None:
            deleted, exc = result
            self.model.remove(deleted)
            self._update_count()
            if exc is not None:
                self._show_error(exc)
            elif len(deleted) == 1:
                self.notice.show_info(self.tr("Deleted '{0}'.").format(entries[0].source))
            else:
                self.notice.show_info(self.tr("Deleted {0} entries.").format(len(deleted)))

        self._run(work, "delete glossary entries", done)

    # -- view ---------------------------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown != total:
            text = self.tr("{0} of {1} entries").format(shown, total)
        elif total == 1:
            text = self.tr("1 entry")
        else:
            text = self.tr("{0} entries").format(total)
        self.count_label.setText(text)

    def _selection_changed(self, *_args: Any) -> None:
        self.delete_button.setEnabled(self.loaded and bool(self.table.selectionModel().selectedRows()))

    @property
    def saving(self) -> bool:
        """Whether changes are still on their way to the engine."""
        return self._pending > 0

    def done(self, result: int) -> None:
        """Close; when changes could not be saved, ask first."""
        unsaved, question = self.model.unsaved(), ""
        if unsaved:
            question = self.tr(
                "{0} changed entries could not be saved (shown in red). Close and lose those changes?"
            ).format(unsaved)
        elif self._refused:
            question = self.tr("The new name or domain could not be saved. Close and lose it?")
        if question:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().done(result)
