"""Test-wide fixtures: every test runs with its own isolated data folder.

``prepared_models`` converts the shipped translation models once per test session (about two seconds) into a
session folder; the ``translation_models`` fixture points a test at it through ``PALAVRA_MODELS_DIR``, so tests that
translate do not each pay the conversion.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine import offline

offline.apply()  # like the entry points: no dependency's telemetry in any test or child process


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    data = tmp_path / "palavra-data"
    monkeypatch.setenv("PALAVRA_DATA_DIR", str(data))
    monkeypatch.delenv("PALAVRA_MODELS_DIR", raising=False)
    yield data


@pytest.fixture(scope="session")
def prepared_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of converted shipped models (en-pt, pt-en), made once per session."""
    from engine.config import EngineConfig
    from engine.translate.service import TranslationService

    data = tmp_path_factory.mktemp("prepared-models")
    old = os.environ.get("PALAVRA_DATA_DIR")
    os.environ["PALAVRA_DATA_DIR"] = str(data)
    try:
        TranslationService(EngineConfig()).prepare_models()
    finally:
        if old is None:
            os.environ.pop("PALAVRA_DATA_DIR", None)
        else:
            os.environ["PALAVRA_DATA_DIR"] = old
    return data / "models"


@pytest.fixture
def translation_models(prepared_models: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use the session's converted models in this test (read-only: install new models into the data folder)."""
    monkeypatch.setenv("PALAVRA_MODELS_DIR", str(prepared_models))
    return prepared_models
