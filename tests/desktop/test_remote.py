"""A capability in a child process: same answers, progress and cancel cross the boundary, errors keep their class
and attributes, close stops the child, and the desktop's facade is composed of the isolated capabilities."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.app import build_engine
from desktop.remote import IsolatedSpeech, RemoteCorrection, RemoteService
from engine.api import Engine
from engine.cancel import CancelToken
from engine.config import EngineConfig
from engine.errors import Cancelled, InputError, PalavraError, UnsupportedLanguageError
from engine.glossary.service import GlossaryImportError


def test_remote_calls_errors_and_restart() -> None:
    remote = RemoteService("translation", EngineConfig())
    try:
        local = [(m.name, m.source, m.target) for m in Engine().list_models()]
        assert [(m.name, m.source, m.target) for m in remote.call("list_models")] == local
        with pytest.raises(UnsupportedLanguageError) as err:
            remote.call("translate", ["hello"], "en", "xx")
        assert isinstance(err.value, PalavraError) and "xx" in err.value.user_message
        token = CancelToken()
        token.cancel()
        with pytest.raises(Cancelled):
            remote.call("detect_language", "hello", cancel=token)
        pid = remote.pid
        process = remote._process
        assert pid is not None and process.is_alive()
        remote.close()
        assert remote.pid is None and not process.is_alive()
        assert remote.call("detect_language", "Olá, tudo bem com você?").language == "pt"  # a new child
        assert remote.pid not in (None, pid)
    finally:
        remote.close()


def test_an_error_keeps_its_class_and_attributes(tmp_path: Path) -> None:
    """A glossary with blocking problems: the parent gets GlossaryImportError with its whole report."""
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target\nfever,\n,febre\n", encoding="utf-8")
    remote = RemoteService("glossaries", EngineConfig())
    try:
        with pytest.raises(GlossaryImportError) as err:
            remote.call("import_file", bad, "med", "en", "pt", strict=True)
        local = Engine().glossaries.check_file(bad, "en", "pt", strict=True)
        assert err.value.report == local and not err.value.report.ok
        assert isinstance(err.value, InputError)
        assert err.value.user_message.startswith(local.errors[0].message)
    finally:
        remote.close()


def test_progress_is_forwarded_in_order(translation_models: Path) -> None:
    """Progress callbacks run in the parent, each step in order, before the call returns."""
    remote = RemoteService("translation", EngineConfig())
    seen: list[tuple[int, int]] = []
    caller = threading.get_ident()
    threads: set[int] = set()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        threads.add(threading.get_ident())

    try:
        texts = [f"The house number {i} is red." for i in range(40)]
        result = remote.call("translate", texts, "en", "pt", callbacks={"on_progress": progress})
        assert len(result) == len(texts)
        assert seen and seen[-1][0] == seen[-1][1] == len(texts)
        assert [d for d, _t in seen] == sorted(d for d, _t in seen)
        assert threads == {caller}
    finally:
        remote.close()


def test_cancel_reaches_the_child(translation_models: Path) -> None:
    """Cancelling from the first progress report stops the child's work: Cancelled, not a finished result."""
    remote = RemoteService("translation", EngineConfig(translation_batch_size=1))
    token = CancelToken()
    reports: list[int] = []

    def progress(done: int, _total: int) -> None:
        reports.append(done)
        token.cancel()

    try:
        texts = [f"Sentence number {i} is about a cat." for i in range(200)]
        with pytest.raises(Cancelled):
            remote.call("translate", texts, "en", "pt", cancel=token, callbacks={"on_progress": progress})
        assert reports and reports[-1] < len(texts)
        # the child is still usable after a cancel
        assert remote.call("detect_language", "The weather is nice today.").language == "en"
    finally:
        remote.close()


def test_the_desktop_facade_is_composed_of_isolated_capabilities() -> None:
    engine = build_engine(EngineConfig())
    try:
        assert isinstance(engine.correction, RemoteCorrection)
        assert isinstance(engine.speech, IsolatedSpeech)
        drills = engine.speech.drills("pt")  # local part: no child process
        assert drills and engine.speech.next_drill("pt") in drills
        assert isinstance(engine.speech, IsolatedSpeech) and engine.speech.remote.pid is None
    finally:
        engine.close()


@pytest.mark.model
def test_preload_starts_the_checker_process_without_waiting_and_changes_no_answer() -> None:
    from engine.correct.service import CorrectionService

    text = "Yesterday I goes to the beach with my freinds.\nOntem eu fui na praia com meus amigo."
    local = CorrectionService(EngineConfig())
    expected = local.check(text, "auto")
    local.close()
    correction = RemoteCorrection(EngineConfig())
    try:
        assert correction.remote.pid is None
        correction.preload(["pt", "en"])  # returns before anything is loaded
        pid = correction.remote.pid
        assert pid is not None
        assert not correction.remote.start(("preload", (("en",),)))  # running: nothing more is started
        assert correction.check(text, "auto") == expected
        assert correction.remote.pid == pid
        with pytest.raises(UnsupportedLanguageError):
            correction.remote.call("preload", ["fr"])  # the child refuses what it cannot load
        correction.close()
        correction.preload(["xx"])  # a bad start-up call is logged in the child, which then serves
        assert correction.check("He go home.", "en").edits
    finally:
        correction.close()
