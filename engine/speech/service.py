"""Speaking practice: transcription, drill scoring, drills, spaced repetition, synthetic voices, recording.

:class:`SpeechService` is what ``Engine().speech`` returns. It loads nothing until first used; the Whisper
model is owned by one :class:`engine.speech.asr.Recognizer` whose calls are serialised, so the GUI runs them
on one worker.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from engine.cancel import CancelToken, ProgressCallback, check
from engine.config import EngineConfig
from engine.errors import InputError
from engine.speech.asr import Recognizer
from engine.speech.audio import SAMPLE_RATE, AudioArray, audio_duration_ms, load_audio, stream_audio
from engine.speech.drills import Drill, load_drills
from engine.speech.normalize import split_words
from engine.speech.progress import ProgressStats, ProgressStore
from engine.speech.recorder import AudioSource, Recorder
from engine.speech.scoring import Thresholds, combine, disputed_words, thresholds_for
from engine.speech.tts import Synthesizer
from engine.speech.types import Attempt, ForcedWord, Segment, Transcript, Word, WordResult

log = logging.getLogger(__name__)

__all__ = [
    "Attempt",
    "Drill",
    "ProgressStats",
    "Recorder",
    "Segment",
    "SpeechService",
    "Transcript",
    "Word",
    "WordResult",
]

#: Below this RMS the attempt is treated as silence (no decoding: Whisper invents text on silence).
_SILENCE_RMS = 0.003


class SpeechService:
    """Transcription, drill scoring, scheduling and voices for one user.

    Args:
        config: engine settings (device, threads).
        model_path: a CTranslate2 Whisper folder to use instead of the shipped model.
        database: SQLite file for drill progress (default: the user's database).
        thresholds: scoring cut-offs for every language (default: each language's calibrated ones).
    """

    def __init__(
        self,
        config: EngineConfig,
        *,
        model_path: Path | None = None,
        database: Path | None = None,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.config = config
        self.thresholds = thresholds
        self._recognizer = Recognizer(config, model_path)
        self._synth = Synthesizer(threads=config.effective_threads)
        self._database = database
        self._store: ProgressStore | None = None
        self._store_lock = threading.Lock()

    # -- transcription -------------------------------------------------------------------------------------
    def transcribe(
        self,
        audio: str | Path | np.ndarray,
        language: str | None = None,
        *,
        beam_size: int = 5,
        on_progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Transcript:
        """Transcribe a file (wav, flac, mp3, m4a, ogg...) or 16 kHz mono samples.

        Args:
            audio: a path or samples.
            language: the spoken language, or None to detect it (the transcript says which, with probability).
            beam_size: 5 (default) is more accurate, 1 faster.
            on_progress: called with (ms of audio done, ms total).
            cancel: stops between segments, raising :class:`engine.errors.Cancelled`.

        Returns:
            The transcript with segments, word timings and word probabilities.
        """
        if isinstance(audio, np.ndarray):
            samples = load_audio(audio)
            check(cancel, "Transcription")
            return self._recognizer.transcribe(
                samples, language, beam_size=beam_size, on_progress=on_progress, cancel=cancel
            )
        # a file: decoded chunk by chunk, so memory stays bounded whatever its length; the first chunk is read
        # before the model loads, so a file that is not audio is refused at once
        chunks = stream_audio(audio)
        first = next(chunks, None)
        if first is None:
            raise InputError(f"'{Path(audio).name}' holds no sound to transcribe.")
        return self._recognizer.transcribe(
            itertools.chain([first], chunks),
            language,
            beam_size=beam_size,
            total_ms=audio_duration_ms(audio),
            on_progress=on_progress,
            cancel=cancel,
        )

    # -- drills --------------------------------------------------------------------------------------------
    def score_attempt(
        self,
        target_text: str,
        audio: str | Path | np.ndarray,
        language: str,
        *,
        on_partial: Callable[[Attempt], None] | None = None,
    ) -> Attempt:
        """Score a reading of ``target_text`` word by word.

        One encoder pass over the utterance (plus a little silence, not Whisper's full 30 s) feeds both
        judges: the free transcript aligned to the target, and the target's forced token probabilities.

        Args:
            target_text: the sentence the learner read.
            audio: the recording (path or 16 kHz mono samples), up to ~25 s.
            language: ``"en"`` or ``"pt"``.
            on_partial: if given, called first with a quick result from the forced scores alone (computed
                before the free decode, from the same encoder pass), then the full result is returned.

        Returns:
            The scored attempt: each target word's status and score, extra words, overall score, feedback.

        Raises:
            InputError: empty target or unreadable audio.
        """
        if not target_text.strip():
            raise InputError("There is no sentence to practise.")
        lang = language.split("-")[0].lower()
        samples = load_audio(audio)
        thresholds = self.thresholds or thresholds_for(lang)
        if samples.size == 0 or float(np.sqrt(np.mean(np.square(samples)))) < _SILENCE_RMS:
            return combine(target_text, lang, "", None, thresholds)
        on_forced = None
        if on_partial is not None:

            def on_forced(forced: tuple[ForcedWord, ...]) -> None:
                on_partial(_forced_only(target_text, lang, forced, thresholds))

        def disputes(transcript: str) -> dict[int, str | None]:
            return disputed_words(target_text, transcript, lang)

        analysis = self._recognizer.analyse_utterance(
            samples, lang, target_text, on_forced=on_forced, disputes=disputes
        )
        return combine(
            target_text, lang, analysis.transcript, analysis.forced, thresholds, rivals=analysis.rivals
        )

    def drills(self, language: str) -> tuple[Drill, ...]:
        """Every drill sentence of ``language``."""
        return load_drills(language)

    def next_drill(self, language: str, *, topic: str | None = None, level: str | None = None) -> Drill:
        """The drill to practise next, chosen by the FSRS scheduler and the learner's weak words.

        Each call moves on: a drill shown and not attempted since is treated as skipped and goes to the back.

        Args:
            language: the practised language.
            topic: only drills of this topic (``"travel"``, ``"food"``...).
            level: only drills of this CEFR level (``"A1"``..``"B2"``).

        Raises:
            InputError: no drill has that topic and level.
        """
        lang = language.split("-")[0].lower()
        try:
            return self._progress().next_drill(load_drills(lang), lang, topic=topic, level=level)
        except ValueError as exc:
            raise InputError("There is no sentence for that topic and level.", detail=str(exc)) from exc

    def record_attempt(
        self,
        drill: Drill,
        attempt: Attempt,
        *,
        audio: np.ndarray | None = None,
        sample_rate: int = SAMPLE_RATE,
    ) -> None:
        """Store an attempt (text, date, per-word results) and reschedule its drill.

        Args:
            drill: the drill practised.
            attempt: the result of :meth:`score_attempt`.
            audio: pass the recording only if the user chose to keep recordings; it is never stored otherwise.
            sample_rate: rate of ``audio``.
        """
        self._progress().record(drill, attempt, audio=audio, sample_rate=sample_rate)

    def progress(self, language: str) -> ProgressStats:
        """Attempts, scores over time and weakest words of ``language``."""
        return self._progress().stats(language.split("-")[0].lower())

    def _progress(self) -> ProgressStore:
        with self._store_lock:
            if self._store is None:
                self._store = ProgressStore(self._database)
            return self._store

    # -- voices and microphone -----------------------------------------------------------------------------
    def synthesize(self, text: str, language: str, *, speed: float = 1.0) -> tuple[AudioArray, int]:
        """A synthetic voice reading ``text``: hibari-tts for English, Kokoro-82M (else espeak-ng) for Portuguese.

        Returns:
            (float32 mono samples, sample rate).
        """
        return self._synth.synthesize(text, language, speed=speed)

    def voice_name(self, language: str) -> str:
        """Which synthetic voice speaks ``language`` (``"hibari-tts"``, ``"Kokoro-82M"``, ``"espeak-ng"``)."""
        return self._synth.voice_name(language)

    def recorder(
        self,
        *,
        on_level: Callable[[float], None] | None = None,
        on_end: Callable[[], None] | None = None,
        on_pause: Callable[[AudioArray], None] | None = None,
        max_seconds: float = 15.0,
        source: AudioSource | None = None,
    ) -> Recorder:
        """A recorder for one utterance from the microphone (or ``source``); see :class:`Recorder`."""
        return Recorder(source, on_level=on_level, on_end=on_end, on_pause=on_pause, max_seconds=max_seconds)

    def close(self) -> None:
        """Free the model and close the database."""
        self._recognizer.close()
        with self._store_lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def _forced_only(
    target: str, language: str, forced: tuple[ForcedWord, ...] | None, thresholds: Thresholds
) -> Attempt:
    """A first result from forced scores alone: words the model finds likely stand in for the transcript."""
    if forced is None:
        return combine(target, language, "", None, thresholds)
    words = split_words(target)
    heard = " ".join(w for w, f in zip(words, forced, strict=True) if f.probability >= thresholds.flag)
    return combine(target, language, heard, forced, thresholds)
