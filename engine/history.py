"""Recent translations, kept in the user's SQLite database (component ``"history"``)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from engine.errors import StorageError
from engine.storage import open_database

log = logging.getLogger(__name__)

MIGRATIONS = (
    """
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created REAL NOT NULL,
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        source_text TEXT NOT NULL,
        target_text TEXT NOT NULL,
        model TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX history_created ON history(created)
    """,
)

#: Entries kept; older ones are dropped when new ones are added.
DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class HistoryEntry:
    """One translation the user made.

    Attributes:
        id: database row id.
        created: seconds since the epoch.
        source: source language code.
        target: target language code.
        source_text: what the user typed.
        text: the translation.
        model: the model that made it.
    """

    id: int
    created: float
    source: str
    target: str
    source_text: str
    text: str
    model: str


class HistoryStore:
    """Thread-safe store of recent translations."""

    def __init__(self, path: Path | None = None, *, keep: int = DEFAULT_LIMIT) -> None:
        """Open (creating if needed) the history tables.

        Args:
            path: database file; default: the user's database (:func:`engine.paths.database_path`).
            keep: how many entries to keep.

        Raises:
            StorageError: the database cannot be opened.
        """
        self._conn = open_database("history", MIGRATIONS, path)
        self._lock = threading.Lock()
        self._keep = keep

    def add(self, source: str, target: str, source_text: str, text: str, model: str = "") -> HistoryEntry:
        """Record a translation; an identical latest entry is not repeated.

        Returns:
            The stored entry.
        """
        now = time.time()
        try:
            with self._lock, self._conn:
                last = self._conn.execute(
                    "SELECT id, created, source_lang, target_lang, source_text, target_text, model "
                    "FROM history ORDER BY id DESC LIMIT 1"
                ).fetchone()
                if last and last[2:6] == (source, target, source_text, text):
                    return _entry(last)
                cur = self._conn.execute(
                    "INSERT INTO history(created, source_lang, target_lang, source_text, target_text, model) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (now, source, target, source_text, text, model),
                )
                self._conn.execute(
                    "DELETE FROM history WHERE id <= "
                    "(SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?)",
                    (self._keep,),
                )
        except sqlite3.Error as exc:
            raise StorageError("Palavra could not save the translation history.", detail=str(exc)) from exc
        return HistoryEntry(int(cur.lastrowid or 0), now, source, target, source_text, text, model)

    def recent(self, limit: int = 50) -> list[HistoryEntry]:
        """The latest entries, newest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, created, source_lang, target_lang, source_text, target_text, model "
                "FROM history ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_entry(r) for r in rows]

    def delete(self, entry_id: int) -> None:
        """Remove one entry."""
        with self._lock, self._conn:
            self._conn.execute("DELETE FROM history WHERE id=?", (entry_id,))

    def clear(self) -> None:
        """Remove every entry."""
        with self._lock, self._conn:
            self._conn.execute("DELETE FROM history")

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()


def _entry(row: tuple[object, ...]) -> HistoryEntry:
    return HistoryEntry(
        int(str(row[0])),
        float(str(row[1])),
        str(row[2]),
        str(row[3]),
        str(row[4]),
        str(row[5]),
        str(row[6]),
    )
