"""Faults of the speech side: damaged Whisper files re-extracted, long audio in bounded chunks, clips too short."""
# ruff: noqa: F811  (whisper_dir: the speech tests' shared install, imported as a fixture)

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from engine import paths
from engine.config import EngineConfig
from engine.errors import InputError
from engine.speech import model
from engine.speech.audio import SAMPLE_RATE, load_audio, stream_audio
from tests.engine.speech.conftest import fixture_clip, whisper_dir  # noqa: F401 (the shared install)
from tests.engine.speech.test_asr import words_of

LJ4 = "produced the block books which were the immediate predecessors of the true printed book"


@pytest.fixture
def installed_whisper(whisper_dir: Path) -> Path:
    """A copy of the session's installed Whisper folder in this test's data folder (no re-joining)."""
    target = paths.models_dir() / model.MODEL_NAME
    shutil.copytree(whisper_dir, target)
    model._verified.clear()
    return target


def _flip(path: Path, at: float, count: int = 4096) -> None:
    with path.open("r+b") as fh:
        fh.seek(int(path.stat().st_size * at))
        block = fh.read(count)
        fh.seek(int(path.stat().st_size * at))
        fh.write(bytes(b ^ 0xFF for b in block))


@pytest.mark.model
@pytest.mark.slow
def test_flipped_bytes_in_the_weights_are_re_extracted(installed_whisper: Path) -> None:
    from engine.speech.service import SpeechService

    _flip(installed_whisper / "model.bin", at=0.4)
    # the size is unchanged: only the checksum sees the damage
    assert model.model_dir() == installed_whisper
    info = json.loads((installed_whisper / "palavra-install.json").read_text())
    assert model._sha256(installed_whisper / "model.bin") == info["files"]["model.bin"]
    svc = SpeechService(EngineConfig(device="cpu"))
    result = svc.transcribe(fixture_clip("lj001-0004.flac"), "en", beam_size=1)
    assert words_of(result.text) == words_of(LJ4)


@pytest.mark.model
def test_damaged_tokenizer_is_re_extracted(installed_whisper: Path) -> None:
    (installed_whisper / "tokenizer.json").write_text('{"model": {"merges": [', encoding="utf-8")
    folder = model.model_dir()
    data = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    assert data["model"]["merges"][0] in ("Ġ t", ["Ġ", "t"])


def test_broken_shipped_tokenizer_gives_a_message() -> None:
    from engine.errors import CorruptModelError

    with pytest.raises(CorruptModelError) as err:
        model.patch_tokenizer('{"model": {"merges": [')
    assert "Reinstall" in err.value.user_message


def _tone_file(path: Path, seconds: float) -> None:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    envelope = (np.sin(2 * np.pi * t / 7.0) > -0.3).astype(np.float32)  # silences every 7 s
    soundfile.write(path, (0.2 * np.sin(2 * np.pi * 300 * t) * envelope).astype(np.float32), SAMPLE_RATE)


def test_long_file_streams_in_bounded_chunks_cut_in_quiet(tmp_path: Path) -> None:
    path = tmp_path / "long.wav"
    _tone_file(path, 95.0)
    chunks = list(stream_audio(path, chunk_seconds=20.0, cut_window_seconds=8.0))
    assert len(chunks) >= 4
    assert all(len(c) <= 28 * SAMPLE_RATE for c in chunks)
    whole = load_audio(path)
    joined = np.concatenate(chunks)
    assert abs(len(joined) - len(whole)) <= SAMPLE_RATE // 100
    for chunk in chunks[:-1]:  # every cut lands in a silence, not in the tone
        assert float(np.abs(chunk[-400:]).max()) < 0.01


@pytest.mark.model
def test_chunked_transcription_matches_the_whole(tmp_path: Path, whisper_dir: Path) -> None:
    from engine.speech.asr import Recognizer

    samples = load_audio(fixture_clip("lj001-0004.flac"))
    path = tmp_path / "twice.wav"
    gap = np.zeros(SAMPLE_RATE, np.float32)
    soundfile.write(path, np.concatenate([samples, gap, samples]), SAMPLE_RATE)
    rec = Recognizer(EngineConfig(device="cpu"), whisper_dir)
    chunk_s = (len(samples) + SAMPLE_RATE // 2) / SAMPLE_RATE
    result = rec.transcribe(stream_audio(path, chunk_s, 0.9), "en", beam_size=1)
    assert words_of(result.text) == words_of(LJ4) * 2
    assert abs(result.duration - (2 * len(samples) + SAMPLE_RATE) / SAMPLE_RATE) < 0.05
    second = [w for s in result.segments for w in s.words][len(words_of(LJ4)) :]
    assert second and second[0].start > chunk_s - 0.5  # times of the second chunk are offset


@pytest.mark.model
@pytest.mark.parametrize("ms", [0, 10, 150])
def test_too_short_clip_gets_a_message(tmp_path: Path, whisper_dir: Path, ms: int) -> None:
    from engine.speech.service import SpeechService

    path = tmp_path / "short.wav"
    soundfile.write(path, np.zeros(ms * SAMPLE_RATE // 1000, np.float32), SAMPLE_RATE)
    svc: Any = SpeechService(EngineConfig(device="cpu"), model_path=whisper_dir)
    with pytest.raises(InputError) as err:
        svc.transcribe(path)
    assert "too short" in err.value.user_message or "no sound" in err.value.user_message
