"""The other side of a word selected in a translation, found in context.

A word translated alone is often wrong ("nearest" alone comes back as "Mais informações", "hotel" as "O hotel é"),
so the meaning of a selected word is read from the translation of its own sentence: the sentence pair is found
(the same sentence of both panes, or the sentence translated again, which the translation cache makes free) and
the words of the other side are the ones the translation model's cross-attention links to the selection (see
:mod:`engine.documents.align`). :func:`aligned_words` says how sure the alignment is; a weak one leaves the word to
its own translation, which :func:`within` checks against the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from engine.practice import grading
from engine.translate import text as segmentation

if TYPE_CHECKING:
    from engine.documents.align import Alignment

#: ``align(source language, target language, [(sentence, its translation), ...]) -> one Alignment per pair``.
AlignWords = Callable[[str, str, Sequence[tuple[str, str]]], "list[Alignment]"]

#: A selection is aligned when the words found for it give it at least this much of their attention...
MIN_STRENGTH = 0.4
#: ...and the pair's words attend this much on average to words of the other side (not the end of the sentence):
#: a text and an unrelated one fail this, a sentence and its translation pass it (0.85-0.99 on real pairs).
MIN_PAIR_MASS = 0.75

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

#: Articles, prepositions, possessives and conjunctions (English, Portuguese): a card's word does not start or end
#: with one unless the selection does ("a farmácia" -> "farmácia", "de fumar" -> "fumar", "dor de cabeça" kept).
LEANING = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "and", "or", "my", "your",
    "his", "her", "its", "our", "their", "com", "sem", "até",
    "o", "os", "as", "um", "uma", "uns", "umas", "de", "da", "do", "das", "dos", "na", "no", "nas", "nos", "em",
    "e", "ou", "que", "para", "por", "pela", "pelo", "ao", "à", "aos", "às", "seu", "sua", "seus", "suas", "meu",
    "minha", "meus", "minhas", "teu", "tua", "nosso", "nossa",
})  # fmt: skip
#: Pronouns, auxiliaries, copulas and intensifiers, which the model links to the word they go with ("gave up" ->
#: "Ela desistiu", "happy" -> "ser feliz", "tired" -> "too tired"): trimmed at an edge like the leaning words, but
#: never joining two linked words.
LIGHT = frozenset({
    "i", "you", "he", "she", "it", "we", "they", "me", "eu", "tu", "ele", "ela", "nós", "vós", "eles", "elas",
    "você", "vocês", "te", "se", "lhe", "lhes", "vos",
    "is", "are", "was", "were", "be", "been", "am", "will", "would", "do", "does", "did", "very", "too", "so",
    "much", "already", "just", "é", "são", "era", "eram", "foi", "foram", "ser", "será", "serão", "seria", "está",
    "estão", "estava", "estavam", "estar", "estou", "sou", "somos", "vou", "vai", "vão", "muito", "muita", "tão",
    "já",
})  # fmt: skip
_EDGE = LEANING | LIGHT
#: A word at an edge of the found words that gives the selection less than this share of the attention the best
#: found word gives it goes (the model links the word before a translation to it as it looks ahead: "outro aluno",
#: "go by car"); a word the selection has at that edge stays.
RELATIVE = 0.75


@dataclass(frozen=True)
class SentencePair:
    """The sentence holding a selection and its counterpart in the other language.

    Attributes:
        source: the sentence the model translated from.
        target: its translation.
        start: where the selection starts in its own sentence (``source``, or ``target`` when ``in_target``).
        end: where it ends.
        in_target: whether the selection is in the translation.
    """

    source: str
    target: str
    start: int
    end: int
    in_target: bool

    @property
    def own(self) -> str:
        """The sentence holding the selection."""
        return self.target if self.in_target else self.source

    @property
    def other(self) -> str:
        """The sentence of the other language."""
        return self.source if self.in_target else self.target


@dataclass(frozen=True)
class Found:
    """Words of the other sentence aligned to a selection.

    Attributes:
        text: those words as written there (leaning words at the edges trimmed).
        strong: whether the alignment is sure enough to trust over a translation of the word alone.
        strength: how much attention the found words and the selection give each other (0-1).
    """

    text: str
    strong: bool
    strength: float


def sentence_pair(
    context: str,
    other_text: str,
    start: int,
    end: int,
    *,
    in_target: bool,
    translate: Callable[[str], str] | None,
) -> SentencePair | None:
    """The sentence of ``context`` holding ``context[start:end]`` and its counterpart in ``other_text``.

    The texts are segmented as the translator segments them; when both have as many sentences, the counterpart is
    the sentence of the same rank. Otherwise the sentences of the source side are translated again (``translate``,
    source to target language: cached, so free for what the page translated) and looked for in the translation.

    Returns:
        None when the selection's sentence has no counterpart (or spans two sentences).
    """
    own = _sentences(context)
    found = next(((k, a, b) for k, (a, b) in enumerate(own) if a <= start and end <= b), None)
    if found is None:
        return None
    rank, a, b = found
    sentence = context[a:b]
    other = _sentences(other_text)
    if len(other) == len(own):
        counterpart = other_text[other[rank][0] : other[rank][1]]
    elif translate is None:
        return None
    elif not in_target:
        counterpart = translate(sentence).strip()
    else:  # the source's sentences translated again, found in order in the translation shown
        counterpart = ""
        pos = 0
        for x, y in other:
            done = translate(other_text[x:y]).strip()
            at = context.find(done, pos) if done else -1
            if at < 0:
                continue
            if at <= start and end <= at + len(done):
                counterpart, sentence, a = other_text[x:y], done, at
                break
            pos = at + len(done)
    if not counterpart.strip():
        return None
    if in_target:
        return SentencePair(counterpart, sentence, start - a, end - a, True)
    return SentencePair(sentence, counterpart, start - a, end - a, False)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, as the translator cuts it."""
    spans = []
    pos = 0
    for piece in segmentation.split(text):
        if piece.translate:
            spans.append((pos, pos + len(piece.text)))
        pos += len(piece.text)
    return spans


def aligned_words(pair: SentencePair, alignment: Alignment) -> Found | None:
    """The words of ``pair.other`` that the alignment links to the selection (None: no word is linked).

    A word of the other side is linked when the selection holds the word it attends to most (or the word most
    attending to it); the found words are the best-linked run of them (an article or a preposition between two
    linked ones joins them), without leaning or light words (:data:`LEANING`, :data:`LIGHT`) or weakly linked ones
    (:data:`RELATIVE`) at an edge unless the selection has one there.
    """
    own_words = _words(pair.own)
    other_words = _words(pair.other)
    src_words = other_words if pair.in_target else own_words
    tgt_words = own_words if pair.in_target else other_words
    if not src_words or not tgt_words or not alignment.source or not alignment.target:
        return None
    matrix = _word_matrix(alignment, src_words, tgt_words)  # [target words, source words]
    if not pair.in_target:
        matrix = matrix.T  # rows: the selection's side
    # from here on: rows are the words of the selection's sentence, columns those of the other sentence
    selected = [k for k, (a, b) in enumerate(own_words) if a < pair.end and pair.start < b]
    if not selected:
        return None
    sel = np.array(selected)
    best_row = matrix.argmax(axis=0)  # for each other word, the own word most linked to it
    best_col = matrix.argmax(axis=1)  # for each own word, the other word most linked to it
    linked = {c for c in range(matrix.shape[1]) if best_row[c] in selected and matrix[best_row[c], c] > 0}
    linked |= {int(best_col[r]) for r in selected if matrix[r, best_col[r]] > 0}
    if not linked:
        return None
    mass = matrix[sel].sum(axis=0) if not pair.in_target else matrix[sel].max(axis=0)
    run = _best_run(sorted(linked), mass, pair.other, other_words)
    strength = (
        float(max(mass[c] for c in run)) if not pair.in_target else float(matrix[sel][:, run].sum(1).max())
    )
    rows = np.asarray(alignment.weights).sum(axis=1)
    strong = strength >= MIN_STRENGTH and float(rows.mean()) >= MIN_PAIR_MASS
    # (how much each found word attends to the selection compares across words; how much the selection attends to
    # each does not: one word's attention is shared out among the words of its translation, "mais próxima")
    a, b = _trimmed(
        run, other_words, pair.other, pair.own[pair.start : pair.end], None if pair.in_target else mass
    )
    return Found(_case(pair.other[a:b], a, pair), strong, strength)


def _words(sentence: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(sentence)]


def _word_matrix(
    alignment: Alignment, src_words: list[tuple[int, int]], tgt_words: list[tuple[int, int]]
) -> np.ndarray:
    """``[target words, source words]``: a target word's tokens' mean attention, summed over a source word's."""
    weights = np.asarray(alignment.weights, dtype=np.float64)
    src_of = _owner(alignment.source, src_words)
    tgt_of = _owner(alignment.target, tgt_words)
    by_src = np.zeros((weights.shape[0], len(src_words)))
    for k, w in enumerate(src_of):
        if w >= 0:
            by_src[:, w] += weights[:, k]
    out = np.zeros((len(tgt_words), len(src_words)))
    for w in range(len(tgt_words)):
        rows = [k for k, owner in enumerate(tgt_of) if owner == w]
        if rows:
            out[w] = by_src[rows].mean(axis=0)
    return out


def _owner(tokens: Sequence[tuple[int, int]], words: list[tuple[int, int]]) -> list[int]:
    """The word each token is part of (-1: punctuation)."""
    out = []
    for a, b in tokens:
        out.append(next((w for w, (x, y) in enumerate(words) if x < b and a < y), -1) if b > a else -1)
    return out


def _best_run(linked: list[int], mass: np.ndarray, sentence: str, words: list[tuple[int, int]]) -> list[int]:
    """The linked words as runs (an article or a preposition between two linked words joins them: "dor de
    cabeça"; any other word splits them); the run with the most mass."""
    runs: list[list[int]] = [[linked[0]]]
    for c in linked[1:]:
        last = runs[-1][-1]
        gap = c - last - 1
        if gap == 0:
            runs[-1].append(c)
        elif gap == 1 and _word(sentence, words, last + 1) in LEANING:
            runs[-1].extend([last + 1, c])
        else:
            runs.append([c])
    return max(runs, key=lambda r: float(sum(mass[c] for c in r)))


def _word(sentence: str, words: list[tuple[int, int]], k: int) -> str:
    return sentence[words[k][0] : words[k][1]].casefold()


def _trimmed(
    run: list[int],
    words: list[tuple[int, int]],
    sentence: str,
    selection: str,
    mass: np.ndarray | None = None,
) -> tuple[int, int]:
    """Character span of the run, without leaning or light words (or, given their ``mass``, weakly linked ones) at
    an edge where the selection has none."""
    chosen = grading.tokens(selection)
    lead = bool(chosen) and chosen[0].casefold() in _EDGE
    trail = bool(chosen) and chosen[-1].casefold() in _EDGE
    top = max(float(mass[c]) for c in run) if mass is not None else 0.0

    def loose(c: int) -> bool:
        return _word(sentence, words, c) in _EDGE or (mass is not None and float(mass[c]) < RELATIVE * top)

    lo, hi = 0, len(run)
    while not lead and hi - lo > 1 and loose(run[lo]):
        lo += 1
    while not trail and hi - lo > 1 and loose(run[hi - 1]):
        hi -= 1
    return words[run[lo]][0], words[run[hi - 1]][1]


def _case(text: str, at: int, pair: SentencePair) -> str:
    """A sentence's capital dropped from a word taken from its start (unless the selection, inside its own
    sentence, has a capital too: a name), an acronym's kept."""
    if at or not text[:1].isupper() or text[1:2].isupper():
        return text
    selection = pair.own[pair.start : pair.end].lstrip(" \"'“‘«(¿¡")
    name = pair.start > 0 and selection[:1].isupper()
    return text if name else text[0].lower() + text[1:]


def within(lookup: str, pair: SentencePair) -> str:
    """The longest run of ``lookup``'s words that the other sentence holds (accents and case aside), as that
    sentence writes it, leaning words at the edges trimmed as for the selection; "" when it holds none of its words
    but leaning ones (the translation of a word alone, checked against the translation of its sentence)."""
    sentence, selection = pair.other, pair.own[pair.start : pair.end]
    wanted = [grading.fold(t) for t in grading.tokens(lookup)]
    words = _words(sentence)
    folded = [grading.fold(sentence[a:b]) for a, b in words]
    for size in range(len(wanted), 0, -1):
        for i in range(len(wanted) - size + 1):
            part = wanted[i : i + size]
            if all(w in _EDGE for w in part):
                continue
            for j in range(len(folded) - size + 1):
                if folded[j : j + size] == part:
                    run = list(range(j, j + size))
                    a, b = _trimmed(run, words, sentence, selection)
                    return _case(sentence[a:b], a, pair)
    return ""
