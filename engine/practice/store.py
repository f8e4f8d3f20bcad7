"""Exercise results, their FSRS cards, missed words and vocabulary in the user's SQLite database.

Every exercise item (a dictation sentence, a translation, a cloze gap, a vocabulary word) is an FSRS card keyed by
(kind, item, language); a graded answer reviews it (>= 90 Easy, >= 75 Good, >= 50 Hard, else Again), so an item
failed comes back before one passed. Items shown and not answered since ("skipped") go to the back of the queue.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from engine.speech.progress import rating_for
from engine.storage import open_database

COMPONENT = "practice"
MIGRATIONS = (
    """
    CREATE TABLE practice_results (
        id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, item_id TEXT NOT NULL, language TEXT NOT NULL,
        topic TEXT NOT NULL, level TEXT NOT NULL, score INTEGER NOT NULL, passed INTEGER NOT NULL,
        created_at TEXT NOT NULL, answer TEXT NOT NULL, details_json TEXT NOT NULL
    ); CREATE INDEX practice_results_lang ON practice_results(language, created_at);
    CREATE TABLE practice_cards (
        kind TEXT NOT NULL, item_id TEXT NOT NULL, language TEXT NOT NULL, card_json TEXT NOT NULL,
        due TEXT NOT NULL, last_review TEXT NOT NULL, PRIMARY KEY (kind, item_id, language)
    ); CREATE TABLE practice_seen (
        kind TEXT NOT NULL, item_id TEXT NOT NULL, language TEXT NOT NULL, seen_at TEXT NOT NULL,
        PRIMARY KEY (kind, item_id, language)
    ); CREATE TABLE practice_words (
        language TEXT NOT NULL, word TEXT NOT NULL, attempts INTEGER NOT NULL, misses INTEGER NOT NULL,
        streak_misses INTEGER NOT NULL, last_seen TEXT NOT NULL, PRIMARY KEY (language, word)
    ); CREATE TABLE practice_vocab (
        language TEXT NOT NULL, word TEXT NOT NULL, translation TEXT NOT NULL, source TEXT NOT NULL,
        example TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (language, word)
    )
    """,
)

#: A word is weak after this many misses in a row, or this many misses with a miss rate above 40%.
WEAK_STREAK = 2
WEAK_MISSES = 3


def now_utc() -> datetime:
    """The current time, UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class StoredResult:
    """One graded answer as stored."""

    kind: str
    item_id: str
    language: str
    topic: str
    level: str
    score: int
    passed: bool
    when: str


@dataclass(frozen=True)
class VocabEntry:
    """A word on the learner's vocabulary list.

    Attributes:
        word: the word in the practised language.
        translation: its meaning in the learner's language (may be empty until translated).
        source: ``"marked"`` (the learner added it) or ``"missed"`` (missed in an exercise or drill).
        example: a sentence that uses it.
    """

    language: str
    word: str
    translation: str
    source: str
    example: str


class PracticeStore:
    """The practice tables; one connection, every use under one lock."""

    def __init__(self, path: Path | None = None) -> None:
        from fsrs import Scheduler

        self._conn: sqlite3.Connection = open_database(COMPONENT, MIGRATIONS, path)
        self._scheduler = Scheduler(enable_fuzzing=False)
        self._lock = threading.RLock()

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    # -- results and cards ------------------------------------------------------------------------------------
    def record(
        self,
        kind: str,
        item_id: str,
        language: str,
        *,
        topic: str,
        level: str,
        score: int,
        passed: bool,
        answer: str,
        details: dict[str, object],
        when: datetime | None = None,
        schedule: bool = True,
    ) -> None:
        """Store a graded answer and (unless ``schedule`` is False) review the item's FSRS card."""
        from fsrs import Card, Rating

        moment = when or now_utc()
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO practice_results(kind, item_id, language, topic, level, score, passed, created_at, "
                "answer, details_json) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    item_id,
                    language,
                    topic,
                    level,
                    score,
                    int(passed),
                    moment.isoformat(),
                    answer,
                    json.dumps(details, ensure_ascii=False),
                ),
            )
            if not schedule:
                return
            row = self._conn.execute(
                "SELECT card_json FROM practice_cards WHERE kind=? AND item_id=? AND language=?",
                (kind, item_id, language),
            ).fetchone()
            card = Card.from_json(row[0]) if row else Card()
            card, _ = self._scheduler.review_card(card, Rating(rating_for(score)), moment)
            self._conn.execute(
                "INSERT INTO practice_cards(kind, item_id, language, card_json, due, last_review) "
                "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(kind, item_id, language) DO UPDATE SET "
                "card_json=excluded.card_json, due=excluded.due, last_review=excluded.last_review",
                (kind, item_id, language, card.to_json(), card.due.isoformat(), moment.isoformat()),
            )

    def cards(self, kind: str, language: str) -> list[tuple[str, str, str]]:
        """(item id, due, last review) of every card of ``kind``, soonest due first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT item_id, due, last_review FROM practice_cards WHERE kind=? AND language=? "
                "ORDER BY due ASC, item_id ASC",
                (kind, language),
            ).fetchall()
        return [(str(a), str(b), str(c)) for a, b, c in rows]

    def seen(self, kind: str, language: str) -> dict[str, str]:
        """Item id -> when it was last shown."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT item_id, seen_at FROM practice_seen WHERE kind=? AND language=?", (kind, language)
            ).fetchall()
        return {str(a): str(b) for a, b in rows}

    def mark_seen(self, kind: str, item_id: str, language: str, when: datetime | None = None) -> None:
        """Remember that an item was shown (so the next call moves on if it is not answered)."""
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO practice_seen(kind, item_id, language, seen_at) VALUES(?, ?, ?, ?) "
                "ON CONFLICT(kind, item_id, language) DO UPDATE SET seen_at=excluded.seen_at",
                (kind, item_id, language, (when or now_utc()).isoformat()),
            )

    def results(self, language: str) -> list[StoredResult]:
        """Every stored answer of ``language``, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT kind, item_id, language, topic, level, score, passed, created_at FROM practice_results "
                "WHERE language=? ORDER BY created_at, id",
                (language,),
            ).fetchall()
        return [
            StoredResult(str(k), str(i), str(lg), str(t), str(lv), int(s), bool(p), str(w))
            for k, i, lg, t, lv, s, p, w in rows
        ]

    # -- words ------------------------------------------------------------------------------------------------
    def count_words(
        self, language: str, outcomes: Iterable[tuple[str, bool]], when: datetime | None = None
    ) -> None:
        """Update per-word statistics with (word, missed) pairs."""
        moment = (when or now_utc()).isoformat()
        with self._lock, self._conn:
            for word, missed in outcomes:
                if not word:
                    continue
                m = int(missed)
                self._conn.execute(
                    "INSERT INTO practice_words(language, word, attempts, misses, streak_misses, last_seen) "
                    "VALUES(?, ?, 1, ?, ?, ?) ON CONFLICT(language, word) DO UPDATE SET attempts=attempts+1, "
                    "misses=misses+excluded.misses, streak_misses=CASE WHEN excluded.misses=1 "
                    "THEN streak_misses+1 ELSE 0 END, last_seen=excluded.last_seen",
                    (language, word.casefold(), m, m, moment),
                )

    def word_stats(self, language: str) -> list[tuple[str, int, int, int]]:
        """(word, attempts, misses, misses in a row) from exercises and, when present, speaking drills."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT word, attempts, misses, streak_misses FROM practice_words WHERE language=?",
                (language,),
            ).fetchall()
            merged: dict[str, list[int]] = {str(w): [int(a), int(m), int(s)] for w, a, m, s in rows}
            if self._has_table("speech_words"):
                for w, a, m, s in self._conn.execute(
                    "SELECT word, attempts, misses, streak_misses FROM speech_words WHERE language=?",
                    (language,),
                ).fetchall():
                    entry = merged.setdefault(str(w), [0, 0, 0])
                    entry[0] += int(a)
                    entry[1] += int(m)
                    entry[2] = max(entry[2], int(s))
        return [(w, a, m, s) for w, (a, m, s) in merged.items()]

    def weak_words(self, language: str) -> list[str]:
        """Words the learner keeps missing (in exercises or drills), weakest first."""
        stats = [
            s
            for s in self.word_stats(language)
            if s[3] >= WEAK_STREAK or (s[2] >= WEAK_MISSES and s[2] / s[1] > 0.4)
        ]
        stats.sort(key=lambda s: (-s[3], -s[2] / max(1, s[1]), s[0]))
        return [s[0] for s in stats]

    def speech_points(self, language: str) -> list[tuple[str, int, str]]:
        """(when, score, drill id) of each speaking attempt, oldest first (empty before the first attempt)."""
        with self._lock:
            if not self._has_table("speech_attempts"):
                return []
            rows = self._conn.execute(
                "SELECT created_at, score, drill_id FROM speech_attempts WHERE language=? ORDER BY created_at, id",
                (language,),
            ).fetchall()
        return [(str(w), int(s), str(d)) for w, s, d in rows]

    def _has_table(self, name: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
        ).fetchone()
        return row is not None

    # -- vocabulary -------------------------------------------------------------------------------------------
    def add_vocab(self, entry: VocabEntry, when: datetime | None = None) -> bool:
        """Add a word (a word already listed keeps its entry, but a marked translation fills an empty one).

        Returns:
            True when the word was not on the list yet.
        """
        with self._lock, self._conn:
            cur = self._conn.execute(
                "INSERT INTO practice_vocab(language, word, translation, source, example, created_at) "
                "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(language, word) DO NOTHING",
                (
                    entry.language,
                    entry.word.casefold(),
                    entry.translation,
                    entry.source,
                    entry.example,
                    (when or now_utc()).isoformat(),
                ),
            )
            if cur.rowcount == 0 and entry.translation:
                self._conn.execute(
                    "UPDATE practice_vocab SET translation=? WHERE language=? AND word=? AND translation=''",
                    (entry.translation, entry.language, entry.word.casefold()),
                )
            return cur.rowcount > 0

    def set_translation(self, language: str, word: str, translation: str) -> None:
        """Fill in a word's translation."""
        with self._lock, self._conn:
            self._conn.execute(
                "UPDATE practice_vocab SET translation=? WHERE language=? AND word=?",
                (translation, language, word),
            )

    def vocab(self, language: str) -> list[VocabEntry]:
        """The vocabulary list, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT language, word, translation, source, example FROM practice_vocab WHERE language=? "
                "ORDER BY created_at, word",
                (language,),
            ).fetchall()
        return [VocabEntry(str(a), str(b), str(c), str(d), str(e)) for a, b, c, d, e in rows]
