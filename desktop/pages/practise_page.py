"""Practise page: a sentence to say, listen, record yourself, see each word coloured by how it sounded
(:mod:`desktop.attempt_view`); the exercises and the progress charts in their own tabs."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.attempt_view import AttemptView, words_html
from desktop.common import BusyIndicator, LanguageCombo, Notice, error_text, unavailable
from desktop.pages.exercises_panel import ExercisesPanel
from desktop.pages.practise_recording import EarlyScore
from desktop.practice_labels import topic_label, voice_label
from desktop.progress_chart import ProgressChart
from desktop.sound import LevelBridge, sound_error_text
from desktop.sound import play as play
from desktop.workers import Workers
from engine.errors import InputError

if TYPE_CHECKING:
    from desktop.settings import Settings
    from engine.api import Engine

log = logging.getLogger(__name__)

MAX_SECONDS = 15.0
LEVELS = ("A1", "A2", "B1", "B2")
TOPICS = (
    "travel",
    "food",
    "health",
    "work",
    "home",
    "shopping",
    "weather",
    "family",
    "leisure",
    "city",
    "study",
    "technology",
    "greetings",
)
AUDIO_FILTER = "Audio (*.wav *.flac *.mp3 *.m4a *.ogg)"


class PractisePage(QWidget):
    """Speaking drills with word-by-word feedback."""

    def __init__(
        self, engine: Engine, workers: Workers, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.workers = workers
        self.settings = settings
        self.drill: Any = None
        self.attempt: Any = None
        #: the learner's last recording, kept in memory only, to replay it
        self.last_recording: Any = None
        self._recorder: Any = None
        self._early: EarlyScore | None = None
        self._loaded = False
        #: where recordings come from; ``None``: the microphone (tests and demos pass a recorded source)
        self.audio_source_factory: Callable[[], Any] | None = None
        self._bridge = LevelBridge(self)

        self.language_combo = LanguageCombo(("pt", "en"), self)
        self.language_combo.set_code(settings.practice_language)
        self.level_label = QLabel(self)
        self.topic_combo = QComboBox(self)
        self.topic_combo.addItem(self.tr("All topics"), "")
        for topic in TOPICS:
            self.topic_combo.addItem(topic_label(topic), topic)
        self.topic_combo.setAccessibleName(self.tr("Topic"))
        self.level_combo = QComboBox(self)
        self.level_combo.addItem(self.tr("All levels"), "")
        for level in LEVELS:
            self.level_combo.addItem(level, level)
        self.level_combo.setAccessibleName(self.tr("Level"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Practise"), self))
        top.addWidget(self.language_combo)
        top.addWidget(self.topic_combo)
        top.addWidget(self.level_combo)
        top.addStretch(1)
        top.addWidget(self.level_label)

        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumHeight(160)
        card.setMaximumHeight(260)
        self.sentence = QLabel(self.tr("Loading a sentence…"), card)
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.sentence.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.sentence.setFont(font)
        self.translation = QLabel(card)
        self.translation.setWordWrap(True)
        self.translation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.translation.setEnabled(False)
        cv = QVBoxLayout(card)
        cv.addStretch(1)
        cv.addWidget(self.sentence)
        cv.addWidget(self.translation)
        cv.addStretch(1)

        self.listen_button = QPushButton(self.tr("Listen (synthetic voice)"), self)
        self.listen_button.setToolTip(
            self.tr(
                "A synthetic voice reads the sentence: listen for the rhythm, not for a native accent. (Ctrl+L)"
            )
        )
        self.listen_button.setShortcut(QKeySequence("Ctrl+L"))
        self.record_button = QPushButton(self.tr("Record"), self)
        self.record_button.setToolTip("Ctrl+R")
        self.record_button.setShortcut(QKeySequence("Ctrl+R"))
        self.record_button.setCheckable(True)
        self.next_button = QPushButton(self.tr("Next sentence (skip)"), self)
        self.next_button.setToolTip("Ctrl+N")
        self.next_button.setShortcut(QKeySequence("Ctrl+N"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.meter.setAccessibleName(self.tr("Microphone level"))
        self.busy = BusyIndicator(self.tr("Listening to your attempt…"), self)
        self.file_button = QPushButton(self.tr("Score a file…"), self)
        self.file_button.setToolTip(
            self.tr("Score a recording you made elsewhere (wav, flac, mp3, m4a, ogg)")
        )
        self.replay_button = QPushButton(self.tr("Play my attempt"), self)
        self.replay_button.setEnabled(False)
        self.voice_label = QLabel(self)
        self.voice_label.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.listen_button)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.meter, 1)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.replay_button)
        buttons.addWidget(self.next_button)

        self.result = AttemptView(self)
        # the result's labels, as the page's own (tests and the screenshot script read them)
        self.score_label, self.feedback, self.heard = (
            self.result.score_label,
            self.result.feedback,
            self.result.heard,
        )
        self.notice = Notice(self)
        self.stats = QLabel(self)
        self.stats.setWordWrap(True)
        self.stats.setAccessibleName(self.tr("Your progress"))

        speak = QWidget(self)
        sl = QVBoxLayout(speak)
        sl.addWidget(card, 1)
        sl.addLayout(buttons)
        sl.addWidget(self.voice_label)
        sl.addWidget(self.busy)
        sl.addWidget(self.result)
        sl.addWidget(self.notice)
        sl.addStretch(1)
        self.exercises = ExercisesPanel(
            engine, workers, self.language_combo.code, self.topic, self.level, self
        )
        self.chart = ProgressChart(self)
        progress = QWidget(self)
        pl = QVBoxLayout(progress)
        pl.addWidget(self.chart, 1)
        pl.addWidget(self.stats)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(speak, self.tr("Speak"))
        self.tabs.addTab(self.exercises, self.tr("Exercises"))
        self.tabs.addTab(progress, self.tr("Progress"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._auto_stop = QTimer(self)
        self._auto_stop.setSingleShot(True)
        self._auto_stop.setInterval(int(MAX_SECONDS * 1000))
        self._auto_stop.timeout.connect(self.stop_recording)
        self._bridge.level.connect(self._level)
        self._bridge.ended.connect(self._heard_end)
        self._bridge.paused.connect(self._heard_pause)
        self.listen_button.clicked.connect(self.listen)
        self.record_button.toggled.connect(self._record_toggled)
        self.next_button.clicked.connect(self.next_drill)
        self.file_button.clicked.connect(self.score_file_dialog)
        self.replay_button.clicked.connect(self.replay)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.topic_combo.currentIndexChanged.connect(lambda _i: self.next_drill())
        self.level_combo.currentIndexChanged.connect(lambda _i: self.next_drill())
        self.tabs.currentChanged.connect(self._tab_changed)
        self.exercises.placed.connect(self.set_level)
        self._enable(False)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.next_drill()

    def topic(self) -> str | None:
        """The chosen topic, or None for all."""
        return str(self.topic_combo.currentData()) or None

    def level(self) -> str | None:
        """The chosen level, or None for all."""
        return str(self.level_combo.currentData()) or None

    def set_level(self, level: str) -> None:
        """Practise at ``level`` from now on (the placement test's advice)."""
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))

    def _tab_changed(self, index: int) -> None:
        self.level_label.setVisible(index == 0)  # the sentence's level and topic belong to the Speak tab
        if index == 1 and self.exercises.item is None and not self.exercises.placement:
            self.exercises.next_item()
        elif index == 2:
            self.refresh_stats()

    def _enable(self, on: bool) -> None:
        self.listen_button.setEnabled(on)
        self.record_button.setEnabled(on)
        self.next_button.setEnabled(on)
        self.file_button.setEnabled(on)
        self.replay_button.setEnabled(on and self.last_recording is not None)

    def _unavailable(self, exc: BaseException) -> None:
        self._enable(False)
        self.next_button.setEnabled(not unavailable(exc))
        self.sentence.setText(self.tr("Speaking practice is not available."))
        self.notice.show_error(error_text(exc))

    def _language_changed(self) -> None:
        self.settings.practice_language = self.language_combo.code()
        self.last_recording = None
        self.next_drill()
        if self.tabs.currentIndex() == 1:
            self.exercises.next_item()

    # -- drills -----------------------------------------------------------------------------------------
    def next_drill(self) -> None:
        """Fetch the next sentence to practise."""
        language, topic, level = self.language_combo.code(), self.topic(), self.level()
        engine = self.engine

        def work(_p: Any, _c: Any) -> Any:
            drill = engine.speech.next_drill(language, topic=topic, level=level)
            return drill, engine.speech.voice_name(language)

        task = self.workers.speech.run_fn(work, "next drill")
        task.finished.connect(self._show_drill)
        task.failed.connect(self._drill_failed)

    def _drill_failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputError):  # no sentence of that topic and level: say so, keep the page usable
            self.notice.show_error(self.tr("There is no sentence for that topic and level."))
            self.next_button.setEnabled(True)
            return
        self._unavailable(exc)

    def refresh_stats(self) -> None:
        """Show the learner's progress in the practised language (off the GUI thread)."""
        language, engine = self.language_combo.code(), self.engine
        task = self.workers.speech.run_fn(lambda _p, _c: engine.speech.progress(language), "progress")
        task.finished.connect(self._show_stats)
        task.failed.connect(lambda e: log.info("no progress: %s", type(e).__name__))
        charts = self.workers.files.run_fn(lambda _p, _c: engine.practice.progress(language), "charts")
        charts.finished.connect(self.chart.set_progress)
        charts.failed.connect(lambda e: log.info("no charts: %s", type(e).__name__))

    def _show_stats(self, stats: Any) -> None:
        if not stats.attempts:
            self.stats.setText(self.tr("Your first attempt in this language is the next one."))
            return
        text = self.tr(
            "<b>Your progress</b> · attempts: {0} · average score: {1:.0f} · sentences practised: {2} · "
            "due for review: {3}"
        ).format(stats.attempts, stats.mean_score, stats.drills_practised, stats.drills_due)
        weak = [w.word for w in stats.weakest_words[:5]]
        if weak:
            text += "<br>" + self.tr("Words to work on: {0}").format(html.escape(", ".join(weak)))
        self.stats.setText(text)

    def _show_drill(self, found: Any) -> None:
        drill, voice = found
        self.drill = drill
        self.attempt = None
        self.sentence.setText(html.escape(drill.text))
        self.translation.setText(drill.translation or "")
        self.voice_label.setText(voice_label(voice))
        self.level_label.setText(
            f"{drill.level} · {topic_label(drill.topic)}" if drill.topic else str(drill.level)
        )
        self.result.clear_attempt()
        self.notice.clear_notice()
        self._enable(True)
        self.refresh_stats()

    def listen(self) -> None:
        """Hear the sentence, spoken by the built-in voice."""
        if self.drill is None:
            return
        text, language, engine = self.drill.text, self.drill.language, self.engine

        def work(_p: Any, _c: Any) -> None:
            audio, rate = engine.speech.synthesize(text, language)
            play(audio, rate)

        self.listen_button.setEnabled(False)
        task = self.workers.speech.run_fn(work, "listen")
        task.finished.connect(lambda _r: self.listen_button.setEnabled(True))
        task.failed.connect(self._listen_failed)

    def _listen_failed(self, exc: BaseException) -> None:
        self.listen_button.setEnabled(True)
        self.notice.show_error(sound_error_text(exc, output=True))

    def replay(self) -> None:
        """Play the learner's last recording (kept in memory only)."""
        audio = self.last_recording
        if audio is None:
            return
        task = self.workers.files.run_fn(lambda _p, _c: play(audio, 16000), "replay")
        task.failed.connect(lambda exc: self.notice.show_error(sound_error_text(exc, output=True)))

    def score_file_dialog(self) -> None:
        """Choose a recording and score it as an attempt at the sentence."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Score a recording"), "", AUDIO_FILTER)
        if path:
            self.score_file(path)

    def score_file(self, path: str) -> None:
        """Score the recording at ``path`` as an attempt at the current sentence (and store the attempt)."""
        if self.drill is None:
            return
        drill, engine = self.drill, self.engine

        def work(_p: Any, _c: Any) -> Any:
            attempt = engine.speech.score_attempt(drill.text, path, drill.language)
            engine.speech.record_attempt(drill, attempt)
            return attempt

        self.notice.clear_notice()
        self.busy.set_busy(True)
        self._enable(False)
        task = self.workers.speech.run_fn(work, "score file", essential=True)
        task.finished.connect(self._scored)
        task.failed.connect(self._score_failed)

    # -- recording --------------------------------------------------------------------------------------
    def _record_toggled(self, on: bool) -> None:
        if on:
            self.start_recording()
        else:
            self.stop_recording()

    def start_recording(self) -> None:
        """Open the microphone (off the GUI thread) and show its level."""
        engine, bridge, factory = self.engine, self._bridge, self.audio_source_factory

        def work(_p: Any, _c: Any) -> Any:
            extra = {"source": factory()} if factory is not None else {}
            recorder = engine.speech.recorder(
                on_level=bridge.post,
                on_end=bridge.post_end,
                on_pause=bridge.post_pause,
                max_seconds=MAX_SECONDS,
                **extra,
            )
            recorder.start()
            return recorder

        self.notice.clear_notice()
        self.record_button.setText(self.tr("Stop"))
        self.listen_button.setEnabled(False)
        self.next_button.setEnabled(False)
        task = self.workers.files.run_fn(work, "open microphone")
        task.finished.connect(self._recording)
        task.failed.connect(self._record_failed)

    def _recording(self, recorder: Any) -> None:
        self._recorder = recorder
        self._auto_stop.start()
        if not self.record_button.isChecked():  # stopped before the microphone opened
            self.stop_recording()

    def _record_failed(self, exc: BaseException) -> None:
        self._reset_record_button()
        self.notice.show_error(sound_error_text(exc, output=False))

    def _reset_record_button(self) -> None:
        self.record_button.blockSignals(True)
        self.record_button.setChecked(False)
        self.record_button.blockSignals(False)
        self.record_button.setText(self.tr("Record"))
        self.meter.setValue(0)
        self._enable(self.drill is not None)

    def _heard_pause(self, audio: Any) -> None:
        """The learner paused: score the recording so far at once, in case this pause is the end (the recorder
        waits 0.8 s of silence before it ends; the feedback is then ready when it does)."""
        if not self.record_button.isChecked() or self.drill is None:
            return
        drill, engine = self.drill, self.engine
        early = self._early = EarlyScore(audio, drill)

        def work(_p: Any, _c: Any) -> Any:
            early.attempt = engine.speech.score_attempt(drill.text, audio, drill.language)

        self.workers.speech.run_fn(work, "early score", latest="early score")

    def _heard_end(self) -> None:
        if self.record_button.isChecked() and self._recorder is not None:
            self.stop_recording()

    def stop_recording(self) -> None:
        """Stop and score the attempt."""
        self._auto_stop.stop()
        recorder, self._recorder = self._recorder, None
        self._reset_record_button()
        if recorder is None or self.drill is None:
            return
        drill, engine, early = self.drill, self.engine, self._early
        self._early = None

        def work(_p: Any, _c: Any) -> Any:
            audio = recorder.stop()
            self.last_recording = audio  # in memory only, for "Play my attempt"
            attempt = early.for_recording(audio, drill) if early is not None else None
            if attempt is None:  # speech after the last pause, stopped by hand, or the early score failed
                attempt = engine.speech.score_attempt(drill.text, audio, drill.language)
            engine.speech.record_attempt(drill, attempt)
            return attempt

        self.busy.set_busy(True)
        self.record_button.setEnabled(False)
        task = self.workers.speech.run_fn(work, "score attempt", essential=True)
        task.finished.connect(self._scored)
        task.failed.connect(self._score_failed)

    def _level(self, level: float) -> None:
        self.meter.setValue(int(max(0.0, min(1.0, level)) * 100))

    def _scored(self, attempt: Any) -> None:
        self.busy.set_busy(False)
        self._enable(True)
        self.show_attempt(attempt)
        self.refresh_stats()

    def _score_failed(self, exc: BaseException) -> None:
        self.busy.set_busy(False)
        self._enable(True)
        self.notice.show_error(error_text(exc))

    def show_attempt(self, attempt: Any) -> None:
        """Show the per-word colours, the score and the feedback."""
        self.attempt = attempt
        self.sentence.setText(words_html(attempt))
        self.result.show_attempt(attempt)
