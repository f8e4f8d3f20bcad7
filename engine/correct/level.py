"""A rough level estimate for a checked text (CEFR-like A1..C2), for the learner's writing feedback.

Three measures, each scaled to 0..1, then averaged (weights 0.4, 0.3, 0.3) onto the six levels:

* **vocabulary**: the share of the text's distinct words that are not among the 3,000 most frequent words of the
  language (pyspellchecker's frequency lists); a quarter or more counts as full marks;
* **sentence complexity**: words per sentence (6 -> 0, 26 -> 1) and clauses joined by subordinators;
* **accuracy**: corrections per 100 words (none -> 1, 15 or more -> 0).

A text of fewer than 12 words gets no estimate. The estimate is a guide, not a test: it rewards varied vocabulary
and longer, correct sentences.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from engine.correct.model import Edit
from engine.correct.spelling import SpellingModel

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
MIN_WORDS = 12
COMMON_WORDS = 3000

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE = re.compile(r"[.!?…]+")
_SUBORDINATORS = {
    "en": frozenset(
        {"because", "although", "which", "that", "when", "while", "if", "who", "whose", "unless"}
    ),
    "pt": frozenset({"porque", "embora", "que", "quando", "enquanto", "se", "cujo", "cuja", "onde", "caso"}),
}
_THRESHOLDS: dict[str, int] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class LevelEstimate:
    """A text's estimated level and what it is based on.

    Attributes:
        level: ``"A1"`` .. ``"C2"``.
        words: words in the text.
        errors_per_100_words: corrections per 100 words.
        rare_word_share: share of distinct words outside the language's most frequent words.
        words_per_sentence: mean sentence length in words.
        top_categories: the most frequent correction categories, most frequent first (at most three).
    """

    level: str
    words: int
    errors_per_100_words: float
    rare_word_share: float
    words_per_sentence: float
    top_categories: tuple[str, ...]


def _threshold(model: SpellingModel) -> int:
    """The frequency of the language's COMMON_WORDS-th most frequent word."""
    with _LOCK:
        if model.language not in _THRESHOLDS:
            _THRESHOLDS[model.language] = model.derived(
                f"common-{COMMON_WORDS}", lambda: _compute_threshold(model)
            )
        return _THRESHOLDS[model.language]


def _compute_threshold(model: SpellingModel) -> int:
    counts = sorted((model.frequency(w) for w in model.words()), reverse=True)
    return counts[min(COMMON_WORDS, len(counts) - 1)] if counts else 0


def estimate_level(text: str, edits: Sequence[Edit], model: SpellingModel) -> LevelEstimate | None:
    """Estimate the level of ``text`` given its corrections.

    Args:
        text: the checked text.
        edits: its corrections (``CheckResult.edits``).
        model: the word frequencies of the text's language.

    Returns:
        The estimate, or None for a text under :data:`MIN_WORDS` words.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    threshold = _threshold(model)
    distinct = set(words)
    rare = sum(1 for w in distinct if model.frequency(w) < threshold) / len(distinct)
    sentences = max(1, len([s for s in _SENTENCE.split(text) if _WORD.search(s)]))
    per_sentence = len(words) / sentences
    subordinate = sum(w in _SUBORDINATORS.get(model.language, frozenset()) for w in words) / sentences
    errors = 100 * len(edits) / len(words)
    vocabulary = min(1.0, rare / 0.25)
    complexity = min(1.0, max(0.0, (per_sentence - 6) / 20) * 0.7 + min(1.0, subordinate / 1.5) * 0.3)
    accuracy = max(0.0, 1 - errors / 15)
    score = 0.4 * vocabulary + 0.3 * complexity + 0.3 * accuracy
    index = min(len(LEVELS) - 1, int(score * len(LEVELS)))
    if errors > 10:
        index = min(index, 2)  # many errors: at most B1 whatever the vocabulary
    top = tuple(c for c, _ in Counter(e.category for e in edits).most_common(3))
    return LevelEstimate(
        LEVELS[index], len(words), round(errors, 1), round(rare, 3), round(per_sentence, 1), top
    )
