"""``language="auto"``: each paragraph checked in its own language, on the real checkers."""

from __future__ import annotations

import pytest

from engine.config import EngineConfig
from engine.correct.language import split_languages
from engine.correct.service import CorrectionService


@pytest.fixture(scope="module")
def service() -> CorrectionService:
    return CorrectionService(EngineConfig())


def test_split_mixed_text_by_line() -> None:
    text = "I think we should go home now.\nEu acho que a gente deve ir embora.\n12:30\nThey was happy."
    spans = split_languages(text)
    assert [s.language for s in spans] == ["en-US", "pt-BR", "en-US"]
    assert spans[0].start == 0 and spans[-1].end == len(text)
    # a line without words (12:30) follows the line before it
    assert text[spans[1].start : spans[1].end].endswith("12:30\n")


def test_variant_detected_for_european_portuguese() -> None:
    (span,) = split_languages("Estou a trabalhar no meu telemóvel, contacta-me amanhã.")
    assert span.language == "pt-PT"


def test_auto_checks_english_as_english(service: CorrectionService) -> None:
    result = service.check("I think we should go to the park tomorow.", "auto")
    assert result.language == "en-US"
    assert "think" in result.corrected and "we" in result.corrected.split()
    assert "tomorrow" in result.corrected


def test_auto_mixed_text_checked_per_part(service: CorrectionService) -> None:
    text = "He go to school every day.\nEu fazi o bolo ontem."
    result = service.check(text, "auto")
    assert [p.language for p in result.parts] == ["en-US", "pt-BR"]
    assert result.languages == ("en-US", "pt-BR")
    corrected = result.corrected
    assert "goes" in corrected.split("\n")[0] or "went" in corrected.split("\n")[0]
    assert "fiz" in corrected.split("\n")[1]


def test_named_language_is_not_detected(service: CorrectionService) -> None:
    result = service.check("Eu fazi o bolo.", "pt")
    assert len(result.parts) == 1 and not result.parts[0].detected
