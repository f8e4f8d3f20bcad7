"""Recording one utterance: a level meter, voice-activity end-of-utterance and a maximum length.

The recorder reads blocks from an :class:`AudioSource`: :class:`MicrophoneSource` (``sounddevice``, 16 kHz
mono) in the app, :class:`ArraySource` (samples or a file) in tests and benchmarks, so every path but the
sound card itself runs without hardware.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from engine.errors import DeviceError
from engine.speech.audio import SAMPLE_RATE, AudioArray, load_audio

log = logging.getLogger(__name__)

BLOCK = 480  # 30 ms at 16 kHz
BlockCallback = Callable[[np.ndarray], None]


class AudioSource(Protocol):
    """Something that delivers 16 kHz mono float32 blocks to a callback from its own thread."""

    def start(self, on_block: BlockCallback) -> None:
        """Begin delivering blocks."""

    def stop(self) -> None:
        """Stop delivering blocks (idempotent)."""


class MicrophoneSource:
    """The default (or a named) input device through PortAudio (``sounddevice``)."""

    def __init__(self, device: int | str | None = None) -> None:
        self._device = device
        self._stream: Any = None

    def start(self, on_block: BlockCallback) -> None:
        """Open the input stream.

        Raises:
            DeviceError: PortAudio is missing, there is no input device, or it cannot be opened.
        """
        try:
            import sounddevice
        except OSError as exc:  # the wheel needs the system's PortAudio library
            raise DeviceError(
                "Recording needs the PortAudio library, which is not installed "
                "(on Debian/Ubuntu: apt-get install libportaudio2).",
                detail=repr(exc),
            ) from exc

        def callback(indata: np.ndarray, frames: int, when: Any, status: Any) -> None:
            on_block(indata[:, 0].copy())

        try:
            stream = sounddevice.InputStream(
                samplerate=SAMPLE_RATE,
                channels=1,
                dtype="float32",
                blocksize=BLOCK,
                device=self._device,
                callback=callback,
            )
            stream.start()
        except (sounddevice.PortAudioError, ValueError) as exc:
            raise DeviceError(
                "No microphone was found. Connect a microphone (or enable it in the system's sound settings) "
                "and try again.",
                detail=repr(exc),
            ) from exc
        self._stream = stream

    def stop(self) -> None:
        """Close the stream."""
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()


class ArraySource:
    """Plays samples (or a file) into the recorder block by block, like a microphone would.

    Args:
        audio: samples at 16 kHz, or a file path.
        realtime: pace the blocks at the speed of speech (False: as fast as possible).
        trailing_silence: seconds of silence delivered after the audio (a microphone keeps delivering).
    """

    def __init__(
        self, audio: np.ndarray | str | Path, *, realtime: bool = False, trailing_silence: float = 2.0
    ):
        samples = load_audio(audio)
        silence = np.zeros(int(trailing_silence * SAMPLE_RATE), np.float32)
        self._samples = np.concatenate([samples, silence])
        self._realtime = realtime
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, on_block: BlockCallback) -> None:
        """Start the feeding thread."""
        self._stop.clear()

        def run() -> None:
            for offset in range(0, len(self._samples), BLOCK):
                if self._stop.is_set():
                    return
                on_block(self._samples[offset : offset + BLOCK])
                if self._realtime:
                    time.sleep(BLOCK / SAMPLE_RATE)

        self._thread = threading.Thread(target=run, name="array-source", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop feeding."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)


def level_of(block: np.ndarray) -> float:
    """Loudness of a block for a meter: RMS in dBFS mapped from [-60, 0] to [0, 1]."""
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64)))) if block.size else 0.0
    db = 20.0 * np.log10(max(rms, 1e-6))
    return float(min(1.0, max(0.0, (db + 60.0) / 60.0)))


#: Blocks of silence kept at the end of a recording (0.3 s); also when :class:`Recorder` reports a pause.
_TAIL_BLOCKS = 10


class Recorder:
    """Records one utterance from an :class:`AudioSource`.

    ``start()`` returns at once; the recording ends by itself after ``end_silence`` seconds of silence
    following speech (voice activity: energy over a minimum-statistics noise floor), or at ``max_seconds``.
    ``stop()`` ends it early and returns the samples; ``wait()`` blocks (off the GUI thread) until it ends.

    Args:
        source: where the audio comes from (default: the microphone).
        on_level: called with a 0-1 level for every 30 ms block (from the audio thread).
        on_end: called once when the recording ended by itself (from the audio thread).
        on_pause: called (from the audio thread) each time speech is followed by 0.3 s of silence, with exactly
            what :meth:`stop` will return if the recording ends at this pause; scoring it at once (while the
            recorder waits out ``end_silence``) gives the feedback that much earlier. If speech resumes, the
            next pause calls it again.
        max_seconds: maximum length.
        end_silence: silence that ends an utterance once speech was heard.
        speech_margin_db: how far above the noise floor a block must be to count as speech.
    """

    def __init__(
        self,
        source: AudioSource | None = None,
        *,
        on_level: Callable[[float], None] | None = None,
        on_end: Callable[[], None] | None = None,
        on_pause: Callable[[AudioArray], None] | None = None,
        max_seconds: float = 15.0,
        end_silence: float = 0.8,
        speech_margin_db: float = 12.0,
    ) -> None:
        self._source: AudioSource = source if source is not None else MicrophoneSource()
        self._on_level = on_level
        self._on_end = on_end
        self._on_pause = on_pause
        self._max_samples = int(max_seconds * SAMPLE_RATE)
        self._end_blocks = max(1, round(end_silence * SAMPLE_RATE / BLOCK))
        self._margin = speech_margin_db
        self._blocks: list[np.ndarray] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._running = False
        self._noise_db = -60.0
        self._recent_db: deque[float] = deque(maxlen=round(1.5 * SAMPLE_RATE / BLOCK))
        self._total = 0
        self._speech_blocks = 0
        self._silent_run = 0
        self.speech_started = False

    @property
    def running(self) -> bool:
        """Whether the recorder is listening."""
        return self._running

    def start(self) -> None:
        """Start listening.

        Raises:
            DeviceError: no input device, or PortAudio is missing.
        """
        with self._lock:
            self._blocks.clear()
            self._done.clear()
            self._speech_blocks = self._silent_run = self._total = 0
            self._recent_db.clear()
            self.speech_started = False
            self._running = True
        try:
            self._source.start(self._on_block)
        except DeviceError:
            self._running = False
            raise

    def _on_block(self, block: np.ndarray) -> None:
        finished = False
        paused: AudioArray | None = None
        with self._lock:
            if not self._running:
                return
            self._blocks.append(block.astype(np.float32, copy=False))
            self._total += len(block)
            level = level_of(block)
            db = level * 60.0 - 60.0
            # Noise floor by minimum statistics: the quietest block of the last 1.5 s. It follows a noisy room
            # up and down, and the pauses between words keep it at the background level during speech.
            self._recent_db.append(db)
            self._noise_db = min(self._recent_db)
            if db > self._noise_db + self._margin:
                self._speech_blocks += 1
                self._silent_run = 0
                if self._speech_blocks >= 3:
                    self.speech_started = True
            else:
                self._silent_run += 1
                if self._on_pause is not None and self.speech_started and self._silent_run == _TAIL_BLOCKS:
                    paused = self._audio()
            if (
                self.speech_started and self._silent_run >= self._end_blocks
            ) or self._total >= self._max_samples:
                self._running = False
                finished = True
        if self._on_level is not None:
            self._on_level(level)
        if paused is not None and self._on_pause is not None and not finished:
            self._on_pause(paused)
        if finished:
            self._done.set()
            if self._on_end is not None:
                self._on_end()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the recording ended by itself; returns False on timeout."""
        return self._done.wait(timeout)

    def stop(self) -> AudioArray:
        """Stop if still listening; return the recording (16 kHz mono float32, long silent tail cut)."""
        with self._lock:
            self._running = False
        self._source.stop()
        self._done.set()
        with self._lock:
            return self._audio()

    def _audio(self) -> AudioArray:
        """The recording so far, its silent tail cut to 0.3 s (called under the lock)."""
        audio = np.concatenate(self._blocks) if self._blocks else np.zeros(0, np.float32)
        audio = audio[: self._max_samples]
        if self.speech_started and self._silent_run > 0:
            keep = max(0, len(audio) - max(0, self._silent_run - _TAIL_BLOCKS) * BLOCK)
            audio = audio[:keep]
        return np.ascontiguousarray(audio, dtype=np.float32)
