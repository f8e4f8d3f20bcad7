"""Real models: drill scoring word by word on the Portuguese voice (Kokoro-82M) and the English one (hibari-tts).

Each sentence is read as written, with one word replaced by another and with one word left out; the scorer must
flag exactly that word. These readings were scored wrongly by the forced-probability cut-offs used before the
rival test (``benchmarks/speech_drills.py`` measures the whole labelled set): a replaced Portuguese word was only
"uncertain", and a dropped one also flagged its correct neighbours, which the free transcript had run together.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from engine.config import EngineConfig
from engine.speech.audio import load_audio
from engine.speech.service import SpeechService
from engine.speech.types import Attempt

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def speech(whisper_dir: Path, kokoro_model: Path) -> Iterator[SpeechService]:
    mp = pytest.MonkeyPatch()
    mp.setenv("PALAVRA_KOKORO_MODEL", str(kokoro_model))
    svc = SpeechService(EngineConfig(device="cpu"), model_path=whisper_dir)
    yield svc
    svc.close()
    mp.undo()


def read(speech: SpeechService, text: str, language: str) -> np.ndarray:
    samples, rate = speech.synthesize(text, language)
    return load_audio(samples, rate)


def flagged(attempt: Attempt) -> dict[str, str]:
    return {w.word: w.status for w in attempt.words if w.status in ("wrong", "missing")}


@pytest.mark.parametrize(
    ("target", "said", "word", "status"),
    [
        ("Nossa casa tem três quartos.", "Nossa casa tem três mercado.", "quartos.", "wrong"),
        ("Nossa casa tem três quartos.", "Nossa casa tem três.", "quartos.", "missing"),
        ("Está muito frio lá fora.", "Está frio lá fora.", "muito", "missing"),
        ("Estou aprendendo a tocar violão.", "Estou janela a tocar violão.", "aprendendo", "wrong"),
    ],
)
def test_the_one_word_changed_in_a_portuguese_reading_is_the_one_flagged(
    speech: SpeechService, target: str, said: str, word: str, status: str
) -> None:
    attempt = speech.score_attempt(target, read(speech, said, "pt"), "pt")
    assert flagged(attempt) == {word: status}, (attempt.transcript, attempt.words)
    assert attempt.score < 90


@pytest.mark.parametrize(
    "target", ["Nossa casa tem três quartos.", "Está muito frio lá fora.", "Estou aprendendo a tocar violão."]
)
def test_a_correct_portuguese_reading_has_no_flag(speech: SpeechService, target: str) -> None:
    attempt = speech.score_attempt(target, read(speech, target, "pt"), "pt")
    assert flagged(attempt) == {} and attempt.score >= 90, (attempt.transcript, attempt.words)


def test_the_one_word_changed_in_an_english_reading_is_the_one_flagged(speech: SpeechService) -> None:
    target = "We usually have dinner at seven."
    assert flagged(speech.score_attempt(target, read(speech, target, "en"), "en")) == {}
    swapped = speech.score_attempt(target, read(speech, "We usually have garden at seven.", "en"), "en")
    assert flagged(swapped) == {"dinner": "wrong"}
    assert next(w for w in swapped.words if w.word == "dinner").heard == "garden"
    dropped = speech.score_attempt(target, read(speech, "We have dinner at seven.", "en"), "en")
    assert flagged(dropped) == {"usually": "missing"}
    # the last word left out: nothing follows it to contradict the target, yet its rival wins
    last = "My sister works in a hospital near the station."
    cut = speech.score_attempt(last, read(speech, "My sister works in a hospital near the.", "en"), "en")
    assert flagged(cut) == {"station.": "missing"}
