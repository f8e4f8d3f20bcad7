"""Translate page with the fake engine: as-you-type, detection, swap, copy, clipboard, history, glossary."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.app import build_window
from engine.glossary.model import GlossaryEntry
from tests.desktop.conftest import close_window
from tests.desktop.fakes import FakeEngine


def target_text(window: Any) -> str:
    return str(window.translate_page.target_edit.toPlainText())


def test_type_english_see_portuguese(qtbot: Any, window: Any) -> None:
    page = window.translate_page
    qtbot.keyClicks(page.source_edit, "hello world")
    qtbot.waitUntil(lambda: target_text(window) == "olá mundo", timeout=3000)
    assert page.detected_label.text() == "Detected: English"
    assert page.target_combo.code() == "pt"
    assert not page.busy.busy
    assert page.count_label.text() == "11 characters"


def test_portuguese_input_flips_the_target(qtbot: Any, window: Any) -> None:
    page = window.translate_page
    page.source_edit.setPlainText("olá gato")
    qtbot.waitUntil(lambda: target_text(window) == "hello cat", timeout=3000)
    assert page.detected_label.text() == "Detected: Portuguese (Brazil)"
    assert page.target_combo.code() == "en"


def test_busy_indicator_and_latest_request_wins(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    page = window.translate_page
    gate = threading.Event()
    blocker = window.workers.translation.run_fn(lambda _p, _c: gate.wait(10), "hold the worker")
    qtbot.waitUntil(lambda: blocker.started_at > 0, timeout=5000)
    for text in ("hello", "hello world", "the cat"):  # typed while the worker is busy
        page.source_edit.setPlainText(text)
        page.request_translation()
    assert page.busy.busy
    gate.set()
    qtbot.waitUntil(lambda: target_text(window) == "o gato", timeout=5000)
    assert not page.busy.busy
    assert fake_engine.translate_calls == ["the cat"]  # the replaced requests never ran


def test_swap_copy_clear_and_clipboard(qtbot: Any, window: Any) -> None:
    page = window.translate_page
    page.source_combo.set_code("en")
    page.source_edit.setPlainText("hello")
    qtbot.waitUntil(lambda: target_text(window) == "olá", timeout=3000)
    page.copy()
    assert QGuiApplication.clipboard().text() == "olá"
    page.swap()
    assert (page.source_combo.code(), page.target_combo.code()) == ("pt", "en")
    assert page.source_edit.toPlainText() == "olá"
    qtbot.waitUntil(lambda: target_text(window) == "hello", timeout=3000)
    page.clear()
    assert page.source_edit.toPlainText() == "" and target_text(window) == ""
    QGuiApplication.clipboard().setText("good morning")
    page.source_combo.set_code("auto")
    qtbot.keyClick(
        window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: target_text(window) == "bom dia", timeout=3000)


def test_history_is_saved_and_shown_after_restart(
    qtbot: Any, window: Any, fake_engine: Any, settings: Any
) -> None:
    page = window.translate_page
    page._history_timer.setInterval(10)
    page.source_edit.setPlainText("thank you")
    qtbot.waitUntil(lambda: page.history_list.count() == 1, timeout=5000)
    assert "obrigado você" in page.history_list.item(0).text()
    close_window(qtbot, window)
    again = build_window(fake_engine, settings)
    again.show()
    again.start()
    qtbot.waitUntil(lambda: again.translate_page.history_list.count() == 1, timeout=5000)
    # restoring an entry puts it back in both panes
    item = again.translate_page.history_list.item(0)
    again.translate_page._restore(item)
    assert again.translate_page.source_edit.toPlainText() == "thank you"
    assert again.translate_page.target_edit.toPlainText() == "obrigado você"
    assert again.translate_page.source_combo.code() == "en"
    close_window(qtbot, again)


def test_glossary_switch_only_when_one_exists(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    page = window.translate_page
    qtbot.waitUntil(lambda: page._glossaries_loaded, timeout=3000)
    assert page.glossary_check.isHidden()
    fake_engine.glossaries.create("medical", "en", "pt", [GlossaryEntry("fever", "febre")])
    page.refresh_glossaries()
    qtbot.waitUntil(lambda: not page.glossary_check.isHidden(), timeout=3000)
    page.source_combo.set_code("en")
    page.glossary_check.setChecked(True)
    page.source_edit.setPlainText("hello")
    qtbot.waitUntil(lambda: target_text(window) == "olá «medical»", timeout=3000)
    page.glossary_check.setChecked(False)
    qtbot.waitUntil(lambda: target_text(window) == "olá", timeout=3000)


def test_engine_error_is_shown(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    from engine.errors import ModelError

    def broken(*_a: Any, **_k: Any) -> Any:
        raise ModelError("The English → Portuguese model is missing. Reinstall Palavra.")

    fake_engine.translate = broken  # type: ignore[method-assign]
    page = window.translate_page
    page.source_edit.setPlainText("hello")
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=3000)
    assert "model is missing" in page.notice.text()
    assert not page.busy.busy


def test_growing_text_replaces_its_history_entry(qtbot: Any, window: Any) -> None:
    page = window.translate_page
    page._history_timer.setInterval(10)
    page.source_edit.setPlainText("hello")
    qtbot.waitUntil(lambda: page.history_list.count() == 1, timeout=5000)
    page.source_edit.setPlainText("hello world")
    qtbot.waitUntil(
        lambda: page.history_list.count() == 1 and "olá mundo" in page.history_list.item(0).text(),
        timeout=5000,
    )
    page.source_edit.setPlainText("the cat")
    qtbot.waitUntil(lambda: page.history_list.count() == 2, timeout=5000)
    from engine.history import HistoryStore

    assert [e.source_text for e in HistoryStore().recent()] == ["the cat", "hello world"]
