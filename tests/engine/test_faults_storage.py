"""SQLite you can trust: concurrent first opens lose nothing, private files, a damaged database set aside."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from engine.errors import StorageError
from engine.glossary.store import GlossaryStore
from engine.history import HistoryStore
from engine.speech.progress import ProgressStore

WRITERS = 8
ROWS = 5


def _writer(folder: str, index: int, barrier: object) -> None:
    os.environ["PALAVRA_DATA_DIR"] = folder
    barrier.wait()  # type: ignore[attr-defined]
    history = HistoryStore()
    GlossaryStore()  # every component's first open races with the others'
    ProgressStore()
    for row in range(ROWS):
        history.add("en", "pt", f"writer {index} row {row}", f"escritor {index} linha {row}")


def test_eight_concurrent_first_opens_ten_trials_lose_nothing(tmp_path: Path) -> None:
    # forkserver, not fork: a fork of this multi-threaded test process (ONNX Runtime pools, loader threads) can
    # inherit a lock held by another thread and hang; the fork server is a clean single-threaded process
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["engine.history", "engine.glossary.store", "engine.speech.progress"])
    for trial in range(10):
        folder = tmp_path / f"trial-{trial}"
        barrier = ctx.Barrier(WRITERS)
        procs = [ctx.Process(target=_writer, args=(str(folder), i, barrier)) for i in range(WRITERS)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert [p.exitcode for p in procs] == [0] * WRITERS, f"trial {trial}: a first open failed"
        with sqlite3.connect(folder / "palavra.sqlite3") as conn:
            texts = {r[0] for r in conn.execute("SELECT source_text FROM history")}
            versions = dict(conn.execute("SELECT component, version FROM schema_version"))
        assert len(texts) == WRITERS * ROWS, f"trial {trial}: rows lost"
        assert set(versions) >= {"history"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_folder_and_database_are_private(_isolated_data_dir: Path) -> None:
    HistoryStore().add("en", "pt", "private", "privado")
    assert stat.S_IMODE(_isolated_data_dir.stat().st_mode) == 0o700
    for name in ("palavra.sqlite3", "palavra.sqlite3-wal"):
        path = _isolated_data_dir / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_existing_world_readable_database_is_made_private(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    HistoryStore(db).close()
    db.chmod(0o644)
    HistoryStore(db).close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def _damage_page(db: Path) -> None:
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 2 * page
    data[page : page + 64] = b"\xff" * 64  # a b-tree page header destroyed
    db.write_bytes(bytes(data))


def test_damaged_page_is_set_aside_and_a_fresh_database_starts(tmp_path: Path) -> None:
    import engine.storage as storage

    db = tmp_path / "db.sqlite3"
    store = HistoryStore(db)
    for i in range(200):
        store.add("en", "pt", f"sentence number {i} " * 4, f"frase {i}")
    store.close()
    with sqlite3.connect(db) as conn:  # everything in the main file, so the damage is where SQLite reads
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _damage_page(db)
    storage._checked.clear()
    fresh = HistoryStore(db)
    assert fresh.recent() == []
    fresh.add("en", "pt", "after", "depois")
    assert [e.text for e in fresh.recent()] == ["depois"]
    aside = list(tmp_path.glob("db.sqlite3.damaged-*"))
    assert [p for p in aside if not p.name.endswith(("-wal", "-shm"))], "the damaged file was not kept"
    assert storage.recovered and storage.recovered[-1][0].name.startswith("db.sqlite3.damaged-")


def test_not_a_database_is_set_aside(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    db.write_bytes(b"this is not sqlite at all" * 100)
    store = HistoryStore(db)
    store.add("en", "pt", "a", "b")
    assert len(store.recent()) == 1
    assert list(tmp_path.glob("db.sqlite3.damaged-*"))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as err:
            HistoryStore(folder / "db.sqlite3")
        assert "can be written" in err.value.user_message
        assert "full" not in err.value.user_message
    finally:
        folder.chmod(0o700)
