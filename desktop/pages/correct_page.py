"""Correct page: the learner's text, corrections underlined by category, explanation, accept / ignore."""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.common import BusyIndicator, LanguageCombo, Notice, error_text, unavailable
from desktop.level_history import LevelHistory
from desktop.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine

log = logging.getLogger(__name__)

CHECK_PAUSE_MS = 700
CATEGORY_COLOURS = {
    "spelling": "#d32f2f",
    "grammar": "#1565c0",
    "agreement": "#1565c0",
    "verb form": "#1565c0",
    "word choice": "#6a1b9a",
    "capitalization": "#ef6c00",
    "punctuation": "#ef6c00",
    "typography": "#ef6c00",
    "style": "#2e7d32",
}


def category_name(category: str) -> str:
    """The category's name in the interface language."""
    names = {
        "spelling": QCoreApplication.translate("Categories", "spelling"),
        "grammar": QCoreApplication.translate("Categories", "grammar"),
        "agreement": QCoreApplication.translate("Categories", "agreement"),
        "verb form": QCoreApplication.translate("Categories", "verb form"),
        "word choice": QCoreApplication.translate("Categories", "word choice"),
        "capitalization": QCoreApplication.translate("Categories", "capitalization"),
        "punctuation": QCoreApplication.translate("Categories", "punctuation"),
        "typography": QCoreApplication.translate("Categories", "typography"),
        "style": QCoreApplication.translate("Categories", "style"),
    }
    return names.get(category, category)


def colour(category: str) -> str:
    """Underline colour of a category."""
    return CATEGORY_COLOURS.get(category, "#6a1b9a")


def apply_edit_list(text: str, edits: list[Any]) -> str:
    """Apply non-overlapping edits (offsets into ``text``)."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


class CorrectPage(QWidget):
    """A writing corrector for learners."""

    def __init__(
        self, engine: Engine, workers: Workers, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.settings = settings
        self.edits: list[Any] = []
        self._checked_text = ""
        self._current: Task | None = None
        self._applying = False

        self.language_combo = LanguageCombo(("pt", "en"), self)
        # "Detect" is the default: each paragraph is checked in the language it is written in.
        self.language_combo.insertItem(0, self.tr("Detect automatically"), "auto")
        self.language_combo.setCurrentIndex(0)
        self.language_combo.set_code(settings.correction_language)
        self.detected = QLabel(self)
        self.detected.setAccessibleName(self.tr("Detected language"))
        self.check_button = QPushButton(self.tr("Check"), self)
        self.check_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.check_button.setToolTip("Ctrl+Enter")
        self.busy = BusyIndicator(self.tr("Checking…"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language of the text"), self))
        top.addWidget(self.language_combo)
        top.addWidget(self.detected)
        top.addWidget(self.check_button)
        top.addWidget(self.busy, 1)

        self.editor = QTextEdit(self)
        self.editor.setAcceptRichText(False)
        self.editor.setPlaceholderText(self.tr("Write here; mistakes are underlined as you type."))
        self.editor.setAccessibleName(self.tr("Your text"))
        font = self.editor.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.editor.setFont(font)
        self.editor.viewport().installEventFilter(self)

        self.edit_list = QListWidget(self)
        self.edit_list.setAccessibleName(self.tr("Corrections"))
        self.edit_list.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setMinimumHeight(90)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setFrameShape(QFrame.Shape.StyledPanel)
        self.explanation.setMargin(8)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setToolTip("Ctrl+Shift+A")
        self.accept_button.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.ignore_button = QPushButton(self.tr("Ignore"), self)
        self.ignore_button.setToolTip("Ctrl+Shift+I")
        self.ignore_button.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.summary = QLabel(self)
        self.level = QLabel(self)
        self.level.setWordWrap(True)
        self.level.setAccessibleName(self.tr("Level estimate"))
        self.level_history = LevelHistory(category_name, self)
        self._levels: Any = None  # the writing-level store, opened on the files worker
        self.notice = Notice(self)

        side = QWidget(self)
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.summary)
        sv.addWidget(self.level)
        sv.addWidget(self.level_history)
        sv.addWidget(self.explanation)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.ignore_button)
        row.addStretch(1)
        row.addWidget(self.accept_all_button)
        sv.addLayout(row)
        sv.addWidget(self.edit_list, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.editor)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.notice)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(CHECK_PAUSE_MS)
        self._typing.timeout.connect(self.check)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.check_button.clicked.connect(self.check)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.edit_list.currentRowChanged.connect(self._row_changed)
        self.accept_button.clicked.connect(self.accept_current)
        self.ignore_button.clicked.connect(self.ignore_current)
        self.accept_all_button.clicked.connect(self.accept_all)
        self._refresh()
        self._record_level(None)

    # -- writing level over time ------------------------------------------------------------------------
    def _record_level(self, result: Any) -> None:
        """Store the level of a text just checked (if it has one) and show the history (off the GUI thread)."""

        def work(_p: Any, _c: Any) -> Any:
            if self._levels is None:
                self._levels = self.engine.open_writing_levels()
            language = None
            if result is not None:
                self._levels.record(result)
                language = result.language
            return self._levels.history(language)

        task = self.workers.files.run_fn(work, "writing level", essential=result is not None)
        task.finished.connect(self.level_history.set_history)
        task.failed.connect(lambda e: log.info("no writing history: %s", type(e).__name__))

    # -- checking ---------------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        if self._applying:
            return
        if self.edits:  # offsets no longer match the text: drop the marks until the next check
            self.edits = []
            self._refresh()
        self._typing.start()

    def _language_changed(self) -> None:
        self.settings.correction_language = self.language_combo.code()
        self.check()

    def check(self) -> None:
        """Check the text now (latest request wins)."""
        self._typing.stop()
        text = self.editor.toPlainText()
        language = self.language_combo.code()
        engine = self.engine

        def work(on_progress: Any, cancel: Any) -> Any:
            if not text.strip():
                return None
            return engine.correction.check(text, language, on_progress=on_progress, cancel=cancel)

        task = Task(work, "check")
        task.finished.connect(lambda r, t=task: self._done(t, r))
        task.failed.connect(lambda e, t=task: self._failed(t, e))
        task.cancelled.connect(lambda t=task: self._settle(t))
        self._current = task
        self.busy.set_busy(True)
        self.workers.correction.submit_latest("check", task)

    def _settle(self, task: Task) -> bool:
        if task is not self._current:
            return False
        self._current = None
        self.busy.set_busy(False)
        return True

    def _done(self, task: Task, result: Any) -> None:
        if not self._settle(task):
            return
        self.notice.clear_notice()
        self.check_button.setEnabled(True)
        if result is None:
            self.edits = []
        elif result.text != self.editor.toPlainText():
            return  # the text changed meanwhile; a newer check is on its way
        else:
            self.edits = sorted(result.edits, key=lambda e: e.start)
            if result.text.strip():
                self.settings.last_checked_language = result.language.split("-")[0].lower()
        self._show_detected(result)
        self._show_level(result)
        if result is not None and getattr(result, "level", None) is not None:
            self._record_level(result)
        self._checked_text = self.editor.toPlainText()
        self._refresh()

    def _failed(self, task: Task, exc: BaseException) -> None:
        if not self._settle(task):
            return
        if unavailable(exc):
            self.notice.show_error(self.tr("Checking is not available: {0}").format(error_text(exc)))
        else:
            self.notice.show_error(error_text(exc))

    # -- showing ----------------------------------------------------------------------------------------
    def variant_name(self, variant: str) -> str:
        """A language variant's name in the interface language."""
        names = {
            "en-US": self.tr("English"),
            "en-GB": self.tr("English (UK)"),
            "pt-BR": self.tr("Portuguese (Brazil)"),
            "pt-PT": self.tr("Portuguese (Portugal)"),
        }
        return names.get(variant, variant)

    def _show_detected(self, result: Any) -> None:
        parts = getattr(result, "parts", ()) if result is not None else ()
        if not parts or not any(p.detected for p in parts):
            self.detected.clear()
            return
        names = ", ".join(self.variant_name(language) for language in result.languages)
        self.detected.setText(self.tr("Detected: {0}").format(names))
        self.detected.setToolTip(self.tr("Choose the language in the list if this is wrong."))

    def _show_level(self, result: Any) -> None:
        estimate = getattr(result, "level", None) if result is not None else None
        if estimate is None:
            self.level.clear()
            return
        text = self.tr("Level (estimate): {0} · {1} corrections per 100 words").format(
            estimate.level, f"{estimate.errors_per_100_words:.1f}"
        )
        if estimate.top_categories:
            names = ", ".join(category_name(c) for c in estimate.top_categories)
            text += " · " + self.tr("most frequent: {0}").format(names)
        self.level.setText(text)
        self.level.setToolTip(
            self.tr(
                "From the vocabulary, the length of the sentences and the corrections; a guide, not a test."
            )
        )

    def _refresh(self) -> None:
        self._underline()
        self.edit_list.blockSignals(True)
        self.edit_list.clear()
        for edit in self.edits:
            arrow = f"{edit.original} → {edit.replacement}" if edit.replacement else f"{edit.original} → ∅"
            item = QListWidgetItem(f"{arrow}   · {category_name(edit.category)}")
            item.setForeground(QColor(colour(edit.category)))
            item.setToolTip(self.explanation_of(edit))
            self.edit_list.addItem(item)
        self.edit_list.blockSignals(False)
        if self.edits:
            self.summary.setText(self.tr("{0} corrections").format(len(self.edits)))
            self.edit_list.setCurrentRow(0)
            self._row_changed(0)
        else:
            done = bool(self._checked_text.strip()) and self._checked_text == self.editor.toPlainText()
            self.summary.setText(self.tr("No mistakes found.") if done else "")
            self.explanation.clear()
        has = bool(self.edits)
        self.accept_button.setEnabled(has)
        self.ignore_button.setEnabled(has)
        self.accept_all_button.setEnabled(has)

    def _underline(self) -> None:
        selections = []
        for edit in self.edits:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(edit.start)
            cursor.setPosition(edit.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(colour(edit.category)))
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.editor.setExtraSelections(selections)

    def interface_language(self) -> str:
        """``"pt"`` or ``"en"``: the language the interface is shown in (``system`` follows the locale)."""
        choice = self.settings.ui_language
        code = QLocale.system().name().split("_")[0] if choice == "system" else choice
        return "pt" if code == "pt" else "en"

    def explanation_of(self, edit: Any) -> str:
        """The edit's explanation in the interface language."""
        explain_in = getattr(edit, "explanation_in", None)
        return str(explain_in(self.interface_language())) if explain_in is not None else str(edit.explanation)

    def _describe(self, edit: Any) -> str:
        others = [s for s in edit.suggestions if s != edit.replacement][:3]
        more = ""
        if others:
            more = "<br>" + self.tr("Other suggestions: {0}").format(
                ", ".join(html.escape(s) for s in others)
            )
        explanation = self.explanation_of(edit)
        for shown in (f"'{edit.original}' -> '{edit.replacement}': ", f"'{edit.original}': "):
            if explanation.startswith(shown):  # the heading already shows the change
                explanation = explanation[len(shown) :]
                explanation = explanation[:1].upper() + explanation[1:]
                break
        lead = edit.category.capitalize() + ":"
        if explanation.startswith(lead):  # the heading already names the category
            explanation = explanation[len(lead) :].strip()
            explanation = explanation[:1].upper() + explanation[1:]
        return (
            f"<b style='color:{colour(edit.category)}'>{html.escape(category_name(edit.category).capitalize())}</b>: "
            f"<s>{html.escape(edit.original)}</s> → <b>{html.escape(edit.replacement)}</b><br>"
            f"{html.escape(explanation)}{more}"
        )

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.edits):
            self.explanation.setText(self._describe(self.edits[row]))
        else:
            self.explanation.clear()

    def edit_at(self, position: int) -> int:
        """Index of the edit covering ``position`` in the text, or -1."""
        for i, edit in enumerate(self.edits):
            if edit.start <= position <= edit.end:
                return i
        return -1

    def _cursor_moved(self) -> None:
        index = self.edit_at(self.editor.textCursor().position())
        if index >= 0:
            self.edit_list.setCurrentRow(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            position = self.editor.cursorForPosition(event.pos()).position()
            index = self.edit_at(position)
            if index >= 0:
                QToolTip.showText(event.globalPos(), self._describe(self.edits[index]), self.editor)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    # -- accepting --------------------------------------------------------------------------------------
    def _set_text_keeping_edits(self, text: str) -> None:
        self._applying = True
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()  # one undo step
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self._applying = False
        self._checked_text = text

    def accept_current(self) -> None:
        """Apply the selected correction."""
        row = self.edit_list.currentRow()
        if not 0 <= row < len(self.edits):
            return
        edit = self.edits.pop(row)
        text = self.editor.toPlainText()
        new = text[: edit.start] + edit.replacement + text[edit.end :]
        delta = len(edit.replacement) - (edit.end - edit.start)
        from dataclasses import replace

        self.edits = [
            replace(e, start=e.start + delta, end=e.end + delta) if e.start >= edit.end else e
            for e in self.edits
            if e.end <= edit.start or e.start >= edit.end
        ]
        self._set_text_keeping_edits(new)
        self._refresh()
        if self.edits:
            self.edit_list.setCurrentRow(min(row, len(self.edits) - 1))

    def ignore_current(self) -> None:
        """Drop the selected correction."""
        row = self.edit_list.currentRow()
        if 0 <= row < len(self.edits):
            self.edits.pop(row)
            self._refresh()
            if self.edits:
                self.edit_list.setCurrentRow(min(row, len(self.edits) - 1))

    def accept_all(self) -> None:
        """Apply every remaining correction."""
        if not self.edits:
            return
        new = apply_edit_list(self.editor.toPlainText(), self.edits)
        self.edits = []
        self._set_text_keeping_edits(new)
        self._refresh()
