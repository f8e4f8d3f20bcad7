"""Which language each part of a text is in, for ``language="auto"``.

The text is cut into lines (a paragraph is a line in the editor); each line is guessed with the translation
engine's detector (:func:`engine.translate.detect.detect`). A line too short to tell (a name, "OK", a number)
takes the language of the lines around it, or of the whole text. Neighbouring lines in the same language make
one part, so a mixed text is checked in the language of each part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.correct.spelling import SpellingModel, shared_model, strip_accents
from engine.translate.detect import detect

#: Below this confidence a line's own guess is not trusted and it follows its neighbours.
MIN_CONFIDENCE = 0.34
#: The variant of Portuguese when nothing in the text says which.
DEFAULT_VARIANTS = {"en": "en-US", "pt": "pt-BR"}

_LINE = re.compile(r"[^\n]*\n?")


@dataclass(frozen=True)
class Span:
    """A stretch ``[start, end)`` of the text and its language variant."""

    start: int
    end: int
    language: str


_WORDS = re.compile(r"[^\W\d_]+")


def _lexicon(language: str) -> SpellingModel:
    return shared_model(language)


def _vocabulary_vote(text: str) -> tuple[str, float]:
    """English or Portuguese by which word list knows more of the words (accents dropped for Portuguese:
    learners leave them out). Returns the language and a confidence."""
    en = pt = 0.0
    for word in _WORDS.findall(text.lower()):
        in_en = _lexicon("en").frequency(word) > 0
        in_pt = _lexicon("pt").frequency(word) > 0 or _lexicon("pt").frequency(strip_accents(word)) > 0
        if in_en and not in_pt:
            en += 1
        elif in_pt and not in_en:
            pt += 1
    if en == pt:
        return "", 0.0
    return ("pt" if pt > en else "en"), abs(pt - en) / (pt + en)


def _guess(text: str) -> tuple[str, str | None, float]:
    guess = detect(text)
    if guess.confidence >= 0.6:
        return guess.language, guess.variant, guess.confidence
    language, confidence = _vocabulary_vote(text)
    if not language:
        return guess.language, guess.variant, guess.confidence
    if language == guess.language:
        return language, guess.variant, max(confidence, guess.confidence)
    return language, None, confidence


def detect_variant(text: str, default_pt: str = "pt-BR") -> str:
    """The language variant of a whole text (``"en-US"``, ``"pt-BR"`` or ``"pt-PT"``)."""
    language, variant, _ = _guess(text)
    if language == "pt":
        return variant or default_pt
    return DEFAULT_VARIANTS["en"]


def split_languages(text: str, default_pt: str | None = None) -> list[Span]:
    """Cut ``text`` into parts, each in one language.

    Args:
        text: the text to check.
        default_pt: the Portuguese variant when the text does not show one; None guesses it from the whole
            text (pt-BR when that says nothing either).

    Returns:
        Spans covering the whole text in order (one span for an empty text).
    """
    whole_language, whole_variant, _ = _guess(text)
    if not whole_language:
        whole_language = "en"
    pt_variant = default_pt or whole_variant or DEFAULT_VARIANTS["pt"]
    lines: list[tuple[int, int, str]] = []
    guesses: list[str | None] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            continue
        lines.append((m.start(), m.end(), m.group()))
        language, _, confidence = _guess(m.group())
        guesses.append(language if language and confidence >= MIN_CONFIDENCE else None)
    if not lines:
        return [Span(0, len(text), _variant(whole_language, pt_variant))]
    resolved = _fill(guesses, whole_language)
    spans: list[Span] = []
    for (start, end, _), language in zip(lines, resolved, strict=True):
        variant = _variant(language, pt_variant)
        if spans and spans[-1].language == variant:
            spans[-1] = Span(spans[-1].start, end, variant)
        else:
            spans.append(Span(start, end, variant))
    return spans


def _variant(language: str, pt_variant: str) -> str:
    return pt_variant if language == "pt" else DEFAULT_VARIANTS["en"]


def _fill(guesses: list[str | None], fallback: str) -> list[str]:
    """Lines without a confident guess take the previous line's language, else the next one's, else the text's."""
    out: list[str] = []
    for index, guess in enumerate(guesses):
        if guess is not None:
            out.append(guess)
            continue
        previous = next((g for g in reversed(guesses[:index]) if g is not None), None)
        following = next((g for g in guesses[index + 1 :] if g is not None), None)
        out.append(previous or following or fallback)
    return out
