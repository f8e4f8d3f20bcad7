"""Palavra's own small rules, for errors the rule engines leave alone.

* ``SENTENCE_END_PUNCTUATION``: a sentence of four words or more that ends a line without a full stop,
  question mark or exclamation mark. (In JFLEG dev, 17 sentences lack one and the references add it 55 times
  in 68.)
"""

from __future__ import annotations

import re

from engine.correct.model import Edit

_QUESTION_START: dict[str, frozenset[str]] = {
    "en": frozenset(
        {
            "what",
            "why",
            "how",
            "where",
            "when",
            "who",
            "whom",
            "whose",
            "which",
            "do",
            "does",
            "did",
            "is",
            "are",
        }
        | {"was", "were", "can", "could", "would", "should", "will", "shall", "may", "might", "have", "has"}
    ),
    "pt": frozenset(
        {"que", "quem", "como", "onde", "quando", "qual", "quais", "quanto", "quanta", "quantos"}
    ),
}
_LAST_WORD = re.compile(r"\S+$")


def end_punctuation(text: str, language: str, occupied: list[tuple[int, int]]) -> Edit | None:
    """Suggest ending ``text`` (a sentence at the end of a line) with a full stop or a question mark.

    Args:
        text: the sentence, as a chunk of the checked text.
        language: ``"en"`` or ``"pt"``.
        occupied: spans of ``text`` already covered by other edits; the edit then becomes an insertion so it
            does not clash with them.

    Returns:
        The edit, or None when the sentence already ends well or is too short to be a sentence.
    """
    stripped = text.rstrip()
    if not stripped or not stripped[-1].isalnum():
        return None
    words = stripped.split()
    if len(words) < 4:
        return None
    question = words[0].lower().strip("¿¡\"'(") in _QUESTION_START.get(language, frozenset())
    marks = ("?", ".") if question else (".",)
    last = _LAST_WORD.search(stripped)
    assert last is not None
    start = last.start()
    if any(s < len(stripped) and e > start for s, e in occupied):
        start = len(stripped)
    original = stripped[start:]
    mark_name = "a question mark" if question else "a full stop"
    return Edit(
        start=start,
        end=len(stripped),
        original=original,
        replacement=original + marks[0],
        category="punctuation",
        rule_id="SENTENCE_END_PUNCTUATION",
        explanation=f"Punctuation: end the sentence with {mark_name}.",
        suggestions=tuple(original + m for m in marks),
        source="palavra",
    )
