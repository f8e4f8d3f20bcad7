"""Words the learner marks in a translation become vocabulary cards: which side is the word, which the meaning.

A card asks for the meaning of a word of the *practised* language. The learner may select a word on either side of
a translation: a word of the practised language is the card's word and its translation the meaning; a word of their
own language is the meaning, and its translation into the practised language becomes the card's word. The example
sentence is always one of the practised language (the sentence of that side that holds the word), so the card's
hint never gives the meaning away.

The other side of the selection is read from the translation of its sentence, where the model's word alignment
links it (:mod:`engine.practice.context_words`); only when that alignment is weak is the word translated alone,
and then the sentence's own wording of that translation is preferred.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from engine.errors import InputError
from engine.practice import grading
from engine.practice.context_words import AlignWords, SentencePair, aligned_words, sentence_pair, within

log = logging.getLogger(__name__)

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
    align: AlignWords | None = None,
    at: int | None = None,
    in_translation: bool = False,
) -> tuple[str, str, str]:
    """(word, translation, example) of the card a selection makes.

    Args:
        selection: the selected text.
        language: its language.
        practised: the language of the card's word.
        context: the text the selection was made in.
        other_text: the same text in the other language (the translation, or what was translated).
        translate: the engine's translator.
        align: the engine's word aligner (None: each word is translated alone).
        at: where the selection starts in ``context`` (None: its first occurrence).
        in_translation: whether ``context`` is the translation of ``other_text`` (else ``other_text`` is the
            translation of ``context``).

    Raises:
        InputError: no word, too many words, or no translator for a word of the learner's own language.
    """
    if at is not None:
        selection, at = whole_words(context, selection, at)
    clean = clean_selection(selection)
    pair = _pair(selection, language, context, other_text, at, in_translation, translate)
    if language == practised:
        meaning = _other_side(clean, language, pair, translate, align, in_translation)
        own = sentence_with(pair.own, clean) if pair else ""
        return clean, meaning, own or sentence_with(context, clean)
    if translate is None and align is None:
        raise InputError("Palavra cannot look this word up: the translation model is not available.")
    word = _other_side(clean, language, pair, translate, align, in_translation)
    if not grading.tokens(word):
        if translate is None:
            raise InputError("Palavra cannot look this word up: the translation model is not available.")
        raise InputError(f"Palavra found no translation of '{clean}'.")
    example = sentence_with(pair.other, word) if pair else ""
    return word, clean, example or sentence_with(other_text, word)


def whole_words(context: str, selection: str, at: int) -> tuple[str, int]:
    """A selection that cuts a word of ``context`` (``"harmac"`` of "pharmacy") grown to the whole word, and where
    it then starts; any other selection as it is."""
    end = at + len(selection)
    if at < 0 or context[at:end].split() != selection.split():
        return selection, at
    start = at
    while start > 0 and selection[:1].isalnum() and context[start - 1].isalnum():
        start -= 1
    while end < len(context) and selection[-1:].isalnum() and context[end].isalnum():
        end += 1
    return context[start:end], start


def _directions(language: str, in_translation: bool) -> tuple[str, str]:
    """(source, target) language of the translation the selection was made in."""
    return (_other(language), language) if in_translation else (language, _other(language))


def _pair(
    selection: str,
    language: str,
    context: str,
    other_text: str,
    at: int | None,
    in_translation: bool,
    translate: TranslateFn | None,
) -> SentencePair | None:
    """The sentence pair holding the selection (None: the selection is not found, or there is no other text and,
    for a selection in the text translated, no translator to translate its sentence)."""
    if not context.strip() or (not other_text.strip() and (in_translation or translate is None)):
        return None
    size = len(selection)
    if at is None or at < 0 or context[at : at + size].split() != selection.split():
        found = context.find(selection.strip())
        if found < 0:
            return None
        at, size = found, len(selection.strip())
    source, target = _directions(language, in_translation)
    again = (lambda text: translate(text, source, target)) if translate is not None else None
    return sentence_pair(context, other_text, at, at + size, in_target=in_translation, translate=again)


def _other_side(
    clean: str,
    language: str,
    pair: SentencePair | None,
    translate: TranslateFn | None,
    align: AlignWords | None,
    in_translation: bool,
) -> str:
    """The selection in the other language: the aligned words of its sentence's translation when the alignment is
    sure, else its own translation (as the sentence's translation words it, when that holds it); "" when neither
    can be had."""
    if pair is not None and align is not None:
        source, target = _directions(language, in_translation)
        try:
            found = aligned_words(pair, align(source, target, [(pair.source, pair.target)])[0])
        except Exception as exc:  # the word's own translation still gives a card
            log.info("no word alignment for a marked word: %s", type(exc).__name__)
            found = None
        if found is not None and found.strong:
            return found.text
    if translate is None:
        return ""
    looked = clean_lookup(translate(clean, language, _other(language)), clean)
    return (within(looked, pair) if pair is not None else "") or looked


def _other(language: str) -> str:
    return "en" if language == "pt" else "pt"
