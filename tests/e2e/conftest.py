"""End-to-end GUI fixtures: the real engine (real models) behind the real window, offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.app import build_window
from desktop.settings import Settings
from tests.desktop.conftest import close_window


@pytest.fixture
def real_window(qtbot: Any, translation_models: Path, tmp_path: Path) -> Iterator[Any]:
    """The main window over the real facade as the app builds it (checker in its own process)."""
    from desktop.app import build_engine

    engine = build_engine()
    win = build_window(engine, Settings(tmp_path / "settings.ini"))
    win.show()
    with qtbot.waitSignal(win.ready, timeout=60000):
        win.start()
    yield win
    close_window(qtbot, win)
    engine.close()
