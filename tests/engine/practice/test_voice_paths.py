"""Real models: the Portuguese voice (Kokoro-82M) feeds the speaking and dictation paths; the CLI end to end."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from engine.cli import main
from engine.config import EngineConfig
from engine.practice.service import PracticeService
from engine.speech.audio import load_audio
from engine.speech.service import SpeechService

# pinned: decoded exactly by Whisper base from this voice (benchmarks/speech_voice.py measures 50 sentences)
SENTENCE_ID = "pt-a1-travel-02"
SENTENCE = "Eu tenho uma passagem para Salvador."


@pytest.fixture(scope="module")
def speech(whisper_dir: Path, kokoro_model: Path) -> Iterator[SpeechService]:
    mp = pytest.MonkeyPatch()
    mp.setenv("PALAVRA_KOKORO_MODEL", str(kokoro_model))
    svc = SpeechService(EngineConfig(device="cpu"), model_path=whisper_dir)
    yield svc
    svc.close()
    mp.undo()


@pytest.fixture(scope="module")
def voice(speech: SpeechService) -> np.ndarray:
    audio, rate = speech.synthesize(SENTENCE, "pt")
    assert rate == 24000 and audio.dtype == np.float32 and 1.5 < len(audio) / rate < 6
    return load_audio(audio, rate)


@pytest.mark.model
def test_the_portuguese_voice_is_neural_and_whisper_understands_it(
    speech: SpeechService, voice: np.ndarray
) -> None:
    assert speech.voice_name("pt") == "Kokoro-82M" and speech.voice_name("en") == "hibari-tts"
    heard = speech.transcribe(voice, "pt", beam_size=1).text.strip()
    assert heard == SENTENCE, heard
    attempt = speech.score_attempt(SENTENCE, voice, "pt")
    assert attempt.score >= 90 and all(w.status in ("correct", "uncertain") for w in attempt.words), attempt


@pytest.mark.model
def test_dictation_of_the_voice_typed_as_heard_scores_full(
    speech: SpeechService, voice: np.ndarray, tmp_path: Path
) -> None:
    practice = PracticeService(database=tmp_path / "p.sqlite3")
    try:
        typed = speech.transcribe(voice, "pt", beam_size=1).text  # a "learner" who writes what Whisper heard
        result = practice.check("dictation", SENTENCE_ID, "pt", typed)
        assert result.passed and result.score == 100
        sloppy = practice.check("dictation", SENTENCE_ID, "pt", typed.replace("passagem", "pasagem"))
        assert not sloppy.passed and [w.status for w in sloppy.words].count("wrong") == 1
    finally:
        practice.close()


@pytest.mark.model
def test_cli_speak_score_a_file_record_and_advance(
    speech: SpeechService,
    whisper_dir: Path,
    kokoro_model: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PALAVRA_WHISPER_MODEL", str(whisper_dir))
    monkeypatch.setenv("PALAVRA_KOKORO_MODEL", str(kokoro_model))
    wav = tmp_path / "attempt.wav"
    assert main(["speak", "--lang", "pt", SENTENCE, "-o", str(wav), "--json"]) == 0
    spoken = json.loads(capsys.readouterr().out)
    assert spoken["voice"] == "Kokoro-82M" and soundfile.info(str(wav)).samplerate == 24000
    assert (
        main(["drill", "score", "--drill", SENTENCE_ID, "--lang", "pt", "--record", str(wav), "--json"]) == 0
    )
    scored = json.loads(capsys.readouterr().out)
    assert scored["recorded"] and scored["drill"] == SENTENCE_ID and scored["score"] >= 90
    assert main(["exercise", "progress", "--lang", "pt", "--json"]) == 0
    progress = json.loads(capsys.readouterr().out)
    assert [p["kind"] for p in progress["points"]] == ["speaking"] and progress["streak_days"] == 1
    # drill next moves on each time, with or without attempts
    ids = []
    for _ in range(3):
        assert main(["drill", "next", "--lang", "pt", "--json"]) == 0
        ids.append(json.loads(capsys.readouterr().out)["id"])
    assert len(set(ids)) == 3


def test_cli_exercise_json_in_and_out(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["exercise", "next", "cloze", "--lang", "pt", "--json"]) == 0
    item = json.loads(capsys.readouterr().out)
    assert item["kind"] == "cloze" and "____" in item["prompt"]
    word = item["item_id"].split("#", 1)[1]
    monkeypatch.setattr(
        "sys.stdin", io.StringIO(json.dumps({"kind": "cloze", "item": item["item_id"], "answer": word}))
    )
    assert main(["exercise", "check", "--lang", "pt", "--input", "-", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["passed"] and result["score"] == 100 and result["words"][0]["status"] == "correct"
    assert main(["exercise", "placement", "--lang", "pt", "--json"]) == 0
    questions = json.loads(capsys.readouterr().out)
    assert len(questions) == 20 and all(len(q["options"]) == 4 for q in questions)
    answers = tmp_answers = {q["item_id"]: q["options"][0] for q in questions}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(tmp_answers)))
    assert main(["exercise", "placement", "--lang", "pt", "--answers", "-", "--json"]) == 0
    placed = json.loads(capsys.readouterr().out)
    assert placed["level"] in ("pre-A1", "A1", "A2", "B1", "B2") and len(placed["answers"]) == len(answers)
    assert (
        main(["exercise", "check", "vocab", "--lang", "pt", "--item", "x"]) == 1
    )  # no answer: a clear error
    assert "answer" in capsys.readouterr().err


@pytest.mark.model
def test_translation_exercise_with_the_real_translator(translation_models: Path) -> None:
    from engine.api import Engine

    engine = Engine(EngineConfig(device="cpu"))
    try:
        item = engine.practice.next_exercise("translation", "pt", level="A1")
        ours = engine.translate([item.prompt], "en", "pt")[0].text
        result = engine.practice.check("translation", item.item_id, "pt", ours)
        assert result.engine_translation == ours and result.passed and result.chrf_engine == 100
        wrong = engine.practice.check("translation", item.item_id, "pt", "Gosto muito de bananas maduras.")
        assert not wrong.passed and wrong.score < 40
    finally:
        engine.close()
