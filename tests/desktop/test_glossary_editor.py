"""The glossary editor, opened from the Models page: edit, add, delete, rename, errors, deleting a glossary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop.app import build_window
from desktop.glossary_editor import GlossaryEditor
from desktop.glossary_entries import ALTERNATIVES, NOTE, SOURCE, TARGET, fold, split_alternatives
from desktop.settings import Settings
from tests.desktop.conftest import close_window
from tests.desktop.fakes import FakeEngine

TERMS = "heart,coração\nlung,pulmão\nkidney,rim\n"


class Answers:
    """Stands in for ``QMessageBox.question``: records each question and gives the planned answers."""

    def __init__(self, *answers: QMessageBox.StandardButton) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, _parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        self.asked.append(text)
        return self.answers.pop(0)


YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def answer(monkeypatch: pytest.MonkeyPatch, *answers: QMessageBox.StandardButton) -> Answers:
    fake = Answers(*answers)
    monkeypatch.setattr(QMessageBox, "question", fake)
    return fake


def add_glossary(engine: Any, tmp_path: Path, name: str = "medical", text: str = TERMS) -> None:
    csv = tmp_path / f"{name}.csv"
    csv.write_text(text, encoding="utf-8")
    engine.glossaries.import_file(csv, name, "en", "pt", domain="medicine")


def models_page(qtbot: Any, window: Any, glossaries: int = 1) -> Any:
    window.show_page(4)
    page = window.models_page
    qtbot.waitUntil(lambda: page.glossary_table.rowCount() == glossaries, timeout=5000)
    return page


def open_editor(qtbot: Any, page: Any, row: int = 0) -> GlossaryEditor:
    """Double-click the glossary's row, as a person does, and wait for its entries."""
    table = page.glossary_table
    table.selectRow(row)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.loaded, timeout=5000)
    return page.editor


def cell(editor: GlossaryEditor, row: int, column: int) -> str:
    return str(editor.proxy.index(row, column).data())


def type_in_cell(qtbot: Any, editor: GlossaryEditor, row: int, column: int, text: str) -> None:
    """Open the cell's editor, type, press Enter (what a person does)."""
    view = editor.table
    index = editor.proxy.index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    qtbot.waitUntil(lambda: bool(view.viewport().findChildren(QLineEdit)), timeout=2000)
    line = view.viewport().findChildren(QLineEdit)[0]
    line.setText(text)  # QTest types ASCII only
    qtbot.keyClick(line, Qt.Key.Key_Return)


@pytest.fixture
def page(qtbot: Any, window: Any, fake_engine: FakeEngine, tmp_path: Path) -> Any:
    add_glossary(fake_engine, tmp_path)
    return models_page(qtbot, window)


def test_buttons_follow_the_selection(qtbot: Any, page: Any) -> None:
    page.glossary_table.clearSelection()
    assert not page.edit_glossary_button.isEnabled()
    assert not page.delete_glossary_button.isEnabled()
    page.glossary_table.selectRow(0)
    assert page.edit_glossary_button.isEnabled()
    assert page.delete_glossary_button.isEnabled()
    page.edit_glossary_button.click()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.loaded, timeout=5000)
    editor = page.editor
    assert editor.name_edit.text() == "medical"
    assert editor.domain_edit.text() == "medicine"
    assert [cell(editor, r, SOURCE) for r in range(3)] == ["heart", "lung", "kidney"]
    assert editor.count_label.text() == "3 entries"
    assert not editor.delete_button.isEnabled()
    editor.reject()
    qtbot.waitUntil(lambda: page.editor is None, timeout=2000)


def test_edit_a_target(qtbot: Any, page: Any, fake_engine: FakeEngine, window: Any) -> None:
    editor = open_editor(qtbot, page)
    type_in_cell(qtbot, editor, 1, TARGET, "pulmões")
    stored = fake_engine.glossaries.entries
    qtbot.waitUntil(lambda: stored("medical")[1].target == "pulmões", timeout=5000)
    assert cell(editor, 1, TARGET) == "pulmões"
    qtbot.waitUntil(lambda: not editor.saving, timeout=5000)  # the answer reaches the GUI after the write
    assert editor.modified
    type_in_cell(qtbot, editor, 1, NOTE, "  organ  ")
    qtbot.waitUntil(lambda: stored("medical")[1].note == "organ", timeout=5000)
    editor.reject()
    qtbot.waitUntil(lambda: page.editor is None, timeout=2000)
    assert fake_engine.glossaries.calls.count("update_entry") == 2


def test_add_an_entry_with_alternatives(qtbot: Any, page: Any, fake_engine: FakeEngine) -> None:
    editor = open_editor(qtbot, page)
    editor.new_source.setText("spread")
    editor.new_target.setText("propagar")
    editor.new_alternatives.setText("propagação;  disseminar ;")
    editor.new_note.setText("verb or noun")
    qtbot.keyClick(editor.new_note, Qt.Key.Key_Return)  # Enter adds, it does not close the dialog
    qtbot.waitUntil(lambda: editor.model.rowCount() == 4, timeout=5000)
    assert editor.isVisible()
    added = fake_engine.glossaries.entries("medical")[-1]
    assert (added.source, added.target, added.note) == ("spread", "propagar", "verb or noun")
    assert added.alternatives == ("propagação", "disseminar")
    assert cell(editor, 3, ALTERNATIVES) == "propagação; disseminar"
    assert [f.text() for f in editor._new_fields()] == ["", "", "", ""]
    assert "Added 'spread'" in editor.notice.text()
    assert editor.count_label.text() == "4 entries"
    # alternatives are edited the same way, joined by "; "
    type_in_cell(qtbot, editor, 3, ALTERNATIVES, "propagação; difundir")
    qtbot.waitUntil(
        lambda: fake_engine.glossaries.entries("medical")[-1].alternatives == ("propagação", "difundir"),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: not editor.saving, timeout=5000)  # the GUI heard it was saved
    # the glossary list shows the new count once the editor closes
    editor.reject()
    qtbot.waitUntil(lambda: page.glossary_table.item(0, 2).text() == "4", timeout=5000)


def test_delete_an_entry(
    qtbot: Any, page: Any, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, page)
    asked = answer(monkeypatch, NO, YES)
    editor.table.selectRow(1)
    assert editor.delete_button.isEnabled()
    editor.delete_button.click()  # "No": nothing happens
    assert asked.asked == ["Delete the entry 'lung' → 'pulmão'?"]
    assert editor.model.rowCount() == 3
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)  # the Delete key asks the same
    qtbot.waitUntil(lambda: editor.model.rowCount() == 2, timeout=5000)
    assert len(asked.asked) == 2
    assert [e.source for e in fake_engine.glossaries.entries("medical")] == ["heart", "kidney"]
    assert [cell(editor, r, SOURCE) for r in range(2)] == ["heart", "kidney"]
    assert "Deleted 'lung'" in editor.notice.text()


def test_rename_and_change_domain(qtbot: Any, page: Any, fake_engine: FakeEngine, window: Any) -> None:
    editor = open_editor(qtbot, page)
    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "Cardiology")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.info.name == "Cardiology", timeout=5000)
    assert editor.isVisible()
    assert "Cardiology" in editor.windowTitle()
    editor.domain_edit.setText("cardiology")
    editor.domain_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: editor.info.domain == "cardiology", timeout=5000)
    # an edit made after the rename reaches the renamed glossary
    type_in_cell(qtbot, editor, 0, TARGET, "coração (órgão)")
    qtbot.waitUntil(
        lambda: fake_engine.glossaries.entries("Cardiology")[0].target == "coração (órgão)", timeout=5000
    )
    qtbot.waitUntil(lambda: not editor.saving, timeout=5000)
    editor.reject()
    qtbot.waitUntil(lambda: page.glossary_table.item(0, 0).text() == "Cardiology", timeout=5000)
    assert page.glossary_table.item(0, 3).text() == "cardiology"
    combo = window.translate_page.glossary_combo  # the Translate page hears of it
    qtbot.waitUntil(lambda: combo.findData("Cardiology") >= 0, timeout=5000)


def test_taken_name_is_refused_and_a_last_rename_still_reaches_the_list(
    qtbot: Any, window: Any, fake_engine: FakeEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_glossary(fake_engine, tmp_path)
    add_glossary(fake_engine, tmp_path, "Travel", "gate,portão\n")
    page = models_page(qtbot, window, glossaries=2)
    editor = open_editor(qtbot, page)
    editor.name_edit.setText("travel")
    editor.name_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: "already exists" in editor.notice.text(), timeout=5000)
    assert editor.name_edit.text() == "travel"  # kept, to be corrected
    assert editor.info.name == "medical"
    asked = answer(monkeypatch, NO)
    editor.reject()
    assert editor.isVisible()
    assert asked.asked == ["The new name or domain could not be saved. Close and lose it?"]
    # a new name typed, then Close at once: saved, and the list shows it once the save is done
    editor.name_edit.setText("Heart and lungs")
    editor.name_edit.editingFinished.emit()  # what leaving the field for the Close button does
    editor.reject()
    assert not editor.isVisible()
    qtbot.waitUntil(
        lambda: {page.glossary_table.item(r, 0).text() for r in range(2)} == {"Heart and lungs", "Travel"},
        timeout=5000,
    )


def test_duplicate_source_is_refused_and_the_edit_kept(
    qtbot: Any, page: Any, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, page)
    type_in_cell(qtbot, editor, 1, SOURCE, "heart")
    qtbot.waitUntil(lambda: not editor.notice.isHidden(), timeout=5000)
    assert "'heart' is already in the glossary" in editor.notice.text()
    assert cell(editor, 1, SOURCE) == "heart"  # what was typed stays, marked
    index = editor.proxy.index(1, SOURCE)
    assert "already in the glossary" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert fake_engine.glossaries.entries("medical")[1].source == "lung"  # nothing changed
    # the new-entry fields keep what was typed too
    editor.new_source.setText("kidney")
    editor.new_target.setText("rins")
    editor.add_button.click()
    qtbot.waitUntil(lambda: "'kidney' is already in the glossary" in editor.notice.text(), timeout=5000)
    assert (editor.new_source.text(), editor.new_target.text()) == ("kidney", "rins")
    assert editor.model.rowCount() == 3
    # closing with the refused edit asks first; "No" keeps the dialog open
    asked = answer(monkeypatch, NO, YES)
    editor.reject()
    assert editor.isVisible()
    assert "could not be saved" in asked.asked[0]
    # correcting the cell saves it and clears the mark
    type_in_cell(qtbot, editor, 1, SOURCE, "lungs")
    qtbot.waitUntil(lambda: fake_engine.glossaries.entries("medical")[1].source == "lungs", timeout=5000)
    qtbot.waitUntil(lambda: not editor.saving, timeout=5000)
    assert editor.proxy.index(1, SOURCE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert editor.notice.isHidden()
    editor.reject()  # nothing unsaved: closes without asking
    assert not editor.isVisible()
    assert len(asked.asked) == 1


def test_empty_target_is_refused(qtbot: Any, page: Any, fake_engine: FakeEngine) -> None:
    editor = open_editor(qtbot, page)
    editor.new_source.setText("liver")
    editor.add_button.click()
    qtbot.waitUntil(lambda: "must be filled in" in editor.notice.text(), timeout=5000)
    assert editor.new_source.text() == "liver"
    assert len(fake_engine.glossaries.entries("medical")) == 3


def test_filter_ignores_case_and_accents(qtbot: Any, page: Any) -> None:
    editor = open_editor(qtbot, page)
    editor.filter_edit.setText("CORACAO")
    assert editor.proxy.rowCount() == 1
    assert cell(editor, 0, SOURCE) == "heart"
    assert editor.count_label.text() == "1 of 3 entries"
    editor.filter_edit.clear()
    assert editor.proxy.rowCount() == 3


def test_delete_a_glossary_after_confirming(
    qtbot: Any, page: Any, fake_engine: FakeEngine, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, NO, YES)
    page.glossary_table.selectRow(0)
    page.delete_glossary_button.click()
    assert "Delete the glossary 'medical' and its 3 terms?" in asked.asked[0]
    assert page.glossary_table.rowCount() == 1
    page.delete_glossary_button.click()
    qtbot.waitUntil(lambda: page.glossary_table.rowCount() == 0, timeout=5000)
    assert fake_engine.glossaries.list() == []
    assert "Deleted the glossary 'medical'." in page.notice.text()
    assert not page.edit_glossary_button.isEnabled()
    assert not page.delete_glossary_button.isEnabled()


def test_alternatives_and_fold_helpers() -> None:
    assert split_alternatives(" a; b;; c ;") == ("a", "b", "c")
    assert fold("Coração PULMÃO") == "coracao pulmao"


@pytest.fixture
def real_window(qtbot: Any, settings: Settings) -> Iterator[Any]:
    """The window over the fake engine, but with the engine's real glossary service (SQLite)."""
    from engine.glossary.model import GlossaryEntry
    from engine.glossary.service import GlossaryService

    engine = FakeEngine()
    service = GlossaryService()
    engine.glossaries = service  # type: ignore[assignment]
    service.create(
        "Travel",
        "en",
        "pt",
        [GlossaryEntry("boarding pass", "cartão de embarque"), GlossaryEntry("layover", "escala")],
        domain="travel",
    )
    win = build_window(engine, settings)
    win.show()
    win.start()
    yield win
    close_window(qtbot, win)
    service.close()


def test_editor_on_the_real_glossary_service(
    qtbot: Any, real_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = real_window.engine.glossaries
    page = models_page(qtbot, real_window)
    editor = open_editor(qtbot, page)
    assert [cell(editor, r, SOURCE) for r in range(2)] == ["boarding pass", "layover"]
    # edit a target (the engine tidies the spaces)
    type_in_cell(qtbot, editor, 1, TARGET, "  conexão  ")
    qtbot.waitUntil(lambda: service.entries("Travel")[1].target == "conexão", timeout=5000)
    qtbot.waitUntil(lambda: cell(editor, 1, TARGET) == "conexão", timeout=5000)
    # add an entry with alternatives
    editor.new_source.setText("gate")
    editor.new_target.setText("portão")
    editor.new_alternatives.setText("portão de embarque; porta")
    editor.add_button.click()
    qtbot.waitUntil(lambda: editor.model.rowCount() == 3, timeout=5000)
    gate = service.entries("Travel")[2]
    assert (gate.source, gate.target, gate.alternatives) == (
        "gate",
        "portão",
        ("portão de embarque", "porta"),
    )
    # a duplicate source: the engine's message, the edit kept, nothing stored
    type_in_cell(qtbot, editor, 2, SOURCE, "layover")
    qtbot.waitUntil(lambda: "already in the glossary" in editor.notice.text(), timeout=5000)
    assert cell(editor, 2, SOURCE) == "layover"
    assert service.entries("Travel")[2].source == "gate"
    type_in_cell(qtbot, editor, 2, SOURCE, "gate")
    qtbot.waitUntil(lambda: editor.model.unsaved() == 0, timeout=5000)
    # delete an entry, rename
    answer(monkeypatch, YES)
    editor.table.selectRow(0)
    editor.delete_button.click()
    qtbot.waitUntil(lambda: len(service.entries("Travel")) == 2, timeout=5000)
    editor.name_edit.setText("Airports")
    editor.name_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: [g.name for g in service.list()] == ["Airports"], timeout=5000)
    editor.reject()
    qtbot.waitUntil(lambda: page.glossary_table.item(0, 0).text() == "Airports", timeout=5000)
    assert page.glossary_table.item(0, 2).text() == "2"
