"""Palavra's English learner rules, alone and in the service."""

from __future__ import annotations

import pytest

from engine.config import EngineConfig
from engine.correct.en_rules import EnglishLearnerChecker
from engine.correct.service import CorrectionService


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("I have 20 years.", "I am 20 years old."),
        ("There is many people here.", "There are many people here."),
        ("I am living here since 2010.", "I have been living here since 2010."),
        ("He go to school yesterday.", "He went to school yesterday."),
    ],
)
@pytest.mark.model
def test_learner_errors_are_fixed(wrong: str, right: str) -> None:
    service = CorrectionService(EngineConfig())
    result = service.check(wrong, "en")
    assert result.corrected == right
    assert all(dict(e.notes)["pt"] for e in result.edits)


@pytest.mark.parametrize(
    "sentence",
    [
        "She has 3 years of experience.",
        "There is a cat and there are two dogs.",
        "I am living here now.",
        "He goes to school every day.",
        "Yesterday I said I will go tomorrow.",
    ],
)
def test_correct_english_is_left_alone(sentence: str) -> None:
    assert EnglishLearnerChecker().check(sentence) == []
