"""The neural tagger pass (quire-grammar-model through the engine's ONNX session factory)."""

from __future__ import annotations

import pytest

from engine.config import EngineConfig
from engine.correct.model import CATEGORIES, apply_edits
from engine.correct.tagger import TaggerChecker, available

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not available(), reason="quire-grammar-model is not installed"),
]


@pytest.fixture(scope="module")
def tagger() -> TaggerChecker:
    return TaggerChecker(EngineConfig(device="cpu", threads=1))


def test_homophones_and_participles_are_tagged(tagger: TaggerChecker) -> None:
    text = "I has went to there house yesterday."
    edits = tagger.check(text)
    assert apply_edits(text, edits) == "I have gone to their house yesterday."
    for edit in edits:
        assert text[edit.start : edit.end] == edit.original
        assert edit.category in CATEGORIES
        assert edit.explanation


def test_attached_punctuation_is_kept(tagger: TaggerChecker) -> None:
    text = "We went to there."
    assert apply_edits(text, tagger.check("We went to there.")) in {"We went to there.", "We went to their."}


def test_correct_and_empty_text(tagger: TaggerChecker) -> None:
    assert tagger.check("I would like a cup of tea, please.") == []
    assert tagger.check("") == []
    assert tagger.check("   ") == []


def test_service_with_the_neural_pass() -> None:
    from engine.correct.service import CorrectionService

    service = CorrectionService(EngineConfig(device="cpu", threads=1), neural=True)
    result = service.check("I has went to there house yesterday. She go home.", "en")
    assert result.corrected == "I have gone to their house yesterday. She goes home."
    for edit in result.edits:
        assert result.text[edit.start : edit.end] == edit.original
        assert edit.explanation
