"""The main window: a sidebar of pages, shortcuts, first-run preparation, clean shutdown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QWidget,
)

from desktop.common import app_icon, error_text
from desktop.pages.translate_page import TranslatePage
from desktop.qtcompat import emit
from desktop.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine

log = logging.getLogger(__name__)

#: Wait after start before building the other pages in the background (ms).
PREBUILD_DELAY_MS = 400


class MainWindow(QMainWindow):
    """Palavra's window. The engine and the settings are injected (see :mod:`desktop.app`)."""

    ready = Signal()  # first-run preparation is over (or was not needed)

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        history_factory: Callable[[], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.settings = settings
        self.workers = Workers(self)
        self._closing = False
        self._may_close = False
        self._prepare: Task | None = None
        self.setWindowTitle("Palavra")
        self.setWindowIcon(app_icon())

        self.translate_page = TranslatePage(engine, self.workers, settings, history_factory, self)
        # The other pages are built the first time they are shown (their modules are imported then too),
        # so the window appears sooner.
        self._pages: dict[int, QWidget] = {0: self.translate_page}
        self._titles = [
            self.tr("Translate"),
            self.tr("Documents"),
            self.tr("Correct"),
            self.tr("Practise"),
            self.tr("Glossaries & models"),
            self.tr("Settings"),
            self.tr("Other apps"),
        ]

        self.sidebar = QListWidget(self)
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.sidebar.setFixedWidth(190)
        self.sidebar.setIconSize(QSize(20, 20))
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.sidebar.setFont(font)
        self.sidebar.setStyleSheet("QListWidget { border: none; } QListWidget::item { padding: 9px 10px; }")
        self.stack = QStackedWidget(self)
        for i, title in enumerate(self._titles):
            item = QListWidgetItem(title)
            item.setToolTip(f"{title} (Ctrl+{i + 1})")
            self.sidebar.addItem(item)
            self.stack.addWidget(self.translate_page if i == 0 else QWidget(self))
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            shortcut.activated.connect(lambda i=i: self.show_page(i))
        self.sidebar.currentRowChanged.connect(self._page_changed)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        clip = QShortcut(QKeySequence("Ctrl+Shift+T"), self)
        clip.setContext(Qt.ShortcutContext.ApplicationShortcut)
        clip.activated.connect(self.translate_clipboard)
        quit_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self)
        quit_shortcut.activated.connect(self.close)

        self.resize(1100, 720)
        geometry = settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.show_page(0)

    # -- pages ------------------------------------------------------------------------------------------
    def _prebuild_next(self) -> None:
        """Build the next page not built yet, one per turn of the event loop, while the user reads."""
        missing = [i for i in range(len(self._titles)) if i not in self._pages]
        if missing and not self._closing:
            self.page(missing[0])
            QTimer.singleShot(PREBUILD_DELAY_MS // 4, self._prebuild_next)

    def page(self, index: int) -> QWidget:
        """Page ``index``, built on first use."""
        if index not in self._pages:
            page = self._build_page(index)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._pages[index] = page
        return self._pages[index]

    def _build_page(self, index: int) -> QWidget:
        args = (self.engine, self.workers, self.settings, self)
        if index == 1:
            from desktop.pages.documents_page import DocumentsPage

            return DocumentsPage(*args)
        if index == 2:
            from desktop.pages.correct_page import CorrectPage

            return CorrectPage(*args)
        if index == 3:
            from desktop.pages.practise_page import PractisePage

            return PractisePage(*args)
        if index == 4:
            from desktop.pages.models_page import ModelsPage

            models = ModelsPage(*args)
            models.glossaries_changed.connect(self.translate_page.refresh_glossaries)
            return models
        if index == 6:
            from desktop.pages.apps_page import AppsPage

            return AppsPage(*args)
        from desktop.pages.settings_page import SettingsPage

        return SettingsPage(*args)

    @property
    def documents_page(self) -> Any:
        """The Documents page."""
        return self.page(1)

    @property
    def correct_page(self) -> Any:
        """The Correct page."""
        return self.page(2)

    @property
    def practise_page(self) -> Any:
        """The Practise page."""
        return self.page(3)

    @property
    def models_page(self) -> Any:
        """The Glossaries & models page."""
        return self.page(4)

    @property
    def settings_page(self) -> Any:
        """The Settings page."""
        return self.page(5)

    @property
    def apps_page(self) -> Any:
        """The Other apps page (the local translation server)."""
        return self.page(6)

    def show_page(self, index: int) -> None:
        """Switch to page ``index``."""
        self.sidebar.setCurrentRow(index)

    def _page_changed(self, index: int) -> None:
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        if index == 0:
            self.translate_page.source_edit.setFocus()
        elif index == 2:
            self.correct_page.editor.setFocus()
        del page

    def translate_clipboard(self) -> None:
        """Ctrl+Shift+T: translate what is on the clipboard."""
        self.show_page(0)
        self.translate_page.translate_clipboard()

    # -- first run --------------------------------------------------------------------------------------
    def start(self) -> None:
        """Called once the window is shown: load the history, convert the shipped models if needed."""
        self.translate_page.load()
        QTimer.singleShot(PREBUILD_DELAY_MS, self._prebuild_next)

        def work(progress: Callable[[int, int], None], cancel: Any) -> bool:
            if not self.engine.needs_preparation():
                return False
            progress(0, 0)
            self.engine.prepare_models(on_progress=progress, cancel=cancel)
            return True

        task = self.workers.translation.run_fn(work, "prepare models")
        self._prepare = task
        self._dialog: QProgressDialog | None = None
        task.progress.connect(self._prepare_progress)
        task.finished.connect(self._prepared)
        task.failed.connect(self._prepare_failed)
        task.cancelled.connect(self._prepare_cancelled)

    def _prepare_progress(self, done: int, total: int) -> None:
        if self._dialog is None:
            dialog = QProgressDialog(
                self.tr("Preparing the translation models for first use. This happens once."),
                self.tr("Later"),
                0,
                0,
                self,
            )
            dialog.setWindowTitle(self.tr("Welcome to Palavra"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            if self._prepare is not None:
                dialog.canceled.connect(self._prepare.cancel)
            self._dialog = dialog
            dialog.show()
        self._dialog.setMaximum(max(0, total))
        self._dialog.setValue(done)

    def _close_dialog(self) -> None:
        self._prepare = None
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None

    def _prepared(self, converted: bool) -> None:
        self._close_dialog()
        if converted:
            self.statusBar().showMessage(self.tr("Models ready."), 5000)
        self.show_page(0)
        emit(self.ready)

    def _prepare_failed(self, exc: BaseException) -> None:
        self._close_dialog()
        self.statusBar().showMessage(error_text(exc))
        QMessageBox.warning(self, self.tr("Palavra"), error_text(exc))
        emit(self.ready)

    def _prepare_cancelled(self) -> None:
        self._close_dialog()
        self.statusBar().showMessage(self.tr("Models will be prepared when first used."), 8000)
        emit(self.ready)

    # -- closing ----------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
            return
        event.ignore()
        if self._closing:
            return
        self._closing = True
        self.settings.window_geometry = self.saveGeometry()
        self.settings.last_page = self.sidebar.currentRow()
        self.settings.sync()
        if 1 in self._pages and self.documents_page.running:
            self.statusBar().showMessage(self.tr("Cancelling the document translation…"))
        if 6 in self._pages and self.apps_page.running:
            self.statusBar().showMessage(self.tr("Stopping the translation server…"))
        self.workers.all_stopped.connect(self._workers_stopped)
        self.workers.shutdown()  # cancels running work; never blocks: we close when the threads have ended
        if self._may_close:  # nothing was running: every thread had already ended
            event.accept()

    def _workers_stopped(self) -> None:
        if self._may_close:
            return
        if 6 in self._pages and self.apps_page.running:  # close once the server has drained (<= 5 s)
            self.apps_page.stopped.connect(self._workers_stopped)
            self.apps_page.stop()
            return
        self._may_close = True
        if not self.isHidden():
            QTimer.singleShot(0, self.close)
