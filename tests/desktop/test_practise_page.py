"""Practise page with the fake engine: drill, record, per-word colours, no microphone, not installed."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.app import build_window
from tests.desktop.conftest import close_window
from tests.desktop.fakes import FakeEngine


def open_practise(qtbot: Any, window: Any) -> Any:
    window.show_page(3)
    page = window.practise_page
    qtbot.waitUntil(lambda: page.drill is not None or page.notice.isVisible(), timeout=5000)
    return page


def test_record_and_see_feedback(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    page = open_practise(qtbot, window)
    assert page.sentence.text() == "Bom dia, tudo bem 1?"
    assert page.translation.text() == "Good morning, all well?"
    page.record_button.click()
    qtbot.waitUntil(lambda: page._recorder is not None, timeout=5000)
    qtbot.waitUntil(lambda: page.meter.value() == 60, timeout=5000)
    qtbot.waitUntil(lambda: page._early is not None, timeout=5000)  # the learner paused: scored at once
    page.record_button.click()
    qtbot.waitUntil(lambda: page.attempt is not None, timeout=5000)
    assert page.score_label.text() == "71"
    assert (
        fake_engine.speech.scored == 1
    )  # the recording ended at that pause: the early score is the one shown
    assert "#2e7d32" in page.sentence.text() and "#c62828" in page.sentence.text()
    assert "Listen again and work on" in page.feedback.text() and "tudo" in page.feedback.text()
    assert len(fake_engine.speech.recorded) == 1
    qtbot.waitUntil(lambda: "attempts: 1 · average score: 71" in page.stats.text(), timeout=5000)
    assert "tudo" in page.stats.text()
    page.next_button.click()
    qtbot.waitUntil(lambda: page.drill.id == "pt-2", timeout=5000)
    assert page.score_label.text() == ""


def test_no_microphone(qtbot: Any, settings: Any) -> None:
    engine = FakeEngine(microphone=False)
    window = build_window(engine, settings)
    window.show()
    try:
        page = open_practise(qtbot, window)
        page.record_button.click()
        qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=5000)
        assert "No microphone" in page.notice.text()
        assert not page.record_button.isChecked() and page.record_button.isEnabled()
    finally:
        close_window(qtbot, window)


@pytest.mark.parametrize("available", [False])
def test_speech_not_installed(qtbot: Any, settings: Any, available: bool) -> None:
    window = build_window(FakeEngine(speech_available=available), settings)
    window.show()
    try:
        page = open_practise(qtbot, window)
        assert page.sentence.text() == "Speaking practice is not available."
        assert "not installed" in page.notice.text()
        assert not page.record_button.isEnabled() and not page.listen_button.isEnabled()
    finally:
        close_window(qtbot, window)
