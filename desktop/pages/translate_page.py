"""Translate page: translation as you type, detected language, swap, copy, clipboard, history, glossary."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common import BusyIndicator, LanguageCombo, Notice, error_text, language_name, offer_glossaries
from desktop.pages.word_marker import WordMarker
from desktop.qtcompat import emit
from desktop.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine
    from engine.api import History as HistoryStore

log = logging.getLogger(__name__)

#: Pause in typing before a request is sent (ms): with a sentence translated in 5-20 ms, the translation is on
#: screen about 120 ms after the last key (benchmarks/typing_latency.py); the latest request replaces a waiting one.
TYPING_PAUSE_MS = 100
#: Pause after a translation before it is saved in the history (ms).
HISTORY_PAUSE_MS = 2000
MAX_CHARS = 20_000
#: A text saved again within this time, extending or shortening the last one, replaces it in the history (s).
EDIT_WINDOW_S = 120.0


@dataclass(frozen=True)
class TranslateResult:
    """What one as-you-type request produced."""

    source_text: str
    source: str
    target: str
    text: str
    model: str
    detected: Any  # LanguageGuess | None


def other(code: str) -> str:
    """The other language of the pair."""
    return "en" if code == "pt" else "pt"


class TranslatePage(QWidget):
    """Type on the left, read the translation on the right."""

    translated = Signal(str)

    def __init__(
        self,
        engine: Engine,
        workers: Workers,
        settings: Settings,
        history: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.settings = settings
        self._history_factory = history
        self._history: HistoryStore | None = None
        self._current: Task | None = None
        self._last: TranslateResult | None = None
        self._saved: Any = None  # the entry saved last in this session
        self._glossaries_loaded = False

        self.source_combo = LanguageCombo(("auto", "en", "pt"), self)
        self.source_combo.setAccessibleName(self.tr("Source language"))
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip(self.tr("Swap languages (Ctrl+Shift+S)"))
        self.swap_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.target_combo = LanguageCombo(("en", "pt"), self)
        self.target_combo.setAccessibleName(self.tr("Target language"))
        self.detected_label = QLabel(self)
        self.detected_label.setObjectName("detected")
        self.glossary_check = QCheckBox(self.tr("Use glossary"), self)
        self.glossary_combo = QComboBox(self)
        self.glossary_check.hide()
        self.glossary_combo.hide()

        top = QHBoxLayout()
        top.addWidget(self.source_combo)
        top.addWidget(self.swap_button)
        top.addWidget(self.target_combo)
        top.addSpacing(12)
        top.addWidget(self.detected_label)
        top.addStretch(1)
        top.addWidget(self.glossary_check)
        top.addWidget(self.glossary_combo)

        self.source_edit = QPlainTextEdit(self)
        self.source_edit.setPlaceholderText(self.tr("Type or paste text to translate"))
        self.source_edit.setAccessibleName(self.tr("Text to translate"))
        self.target_edit = QPlainTextEdit(self)
        self.target_edit.setReadOnly(True)
        self.target_edit.setPlaceholderText(self.tr("Translation"))
        self.target_edit.setAccessibleName(self.tr("Translation"))
        for edit in (self.source_edit, self.target_edit):
            font = edit.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            edit.setFont(font)

        self.clipboard_button = QPushButton(self.tr("Translate clipboard"), self)
        self.clipboard_button.setToolTip("Ctrl+Shift+T")
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setToolTip("Ctrl+Shift+X")
        self.clear_button.setShortcut(QKeySequence("Ctrl+Shift+X"))
        self.count_label = QLabel(self)
        self.busy = BusyIndicator(self.tr("Translating…"), self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip("Ctrl+Shift+C")
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.notice = Notice(self)
        self.words = WordMarker(
            engine,
            workers,
            settings,
            self.source_edit,
            self.target_edit,
            self.pane_languages,
            self.notice,
            self,
        )

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.source_edit)
        lrow = QHBoxLayout()
        lrow.addWidget(self.clipboard_button)
        lrow.addWidget(self.clear_button)
        lrow.addStretch(1)
        lrow.addWidget(self.count_label)
        lv.addLayout(lrow)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.target_edit)
        rrow = QHBoxLayout()
        rrow.addWidget(self.busy, 1)
        rrow.addWidget(self.words.button)
        rrow.addWidget(self.copy_button)
        rv.addLayout(rrow)
        panes = QSplitter(Qt.Orientation.Horizontal, self)
        panes.addWidget(left)
        panes.addWidget(right)
        panes.setSizes([1000, 1000])  # two equal panes whatever the buttons' widths

        self.history_list = QListWidget(self)
        self.history_list.setAccessibleName(self.tr("Recent translations"))
        self.history_list.setMaximumHeight(150)
        self.clear_history_button = QPushButton(self.tr("Clear history"), self)
        hrow = QHBoxLayout()
        hrow.addWidget(QLabel(self.tr("Recent translations"), self))
        hrow.addStretch(1)
        hrow.addWidget(self.clear_history_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(panes, 1)
        layout.addWidget(self.notice)
        layout.addLayout(hrow)
        layout.addWidget(self.history_list)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.request_translation)
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(HISTORY_PAUSE_MS)
        self._history_timer.timeout.connect(self._save_history)

        self.source_combo.set_code(settings.source_language)
        self.target_combo.set_code(settings.target_language)
        self.source_edit.textChanged.connect(self._text_changed)
        self.source_combo.currentIndexChanged.connect(self._languages_changed)
        self.target_combo.currentIndexChanged.connect(self._languages_changed)
        self.swap_button.clicked.connect(self.swap)
        self.clear_button.clicked.connect(self.clear)
        self.copy_button.clicked.connect(self.copy)
        self.clipboard_button.clicked.connect(self.translate_clipboard)
        self.glossary_check.toggled.connect(self._glossary_changed)
        self.glossary_combo.currentIndexChanged.connect(self._glossary_changed)
        self.history_list.itemActivated.connect(self._restore)
        self.history_list.itemClicked.connect(self._restore)
        self.clear_history_button.clicked.connect(self._clear_history)
        self._update_count()

    # -- public -----------------------------------------------------------------------------------------
    def load(self) -> None:
        """Fill the history and the glossary list (off the GUI thread); called once the window is up."""
        task = self.workers.files.run_fn(lambda _p, _c: self._store().recent(50), "history")
        task.finished.connect(self._show_history)
        task.failed.connect(lambda e: self.notice.show_error(error_text(e)))
        self.refresh_glossaries()

    def refresh_glossaries(self) -> None:
        """Reload the names of stored glossaries."""

        def names(_p: Any, _c: Any) -> list[tuple[str, str, str]]:
            return [(g.name, g.source_lang, g.target_lang) for g in self.engine.glossaries.list()]

        task = self.workers.files.run_fn(names, "glossaries")
        task.finished.connect(self._show_glossaries)
        task.failed.connect(lambda e: log.info("no glossaries: %s", type(e).__name__))

    def translate_clipboard(self) -> None:
        """Put the clipboard's text in the source pane and translate it now."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.notice.show_info(self.tr("The clipboard holds no text."))
            return
        self.source_edit.setPlainText(text)
        self.request_translation()

    def swap(self) -> None:
        """Swap source and target (the translation becomes the text to translate)."""
        source = self.source_combo.code()
        if source == "auto":
            source = self._last.source if self._last else other(self.target_combo.code())
        target = self.target_combo.code()
        translation = self.target_edit.toPlainText()
        for combo in (self.source_combo, self.target_combo):
            combo.blockSignals(True)
        self.source_combo.set_code(target)
        self.target_combo.set_code(source)
        for combo in (self.source_combo, self.target_combo):
            combo.blockSignals(False)
        self._save_languages()
        if translation:
            self.source_edit.setPlainText(translation)
        self.request_translation()

    def clear(self) -> None:
        """Empty both panes."""
        self.source_edit.clear()
        self.target_edit.clear()
        self.detected_label.clear()
        self.notice.clear_notice()
        self.source_edit.setFocus()

    def pane_languages(self) -> tuple[str, str]:
        """(source, target) languages of the text in the panes (source ``auto``: not detected yet)."""
        last = self._last
        if last is not None and last.source_text == self.source_edit.toPlainText():
            return last.source, last.target
        return self.source_combo.code(), self.target_combo.code()

    def copy(self) -> None:
        """Copy the translation to the clipboard."""
        text = self.target_edit.toPlainText()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.notice.show_info(self.tr("Translation copied."))

    # -- requests ---------------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._update_count()
        self._typing.start()

    def _languages_changed(self) -> None:
        self._save_languages()
        self.refresh_glossary_visibility()
        self.request_translation()

    def _glossary_changed(self) -> None:
        self.settings.glossary = self._glossary() or ""
        self.request_translation()

    def _save_languages(self) -> None:
        self.settings.source_language = self.source_combo.code()
        self.settings.target_language = self.target_combo.code()

    def _glossary(self) -> str | None:
        if not self.glossary_check.isHidden() and self.glossary_check.isChecked():
            name = self.glossary_combo.currentData()
            return str(name) if name else None
        return None

    def request_translation(self) -> None:
        """Send the current text to the translation worker; a newer request replaces an older one."""
        self._typing.stop()
        text = self.source_edit.toPlainText()
        if len(text) > MAX_CHARS:
            self.notice.show_error(
                self.tr("This text is too long to translate as you type; use the Documents page.")
            )
            return
        source = self.source_combo.code()
        target = self.target_combo.code()
        glossary = self._glossary()
        engine = self.engine

        def work(_progress: Any, cancel: Any) -> TranslateResult | None:
            if not text.strip():
                return None
            guess = engine.detect_language(text) if source == "auto" else None
            src = guess.language if guess is not None else source
            tgt = target if target != src else other(src)
            result = engine.translate([text], src, tgt, glossary=glossary, cancel=cancel)[0]
            return TranslateResult(text, src, tgt, result.text, result.model, guess)

        task = Task(work, "translate as you type")
        task.finished.connect(lambda r, t=task: self._done(t, r))
        task.failed.connect(lambda e, t=task: self._failed(t, e))
        task.cancelled.connect(lambda t=task: self._settled(t))
        self._current = task
        self.busy.set_busy(True)
        self.workers.translation.submit_latest("translate", task)

    def _settled(self, task: Task) -> bool:
        if task is not self._current:
            return False
        self._current = None
        self.busy.set_busy(False)
        return True

    def _done(self, task: Task, result: TranslateResult | None) -> None:
        if not self._settled(task):
            return
        self.notice.clear_notice()
        if result is None:
            self.target_edit.clear()
            self.detected_label.clear()
            return
        self._last = result
        self.target_edit.setPlainText(result.text)
        guess = result.detected
        if guess is not None:
            name = language_name(guess.variant or guess.language)
            self.detected_label.setText(self.tr("Detected: {0}").format(name))
            self.detected_label.setToolTip(self.tr("Confidence {0:.0%}").format(guess.confidence))
        else:
            self.detected_label.clear()
        if result.target != self.target_combo.code():
            self.target_combo.blockSignals(True)
            self.target_combo.set_code(result.target)
            self.target_combo.blockSignals(False)
        self._history_timer.start()
        emit(self.translated, result.text)

    def _failed(self, task: Task, exc: BaseException) -> None:
        if self._settled(task):
            self.notice.show_error(error_text(exc))

    # -- history ----------------------------------------------------------------------------------------
    def _store(self) -> HistoryStore:
        if self._history is None:
            self._history = self._history_factory()
        return self._history

    def _save_history(self) -> None:
        last = self._last
        if last is None or last.source_text != self.source_edit.toPlainText():
            return

        previous = self._saved
        # Still writing the same text (it grew or shrank since the last save): replace that entry.
        replaces = (
            previous is not None
            and time.time() - previous.created < EDIT_WINDOW_S
            and (
                last.source_text.startswith(previous.source_text)
                or previous.source_text.startswith(last.source_text)
            )
        )

        def save(_p: Any, _c: Any) -> Any:
            store = self._store()
            if replaces and previous is not None:
                store.delete(previous.id)
            return store.add(last.source, last.target, last.source_text, last.text, last.model)

        if replaces and previous is not None:
            for row in range(self.history_list.count()):
                if self.history_list.item(row).data(Qt.ItemDataRole.UserRole).id == previous.id:
                    self.history_list.takeItem(row)
                    break
        task = self.workers.files.run_fn(save, "save history", essential=True)
        task.finished.connect(self._prepend_history)
        task.failed.connect(lambda e: self.notice.show_error(error_text(e)))

    def _show_history(self, entries: list[Any]) -> None:
        self.history_list.clear()
        for entry in entries:
            self.history_list.addItem(self._history_item(entry))

    def _prepend_history(self, entry: Any) -> None:
        self._saved = entry
        top = self.history_list.item(0)
        if top is not None and top.data(Qt.ItemDataRole.UserRole).id == entry.id:
            return
        self.history_list.insertItem(0, self._history_item(entry))

    def _history_item(self, entry: Any) -> QListWidgetItem:
        line = " ".join(entry.source_text.split())
        short = line if len(line) <= 60 else line[:57] + "…"
        trans = " ".join(entry.text.split())
        trans = trans if len(trans) <= 60 else trans[:57] + "…"
        item = QListWidgetItem(f"{entry.source} → {entry.target}   {short}   ⟶   {trans}")
        item.setData(Qt.ItemDataRole.UserRole, entry)
        item.setToolTip(entry.text)
        return item

    def _restore(self, item: QListWidgetItem) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole)
        for combo in (self.source_combo, self.target_combo):
            combo.blockSignals(True)
        self.source_combo.set_code(entry.source)
        self.target_combo.set_code(entry.target)
        for combo in (self.source_combo, self.target_combo):
            combo.blockSignals(False)
        self.source_edit.blockSignals(True)
        self.source_edit.setPlainText(entry.source_text)
        self.source_edit.blockSignals(False)
        self._update_count()
        self.target_edit.setPlainText(entry.text)

    def _clear_history(self) -> None:
        task = self.workers.files.run_fn(
            lambda _p, _c: self._store().clear(), "clear history", essential=True
        )
        task.finished.connect(lambda _r: self.history_list.clear())
        task.failed.connect(lambda e: self.notice.show_error(error_text(e)))

    # -- glossaries -------------------------------------------------------------------------------------
    def _show_glossaries(self, items: list[tuple[str, str, str]]) -> None:
        self._glossaries_loaded = True
        self._all_glossaries = items
        self.refresh_glossary_visibility()

    def refresh_glossary_visibility(self) -> None:
        """Offer the glossaries of the current language pair; hide the switch when there is none."""
        items = getattr(self, "_all_glossaries", [])
        target = self.target_combo.code()
        matching = [name for name, _src, tgt in items if tgt == target]
        offer_glossaries(self.glossary_combo, self.glossary_check, matching, self.settings.glossary)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{0} characters").format(len(self.source_edit.toPlainText())))
