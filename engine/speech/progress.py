"""Drill attempts in SQLite and the choice of the next drill (FSRS, via the ``fsrs`` package).

Each drill sentence is an FSRS card; an attempt's overall score is the review rating (>= 90 Easy, >= 75 Good,
>= 50 Hard, else Again). The next drill is, in order: a card that is due; else a sentence not yet practised
that contains a word the learner keeps missing (so weak words come back in other sentences); else the next new
sentence by level (A1 first). Attempts keep the text, the date and the per-word results; audio only when the
caller passes it (the user opted in).
"""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from engine.speech.drills import LEVELS, Drill
from engine.speech.normalize import normalize_word, split_words
from engine.speech.types import CORRECT, Attempt
from engine.storage import open_database

log = logging.getLogger(__name__)

COMPONENT = "speech"
MIGRATIONS = (
    """
    CREATE TABLE speech_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT, drill_id TEXT NOT NULL, language TEXT NOT NULL, target TEXT NOT
        NULL, created_at TEXT NOT NULL, score INTEGER NOT NULL, transcript TEXT NOT NULL, words_json TEXT NOT
        NULL, extra_json TEXT NOT NULL, audio_wav BLOB
    ); CREATE INDEX speech_attempts_lang ON speech_attempts(language, created_at); CREATE TABLE speech_cards (
        drill_id TEXT PRIMARY KEY, language TEXT NOT NULL, card_json TEXT NOT NULL, due TEXT NOT NULL
    ); CREATE TABLE speech_words (
        language TEXT NOT NULL, word TEXT NOT NULL, attempts INTEGER NOT NULL, misses INTEGER NOT NULL,
        score_sum INTEGER NOT NULL, streak_misses INTEGER NOT NULL, last_seen TEXT NOT NULL, PRIMARY KEY
        (language, word)
    )
    """,
    """
    CREATE TABLE speech_seen (drill_id TEXT PRIMARY KEY, language TEXT NOT NULL, seen_at TEXT NOT NULL)
    """,
)

#: A word is "weak" after this many misses in a row, or this many misses in all with a miss rate above 40%.
WEAK_STREAK = 2
WEAK_MISSES = 3
#: A drill shown and not attempted is passed over ("skipped") for this long.
SKIP_WINDOW = timedelta(minutes=30)


@dataclass(frozen=True)
class ScorePoint:
    """One attempt on the progress plot."""

    when: str
    score: int
    drill_id: str


@dataclass(frozen=True)
class DailyScore:
    """Attempts of one day (UTC)."""

    day: str
    attempts: int
    mean_score: float


@dataclass(frozen=True)
class WordStat:
    """How a word has gone across attempts."""

    word: str
    attempts: int
    misses: int
    mean_score: float


@dataclass(frozen=True)
class ProgressStats:
    """Statistics for progress plots.

    Attributes:
        language: the practised language.
        attempts: number of attempts.
        mean_score: mean overall score (0 when none).
        history: every attempt's score, oldest first.
        daily: per-day attempts and mean score, oldest first.
        weakest_words: words with the lowest mean score (most missed first), at most 10.
        drills_practised: distinct drills attempted.
        drills_due: cards due now.
    """

    language: str
    attempts: int
    mean_score: float
    history: tuple[ScorePoint, ...]
    daily: tuple[DailyScore, ...]
    weakest_words: tuple[WordStat, ...]
    drills_practised: int
    drills_due: int


def rating_for(score: int) -> int:
    """FSRS rating (1 Again, 2 Hard, 3 Good, 4 Easy) for an overall score."""
    if score >= 90:
        return 4
    if score >= 75:
        return 3
    if score >= 50:
        return 2
    return 1


def _now() -> datetime:
    return datetime.now(UTC)


def _wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    import soundfile

    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


class ProgressStore:
    """Attempts, FSRS cards and word statistics of the learner, in the user's SQLite database."""

    def __init__(self, path: Path | None = None) -> None:
        from fsrs import Scheduler

        self._conn: sqlite3.Connection = open_database(COMPONENT, MIGRATIONS, path)
        self._scheduler = Scheduler(enable_fuzzing=False)
        self._lock = threading.RLock()  # one connection shared by threads: every use holds it

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    def record(
        self,
        drill: Drill,
        attempt: Attempt,
        *,
        audio: np.ndarray | None = None,
        sample_rate: int = 16000,
        when: datetime | None = None,
    ) -> None:
        """Store an attempt, review the drill's FSRS card and update the per-word statistics.

        Args:
            drill: the drill practised.
            attempt: its scored attempt.
            audio: the attempt's samples, stored only when given (pass them only if the user opted in).
            sample_rate: rate of ``audio``.
            when: time of the attempt (default now, UTC).
        """
        from fsrs import Card, Rating

        moment = when or _now()
        words_json = json.dumps(
            [
                {"word": w.word, "status": w.status, "score": w.score, "start": w.start, "end": w.end}
                for w in attempt.words
            ],
            ensure_ascii=False,
        )
        blob = _wav_bytes(audio, sample_rate) if audio is not None else None
        with self._lock, self._conn:
            row = self._conn.execute(
                "SELECT card_json FROM speech_cards WHERE drill_id=?", (drill.id,)
            ).fetchone()
            card = Card.from_json(row[0]) if row else Card()
            card, _ = self._scheduler.review_card(card, Rating(rating_for(attempt.score)), moment)
            self._conn.execute(
                "INSERT INTO speech_cards(drill_id, language, card_json, due) VALUES(?, ?, ?, ?) "
                "ON CONFLICT(drill_id) DO UPDATE SET card_json=excluded.card_json, due=excluded.due",
                (drill.id, drill.language, card.to_json(), card.due.isoformat()),
            )
            self._conn.execute(
                "INSERT INTO speech_attempts(drill_id, language, target, created_at, score, transcript, "
                "words_json, extra_json, audio_wav) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    drill.id,
                    drill.language,
                    attempt.target,
                    moment.isoformat(),
                    attempt.score,
                    attempt.transcript,
                    words_json,
                    json.dumps(list(attempt.extra), ensure_ascii=False),
                    blob,
                ),
            )
            for result in attempt.words:
                for unit in normalize_word(result.word, drill.language):
                    missed = int(result.status != CORRECT)
                    self._conn.execute(
                        "INSERT INTO speech_words(language, word, attempts, misses, score_sum, "
                        "streak_misses, last_seen) VALUES(?, ?, 1, ?, ?, ?, ?) "
                        "ON CONFLICT(language, word) DO UPDATE SET attempts=attempts+1, "
                        "misses=misses+excluded.misses, score_sum=score_sum+excluded.score_sum, "
                        "streak_misses=CASE WHEN excluded.misses=1 THEN streak_misses+1 ELSE 0 END, "
                        "last_seen=excluded.last_seen",
                        (drill.language, unit, missed, result.score, missed, moment.isoformat()),
                    )

    def weak_words(self, language: str) -> list[str]:
        """Words the learner keeps missing, weakest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT word FROM speech_words WHERE language=? AND (streak_misses>=? OR "
                "(misses>=? AND misses*1.0/attempts>0.4)) "
                "ORDER BY streak_misses DESC, score_sum*1.0/attempts ASC",
                (language, WEAK_STREAK, WEAK_MISSES),
            ).fetchall()
            return [str(r[0]) for r in rows]

    def next_drill(
        self,
        drills: Sequence[Drill],
        language: str,
        *,
        now: datetime | None = None,
        topic: str | None = None,
        level: str | None = None,
    ) -> Drill:
        """Choose the next drill among ``drills`` (all of ``language``) and remember it was shown.

        Order: the most overdue FSRS card; else an unpractised sentence holding a weak word; else the first
        unpractised sentence of the lowest level; else the sentence shown longest ago. A drill shown and not
        attempted since (skipped) is passed over for ``SKIP_WINDOW``, so each call moves on without an attempt.

        Args:
            drills: the drills of the language.
            language: its code.
            now: the time (default now, UTC).
            topic: only drills of this topic.
            level: only drills of this CEFR level.

        Raises:
            ValueError: no drill matches.
        """
        chosen = self._choose(drills, language, now=now, topic=topic, level=level)
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO speech_seen(drill_id, language, seen_at) VALUES(?, ?, ?) "
                "ON CONFLICT(drill_id) DO UPDATE SET seen_at=excluded.seen_at",
                (chosen.id, language, (now or _now()).isoformat()),
            )
        return chosen

    def _choose(
        self,
        drills: Sequence[Drill],
        language: str,
        *,
        now: datetime | None,
        topic: str | None,
        level: str | None,
    ) -> Drill:
        with self._lock:
            pool = [d for d in drills if (not topic or d.topic == topic) and (not level or d.level == level)]
            if not pool:
                raise ValueError("no drills to choose from")
            moment = (now or _now()).isoformat()
            by_id = {d.id: d for d in pool}
            cards = self._conn.execute(
                "SELECT drill_id, due FROM speech_cards WHERE language=? ORDER BY due ASC", (language,)
            ).fetchall()
            last_attempt = {
                str(r[0]): str(r[1])
                for r in self._conn.execute(
                    "SELECT drill_id, MAX(created_at) FROM speech_attempts WHERE language=? GROUP BY drill_id",
                    (language,),
                ).fetchall()
            }
            seen = {
                str(r[0]): str(r[1])
                for r in self._conn.execute(
                    "SELECT drill_id, seen_at FROM speech_seen WHERE language=?", (language,)
                ).fetchall()
            }

            recent = ((now or _now()) - SKIP_WINDOW).isoformat()

            def skipped(drill_id: str) -> bool:
                shown = seen.get(drill_id)
                return shown is not None and shown > last_attempt.get(drill_id, "") and shown > recent

            for drill_id, due in cards:
                if due <= moment and drill_id in by_id and not skipped(drill_id):
                    return by_id[drill_id]
            practised = {str(r[0]) for r in cards}
            fresh = [d for d in pool if d.id not in practised and not skipped(d.id)]
            weak = self.weak_words(language)
            if weak and fresh:
                for word in weak:
                    for drill in fresh:
                        if word in _units(drill):
                            return drill
            if fresh:
                order = {lv: i for i, lv in enumerate(LEVELS)}
                return min(fresh, key=lambda d: order.get(d.level, len(LEVELS)))
            return min(pool, key=lambda d: (seen.get(d.id, ""), d.id))

    def stats(self, language: str, *, now: datetime | None = None) -> ProgressStats:
        """Statistics for the progress plot of ``language``."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT created_at, score, drill_id FROM speech_attempts WHERE language=? "
                "ORDER BY created_at, id",
                (language,),
            ).fetchall()
            history = tuple(ScorePoint(str(r[0]), int(r[1]), str(r[2])) for r in rows)
            days: dict[str, list[int]] = {}
            for point in history:
                days.setdefault(point.when[:10], []).append(point.score)
            daily = tuple(DailyScore(day, len(s), sum(s) / len(s)) for day, s in sorted(days.items()))
            words = self._conn.execute(
                "SELECT word, attempts, misses, score_sum*1.0/attempts AS mean FROM speech_words "
                "WHERE language=? AND misses>0 ORDER BY mean ASC, misses DESC LIMIT 10",
                (language,),
            ).fetchall()
            moment = (now or _now()).isoformat()
            due = self._conn.execute(
                "SELECT COUNT(*) FROM speech_cards WHERE language=? AND due<=?", (language, moment)
            ).fetchone()[0]
            practised = self._conn.execute(
                "SELECT COUNT(*) FROM speech_cards WHERE language=?", (language,)
            ).fetchone()[0]
            return ProgressStats(
                language=language,
                attempts=len(history),
                mean_score=(sum(p.score for p in history) / len(history)) if history else 0.0,
                history=history,
                daily=daily,
                weakest_words=tuple(WordStat(str(w), int(a), int(m), float(s)) for w, a, m, s in words),
                drills_practised=int(practised),
                drills_due=int(due),
            )

    def attempt_audio(self, attempt_id: int) -> bytes | None:
        """The WAV bytes stored with an attempt, if the user opted in to keeping audio."""
        with self._lock:
            row = self._conn.execute(
                "SELECT audio_wav FROM speech_attempts WHERE id=?", (attempt_id,)
            ).fetchone()
            return bytes(row[0]) if row and row[0] is not None else None


def _units(drill: Drill) -> set[str]:
    return {u for w in split_words(drill.text) for u in normalize_word(w, drill.language)}
