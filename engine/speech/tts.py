"""Synthetic voices to listen to before speaking: hibari-tts for English, Kokoro-82M for Portuguese.

All are synthetic voices (the UI says which). Only hibari's built-in voice is used: its other voices would be
downloaded, and the engine never makes a network call. Portuguese is spoken by Kokoro-82M (:mod:`engine.speech.kokoro`)
when its packages are installed, else by espeak-ng (the fallback, hard for Whisper and learners to understand).
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
import threading
from typing import Any

import numpy as np

from engine.errors import DeviceError, InputError
from engine.speech import kokoro
from engine.speech.audio import AudioArray

log = logging.getLogger(__name__)

#: espeak-ng voice per practised language (Brazilian Portuguese, like the drill sentences).
ESPEAK_VOICES = {"pt": "pt-br", "en": "en-us"}
HIBARI_VOICE = "heart"
#: Readings kept for replay (a few sentences: ~0.5 MB each at most).
_RECENT = 8


class Synthesizer:
    """Text to speech; the English model loads on first use. Thread-safe."""

    def __init__(self, *, threads: int = 1) -> None:
        self._hibari: Any = None
        self._kokoro: Any = None
        self._threads = threads
        self._recent: dict[tuple[str, str, float], tuple[AudioArray, int]] = {}
        self._lock = threading.Lock()

    def voice_name(self, language: str) -> str:
        """Which voice speaks ``language``: ``"hibari-tts"``, ``"Kokoro-82M"`` or ``"espeak-ng"``."""
        lang = language.split("-")[0].lower()
        if lang == "en":
            return "hibari-tts"
        if lang == "pt" and kokoro.available():
            return "Kokoro-82M"
        return "espeak-ng"

    def synthesize(self, text: str, language: str, *, speed: float = 1.0) -> tuple[AudioArray, int]:
        """Speak ``text``.

        Args:
            text: the sentence.
            language: ``"en"`` (hibari-tts) or ``"pt"`` (Kokoro-82M, else espeak-ng).
            speed: 1.0 is normal pace.

        Returns:
            (float32 mono samples in [-1, 1], sample rate).

        Raises:
            InputError: empty text or a language with no voice.
            DeviceError: espeak-ng is not installed (Portuguese).
        """
        if not text.strip():
            raise InputError("There is no text to speak.")
        key = (text, language, speed)
        with self._lock:
            cached = self._recent.get(key)
        if cached is not None:  # "Listen" again, a dictation replayed: the same samples, at once
            return cached
        result = self._speak(text, language, speed)
        with self._lock:
            self._recent[key] = result
            while len(self._recent) > _RECENT:
                self._recent.pop(next(iter(self._recent)))
        return result

    def _speak(self, text: str, language: str, speed: float) -> tuple[AudioArray, int]:
        lang = language.split("-")[0].lower()
        if lang == "en":
            return self._hibari_speak(text, speed)
        if lang == "pt" and kokoro.available():
            with self._lock:
                if self._kokoro is None:
                    self._kokoro = kokoro.KokoroVoice(threads=self._threads)
                voice = self._kokoro
            return voice.synthesize(text, speed=speed)  # type: ignore[no-any-return]
        if lang in ESPEAK_VOICES:
            return espeak(text, ESPEAK_VOICES[lang], speed=speed)
        raise InputError(f"No voice for language '{language}'.", detail=language)

    def _hibari_speak(self, text: str, speed: float) -> tuple[AudioArray, int]:
        with self._lock:
            if self._hibari is None:
                from hibari import Hibari
                from hibari.voices import voice_path

                self._hibari = Hibari(
                    voice=HIBARI_VOICE, model=voice_path(HIBARI_VOICE, download_missing=False)
                )
            samples = self._hibari(text, speed=speed, seed=0)
        return np.ascontiguousarray(samples, dtype=np.float32), 24000


def espeak(text: str, voice: str, *, speed: float = 1.0) -> tuple[AudioArray, int]:
    """Run espeak-ng and return its speech as float32 samples and the sample rate.

    Raises:
        DeviceError: espeak-ng is not installed or failed.
    """
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise DeviceError(
            "The Portuguese voice needs espeak-ng. Install it (on Debian/Ubuntu: apt-get install espeak-ng).",
            detail="espeak-ng not on PATH",
        )
    import soundfile

    words_per_minute = str(round(160 * speed))
    try:
        proc = subprocess.run(
            [exe, "-v", voice, "-s", words_per_minute, "--stdout", "--stdin"],
            input=text.encode("utf-8"),
            capture_output=True,
            check=True,
            timeout=60,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        raise DeviceError("The voice synthesiser espeak-ng failed.", detail=repr(exc)) from exc
    samples, rate = soundfile.read(io.BytesIO(proc.stdout), dtype="float32")
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    return np.ascontiguousarray(samples, dtype=np.float32), int(rate)
