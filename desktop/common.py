"""Small pieces shared by the pages: resource paths, language names, error messages, status widgets."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar, QWidget

from engine.errors import PalavraError
from engine.resources import resources_dir as resources_dir  # re-exported: the GUI's resources

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """The application icon."""
    return QIcon(str(resources_dir() / "icons" / "palavra.svg"))


def language_name(code: str) -> str:
    """The language's name in the interface's language."""
    names = {
        "en": QCoreApplication.translate("Languages", "English"),
        "pt": QCoreApplication.translate("Languages", "Portuguese"),
        "pt-BR": QCoreApplication.translate("Languages", "Portuguese (Brazil)"),
        "pt-PT": QCoreApplication.translate("Languages", "Portuguese (Portugal)"),
        "auto": QCoreApplication.translate("Languages", "Detect language"),
    }
    return names.get(code, code)


def offer_glossaries(combo: QComboBox, switch: QCheckBox, names: list[str], wanted: str) -> None:
    """Fill a page's glossary choice with ``names`` (the ones that fit its language pair), select ``wanted`` when it
    is there, hide both widgets when there is none, and turn the switch on only for a wanted glossary on offer
    (without emitting the widgets' change signals)."""
    combo.blockSignals(True)
    combo.clear()
    for name in names:
        combo.addItem(name, name)
    chosen = combo.findData(wanted)
    if chosen >= 0:
        combo.setCurrentIndex(chosen)
    combo.blockSignals(False)
    switch.setVisible(bool(names))
    combo.setVisible(bool(names))
    switch.blockSignals(True)
    switch.setChecked(bool(names) and bool(wanted) and chosen >= 0)
    switch.blockSignals(False)


def error_text(exc: BaseException) -> str:
    """What to tell the person about ``exc``."""
    if isinstance(exc, PalavraError):
        return exc.user_message
    if isinstance(exc, ImportError):
        return QCoreApplication.translate(
            "Errors", "This part of Palavra is not installed yet ({0})."
        ).format(exc.name or "module")
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate(
            "Errors", "Not enough memory to finish. Close other programs and retry."
        )
    return QCoreApplication.translate(
        "Errors", "Something went wrong ({0}). The details are in the log."
    ).format(type(exc).__name__)


def unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` means the capability is missing (not installed, no model) rather than a bad input."""
    from engine.errors import ModelError

    return isinstance(exc, ImportError | ModelError | NotImplementedError)


class LanguageCombo(QComboBox):
    """A language picker holding codes as item data."""

    def __init__(self, codes: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in codes:
            self.addItem(language_name(code), code)

    def code(self) -> str:
        """The selected language code."""
        return str(self.currentData())

    def set_code(self, code: str) -> None:
        """Select ``code`` (no change if it is not offered)."""
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)


class BusyIndicator(QWidget):
    """A thin indeterminate bar with a word, shown while work is under way."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(80)
        self.bar.setMaximumHeight(8)
        self.bar.setTextVisible(False)
        self.label = QLabel(text, self)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """Show or hide the indicator (its space stays reserved so nothing jumps)."""
        self.bar.setVisible(busy)
        self.label.setVisible(busy)

    @property
    def busy(self) -> bool:
        """Whether it is shown."""
        return not self.bar.isHidden()


class Notice(QLabel):
    """A one-line message under a pane: information or error, selectable, wraps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        """Show an error in red."""
        self.setStyleSheet("color: #b3261e;")
        self.setText(text)
        self.show()

    def show_info(self, text: str) -> None:
        """Show information."""
        self.setStyleSheet("")
        self.setText(text)
        self.show()

    def clear_notice(self) -> None:
        """Hide."""
        self.clear()
        self.hide()
