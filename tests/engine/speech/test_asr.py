"""Transcription with the shipped Whisper model: formats, language identification, words, progress, cancel."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engine.cancel import CancelToken
from engine.errors import Cancelled, InputError
from engine.speech.audio import SAMPLE_RATE, load_audio
from engine.speech.model import patch_tokenizer, shipped_parts

from .conftest import fixture_clip

pytestmark = pytest.mark.model


def words_of(text: str) -> list[str]:
    return re.sub(r"[^\w' ]", " ", text.lower()).split()


def test_tokenizer_patch_restores_the_missing_merge() -> None:
    import tokenizers

    first, _ = shipped_parts()
    raw = (first / "tokenizer.json").read_text(encoding="utf-8")
    broken = tokenizers.Tokenizer.from_str(raw)
    fixed = tokenizers.Tokenizer.from_str(patch_tokenizer(raw))
    # " the" is a single token in Whisper's vocabulary; the shipped file splits it
    assert len(fixed.encode(" the", add_special_tokens=False).ids) == 1
    assert len(broken.encode(" the", add_special_tokens=False).ids) > 1
    assert patch_tokenizer(patch_tokenizer(raw)) == patch_tokenizer(raw)


def test_installed_model_folder_is_complete(whisper_dir: Path) -> None:
    for name in ("model.bin", "config.json", "vocabulary.txt", "tokenizer.json", "palavra-install.json"):
        assert (whisper_dir / name).is_file()
    first, second = shipped_parts()
    expected = (first / "model.bin.part1").stat().st_size + (second / "model.bin.part2").stat().st_size
    assert (whisper_dir / "model.bin").stat().st_size == expected


def test_portuguese_is_detected_and_transcribed(service: Any) -> None:
    result = service.transcribe(fixture_clip("leopard-test-pt.flac"))
    assert result.language == "pt" and result.language_probability > 0.8
    assert words_of(result.text) == words_of("Uma raposa velha não consegue aprender nenhum ofício.")
    assert abs(result.duration - 4.43) < 0.05


def test_words_have_times_and_probabilities(service: Any) -> None:
    result = service.transcribe(fixture_clip("lj001-0004.flac"), "en", beam_size=1)
    assert result.language == "en" and result.language_probability == 1.0
    words = [w for s in result.segments for w in s.words]
    assert words_of(" ".join(w.word for w in words))[:3] == ["produced", "the", "block"]
    starts = [w.start for w in words]
    assert starts == sorted(starts) and words[-1].end <= result.duration + 0.1
    assert all(0.0 <= w.probability <= 1.0 for w in words)


@pytest.mark.parametrize(("codec", "suffix"), [("libmp3lame", ".mp3"), ("aac", ".m4a"), ("libopus", ".ogg")])
def test_compressed_formats_are_read(service: Any, tmp_path: Path, codec: str, suffix: str) -> None:
    import av

    samples = load_audio(fixture_clip("lj001-0008.flac"))
    path = tmp_path / f"clip{suffix}"
    rate = 48000 if codec == "libopus" else SAMPLE_RATE
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=rate)
        stream.layout = "mono"
        data = samples if rate == SAMPLE_RATE else np.repeat(samples, 3)
        frame = av.AudioFrame.from_ndarray(data[None, :], format="flt", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    result = service.transcribe(path, "en", beam_size=1)
    assert words_of(result.text) == ["has", "never", "been", "surpassed"]


def test_numpy_buffers_are_accepted(service: Any) -> None:
    samples = load_audio(fixture_clip("lj001-0008.flac"))
    as_int16 = (samples * 32767).astype(np.int16)
    result = service.transcribe(as_int16, "en", beam_size=1)
    assert words_of(result.text) == ["has", "never", "been", "surpassed"]


def test_unreadable_audio_is_an_input_error(service: Any, tmp_path: Path) -> None:
    bad = tmp_path / "notes.mp3"
    bad.write_text("not audio")
    with pytest.raises(InputError) as info:
        service.transcribe(bad)
    assert "could not be read as audio" in info.value.user_message
    with pytest.raises(InputError) as info:
        service.transcribe(tmp_path / "missing.wav")
    assert "does not exist" in info.value.user_message


def test_ten_minutes_of_audio_report_progress_and_can_be_cancelled(service: Any) -> None:
    clip = load_audio(fixture_clip("lj001-0008.flac"))
    gap = np.zeros(12 * SAMPLE_RATE, np.float32)
    unit = np.concatenate([clip, gap])
    ten_minutes = np.tile(unit, int(600 * SAMPLE_RATE / len(unit)) + 1)[: 600 * SAMPLE_RATE]
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def on_progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 0:  # cancel after the first segment
            token.cancel()

    with pytest.raises(Cancelled):
        service.transcribe(ten_minutes, "en", beam_size=1, on_progress=on_progress, cancel=token)
    assert seen[0] == (0, 600_000)
    assert {t for _, t in seen} == {600_000}
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and 0 < dones[-1] < 60_000
