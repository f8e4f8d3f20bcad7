"""Speaking drills without hardware: next and skip always advance, topic and level choice, scoring a file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from engine.config import EngineConfig
from engine.errors import InputError
from engine.speech.drills import load_drills
from engine.speech.progress import SKIP_WINDOW, ProgressStore
from engine.speech.service import SpeechService
from tests.engine.speech.test_progress import attempt_for

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def test_next_advances_without_an_attempt_and_skipped_drills_come_back_later() -> None:
    store = ProgressStore()
    drills = load_drills("pt")
    shown = [store.next_drill(drills, "pt", now=T0 + timedelta(seconds=i)).id for i in range(5)]
    assert len(set(shown)) == 5, shown  # five different sentences, none attempted
    assert shown[0] == drills[0].id
    # an attempt at the last one shown: the schedule goes on from there
    last = next(d for d in drills if d.id == shown[-1])
    store.record(last, attempt_for(last), when=T0 + timedelta(seconds=6))
    assert store.next_drill(drills, "pt", now=T0 + timedelta(seconds=7)).id not in shown
    # after the skip window, the first skipped sentence is offered again (it was never practised)
    assert store.next_drill(drills, "pt", now=T0 + SKIP_WINDOW + timedelta(minutes=1)).id == shown[0]


def test_topic_and_level_choice() -> None:
    store = ProgressStore()
    drills = load_drills("en")
    picked = [
        store.next_drill(drills, "en", now=T0 + timedelta(seconds=i), topic="food", level="B2")
        for i in range(3)
    ]
    assert all((d.topic, d.level) == ("food", "B2") for d in picked)
    assert len({d.id for d in picked}) == 3
    service = SpeechService(EngineConfig())
    try:
        with pytest.raises(InputError):
            service.next_drill("en", topic="astronomy")
        assert service.next_drill("pt", level="A2").level == "A2"
    finally:
        service.close()
