"""Playing sound, the microphone level carried to the GUI thread, and what to say when there is no sound device
(in the interface's language)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from desktop.common import error_text
from desktop.qtcompat import emit
from engine.errors import DeviceError


def play(audio: Any, rate: int) -> None:
    """Play float32 samples on the default output device (returns at once).

    Raises:
        DeviceError: no sound output device (or PortAudio is not installed).
    """
    try:
        import sounddevice

        sounddevice.play(audio, rate)
    except (OSError, ImportError) as exc:  # PortAudio missing: OSError from the import
        raise DeviceError("No sound output was found.", detail=repr(exc)) from exc
    except Exception as exc:  # sounddevice.PortAudioError: no device, device busy
        if type(exc).__name__ == "PortAudioError":
            raise DeviceError("No sound output was found.", detail=repr(exc)) from exc
        raise


def sound_error_text(exc: BaseException, *, output: bool) -> str:
    """The message for a failure to play (``output``) or to record, in the interface's language."""
    if isinstance(exc, DeviceError) and "espeak" not in str(exc):
        if output:
            return QCoreApplication.translate(
                "Sound",
                "No sound output device was found, so the sentence cannot be played. Connect speakers or "
                "headphones and try again; you can still type, record or score a file.",
            )
        return QCoreApplication.translate(
            "Sound",
            "No microphone was found. Connect a microphone and try again, or score a recording with "
            "“Score a file…”.",
        )
    return error_text(exc)


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
