"""Palavra's own endpoints (/correct, /transcribe, /drill/score) over real HTTP with the real models."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.engine.server.conftest import Served

pytestmark = pytest.mark.model

CLIPS = Path(__file__).resolve().parents[1] / "speech" / "fixtures"


def test_correct_returns_edits_with_explanations(server: Served) -> None:
    r = httpx.post(
        f"{server.url}/correct", json={"text": "She go to school every day.", "lang": "en"}, timeout=120
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["language"].startswith("en")
    assert "goes" in body["corrected"]
    edit = next(e for e in body["edits"] if e["original"] == "go")
    assert edit["replacement"] == "goes" and edit["explanation"]
    assert body["text"][edit["start"] : edit["end"]] == "go"


def test_correct_detects_the_language(server: Served) -> None:
    r = httpx.post(
        f"{server.url}/correct", data={"text": "Eu gosto muito de viajar com a minha família."}, timeout=120
    )
    assert r.json()["language"].startswith("pt")


def test_transcribe_a_recording(server: Served) -> None:
    clip = CLIPS / "lj001-0008.flac"
    with clip.open("rb") as f:
        r = httpx.post(
            f"{server.url}/transcribe", files={"file": (clip.name, f)}, data={"language": "en"}, timeout=180
        )
    assert r.status_code == 200, r.text
    body = r.json()
    assert "surpassed" in body["text"].lower()
    assert body["language"] == "en" and body["segments"][0]["words"]


def test_drill_score_flags_words_of_the_target(server: Served) -> None:
    clip = CLIPS / "leopard-test-pt.flac"
    target = "Uma raposa velha não consegue aprender nenhum ofício."
    with clip.open("rb") as f:
        r = httpx.post(
            f"{server.url}/drill/score",
            files={"file": (clip.name, f)},
            data={"target": target, "lang": "pt"},
            timeout=180,
        )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["score"] >= 80
    assert [w["word"] for w in body["words"]] == target.split()


def test_audio_endpoints_refuse_bad_input(server: Served) -> None:
    empty = httpx.post(f"{server.url}/transcribe", files={"file": ("a.wav", b"")})
    assert empty.status_code == 400 and "empty" in empty.json()["error"]
    junk = httpx.post(
        f"{server.url}/transcribe", files={"file": ("a.wav", b"not audio at all" * 10)}, timeout=60
    )
    assert junk.status_code == 400 and "could not be read as audio" in junk.json()["error"]
    no_file = httpx.post(f"{server.url}/drill/score", data={"target": "Hi", "lang": "en"})
    assert no_file.status_code == 400 and "missing file" in no_file.json()["error"]
