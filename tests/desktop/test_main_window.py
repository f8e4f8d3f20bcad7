"""Main window with the fake engine: first run, page shortcuts, closing during a job."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.app import build_window
from tests.desktop.conftest import close_window
from tests.desktop.fakes import FakeEngine


def test_first_run_converts_with_a_dialog_then_opens_translate(qtbot: Any, settings: Any) -> None:
    engine = FakeEngine(prepare_needed=True)
    window = build_window(engine, settings)
    window.show()
    window.show_page(2)
    try:
        with qtbot.waitSignal(window.ready, timeout=5000):
            window.start()
            qtbot.waitUntil(lambda: window._dialog is not None, timeout=5000)
            assert window._dialog.windowTitle() == "Welcome to Palavra"
        assert engine.prepared
        assert window._dialog is None
        assert window.stack.currentWidget() is window.translate_page
        assert window.statusBar().currentMessage() == "Models ready."
    finally:
        close_window(qtbot, window)


def test_later_cancels_the_conversion(qtbot: Any, settings: Any) -> None:
    engine = FakeEngine(prepare_needed=True, delay=0.2)
    window = build_window(engine, settings)
    window.show()
    try:
        with qtbot.waitSignal(window.ready, timeout=5000):
            window.start()
            qtbot.waitUntil(lambda: window._dialog is not None, timeout=5000)
            later = [b for b in window._dialog.findChildren(QPushButton) if b.text() == "Later"]
            later[0].click()
        assert not engine.prepared
        assert "when first used" in window.statusBar().currentMessage()
    finally:
        close_window(qtbot, window)


def test_page_shortcuts(qtbot: Any, window: Any) -> None:
    for i in range(6):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == i
        assert window.stack.currentWidget() is window.page(i)


def test_closing_during_a_document_cancels_it(
    qtbot: Any, window: Any, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    fake_engine.delay = 0.3
    src = tmp_path / "long.txt"
    src.write_text("\n\n".join("hello world " * 50 for _ in range(40)))
    docs = window.documents_page
    docs.open_path(src)
    qtbot.waitUntil(lambda: docs.document is not None, timeout=5000)
    docs.start()
    qtbot.waitUntil(lambda: docs.progress.value() > 0, timeout=5000)
    with qtbot.waitSignal(window.workers.all_stopped, timeout=5000):
        window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not (tmp_path / "long.pt.txt").exists()
    assert settings_saved(window)


def settings_saved(window: Any) -> bool:
    return window.settings.window_geometry is not None


def test_typing_is_answered_while_a_document_translates(
    qtbot: Any, window: Any, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    fake_engine.delay = 0.15  # per chunk of the document
    src = tmp_path / "long.txt"
    src.write_text("\n\n".join("hello world " * 100 for _ in range(40)))
    docs = window.documents_page
    docs.open_path(src)
    qtbot.waitUntil(lambda: docs.document is not None, timeout=5000)
    docs.start()
    qtbot.waitUntil(lambda: docs.progress.value() > 0, timeout=5000)
    page = window.translate_page
    page.source_edit.setPlainText("the cat")
    page.request_translation()
    qtbot.waitUntil(lambda: page.target_edit.toPlainText() == "o gato", timeout=5000)
    assert docs.running  # answered between two chunks, long before the document is done
    docs.cancel()
    qtbot.waitUntil(lambda: not docs.running, timeout=5000)


def test_the_checker_is_preloaded_in_the_correct_pages_language(
    qtbot: Any, window: Any, fake_engine: FakeEngine
) -> None:
    from desktop.app import _warm_correction

    correction = fake_engine.correction
    window.settings.correction_language = "en"
    _warm_correction(window)
    qtbot.waitUntil(lambda: correction.preloaded == ["en"], timeout=5000)  # on the checker's worker
    assert correction.calls == 0  # loading only: nothing is checked


def test_with_detection_both_languages_are_preloaded_the_last_checked_one_first(
    qtbot: Any, window: Any, fake_engine: FakeEngine
) -> None:
    from desktop.app import _warm_correction

    correction = fake_engine.correction
    window.settings.correction_language = "auto"
    for practised, expected in (("pt", ["pt", "en"]), ("en", ["en", "pt"])):  # nothing checked yet
        correction.preloaded.clear()
        window.settings.practice_language = practised
        _warm_correction(window)
        qtbot.waitUntil(lambda expected=expected: correction.preloaded == expected, timeout=5000)
    page = window.correct_page
    page.language_combo.set_code("en")  # the fake checker answers in the language asked
    page.editor.setPlainText("teh cat")
    page.check()
    qtbot.waitUntil(lambda: window.settings.last_checked_language == "en", timeout=5000)
    window.settings.correction_language = "auto"
    window.settings.practice_language = "pt"
    correction.preloaded.clear()
    _warm_correction(window)
    qtbot.waitUntil(lambda: correction.preloaded == ["en", "pt"], timeout=5000)
