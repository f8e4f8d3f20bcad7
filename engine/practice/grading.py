"""Grading typed answers: dictation word by word (accents counted apart), translation by chrF++ and a word diff,
single words for cloze and vocabulary cards.

Pure functions over text; no model is loaded here (the translation exercise passes the engine's own translation
in as a second reference).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from engine.glossary.finetune.chrf import corpus_chrf

#: Word statuses of a graded answer.
CORRECT = "correct"
ACCENT = "accent"  # the right letters with a wrong or missing accent (or cedilla)
WRONG = "wrong"
MISSING = "missing"
EXTRA = "extra"

_TOKEN = re.compile(r"[\w'’-]+", re.UNICODE)

#: A translation whose chrF++ against the closer reference reaches this is accepted as a close variant.
ACCEPT_CHRF = 60.0


def tokens(text: str) -> list[str]:
    """The words of ``text`` as written (punctuation dropped)."""
    return [t.replace("’", "'").strip("-'") for t in _TOKEN.findall(text) if t.strip("-'’")]


def fold(word: str) -> str:
    """Lower case without accents: ``"Está"`` -> ``"esta"``."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def same_word(answer: str, expected: str) -> str:
    """``CORRECT``, ``ACCENT`` (only accents differ) or ``WRONG`` for one typed word."""
    if answer.casefold() == expected.casefold():
        return CORRECT
    if fold(answer) == fold(expected):
        return ACCENT
    return WRONG


@dataclass(frozen=True)
class GradedWord:
    """One word of a graded answer.

    Attributes:
        expected: the word of the reference (empty for an extra word).
        given: what the learner typed there (empty when missing).
        status: ``correct``, ``accent``, ``wrong``, ``missing`` or ``extra``.
    """

    expected: str
    given: str
    status: str


def diff_words(answer: str, reference: str) -> tuple[GradedWord, ...]:
    """Align the typed words with the reference words and grade each.

    The alignment runs on accent-folded words, so a word with a wrong accent lines up with its reference and
    is marked ``accent`` rather than wrong-plus-extra.
    """
    given, expected = tokens(answer), tokens(reference)
    matcher = difflib.SequenceMatcher(
        a=[fold(w) for w in expected], b=[fold(w) for w in given], autojunk=False
    )
    out: list[GradedWord] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.extend(
                GradedWord(e, g, same_word(g, e)) for e, g in zip(expected[a0:a1], given[b0:b1], strict=True)
            )
            continue
        exp, got = expected[a0:a1], given[b0:b1]
        for i in range(max(len(exp), len(got))):
            if i < len(exp) and i < len(got):
                out.append(GradedWord(exp[i], got[i], WRONG))
            elif i < len(exp):
                out.append(GradedWord(exp[i], "", MISSING))
            else:
                out.append(GradedWord("", got[i], EXTRA))
    return tuple(out)


def word_score(words: Sequence[GradedWord]) -> int:
    """0-100: a correct word counts 1, an accent slip 0.5; extra words cost like wrong ones."""
    expected = sum(1 for w in words if w.status != EXTRA)
    extra = sum(1 for w in words if w.status == EXTRA)
    if expected == 0:
        return 0
    points = sum(1.0 if w.status == CORRECT else 0.5 if w.status == ACCENT else 0.0 for w in words)
    return max(0, round(100 * points / (expected + extra)))


@dataclass(frozen=True)
class TranslationGrade:
    """A graded translation.

    Attributes:
        score: 0-100, the chrF++ against the closer of the two references (100 for an exact match).
        accepted: whether the answer passes as a correct translation (exact, or chrF++ >= ``ACCEPT_CHRF``).
        closest: the reference it was closer to (the drill's own, or the engine's translation).
        chrf_reference: chrF++ against the drill's reference translation.
        chrf_engine: chrF++ against the engine's translation (None when there was none).
        words: the word diff against ``closest``.
    """

    score: int
    accepted: bool
    closest: str
    chrf_reference: float
    chrf_engine: float | None
    words: tuple[GradedWord, ...]


def _key(text: str) -> str:
    return " ".join(fold(t) for t in tokens(text))


def grade_translation(answer: str, reference: str, engine_output: str | None = None) -> TranslationGrade:
    """Grade a translation against the drill's reference and the engine's own output; the closer one counts."""
    candidates = [(reference, _chrf(answer, reference))]
    if engine_output and engine_output.strip():
        candidates.append((engine_output, _chrf(answer, engine_output)))
    closest, best = max(candidates, key=lambda c: c[1])
    words = diff_words(answer, closest)
    exact = bool(tokens(answer)) and all(w.status == CORRECT for w in words)
    if exact:
        best = 100.0
    near = bool(tokens(answer)) and _key(answer) == _key(closest)  # accents or case only
    return TranslationGrade(
        score=round(best),
        accepted=exact or near or best >= ACCEPT_CHRF,
        closest=closest,
        chrf_reference=round(candidates[0][1], 2),
        chrf_engine=round(candidates[1][1], 2) if len(candidates) > 1 else None,
        words=words,
    )


def _chrf(hypothesis: str, reference: str) -> float:
    if not hypothesis.strip():
        return 0.0
    return float(corpus_chrf([hypothesis.casefold()], [reference.casefold()]))


def grade_word(answer: str, expected: Sequence[str]) -> str:
    """``CORRECT``, ``ACCENT`` or ``WRONG`` for a single word (or short phrase) against accepted answers."""
    given = " ".join(tokens(answer))
    best = WRONG
    for option in expected:
        status = same_word(given, " ".join(tokens(option)))
        if status == CORRECT:
            return CORRECT
        if status == ACCENT:
            best = ACCENT
    return best
