"""The Practise page's exercises: dictation, translation, fill the gap, word cards and the placement test."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common import Notice, error_text
from desktop.practice_labels import graded_html, kind_label, result_feedback, topic_label
from desktop.sound import play, sound_error_text
from desktop.workers import Workers

if TYPE_CHECKING:
    from engine.api import Engine

log = logging.getLogger(__name__)

KINDS = ("dictation", "translation", "cloze", "vocab", "placement")


class ExercisesPanel(QWidget):
    """One exercise at a time: prompt, answer, check, the graded answer; next moves on (skips)."""

    #: the placement test chose a level to start at
    placed = Signal(str)

    def __init__(
        self,
        engine: Engine,
        workers: Workers,
        language: Callable[[], str],
        topic: Callable[[], str | None],
        level: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine, self.workers = engine, workers
        self._language, self._topic, self._level = language, topic, level
        self.item: Any = None
        self.result: Any = None
        self.placement: list[Any] = []
        self.placement_answers: dict[str, str] = {}

        self.kind_combo = QComboBox(self)
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.setAccessibleName(self.tr("Exercise"))
        self.info = QLabel(self)
        self.info.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.kind_combo)
        top.addStretch(1)
        top.addWidget(self.info)

        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumHeight(120)
        card.setMaximumHeight(240)
        self.prompt = QLabel(card)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.prompt.setFont(font)
        self.hint = QLabel(card)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)
        cv = QVBoxLayout(card)
        cv.addWidget(self.prompt)
        cv.addWidget(self.hint)

        self.listen_button = QPushButton(self.tr("Listen"), self)
        self.answer = QLineEdit(self)
        self.answer.setPlaceholderText(self.tr("Type your answer and press Enter"))
        self.answer.setAccessibleName(self.tr("Your answer"))
        self.check_button = QPushButton(self.tr("Check"), self)
        self.next_button = QPushButton(self.tr("Next (skip)"), self)
        row = QHBoxLayout()
        row.addWidget(self.listen_button)
        row.addWidget(self.answer, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.next_button)

        self.options: list[QPushButton] = []
        options_row = QHBoxLayout()
        for i in range(4):
            button = QPushButton(self)
            button.clicked.connect(lambda _c=False, n=i: self.choose(n))
            button.hide()
            self.options.append(button)
            options_row.addWidget(button)

        self.score_label = QLabel(self)
        sfont = self.score_label.font()
        sfont.setPointSizeF(sfont.pointSizeF() * 2.0)
        sfont.setBold(True)
        self.score_label.setFont(sfont)
        self.graded = QLabel(self)
        self.graded.setWordWrap(True)
        self.graded.setTextFormat(Qt.TextFormat.RichText)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        result = QHBoxLayout()
        result.addWidget(self.score_label)
        fb = QVBoxLayout()
        fb.addWidget(self.graded)
        fb.addWidget(self.feedback)
        result.addLayout(fb, 1)

        self.word_edit = QLineEdit(self)
        self.word_edit.setPlaceholderText(self.tr("A word to learn"))
        self.meaning_edit = QLineEdit(self)
        self.meaning_edit.setPlaceholderText(self.tr("Its meaning"))
        self.add_button = QPushButton(self.tr("Add to my words"), self)
        words_row = QHBoxLayout()
        words_row.addWidget(self.word_edit)
        words_row.addWidget(self.meaning_edit)
        words_row.addWidget(self.add_button)
        self.words_box = QWidget(self)
        self.words_box.setLayout(words_row)

        self.notice = Notice(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(card, 1)
        layout.addLayout(row)
        layout.addLayout(options_row)
        layout.addLayout(result)
        layout.addWidget(self.words_box)
        layout.addWidget(self.notice)
        layout.addStretch(1)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self.next_item())
        self.check_button.clicked.connect(self.check)
        self.answer.returnPressed.connect(self.check)
        self.next_button.clicked.connect(self.next_item)
        self.listen_button.clicked.connect(self.listen)
        self.add_button.clicked.connect(self.add_word)

    def kind(self) -> str:
        """The chosen exercise."""
        return str(self.kind_combo.currentData())

    def set_kind(self, kind: str) -> None:
        """Choose an exercise (loads its first item)."""
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))

    # -- items ------------------------------------------------------------------------------------------------
    def next_item(self) -> None:
        """Fetch the next item of the chosen exercise (the current one, unanswered, counts as skipped)."""
        kind, language, topic, level, engine = (
            self.kind(),
            self._language(),
            self._topic(),
            self._level(),
            self.engine,
        )
        self._clear_result()
        self.item = None
        self.prompt.clear()
        self.hint.clear()
        self.info.clear()
        self.words_box.setVisible(kind == "vocab")
        if kind == "placement":
            task = self.workers.files.run_fn(
                lambda _p, _c: engine.practice.placement_test(language), "placement"
            )
            task.finished.connect(self._start_placement)
        else:
            task = self.workers.files.run_fn(
                lambda _p, _c: engine.practice.next_exercise(kind, language, topic=topic, level=level),
                "exercise",
            )
            task.finished.connect(self._show_item)
        task.failed.connect(self._failed)

    def _show_item(self, item: Any) -> None:
        self.item = item
        for b in self.options:
            b.hide()
        self.answer.show()
        self.check_button.show()
        self.answer.clear()
        self.answer.setEnabled(True)
        self.check_button.setEnabled(True)
        self.listen_button.setVisible(item.kind in ("dictation", "cloze", "vocab"))
        prompts = {
            "dictation": self.tr("Listen, then write what you hear."),
            "translation": html.escape(item.prompt),
            "cloze": html.escape(item.prompt),
            "vocab": html.escape(item.prompt),
        }
        self.prompt.setText(prompts.get(item.kind, html.escape(item.prompt)))
        hints = {
            "translation": self.tr("Write this in the language you practise."),
            "vocab": self.tr("What does it mean? Example: {0}").format(item.hint)
            if item.hint
            else self.tr("What does it mean?"),
        }
        # a dictation's translation would give the sentence away: it is shown with the result
        self.hint.setText("" if item.kind == "dictation" else hints.get(item.kind, item.hint))
        parts = [p for p in (item.level, topic_label(item.topic) if item.topic else "") if p]
        if item.due:
            parts.append(self.tr("review"))
        self.info.setText(" · ".join(parts))
        self.answer.setFocus()

    def _clear_result(self) -> None:
        self.result = None
        self.score_label.clear()
        self.graded.clear()
        self.feedback.clear()
        self.notice.clear_notice()

    def _failed(self, exc: BaseException) -> None:
        self.notice.show_error(error_text(exc))

    # -- answering --------------------------------------------------------------------------------------------
    def check(self) -> None:
        """Grade the typed answer (off the GUI thread: a translation asks the translator)."""
        item, answer, engine = self.item, self.answer.text(), self.engine
        if item is None or item.kind == "placement":
            return
        if not answer.strip():
            self.notice.show_error(self.tr("Type an answer first."))
            return
        self.check_button.setEnabled(False)
        worker = self.workers.translation if item.kind == "translation" else self.workers.files
        task = worker.run_fn(
            lambda _p, _c: engine.practice.check(item.kind, item.item_id, item.language, answer), "check"
        )
        task.finished.connect(self._show_result)
        task.failed.connect(self._check_failed)

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self._failed(exc)

    def _show_result(self, result: Any) -> None:
        self.result = result
        self.check_button.setEnabled(True)
        self.score_label.setText(f"{result.score}")
        self.graded.setText(graded_html(result.words))
        self.feedback.setText(result_feedback(result))
        if self.item is not None and self.item.kind == "dictation":
            self.hint.setText(self.item.hint)

    def listen(self) -> None:
        """Hear the item (dictation sentence, cloze sentence, card word) spoken by the voice."""
        item, engine = self.item, self.engine
        if item is None:
            return
        text = item.audio_text or item.prompt

        def work(_p: Any, _c: Any) -> None:
            audio, rate = engine.speech.synthesize(text, item.language)
            play(audio, rate)

        self.listen_button.setEnabled(False)
        task = self.workers.speech.run_fn(work, "listen")
        task.finished.connect(lambda _r: self.listen_button.setEnabled(True))
        task.failed.connect(self._listen_failed)

    def _listen_failed(self, exc: BaseException) -> None:
        self.listen_button.setEnabled(True)
        self.notice.show_error(sound_error_text(exc, output=True))

    def add_word(self) -> None:
        """Put the typed word on the learner's word list."""
        word, meaning, language, engine = (
            self.word_edit.text(),
            self.meaning_edit.text(),
            self._language(),
            self.engine,
        )
        task = self.workers.files.run_fn(
            lambda _p, _c: engine.practice.add_word(word, meaning, language), "add word"
        )
        task.finished.connect(self._word_added)
        task.failed.connect(self._failed)

    def _word_added(self, new: bool) -> None:
        self.notice.show_info(self.tr("Added to your words.") if new else self.tr("Already in your words."))
        self.word_edit.clear()
        self.meaning_edit.clear()
        if self.item is None:
            self.next_item()

    # -- placement --------------------------------------------------------------------------------------------
    def _start_placement(self, items: Any) -> None:
        self.placement = list(items)
        self.placement_answers = {}
        self.answer.hide()
        self.check_button.hide()
        self.listen_button.hide()
        self._ask(0)

    def _ask(self, index: int) -> None:
        if index >= len(self.placement):
            self._grade_placement()
            return
        item = self.placement[index]
        self.item = item
        self.prompt.setText(html.escape(item.prompt))
        self.hint.setText(item.hint)
        self.info.setText(self.tr("Question {0} of {1}").format(index + 1, len(self.placement)))
        for button, option in zip(self.options, item.options, strict=False):
            button.setText(option)
            button.show()

    def choose(self, n: int) -> None:
        """Answer the current placement question with option ``n``."""
        if self.item is None or self.item.kind != "placement":
            return
        self.placement_answers[self.item.item_id] = self.options[n].text()
        self._ask(len(self.placement_answers))

    def _grade_placement(self) -> None:
        answers, language, engine = dict(self.placement_answers), self._language(), self.engine
        for b in self.options:
            b.hide()
        task = self.workers.files.run_fn(
            lambda _p, _c: engine.practice.grade_placement(language, answers), "placement"
        )
        task.finished.connect(self._placed)
        task.failed.connect(self._failed)

    def _placed(self, result: Any) -> None:
        self.item = None
        self.result = result
        self.score_label.setText(f"{result.score}")
        level = result.level if result.level != "pre-A1" else self.tr("beginner")
        self.prompt.setText(self.tr("Your level: {0}").format(html.escape(level)))
        self.hint.setText(self.tr("Practice now starts at level {0}.").format(result.start_level))
        self.feedback.setText(
            " · ".join(self.tr("{0}: {1} of {2}").format(lv, ok, asked) for lv, ok, asked in result.per_level)
        )
        self.info.clear()
        self.placed.emit(result.start_level)
