"""Translate page, "Add to my words": a word selected in either pane lands on the word list and comes up as a card
on the Practise page (the real practice service on the test's database, the fake translator)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor

from tests.desktop.fakes import FakeEngine
from tests.desktop.test_practice_exercises import answer, open_practise


def select(edit: Any, start: int, end: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def translated(qtbot: Any, window: Any, text: str, expected: str) -> Any:
    page = window.translate_page
    page.source_combo.set_code("en")
    page.source_edit.setPlainText(text)
    qtbot.waitUntil(lambda: page.target_edit.toPlainText() == expected, timeout=3000)
    return page


def test_a_selected_word_becomes_a_card(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    page = translated(qtbot, window, "hello world", "olá mundo")
    marker = page.words
    assert not marker.button.isEnabled()  # nothing selected
    # an English word of the source, practising Portuguese (the default): its Portuguese is the card
    select(page.source_edit, 6, 11)
    assert marker.button.isEnabled()
    with qtbot.waitSignal(marker.marked, timeout=5000) as got:
        marker.button.click()
    assert (got.args[0].word, got.args[0].translation) == ("mundo", "world")
    assert page.notice.text() == "Added “mundo” (“world”) to your words: practise it on the Practise page."
    entries = fake_engine.practice.vocabulary("pt")
    assert [(v.word, v.translation, v.example, v.source) for v in entries] == [
        ("mundo", "world", "olá mundo", "marked")
    ]

    # the word under the mouse in the translation's context menu, nothing selected
    select(page.source_edit, 0, 0)
    assert not marker.button.isEnabled()
    cursor = page.target_edit.textCursor()
    cursor.setPosition(1)
    menu = marker.context_menu(page.target_edit, page.target_edit.cursorRect(cursor).center())
    action = menu.actions()[0]
    assert action.text() == "Add to my words" and action.isEnabled()
    assert any(
        a.text().startswith("&Copy") or "Copy" in a.text() for a in menu.actions()
    )  # the usual entries
    with qtbot.waitSignal(marker.marked, timeout=5000):
        action.trigger()
    assert [v.word for v in fake_engine.practice.vocabulary("pt")] == ["mundo", "olá"]
    assert fake_engine.practice.vocabulary("pt")[1].translation == "hello"
    # the same word again: already there, nothing added
    select(page.target_edit, 0, 3)
    with qtbot.waitSignal(marker.marked, timeout=5000) as again:
        marker.add_selection()
    assert not again.args[0].added and page.notice.text() == "“olá” is already in your words."
    assert len(fake_engine.practice.vocabulary("pt")) == 2

    # a whole sentence is not a word
    page.source_edit.setPlainText("hello world the cat hello world")
    select(page.source_edit, 0, len(page.source_edit.toPlainText()))
    marker.button.click()
    qtbot.waitUntil(lambda: "short phrase" in page.notice.text(), timeout=5000)
    assert marker.button.isEnabled()

    # the card, on the Practise page
    practise = open_practise(qtbot, window)
    practise.tabs.setCurrentIndex(1)
    panel = practise.exercises
    panel.set_kind("vocab")
    qtbot.waitUntil(lambda: panel.item is not None and panel.item.kind == "vocab", timeout=15000)
    assert panel.item.prompt == "mundo" and "olá mundo" in panel.hint.text()
    assert answer(qtbot, panel, "world").passed


def test_practising_english_keeps_the_english_word(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    window.settings.practice_language = "en"
    page = translated(qtbot, window, "the cat", "o gato")
    select(page.target_edit, 2, 6)  # "gato", a word of the learner's own language
    with qtbot.waitSignal(page.words.marked, timeout=5000):
        page.words.add_selection()
    assert [(v.word, v.translation, v.example) for v in fake_engine.practice.vocabulary("en")] == [
        ("cat", "gato", "the cat")
    ]
    assert fake_engine.practice.vocabulary("pt") == ()


def test_a_word_that_comes_twice_is_read_in_its_own_sentence(
    qtbot: Any, window: Any, fake_engine: FakeEngine
) -> None:
    """The page sends where the selection is: the card's example is the translation of the sentence it was
    selected in, not the first sentence holding the word (source pane, then the translation pane)."""
    page = translated(qtbot, window, "the cat\nhello cat", "o gato\nolá gato")
    select(page.source_edit, 14, 17)  # the second "cat"
    with qtbot.waitSignal(page.words.marked, timeout=5000) as got:
        page.words.add_selection()
    assert (got.args[0].word, got.args[0].translation, got.args[0].example) == ("gato", "cat", "olá gato")
    window.settings.practice_language = "en"
    cursor = page.target_edit.textCursor()
    cursor.setPosition(len("o gato\nolá ga"))
    menu = page.words.context_menu(page.target_edit, page.target_edit.cursorRect(cursor).center())
    with qtbot.waitSignal(page.words.marked, timeout=5000) as got:
        menu.actions()[0].trigger()
    assert (got.args[0].word, got.args[0].translation, got.args[0].example) == ("cat", "gato", "hello cat")
