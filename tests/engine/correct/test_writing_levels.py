"""The writing level over time: one record per text, a text being written replaces its record, identical texts
once, categories counted, kept across restarts; the real checker's result recorded."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from engine.correct.level import estimate_level
from engine.correct.model import CheckResult, Edit
from engine.correct.spelling import SpellingModel
from engine.correct.writing_levels import RECENT_CHECKS, WritingLevelStore

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PT = SpellingModel("pt")

FIRST = "Ontem eu fui na praia com meus amigo. A agua estava muito fria, mas nos nadamos mesmo assim."
SECOND = (
    "Hoje de manhã acordei cedo, tomei um café forte e caminhei até o mercado, onde comprei frutas frescas "
    "que a minha avó adora."
)


def edit(text: str, word: str, category: str) -> Edit:
    start = text.index(word)
    return Edit(start, start + len(word), word, word, category, "X", "x")


def checked(text: str, *mistakes: tuple[str, str]) -> CheckResult:
    edits = tuple(sorted((edit(text, w, c) for w, c in mistakes), key=lambda e: e.start))
    return CheckResult(text, "pt-BR", edits, level=estimate_level(text, edits, PT))


def test_records_over_time_replacing_a_text_still_being_written(tmp_path: Path) -> None:
    db = tmp_path / "data.sqlite3"
    store = WritingLevelStore(db)
    try:
        assert store.record(checked("Bom dia."), when=T0) is None  # too short for an estimate
        half = FIRST[: FIRST.index(" mas")]
        assert store.record(checked(half, ("amigo", "agreement")), when=T0) is not None
        # the same text, finished a minute later: it replaces the half-written one
        first = store.record(
            checked(FIRST, ("amigo", "agreement"), ("agua", "spelling"), ("nos", "spelling")),
            when=T0 + timedelta(minutes=1),
        )
        assert first is not None and first.language == "pt" and first.words == 18
        assert first.categories == (("spelling", 2), ("agreement", 1))
        # checked again unchanged (a new check of the same text): not recorded twice
        assert store.record(checked(FIRST, ("amigo", "agreement")), when=T0 + timedelta(minutes=2)) is None
        # another text, a day later
        second = store.record(checked(SECOND), when=T0 + timedelta(days=1))
        assert second is not None and second.categories == ()
        history = store.history("pt-BR")
        assert [r.when for r in history.records] == [T0 + timedelta(minutes=1), T0 + timedelta(days=1)]
        assert [r.level for r in history.records] == [first.level, second.level]
        assert history.top_categories == (("spelling", 2), ("agreement", 1))
        assert store.history("en").records == ()
        assert store.history().language == "pt"  # the language of the latest record
    finally:
        store.close()
    if os.name == "posix":
        assert stat.S_IMODE(db.stat().st_mode) == 0o600  # the learner's data, private
    again = WritingLevelStore(db)  # kept across restarts; a check right after a restart is a new record
    try:
        assert len(again.history("pt").records) == 2
        third = checked(SECOND.replace("frutas frescas", "pão fresco"), ("cedo", "grammar"))
        assert again.record(third, when=T0 + timedelta(days=1, minutes=5)) is not None
        assert len(again.history("pt").records) == 3
    finally:
        again.close()


def test_frequent_mistakes_come_from_the_recent_checks_only(tmp_path: Path) -> None:
    store = WritingLevelStore(tmp_path / "data.sqlite3")
    try:
        old = checked(FIRST, ("amigo", "agreement"), ("agua", "spelling"), ("nos", "spelling"))
        store.record(old, when=T0)
        for i in range(RECENT_CHECKS):
            text = f"{SECOND} Dia {i} da semana, e eu escrevo muito."
            store.record(checked(text, ("cedo", "grammar")), when=T0 + timedelta(hours=i + 1))
        history = store.history("pt")
        assert len(history.records) == RECENT_CHECKS + 1
        assert history.top_categories == (("grammar", RECENT_CHECKS),)
        assert len(store.history("pt", limit=3).records) == 3
    finally:
        store.close()


@pytest.mark.model
def test_the_real_checkers_result_is_recorded(tmp_path: Path) -> None:
    from engine.config import EngineConfig
    from engine.correct.service import CorrectionService

    service = CorrectionService(EngineConfig())
    store = WritingLevelStore(tmp_path / "data.sqlite3")
    try:
        result = service.check(FIRST, "pt")
        assert result.level is not None and result.edits
        record = store.record(result, when=T0)
        assert record is not None and record.level == result.level.level
        assert sum(n for _c, n in record.categories) == len(result.edits)
        assert store.history("pt").top_categories == record.categories
    finally:
        store.close()
        service.close()
