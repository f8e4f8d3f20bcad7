"""GUI test fixtures: offscreen Qt, a fake engine injected at the composition root, isolated settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.app import build_window
from desktop.settings import Settings
from tests.desktop.fakes import FakeEngine


@pytest.fixture
def fake_engine() -> Iterator[FakeEngine]:
    engine = FakeEngine()
    yield engine
    engine.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def close_window(qtbot: Any, win: Any) -> None:
    """Close like a user does, wait (in the event loop) for the worker threads to end, then delete."""
    if not shiboken6.isValid(win):
        return
    if win.isVisible() or win.workers.any_busy():
        with qtbot.waitSignal(win.workers.all_stopped, timeout=10000):
            win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5000)
    win.deleteLater()


@pytest.fixture
def window(qtbot: Any, fake_engine: FakeEngine, settings: Settings) -> Iterator[Any]:
    """The main window over the fake engine (not registered with qtbot: it must close its threads first)."""
    win = build_window(fake_engine, settings)
    win.show()
    win.start()
    yield win
    close_window(qtbot, win)
