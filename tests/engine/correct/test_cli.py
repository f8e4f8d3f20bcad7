"""``palavra correct`` through the real CLI entry point and the real checkers."""

from __future__ import annotations

import io
import json

import pytest

from engine.cli import main

pytestmark = pytest.mark.model


def test_correct_arguments_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["correct", "--lang", "en", "She go to school.", "I can heard you."]) == 0
    assert capsys.readouterr().out.splitlines() == ["She goes to school.", "I can hear you."]


def test_correct_reads_stdin_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Voce fala ingles?\n\nEu vou a escola.\n"))
    assert main(["correct", "--lang", "pt"]) == 0
    assert capsys.readouterr().out.splitlines() == ["Você fala inglês?", "", "Eu vou à escola."]


def test_correct_json_prints_the_edits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["correct", "--lang", "en-GB", "--json", "She go to school."]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["language"] == "en-GB"
    assert payload["corrected"] == "She goes to school."
    (edit,) = payload["edits"]
    assert (edit["start"], edit["end"], edit["original"], edit["replacement"]) == (4, 6, "go", "goes")
    assert edit["explanation"]


def test_unsupported_language_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["correct", "--lang", "fr", "Bonjour"]) == 1
    assert "English and Portuguese" in capsys.readouterr().err
