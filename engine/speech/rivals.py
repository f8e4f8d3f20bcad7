"""Rival readings of a drill sentence, scored against the target by Whisper's forced decoder.

Where the free transcript disagrees with the target, two rival sentences are built for each disputed target word:
the target with that word dropped, and the target with that word swapped for what the free decoder heard there.
Whisper scores the target and every rival under teacher forcing on the same encoder output (one batched
``align`` call); a rival whose log-probability beats the target's by a margin says the learner left the word out
or said something else. This is a likelihood-ratio test per word, in the spirit of goodness-of-pronunciation
scoring: unlike the target's own token probability, it does not flag a word merely because the language model
found it unlikely, nor accept a wrong word merely because the language model props it up.

The free transcript only proposes rivals; the forced decoder judges them, so the free decoder's spelling slips
(homophones, "às" heard as "as", words run together) do not become flags by themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.speech.normalize import recogniser_spelling, split_words

DROP = "drop"
SWAP = "swap"

_EDGES = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.DOTALL)


@dataclass(frozen=True)
class Rival:
    """A sentence competing with the target at one word.

    Attributes:
        word_index: the target word (index in ``split_words(target)``) this rival disputes.
        kind: :data:`DROP` (the word left out) or :data:`SWAP` (the word replaced by what was heard).
        text: the whole rival sentence, in the recogniser's spelling, with a leading space (as tokenised).
    """

    word_index: int
    kind: str
    text: str


@dataclass(frozen=True)
class RivalScore:
    """A rival's log-probability gain over the target (positive: the audio fits the rival better)."""

    word_index: int
    kind: str
    gain: float


def forced_text(words: list[str], language: str) -> str:
    """The sentence as given to the forced decoder: the recogniser's spelling, punctuation and case kept."""
    return " " + " ".join(recogniser_spelling(w, language) for w in words)


def _dropped(words: list[str], k: int) -> list[str]:
    """``words`` without word ``k``; its closing punctuation moves to the word before, its capital to the next."""
    head, _core, tail = _EDGES.match(words[k]).groups()  # type: ignore[union-attr]
    rest = [*words[:k], *words[k + 1 :]]
    if not rest:
        return rest
    if tail.strip() and k > 0:
        before = _EDGES.match(rest[k - 1]).groups()  # type: ignore[union-attr]
        rest[k - 1] = before[0] + before[1] + tail
    if k == 0 and words[0][:1].isupper() and rest[0][:1].islower():
        rest[0] = head + rest[0][:1].upper() + rest[0][1:]
    return rest


def _swapped(words: list[str], k: int, heard: str) -> list[str] | None:
    """``words`` with word ``k`` replaced by ``heard``, keeping the target word's punctuation and capital."""
    head, core, tail = _EDGES.match(words[k]).groups()  # type: ignore[union-attr]
    said = _EDGES.match(heard.strip()).group(2)  # type: ignore[union-attr]
    if not said or said.lower() == core.lower():
        return None
    said = said[:1].upper() + said[1:] if core[:1].isupper() else said[:1].lower() + said[1:]
    return [*words[:k], head + said + tail, *words[k + 1 :]]


def rivals_for(
    target: str,
    language: str,
    disputed: dict[int, str | None],
    continuations: dict[int, str] | None = None,
) -> list[Rival]:
    """Rival sentences for the disputed target words.

    Args:
        target: the sentence the learner read.
        language: its language code.
        disputed: target word index -> what the free transcript had there (None: nothing).
        continuations: target word index -> the word Whisper decodes there when the target's words before it
            are given (its best guess in the right context: the free transcript may have run words together).

    Returns:
        For each disputed word, the sentence without it and, for each different thing heard there (free
        transcript, continuation), the sentence with that instead; in word order.
    """
    words = split_words(target)
    result: list[Rival] = []
    for k in sorted(disputed):
        dropped = _dropped(words, k)
        if dropped:
            result.append(Rival(k, DROP, forced_text(dropped, language)))
        texts: list[str] = []
        for heard in (disputed[k], (continuations or {}).get(k)):
            swapped = _swapped(words, k, heard) if heard else None
            text = forced_text(swapped, language) if swapped else None
            if text and text not in texts:
                texts.append(text)
                result.append(Rival(k, SWAP, text))
    return result
