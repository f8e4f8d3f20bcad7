"""What the practice page charts: scores over time by exercise kind, topic and level, weakest words, streak."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from engine.practice.store import PracticeStore
from engine.speech.drills import LEVELS, Drill

SPEAKING = "speaking"


@dataclass(frozen=True)
class ProgressPoint:
    """One scored answer or spoken attempt."""

    when: str
    kind: str
    score: int
    topic: str
    level: str


@dataclass(frozen=True)
class GroupScore:
    """Answers of one group (a kind, a topic, a level)."""

    name: str
    count: int
    mean_score: float


@dataclass(frozen=True)
class WeakWord:
    """A word the learner misses (exercises and drills together)."""

    word: str
    attempts: int
    misses: int


@dataclass(frozen=True)
class PracticeProgress:
    """Everything the progress charts show for one practised language.

    Attributes:
        language: the practised language.
        points: every answer and spoken attempt, oldest first.
        by_kind: count and mean score per kind (``speaking``, ``dictation``, ``translation``, ``cloze``, ``vocab``).
        by_topic: per topic, most practised first.
        by_level: per level, A1 first.
        weakest_words: most missed first, at most 10.
        streak_days: days in a row with practice, up to today (or yesterday, if nothing yet today).
        days_active: distinct days with practice.
        placed_level: the level of the last placement test, or None.
    """

    language: str
    points: tuple[ProgressPoint, ...]
    by_kind: tuple[GroupScore, ...]
    by_topic: tuple[GroupScore, ...]
    by_level: tuple[GroupScore, ...]
    weakest_words: tuple[WeakWord, ...]
    streak_days: int
    days_active: int
    placed_level: str | None


def _groups(points: Sequence[ProgressPoint], key: str) -> list[GroupScore]:
    acc: dict[str, list[int]] = {}
    for p in points:
        name = str(getattr(p, key))
        if name:
            acc.setdefault(name, []).append(p.score)
    return [GroupScore(n, len(s), sum(s) / len(s)) for n, s in acc.items()]


def streak(days: set[date], today: date) -> int:
    """Days in a row with practice ending today, or ending yesterday when today has none yet."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def build_progress(
    language: str, store: PracticeStore, drills: Sequence[Drill], now: datetime
) -> PracticeProgress:
    """Gather the figures from the practice and speaking tables."""
    by_id = {d.id: d for d in drills}
    points: list[ProgressPoint] = []
    placed: str | None = None
    for r in store.results(language):
        if r.kind == "placement":
            placed = r.level
            continue
        points.append(ProgressPoint(r.when, r.kind, r.score, r.topic, r.level))
    for when, score, drill_id in store.speech_points(language):
        d = by_id.get(drill_id)
        points.append(ProgressPoint(when, SPEAKING, score, d.topic if d else "", d.level if d else ""))
    points.sort(key=lambda p: p.when)
    order = {lv: i for i, lv in enumerate(LEVELS)}
    by_level = sorted(_groups(points, "level"), key=lambda g: order.get(g.name, 99))
    by_topic = sorted(_groups(points, "topic"), key=lambda g: (-g.count, g.name))
    kinds = (SPEAKING, "dictation", "translation", "cloze", "vocab")
    by_kind = sorted(_groups(points, "kind"), key=lambda g: kinds.index(g.name) if g.name in kinds else 99)
    words = sorted(
        (w for w in store.word_stats(language) if w[2] > 0), key=lambda w: (-w[2] / max(1, w[1]), -w[2], w[0])
    )[:10]
    days = {datetime.fromisoformat(p.when).date() for p in points}
    return PracticeProgress(
        language=language,
        points=tuple(points),
        by_kind=tuple(by_kind),
        by_topic=tuple(by_topic),
        by_level=tuple(by_level),
        weakest_words=tuple(WeakWord(w, a, m) for w, a, m, _s in words),
        streak_days=streak(days, now.date()),
        days_active=len(days),
        placed_level=placed,
    )
