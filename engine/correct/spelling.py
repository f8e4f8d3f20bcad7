"""Spelling help built on word frequencies (pyspellchecker's en and pt lists, MIT).

* :meth:`SpellingModel.rank` reorders a checker's spelling suggestions so that the first one is the likeliest
  for a learner: close to what was typed (Damerau-Levenshtein distance; accents and case are cheap), common.
* :meth:`SpellingModel.check_pt` finds Portuguese words written without their accent (``voce`` -> ``você``)
  and unknown lowercase words, which the Portuguese rule data does not spell-check.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

#: An accented form replaces the plain one when it is this many times more frequent ...
ACCENT_RATIO = 20.0
#: ... and at least this frequent in the list (filters rare regional forms).
ACCENT_MIN_FREQ = 300
#: Plain/accented pairs that are both correct words: never "fixed" by frequency alone.
_PT_AMBIGUOUS = frozenset(
    (
        *(
            "a",
            "as",
            "e",
            "esta",
            "da",
            "de",
            "das",
            "do",
            "dos",
            "nos",
            "vos",
            "para",
            "por",
            "pais",
            "pelo",
        ),
        *(
            "pela",
            "pelas",
            "pelos",
            "porem",
            "pratica",
            "fabrica",
            "secretaria",
            "publico",
            "valido",
            "critica",
        ),
        "duvida",
    )
)


class _StrippedChars(dict[int, str]):
    """Each character without its combining marks, computed on first sight (a ``str.translate`` table)."""

    def __missing__(self, code: int) -> str:
        plain = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c))
        self[code] = plain
        return plain


_STRIPPED = _StrippedChars()


def strip_accents(word: str) -> str:
    """``word`` without combining marks (``"você"`` -> ``"voce"``).

    Character by character (the same as decomposing the whole word: canonical reordering moves only the combining
    marks, which are dropped), through a table: the accent table's 400,000 words load in a tenth of the time.
    """
    return word if word.isascii() else word.translate(_STRIPPED)


_VOWELS = frozenset("aeiouy")


def distance(a: str, b: str) -> float:
    """Weighted Damerau-Levenshtein distance from what was typed (``a``) to a candidate (``b``).

    Costs follow learners' typical slips: a change of case or accent costs 0.3; a forgotten letter (insertion)
    0.7, an extra letter 0.8 and a doubled one 0.4; a vowel for another vowel 0.7, a swap of neighbours 0.7;
    anything else 1.
    """
    la, lb = len(a), len(b)
    rows = [[0.0] * (lb + 1) for _ in range(la + 1)]

    def delete(i: int) -> float:
        return 0.4 if i > 1 and a[i - 1] == a[i - 2] else 0.8

    def insert(j: int) -> float:
        return 0.4 if j > 1 and b[j - 1] == b[j - 2] else 0.7

    for i in range(1, la + 1):
        rows[i][0] = rows[i - 1][0] + delete(i)
    for j in range(1, lb + 1):
        rows[0][j] = rows[0][j - 1] + insert(j)
    for i in range(1, la + 1):
        ca = a[i - 1]
        for j in range(1, lb + 1):
            cb = b[j - 1]
            if ca == cb:
                sub = 0.0
            elif strip_accents(ca).lower() == strip_accents(cb).lower():
                sub = 0.3
            elif ca in _VOWELS and cb in _VOWELS:
                sub = 0.7
            else:
                sub = 1.0
            best = min(rows[i - 1][j] + delete(i), rows[i][j - 1] + insert(j), rows[i - 1][j - 1] + sub)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, rows[i - 2][j - 2] + 0.7)
            rows[i][j] = best
    return rows[la][lb]


def match_case(template: str, word: str) -> str:
    """Give ``word`` the capitalisation pattern of ``template`` (``"Teh"`` -> ``"The"``)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_SHARED: dict[str, SpellingModel] = {}
_SHARED_LOCK = threading.Lock()


def shared_model(language: str) -> SpellingModel:
    """The process's one :class:`SpellingModel` of ``language`` (the checkers, the level estimate and language
    detection all read the same lists, so they are loaded once)."""
    with _SHARED_LOCK:
        model = _SHARED.get(language)
        if model is None:
            model = _SHARED[language] = SpellingModel(language)
        return model


class SpellingModel:
    """Word frequencies for one language, loaded on first use; thread-safe after loading.

    Args:
        language: ``"en"`` or ``"pt"``.
        cached: read the list from its compact copy in the cache folder, written on first use
            (:mod:`engine.correct.spelling_cache`; the same entries, four times faster); False always decodes
            the package's own file.
    """

    def __init__(self, language: str, *, cached: bool = True) -> None:
        self.language = language
        self.cached = cached
        #: Where the list was read from once loaded: ``"cache"`` or ``"package"``.
        self.loaded_from = ""
        self._lock = threading.Lock()
        self._freq: dict[str, int] | None = None
        self._accented: dict[str, tuple[str, int]] | None = None
        self._checker: Any = None

    def _load(self) -> dict[str, int]:
        with self._lock:
            if self._freq is None:
                from engine.correct import spelling_cache

                copy = spelling_cache.load(self.language) if self.cached else None
                if copy is not None:
                    self._freq, self._accented = copy
                    self.loaded_from = "cache"
                else:
                    from spellchecker import SpellChecker

                    checker = SpellChecker(language=self.language, distance=1)
                    self._checker = checker
                    self._freq = dict(checker.word_frequency.dictionary)
                    self.loaded_from = "package"
                    if self.cached:
                        if self.language == "pt":
                            self._accented = _accent_table(self._freq)
                        spelling_cache.store(self.language, self._freq, self._accented)
                log.debug("loaded %d %s word frequencies", len(self._freq), self.language)
            return self._freq

    def load(self, *, full: bool = False) -> None:
        """Load the frequency list now; with ``full`` also what :meth:`check_pt` uses (the accent table and
        the library's candidate generator)."""
        freq = self._load()
        if full:
            self._accent_table()
            with self._lock:
                self._spell_checker(freq)

    def _spell_checker(self, freq: dict[str, int]) -> Any:
        """pyspellchecker's checker over ``freq`` (call with the lock held)."""
        if self._checker is None:  # the list was read from the cache: the library's checker, same entries
            from spellchecker import SpellChecker

            self._checker = SpellChecker(language=None, distance=1)
            self._checker.word_frequency.load_json(freq)
        return self._checker

    def derived(self, name: str, compute: Callable[[], int]) -> int:
        """A number computed from the whole list by ``compute``, kept in the cache next to the list (the
        same number: it is recomputed whenever the list changes)."""
        from engine.correct import spelling_cache

        if self.cached:
            value = spelling_cache.load_value(self.language, name)
            if value is not None:
                return value
        value = compute()
        if self.cached:
            spelling_cache.store_value(self.language, name, value)
        return value

    def words(self) -> list[str]:
        """Every word of the frequency list."""
        return list(self._load())

    def frequency(self, word: str) -> int:
        """How often ``word`` (or every word of a phrase, the rarest counts) occurs in the frequency list."""
        freq = self._load()
        parts = word.lower().replace("’", "'").split()
        if not parts:
            return 0
        return min(freq.get(p, freq.get(p.strip(".,;:!?'"), 0)) for p in parts)

    def rank(self, word: str, suggestions: Sequence[str]) -> list[str]:
        """Order spelling suggestions for ``word``, likeliest first.

        The score is half the log-frequency minus twice the weighted edit distance (:func:`distance`, plus 0.8 when
        the first letter differs), minus a small penalty for the checker's own rank, for splitting the word and
        for changing its capitalisation. The weights were chosen on JFLEG dev: the first suggestion is a word of a
        reference 323 times in 426, against 302 for the library's order.

        Args:
            word: the misspelled word as written.
            suggestions: the checker's suggestions in its own order.

        Returns:
            The same suggestions, reordered (duplicates removed).
        """
        unique = list(dict.fromkeys(s for s in suggestions if s))
        if len(unique) < 2:
            return unique
        low = word.lower()

        def score(item: tuple[int, str]) -> float:
            index, cand = item
            low_cand = cand.lower()
            d = distance(low, low_cand) + (0.8 if low_cand[:1] != low[:1] else 0.0)
            value = 0.5 * math.log10(self.frequency(cand) + 1) - 2.0 * d - 0.15 * index
            if " " in cand:
                value -= 1.0  # splitting a word in two is rarely what a learner meant
            if cand[:1].isupper() != word[:1].isupper():
                value -= 1.0
            return value

        ranked = sorted(enumerate(unique[:40]), key=score, reverse=True)
        return [c for _, c in ranked] + unique[40:]

    def _accent_table(self) -> dict[str, tuple[str, int]]:
        freq = self._load()
        with self._lock:
            if self._accented is None:
                self._accented = _accent_table(freq)
            return self._accented

    def check_pt(self, text: str) -> list[tuple[int, int, str, tuple[str, ...], str]]:
        """Find missing accents and unknown words in Portuguese ``text``.

        Returns:
            (start, end, word, suggestions, rule_id) for each problem; ``rule_id`` is
            ``"PT_MISSING_ACCENT"`` or ``"PT_UNKNOWN_WORD"``.
        """
        freq = self._load()
        table = self._accent_table()
        found: list[tuple[int, int, str, tuple[str, ...], str]] = []
        for m in _WORD.finditer(text):
            word = m.group()
            low = word.lower()
            if len(word) > 30 or "-" in word or "'" in word or "’" in word:
                continue
            own = freq.get(low, 0)
            if low == strip_accents(low) and low not in _PT_AMBIGUOUS:
                acc = table.get(low)
                if acc and acc[1] >= ACCENT_MIN_FREQ and acc[1] >= ACCENT_RATIO * (own + 1):
                    found.append((m.start(), m.end(), word, (match_case(word, acc[0]),), "PT_MISSING_ACCENT"))
                    continue
            if own == 0 and word.islower() and len(word) > 2:
                cands = self._candidates(low)
                if cands:
                    ranked = self.rank(word, cands)[:5]
                    found.append((m.start(), m.end(), word, tuple(ranked), "PT_UNKNOWN_WORD"))
        return found

    def _candidates(self, word: str) -> list[str]:
        freq = self._load()
        with self._lock:
            cands = self._spell_checker(freq).candidates(word) or set()
        freq = self._freq or {}
        return sorted((c for c in cands if c != word), key=lambda c: -freq.get(c, 0))[:20]


def _accent_table(freq: dict[str, int]) -> dict[str, tuple[str, int]]:
    """For each word written without accents, its most frequent accented form and that form's frequency."""
    best: dict[str, tuple[str, int]] = {}
    for w, f in freq.items():
        plain = strip_accents(w)
        if plain != w and (plain not in best or f > best[plain][1]):
            best[plain] = (w, f)
    return best
