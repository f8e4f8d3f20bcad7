"""Documents page with the fake engine: open, translate with progress, cancel, and bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from engine.documents import MAX_BYTES
from tests.desktop.fakes import FakeEngine
from tests.engine.documents import builders

SRT = "1\n00:00:01,000 --> 00:00:02,000\nhello world\n\n2\n00:00:03,500 --> 00:00:05,000\nthe cat\n"


def open_file(qtbot: Any, page: Any, path: Path) -> None:
    page.open_path(path)
    qtbot.waitUntil(lambda: not page.notice.text().startswith("Reading"), timeout=5000)


def test_srt_translated_next_to_original(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = window.documents_page
    window.show_page(1)
    src = tmp_path / "talk.srt"
    src.write_text(SRT)
    open_file(qtbot, page, src)
    assert "talk.srt" in page.file_label.text() and "2 segments" in page.file_label.text()
    assert page.source_combo.code() == "en" and page.target_combo.code() == "pt"
    assert page.translate_button.isEnabled()
    with qtbot.waitSignal(page.progress.valueChanged, timeout=5000):
        page.start()
    qtbot.waitUntil(lambda: page.output is not None, timeout=5000)
    out = tmp_path / "talk.pt.srt"
    assert page.output == out
    assert out.read_text() == SRT.replace("hello world", "olá mundo").replace("the cat", "o gato")
    assert page.progress.value() == 100
    assert "Saved as" in page.notice.text()
    assert not page.open_folder_button.isHidden()


def test_cancel_writes_nothing(qtbot: Any, window: Any, fake_engine: FakeEngine, tmp_path: Path) -> None:
    fake_engine.delay = 0.2
    page = window.documents_page
    src = tmp_path / "long.txt"
    src.write_text("\n\n".join("hello world " * 100 for _ in range(30)))
    open_file(qtbot, page, src)
    page.start()
    assert page.running and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=5000)
    page.cancel()
    qtbot.waitUntil(lambda: not page.running, timeout=5000)
    assert "nothing was written" in page.notice.text()
    assert not (tmp_path / "long.pt.txt").exists()


def _corrupt_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document><broken")


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("photo.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00IHDR\x00"), "not a text file"),
        ("huge.txt", lambda p: p.write_bytes(b"a" * (2 * MAX_BYTES)), "is too large (more than 10 MB)"),
        ("missing.srt", lambda p: None, "does not exist"),
        ("damaged.docx", _corrupt_docx, "'damaged.docx' cannot be read: it may be damaged"),
        ("table.xlsx", lambda p: p.write_bytes(b"PK"), "Palavra cannot translate 'table.xlsx'"),
        ("scan.pdf", lambda p: builders.pdf(p, [[]]), "no text to read: its pages may be scanned pictures"),
    ],
)
def test_bad_input_gives_a_message_and_changes_nothing(
    qtbot: Any, window: Any, tmp_path: Path, name: str, make: Any, message: str
) -> None:
    page = window.documents_page
    good = tmp_path / "good.srt"
    good.write_text(SRT)
    open_file(qtbot, page, good)
    label = page.file_label.text()
    bad = tmp_path / name
    make(bad)
    open_file(qtbot, page, bad)
    assert message in page.notice.text()
    assert page.document is not None and page.document.path == good  # the loaded document is kept
    assert page.file_label.text() == label
    assert page.translate_button.isEnabled()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("good")) == ["good.srt"]


def test_drop_a_file(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    page = window.documents_page
    window.show_page(1)
    src = tmp_path / "dropped.txt"
    src.write_text("the cat")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(src))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.drop.dropEvent(event)
    qtbot.waitUntil(lambda: page.document is not None, timeout=5000)
    assert page.document.path == src


@pytest.mark.parametrize("choice", ["keep", "replace", "cancel"])
def test_existing_translation_is_never_replaced_silently(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any, choice: str
) -> None:
    page = window.documents_page
    src = tmp_path / "medical.srt"
    src.write_text(SRT)
    existing = tmp_path / "medical.pt.srt"
    existing.write_text("corrected by hand")
    asked: list[Path] = []

    def answer(out: Path) -> str:
        asked.append(out)
        return choice

    monkeypatch.setattr(page, "ask_existing", answer)
    open_file(qtbot, page, src)
    page.start()
    assert asked == [existing]
    translated = SRT.replace("hello world", "olá mundo").replace("the cat", "o gato")
    if choice == "cancel":
        assert not page.running and page.output is None
        assert existing.read_text() == "corrected by hand"
        return
    qtbot.waitUntil(lambda: page.output is not None, timeout=5000)
    if choice == "keep":
        assert page.output == tmp_path / "medical.pt (2).srt"
        assert existing.read_text() == "corrected by hand"
        assert page.output.read_text() == translated
    else:
        assert page.output == existing and existing.read_text() == translated
    assert "sentences" in page.time_label.text() or "Done" in page.time_label.text()
    assert src.read_text() == SRT


def test_progress_counts_sentences(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = window.documents_page
    src = tmp_path / "lines.txt"
    src.write_text("".join("the cat.\n" for _ in range(150)))
    open_file(qtbot, page, src)
    seen: list[str] = []
    page.progress.valueChanged.connect(lambda _v: seen.append(page.time_label.text()))
    page.start()
    qtbot.waitUntil(lambda: page.output is not None, timeout=10000)
    assert any("of 150 sentences" in s for s in seen)


def test_model_and_glossary_chosen_reach_the_translation(
    qtbot: Any, window: Any, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    from engine.glossary.model import GlossaryEntry

    page = window.documents_page
    fake_engine.glossaries.create("pets", "en", "pt", [GlossaryEntry("cat", "gato")])
    page.reload_choices()
    qtbot.waitUntil(lambda: page.model_combo.findData("en-pt-medical") >= 0, timeout=3000)
    qtbot.waitUntil(lambda: not page.glossary_check.isHidden(), timeout=3000)
    assert page.model_combo.itemText(0).startswith("Active model (en-pt-tiny)")
    assert page.model_combo.findData("pt-en-tiny") < 0  # only the models of the pair
    page.model_combo.setCurrentIndex(page.model_combo.findData("en-pt-medical"))
    assert "adapted" in page.model_combo.currentText()
    page.glossary_check.setChecked(True)
    src = tmp_path / "talk.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,000\nhello <i>world</i>\n")
    open_file(qtbot, page, src)
    page.start()
    qtbot.waitUntil(lambda: page.output is not None, timeout=5000)
    assert fake_engine.translate_options[-1] == ("en-pt-medical", "pets")
    assert fake_engine.aligned_with == ("en", "pt", "en-pt-medical")  # formatting aligned by the same model
    assert "olá <i>mundo" in page.output.read_text()  # the fake adds « pets » (its glossary mark) at the end
    assert window.settings.document_model == "en-pt-medical"
    page.source_combo.set_code("pt")  # another pair: its own models, no glossary for it
    assert page.model_combo.findData("en-pt-medical") < 0 and page.glossary_check.isHidden()


def test_web_page_keeps_its_tags(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = window.documents_page
    src = tmp_path / "page.html"
    src.write_text('<html><body><p>hello <b>world</b></p><p><a href="/cat">the cat</a></p></body></html>')
    open_file(qtbot, page, src)
    assert "web page" in page.file_label.text()
    page.start()
    qtbot.waitUntil(lambda: page.output is not None, timeout=5000)
    got = (tmp_path / "page.pt.html").read_text()
    assert "<p>olá <b>mundo</b></p>" in got and '<a href="/cat">o gato</a>' in got


def test_pdf_says_it_becomes_a_word_document(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = window.documents_page
    src = builders.pdf(tmp_path / "notes.pdf", [["hello world."]])
    open_file(qtbot, page, src)
    assert "Word document" in page.notice.text()
    page.start()
    qtbot.waitUntil(lambda: page.output is not None, timeout=5000)
    assert page.output == tmp_path / "notes.pt.docx"


def test_bad_input_message_in_portuguese(
    qtbot: Any, qapp: Any, fake_engine: FakeEngine, settings: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTranslator

    from desktop.app import build_window, install_translators
    from tests.desktop.conftest import close_window

    assert install_translators(qapp, "pt") == "pt"
    try:
        window = build_window(fake_engine, settings)
        window.show()
        window.start()
        page = window.documents_page
        bad = tmp_path / "table.xlsx"
        bad.write_bytes(b"PK")
        page.open_path(bad)
        qtbot.waitUntil(lambda: "traduzir" in page.notice.text(), timeout=5000)
        assert "O Palavra não consegue traduzir 'table.xlsx'" in page.notice.text()
        close_window(qtbot, window)
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
