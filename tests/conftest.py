"""Test-wide fixtures: every test runs with its own isolated data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    data = tmp_path / "palavra-data"
    monkeypatch.setenv("PALAVRA_DATA_DIR", str(data))
    yield data
