"""Correct page with the fake engine: underlines, explanation, accept, ignore, accept all."""

from __future__ import annotations

from typing import Any

from tests.desktop.fakes import FakeEngine


def check_now(qtbot: Any, page: Any, text: str) -> None:
    page.editor.setPlainText(text)
    page.check()
    qtbot.waitUntil(lambda: not page.busy.busy, timeout=5000)


def test_underlines_and_explanations(qtbot: Any, window: Any) -> None:
    page = window.correct_page
    window.show_page(2)
    check_now(qtbot, page, "I ate teh cake and a apple.")
    assert page.edit_list.count() == 2
    assert len(page.editor.extraSelections()) == 2
    assert "teh → the" in page.edit_list.item(0).text()
    assert "typo" in page.explanation.text()
    assert page.summary.text() == "2 corrections"
    # clicking in the second mistake selects it and shows its explanation
    cursor = page.editor.textCursor()
    cursor.setPosition(page.editor.toPlainText().index("a apple"))
    page.editor.setTextCursor(cursor)
    assert page.edit_list.currentRow() == 1
    assert "vowel" in page.explanation.text()


def test_accept_ignore_accept_all(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    page = window.correct_page
    check_now(qtbot, page, "teh cat saw teh dog eat a apple")
    assert page.edit_list.count() == 3
    page.edit_list.setCurrentRow(0)
    page.accept_current()
    assert page.editor.toPlainText() == "the cat saw teh dog eat a apple"
    assert page.edit_list.count() == 2
    assert page.editor.toPlainText()[page.edits[0].start : page.edits[0].end] == "teh"  # offsets shifted
    page.ignore_current()
    assert page.edit_list.count() == 1
    page.accept_all()
    assert page.editor.toPlainText() == "the cat saw teh dog eat an apple"
    assert page.edit_list.count() == 0
    calls = fake_engine.correction.calls
    qtbot.wait(900)  # accepting is not typing: no new check was sent
    assert fake_engine.correction.calls == calls


def test_check_as_you_type_and_clean_text(qtbot: Any, window: Any) -> None:
    page = window.correct_page
    qtbot.keyClicks(page.editor, "teh")
    qtbot.waitUntil(lambda: page.edit_list.count() == 1, timeout=5000)
    check_now(qtbot, page, "All good here.")
    assert page.edit_list.count() == 0
    assert page.summary.text() == "No mistakes found."
    assert not page.accept_all_button.isEnabled()


def test_checker_unavailable(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    from tests.desktop.fakes import Unavailable

    fake_engine.correction = Unavailable()  # type: ignore[assignment]
    page = window.correct_page
    check_now(qtbot, page, "teh")
    assert "Checking is not available" in page.notice.text()


def test_detects_language_by_default_and_lets_the_learner_choose(
    qtbot: Any, window: Any, fake_engine: FakeEngine, monkeypatch: Any
) -> None:
    from engine.correct.model import CheckResult, LanguagePart

    page = window.correct_page
    assert page.language_combo.code() == "auto"
    seen: list[str] = []

    def check(text: str, language: str, **_: Any) -> CheckResult:
        seen.append(language)
        cut = text.index("\n") + 1
        parts = (
            (LanguagePart(0, cut, "en-US"), LanguagePart(cut, len(text), "pt-BR"))
            if language == "auto"
            else (LanguagePart(0, len(text), "pt-BR", False),)
        )
        return CheckResult(text=text, language=parts[0].language, edits=(), parts=parts)

    monkeypatch.setattr(fake_engine.correction, "check", check)
    check_now(qtbot, page, "I like it.\nEu gosto disso.")
    assert seen[-1] == "auto"
    assert page.detected.text() == "Detected: English, Portuguese (Brazil)"
    page.language_combo.set_code("pt")
    qtbot.waitUntil(lambda: seen[-1] == "pt" and not page.busy.busy, timeout=5000)
    assert page.detected.text() == ""


def test_explanations_follow_the_interface_language(qtbot: Any, window: Any, settings: Any) -> None:
    page = window.correct_page
    settings.ui_language = "pt"
    check_now(qtbot, page, "teh cat")
    assert "erro de digitação" in page.explanation.text()
    assert "erro de digitação" in page.edit_list.item(0).toolTip()
    settings.ui_language = "en"
    page._row_changed(0)
    assert "typo" in page.explanation.text()


def test_the_language_choice_is_kept_including_auto(
    qtbot: Any, window: Any, settings: Any, tmp_path: Any
) -> None:
    from desktop.pages.correct_page import CorrectPage
    from desktop.settings import Settings

    page = window.correct_page
    assert settings.correction_language == "auto"
    page.language_combo.set_code("en")
    assert settings.correction_language == "en"
    page.language_combo.set_code("auto")
    assert settings.correction_language == "auto"
    page.language_combo.set_code("pt")
    again = Settings(tmp_path / "settings.ini")
    assert again.correction_language == "pt"
    fresh = CorrectPage(page.engine, page.workers, again)
    qtbot.addWidget(fresh)
    assert fresh.language_combo.code() == "pt"


def test_level_estimate_is_shown(qtbot: Any, window: Any, fake_engine: FakeEngine, monkeypatch: Any) -> None:
    from engine.correct.level import LevelEstimate
    from engine.correct.model import CheckResult

    page = window.correct_page
    estimate = LevelEstimate("A2", 40, 7.5, 0.05, 8.0, ("agreement", "spelling"))

    def check(text: str, language: str, **_: Any) -> CheckResult:
        return CheckResult(text=text, language="pt-BR", edits=(), level=estimate)

    monkeypatch.setattr(fake_engine.correction, "check", check)
    check_now(qtbot, page, "Eu sou cansado hoje e a casa é bonito.")
    assert (
        page.level.text()
        == "Level (estimate): A2 · 7.5 corrections per 100 words · most frequent: agreement, spelling"
    )
    check_now(qtbot, page, "")
    assert page.level.text() == ""


LONG_EN = "Yesterday I ate teh cake at the party, and then I walked home slowly because it was late and cold."
OTHER_EN = (
    "My sister works in a big hospital in the city, where she helps teh doctors with a apple every day."
)


def test_level_history_is_stored_and_shown(qtbot: Any, window: Any, fake_engine: FakeEngine) -> None:
    from engine.correct.writing_levels import WritingLevelStore

    window.show_page(2)
    page = window.correct_page
    history = page.level_history
    check_now(qtbot, page, "teh cat")  # too short for an estimate: nothing stored, nothing shown
    qtbot.wait(200)
    assert history.isHidden()
    check_now(qtbot, page, LONG_EN)
    qtbot.waitUntil(lambda: not history.isHidden(), timeout=10000)
    assert history.title.text() == "<b>Your writing in English</b>"
    assert "spelling (1)" in history.summary.text()
    check_now(qtbot, page, LONG_EN)  # the same text checked again: still one record
    check_now(qtbot, page, OTHER_EN)
    qtbot.waitUntil(lambda: len(history.history.records) == 2, timeout=10000)
    summary = history.summary.text()
    assert "Level of your last 2 texts" in summary
    assert "Most frequent mistakes lately: spelling (2), grammar (1)" in summary
    assert len(history.line.levels) == 2 and history.grab().width() > 0
    stored = WritingLevelStore()  # really in the learner's database
    try:
        records = stored.history("en").records
        assert [r.categories for r in records] == [(("spelling", 1),), (("spelling", 1), ("grammar", 1))]
        assert history.line.levels == [r.level for r in records]
        assert (
            f"Level (estimate): {records[1].level}" in page.level.text()
        )  # the latest is the one shown above
    finally:
        stored.close()


def test_level_history_is_shown_when_the_page_opens(
    qtbot: Any, fake_engine: FakeEngine, settings: Any
) -> None:
    from desktop.pages.correct_page import CorrectPage
    from desktop.workers import Workers
    from engine.correct.writing_levels import WritingLevelStore

    store = WritingLevelStore()
    store.record(fake_engine.correction.check(OTHER_EN, "en"))
    store.close()
    workers = Workers()
    page = CorrectPage(fake_engine, workers, settings)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.level_history.isHidden(), timeout=10000)
    assert "spelling (1), grammar (1)" in page.level_history.summary.text()
    with qtbot.waitSignal(workers.all_stopped, timeout=10000):
        workers.shutdown()
