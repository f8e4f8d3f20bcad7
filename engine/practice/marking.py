"""Words the learner marks in a translation become vocabulary cards: which side is the word, which the meaning.

A card asks for the meaning of a word of the *practised* language. The learner may select a word on either side of
a translation: a word of the practised language is the card's word and its translation the meaning; a word of their
own language is the meaning, and its translation into the practised language becomes the card's word. The example
sentence is always one of the practised language (the sentence of that side that holds the word), so the card's
hint never gives the meaning away.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from engine.errors import InputError
from engine.practice import grading

#: A selection longer than this is a sentence, not a word to learn.
MAX_WORDS = 4

#: ``translate(text, source, target) -> text``.
TranslateFn = Callable[[str, str, str], str]

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_EDGE_PUNCTUATION = ".,;:!?…\"'“”‘’«»()[]"


@dataclass(frozen=True)
class MarkedWord:
    """A word put on the vocabulary list from a translation.

    Attributes:
        word: the word (or short phrase) in the practised language, as stored (lower case).
        translation: its meaning in the learner's language.
        language: the practised language (the list it went on).
        example: the sentence of the practised language that uses it ("" when none holds it).
        added: False when it was on the list already.
    """

    word: str
    translation: str
    language: str
    example: str
    added: bool


def clean_selection(text: str) -> str:
    """The words of a selection, punctuation around them dropped.

    Raises:
        InputError: no word, or more than :data:`MAX_WORDS` words.
    """
    words = grading.tokens(text)
    if not words:
        raise InputError("Select a word first.")
    if len(words) > MAX_WORDS:
        raise InputError(f"Select a word or a short phrase (up to {MAX_WORDS} words), not a sentence.")
    return " ".join(words)


def clean_lookup(text: str, original: str) -> str:
    """A word's translation tidied: the model writes it as a sentence (capital, full stop)."""
    out = " ".join(text.split()).strip(_EDGE_PUNCTUATION).strip()
    if out and original[:1].islower() and out[:1].isupper() and not out[1:2].isupper():
        out = out[0].lower() + out[1:]
    return out


def sentence_with(text: str, word: str) -> str:
    """The first sentence of ``text`` that holds ``word`` (accents and case aside), or ""."""
    wanted = [grading.fold(t) for t in grading.tokens(word)]
    if not wanted:
        return ""
    for sentence in _SENTENCE_END.split(text):
        folded = [grading.fold(t) for t in grading.tokens(sentence)]
        for i in range(len(folded) - len(wanted) + 1):
            if folded[i : i + len(wanted)] == wanted:
                return sentence.strip()
    return ""


def card_from_selection(
    selection: str,
    language: str,
    *,
    practised: str,
    context: str,
    other_text: str,
    translate: TranslateFn | None,
) -> tuple[str, str, str]:
    """(word, translation, example) of the card a selection makes.

    Args:
        selection: the selected text.
        language: its language.
        practised: the language of the card's word.
        context: the text the selection was made in.
        other_text: the same text in the other language (the translation, or what was translated).
        translate: the engine's translator.

    Raises:
        InputError: no word, too many words, or no translator for a word of the learner's own language.
    """
    clean = clean_selection(selection)
    if language == practised:
        meaning = clean_lookup(translate(clean, language, _other(language)), clean) if translate else ""
        return clean, meaning, sentence_with(context, clean)
    if translate is None:
        raise InputError("Palavra cannot look this word up: the translation model is not available.")
    word = clean_lookup(translate(clean, language, practised), clean)
    if not grading.tokens(word):
        raise InputError(f"Palavra found no translation of '{clean}'.")
    return word, clean, sentence_with(other_text, word)


def _other(language: str) -> str:
    return "en" if language == "pt" else "pt"
