"""The user's data in SQLite, under the data folder, with per-component migrations.

Each component (translation history, glossaries, drills, ...) owns an ordered list of migration scripts and calls
:func:`open_database` with it; the database records in ``schema_version`` how far each component got, so components
evolve their tables independently.

Safe when several processes open a new data folder at once: the set-up of a connection (switching the file to WAL,
the integrity check, the migrations) runs under a lock file beside the database (``palavra.sqlite3.lock``, taken with
the maintained ``filelock`` package), because SQLite answers ``SQLITE_BUSY`` at once, without waiting, when two
connections switch a new file to WAL together; migrations run on their own autocommit connection inside
``BEGIN EXCLUSIVE``, and the version is read again inside that transaction, so each migration runs exactly once and
a failure leaves the previous schema (DDL included). The file is created 0600 (SQLite gives its ``-wal``/``-shm`` files
the same mode). A database that SQLite reports as damaged is renamed aside (``palavra.sqlite3.damaged-<time>``) with
a warning saying where it is, and a fresh one is started; a full disk or a read-only folder is reported as such.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from filelock import FileLock, Timeout

from engine import paths
from engine.errors import StorageError

log = logging.getLogger(__name__)

_lock = threading.Lock()
#: Databases checked (``PRAGMA quick_check``) by this process.
_checked: set[str] = set()
#: Databases renamed aside by this process: (damaged copy, reason), for the GUI to tell the user.
recovered: list[tuple[Path, str]] = []

BUSY_TIMEOUT_S = 30.0
_CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_FULL = {"SQLITE_FULL"}
_DENIED = {"SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN", "SQLITE_AUTH"}


def open_database(component: str, migrations: Sequence[str], path: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the SQLite database and bring ``component``'s tables up to date.

    Args:
        component: a stable name for the owner of the tables, e.g. ``"history"``.
        migrations: SQL scripts; script *i* upgrades the component from version *i* to *i + 1*.
        path: database file; defaults to :func:`engine.paths.database_path`.

    Returns:
        A connection usable from any thread (callers serialise their own writes).

    Raises:
        StorageError: the file cannot be opened or written (the message says whether the disk is full or the folder
            cannot be written).
    """
    db_path = path or paths.database_path()
    try:
        return _open(component, migrations, db_path)
    except sqlite3.DatabaseError as exc:
        if _error_name(exc) not in _CORRUPT:
            raise _storage_error(exc, db_path) from exc
        aside = _rename_aside(db_path, str(exc))
        try:
            return _open(component, migrations, db_path)
        except sqlite3.DatabaseError as again:
            raise _storage_error(again, db_path) from again
        finally:
            log.debug("damaged database moved to %s", aside)


def _open(component: str, migrations: Sequence[str], db_path: Path) -> sqlite3.Connection:
    _create_private(db_path)
    key = str(db_path.resolve())
    lock = FileLock(f"{db_path}.lock", timeout=BUSY_TIMEOUT_S, mode=0o600)
    try:
        with lock:
            admin = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            try:
                admin.execute("PRAGMA journal_mode=WAL")
                with _lock:
                    if key not in _checked:
                        result = admin.execute("PRAGMA quick_check").fetchone()
                        if not result or result[0] != "ok":
                            raise _corrupt(str(result[0] if result else "no result"))
                        _checked.add(key)
                _migrate(admin, component, migrations)
            finally:
                admin.close()
    except Timeout as exc:
        busy = sqlite3.OperationalError(
            f"lock file {exc.lock_file} held for more than {BUSY_TIMEOUT_S:.0f} s"
        )
        busy.sqlite_errorname = "SQLITE_BUSY"
        raise busy from exc
    conn = sqlite3.connect(db_path, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _migrate(conn: sqlite3.Connection, component: str, migrations: Sequence[str]) -> None:
    """Run the missing migrations of ``component`` in one exclusive transaction (autocommit connection)."""
    if _version(conn, component) >= len(migrations):
        return  # the common case: no write lock taken
    conn.execute("BEGIN EXCLUSIVE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
        )
        current = _version(conn, component)  # again, under the lock: another process may have migrated
        for version in range(current, len(migrations)):
            log.info("Migrating %s tables to version %d", component, version + 1)
            for statement in _split_sql(migrations[version]):
                conn.execute(statement)
        if current < len(migrations):
            conn.execute(
                "INSERT INTO schema_version(component, version) VALUES(?, ?) "
                "ON CONFLICT(component) DO UPDATE SET version=excluded.version",
                (component, len(migrations)),
            )
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def _version(conn: sqlite3.Connection, component: str) -> int:
    try:
        row = conn.execute("SELECT version FROM schema_version WHERE component=?", (component,)).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0
        raise
    return int(row[0]) if row else 0


def _create_private(db_path: Path) -> None:
    """Create the database file readable by its owner only (an existing file is made so too)."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(db_path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        if os.name == "posix" and db_path.stat().st_mode & 0o077:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(f"{db_path}{suffix}", 0o600)
    except OSError as exc:
        raise StorageError(
            f"Palavra cannot create its data file {db_path}: {exc.strerror or exc}. Check that the folder "
            "exists and can be written, and that the disk is not full.",
            detail=repr(exc),
        ) from exc


def _error_name(exc: sqlite3.DatabaseError) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    base = name.split("_")[:2]
    return "_".join(base) if base[0] == "SQLITE" else name


def _corrupt(reason: str) -> sqlite3.DatabaseError:
    exc = sqlite3.DatabaseError(f"database disk image is malformed: {reason}")
    exc.sqlite_errorname = "SQLITE_CORRUPT"
    return exc


def _storage_error(exc: sqlite3.DatabaseError, db_path: Path) -> StorageError:
    name = _error_name(exc)
    if name in _FULL:
        message = (
            f"The disk holding Palavra's data ({db_path.parent}) is full. Free some space and try again."
        )
    elif name in _DENIED:
        message = (
            f"Palavra cannot write its data file {db_path}. Check that the folder can be written by you "
            "(or set PALAVRA_DATA_DIR to a folder that can)."
        )
    elif name == "SQLITE_BUSY":
        message = f"Palavra's data file {db_path} is locked by another program. Close it and try again."
    else:
        message = f"Palavra could not open its data file {db_path}."
    return StorageError(message, detail=f"{name}: {exc}")


def _rename_aside(db_path: Path, reason: str) -> Path:
    """Move a damaged database (and its WAL/SHM files) aside so a fresh one can start; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{os.getpid()}")
    with _lock:
        _checked.discard(str(db_path.resolve()))
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{db_path}{suffix}")
            with contextlib.suppress(FileNotFoundError):
                os.replace(source, Path(f"{aside}{suffix}"))
        recovered.append((aside, reason))
    log.warning(
        "Palavra's data file was damaged and has been moved to %s; a new, empty one was started. "
        "Your history, glossaries and practice progress from before are in that file.",
        aside,
    )
    return aside


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside literals in our migrations)."""
    return [s.strip() for s in script.split(";") if s.strip()]
