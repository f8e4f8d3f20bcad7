"""Models & glossaries page and Settings page with the fake engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.settings import Settings
from tests.desktop.fakes import FakeEngine


def open_models(qtbot: Any, window: Any) -> Any:
    window.show_page(4)
    page = window.models_page
    qtbot.waitUntil(lambda: page.model_table.rowCount() == 3, timeout=5000)
    return page


def test_models_listed_and_activated(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    page = open_models(qtbot, window)
    assert page.model_table.item(0, 0).text() == "en-pt-tiny"
    assert page.model_table.item(0, 1).text() == "English → Portuguese"
    assert page.model_table.item(2, 2).text() == "adapted"
    assert page.model_table.item(0, 3).text() == "17.0 MB"
    assert page.model_table.item(0, 4).text() == "active"
    page.model_table.selectRow(2)
    assert page.activate_button.isEnabled()
    page.activate_selected()
    qtbot.waitUntil(lambda: fake_engine.active == "en-pt-medical", timeout=5000)
    qtbot.waitUntil(lambda: page.model_table.item(2, 4).text() == "active", timeout=5000)


def test_import_model_error_is_shown(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = open_models(qtbot, window)
    page.import_model(tmp_path)
    qtbot.waitUntil(lambda: not page.notice.isHidden(), timeout=5000)
    assert "does not hold a translation model" in page.notice.text()


def test_import_glossary_reaches_translate_page(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = open_models(qtbot, window)
    csv = tmp_path / "med.csv"
    csv.write_text("heart,coração\nlung,pulmão\n")
    page.import_glossary(csv, "medical", "en", "pt", "medicine")
    qtbot.waitUntil(lambda: page.glossary_table.rowCount() == 1, timeout=5000)
    assert page.glossary_table.item(0, 2).text() == "2"
    assert "Imported glossary 'medical' with 2 terms." in page.notice.text()
    qtbot.waitUntil(lambda: not window.translate_page.glossary_check.isHidden(), timeout=5000)


def test_finetune_button_guarded(qtbot: Any, window: Any) -> None:
    from desktop.pages.models_page import wizard_class

    page = open_models(qtbot, window)
    assert page.finetune_button.isEnabled() == (wizard_class() is not None)
    if wizard_class() is None:
        assert "PyTorch" in page.finetune_button.toolTip()


def test_settings_saved(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.show_page(5)
    page = window.settings_page
    page.language.setCurrentIndex(page.language.findData("pt"))
    page.device.setCurrentIndex(page.device.findData("cpu"))
    page.threads.setValue(2)
    assert "Restart" in page.restart_note.text()
    again = Settings(tmp_path / "settings.ini")
    assert (again.ui_language, again.device, again.threads) == ("pt", "cpu", 2)
    assert again.engine_config().effective_threads == 2
    assert page.data_folder.text().endswith("palavra-data")
    assert any("never leave" in label.text() for label in page.findChildren(QLabel))
