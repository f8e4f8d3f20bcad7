"""The learner's writing level over time: one record per text checked, in the user's SQLite database.

A record keeps the date, the language, the estimated level (:mod:`engine.correct.level`), the word count and how
many corrections of each category the text had; never the text itself (a hash of it only, to recognise a text
checked again). Checking as you type completes many times while one text is written, so a check of a text that is
still being written (very like the last one recorded, within :data:`EDIT_WINDOW`) replaces that record instead of
adding one, and a text recorded already is not recorded again.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from engine.storage import open_database

if TYPE_CHECKING:
    from engine.correct.model import CheckResult

COMPONENT = "writing_levels"
MIGRATIONS = (
    """
    CREATE TABLE writing_levels (
        id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, language TEXT NOT NULL,
        level TEXT NOT NULL, words INTEGER NOT NULL, errors_per_100_words REAL NOT NULL,
        categories_json TEXT NOT NULL, text_hash TEXT NOT NULL
    ); CREATE INDEX writing_levels_lang ON writing_levels(language, created_at);
    CREATE INDEX writing_levels_hash ON writing_levels(language, text_hash)
    """,
)

#: A check this soon after the last record, of a text this similar to it, is the same text still being written.
EDIT_WINDOW = timedelta(minutes=30)
SAME_TEXT_RATIO = 0.6
#: The most frequent categories are counted over this many recent checks.
RECENT_CHECKS = 10


@dataclass(frozen=True)
class LevelRecord:
    """One checked text's level.

    Attributes:
        when: when it was checked (UTC).
        language: ``"en"`` or ``"pt"``.
        level: ``"A1"`` .. ``"C2"``.
        words: words in the text.
        errors_per_100_words: corrections per 100 words.
        categories: (category, corrections) pairs, most frequent first.
    """

    when: datetime
    language: str
    level: str
    words: int
    errors_per_100_words: float
    categories: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class WritingHistory:
    """The level over time in one language and the most frequent mistakes of the recent checks.

    Attributes:
        language: the language.
        records: the checks, oldest first.
        top_categories: (category, corrections) over the last :data:`RECENT_CHECKS` checks, most frequent first.
    """

    language: str
    records: tuple[LevelRecord, ...]
    top_categories: tuple[tuple[str, int], ...]


def _now() -> datetime:
    return datetime.now(UTC)


def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class WritingLevelStore:
    """The writing-level table; one connection, every use under one lock."""

    def __init__(self, path: Path | None = None) -> None:
        self._conn: sqlite3.Connection = open_database(COMPONENT, MIGRATIONS, path)
        self._lock = threading.Lock()
        #: per language: (record id, text) of the last text recorded by this store (kept in memory only)
        self._last: dict[str, tuple[int, str]] = {}

    def close(self) -> None:
        """Close the database."""
        self._conn.close()

    def record(self, result: CheckResult, *, when: datetime | None = None) -> LevelRecord | None:
        """Store the level of a checked text.

        Args:
            result: a finished check (``result.level`` is None for a text too short to estimate).
            when: the time of the check (default now).

        Returns:
            The record stored, or None when the text has no estimate or was recorded already.
        """
        estimate = result.level
        if estimate is None:
            return None
        language = result.language.split("-")[0].lower()
        digest = _digest(result.text)
        counts = Counter(e.category for e in result.edits).most_common()
        moment = when or _now()
        row = (
            moment.isoformat(),
            language,
            estimate.level,
            estimate.words,
            float(estimate.errors_per_100_words),
            json.dumps(counts),
            digest,
        )
        with self._lock, self._conn:
            seen = self._conn.execute(
                "SELECT 1 FROM writing_levels WHERE language=? AND text_hash=?", (language, digest)
            ).fetchone()
            if seen:
                return None
            replaced = self._editing(language, result.text, moment)
            if replaced is not None:
                self._conn.execute(
                    "UPDATE writing_levels SET created_at=?, language=?, level=?, words=?, "
                    "errors_per_100_words=?, categories_json=?, text_hash=? WHERE id=?",
                    (*row, replaced),
                )
                record_id = replaced
            else:
                cur = self._conn.execute(
                    "INSERT INTO writing_levels(created_at, language, level, words, errors_per_100_words, "
                    "categories_json, text_hash) VALUES(?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                record_id = int(cur.lastrowid or 0)
            self._last[language] = (record_id, result.text)
        return LevelRecord(
            moment,
            language,
            estimate.level,
            estimate.words,
            float(estimate.errors_per_100_words),
            tuple(counts),
        )

    def _editing(self, language: str, text: str, moment: datetime) -> int | None:
        """The id of the last record if ``text`` is that text still being written, else None."""
        last = self._last.get(language)
        if last is None:
            return None
        record_id, previous = last
        row = self._conn.execute("SELECT created_at FROM writing_levels WHERE id=?", (record_id,)).fetchone()
        if row is None or moment - datetime.fromisoformat(str(row[0])) > EDIT_WINDOW:
            return None
        matcher = difflib.SequenceMatcher(None, previous.split(), text.split(), autojunk=False)
        similar = matcher.ratio() >= SAME_TEXT_RATIO
        return record_id if similar else None

    def history(self, language: str | None = None, *, limit: int = 50) -> WritingHistory:
        """The last ``limit`` records of ``language`` (oldest first) and the recent checks' frequent mistakes.

        Args:
            language: ``"en"`` or ``"pt"`` (a variant counts as its language); None: the language of the latest
                record (English when there is none).
            limit: how many records at most.
        """
        with self._lock:
            if language is None:
                latest = self._conn.execute(
                    "SELECT language FROM writing_levels ORDER BY created_at DESC, id DESC LIMIT 1"
                ).fetchone()
                language = str(latest[0]) if latest else "en"
            lang = language.split("-")[0].lower()
            rows = self._conn.execute(
                "SELECT created_at, language, level, words, errors_per_100_words, categories_json "
                "FROM writing_levels WHERE language=? ORDER BY created_at DESC, id DESC LIMIT ?",
                (lang, limit),
            ).fetchall()
        records = tuple(
            LevelRecord(
                datetime.fromisoformat(str(w)),
                str(lg),
                str(lv),
                int(n),
                float(e),
                tuple((str(c), int(k)) for c, k in json.loads(str(cats))),
            )
            for w, lg, lv, n, e, cats in reversed(rows)
        )
        totals: Counter[str] = Counter()
        for record in records[-RECENT_CHECKS:]:
            totals.update(dict(record.categories))
        return WritingHistory(lang, records, tuple(totals.most_common()))
