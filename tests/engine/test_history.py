"""Translation history in SQLite."""

from __future__ import annotations

from pathlib import Path

from engine.history import HistoryStore


def test_add_recent_dedupe_and_limit(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "db.sqlite3", keep=3)
    store.add("en", "pt", "Hello", "Olá", "m")
    store.add("en", "pt", "Hello", "Olá", "m")  # identical to the latest: not repeated
    for i in range(4):
        store.add("pt", "en", f"frase {i}", f"sentence {i}")
    recent = store.recent()
    assert [e.source_text for e in recent] == ["frase 3", "frase 2", "frase 1"]
    assert recent[0].source == "pt" and recent[0].target == "en" and recent[0].text == "sentence 3"
    store.delete(recent[0].id)
    assert len(store.recent()) == 2
    store.close()
    reopened = HistoryStore(tmp_path / "db.sqlite3")
    assert [e.text for e in reopened.recent(1)] == ["sentence 2"]
    reopened.clear()
    assert reopened.recent() == []


def test_default_location_is_data_dir(_isolated_data_dir: Path) -> None:
    HistoryStore().add("en", "pt", "a", "b")
    assert (_isolated_data_dir / "palavra.sqlite3").exists()
