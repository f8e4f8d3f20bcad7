"""Glossaries in the user's SQLite database: name, direction, domain and editable entries.

Every write is one transaction, so an import either stores the whole glossary or nothing.
"""

from __future__ import annotations

import builtins
import logging
import sqlite3
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from engine.errors import InputError, StorageError
from engine.glossary.model import GlossaryEntry, GlossaryInfo, StoredEntry
from engine.storage import open_database

log = logging.getLogger(__name__)

COMPONENT = "glossary"

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE glossary (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        domain TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE glossary_entry (
        id INTEGER PRIMARY KEY,
        glossary_id INTEGER NOT NULL REFERENCES glossary(id) ON DELETE CASCADE,
        source TEXT NOT NULL COLLATE NOCASE,
        target TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (glossary_id, source)
    );
    CREATE INDEX glossary_entry_by_glossary ON glossary_entry(glossary_id)
    """,
    # Other accepted targets of an entry, one per line.
    "ALTER TABLE glossary_entry ADD COLUMN alternatives TEXT NOT NULL DEFAULT ''",
)

#: Longest glossary name accepted.
MAX_NAME_CHARS = 60


class GlossaryNotFoundError(InputError):
    """No glossary has this name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"There is no glossary named '{name}'. See the list of glossaries for the names.")


class GlossaryExistsError(InputError):
    """A glossary with this name already exists."""

    def __init__(self, name: str) -> None:
        super().__init__(f"A glossary named '{name}' already exists. Choose another name or delete it first.")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def check_name(name: str) -> str:
    """Return the cleaned glossary name or raise :class:`InputError` saying what is wrong with it."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputError("Give the glossary a name.")
    if len(cleaned) > MAX_NAME_CHARS:
        raise InputError(f"A glossary name may have at most {MAX_NAME_CHARS} characters.")
    if any(ch in cleaned for ch in '/\\:*?"<>|'):
        raise InputError('A glossary name cannot contain any of / \\ : * ? " < > |.')
    return cleaned


class GlossaryStore:
    """Create, read, edit and delete glossaries. Thread-safe."""

    def __init__(self, path: Path | None = None) -> None:
        self._conn = open_database(COMPONENT, MIGRATIONS, path)
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()

    # -- glossaries -------------------------------------------------------------------------------
    def create(
        self,
        name: str,
        source_lang: str,
        target_lang: str,
        entries: Sequence[GlossaryEntry],
        domain: str = "",
        *,
        replace: bool = False,
    ) -> GlossaryInfo:
        """Store a new glossary with all its entries in one transaction.

        Args:
            name: unique name (case-insensitive).
            source_lang: source language code.
            target_lang: target language code.
            entries: the entries; sources must be unique case-insensitively (validation ensures it).
            domain: free text such as ``"medical"``.
            replace: replace a glossary of the same name (atomically) instead of failing.

        Raises:
            GlossaryExistsError: the name is taken and ``replace`` is false.
            StorageError: the database cannot be written; nothing was stored.
        """
        name = check_name(name)
        now = _now()
        with self._lock:
            try:
                with self._conn:
                    row = self._conn.execute("SELECT id FROM glossary WHERE name=?", (name,)).fetchone()
                    if row is not None:
                        if not replace:
                            raise GlossaryExistsError(name)
                        self._conn.execute("DELETE FROM glossary WHERE id=?", (row[0],))
                    cur = self._conn.execute(
                        "INSERT INTO glossary(name, source_lang, target_lang, domain, created_at, "
                        "updated_at) VALUES(?, ?, ?, ?, ?, ?)",
                        (name, source_lang, target_lang, domain.strip(), now, now),
                    )
                    gid = cur.lastrowid
                    self._conn.executemany(
                        "INSERT INTO glossary_entry(glossary_id, source, target, note, alternatives) "
                        "VALUES(?, ?, ?, ?, ?)",
                        (
                            (
                                gid,
                                e.source,
                                e.target,
                                e.note,
                                _join(_clean_alternatives(e.target, e.alternatives)),
                            )
                            for e in entries
                        ),
                    )
            except sqlite3.IntegrityError as exc:
                raise InputError(
                    "The glossary has two entries with the same source term; fix the file and import again.",
                    detail=str(exc),
                ) from exc
            except sqlite3.DatabaseError as exc:
                raise _storage_error(exc) from exc
        log.info("Stored glossary with %d entries", len(entries))
        return self.get(name)

    def list(self) -> list[GlossaryInfo]:
        """Every stored glossary, by name."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT g.name, g.source_lang, g.target_lang, g.domain, "
                "(SELECT COUNT(*) FROM glossary_entry e WHERE e.glossary_id=g.id), "
                "g.created_at, g.updated_at "
                "FROM glossary g ORDER BY g.name COLLATE NOCASE"
            ).fetchall()
        return [GlossaryInfo(*row) for row in rows]

    def get(self, name: str) -> GlossaryInfo:
        """The glossary named ``name``.

        Raises:
            GlossaryNotFoundError: no such glossary.
        """
        for info in self.list():
            if info.name.casefold() == name.strip().casefold():
                return info
        raise GlossaryNotFoundError(name)

    def delete(self, name: str) -> None:
        """Delete a glossary and its entries.

        Raises:
            GlossaryNotFoundError: no such glossary.
        """
        with self._lock, self._conn:
            cur = self._conn.execute("DELETE FROM glossary WHERE name=?", (name.strip(),))
        if cur.rowcount == 0:
            raise GlossaryNotFoundError(name)

    def update(self, name: str, *, new_name: str | None = None, domain: str | None = None) -> GlossaryInfo:
        """Rename a glossary or change its domain."""
        gid = self._id(name)
        target_name = check_name(new_name) if new_name is not None else None
        with self._lock:
            try:
                with self._conn:
                    if target_name is not None:
                        self._conn.execute("UPDATE glossary SET name=? WHERE id=?", (target_name, gid))
                    if domain is not None:
                        self._conn.execute("UPDATE glossary SET domain=? WHERE id=?", (domain.strip(), gid))
                    self._touch(gid)
            except sqlite3.IntegrityError as exc:
                raise GlossaryExistsError(target_name or name) from exc
        return self.get(target_name or name)

    # -- entries ----------------------------------------------------------------------------------
    def entries(self, name: str) -> builtins.list[StoredEntry]:
        """The entries of a glossary, in import order."""
        gid = self._id(name)
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, source, target, note, alternatives FROM glossary_entry WHERE glossary_id=? "
                "ORDER BY id",
                (gid,),
            ).fetchall()
        return [StoredEntry(i, s, t, n, _split(a)) for i, s, t, n, a in rows]

    def add_entry(self, name: str, entry: GlossaryEntry) -> StoredEntry:
        """Add one entry.

        Raises:
            InputError: a term is empty or the source term is already in the glossary.
        """
        gid = self._id(name)
        source, target = _clean_terms(entry.source, entry.target)
        alternatives = _clean_alternatives(target, entry.alternatives)
        with self._lock:
            try:
                with self._conn:
                    cur = self._conn.execute(
                        "INSERT INTO glossary_entry(glossary_id, source, target, note, alternatives) "
                        "VALUES(?, ?, ?, ?, ?)",
                        (gid, source, target, entry.note, _join(alternatives)),
                    )
                    self._touch(gid)
            except sqlite3.IntegrityError as exc:
                raise InputError(f"'{source}' is already in the glossary; edit that entry instead.") from exc
        return StoredEntry(int(cur.lastrowid or 0), source, target, entry.note, alternatives)

    def update_entry(self, name: str, entry_id: int, entry: GlossaryEntry) -> StoredEntry:
        """Replace the terms of entry ``entry_id``."""
        gid = self._id(name)
        source, target = _clean_terms(entry.source, entry.target)
        alternatives = _clean_alternatives(target, entry.alternatives)
        with self._lock:
            try:
                with self._conn:
                    cur = self._conn.execute(
                        "UPDATE glossary_entry SET source=?, target=?, note=?, alternatives=? "
                        "WHERE id=? AND glossary_id=?",
                        (source, target, entry.note, _join(alternatives), entry_id, gid),
                    )
                    self._touch(gid)
            except sqlite3.IntegrityError as exc:
                raise InputError(f"'{source}' is already in the glossary; edit that entry instead.") from exc
        if cur.rowcount == 0:
            raise InputError(f"Entry {entry_id} is not in the glossary '{name}'.")
        return StoredEntry(entry_id, source, target, entry.note, alternatives)

    def delete_entry(self, name: str, entry_id: int) -> None:
        """Delete entry ``entry_id``."""
        gid = self._id(name)
        with self._lock, self._conn:
            cur = self._conn.execute(
                "DELETE FROM glossary_entry WHERE id=? AND glossary_id=?", (entry_id, gid)
            )
            self._touch(gid)
        if cur.rowcount == 0:
            raise InputError(f"Entry {entry_id} is not in the glossary '{name}'.")

    # -- helpers ----------------------------------------------------------------------------------
    def _id(self, name: str) -> int:
        with self._lock:
            row = self._conn.execute("SELECT id FROM glossary WHERE name=?", (name.strip(),)).fetchone()
        if row is None:
            raise GlossaryNotFoundError(name)
        return int(row[0])

    def _touch(self, gid: int) -> None:
        self._conn.execute("UPDATE glossary SET updated_at=? WHERE id=?", (_now(), gid))


def _clean_terms(source: str, target: str) -> tuple[str, str]:
    source, target = " ".join(source.split()), " ".join(target.split())
    if not source or not target:
        raise InputError("Both the source term and the target term must be filled in.")
    return source, target


def _clean_alternatives(target: str, alternatives: Sequence[str]) -> tuple[str, ...]:
    """Alternatives with whitespace normalised, without empties, repeats or the target itself."""
    seen = {target.casefold()}
    kept = []
    for alt in alternatives:
        alt = " ".join(alt.split())
        if alt and alt.casefold() not in seen:
            seen.add(alt.casefold())
            kept.append(alt)
    return tuple(kept)


def _join(alternatives: Sequence[str]) -> str:
    return "\n".join(alternatives)


def _split(stored: str) -> tuple[str, ...]:
    return tuple(a for a in stored.split("\n") if a)


def _storage_error(exc: sqlite3.DatabaseError) -> StorageError:
    return StorageError(
        "Palavra could not save the glossary. Check that the disk is not full and that the data folder "
        "can be written; nothing was imported.",
        detail=str(exc),
    )
