"""GUI test fixtures: offscreen Qt, a fake engine injected at the composition root, isolated settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.app import build_window
from desktop.settings import Settings
from tests.desktop.fakes import FakeEngine


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot: Any, fake_engine: FakeEngine, settings: Settings) -> Iterator[Any]:
    win = build_window(fake_engine, settings)
    qtbot.addWidget(win)
    win.show()
    win.start()
    yield win
    with qtbot.waitSignal(win.workers.all_stopped, timeout=5000, raising=False):
        win.close()
