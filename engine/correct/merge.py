"""Combine the edits of several checkers into one consistent, non-overlapping set.

Two operations:

* :func:`resolve` picks a non-overlapping subset of edits found on the *same* text (ties go to the checker
  listed first; identical edits from two checkers become one edit crediting both).
* :func:`compose` turns edits found on a *corrected* text (checker B run after checker A's edits were
  applied) back into edits on the original text, merging an edit of B that touches an edit of A into one
  combined edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from engine.correct.model import Edit, apply_edits
from engine.correct.teacher import combined_notes


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    # Two insertions at the same point, or an insertion inside a span, conflict too.
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return False


def resolve(edits: Sequence[Edit], priority: Sequence[str] = ()) -> list[Edit]:
    """Choose a non-overlapping subset of ``edits`` (all indexing the same text), sorted by start.

    Args:
        edits: candidate edits, possibly overlapping, from one or several checkers.
        priority: checker names, most trusted first; an overlap keeps the edit of the more trusted checker,
            then the shorter span.

    Returns:
        Non-overlapping edits sorted by ``start``.
    """

    def rank(edit: Edit) -> tuple[int, int, int]:
        source = edit.source.split("+")[0]
        order = priority.index(source) if source in priority else len(priority)
        return (order, edit.end - edit.start, edit.start)

    kept: list[Edit] = []
    for edit in sorted(edits, key=rank):
        if edit.replacement == edit.original:
            continue
        clash = next((k for k in kept if _overlaps(k, edit)), None)
        if clash is None:
            kept.append(edit)
        elif (
            (clash.start, clash.end, clash.replacement) == (edit.start, edit.end, edit.replacement)
            and edit.source
            and edit.source not in clash.source.split("+")
        ):
            kept[kept.index(clash)] = replace(clash, source=f"{clash.source}+{edit.source}")
    return sorted(kept, key=lambda e: (e.start, e.end))


def _combine(text0: str, start0: int, end0: int, replacement: str, parts: Sequence[Edit]) -> Edit:
    """One edit standing for several passes' edits on the same place.

    The explanation starts with what to write; the parts' own explanations follow only when they speak of the
    learner's text and the final correction, not of an intermediate form the learner never saw (a spelling fix
    that a later grammar rule changed again).
    """
    first = parts[0]
    original = text0[start0:end0]
    categories = {p.category for p in parts}
    category = (
        first.category
        if len(categories) == 1
        else next((p.category for p in parts if p.category != "spelling"), first.category)
    )
    lead = "Spelling" if category == "spelling" else category[:1].upper() + category[1:]
    texts = [f"{lead}: write '{replacement.strip()}' instead of '{original.strip()}'."]
    for p in parts:
        speaks_of_learner = set(p.original.split()) <= set(original.split()) and set(
            p.replacement.split()
        ) <= set(replacement.split())
        if p.explanation and speaks_of_learner and p.explanation not in texts:
            texts.append(p.explanation)
    sources: list[str] = []
    for p in parts:
        for s in p.source.split("+"):
            if s and s not in sources:
                sources.append(s)
    speaking = [p.notes for p in parts if p.notes and p.explanation in texts]
    return Edit(
        start=start0,
        end=end0,
        original=original,
        replacement=replacement,
        category=category,
        rule_id="+".join(dict.fromkeys(p.rule_id for p in parts)),
        explanation=" ".join(texts),
        suggestions=(replacement,),
        source="+".join(sources),
        notes=combined_notes(category, original, replacement, speaking),
    )


def compose(text0: str, first: Sequence[Edit], second: Sequence[Edit]) -> list[Edit]:
    """Express "apply ``first`` to ``text0``, then ``second`` to the result" as edits on ``text0``.

    Args:
        text0: the original text.
        first: non-overlapping edits on ``text0``.
        second: non-overlapping edits on ``apply_edits(text0, first)``.

    Returns:
        Non-overlapping edits on ``text0`` whose application gives the same final text.
    """
    first = sorted(first, key=lambda e: (e.start, e.end))
    text1 = apply_edits(text0, first)
    # Spans of ``first`` in text1 coordinates, with the running offset delta.
    items: list[tuple[int, int, int, Edit]] = []  # (start1, end1, kind 0=first 1=second, edit)
    delta = 0
    for edit in first:
        s1 = edit.start + delta
        items.append((s1, s1 + len(edit.replacement), 0, edit))
        delta += len(edit.replacement) - (edit.end - edit.start)
    for edit in second:
        items.append((edit.start, edit.end, 1, edit))
    items.sort(key=lambda t: (t[0], t[1], t[2]))

    clusters: list[list[tuple[int, int, int, Edit]]] = []
    cur_start = cur_end = -1
    for item in items:
        s, e = item[0], item[1]
        # Overlapping spans join a cluster; so does anything empty touching it (insertions, deletions).
        joins = bool(clusters) and (s < cur_end or (s == cur_end and (s == e or cur_start == cur_end)))
        if joins:
            clusters[-1].append(item)
            cur_end = max(cur_end, e)
        else:
            clusters.append([item])
            cur_start, cur_end = s, e

    # Map text1 positions outside ``first`` spans back to text0.
    starts1 = [(t[0], t[1], t[3]) for t in items if t[2] == 0]

    def to0(pos1: int) -> int:
        d = 0
        for s1, e1, edit in starts1:
            if e1 <= pos1 and not (s1 == e1 == pos1 and edit.start == edit.end):
                d += len(edit.replacement) - (edit.end - edit.start)
            elif s1 >= pos1:
                break
        return pos1 - d

    out: list[Edit] = []
    for cluster in clusters:
        kinds = {c[2] for c in cluster}
        if kinds == {0}:
            out.extend(c[3] for c in cluster)
            continue
        a1 = min(c[0] for c in cluster)
        b1 = max(c[1] for c in cluster)
        if kinds == {1}:
            shift = to0(a1) - a1
            out.extend(c[3].shifted(shift) for c in cluster)
            continue
        firsts = [c[3] for c in cluster if c[2] == 0]
        seconds = [c[3].shifted(-a1) for c in cluster if c[2] == 1]
        a0 = min(min(e.start for e in firsts), to0(a1))
        b0 = max(max(e.end for e in firsts), to0(b1))
        replacement = apply_edits(text1[a1:b1], seconds)
        if replacement == text0[a0:b0]:
            continue
        out.append(_combine(text0, a0, b0, replacement, [c[3] for c in cluster]))
    return sorted(out, key=lambda e: (e.start, e.end))
