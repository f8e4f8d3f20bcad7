"""Clean-up around a term forced into the model's sentence: the model's own words for it and the words that still
agree with the model's word instead of the term.

Two cases that greedy forcing leaves behind (both seen on the legal benchmark's held-out sentences):

* **Remnants**: the model starts a multiword term with its own words before its attention reaches the term
  ("antes do *estatuto de* prescrição expirar"): words right before or after the term that belong to the model's
  own translation of the term's source (``rendering``), with the preposition between them, are removed.
* **Agreement**: the model had a word of the other gender in mind ("A liquidação é vinculativa" -> the term
  "acordo" is masculine): the first adjective or participle after the term - directly after it, or after a copula
  ("é", "foi", "está"...) - is put in the term's gender when it marks the model's gender and its other-gender form is
  a Portuguese word at least 5 % as frequent (the word list of ``pyspellchecker``, MIT): "vinculativa" ->
  "vinculativo", while a noun such as "prova" (whose "provo" is rare) is left alone.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

#: Prepositions and contractions that may join the model's remnant to the term ("estatuto *de* prescrição").
LINKS = frozenset({"de", "da", "do", "das", "dos", "em", "na", "no", "nas", "nos", "a", "à"})
#: Copulas and auxiliaries between a noun and its predicate adjective or participle.
COPULAS = frozenset(
    [
        "é",
        "foi",
        "era",
        "será",
        "seria",
        "seja",
        "fosse",
        "está",
        "esteve",
        "estava",
        "estará",
        "estaria",
        "esteja",
        "ficou",
        "fica",
        "ficará",
        "parece",
        "pareceu",
        "são",
        "foram",
        "eram",
        "serão",
        "seriam",
        "sejam",
        "fossem",
        "estão",
        "estiveram",
        "estavam",
        "estarão",
        "fiquem",
        "ficaram",
        "ficam",
        "parecem",
        "sido",
        "estado",
    ]
)
#: Endings of adjectives and participles, for a word right after the term (no copula between): "a multa
#: *atrasado*" is fixed, a verb such as "o inquilino *paga*" is not touched.
ADJECTIVE_ENDINGS = tuple(
    e + g + n
    for e in ("ad", "id", "iv", "os", "ic", "ári", "óri", "eir", "ent", "in", "an", "ur", "ut", "ect", "et")
    for g in ("o", "a")
    for n in ("", "s")
)
#: Adverbs that may stand between the copula and the adjective ("é muito caro").
ADVERBS = frozenset(
    [
        "muito",
        "bem",
        "mais",
        "menos",
        "não",
        "tão",
        "já",
        "sempre",
        "ainda",
        "totalmente",
        "plenamente",
        "legalmente",
    ]
)

_lock = threading.Lock()
_words: _SortedCounts | None = None


class _SortedCounts:
    """Word counts from pyspellchecker's Portuguese list (a JSON object written one ``"word": count`` per line in
    sorted order), searched by bisection in the text itself: 0.15 s to load instead of 0.8 s for a dict."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._start = text.index("\n") + 1
        self._end = text.rindex("\n")

    def _line(self, pos: int) -> tuple[int, int]:
        a = self._text.rfind("\n", 0, pos) + 1
        b = self._text.find("\n", pos)
        return a, (b if b >= 0 else len(self._text))

    def get(self, word: str, default: int = 0) -> int:
        """The count of ``word`` (lower case), ``default`` when it is not in the list."""
        text = self._text
        lo, hi = self._start, self._end
        while lo < hi:
            mid = (lo + hi) // 2
            a, b = self._line(mid)
            line = text[a:b]
            q = line.find('"', 1)
            key = line[1:q]
            if key == word:
                digits = line[q + 2 :].strip(" :,")
                return int(digits) if digits.isdigit() else default
            if key < word:
                lo = b + 1
            else:
                hi = a
        return default


def frequencies() -> _SortedCounts:
    """Portuguese word counts (loaded once, on first use; thread-safe)."""
    global _words
    with _lock:
        if _words is None:
            import gzip
            from pathlib import Path

            import spellchecker

            path = Path(spellchecker.__file__).with_name("resources") / "pt.json.gz"
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                _words = _SortedCounts(fh.read())
        return _words


def _stem(word: str) -> str:
    w = word.casefold()
    for end, repl in (("ões", "ão"), ("ães", "ão"), ("is", "l"), ("es", ""), ("s", "")):
        if w.endswith(end) and len(w) > len(end) + 2:
            return w[: -len(end)] + repl
    return w


def rendering_words(text: str) -> frozenset[str]:
    """The content words (stems) of the model's own translation of a term."""
    return frozenset(
        _stem(w)
        for w in (t.strip(".,;:!?\"'()").casefold() for t in text.split())
        if len(w) > 2 and w not in LINKS
    )


def _related(stem: str, words: frozenset[str]) -> bool:
    """Whether ``stem`` is one of ``words`` in another form: the same word, or a shared start of at least five
    letters and 70 % of the shorter word ("infectar" / "infecto")."""
    if stem in words:
        return True
    for w in words:
        n = 0
        for a, b in zip(stem, w, strict=False):
            if a != b:
                break
            n += 1
        if n >= 5 and n >= 0.7 * min(len(stem), len(w)):
            return True
    return False


def remnants(words: Sequence[str], start: int, end: int, rendering: frozenset[str], term: str) -> set[int]:
    """Indices of the words next to the term (``words[start:end]``) that are the model's remnant of it."""
    own = rendering_words(term)
    drop: set[int] = set()

    def is_remnant(w: str) -> bool:
        s = _stem(w.strip(".,;:!?\"'()"))
        return _related(s, rendering) and not _related(s, own)

    i = start - 1
    while i >= 0:
        w = words[i].casefold()
        if w in LINKS and i - 1 >= 0 and is_remnant(words[i - 1]) and (i + 1 in drop or i + 1 == start):
            drop.add(i)
            i -= 1
            continue
        if is_remnant(words[i]) and (i + 1 in drop or i + 1 == start):
            drop.add(i)
            i -= 1
            continue
        break
    i = end
    while i < len(words):
        w = words[i].casefold()
        if w in LINKS and i + 1 < len(words) and is_remnant(words[i + 1]) and (i - 1 in drop or i == end):
            drop.add(i)
            i += 1
            continue
        if is_remnant(words[i]) and words[i][-1:] not in ".,;:!?" and (i - 1 in drop or i == end):
            drop.add(i)
            i += 1
            continue
        break
    return drop


def _flip(word: str, gender: str, plural: bool) -> str | None:
    """``word`` in ``gender`` if it marks the other gender in the term's number (-o/-a, -os/-as)."""
    low = word.casefold()
    pairs = ("os", "as") if plural else ("o", "a")
    other, mine = (pairs[1], pairs[0]) if gender == "m" else (pairs[0], pairs[1])
    if not low.endswith(other) or len(low) < 4:
        return None
    if plural is False and low.endswith("s"):
        return None
    new = word[: -len(other)] + mine
    return new


def agreement_fix(words: Sequence[str], end: int, gender: str, plural: bool) -> tuple[int, str] | None:
    """(index, new word) for the adjective after the term (ending at ``end``) that should take the term's gender."""
    i = end
    crossed = 0
    while i < len(words) and crossed <= 3:
        raw = words[i]
        core = raw.rstrip(".,;:!?")
        low = core.casefold()
        if low in COPULAS or low in ADVERBS:
            i += 1
            crossed += 1
            continue
        direct = crossed == 0
        if low.endswith(("ndo", "ndos")) or (direct and not low.endswith(ADJECTIVE_ENDINGS)):
            return None
        new = _flip(core, gender, plural)
        if new is None:
            return None
        freq = frequencies()
        have, other = freq.get(low, 0), freq.get(new.casefold(), 0)
        if other == 0 or other < 0.05 * have:
            return None
        return i, new + raw[len(core) :]
    return None


#: Determiners a preposition contracts with ("de" + "esta" -> "desta", "em" + "um" -> "num").
_CONTRACTED = (
    *("o", "a", "os", "as", "um", "uma"),
    *("este", "esta", "estes", "estas", "esse", "essa", "esses", "essas"),
    *("aquele", "aquela", "aqueles", "aquelas"),
)
_CONTRACTIONS = {(prep, w): start + w for prep, start in (("de", "d"), ("em", "n")) for w in _CONTRACTED}


def contraction(first: str, second: str) -> str | None:
    """The contraction of a preposition the term brought next to a determiner ("de" + "esta" -> "desta")."""
    merged = _CONTRACTIONS.get((first.casefold(), second.casefold()))
    if merged is None:
        return None
    return merged[:1].upper() + merged[1:] if first[:1].isupper() else merged
