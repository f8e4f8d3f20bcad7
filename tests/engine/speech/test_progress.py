"""Attempts in SQLite, FSRS scheduling and weak words (real database in the test's data folder)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import numpy as np

from engine import paths
from engine.speech.drills import Drill, load_drills
from engine.speech.progress import ProgressStore, rating_for
from engine.speech.scoring import combine
from engine.speech.types import ForcedWord

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def attempt_for(drill: Drill, miss: str | None = None, *, score_all: float = 0.95):
    """A scored attempt at ``drill``: every word said, except ``miss`` (left out and improbable)."""
    words = drill.text.split()
    heard = " ".join(w for w in words if miss is None or miss not in w.lower())
    probs = [0.02 if miss is not None and miss in w.lower() else score_all for w in words]
    return combine(drill.text, drill.language, heard, [ForcedWord(p, 0.0, 0.1) for p in probs])


def test_rating_follows_score() -> None:
    assert [rating_for(s) for s in (100, 90, 89, 75, 74, 50, 49, 0)] == [4, 4, 3, 3, 2, 2, 1, 1]


def test_new_learner_starts_with_the_first_a1_sentence() -> None:
    store = ProgressStore()
    drills = load_drills("en")
    first = store.next_drill(drills, "en", now=T0)
    assert first.level == "A1" and first == drills[0]


def test_a_good_attempt_is_scheduled_later_and_a_failed_one_soon() -> None:
    store = ProgressStore()
    drills = load_drills("en")
    good, bad = drills[0], drills[1]
    store.record(good, attempt_for(good), when=T0)
    store.record(bad, attempt_for(bad, miss=bad.text.split()[-1].strip(".?!").lower()), when=T0)
    rows = dict(store._conn.execute("SELECT drill_id, due FROM speech_cards").fetchall())
    assert datetime.fromisoformat(rows[good.id]) > datetime.fromisoformat(rows[bad.id])
    # right after the attempts nothing is due: the next drill is a new one
    nxt = store.next_drill(drills, "en", now=T0 + timedelta(seconds=5))
    assert nxt.id not in (good.id, bad.id)
    # a little later the failed one is due again, before any new sentence
    assert store.next_drill(drills, "en", now=T0 + timedelta(hours=1)).id == bad.id


def test_words_the_learner_keeps_missing_come_back_in_other_sentences() -> None:
    store = ProgressStore()
    drills = load_drills("en")
    with_coffee = [d for d in drills if "coffee" in d.text.lower()]
    assert len(with_coffee) >= 2
    first = with_coffee[0]
    store.record(first, attempt_for(first, miss="coffee"), when=T0)
    store.record(first, attempt_for(first, miss="coffee"), when=T0 + timedelta(seconds=30))
    assert "coffee" in store.weak_words("en")
    nxt = store.next_drill(drills, "en", now=T0 + timedelta(seconds=40))
    assert nxt.id != first.id and "coffee" in nxt.text.lower()


def test_statistics_for_progress_plots() -> None:
    store = ProgressStore()
    drills = load_drills("pt")
    d0, d1 = drills[0], drills[1]
    store.record(d0, attempt_for(d0), when=T0)
    store.record(d1, attempt_for(d1, miss=d1.text.split()[1].lower()), when=T0 + timedelta(days=1))
    store.record(d1, attempt_for(d1), when=T0 + timedelta(days=1, minutes=5))
    stats = store.stats("pt", now=T0 + timedelta(days=1, minutes=6))
    assert stats.attempts == 3
    assert [p.drill_id for p in stats.history] == [d0.id, d1.id, d1.id]
    assert [d.attempts for d in stats.daily] == [1, 2]
    assert stats.drills_practised == 2
    assert stats.weakest_words and stats.weakest_words[0].misses == 1
    assert store.stats("en").attempts == 0


def test_audio_is_stored_only_when_given() -> None:
    store = ProgressStore()
    drill = load_drills("en")[0]
    store.record(drill, attempt_for(drill), when=T0)
    store.record(drill, attempt_for(drill), audio=np.zeros(1600, np.float32), when=T0 + timedelta(minutes=1))
    conn = sqlite3.connect(paths.database_path())
    rows = conn.execute("SELECT id, audio_wav IS NULL FROM speech_attempts ORDER BY id").fetchall()
    assert [bool(r[1]) for r in rows] == [True, False]
    wav = store.attempt_audio(rows[1][0])
    assert wav is not None and wav[:4] == b"RIFF"
    assert store.attempt_audio(rows[0][0]) is None
