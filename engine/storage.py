"""The user's data in SQLite, under the data folder, with per-component migrations.

Each component (translation history, glossaries, drills, ...) owns an ordered list of migration scripts and calls
:func:`open_database` with it; the database records in ``schema_version`` how far each component got, so components
evolve their tables independently. Every migration runs in a transaction: a failure leaves the previous schema.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from engine import paths
from engine.errors import StorageError

log = logging.getLogger(__name__)

_lock = threading.Lock()


def open_database(component: str, migrations: Sequence[str], path: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the SQLite database and bring ``component``'s tables up to date.

    Args:
        component: a stable name for the owner of the tables, e.g. ``"history"``.
        migrations: SQL scripts; script *i* upgrades the component from version *i* to *i + 1*.
        path: database file; defaults to :func:`engine.paths.database_path`.

    Returns:
        A connection usable from any thread (callers serialise their own writes).

    Raises:
        StorageError: the file cannot be opened or written (permissions, disk full, corrupted file).
    """
    db_path = path or paths.database_path()
    try:
        conn = sqlite3.connect(db_path, check_same_thread=False, timeout=10.0)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        with _lock:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
            )
            conn.commit()
            row = conn.execute(
                "SELECT version FROM schema_version WHERE component=?", (component,)
            ).fetchone()
            current = int(row[0]) if row else 0
            for version in range(current, len(migrations)):
                log.info("Migrating %s tables to version %d", component, version + 1)
                with conn:
                    for statement in _split_sql(migrations[version]):
                        conn.execute(statement)
                    conn.execute(
                        "INSERT INTO schema_version(component, version) VALUES(?, ?) "
                        "ON CONFLICT(component) DO UPDATE SET version=excluded.version",
                        (component, version + 1),
                    )
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            f"Palavra could not open its data file {db_path}. Check that the disk is not full and that the "
            "folder can be written.",
            detail=str(exc),
        ) from exc
    return conn


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside literals in our migrations)."""
    return [s.strip() for s in script.split(";") if s.strip()]
