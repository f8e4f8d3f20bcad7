"""The recorder's interface fed by files and generated speech, and the message when there is no microphone."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from engine.errors import DeviceError
from engine.speech.audio import SAMPLE_RATE, load_audio
from engine.speech.recorder import ArraySource, MicrophoneSource, Recorder, level_of

from .conftest import espeak_audio, fixture_clip, needs_espeak


def test_level_meter_maps_loudness_to_0_1() -> None:
    assert level_of(np.zeros(480, np.float32)) == 0.0
    assert level_of(np.ones(480, np.float32)) == 1.0
    quiet, loud = level_of(np.full(480, 0.01, np.float32)), level_of(np.full(480, 0.3, np.float32))
    assert 0.0 < quiet < loud < 1.0


def test_recording_ends_by_itself_after_the_utterance() -> None:
    speech = load_audio(fixture_clip("lj001-0008.flac"))
    lead = np.zeros(int(0.5 * SAMPLE_RATE), np.float32)
    levels: list[float] = []
    ended = threading.Event()
    rec = Recorder(
        ArraySource(np.concatenate([lead, speech]), trailing_silence=5.0),
        on_level=levels.append,
        on_end=ended.set,
        max_seconds=15.0,
    )
    rec.start()
    assert rec.wait(timeout=10.0)
    audio = rec.stop()
    assert ended.is_set() and rec.speech_started and not rec.running
    seconds = len(audio) / SAMPLE_RATE
    # the utterance (0.5 s lead + 1.8 s) plus a short tail, not the 5 s of trailing silence
    assert 2.2 < seconds < 3.6
    assert audio.dtype == np.float32
    assert max(levels) > 0.5 and min(levels) == 0.0


def test_utterance_end_is_found_in_a_noisy_room() -> None:
    rng = np.random.default_rng(1)
    speech = load_audio(fixture_clip("lj001-0008.flac"))
    lead, tail = int(1.0 * SAMPLE_RATE), int(5.0 * SAMPLE_RATE)
    signal = np.concatenate([np.zeros(lead, np.float32), speech, np.zeros(tail, np.float32)])
    noisy = (signal + 0.01 * rng.standard_normal(len(signal))).astype(np.float32)  # about -40 dBFS of hiss
    rec = Recorder(ArraySource(noisy, trailing_silence=0.0))
    rec.start()
    assert rec.wait(timeout=10.0)
    seconds = len(rec.stop()) / SAMPLE_RATE
    assert rec.speech_started
    assert 2.7 < seconds < 4.2  # 1 s lead + 1.8 s speech + a short tail, not the 5 s of hiss after it


def test_maximum_length_stops_a_recording_that_never_pauses() -> None:
    rng = np.random.default_rng(0)
    noise = (0.2 * rng.standard_normal(6 * SAMPLE_RATE)).astype(np.float32)
    rec = Recorder(ArraySource(noise, trailing_silence=0.0), max_seconds=2.0)
    rec.start()
    assert rec.wait(timeout=10.0)
    assert len(rec.stop()) == 2 * SAMPLE_RATE


def test_stop_returns_what_was_heard_so_far() -> None:
    rec = Recorder(ArraySource(fixture_clip("lj001-0004.flac"), realtime=True))
    rec.start()
    assert not rec.wait(timeout=0.5)
    audio = rec.stop()
    assert 0.2 * SAMPLE_RATE < len(audio) < 3 * SAMPLE_RATE


@needs_espeak
def test_recorded_generated_speech_scores_like_the_file(service: object) -> None:
    target = "I would like a cup of coffee, please."
    rec = Recorder(ArraySource(espeak_audio(target), trailing_silence=3.0))
    rec.start()
    assert rec.wait(timeout=10.0)
    attempt = service.score_attempt(target, rec.stop(), "en")
    assert attempt.transcript
    assert sum(w.status == "correct" for w in attempt.words) >= 6


def test_a_missing_microphone_gives_a_clear_message() -> None:
    rec = Recorder(MicrophoneSource(device="no such microphone 4711"))
    with pytest.raises(DeviceError) as info:
        rec.start()
    assert "microphone" in info.value.user_message.lower() or "portaudio" in info.value.user_message.lower()
    assert not rec.running


def test_default_device_without_sound_card_gives_a_clear_message() -> None:
    rec = Recorder()
    try:
        rec.start()
    except DeviceError as exc:
        message = exc.user_message
        assert "No microphone was found" in message or "PortAudio" in message
        assert not rec.running
        return
    rec.stop()
    pytest.skip("this machine has a working input device")


def test_a_pause_hands_over_exactly_the_recording_that_ends_there() -> None:
    speech = load_audio(fixture_clip("lj001-0008.flac"))
    gap = np.zeros(int(0.5 * SAMPLE_RATE), np.float32)  # a pause shorter than the end of the utterance
    pauses: list[np.ndarray] = []
    rec = Recorder(
        ArraySource(np.concatenate([speech, gap, speech]), trailing_silence=3.0), on_pause=pauses.append
    )
    rec.start()
    assert rec.wait(timeout=10.0)
    audio = rec.stop()
    # pauses in the middle (speech went on: not the final recording), then the one at the end: the final recording
    assert len(pauses) >= 2
    assert any(len(p) < len(audio) - len(speech) for p in pauses[:-1])
    assert all(len(p) < len(audio) for p in pauses[:-1])
    assert np.array_equal(pauses[-1], audio)
