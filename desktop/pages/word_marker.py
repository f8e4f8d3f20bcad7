""" "Add to my words" on the Translate page: a word selected in either pane becomes a vocabulary card.

The button (and the panes' context menus) take the selection, or the word under the mouse in a context menu; the
engine finds the other side of the word in its sentence's translation (where the selection is, so a word that comes
twice is read in its own sentence) and stores it with its sentence as the example (on the translation worker: the
model lives there), and the page says what was added. The cards come up on the Practise page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QPushButton, QWidget

from desktop.common import Notice, error_text
from desktop.qtcompat import emit
from desktop.workers import Workers

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine, MarkedWord

log = logging.getLogger(__name__)

#: ``() -> (source language or "auto", target language)`` of the text now in the panes.
PaneLanguages = Callable[[], tuple[str, str]]


class WordMarker(QObject):
    """Owns the "Add to my words" button and context-menu entry of the two panes of a translation."""

    #: a word was stored (or found on the list already): the :class:`engine.api.MarkedWord`
    marked = Signal(object)

    def __init__(
        self,
        engine: Engine,
        workers: Workers,
        settings: Settings,
        source_edit: QPlainTextEdit,
        target_edit: QPlainTextEdit,
        languages: PaneLanguages,
        notice: Notice,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.settings = settings
        self.source_edit = source_edit
        self.target_edit = target_edit
        self._languages = languages
        self.notice = notice
        self._edit: QPlainTextEdit | None = None  # the pane holding the selection
        self.busy = False

        self.button = QPushButton(self.tr("Add to my words"), parent)
        self.button.setToolTip(
            self.tr(
                "Select a word or a short phrase in either pane to practise it on the Practise page's "
                "word cards (Ctrl+Shift+W)"
            )
        )
        self.button.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.button.setEnabled(False)
        self.button.clicked.connect(lambda: self.add_selection())
        for edit in (source_edit, target_edit):
            edit.selectionChanged.connect(lambda e=edit: self._selection_changed(e))
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            edit.customContextMenuRequested.connect(lambda pos, e=edit: self._show_menu(e, pos))

    # -- what is selected -------------------------------------------------------------------------------------
    def _selection_changed(self, edit: QPlainTextEdit) -> None:
        if edit.textCursor().hasSelection():
            self._edit = edit
        elif self._edit is edit:
            self._edit = None
        self.button.setEnabled(self._edit is not None and not self.busy)

    def context_menu(self, edit: QPlainTextEdit, pos: QPoint) -> QMenu:
        """The pane's usual menu with "Add to my words" first (the selection, else the word under ``pos``)."""
        menu = edit.createStandardContextMenu(pos)
        cursor = edit.textCursor()
        if not cursor.hasSelection():
            cursor = edit.cursorForPosition(pos)
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        text = cursor.selectedText().replace("\u2029", " ")
        at = cursor.selectionStart()
        action = QAction(self.tr("Add to my words"), menu)
        action.setEnabled(bool(text.strip()) and not self.busy)
        action.triggered.connect(lambda: self.add(edit, text, at))
        actions = menu.actions()
        if actions:
            menu.insertAction(actions[0], action)
            menu.insertSeparator(actions[0])
        else:
            menu.addAction(action)
        return menu

    def _show_menu(self, edit: QPlainTextEdit, pos: QPoint) -> None:
        menu = self.context_menu(edit, pos)
        menu.exec(edit.mapToGlobal(pos))
        menu.deleteLater()

    # -- adding ---------------------------------------------------------------------------------------------
    def add_selection(self) -> None:
        """Add the text selected in either pane."""
        edit = self._edit
        if edit is None:
            self.notice.show_info(self.tr("Select a word in either pane first."))
            return
        cursor = edit.textCursor()
        self.add(edit, cursor.selectedText().replace("\u2029", " "), cursor.selectionStart())

    def add(self, edit: QPlainTextEdit, text: str, at: int | None = None) -> None:
        """Find the other side of ``text`` (selected in ``edit``, starting at ``at``) in its sentence's translation
        and put it on the word list (off the GUI thread)."""
        if not text.strip():
            self.notice.show_info(self.tr("Select a word in either pane first."))
            return
        source, target = self._languages()
        in_source = edit is self.source_edit
        context = edit.toPlainText()
        other_text = (self.target_edit if in_source else self.source_edit).toPlainText()
        source_text = self.source_edit.toPlainText()
        practised, engine = self.settings.practice_language, self.engine

        def work(_p: Any, _c: Any) -> MarkedWord:
            src = engine.detect_language(source_text).language if source == "auto" else source
            tgt = target if target != src else ("en" if src == "pt" else "pt")
            language = src if in_source else tgt
            return engine.practice.mark_word(
                text,
                language,
                practised=practised,
                context=context,
                other_text=other_text,
                at=at,
                in_translation=not in_source,
            )

        self.busy = True
        self.button.setEnabled(False)
        self.notice.show_info(self.tr("Looking up “{0}”…").format(" ".join(text.split())))
        task = self.workers.translation.run_fn(work, "add to my words", essential=True)
        task.finished.connect(self._done)
        task.failed.connect(self._failed)

    def _settle(self) -> None:
        self.busy = False
        self.button.setEnabled(self._edit is not None)

    def _done(self, marked: MarkedWord) -> None:
        self._settle()
        if not marked.added:
            self.notice.show_info(self.tr("“{0}” is already in your words.").format(marked.word))
        elif marked.translation:
            self.notice.show_info(
                self.tr("Added “{0}” (“{1}”) to your words: practise it on the Practise page.").format(
                    marked.word, marked.translation
                )
            )
        else:
            self.notice.show_info(
                self.tr("Added “{0}” to your words: practise it on the Practise page.").format(marked.word)
            )
        emit(self.marked, marked)

    def _failed(self, exc: BaseException) -> None:
        self._settle()
        self.notice.show_error(error_text(exc))
