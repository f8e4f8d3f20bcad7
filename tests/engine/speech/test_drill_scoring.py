"""Drill scoring on real recordings and generated speech, with the shipped Whisper model."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from engine.speech.audio import SAMPLE_RATE, load_audio

from .conftest import espeak_audio, fixture_clip, needs_espeak

pytestmark = pytest.mark.model

LJ4 = "produced the block books, which were the immediate predecessors of the true printed book,"
PT = "Uma raposa velha não consegue aprender nenhum ofício."


def statuses(attempt: Any) -> dict[str, str]:
    return {w.word.strip(".,?!").lower(): w.status for w in attempt.words}


@pytest.mark.parametrize(
    ("clip", "target", "lang"), [("lj001-0004.flac", LJ4, "en"), ("leopard-test-pt.flac", PT, "pt")]
)
def test_correct_readings_score_high_with_no_flags(service: Any, clip: str, target: str, lang: str) -> None:
    attempt = service.score_attempt(target, fixture_clip(clip), lang)
    assert attempt.score >= 90
    assert not [w for w in attempt.words if w.status in ("wrong", "missing")]
    assert attempt.extra == ()
    assert len(attempt.words) == len(target.split())
    starts = [w.start for w in attempt.words]
    assert all(s is not None for s in starts) and starts == sorted(starts)


def test_a_substituted_word_is_flagged_with_what_was_heard(service: Any) -> None:
    target = LJ4.replace("block", "paper")
    attempt = service.score_attempt(target, fixture_clip("lj001-0004.flac"), "en")
    word = next(w for w in attempt.words if w.word == "paper")
    assert word.status == "wrong" and word.heard == "block" and word.score < 40
    flagged = [w.word for w in attempt.words if w.status in ("wrong", "missing")]
    assert flagged == ["paper"]
    assert "paper" in attempt.feedback


def test_a_word_cut_from_the_recording_is_missing(service: Any) -> None:
    audio = load_audio(fixture_clip("leopard-test-pt.flac"))
    # "velha" is spoken between 1.04 s and 1.46 s (forced alignment of the full clip); cut it out
    cut = np.concatenate([audio[: int(1.02 * SAMPLE_RATE)], audio[int(1.44 * SAMPLE_RATE) :]])
    attempt = service.score_attempt(PT, cut, "pt")
    assert statuses(attempt)["velha"] in ("missing", "wrong")
    others = [w for w in attempt.words if w.word != "velha"]
    assert sum(w.status in ("wrong", "missing") for w in others) <= 1


def test_extra_words_are_listed(service: Any) -> None:
    attempt = service.score_attempt("has never been surpassed.", fixture_clip("lj001-0004.flac"), "en")
    assert len(attempt.extra) >= 5
    assert attempt.score < 60


def test_silence_scores_zero_without_decoding(service: Any) -> None:
    attempt = service.score_attempt("She is a nurse.", np.zeros(3 * SAMPLE_RATE, np.float32), "en")
    assert attempt.score == 0 and attempt.transcript == ""
    assert {w.status for w in attempt.words} == {"missing"}


def test_a_first_result_comes_before_the_full_one(service: Any) -> None:
    partial: list[Any] = []
    target = LJ4.replace("true", "new")
    final = service.score_attempt(target, fixture_clip("lj001-0004.flac"), "en", on_partial=partial.append)
    assert len(partial) == 1
    assert statuses(partial[0])["new"] in ("wrong", "missing")
    assert statuses(final)["new"] == "wrong"
    assert [w.word for w in partial[0].words] == [w.word for w in final.words]


@needs_espeak
def test_generated_speech_with_a_dropped_word_is_flagged(service: Any) -> None:
    target = "My sister works in a hospital near the station."
    audio = espeak_audio("My sister works in a hospital the station.")
    attempt = service.score_attempt(target, audio, "en")
    assert statuses(attempt)["near"] == "missing"
    assert [w.word for w in attempt.words if w.status in ("wrong", "missing")] == ["near"]
