"""Settings page: interface language, device, threads, data folder, privacy."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.workers import Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine

log = logging.getLogger(__name__)


class SettingsPage(QWidget):
    """Preferences; those the engine reads at start take effect at the next start."""

    def __init__(
        self, engine: Engine, workers: Workers, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.settings = settings
        self._probed = False

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Same as the system"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Português", "pt")
        self.device = QComboBox(self)
        self.device.addItem(self.tr("Automatic"), "auto")
        self.device.addItem(self.tr("Processor (CPU)"), "cpu")
        self.device.addItem(self.tr("Graphics card (CUDA)"), "cuda")
        self.threads = QSpinBox(self)
        self.threads.setRange(0, 64)
        self.threads.setSpecialValueText(self.tr("Automatic"))
        self.data_folder = QLineEdit(self)
        self.data_folder.setReadOnly(True)
        self.open_folder = QPushButton(self.tr("Open"), self)
        self.change_folder = QPushButton(self.tr("Change…"), self)
        self.restart_note = QLabel(self)
        self.restart_note.setWordWrap(True)

        general = QGroupBox(self.tr("General"), self)
        form = QFormLayout(general)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Run models on"), self.device)
        form.addRow(self.tr("Threads"), self.threads)
        folder = QHBoxLayout()
        folder.addWidget(self.data_folder, 1)
        folder.addWidget(self.open_folder)
        folder.addWidget(self.change_folder)
        form.addRow(self.tr("Data folder"), folder)
        form.addRow(self.restart_note)

        privacy = QGroupBox(self.tr("Privacy"), self)
        pv = QVBoxLayout(privacy)
        statement = QLabel(
            self.tr(
                "Palavra works entirely on this computer. Your texts, documents, recordings, glossaries "
                "and history never leave it: there is no account, no cloud service, no telemetry, and "
                "Palavra makes no network connection. Everything it keeps is in the data folder above; "
                "delete that folder to remove it all."
            ),
            privacy,
        )
        statement.setWordWrap(True)
        pv.addWidget(statement)

        from engine import __version__

        about = QLabel(
            self.tr("Palavra {0} — offline translation and language practice.").format(__version__)
        )
        about.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(privacy)
        layout.addStretch(1)
        layout.addWidget(about)

        self._load()
        self.language.currentIndexChanged.connect(self._save)
        self.device.currentIndexChanged.connect(self._save)
        self.threads.valueChanged.connect(self._save)
        self.open_folder.clicked.connect(self._open_folder)
        self.change_folder.clicked.connect(self._change_folder)

    def _load(self) -> None:
        s = self.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.ui_language)))
        self.device.setCurrentIndex(max(0, self.device.findData(s.device)))
        self.threads.setValue(s.threads)
        self.data_folder.setText(s.data_folder or str(self.engine.data_dir()))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._probed:
            self._probed = True
            task = self.workers.files.run_fn(lambda _p, _c: self.engine.cuda_available(), "probe GPU")
            task.finished.connect(self._gpu_probed)

    def _gpu_probed(self, available: bool) -> None:
        item = self.device.model().item(2)  # type: ignore[attr-defined]
        if not available and item is not None:
            item.setEnabled(False)
            item.setToolTip(self.tr("No CUDA graphics card was found."))

    def _save(self) -> None:
        s = self.settings
        s.ui_language = self.language.currentData()
        s.device = self.device.currentData()
        s.threads = self.threads.value()
        s.sync()
        self.restart_note.setText(self.tr("Restart Palavra to apply these changes."))

    def _open_folder(self) -> None:
        path = Path(self.data_folder.text())
        path.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _change_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the data folder"), self.data_folder.text()
        )
        if folder and os.access(folder, os.W_OK):
            self.settings.data_folder = folder
            self.settings.sync()
            self.data_folder.setText(folder)
            self.restart_note.setText(self.tr("Restart Palavra to apply these changes."))
        elif folder:
            self.restart_note.setText(self.tr("That folder cannot be written; choose another."))
