"""``palavra transcribe``, ``palavra drill score`` and ``palavra drill next`` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.cli import main

from .conftest import fixture_clip


@pytest.fixture(autouse=True)
def _shared_model(whisper_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PALAVRA_WHISPER_MODEL", str(whisper_dir))


@pytest.mark.model
def test_drill_score_json(capsys: pytest.CaptureFixture[str]) -> None:
    target = "Uma raposa velha não consegue aprender nenhum ofício."
    code = main(
        [
            "drill",
            "score",
            "--target",
            target,
            "--lang",
            "pt",
            str(fixture_clip("leopard-test-pt.flac")),
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert {"score", "words", "extra"} <= set(data)
    # the clip is a person reading exactly this sentence: a high score and no word flagged
    assert isinstance(data["score"], int) and data["score"] >= 90, data["score"]
    assert [w["word"] for w in data["words"]] == target.split()
    for w in data["words"]:
        assert set(w) == {"word", "status", "score", "start", "end"}
        assert w["status"] == "correct", w
    assert data["extra"] == []


@pytest.mark.model
def test_drill_score_json_flags_the_words_that_were_not_said(capsys: pytest.CaptureFixture[str]) -> None:
    target = "Uma raposa nova não quer aprender nenhum ofício."  # the clip says "velha" and "consegue"
    clip = str(fixture_clip("leopard-test-pt.flac"))
    assert main(["drill", "score", "--target", target, "--lang", "pt", clip, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    status = {w["word"]: w["status"] for w in data["words"]}
    assert status["nova"] == "wrong" and status["quer"] == "wrong", status
    assert status["raposa"] == status["aprender"] == status["ofício."] == "correct", status
    assert data["score"] < 85, data["score"]


@pytest.mark.model
def test_transcribe_plain_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcribe", str(fixture_clip("lj001-0008.flac")), "--lang", "en", "--beam", "1"]) == 0
    assert capsys.readouterr().out.strip().lower().startswith("has never been surpassed")
    assert main(["transcribe", str(fixture_clip("leopard-test-pt.flac")), "--beam", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "pt" and data["segments"][0]["words"][0]["word"]


def test_drill_next(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["drill", "next", "--lang", "pt", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "pt" and data["level"] == "A1" and data["text"] and data["translation"]
    assert main(["drill", "next", "--lang", "en"]) == 0
    assert "[A1" in capsys.readouterr().out


def test_errors_are_messages_not_tracebacks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["drill", "score", "--target", "Hi", "--lang", "en", str(tmp_path / "none.wav")])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["drill", "next", "--lang", "xx"]) == 1
    assert "no drills" in capsys.readouterr().err
