"""Recording helpers of the Practise page: the audio thread's level, end and pause carried to the GUI thread, and
the score of a recording taken at a pause (so the feedback is ready when the recorder declares the end)."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal

from desktop.qtcompat import emit


class LevelBridge(QObject):
    """Carries the microphone level from the audio thread to the GUI thread (latest value wins)."""

    level = Signal(float)
    ended = Signal()
    paused = Signal(object)
    _posted = Signal()
    _posted_end = Signal()
    _posted_pause = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._value = 0.0
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._posted_end.connect(self.ended, Qt.ConnectionType.QueuedConnection)
        self._posted_pause.connect(self.paused, Qt.ConnectionType.QueuedConnection)

    def post(self, level: float) -> None:
        """Any thread: publish a new level."""
        self._value = float(level)
        emit(self._posted)

    def post_end(self) -> None:
        """Any thread: the recorder heard the end of the utterance."""
        emit(self._posted_end)

    def post_pause(self, audio: Any) -> None:
        """Any thread: the learner paused; ``audio`` is the recording if it ends at this pause."""
        emit(self._posted_pause, audio)

    def _deliver(self) -> None:
        emit(self.level, self._value)


class EarlyScore:
    """A score of the recording as it stood at a pause, computed while the recorder waits for the end."""

    def __init__(self, audio: np.ndarray, drill: Any) -> None:
        self.audio = audio
        self.drill = drill
        self.attempt: Any = None

    def for_recording(self, audio: np.ndarray, drill: Any) -> Any:
        """The early attempt when the final recording is the one scored early (no speech after the pause)."""
        same = drill is self.drill and audio.shape == self.audio.shape and np.array_equal(audio, self.audio)
        return self.attempt if same else None
