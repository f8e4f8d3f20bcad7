"""Inline formatting carried from a sentence onto its translation.

A formatted segment is its plain text plus a partition of that text into :class:`Span` s, each naming a *mark*: an
index into what the format needs to write it back (a Word run's properties and hyperlink, the open tags of a
subtitle or HTML element). Every character has exactly one mark; the most common one is the segment's *base*.

:func:`project` gives the translation a partition of its own: each word of the translation takes the mark of the
source words it is aligned to (see :mod:`engine.documents.align`), every source mark lands somewhere (a link never
disappears), and punctuation between two words of one mark takes that mark.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from engine.documents.align import Alignment


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` carries ``mark``."""

    start: int
    end: int
    mark: int


@dataclass(frozen=True)
class Marked:
    """A translated segment and the partition of its text into marks (empty: one mark, the segment's base)."""

    text: str
    spans: tuple[Span, ...] = ()

    def strip(self) -> Marked:
        """The text without surrounding whitespace, spans shifted and clipped."""
        core = self.text.strip()
        if core == self.text:
            return self
        lead = len(self.text) - len(self.text.lstrip())
        spans = []
        for s in self.spans:
            start, end = max(s.start - lead, 0), min(s.end - lead, len(core))
            if start < end:
                spans.append(Span(start, end, s.mark))
        return Marked(core, tuple(spans))

    def runs(self, base: int = 0) -> list[tuple[str, int]]:
        """``(text, mark)`` pieces in order, covering the whole text (gaps take ``base``)."""
        out: list[tuple[str, int]] = []
        pos = 0
        for s in sorted(self.spans, key=lambda s: s.start):
            if s.start > pos:
                out.append((self.text[pos : s.start], base))
            if s.end > max(s.start, pos):
                out.append((self.text[max(s.start, pos) : s.end], s.mark))
            pos = max(pos, s.end)
        if pos < len(self.text):
            out.append((self.text[pos:], base))
        merged: list[tuple[str, int]] = []
        for text, mark in out:
            if merged and merged[-1][1] == mark:
                merged[-1] = (merged[-1][0] + text, mark)
            elif text:
                merged.append((text, mark))
        return merged


def partition(runs: Sequence[tuple[str, int]]) -> tuple[str, tuple[Span, ...]]:
    """Plain text and spans of ``(text, mark)`` runs (adjacent runs of one mark merged)."""
    spans: list[Span] = []
    pos = 0
    for text, mark in runs:
        if not text:
            continue
        if spans and spans[-1].mark == mark and spans[-1].end == pos:
            spans[-1] = Span(spans[-1].start, pos + len(text), mark)
        else:
            spans.append(Span(pos, pos + len(text), mark))
        pos += len(text)
    return "".join(t for t, _ in runs), tuple(spans)


def base_mark(spans: Sequence[Span]) -> int:
    """The mark covering the most characters (the first such one on a tie)."""
    size: Counter[int] = Counter()
    for s in spans:
        size[s.mark] += s.end - s.start
    if not size:
        return 0
    best = max(size.values())
    return next(s.mark for s in spans if size[s.mark] == best)


def strip_spans(text: str, spans: Sequence[Span]) -> tuple[str, tuple[Span, ...]]:
    """``text.strip()`` and its spans (the segment as translated: surrounding whitespace is kept by the format)."""
    return (m := Marked(text, tuple(spans)).strip()).text, m.spans


def clip(spans: Sequence[Span], start: int, end: int) -> tuple[Span, ...]:
    """The spans inside ``[start, end)``, shifted to start at 0."""
    out = []
    for s in spans:
        a, b = max(s.start, start), min(s.end, end)
        if a < b:
            out.append(Span(a - start, b - start, s.mark))
    return tuple(out)


def needs_alignment(spans: Sequence[Span]) -> bool:
    """Whether a text holds more than one mark (otherwise its translation takes its one mark whole)."""
    return len({s.mark for s in spans}) > 1


#: Units of the translation that take one mark: words (with inner hyphens and apostrophes) and punctuation.
_UNIT = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]+")


#: A word joins a formatted stretch only when it attends to it at least this much relative to the word that
#: attends to it most: function words ("na cama", "o seu trabalho") look ahead at the next source word.
RELATIVE = 0.8


def project(source: str, spans: Sequence[Span], target: str, links: Alignment | None) -> tuple[Span, ...]:
    """The partition of ``target`` into the marks of ``source``.

    Args:
        source: the source sentence.
        spans: its partition into marks.
        target: its translation.
        links: the soft word alignment of the pair (``None``: positions are mapped proportionally).

    Returns:
        Spans covering ``target``, in order (whitespace between words of different marks takes the mark most of
        the source's spaces have: the plain text's, not a link's).
    """
    if not target:
        return ()
    regions = [s for s in spans if s.end > s.start]
    base = base_mark(regions)
    if len({s.mark for s in regions}) <= 1:
        return (Span(0, len(target), base),)
    units = [m.span() for m in _UNIT.finditer(target)]
    if not units:
        return (Span(0, len(target), base),)
    if links is None or not links.target or not links.source:
        assigned = [_at_position(u, regions, len(source), len(target)) for u in units]
    else:
        assigned = _by_attention(units, regions, links, base)
        _trim_function_words(assigned, units, regions, source, target, base)
    _fill_gaps(assigned, units, target)
    space = _space_mark(source, regions, base)
    out: list[Span] = []
    pos = 0
    for k, ((start, end), mark) in enumerate(zip(units, assigned, strict=True)):
        if start > pos:  # the whitespace before a unit: inside a stretch of one mark, that mark
            left = assigned[k - 1] if k else None
            gap = mark if left == mark else space
            out.append(Span(pos, start, gap))
        out.append(Span(start, end, mark))
        pos = end
    if pos < len(target):
        out.append(Span(pos, len(target), space))
    merged: list[Span] = []
    for s in out:
        if merged and merged[-1].mark == s.mark and merged[-1].end == s.start:
            merged[-1] = Span(merged[-1].start, s.end, s.mark)
        else:
            merged.append(s)
    return tuple(merged)


def _space_mark(source: str, regions: Sequence[Span], base: int) -> int:
    """The mark most of the source's spaces have (spaces between differently formatted words take it)."""
    count: Counter[int] = Counter()
    for r in regions:
        count[r.mark] += sum(1 for c in source[r.start : r.end] if c.isspace())
    return count.most_common(1)[0][0] if count and count.most_common(1)[0][1] else base


def _at_position(unit: tuple[int, int], regions: Sequence[Span], n_source: int, n_target: int) -> int:
    """The mark of the source character at the same relative place."""
    at = (unit[0] + unit[1]) / 2 / max(n_target, 1) * n_source
    return next((r.mark for r in regions if r.start <= at < r.end), regions[-1].mark)


def _by_attention(
    units: list[tuple[int, int]], regions: Sequence[Span], links: Alignment, base: int
) -> list[int]:
    """Each unit takes the region its tokens attend to most; a region's words are those attending to it nearly
    as much as its best word; a region no word took gets its best word (a link is never lost)."""
    import numpy as np

    n_regions = len(regions)
    token_region = np.full(len(links.source), -1, dtype=np.int64)
    for k, (a, b) in enumerate(links.source):
        token_region[k] = next((r for r, s in enumerate(regions) if s.start <= a < s.end), -1)
        if token_region[k] < 0 and b > a:
            token_region[k] = next((r for r, s in enumerate(regions) if a < s.end and s.start < b), -1)
    weights = links.weights
    by_region = np.zeros((weights.shape[0], n_regions), dtype=np.float32)
    for r in range(n_regions):
        cols = token_region == r
        if cols.any():
            by_region[:, r] = weights[:, cols].sum(axis=1)
    mass = np.zeros((len(units), n_regions), dtype=np.float32)
    for u, (us, ue) in enumerate(units):
        rows = [t for t, (a, b) in enumerate(links.target) if a < ue and us < b]
        if rows:
            mass[u] = by_region[rows].max(axis=0)
    choice = [int(np.argmax(m)) if m.any() else -1 for m in mass]
    for k, c in enumerate(
        choice
    ):  # a unit no token reached (rare) takes its left, else right, neighbour's region
        if c < 0:
            choice[k] = next((x for x in [*reversed(choice[:k]), *choice[k + 1 :]] if x >= 0), 0)
    for r, region in enumerate(regions):
        if region.mark == base:
            continue
        mine = [u for u, c in enumerate(choice) if c == r]
        best = float(mass[:, r].max())
        if not mine and best > 0:
            choice[int(np.argmax(mass[:, r]))] = r
            continue
        for u in mine:
            if mass[u, r] < RELATIVE * best:
                others = mass[u].copy()
                others[r] = -1.0
                choice[u] = int(np.argmax(others))
    for k in range(1, len(choice) - 1):  # one word inside the translation of one source stretch belongs to it
        left = choice[k - 1]
        if left == choice[k + 1] != choice[k] and regions[left].mark != base:
            choice[k] = left
    return [regions[c].mark for c in choice]


#: Articles, prepositions and conjunctions (English, Portuguese) that lean on the next word and are aligned to it.
_FUNCTION = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "and", "or", "that", "o", "os", "as", "um", "uma", "uns", "umas",
    "de", "da", "do", "das", "dos", "na", "no", "nas", "nos", "em", "e", "ou", "que", "para", "por", "pela", "pelo",
    "ao", "à", "aos", "às", "seu", "sua", "seus", "suas", "meu", "minha",
})  # fmt: skip


def _trim_function_words(
    assigned: list[int],
    units: list[tuple[int, int]],
    regions: Sequence[Span],
    source: str,
    target: str,
    base: int,
) -> None:
    """A formatted stretch of the translation does not start with an article or a preposition unless the source
    stretch does (the bold "bed" is "cama", not "na cama"; the bold "the cat" stays "o gato")."""
    starts_with_function = {
        r.mark: bool((w := _UNIT.findall(source[r.start : r.end])) and w[0].lower() in _FUNCTION)
        for r in regions
    }
    for k in range(len(units) - 1):
        mark = assigned[k]
        if mark == base or (k and assigned[k - 1] == mark) or assigned[k + 1] != mark:
            continue
        word = target[units[k][0] : units[k][1]].lower()
        if word in _FUNCTION and not starts_with_function.get(mark, False):
            assigned[k] = assigned[k - 1] if k else base


def _fill_gaps(assigned: list[int], units: list[tuple[int, int]], target: str) -> None:
    """Punctuation between two units of one mark takes that mark (``*Bem - vindo*`` stays whole)."""
    for k in range(1, len(assigned) - 1):
        left, right = assigned[k - 1], assigned[k + 1]
        if left == right != assigned[k]:
            unit = target[units[k][0] : units[k][1]]
            if not any(c.isalnum() for c in unit):
                assigned[k] = left


def nest(runs: Sequence[tuple[str, tuple[int, ...]]], opens: Sequence[str], closes: Sequence[str]) -> str:
    """Text with tags: each run is ``(text, path of tag ids, outermost first)``; tags are opened and closed only
    where the path changes, so ``<i>a <b>b</b></i>`` comes back as it was."""
    out: list[str] = []
    stack: list[int] = []
    for text, path in runs:
        common = 0
        while common < len(stack) and common < len(path) and stack[common] == path[common]:
            common += 1
        while len(stack) > common:
            out.append(closes[stack.pop()])
        for tag in path[common:]:
            out.append(opens[tag])
            stack.append(tag)
        out.append(text)
    while stack:
        out.append(closes[stack.pop()])
    return "".join(out)
