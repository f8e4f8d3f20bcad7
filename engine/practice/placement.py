"""The placement test: 20 gap-filling questions across A1-B2 (five per level), four choices each.

The questions are built from the shipped drill sentences, the same for every learner (deterministic), so two runs
can be compared. A level counts as passed with at least 3 of its 5 right; the learner's level is the highest level
passed with every level below it passed too, and practice starts at the first level not passed.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from engine.errors import InputError
from engine.practice import grading
from engine.speech.drills import LEVELS, Drill, load_drills

PER_LEVEL = 5
PASS_MARK = 3
GAP = "____"


@dataclass(frozen=True)
class PlacementItem:
    """One question: a sentence with a gap and four words to choose from."""

    item_id: str
    language: str
    prompt: str
    hint: str
    level: str
    topic: str
    options: tuple[str, ...]
    answer: str


@dataclass(frozen=True)
class PlacementResult:
    """The outcome of a placement test.

    Attributes:
        level: the level reached (``"A1"``..``"B2"``), or ``"pre-A1"`` when even A1 was not passed.
        start_level: where practice should start: the first level not passed (B2 when all were).
        start_drill_id: the first drill of ``start_level``.
        score: percentage of questions right.
        per_level: (level, right, asked) for each level.
        answers: item id -> whether it was right.
    """

    level: str
    start_level: str
    start_drill_id: str
    score: int
    per_level: tuple[tuple[str, int, int], ...]
    answers: tuple[tuple[str, bool], ...]


def _key_word(drill: Drill) -> str:
    words = [w for w in grading.tokens(drill.text) if len(w) >= 4 and not w[0].isdigit()] or grading.tokens(
        drill.text
    )
    return max(words, key=len)


def placement_items(language: str) -> tuple[PlacementItem, ...]:
    """The 20 questions of ``language``'s test."""
    drills = load_drills(language)
    items: list[PlacementItem] = []
    for level in LEVELS:
        pool = [d for d in drills if d.level == level]
        if not pool:
            continue
        chosen: list[Drill] = []
        topics: set[str] = set()
        step = max(1, len(pool) // (PER_LEVEL * 2))
        for d in pool[::step] + pool:  # spread over the file, one topic each where possible
            if len(chosen) == PER_LEVEL:
                break
            if d.topic not in topics and d not in chosen:
                chosen.append(d)
                topics.add(d.topic)
        others = [_key_word(d) for d in pool]
        for d in chosen:
            answer = _key_word(d)
            rng = random.Random(zlib.crc32(d.id.encode()))
            distractors = sorted(
                {w for w in others if grading.fold(w) != grading.fold(answer)},
                key=lambda w: (abs(len(w) - len(answer)), rng.random()),
            )[:3]
            options = [answer, *distractors]
            rng.shuffle(options)
            prompt = d.text.replace(answer, GAP, 1)
            items.append(
                PlacementItem(d.id, language, prompt, d.translation, level, d.topic, tuple(options), answer)
            )
    return tuple(items)


def grade_placement(language: str, answers: Mapping[str, str]) -> PlacementResult:
    """Grade the learner's choices (item id -> word chosen; unanswered questions count as wrong).

    Raises:
        InputError: an answer names a question that is not in the test.
    """
    items = placement_items(language)
    known = {i.item_id for i in items}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise InputError(f"The placement test has no question '{unknown[0]}'.")
    right: dict[str, bool] = {
        i.item_id: grading.grade_word(answers.get(i.item_id, ""), [i.answer]) == grading.CORRECT
        for i in items
    }
    per_level = tuple(
        (lv, sum(right[i.item_id] for i in items if i.level == lv), sum(1 for i in items if i.level == lv))
        for lv in LEVELS
    )
    level = "pre-A1"
    for lv, ok, asked in per_level:
        if asked and ok >= min(PASS_MARK, asked):
            level = lv
        else:
            break
    start = next(
        (lv for lv, ok, asked in per_level if not (asked and ok >= min(PASS_MARK, asked))), LEVELS[-1]
    )
    first = next(d.id for d in load_drills(language) if d.level == start)
    return PlacementResult(
        level=level,
        start_level=start,
        start_drill_id=first,
        score=round(100 * sum(right.values()) / max(1, len(items))),
        per_level=per_level,
        answers=tuple(right.items()),
    )
