"""Finding glossary terms in source text, and checking that a translation uses them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from engine.glossary.inflect import english_forms
from engine.glossary.model import GlossaryEntry


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary term in a source text.

    Attributes:
        start: character offset of the match in the source.
        end: end offset (exclusive).
        entry: the glossary entry matched.
        in_compound: the term ends a hyphenated compound ("isolation" in "self-isolation").
        plural: the source has the term's plural ("tenants" for "tenant").
    """

    start: int
    end: int
    entry: GlossaryEntry
    in_compound: bool = False
    plural: bool = False


def is_acronym(term: str) -> bool:
    """Whether ``term`` is written in capitals (``WHO``, ``NIH``), so it matches only in capitals.

    "WHO" the organisation must not match "who" the pronoun.
    """
    letters = [ch for ch in term if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


class TermMatcher:
    """Finds the entries of a glossary in text: whole words, case-insensitive (acronyms case-sensitive),
    longest match first, no overlaps. A term also matches its plural ("tenants", "breaches of contract").

    Hyphenated compounds: a word term matches as the last part of one ("isolation" in "self-isolation"), an
    acronym never matches inside one ("SARS" is not matched in "SARS-CoV-2", a name of its own), and no term
    matches before a hyphen ("virus" is not matched in "virus-like").

    Args:
        entries: the glossary's entries.
    """

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._entries: dict[str, GlossaryEntry] = {}
        self._plural: set[str] = set()
        self._acronyms: dict[str, GlossaryEntry] = {}
        for entry in entries:
            source = " ".join(entry.source.split())
            if not source:
                continue
            if is_acronym(source):
                self._acronyms.setdefault(source, entry)
                continue
            for form, plural in english_forms(source).items():
                key = form.casefold()
                if key not in self._entries or (not plural and key in self._plural):
                    self._entries[key] = entry
                    if plural:
                        self._plural.add(key)
                    else:
                        self._plural.discard(key)
        self._count = len({id(e) for e in self._entries.values()}) + len(self._acronyms)
        self._pattern = self._compile(list(self._entries), re.IGNORECASE, compound_tail=True)
        self._acronym_pattern = self._compile(list(self._acronyms), 0, compound_tail=False)

    @staticmethod
    def _compile(terms: Sequence[str], flags: int, *, compound_tail: bool) -> re.Pattern[str] | None:
        if not terms:
            return None
        alternatives = sorted(terms, key=len, reverse=True)
        body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in alternatives)
        before = r"(?<!\w)" if compound_tail else r"(?<!\w)(?<!\w-)"
        return re.compile(rf"{before}(?:{body})(?!\w)(?!-\w)", flags)

    def __len__(self) -> int:
        return self._count

    def find(self, text: str) -> list[TermMatch]:
        """Every non-overlapping term occurrence in ``text``, in text order (longest terms win overlaps)."""
        found: list[TermMatch] = []
        if self._acronym_pattern is not None:
            for m in self._acronym_pattern.finditer(text):
                found.append(TermMatch(m.start(), m.end(), self._acronyms[" ".join(m.group().split())]))
        if self._pattern is not None:
            for m in self._pattern.finditer(text):
                key = " ".join(m.group().split()).casefold()
                joined = m.start() >= 2 and text[m.start() - 1] == "-" and text[m.start() - 2].isalnum()
                found.append(TermMatch(m.start(), m.end(), self._entries[key], joined, key in self._plural))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        result: list[TermMatch] = []
        for match in found:
            if result and match.start < result[-1].end:
                continue
            result.append(match)
        return result


def uses_term(translation: str, target: str) -> bool:
    """Whether ``translation`` contains the target term (case-insensitive, whitespace-normalised)."""
    return " ".join(target.split()).casefold() in " ".join(translation.split()).casefold()
