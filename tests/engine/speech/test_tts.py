"""Synthetic voices: hibari-tts (English, shipped voice only) and espeak-ng (Portuguese)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from engine.errors import InputError
from engine.speech.audio import load_audio

from .conftest import needs_espeak

pytestmark = pytest.mark.model


def test_english_voice_reads_a_drill_that_whisper_then_scores_as_correct(service: Any) -> None:
    text = "My sister works in a hospital near the station."
    samples, rate = service.synthesize(text, "en")
    assert rate == 24000 and samples.dtype == np.float32
    assert 1.5 < len(samples) / rate < 6.0 and float(np.abs(samples).max()) <= 1.0
    attempt = service.score_attempt(text, load_audio(samples, rate), "en")
    assert attempt.score >= 90


@needs_espeak
def test_portuguese_voice_is_kokoro_and_espeak_the_fallback(service: Any) -> None:
    from engine.speech.tts import espeak

    samples, rate = service.synthesize("Bom dia, tudo bem?", "pt")
    assert service.voice_name("pt") == "Kokoro-82M"  # the packages are dependencies (see docs/practice.md)
    assert rate == 24000 and samples.dtype == np.float32
    assert 0.8 < len(samples) / rate < 4.0 and float(np.abs(samples).max()) > 0.05
    fallback, fallback_rate = espeak("Bom dia, tudo bem?", "pt-br")
    assert fallback_rate == 22050 and 0.8 < len(fallback) / fallback_rate < 4.0


def test_nothing_to_say_is_an_input_error(service: Any) -> None:
    with pytest.raises(InputError):
        service.synthesize("  ", "en")
    with pytest.raises(InputError):
        service.synthesize("Hallo", "de")
