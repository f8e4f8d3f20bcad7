"""The correction results: :class:`Edit`, :class:`CheckResult` and :func:`apply_edits`.

Re-exported by :mod:`engine.correct.service`, the module the GUI imports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.correct.level import LevelEstimate

#: The categories an edit can have, as shown to the learner.
CATEGORIES = (
    "spelling",
    "grammar",
    "agreement",
    "verb form",
    "word choice",
    "capitalization",
    "punctuation",
    "typography",
    "style",
)


@dataclass(frozen=True)
class Edit:
    """One correction: replace ``original`` (``text[start:end]``) by ``replacement``.

    Attributes:
        start: index in the checked (NFC) text, a Python ``str`` index, not bytes.
        end: index just past the span; ``start == end`` for an insertion.
        original: the text the span covers.
        replacement: the best suggestion (``""`` deletes the span).
        category: one of :data:`CATEGORIES`.
        rule_id: the rule that found the problem, prefixed by nothing (e.g. ``"MD_BASEFORM"``).
        explanation: one or two sentences written for a learner.
        suggestions: every suggestion, best first (``suggestions[0] == replacement``).
        source: the checker that found it (``"lingotweaker"``, ``"harper"``, ``"spelling"``), or several
            joined by ``+``.
        notes: the explanation in each interface language, as ``(language, text)`` pairs (``"en"``, ``"pt"``);
            see :meth:`explanation_in`.
    """

    start: int
    end: int
    original: str
    replacement: str
    category: str
    rule_id: str
    explanation: str
    suggestions: tuple[str, ...] = ()
    source: str = ""
    notes: tuple[tuple[str, str], ...] = ()

    def explanation_in(self, language: str) -> str:
        """The explanation in the interface language ``language`` (``"en"``, ``"pt"``), else :attr:`explanation`."""
        key = language.split("-")[0].split("_")[0].lower()
        return next((text for lang, text in self.notes if lang == key), self.explanation)

    def shifted(self, delta: int) -> Edit:
        """The same edit moved by ``delta`` characters."""
        return replace(self, start=self.start + delta, end=self.end + delta)


@dataclass(frozen=True)
class LanguagePart:
    """A stretch of the checked text and the language it was checked in (``--lang auto``).

    Attributes:
        start: index in the checked text.
        end: index just past the part.
        language: the variant it was checked as (``"en-US"``, ``"pt-BR"``...).
        detected: True when the language was detected, False when the caller named it.
    """

    start: int
    end: int
    language: str
    detected: bool = True


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking a text.

    Attributes:
        text: the NFC-normalised text that was checked; every edit indexes into it.
        language: the resolved language variant (``"en-US"``, ``"en-GB"``, ``"pt-BR"``, ``"pt-PT"``).
        edits: non-overlapping edits sorted by ``start``.
        skipped: spans that were not checked (over-long tokens), as (start, end) pairs.
        parts: the stretches of text and the language each was checked in; with ``language="auto"`` a
            mixed text has several, and ``language`` is the one covering most of the text.
        level: a rough level estimate of the writing (:mod:`engine.correct.level`), None for a short text.
    """

    text: str
    language: str
    edits: tuple[Edit, ...]
    skipped: tuple[tuple[int, int], ...] = ()
    parts: tuple[LanguagePart, ...] = ()
    level: LevelEstimate | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        """The distinct languages the text was checked in, in order of first appearance."""
        seen: list[str] = []
        for part in self.parts or (LanguagePart(0, len(self.text), self.language, False),):
            if part.language not in seen:
                seen.append(part.language)
        return tuple(seen)

    @property
    def corrected(self) -> str:
        """The text with every edit applied."""
        return apply_edits(self.text, self.edits)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply a subset of a result's edits (e.g. the ones the learner accepted) to ``text``.

    Offsets are those of the original text, so any subset can be applied in one call. Edits that overlap an
    earlier-starting accepted edit are ignored rather than corrupting the text.

    Args:
        text: the text the edits index into (``CheckResult.text``).
        edits: the edits to apply, in any order.

    Returns:
        The corrected text.
    """
    out: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos or edit.end > len(text) or edit.start > edit.end:
            continue
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)
