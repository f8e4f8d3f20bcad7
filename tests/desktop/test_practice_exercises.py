"""Practise page without hardware: skip, topic and level, scoring a file, no sound device; the exercises
(dictation, translation, fill the gap, word cards, placement) on the real practice service; the progress chart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.desktop.fakes import FakeEngine, fake_translate
from tests.desktop.test_practise_page import open_practise as _open


def open_practise(qtbot: Any, window: Any) -> Any:
    """The Practise page, shown for good (the first-run check switches to Translate when it finishes)."""
    with qtbot.waitSignal(window.ready, timeout=3000, raising=False):
        pass  # the fixture started the window: let its first-run check finish (it shows Translate when done)
    page = _open(qtbot, window)
    qtbot.waitUntil(page.isVisible, timeout=15000)
    return page


def has_sound_output() -> bool:
    """Asked in a child process: PortAudio initialised here, at collection, would change what the test sees."""
    probe = "import sounddevice as s; print(any(d['max_output_channels'] > 0 for d in s.query_devices()))"
    try:
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return out.strip() == "True"


def test_skip_topic_level_and_score_a_file(
    qtbot: Any, window: Any, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    page = open_practise(qtbot, window)
    first = page.drill.id
    page.next_button.click()  # no attempt: the next sentence all the same
    qtbot.waitUntil(lambda: page.drill.id != first, timeout=15000)
    page.topic_combo.setCurrentIndex(page.topic_combo.findData("food"))
    assert page.topic() == "food" and page.level() is None
    assert page.topic_combo.findText("food") >= 0 and page.voice_label.text().startswith("Voice: Kokoro-82M")
    clip = tmp_path / "me.wav"
    clip.write_bytes(b"RIFF")  # the fake scorer does not read it
    page.score_file(str(clip))
    qtbot.waitUntil(lambda: page.attempt is not None, timeout=15000)
    assert page.score_label.text() == "71" and len(fake_engine.speech.recorded) == 1


@pytest.mark.skipif(has_sound_output(), reason="this machine has a sound output device")
def test_no_sound_output_says_so(qtbot: Any, window: Any) -> None:
    page = open_practise(qtbot, window)
    page.listen_button.click()  # the real player: no device here
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=10000)
    assert "No sound output device" in page.notice.text()
    assert "PortAudioError" not in page.notice.text() and page.listen_button.isEnabled()


def answer(qtbot: Any, panel: Any, text: str) -> Any:
    panel.result = None
    panel.answer.setText(text)
    panel.check_button.click()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=15000)
    return panel.result


def test_exercises_dictation_translation_cloze_cards(qtbot: Any, window: Any) -> None:
    page = open_practise(qtbot, window)
    page.tabs.setCurrentIndex(1)
    panel = page.exercises
    qtbot.waitUntil(lambda: panel.item is not None, timeout=15000)
    assert panel.kind() == "dictation" and panel.item.audio_text
    assert panel.item.audio_text not in panel.prompt.text()  # heard, not shown
    result = answer(qtbot, panel, panel.item.audio_text.replace("á", "a"))
    assert result.score >= 80 and "#ef6c00" in panel.graded.text()  # an accent slip, in orange
    assert "accents" in panel.feedback.text()

    panel.set_kind("translation")
    qtbot.waitUntil(lambda: panel.item is not None and panel.item.kind == "translation", timeout=15000)
    engine_output = fake_translate(panel.item.prompt)
    result = answer(qtbot, panel, engine_output)  # the (fake) translator's output is accepted as a reference
    assert result.passed and result.engine_translation == engine_output

    panel.set_kind("cloze")
    qtbot.waitUntil(lambda: panel.item is not None and panel.item.kind == "cloze", timeout=15000)
    assert "____" in panel.prompt.text()
    result = answer(qtbot, panel, "xyz")
    assert not result.passed and "Not yet" in panel.feedback.text()

    panel.set_kind("vocab")
    qtbot.waitUntil(
        lambda: panel.words_box.isVisible() and panel.notice.isVisible(), timeout=5000
    )  # empty list
    panel.word_edit.setText("obrigada")
    panel.meaning_edit.setText("thank you")
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.item is not None and panel.item.kind == "vocab", timeout=15000)
    assert answer(qtbot, panel, "thank you").passed


def test_placement_then_progress_chart(qtbot: Any, window: Any) -> None:
    page = open_practise(qtbot, window)
    page.tabs.setCurrentIndex(1)
    panel = page.exercises
    panel.set_kind("placement")
    qtbot.waitUntil(lambda: len(panel.placement) == 20 and panel.options[0].isVisible(), timeout=15000)
    for _ in range(20):
        panel.choose(0)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=15000)
    assert page.level() == panel.result.start_level
    assert "level" in panel.prompt.text()
    panel.set_kind("dictation")
    qtbot.waitUntil(lambda: panel.item is not None and panel.item.kind == "dictation", timeout=15000)
    assert panel.item.level == page.level()  # practice starts at the placed level
    answer(qtbot, panel, panel.item.audio_text)
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(
        lambda: page.chart.progress is not None and bool(page.chart.progress.points), timeout=15000
    )
    assert page.chart.progress.by_kind[0].name == "dictation"
    assert page.chart.grab().width() > 0
