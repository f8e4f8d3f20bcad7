"""Glossaries & models page: installed models, import a model folder, glossaries (import, edit, delete), the
fine-tuning wizard."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.common import Notice, error_text, language_name
from desktop.qtcompat import emit
from desktop.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine

log = logging.getLogger(__name__)


def human_size(size: int) -> str:
    """``12.3 MB``."""
    if size >= 1e9:
        return f"{size / 1e9:.1f} GB"
    if size >= 1e6:
        return f"{size / 1e6:.1f} MB"
    return f"{size / 1e3:.0f} kB"


def wizard_class() -> Any:
    """The fine-tuning wizard's class, or ``None`` when this build cannot train (no wizard, or no PyTorch)."""
    import importlib.util

    if importlib.util.find_spec("torch") is None:
        return None
    try:
        from desktop.finetune_wizard import FineTuneWizard
    except ImportError:
        return None
    return FineTuneWizard


class GlossaryImportDialog(QDialog):
    """Name and direction of a glossary being imported."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a glossary"))
        self.name_edit = QLineEdit(path.stem, self)
        self.direction = QComboBox(self)
        for src, tgt in (("en", "pt"), ("pt", "en")):
            self.direction.addItem(f"{language_name(src)} → {language_name(tgt)}", (src, tgt))
        self.domain_edit = QLineEdit(self)
        self.domain_edit.setPlaceholderText(self.tr("e.g. medical, legal (optional)"))
        form = QFormLayout(self)
        form.addRow(self.tr("File"), QLabel(path.name, self))
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Direction"), self.direction)
        form.addRow(self.tr("Domain"), self.domain_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ModelsPage(QWidget):
    """Models and glossaries."""

    glossaries_changed = Signal()
    models_changed = Signal()

    def __init__(
        self, engine: Engine, workers: Workers, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.settings = settings
        self.models: list[Any] = []
        self._loaded = False
        self._import: Task | None = None
        self.glossaries: list[Any] = []
        #: the glossary editor while it is open
        self.editor: Any = None

        self.model_table = QTableWidget(0, 5, self)
        self.model_table.setHorizontalHeaderLabels(
            [self.tr("Model"), self.tr("Languages"), self.tr("Kind"), self.tr("Size"), self.tr("Status")]
        )
        self.model_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.model_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.model_table.horizontalHeader().setStretchLastSection(True)
        self.model_table.setWordWrap(False)
        self.model_table.verticalHeader().hide()
        self.activate_button = QPushButton(self.tr("Use this model"), self)
        self.import_model_button = QPushButton(self.tr("Import model folder…"), self)
        self.finetune_button = QPushButton(self.tr("Adapt a model to a glossary…"), self)
        if wizard_class() is None:
            self.finetune_button.setEnabled(False)
            self.finetune_button.setToolTip(
                self.tr("Adapting a model needs PyTorch, which this build does not include.")
            )

        self.glossary_table = QTableWidget(0, 4, self)
        self.glossary_table.setHorizontalHeaderLabels(
            [self.tr("Glossary"), self.tr("Languages"), self.tr("Terms"), self.tr("Domain")]
        )
        self.glossary_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.glossary_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.glossary_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.glossary_table.horizontalHeader().setStretchLastSection(True)
        self.glossary_table.setWordWrap(False)
        self.glossary_table.verticalHeader().hide()
        self.import_glossary_button = QPushButton(self.tr("Import glossary…"), self)
        self.edit_glossary_button = QPushButton(self.tr("Edit…"), self)
        self.edit_glossary_button.setToolTip(
            self.tr("Rename the glossary, change its domain, edit its terms")
        )
        self.delete_glossary_button = QPushButton(self.tr("Delete…"), self)
        self.notice = Notice(self)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<b>Translation models</b>"), self)
        layout.addWidget(title)
        layout.addWidget(self.model_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.activate_button)
        row.addWidget(self.import_model_button)
        row.addStretch(1)
        row.addWidget(self.finetune_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("<b>Glossaries</b> — terms a translation must use"), self))
        layout.addWidget(self.glossary_table, 1)
        grow = QHBoxLayout()
        grow.addWidget(self.import_glossary_button)
        grow.addWidget(self.edit_glossary_button)
        grow.addWidget(self.delete_glossary_button)
        grow.addStretch(1)
        layout.addLayout(grow)
        layout.addWidget(self.notice)

        self.activate_button.clicked.connect(self.activate_selected)
        self.import_model_button.clicked.connect(self.choose_model_folder)
        self.import_glossary_button.clicked.connect(self.choose_glossary)
        self.finetune_button.clicked.connect(self.open_wizard)
        self.edit_glossary_button.clicked.connect(self.edit_glossary)
        self.delete_glossary_button.clicked.connect(self.delete_glossary)
        self.glossary_table.cellDoubleClicked.connect(lambda _row, _col: self.edit_glossary())
        self.model_table.itemSelectionChanged.connect(self._selection_changed)
        self.glossary_table.itemSelectionChanged.connect(self._glossary_selection_changed)
        self._selection_changed()
        self._glossary_selection_changed()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        """Reload models and glossaries (off the GUI thread)."""
        task = self.workers.translation.run_fn(lambda _p, _c: self.engine.list_models(), "list models")
        task.finished.connect(self._show_models)
        task.failed.connect(lambda e: self.notice.show_error(error_text(e)))
        gtask = self.workers.files.run_fn(lambda _p, _c: self.engine.glossaries.list(), "list glossaries")
        gtask.finished.connect(self._show_glossaries)
        gtask.failed.connect(lambda e: log.info("glossaries unavailable: %s", type(e).__name__))

    def _show_models(self, models: list[Any]) -> None:
        self.models = list(models)
        table = self.model_table
        table.setRowCount(len(self.models))
        kinds = {"shipped": self.tr("base"), "imported": self.tr("imported"), "adapted": self.tr("adapted")}
        for row, m in enumerate(self.models):
            status = self.tr("active") if m.active else ""
            if not m.ready:
                status = (status + ", " if status else "") + self.tr("prepared on first use")
            cells = [
                m.name,
                f"{language_name(m.source)} → {language_name(m.target)}",
                kinds.get(m.kind, m.kind),
                human_size(m.size_bytes),
                status,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if m.active:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, col, item)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setSectionResizeMode(table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        self._selection_changed()

    def _show_glossaries(self, glossaries: list[Any]) -> None:
        selected = self.selected_glossary()
        self.glossaries = list(glossaries)
        table = self.glossary_table
        table.setRowCount(len(glossaries))
        for row, g in enumerate(glossaries):
            cells = [
                g.name,
                f"{language_name(g.source_lang)} → {language_name(g.target_lang)}",
                str(g.entry_count),
                g.domain,
            ]
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setSectionResizeMode(table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        names = [g.name for g in self.glossaries]
        if selected is not None and selected.name in names:
            table.selectRow(names.index(selected.name))
        self._glossary_selection_changed()

    def _selection_changed(self) -> None:
        rows = self.model_table.selectionModel().selectedRows()
        ok = bool(rows) and rows[0].row() < len(self.models) and not self.models[rows[0].row()].active
        self.activate_button.setEnabled(ok)

    def activate_selected(self) -> None:
        """Make the selected model the one used for its language pair."""
        rows = self.model_table.selectionModel().selectedRows()
        if not rows:
            return
        name = self.models[rows[0].row()].name
        task = self.workers.translation.run_fn(
            lambda _p, _c: self.engine.translation.activate_model(name), "activate model"
        )
        task.finished.connect(self._models_changed)
        task.failed.connect(lambda e: self.notice.show_error(error_text(e)))

    # -- imports ----------------------------------------------------------------------------------------
    def choose_model_folder(self) -> None:
        """Ask for a Firefox Translations model folder and import it."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a model folder"), str(Path.home()))
        if folder:
            self.import_model(Path(folder))

    def import_model(self, folder: Path) -> None:
        """Import (convert) a model folder with a progress dialog."""
        dialog = QProgressDialog(self.tr("Importing the model…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        task = self.workers.translation.run_fn(
            lambda p, c: self.engine.import_model(folder, on_progress=p, cancel=c), "import model"
        )
        self._import = task
        dialog.canceled.connect(task.cancel)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done)

        def end() -> None:
            dialog.reset()
            dialog.deleteLater()
            self._import = None

        def imported(model: Any) -> None:
            end()
            self.notice.show_info(self.tr("Imported {0}.").format(model.name))
            self._models_changed()

        def failed(exc: BaseException) -> None:
            end()
            self.notice.show_error(error_text(exc))

        def cancelled() -> None:
            end()
            self.notice.show_info(self.tr("Import cancelled."))

        task.progress.connect(progress)
        task.finished.connect(imported)
        task.failed.connect(failed)
        task.cancelled.connect(cancelled)

    def choose_glossary(self) -> None:
        """Ask for a glossary file (CSV, TSV, TBX) and import it."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a glossary"),
            self.settings.last_folder,
            self.tr("Glossaries (*.csv *.tsv *.txt *.tbx);;All files (*)"),
        )
        if not name:
            return
        dialog = GlossaryImportDialog(Path(name), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        src, tgt = dialog.direction.currentData()
        self.import_glossary(Path(name), dialog.name_edit.text().strip(), src, tgt, dialog.domain_edit.text())

    def import_glossary(self, path: Path, name: str, source: str, target: str, domain: str = "") -> None:
        """Validate and store a glossary (off the GUI thread)."""
        engine = self.engine

        def work(_p: Any, _c: Any) -> Any:
            return engine.glossaries.import_file(path, name, source, target, domain=domain)

        task = self.workers.files.run_fn(work, "import glossary", essential=True)
        task.finished.connect(self._glossary_imported)
        task.failed.connect(self._glossary_failed)

    def _glossary_imported(self, result: Any) -> None:
        info, report = result
        warnings = len(getattr(report, "warnings", ()))
        text = self.tr("Imported glossary '{0}' with {1} terms.").format(info.name, info.entry_count)
        if warnings:
            text += " " + self.tr("{0} rows were left out (see the report).").format(warnings)
            self.notice.setToolTip(report.summary())
        self.notice.show_info(text)
        self.refresh()
        emit(self.glossaries_changed)

    def _glossary_failed(self, exc: BaseException) -> None:
        report = getattr(exc, "report", None)
        self.notice.show_error(error_text(exc))
        if report is not None:
            self.notice.setToolTip(report.summary())

    # -- editing and deleting glossaries ------------------------------------------------------------------
    def selected_glossary(self) -> Any:
        """The selected glossary (``GlossaryInfo``), or ``None``."""
        rows = self.glossary_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.glossaries):
            return None
        return self.glossaries[rows[0].row()]

    def _glossary_selection_changed(self) -> None:
        selected = self.selected_glossary() is not None
        self.edit_glossary_button.setEnabled(selected)
        self.delete_glossary_button.setEnabled(selected)

    def edit_glossary(self) -> None:
        """Open the editor on the selected glossary."""
        info = self.selected_glossary()
        if info is None or self.editor is not None:
            return
        from desktop.glossary_editor import GlossaryEditor

        editor = GlossaryEditor(self.engine, self.workers, info, self)
        editor.finished.connect(self._editor_closed)
        self.editor = editor
        editor.open()

    def _editor_closed(self) -> None:
        editor, self.editor = self.editor, None
        if editor is None:
            return
        if editor.saving:  # a change made just before closing (the name field left by clicking Close)
            editor.settled.connect(lambda: self._editor_done(editor))
        else:
            self._editor_done(editor)

    def _editor_done(self, editor: Any) -> None:
        if editor.modified:
            self.refresh()
            emit(self.glossaries_changed)
        editor.deleteLater()

    def delete_glossary(self) -> None:
        """Delete the selected glossary, after asking."""
        info = self.selected_glossary()
        if info is None:
            return
        if info.entry_count == 1:
            question = self.tr("Delete the glossary '{0}' and its only term?").format(info.name)
        else:
            question = self.tr("Delete the glossary '{0}' and its {1} terms?").format(
                info.name, info.entry_count
            )
        question += "\n\n" + self.tr("This cannot be undone. Models already adapted to it stay installed.")
        answer = QMessageBox.question(
            self,
            self.tr("Delete glossary"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        name, glossaries = info.name, self.engine.glossaries
        task = self.workers.files.run_fn(
            lambda _p, _c: glossaries.delete(name), "delete glossary", essential=True
        )
        task.finished.connect(lambda _r: self._glossary_deleted(name))
        task.failed.connect(lambda e: self.notice.show_error(error_text(e)))

    def _glossary_deleted(self, name: str) -> None:
        self.notice.setToolTip("")
        self.notice.show_info(self.tr("Deleted the glossary '{0}'.").format(name))
        self.refresh()
        emit(self.glossaries_changed)

    def _models_changed(self, *_args: Any) -> None:
        self.refresh()
        emit(self.models_changed)

    def open_wizard(self) -> None:
        """Open the fine-tuning wizard."""
        cls = wizard_class()
        if cls is None:
            return
        wizard = cls(self.engine, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(self._models_changed)
        wizard.open()
