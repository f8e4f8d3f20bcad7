"""Fixtures of the speech tests: the Whisper model installed once per session, one service per module."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from engine.config import EngineConfig
from engine.speech.audio import load_audio

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def whisper_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped Whisper model, joined and patched once into a session folder (as the app does on first use)."""
    from engine.speech import model

    data = tmp_path_factory.mktemp("whisper-install")
    previous = os.environ.get("PALAVRA_DATA_DIR")
    os.environ["PALAVRA_DATA_DIR"] = str(data)
    try:
        return model.model_dir()
    finally:
        if previous is None:
            os.environ.pop("PALAVRA_DATA_DIR", None)
        else:
            os.environ["PALAVRA_DATA_DIR"] = previous


@pytest.fixture(scope="module")
def service(whisper_dir: Path) -> Iterator[object]:
    """A speech service whose model is loaded once per test module (progress goes to a per-test database)."""
    from engine.speech.service import SpeechService

    svc = SpeechService(EngineConfig(device="cpu"), model_path=whisper_dir)
    yield svc
    svc.close()


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


needs_espeak = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is not installed")


def espeak_audio(text: str, voice: str = "en-us", speed: int = 150) -> np.ndarray:
    """espeak-ng reading ``text``, as 16 kHz mono float32."""
    import io

    import soundfile

    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", "--stdin"],
        input=text.encode(),
        capture_output=True,
        check=True,
    ).stdout
    samples, rate = soundfile.read(io.BytesIO(wav), dtype="float32")
    return load_audio(samples, rate)


def fixture_clip(name: str) -> Path:
    """A small clip committed under tests/engine/speech/fixtures."""
    return FIXTURES / name
